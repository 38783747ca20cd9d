"""Dates say how they are known (issue 13, decision D3): `stated` only where the seed gives the date for that
very figure; otherwise `report` (only the report's own date: a window such as 最近24小时 ends there), `weekday`
(周三), `relative` (次日, 上周二, 年初, 近日) or `implied` (placed by the narrative or the context), each with a
date_note. Each row names a record, the basis read from the seed, and why."""

from __future__ import annotations

import pytest

from data.columns import C

FEB = "feb-2026-crash"

# (record id, expected basis, reason from 002 — line numbers are the seed's)
FEB_DATES = [
    ("btc-intraday", "stated", "line 9 opens with 2026年2月6日 and gives the 12.81% in the same paragraph"),
    ("btc-mcap", "implied", "line 11 names no day; it follows the dated line 9"),
    ("btc-vol", "implied", "line 13: 此次下跌 (this fall), no day"),
    ("btc-3w", "relative", "line 131: 随后的三周内 after 1月14日, no end date"),
    ("eth-intraday", "implied", "line 17: 在此次市场暴跌中 (in this crash), no day"),
    ("xrp-move", "implied", "line 19 gives neither day nor window"),
    ("crypto-mcap-24h", "report", "line 19: 在24小时内, a window whose end is the report's date"),
    ("liq-total", "report", "line 25: 最近24小时, a window ending at the report"),
    ("liq-others-derived", "report", "derived from the 最近24小时 figures, so dated as they are"),
    ("liq-defi", "stated", "line 17: 2月6日单日"),
    ("djia-1d", "stated", "line 35 opens with 2026年2月6日"),
    ("vix-1d", "implied", "line 37 follows line 35 and names no day"),
    ("amd-1d", "implied", "§1.2.2 (line 43) names no day"),
    ("silver-intraday", "stated", "line 55: 贵金属市场在2月6日"),
    ("wti-1d", "implied", "line 63 names no day"),
    ("spx-pe-start", "relative", "line 49: 年初 (at the start of the year)"),
    ("spx-pe", "report", "line 49: the current level, no day"),
    ("dxy-110", "implied", "line 57: 单日 is a window; placed by the metals paragraph"),
    ("dxy-105", "implied", "line 79: the reaction to the 30 January nomination, no day"),
    ("dxy-warsh-1pct", "relative", "line 95: 在沃什提名后 (after the nomination)"),
    ("ust2y-thu-level", "weekday", "line 103: 周四"),
    ("ust10y-level", "report", "table line 344 gives no date"),
    ("btc-etf-monday-text", "weekday", "line 129: 周一"),
    ("btc-etf-next-two-days-text", "relative", "line 129: 接下来两个交易日 after the Monday"),
    ("btc-etf-feb3-table", "stated", "table line 319 prints 2月3日 (its weekday is the calendar conflict)"),
    ("btc-etf-avg-since-jan16", "stated", "line 131: 自1月16日以来"),
    ("leveraged-etf-rebalancing", "relative", "line 171: 当日 (that day)"),
    ("silver-range-table", "report", "table line 301 gives no date"),
    ("ixic-3d-table", "report", "table line 298 gives no date"),
    ("jolts-actual", "stated", "line 109: 2026年2月5日公布"),
    ("jolts-expected-table", "implied", "table line 330 gives only the month; the release date is line 109's"),
    ("adp-actual", "weekday", "line 121: ADP周三发布"),
]

FEB_EVENT_DATES = [
    ("warsh-nomination", "stated", "line 75: 2026年1月30日晚"),
    ("dxy-low", "relative", "line 95: 上周二 (last Tuesday)"),
    ("cryptoquant-report", "weekday", "line 131: CryptoQuant周三报告"),
    ("citi-downgrade", "relative", "line 211: 近日 (recently)"),
    ("us-iran-talks", "stated", "table line 388 prints 2月7日 (its 周五 is the calendar conflict)"),
]


@pytest.mark.parametrize("rid,basis,reason", FEB_DATES, ids=[r[0] for r in FEB_DATES])
def test_da001_february_record_dates_say_how_they_are_known(frames, rid, basis, reason):
    row = frames["records"].loc[(FEB, rid)]
    assert row[C.DATE_BASIS] == basis, reason
    assert (row[C.DATE_NOTE] != "") == (basis != "stated"), reason


@pytest.mark.parametrize("rid,basis,reason", FEB_EVENT_DATES, ids=[r[0] for r in FEB_EVENT_DATES])
def test_da002_february_event_dates_say_how_they_are_known(frames, rid, basis, reason):
    events = frames["events"].set_index([C.EPISODE, C.ID])
    row = events.loc[(FEB, rid)]
    assert row[C.DATE_BASIS] == basis, reason
    assert (row[C.DATE_NOTE] != "") == (basis != "stated"), reason
