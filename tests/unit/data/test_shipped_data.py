"""The shipped data: every file validates, and the frames have the documented columns and types."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.api import types as ptypes

from data import DEFAULT_DIR
from data.columns import C, table_columns
from data.schema import TABLES, UNITS
from data.validate import render, validate

EPISODES = {"jan-2026-sell-america", "feb-2026-crash"}


def test_every_shipped_file_validates():
    reports = validate([], DEFAULT_DIR)
    text, code = render(reports)
    assert code == 0, text
    assert [r.kind for r in reports] == ["sources", "vocabulary", "episode", "episode", "story", "story"]
    assert text.endswith("OK")
    assert all(not r.warnings for r in reports), text


def test_both_episodes_load(dataset):
    assert set(dataset.episodes[C.ID]) == EPISODES
    assert dataset.rejected == []


@pytest.mark.parametrize("table", TABLES)
def test_frame_columns_and_types(dataset, table):
    df = dataset.frames[table]
    assert list(df.columns) == table_columns(table)
    assert isinstance(df[C.EPISODE].dtype, pd.CategoricalDtype)
    assert list(df[C.EPISODE].cat.categories) == ["jan-2026-sell-america", "feb-2026-crash"]
    assert ptypes.is_datetime64_dtype(df[C.DATE]) and ptypes.is_datetime64_dtype(df[C.END])
    if C.ASSET_CLASS in df:
        assert isinstance(df[C.ASSET_CLASS].dtype, pd.CategoricalDtype)
        assert df[C.ASSET_CLASS].notna().all(), "every asset has a known class"
    if table != "events":
        for col in (C.VALUE, C.LOW, C.HIGH):
            assert df[col].dtype == "float64"
        assert df[C.DERIVED].dtype == bool
        assert df[C.UNIT].isin(list(UNITS)).all()
        points, ranges = df[C.VALUE].notna(), df[C.LOW].notna() & df[C.HIGH].notna()
        assert (points ^ ranges).all(), "each figure is a value or a range, never both, never neither"
        assert (df.loc[ranges, C.LOW] <= df.loc[ranges, C.HIGH]).all()
    assert df[C.ID].is_unique or df.groupby(C.EPISODE, observed=True)[C.ID].apply(lambda s: s.is_unique).all()


def test_every_figure_has_provenance(dataset):
    for table in TABLES:
        df = dataset.frames[table]
        stated = df[~df[C.DERIVED]] if C.DERIVED in df else df
        assert (stated[C.QUOTE].str.len() > 0).all(), table
        assert stated[C.SOURCE].str.match(r"^\d{3}_[0-9a-f]{16}\.txt$").all(), table
        if C.DERIVED in df:
            derived = df[df[C.DERIVED]]
            assert (derived[C.QUOTE] == "").all() and (derived[C.FORMULA] != "").all()
            assert (derived[C.INPUTS] != "").all()


def test_labels_are_bilingual(dataset):
    for name in ("assets", "classes", "funds", "holders", "indicators", "exchanges"):
        df = dataset.frames[name]
        assert (df[C.LABEL_EN] != "").all() and (df[C.LABEL_ZH] != "").all(), name
    events = dataset.frames["events"]
    assert (events[C.TITLE_ZH] != "").all() and (events[C.TITLE_EN] != "").all()


def test_required_asset_classes_are_covered(dataset):
    used = set(dataset.frames["moves"][C.ASSET_CLASS].dropna()) | set(dataset.frames["rates"][C.ASSET_CLASS].dropna())
    assert {
        "equity_index",
        "equity_stock",
        "crypto",
        "crypto_equity",
        "govt_bond",
        "fx",
        "precious_metal",
        "energy",
    } <= used


def test_headline_figures(dataset):
    """The numbers the episodes are known by, looked up through the frames."""
    moves, liq = dataset.frames["moves"], dataset.frames["liquidations"]
    btc = moves[(moves[C.ID] == "btc-intraday")].iloc[0]
    assert (btc[C.VALUE], btc[C.UNIT], btc[C.WINDOW]) == (-12.81, "pct", "intraday")
    total = liq[liq[C.ID] == "liq-total"].iloc[0]
    assert total[C.VALUE] * 1e9 == pytest.approx(2.069e9)
    eth = moves[moves[C.ID] == "eth-intraday"].iloc[0]
    assert pd.isna(eth[C.VALUE]) and (eth[C.LOW], eth[C.HIGH]) == (-23, -13.1)


def test_month_precision_is_kept(dataset):
    ev = dataset.frames["events"].set_index(C.ID)
    hearing = ev.loc["warsh-hearing"]
    assert (hearing[C.DATE], hearing[C.DATE_PRECISION]) == (pd.Timestamp("2026-02-01"), "month")
    assert (hearing[C.END], hearing[C.END_PRECISION]) == (pd.Timestamp("2026-03-01"), "month")
    assert ev.loc["warsh-nomination", C.DATE_PRECISION] == "day"


def test_timeline_spans_mid_january_to_mid_february(dataset):
    ev = dataset.frames["events"]
    days = ev[ev[C.DATE_PRECISION] == "day"][C.DATE]
    assert days.min() <= pd.Timestamp("2026-01-17") and days.max() >= pd.Timestamp("2026-02-13")
    for needle in ("Warsh", "AkademikerPension", "Davos", "election", "CME", "JOLTS", "tariffs"):
        assert ev[C.TITLE_EN].str.contains(needle).any(), needle


def test_an_announced_sale_is_not_drawn_as_done(dataset):
    """000 L6 宣布将退出, 001 L2 宣布清仓, 003 L23 宣布,将在本月底前彻底清空, 004 L7 宣布计划在7天内卖出: each seed
    reports a Danish fund's announcement of a sale to come, so none of them is an event that occurred."""
    ev = dataset.frames["events"]
    sales = ev[(ev[C.EPISODE] == "jan-2026-sell-america") & (ev[C.CATEGORY] == "pension_fund")]
    announced = sales[sales[C.QUOTE].str.contains("宣布")]
    assert sorted(s[:3] for s in announced[C.SOURCE]) == ["000", "001", "003", "004"]
    assert (announced[C.STATUS] == "announced").all(), list(announced[C.ID])


def test_the_danish_funds_assets_under_management_are_not_called_dollar_assets(dataset):
    """003 L29 '这两家机构合计管理资产超过300亿美元': all the two funds manage, of every kind, not a holding of US or
    dollar assets; the chart colours and lists a figure by its asset's class."""
    h = dataset.frames["holdings"]
    aum = h[(h[C.EPISODE] == "jan-2026-sell-america") & (h[C.METRIC].isin(["aum", "members"]))]
    assert len(aum) == 2 and not (aum[C.ASSET_CLASS] == "us_assets").any()
    assert (aum[C.ASSET] == "managed_assets").all()
