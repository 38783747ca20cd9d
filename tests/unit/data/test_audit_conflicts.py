"""The conflicts the second data audit (issue 13) added or re-graded are in the data as the audit found them:
each row is written from reading the seed (the passages are named in the conflict's note), not read back from the
YAML. A row gives the conflict's id, kind, severity and its claims (record ids of the same episode)."""

from __future__ import annotations

import pytest

from data.columns import C

FEB = "feb-2026-crash"

# (episode, conflict id, kind, severity, claims) — 002 is the February episode's only source
FEB_CONFLICTS = [
    # the text's Monday inflow (line 129) and the table's "2月3日（周一）" (line 319): one flow, two dates
    (FEB, "btc-etf-inflow-date", "within_seed", "contradiction", {"btc-etf-monday-text", "btc-etf-feb3-table"}),
    # the next two trading days (line 129) and the table's "2月4-5日（周二至周三）" (line 320)
    (
        FEB,
        "btc-etf-outflow-dates",
        "within_seed",
        "contradiction",
        {"btc-etf-next-two-days-text", "btc-etf-feb4-5-table"},
    ),
    # summary-table cells (or a later passage) that drop the text's qualifier: one drawn record, a tension (D1)
    (
        FEB,
        "btc-table-low-close",
        "within_seed",
        "tension",
        {"btc-low", "btc-close", "btc-low-table", "btc-close-table"},
    ),
    (FEB, "btc-from-peak-48", "within_seed", "tension", {"btc-from-peak", "btc-from-peak-s4"}),  # line 9 vs 253
    (
        FEB,
        "dow-table-qualifiers",
        "within_seed",
        "tension",
        {"djia-1d", "djia-1d-points", "djia-close", "djia-1d-table", "djia-1d-points-table", "djia-close-table"},
    ),
    (FEB, "silver-table-bound", "within_seed", "tension", {"silver-intraday", "silver-intraday-table"}),
    (FEB, "gold-spot-table-bound", "within_seed", "tension", {"gold-spot-1d", "gold-spot-1d-table"}),
    (FEB, "yuekai-cuts-bound", "within_seed", "tension", {"yuekai-rate-cuts", "yuekai-rate-cuts-table"}),
    # +2.3% to −0.8% for the year is a ~3% fall, the day's is 1.23% (line 35); true if +2.3% predates the week
    (FEB, "spx-day-vs-ytd", "arithmetic", "tension", {"spx-1d", "spx-ytd-before", "spx-ytd"}),
    # 82% odds of going below $65,000 (line 13) when the low and close are already below it (line 9)
    (FEB, "polymarket-65k-vs-low", "within_seed", "tension", {"polymarket-btc-65k", "btc-low", "btc-close"}),
    # two cuts from 4.25–4.50% (line 340) do not reach about 3% (lines 195, 367) at 25 bp each
    (
        FEB,
        "fed-funds-cuts-to-3pct",
        "arithmetic",
        "tension",
        {"fed-funds-target", "yuekai-rate-cuts", "yuekai-policy-rate"},
    ),
    # Citi's $100 silver in three months (line 364) against $26.80 (line 55) and $70.35 (line 301)
    (
        FEB,
        "silver-level-vs-citi-target",
        "within_seed",
        "tension",
        {"silver-low", "silver-range-table", "citi-silver-3m"},
    ),
    # re-graded: 4.35% (line 79) to 3.46% (line 103) is 89 bp, more than four falls of at most 9 bp can take off
    (FEB, "ust2y-level", "arithmetic", "contradiction", {"ust2y-warsh-level", "ust2y-thu-level"}),
    # re-graded: Broadcom down over 3% and up 2% (line 43) hold if they are different sessions, which it leaves open
    (FEB, "broadcom-direction", "within_seed", "tension", {"avgo-1d", "avgo-up-1d"}),
    # completed: every target against $2,695 (lines 55, 269, 273), the cut 6-12 month one and JPMorgan's previous
    (
        FEB,
        "gold-level-vs-targets",
        "within_seed",
        "tension",
        {"gold-futures-close", "citi-gold-0-3m", "citi-gold-6-12m", "jpm-gold-2026-previous", "jpm-gold-2026"},
    ),
]


@pytest.fixture(scope="module")
def claims_by_conflict(frames) -> dict[tuple[str, str], set[str]]:
    claims = frames["conflict_claims"]
    out: dict[tuple[str, str], set[str]] = {}
    for ep, cid, rid in zip(claims[C.EPISODE].astype(str), claims[C.CONFLICT_ID], claims[C.CLAIM_ID], strict=True):
        out.setdefault((ep, cid), set()).add(rid)
    return out


@pytest.mark.parametrize("episode,cid,kind,severity,claims", FEB_CONFLICTS, ids=[r[1] for r in FEB_CONFLICTS])
def test_au001_conflict_found_by_the_audit(frames, claims_by_conflict, episode, cid, kind, severity, claims):
    table = frames["conflicts"].set_index([C.EPISODE, C.ID])
    assert (episode, cid) in table.index, cid
    row = table.loc[(episode, cid)]
    assert (row[C.KIND], row[C.SEVERITY]) == (kind, severity)
    assert claims_by_conflict[(episode, cid)] == claims
