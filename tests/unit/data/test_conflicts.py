"""The disagreements found in the seeds are kept as conflicts, with every claim and its source.

Each expectation is written from reading the seeds, and looks claims up by what they say (asset, value,
source), not by the ids the data happens to use.
"""

from __future__ import annotations

import pandas as pd
import pytest

from data.columns import C
from data.schema import TABLES

S000, S001, S002, S003, S004 = (
    "000_eb9b9b638c831f25.txt",
    "001_6ac7a830a60ef09d.txt",
    "002_59fce7a1fe3a6f0e.txt",
    "003_dd3e1915b4eabe12.txt",
    "004_26e08d2485b33cef.txt",
)


@pytest.fixture(scope="module")
def claims(dataset) -> pd.DataFrame:
    """Every conflict claim joined to its record (table, source, value, date, text)."""
    rows = []
    for table in TABLES:
        df = dataset.frames[table]
        for _, r in df.iterrows():
            rows.append(
                {
                    "table": table,
                    "claim_episode": r[C.EPISODE],
                    "claim_id": r[C.ID],
                    "source": r[C.SOURCE],
                    "asset": r.get(C.ASSET, r.get(C.SUBJECT, "")),
                    "value": r.get(C.VALUE),
                    "date": r[C.DATE],
                    "text": r.get(C.TITLE_EN, "") or r[C.QUOTE],
                }
            )
    records = pd.DataFrame(rows)
    joined = dataset.frames["conflict_claims"].merge(records, on=["claim_episode", "claim_id"], how="left")
    return joined.merge(
        dataset.frames["conflicts"].rename(columns={C.ID: C.CONFLICT_ID})[[C.CONFLICT_ID, C.KIND]], on=C.CONFLICT_ID
    )


def _conflict_with(claims, *predicates) -> set[str]:
    """Ids of conflicts having, for each predicate, at least one claim that satisfies it."""
    found = None
    for pred in predicates:
        ids = set(claims[claims.apply(pred, axis=1)][C.CONFLICT_ID])
        found = ids if found is None else found & ids
    return found


def test_dow_fall_dated_differently(claims):
    """000: Dow -1.76% on 21 Jan; 001: the same -1.76% on 20 Jan."""
    ids = _conflict_with(
        claims,
        lambda r: r.source == S000 and r.asset == "djia" and r.value == -1.76 and r.date == pd.Timestamp("2026-01-21"),
        lambda r: r.source == S001 and r.asset == "djia" and r.value == -1.76 and r.date == pd.Timestamp("2026-01-20"),
    )
    assert ids


def test_nasdaq_fall_dated_differently(claims):
    assert _conflict_with(
        claims,
        lambda r: r.source == S000 and r.asset == "ixic" and r.value == -2.39,
        lambda r: r.source == S001 and r.asset == "ixic" and r.value == -2.39,
    )


@pytest.mark.parametrize(
    "first,second",
    [
        # Akademiker's announcement: 20 Jan (001) vs after Trump's 21 Jan post (000)
        (lambda r: r.source == S001 and "Akademiker" in r.text, lambda r: r.source == S000 and "Akademiker" in r.text),
        # sale timing: by month end (003) vs within 7 days (004)
        (
            lambda r: r.source == S003 and "end of the month" in r.text,
            lambda r: r.source == S004 and "7 days" in r.text,
        ),
        # Trump's warning: CNN interview (003) vs Davos (004)
        (lambda r: r.source == S003 and "CNN" in r.text, lambda r: r.source == S004 and "Davos" in r.text),
        # China's peak holdings: 1.32 tn (003) vs nearly 1.3 tn (004)
        (lambda r: r.source == S003 and r.value == 1320, lambda r: r.source == S004 and r.value == 1300),
        # JGB 40Y: highest since 2007 (000) vs record (003)
        (lambda r: r.source == S000 and r.asset == "jgb_40y", lambda r: r.source == S003 and "record" in r.text),
        # Citi's $130bn: global bonds (000) vs US alone (003)
        (lambda r: r.source == S000 and r.asset == "global_bonds", lambda r: r.source == S003 and r.asset == "ust"),
        # ZeroCap's ETF inflows (000) vs average outflows since 16 Jan (002)
        (lambda r: r.source == S000 and "ZeroCap" in r.text, lambda r: r.source == S002 and r.value == -0.243),
    ],
    ids=["akademiker-date", "sale-timing", "warning-venue", "china-peak", "jgb-record", "citi-scope", "etf-flows"],
)
def test_between_seed_conflicts(claims, first, second):
    assert _conflict_with(claims, first, second)


@pytest.mark.parametrize(
    "first,second",
    [
        (lambda r: r.asset == "dxy" and r.value == 105, lambda r: r.asset == "dxy" and r.value == 110),
        (lambda r: r.asset == "avgo" and r.value == -3, lambda r: r.asset == "avgo" and r.value == 2),
        (lambda r: r.asset == "silver_spot" and r.value == 68, lambda r: r.asset == "btc" and r.value == 78),
        (lambda r: r.value == 7250000, lambda r: r.value == 7000000),
        (lambda r: "30 Jan" in r.text and "CME" in r.text, lambda r: "2 Feb" in r.text and "CME" in r.text),
        (lambda r: r.asset == "ust_2y" and r.value == 4.35, lambda r: r.asset == "ust_2y" and r.value == 3.46),
    ],
    ids=["dxy-105-110", "broadcom", "silver-btc-vol", "jolts-expected", "cme-date", "ust2y"],
)
def test_within_report_conflicts(claims, first, second):
    assert _conflict_with(claims, first, second)


def test_dow_points_and_percent_disagree_by_arithmetic(claims, dataset):
    ids = _conflict_with(
        claims, lambda r: r.asset == "djia" and r.value == -600, lambda r: r.asset == "djia" and r.value == -1.2
    )
    kinds = dataset.frames["conflicts"].set_index(C.ID).loc[sorted(ids), C.KIND]
    # "近600点" against "约1.2%" is one arithmetic conflict; the summary table dropping 近 and 约 is another
    assert list(kinds).count("arithmetic") == 1


@pytest.mark.parametrize(
    "date,said,actual",
    [
        ("2026-02-03", "Monday", "Tuesday"),  # BTC ETF inflow "2月3日（周一）"
        ("2026-02-04..2026-02-05", "Tuesday–Wednesday", "Wednesday–Thursday"),  # "2月4-5日（周二至周三）"
        ("2026-02-07", "Friday", "Saturday"),  # US–Iran talks "周五" on 2月7日
    ],
)
def test_weekday_conflicts_found_by_the_calendar(dataset, date, said, actual):
    cal = dataset.frames["conflicts"]
    cal = cal[cal[C.KIND] == "calendar"]
    hit = cal[cal[C.TOPIC_EN].str.contains(date, regex=False)]
    assert len(hit) == 1
    assert said in hit.iloc[0][C.TOPIC_EN] and actual in hit.iloc[0][C.TOPIC_EN]


def test_conflicting_records_carry_their_conflict_ids(dataset):
    moves = dataset.frames["moves"].set_index([C.EPISODE, C.ID])
    dow = moves.loc[("jan-2026-sell-america", "djia-1d-s000")]
    assert "us-session-date" in dow[C.CONFLICT_IDS].split(",")
    clean = moves.loc[("feb-2026-crash", "btc-intraday")]
    assert clean[C.CONFLICT_IDS] == ""
