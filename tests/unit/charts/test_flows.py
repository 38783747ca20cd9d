"""The flows builder: every dollar flow once on diverging $ bn axes, direction told by side and word,
labelled by fund and period, disputed figures marked, and the bitcoin-unit figure shown as a tile. Drawn from the
fixture (tests/fixtures/flows.py): seven dollar figures of three funds, one in bitcoin."""

from __future__ import annotations

import pandas as pd
import pytest

from charts import flows
from charts.kit.palette import class_colour
from charts.kit.provenance import date_text, label, value_text
from core.state import State
from data.columns import C
from data.schema import UNITS
from i18n import t
from tests.fixtures import FEB, JAN

from .. import figure_points as fp

# the dollar figures in drawing order, panel by panel: the bitcoin ETFs' flows of a day or two by date, their
# totals and averages over longer periods, then the other funds in the vocabulary's order
DAILY = ["btc-etf-monday", "btc-etf-feb3-table", "btc-etf-feb3-4-table"]
PERIOD = ["btc-etf-cumulative", "btc-etf-average"]
OTHER = ["gold-etf-jan", "leveraged-etf-selling"]
ON_AXIS = DAILY + PERIOD + OTHER


@pytest.fixture(scope="module")
def feb(fixture_frames):
    state = State(episode=FEB)
    return flows.rows(fixture_frames, state), flows.figure(fixture_frames, state), flows.extra(fixture_frames, state)


def _text(component) -> str:
    if isinstance(component, str):
        return component
    children = component.to_plotly_json()["props"].get("children")
    return "".join(_text(c) for c in (children if isinstance(children, list) else [children]) if c is not None)


def test_fl001_every_flow_row_appears_exactly_once(fixture_frames, feb):
    rows, fig, extra = feb
    bars = [rid for *_, rid in fp.bars(fig)]
    tiles = [tile.to_plotly_json()["props"]["data-record"] for tile in extra]
    assert sorted(bars + tiles) == sorted(rows[C.ID]) and len(bars + tiles) == len(set(bars + tiles))
    assert bars == ON_AXIS and tiles == ["btc-etf-in-btc"]
    assert set(rows[C.ID]) == set(fixture_frames["flows"].query(f"{C.EPISODE} == @FEB")[C.ID])


def test_fl002_values_on_the_usd_bn_axis(feb):
    rows, fig, _ = feb
    rows = rows.set_index(C.ID)
    for tr, i, rid in fp.bars(fig):
        row = rows.loc[rid]
        factor = UNITS[row[C.UNIT]].factor / UNITS["usd_bn"].factor
        assert tr.x[i] == pytest.approx(row[C.VALUE] * factor)
        assert tr.marker.color == class_colour(row[C.ASSET_CLASS])
    assert "$ bn" in fig.layout.xaxis3.title.text and "← outflow" in fig.layout.xaxis3.title.text  # the bottom one
    # each panel its own diverging axis, zero in the middle, sized by its largest figure with room for its label:
    # the daily flows' $0.8 bn is not a sliver beside the other funds' $20 bn
    for axis, largest in (("xaxis", 0.8), ("xaxis2", 3), ("xaxis3", 20)):
        lo, hi = fig.layout[axis].range
        assert lo == -hi and hi == pytest.approx(largest * 2.6), axis
    panels = {rid: tr.xaxis for tr, _, rid in fp.bars(fig)}
    assert [panels[r] for r in ON_AXIS] == ["x"] * 3 + ["x2"] * 2 + ["x3"] * 2
    tr, i = fp.bar(fig, "btc-etf-average")
    assert tr.x[i] == pytest.approx(-0.25)  # −250 $ mn


def test_fl003_usd_mn_is_converted_and_says_so(fixture_frames):
    mn = fixture_frames["flows"].iloc[[0]].assign(**{C.VALUE: -500.0, C.UNIT: "usd_mn", C.BOUND: "exact"})
    text = flows._text(mn.iloc[0].to_dict(), False, "en")
    assert flows.to_axis(mn).iloc[0] == pytest.approx(-0.5)
    assert text.startswith("▼ out") and "(= −$0.5 bn)" in text


def test_fl004_out_and_in_told_apart_by_side_and_word(feb):
    _, fig, _ = feb
    points = fp.bars(fig)
    assert {rid for tr, i, rid in points if tr.x[i] > 0} == {"btc-etf-monday", "btc-etf-feb3-table", "gold-etf-jan"}
    for tr, i, _ in points:
        assert tr.text[i].startswith("▼ out" if tr.x[i] < 0 else "▲ in")


def test_fl005_labels_name_fund_and_period(fixture_frames, feb):
    rows, fig, _ = feb
    rows = rows.set_index(C.ID, drop=False)
    for tr, i, rid in fp.bars(fig):
        row = rows.loc[rid].to_dict()
        assert tr.y[i].startswith(label(row, "en") + " · ") and date_text(row, "en") in tr.y[i]
    tr, i = fp.bar(fig, "btc-etf-cumulative")
    assert tr.y[i] == "US spot bitcoin ETFs · cumulative since 16 Jan 2026"
    tr, i = fp.bar(fig, "btc-etf-average")
    assert tr.y[i] == "US spot bitcoin ETFs · average per day since 16 Jan 2026"
    tr, i = fp.bar(fig, "btc-etf-feb3-4-table")
    assert tr.y[i] == "US spot bitcoin ETFs · 3 Feb 2026 – 4 Feb 2026 (Tue–Wed)"  # a span, with its weekdays
    tr, i = fp.bar(fig, "gold-etf-jan")
    assert tr.y[i] == "Gold ETFs worldwide · Jan 2026"  # a month-only period
    shown = {a.text for a in fig.layout.annotations}  # the names are drawn above the bars
    assert "<b>US spot bitcoin ETFs</b> · average per day since 16 Jan 2026" in shown


def test_fl006_grouped_by_fund_btc_first_then_by_date(feb):
    rows, fig, _ = feb
    order = [y for axis in ("yaxis", "yaxis2", "yaxis3") for y in fig.layout[axis].categoryarray]
    funds = [y.split(" · ")[0] for y in order]
    assert funds[0] == "US spot bitcoin ETFs"
    assert funds == sorted(funds, key=funds.index)  # each fund's bars together
    btc = rows[(rows[C.FUND] == "us_btc_spot_etfs")]
    assert list(btc[C.DATE]) == sorted(btc[C.DATE])
    assert list(dict.fromkeys(funds)) == ["US spot bitcoin ETFs", "Gold ETFs worldwide", "Leveraged ETFs"]
    assert [rid for *_, rid in fp.bars(fig)] == ON_AXIS


def test_fl007_the_calendar_pairs_both_shown_with_the_marker_where_disputed(feb):
    rows, fig, _ = feb
    rows = rows.set_index(C.ID)
    text_mon, table_mon = fp.bar(fig, "btc-etf-monday"), fp.bar(fig, "btc-etf-feb3-table")
    assert text_mon[0].y[text_mon[1]].endswith("2 Feb 2026 (Mon)")
    assert table_mon[0].y[table_mon[1]].endswith("3 Feb 2026 (Mon)")  # the weekday as the source states it
    assert text_mon[0].x[text_mon[1]] == table_mon[0].x[table_mon[1]] == pytest.approx(0.5)
    assert "The seed calls 2026-02-03 Monday; the<br>calendar says Tuesday" in table_mon[0].hovertext[table_mon[1]]
    flagged = set()
    for tr, i, rid in fp.bars(fig):  # ⚠ and outline on exactly the rows with conflict ids
        disputed = rows.loc[rid, C.CONFLICT_IDS] != ""
        assert tr.text[i].endswith("⚠") == disputed and (tr.marker.line.width[i] > 0) == disputed
        flagged |= {rid} if disputed else set()
    assert flagged == {"btc-etf-feb3-table", "btc-etf-average"}  # the calendar; ZeroCap in the other episode
    avg = fp.bar(fig, "btc-etf-average")
    assert "100 · 20 Jan 2026: ZeroCap: steady spot-bitcoin ETF inflows" in avg[0].hovertext[avg[1]]


def test_fl008_btc_unit_row_is_a_tile_not_on_the_dollar_axis(fixture_frames, feb):
    rows, fig, extra = feb
    btc = rows[rows[C.UNIT] == "btc"].iloc[0].to_dict()
    assert btc[C.ID] not in [rid for *_, rid in fp.bars(fig)]
    (tile,) = extra
    assert value_text(btc, "en") in _text(tile) and "not on the $ axis" in _text(tile)
    props = tile.to_plotly_json()["props"]
    assert props["title"].startswith("Source: 102 · Fixture research report · via CryptoQuant")
    assert "50,000枚比特币" in props["title"] and "▲ in 50,000 BTC" in _text(tile)


def test_fl009_hover_names_source_and_quote(fixture_frames, feb):
    _, fig, _ = feb
    tr, i = fp.bar(fig, "gold-etf-jan")
    row = fixture_frames["flows"].set_index(C.ID).loc["gold-etf-jan"]
    assert row[C.SOURCE][:3] in tr.hovertext[i] and "via World Gold Council" in tr.hovertext[i]
    assert "“世界黄金协会数据显示，1月全球黄金ETF流入180亿美元”" in tr.hovertext[i]


def test_fl010_bounds_keep_their_words(feb):
    _, fig, _ = feb
    tr, i = fp.bar(fig, "btc-etf-cumulative")
    assert tr.text[i] == "▼ out over −$3 bn"
    tr, i = fp.bar(fig, "leveraged-etf-selling")
    assert tr.text[i] == "▼ out ≈ −$20 bn"


def test_fl011_class_filter_and_empty_states(fixture_frames):
    crypto = flows.rows(fixture_frames, State(episode=FEB, classes=("crypto",)))
    assert set(crypto[C.FUND]) == {"us_btc_spot_etfs"}
    fig = flows.figure(fixture_frames, State(episode=FEB, classes=("crypto",)))
    assert {tr.name for tr in fig.data} == {"Crypto"}
    assert len(flows.extra(fixture_frames, State(episode=FEB, classes=("crypto",)))) == 1
    gold = flows.figure(fixture_frames, State(episode=FEB, classes=("precious_metal",)))
    assert flows.extra(fixture_frames, State(episode=FEB, classes=("precious_metal",))) == []
    assert [rid for *_, rid in fp.bars(gold)] == ["gold-etf-jan"]
    fx = flows.figure(fixture_frames, State(episode=FEB, classes=("fx",)))
    assert not fx.data and fx.layout.annotations[0].text == t("empty.filtered", "en")
    jan = flows.figure(fixture_frames, State(episode=JAN))
    assert not jan.data and jan.layout.annotations[0].text == t("empty.none", "en")


def test_fl012_chinese_labels_and_summary(fixture_frames):
    state = State(episode=FEB, lang="zh")
    fig = flows.figure(fixture_frames, state)
    assert any(y.startswith("美国现货比特币ETF · ") for tr in fig.data for y in tr.y)
    assert any(t.startswith("▼ 流出") for tr in fig.data for t in tr.text)
    assert "周一" in " ".join(y for tr in fig.data for y in tr.y)
    summary = flows.summary(fixture_frames, state)
    assert "全球黄金ETF：2026年1月 ▲ 流入 180亿美元" in summary and "5万枚比特币" in summary


def test_fl013_summary_from_the_data(fixture_frames, feb):
    rows, _, _ = feb
    text = flows.summary(fixture_frames, State(episode=FEB))
    for row in rows.to_dict("records"):
        assert value_text(row, "en") in text
    usd = rows[rows[C.UNIT] != "btc"]
    assert f"{len(usd)} figures in $ bn" in text and "calendar says Tuesday" in text
    assert "7 figures in $ bn (3 inflows, 4 outflows; 2 with conflicting claims, marked ⚠)" in text
    assert "Disputed: Were spot-bitcoin ETFs taking money in or losing it?" in text


def test_fl014_customdata_matches_points(fixture_frames):
    for state in (State(episode=FEB), State(episode="both", theme="dark"), State(lang="zh", classes=("crypto",))):
        for tr in flows.figure(fixture_frames, state).data:
            assert len(tr.customdata) == len(tr.x) and all(len(c) == 3 for c in tr.customdata)
            assert isinstance(tr.customdata[0][0], str)


def test_fl015_both_episodes_show_the_feb_rows(fixture_frames):
    both = flows.rows(fixture_frames, State(episode="both"))
    assert len(both) == len(flows.rows(fixture_frames, State(episode=FEB))) == 8 and set(both[C.EPISODE]) == {FEB}
    assert isinstance(both, pd.DataFrame) and set(both[C.ENTITY]) == set(both[C.FUND])
