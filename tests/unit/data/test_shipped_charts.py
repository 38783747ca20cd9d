"""The curated facts, drawn through the charts: what the shipped data (data/episodes/*.yaml) says about the two
crashes, as a reader sees it on screen.

The chart tests (tests/unit/charts/) draw the fixture of tests/fixtures/, so they survive edits to the data; this
module checks the data itself, and only what is essential and stable about it: the headline figures as the seeds
state them, and the disagreements between seeds the dashboard exists to show. It leaves out what the coming data
audit may change: derived records that only expose a contradiction (silver's span, bitcoin's fall from its peak,
the Dow's implied fall), the duplicated ETF flows, how dates were worked out. Records are found by what they are
(asset, window, source), not by their ids.
"""

from __future__ import annotations

import pandas as pd
import pytest

from charts import drawdowns, flows, forecasts, holders, liquidations, macro, path, rates, scenarios, timeline
from charts.kit.provenance import date_text
from charts.registry import NAMES, REGISTRY
from core.state import LANGS, State
from data.columns import C
from i18n import t

from .. import figure_points as fp

FEB, JAN = "feb-2026-crash", "jan-2026-sell-america"


def where(df: pd.DataFrame, episode: str | None = None, **equal) -> pd.DataFrame:
    """The rows of `df` (of `episode`) whose columns equal the given values."""
    keep = pd.Series(True, index=df.index)
    if episode is not None:
        keep &= df[C.EPISODE].astype(str) == episode
    for column, value in equal.items():
        keep &= df[column] == value
    return df[keep]


def one(df: pd.DataFrame, episode: str | None = None, **equal) -> pd.Series:
    found = where(df, episode, **equal)
    assert len(found) == 1, f"{len(found)} rows where {equal}"
    return found.iloc[0]


@pytest.mark.parametrize("chart", REGISTRY, ids=NAMES)
def test_sc001_every_chart_draws_every_shipped_view(chart, frames):
    """Each episode, both together, in every language: rows, a figure of declared trace types, a summary."""
    drawn = 0
    for episode in (JAN, FEB, "both"):
        for lang in LANGS:
            state = State(episode=episode, lang=lang)
            fig = chart.figure(frames, state)
            assert {tr.type for tr in fig.data} <= chart.traces and chart.summary(frames, state)
            drawn += len(chart.rows(frames, state))
    assert drawn  # every chart has figures in the shipped data


# --- drawdowns ---


def test_sc002_bitcoin_fell_12_81_pct_intraday_on_6_february_per_coinglass(frames):
    row = one(frames["moves"], FEB, asset="btc", metric="change", window="intraday")
    assert (row[C.VALUE], row[C.UNIT], row[C.DATE]) == (-12.81, "pct", pd.Timestamp("2026-02-06"))
    tr, i = fp.bar(drawdowns.figure(frames, State(episode=FEB)), row[C.ID])
    assert tr.x[i] == pytest.approx(-12.81) and tr.text[i].startswith("−12.81%")
    assert "Source: 002" in tr.hovertext[i] and "via CoinGlass" in tr.hovertext[i]
    assert "比特币日内暴跌12.81%" in tr.hovertext[i]


def test_sc003_ether_fell_13_1_to_23_pct_drawn_from_zero_with_its_range_marked(frames):
    row = one(frames["moves"], FEB, asset="eth", metric="change", window="intraday")
    fig = drawdowns.figure(frames, State(episode=FEB))
    tr, i = fp.bar(fig, row[C.ID])  # a solid bar from zero to the nearer end, a marked span on to the farther
    assert (tr.base[i], tr.x[i], *fp.spans(fig)[row[C.ID]]) == pytest.approx((0, -13.1, -13.1, -23))


def test_sc004_000_and_001_date_the_dows_1_76_pct_fall_on_different_days(frames):
    dow = where(frames["moves"], JAN, asset="djia", metric="change", window="1d", value=-1.76)
    assert sorted(s[:3] for s in dow[C.SOURCE]) == ["000", "001"] and dow[C.DATE].nunique() == 2
    days = [date_text(r) for r in dow.to_dict("records")]
    fig = drawdowns.figure(frames, State(episode=JAN))
    for rid in dow[C.ID]:
        tr, i = fp.bar(fig, rid)
        assert tr.text[i].endswith("⚠") and tr.y[i].startswith("Dow Jones Industrial Average · 00")
        assert all(day in tr.hovertext[i] for day in days)  # both claims listed, each with its date


def test_sc005_both_episodes_share_the_us_indices_and_bitcoin(frames):
    rows = drawdowns.rows(frames, State(episode="both"))
    for episode in (JAN, FEB):
        assert {"djia", "spx", "ixic", "btc"} <= set(rows.loc[rows[C.EPISODE] == episode, C.ENTITY])


# --- path ---


def test_sc006_bitcoins_path_runs_from_the_october_peak_to_the_6_february_low(frames):
    assert path.asset(frames, State()) == "btc"
    rows = path.rows(frames, State())
    peak = one(rows, metric="peak")
    assert (peak[C.VALUE], peak[C.DATE], peak[C.DATE_PRECISION]) == (126223, pd.Timestamp("2025-10-01"), "month")
    lows = where(rows, metric="low", date=pd.Timestamp("2026-02-06"), bound="exact")
    assert list(lows[C.VALUE]) == [62841.9]
    text = path.summary(frames, State())
    assert "$126,223 (Oct 2025)" in text and "$62,841.9 (6 Feb 2026)" in text


# --- liquidations ---


def test_sc007_2_069_bn_of_crypto_positions_were_liquidated_on_6_february(frames):
    liq = frames["liquidations"]
    total = one(liq, FEB, dimension="total", metric="amount", unit="usd_bn")
    assert total[C.VALUE] == 2.069 and "20.69亿美元" in total[C.QUOTE] and total[C.OUTLET] == "coinglass"
    tiles = " ".join(
        str(tile.to_plotly_json()["props"].get("title")) for tile in liquidations.extra(frames, State(episode=FEB))
    )
    assert "20.69亿美元" in tiles
    text = liquidations.summary(frames, State(episode=FEB))
    assert "All liquidations $2.069 bn" in text and "over 430,000 people" in text and "over 90%" in text
    assert "the short share is not given" in text


def test_sc008_binance_had_the_most_0_82_bn_or_39_6_pct(frames):
    liq = frames["liquidations"]
    amount = one(liq, FEB, dimension="exchange", exchange="binance", metric="amount")
    share = one(liq, FEB, dimension="exchange", exchange="binance", metric="share")
    assert (amount[C.VALUE], share[C.VALUE]) == (0.82, 39.6)
    assert "Binance $0.82 bn, 39.6% of total (the most)" in liquidations.summary(frames, State(episode=FEB))


def test_sc009_liquidations_peaked_14_00_to_16_00_utc_and_only_february_has_them(frames):
    peak = one(frames["liquidations"], FEB, dimension="peak")
    assert (peak[C.LOW], peak[C.HIGH]) == (14, 16)
    assert set(frames["liquidations"][C.EPISODE].astype(str)) == {FEB}
    fig = liquidations.figure(frames, State(episode=JAN))
    assert not fig.data and fig.layout.annotations[0].text == t("empty.none", "en")


# --- flows ---


def test_sc010_bitcoin_etfs_lost_over_2_9_bn_since_16_january_which_zerocaps_inflows_dispute(frames):
    btc = where(frames["flows"], FEB, fund="us_btc_spot_etfs")
    cumulative = one(btc, metric="cumulative_net_flow")
    average = one(btc, metric="avg_daily_net_flow")
    assert (cumulative[C.VALUE], cumulative[C.BOUND], average[C.VALUE] * 1000) == (-2.9, "over", pytest.approx(-243))
    fig = flows.figure(frames, State(episode=FEB))
    tr, i = fp.bar(fig, average[C.ID])
    assert tr.text[i].startswith("▼ out") and tr.text[i].endswith("⚠") and "ZeroCap" in tr.hovertext[i]
    assert fp.bar(fig, cumulative[C.ID])[0].text[fp.bar(fig, cumulative[C.ID])[1]] == "▼ out over −$2.9 bn"


def test_sc011_the_46_000_bitcoin_figure_is_a_tile_and_gold_etfs_took_in_18_7_bn_in_january(frames):
    in_btc = one(frames["flows"], FEB, unit="btc")
    assert (in_btc[C.VALUE], in_btc[C.OUTLET]) == (46000, "cryptoquant")
    (tile,) = flows.extra(frames, State(episode=FEB))
    assert tile.to_plotly_json()["props"]["data-record"] == in_btc[C.ID]
    gold = one(frames["flows"], FEB, fund="gold_etfs")
    assert (gold[C.VALUE], gold[C.UNIT], gold[C.DATE_PRECISION]) == (18.7, "usd_bn", "month")
    tr, i = fp.bar(flows.figure(frames, State(episode=FEB)), gold[C.ID])
    assert tr.text[i] == "▲ in $18.7 bn" and tr.y[i] == "Gold ETFs worldwide · Jan 2026"


# --- timeline ---


def _event_marks(fig) -> dict:
    """event id -> (trace, point index) of its first point on the timeline."""
    out = {}
    for tr in fig.data:
        for k, (c, x) in enumerate(zip(tr.customdata, tr.x, strict=True)):
            if x is not None:
                out.setdefault(c[2], (tr, k))
    return out


def test_sc012_the_seeds_disagree_about_when_akademikerpension_announced_its_sale(frames):
    events = frames["events"]
    sale = events[(events[C.EPISODE] == JAN) & events[C.TITLE_EN].str.contains("AkademikerPension")]
    assert sale[C.SOURCE].nunique() >= 2 and sale[C.DATE].nunique() >= 2
    marks = _event_marks(timeline.figure(frames, State(episode=JAN)))
    for rid in sale[C.ID]:
        tr, k = marks[rid]
        assert "⚠" in ("".join(tr.text) if "lines" in tr.mode else tr.text[k]), rid
        assert "Sources disagree" in tr.hovertext[k]


def test_sc013_the_us_iran_talks_friday_was_a_saturday(frames):
    talks = one(frames["events"], FEB, date=pd.Timestamp("2026-02-07"), weekday="fri")
    tr, k = _event_marks(timeline.figure(frames, State(episode=FEB)))[talks[C.ID]]
    assert tr.text[k] == "⚠" and "the calendar says Saturday" in tr.hovertext[k].replace("<br>", " ")


# --- rates ---


def test_sc014_the_report_gives_the_2_year_yield_as_4_35_and_3_46_pct_both_flagged(frames):
    levels = where(frames["rates"], FEB, asset="ust_2y", metric="level")
    assert sorted(levels[C.VALUE]) == [3.46, 4.35] and (levels[C.CONFLICT_IDS] != "").all()
    text = rates.summary(frames, State(episode=FEB))
    assert "US 2-year Treasury yield 4.35% ⚠" in text and "US 2-year Treasury yield 3.46% ⚠" in text


# --- macro ---


def test_sc015_december_job_openings_fell_to_6_542_m_against_two_expectations(frames):
    jolts = where(frames["macro"], FEB, indicator="jolts_openings")
    assert one(jolts, measure="actual")[C.VALUE] == 6_542_000
    expected = where(jolts, measure="expected")
    assert sorted(expected[C.VALUE]) == [7_000_000, 7_250_000] and (expected[C.CONFLICT_IDS] != "").all()
    text = macro.summary(frames, State(episode=FEB))
    assert "actual 6,542,000 jobs vs expected 7,250,000 jobs or 7,000,000 jobs" in text


# --- holders ---


def test_sc016_chinas_peak_holdings_were_1_32_tn_per_003_or_nearly_1_3_tn_per_004(frames):
    peak = where(frames["holdings"], JAN, holder="china", metric="holding", date=pd.Timestamp("2013-01-01"))
    claims = {s[:3]: (v, b) for s, v, b in zip(peak[C.SOURCE], peak[C.VALUE], peak[C.BOUND], strict=True)}
    assert claims == {"003": (1320, "exact"), "004": (1300, "nearly")}
    assert (peak[C.CONFLICT_IDS] != "").all()
    text = holders.summary(frames, State(episode=JAN))
    assert "China $1,320 bn" in text and "China nearly $1,300 bn" in text


def test_sc017_foreign_holders_have_30_9_tn_of_us_securities_the_largest_holding(frames):
    rows = holders.rows(frames, State(episode=JAN))
    largest = rows.iloc[0]
    assert (largest[C.HOLDER], largest[C.VALUE], largest[C.UNIT]) == ("foreign", 30.9, "usd_tn")
    assert "Largest: Foreign holders $30.9 tn" in holders.summary(frames, State(episode=JAN))


# --- forecasts ---


def test_sc018_jpmorgan_raised_its_gold_target_from_5_400_to_6_300_above_golds_stated_price(frames):
    jpm = where(frames["forecasts"], FEB, by="jpmorgan", subject="gold", metric="price_target")
    assert dict(zip(jpm[C.STATUS], jpm[C.VALUE], strict=True)) == {"previous": 5400, "current": 6300}
    assert one(jpm, status="current")[C.CONFLICT_IDS] != ""  # far above the $2,695 the report gives for gold
    fig = forecasts.figure(frames, State(episode=FEB))
    assert (5400, 6300) in {(a.ax, a.x) for a in fig.layout.annotations if a.showarrow}
    assert "JPMorgan Gold $5,400/oz → $6,300/oz" in forecasts.summary(frames, State(episode=FEB))


# --- scenarios ---


def test_sc019_the_report_gives_four_scenarios_whose_probabilities_add_up_to_100_pct(frames):
    rows = scenarios.rows(frames, State(episode=FEB))
    assert len(rows) == 4 and rows[C.VALUE].sum() == 100 and not rows[C.DERIVED].any()
    (bar,) = scenarios.figure(frames, State(episode=FEB)).data
    assert list(bar.x) == list(rows[C.VALUE])


# --- one event told twice by one seed ---


def test_sc020_003s_opening_tells_the_danish_sale_as_done_and_it_is_kept_as_a_claim_not_drawn(frames):
    """003 L4 has the fund clear its Treasuries as soon as Trump spoke; L23 dates the same sale's announcement 1月20日,
    to be completed by month end. One sale: the dated announcement is drawn, the opening is kept as its claim."""
    sales = where(frames["events"], JAN, category="pension_fund")
    sales = sales[sales[C.SOURCE].str.startswith("003") & sales[C.QUOTE].str.contains("清")]
    opening = one(sales, status="occurred")
    dated = one(sales, date=pd.Timestamp("2026-01-20"))
    assert opening[C.RESTATES] == dated[C.ID] and dated[C.RESTATES] == ""
    assert set(opening[C.CONFLICT_IDS].split(",")) & set(dated[C.CONFLICT_IDS].split(","))
    drawn = set(timeline.rows(frames, State(episode=JAN))[C.ID])
    assert dated[C.ID] in drawn and opening[C.ID] not in drawn
