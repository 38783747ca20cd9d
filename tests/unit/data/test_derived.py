"""Derived figures equal their formulas, recomputed here from the stated figures they name, and the seeds'
own arithmetic holds where it should."""

from __future__ import annotations

import pytest

from data.columns import C, lang_column
from data.derive import compute


def _by_id(dataset, table):
    df = dataset.frames[table]
    return {(r[C.EPISODE], r[C.ID]): r for _, r in df.iterrows()}


@pytest.mark.parametrize(
    "table,episode,rid,expected",
    [
        (
            "liquidations",
            "feb-2026-crash",
            "liq-others-derived",
            lambda v: v["liq-total"] - v["liq-binance"] - v["liq-okx"] - v["liq-bybit"],
        ),
        (
            "liquidations",
            "feb-2026-crash",
            "liq-lev-lt10-derived",
            lambda v: 100 - v["liq-lev-10-20"] - v["liq-lev-20-50"] - v["liq-lev-gt50"],
        ),
        ("liquidations", "feb-2026-crash", "liq-okx-share-derived", lambda v: v["liq-okx"] / v["liq-total"] * 100),
        (
            "liquidations",
            "feb-2026-crash",
            "liq-others-share-derived",
            lambda v: (v["liq-total"] - v["liq-binance"] - v["liq-okx"] - v["liq-bybit"]) / v["liq-total"] * 100,
        ),
        ("macro", "feb-2026-crash", "claims-prior-derived", lambda v: v["claims-actual"] - v["claims-change"]),
        ("macro", "feb-2026-crash", "challenger-prior-derived", lambda v: v["challenger-actual"] / 3.05),
    ],
)
def test_derived_equals_formula(dataset, table, episode, rid, expected):
    rows = _by_id(dataset, table)
    values = {k[1]: r[C.VALUE] for k, r in rows.items() if k[0] == episode}
    row = rows[(episode, rid)]
    assert row[C.DERIVED]
    assert row[C.VALUE] == pytest.approx(expected(values), rel=1e-12)
    assert row[C.FORMULA] and row[C.INPUTS]


def test_every_derived_row_is_labelled_and_sourced(dataset):
    for table in ("moves", "rates", "liquidations", "flows", "macro", "holdings", "forecasts"):
        df = dataset.frames[table]
        for _, r in df[df[C.DERIVED]].iterrows():
            assert r[C.QUOTE] == "" and r[C.SOURCE] and r[C.NOTE_EN] and r[C.NOTE_ZH], r[C.ID]


def _worked_result(dataset, episode: str, conflict: str) -> float:
    """The result a conflict's arithmetic shows ("formula = −1.41%"), read back as a number."""
    c = dataset.frames["conflicts"].set_index([C.EPISODE, C.ID]).loc[(episode, conflict)]
    shown = c[lang_column(C.ARITHMETIC, "en")].rsplit("= ", 1)[1]
    return float(shown.replace("\u2212", "-").rstrip("%").replace(",", ""))


def test_no_derived_record_only_shows_a_contradiction(dataset):
    """The Dow's implied percentage and silver's price span as a fall are the conflicts' arithmetic, not records."""
    moves = dataset.frames["moves"]
    feb = moves[moves[C.EPISODE] == "feb-2026-crash"]
    assert not set(feb.loc[feb[C.DERIVED], C.ID]) & {"djia-1d-implied-derived", "silver-range-span-derived"}


def test_no_derived_market_move_in_february(dataset):
    """A move no source states is not drawn: bitcoin's peak-to-low (−50.2%) is left to the path chart, which
    shows both points, beside the report's "超过48%" (D2); February's derived records are decompositions."""
    moves = dataset.frames["moves"]
    assert not moves[(moves[C.EPISODE] == "feb-2026-crash") & moves[C.DERIVED]].size


def test_dow_points_as_a_percentage_is_the_conflicts_arithmetic(dataset):
    """The "近600点" off a close near 41,850: 600 ÷ (41,850 + 600) is 1.41%, shown with the conflict, not drawn."""
    rows = _by_id(dataset, "moves")
    points = rows[("feb-2026-crash", "djia-1d-points")][C.VALUE]
    close = rows[("feb-2026-crash", "djia-close")][C.VALUE]
    expected = points / (close - points) * 100
    assert _worked_result(dataset, "feb-2026-crash", "dow-points-vs-percent") == pytest.approx(expected, abs=0.005)


def test_silver_span_as_a_fall_is_the_conflicts_arithmetic(dataset):
    """The table's "$26.80-$70.35/oz" read as a fall: 26.80 ÷ 70.35 − 1, shown with the conflict, not drawn."""
    span = _by_id(dataset, "moves")[("feb-2026-crash", "silver-range-table")]
    expected = (span[C.LOW] / span[C.HIGH] - 1) * 100
    assert _worked_result(dataset, "feb-2026-crash", "silver-range-vs-fall") == pytest.approx(expected, abs=0.05)


@pytest.mark.parametrize(
    "op,values,total,expected",
    [
        ("difference", [10, 3, 2], None, 5),
        ("sum", [1, 2, 3], None, 6),
        ("complement", [41, 28, 15], 100, 16),
        ("share", [8.2, 20.69], None, 8.2 / 20.69 * 100),
        ("pct_change", [200, 150], None, -25),
        ("change_pct", [-600, 41850], None, -600 / 42450 * 100),
        ("range_span", [26.8, 70.35], None, (26.8 / 70.35 - 1) * 100),
        ("base_from_growth", [108435, 205], None, 108435 / 3.05),
    ],
)
def test_compute(op, values, total, expected):
    assert compute(op, values, total) == pytest.approx(expected)


# --- the seeds' own arithmetic, checked on the curated numbers ------------------------------------------------


def test_binance_share_matches_its_amount(dataset):
    v = {r[C.ID]: r[C.VALUE] for _, r in dataset.frames["liquidations"].iterrows()}
    assert v["liq-binance"] / v["liq-total"] * 100 == pytest.approx(v["liq-binance-share"], abs=0.05)


def test_leverage_buckets_over_10x_exceed_eighty_percent(dataset):
    """'超过八成的爆仓发生在10倍以上杠杆头寸' (over 80% at more than 10x)."""
    v = {r[C.ID]: r[C.VALUE] for _, r in dataset.frames["liquidations"].iterrows()}
    assert v["liq-lev-10-20"] + v["liq-lev-20-50"] + v["liq-lev-gt50"] > 80


def test_btc_market_cap_loss_is_peak_minus_now(dataset):
    v = {r[C.ID]: r[C.VALUE] for _, r in dataset.frames["moves"].iterrows()}
    assert v["btc-mcap-peak"] - v["btc-mcap"] == pytest.approx(-v["btc-mcap-loss"])


def test_chinas_holdings_shrank_by_nearly_half_from_their_peak(dataset):
    """003 L57 '相比2013年峰值时期的1.32万亿美元,缩水近一半' and 004 L2 '几乎腰斩': a fall of a little under
    half, said in words. The percentage is not a record (no seed states it); the words are checked on the stated
    figures."""
    h = dataset.frames["holdings"]
    v = {r[C.ID]: r[C.VALUE] for _, r in h[h[C.EPISODE] == "jan-2026-sell-america"].iterrows()}
    for peak, now in (
        ("china-ust-peak-s003", "china-ust-2025-11-s003"),
        ("china-ust-peak-s004", "china-ust-2025-11-s004"),
    ):
        assert 0.45 < 1 - v[now] / v[peak] < 0.5
    assert not h[(h[C.EPISODE] == "jan-2026-sell-america") & (h[C.HOLDER] == "china")][C.DERIVED].any()


def test_scenario_probabilities_sum_to_one_hundred(dataset):
    assert dataset.frames["scenarios"][C.VALUE].sum() == pytest.approx(100)


def test_etf_daily_average_times_twelve_days_is_the_total(dataset):
    v = {r[C.ID]: r[C.VALUE] for _, r in dataset.frames["flows"].iterrows()}
    assert v["btc-etf-avg-since-jan16"] * 12 <= v["btc-etf-12-days"]  # both outflows: -2.916 <= -2.9


def test_spx_forward_pe_fell_about_six_percent(dataset):
    v = {r[C.ID]: r[C.VALUE] for _, r in dataset.frames["moves"].iterrows()}
    assert (v["spx-pe"] / v["spx-pe-start"] - 1) * 100 == pytest.approx(-6, abs=0.5)
