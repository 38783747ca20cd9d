"""Dates say how they are known (README "Rules the data follows"; issue 13, decision D3): `stated` only when the
seed gives the date for this very figure; otherwise `report` (only the report's own date), `weekday`, `relative`
(a relative word: 当天, 次日, 同步 ...) or `implied` (narrative order or context), each with a date_note.

Each row is a record of the shipped data, with the basis and date worked out by reading its seed (line numbers are
`cat -n` lines), not copied from the YAML.
"""

from __future__ import annotations

import pandas as pd
import pytest

from data.columns import C

JAN = "jan-2026-sell-america"

# (table, record id, expected basis, expected date, precision): the reason is the comment on each row
JANUARY = [
    # 000 L1 opens 2026年1月21日 and gives the three indices in the sentence that follows
    ("moves", "djia-1d-s000", "stated", "2026-01-21", "day"),
    ("moves", "spx-1d-s000", "stated", "2026-01-21", "day"),
    # 000 L1 当日美股总市值蒸发: 当日 points back to the paragraph's 2026年1月21日
    ("moves", "us-mcap-1d-s000", "relative", "2026-01-21", "day"),
    # 000 L1 科技股普遍承压,甲骨文…: no date of its own, only the report's opening date
    ("moves", "orcl-1d-s000", "report", "2026-01-21", "day"),
    # 000 L17 Coinbase收跌5.6%: no date or session at all, sixteen lines after the opening date
    ("moves", "coin-1d-s000", "report", "2026-01-21", "day"),
    # 000 L15 截至发稿: at press time, the report's date
    ("moves", "btc-level-s000", "report", "2026-01-21", "day"),
    # 001 L5 道琼斯指数当天暴跌1.76%: 当天 refers to 2026年1月20日 of L2
    ("moves", "djia-1d-s001", "relative", "2026-01-20", "day"),
    # 001 L5 美元指数两个交易日内蒸发1%: a window whose end comes from the sentence's context
    ("rates", "dxy-2d-s001", "implied", "2026-01-20", "day"),
    # 001 L5 10年期美债收益率直接冲破4.3%: no date word, dated by the same sentence's 当天
    ("rates", "ust10y-level-s001", "implied", "2026-01-20", "day"),
    # 000 L11 2026年1月,日本40年期国债收益率飙升至4%: the month is in the sentence
    ("rates", "jgb40y-level-s000", "stated", "2026-01-01", "month"),
    # 001 L4 手里的美债也就1亿美元出头: no date, the paragraph after the 20 January announcement
    ("holdings", "akademiker-ust-s001", "implied", "2026-01-20", "day"),
    # 003 L23 在1月20日宣布…约1亿美元: the date is the announcement's, not the holding's
    ("holdings", "akademiker-ust-s003", "implied", "2026-01-20", "day"),
    # 004 L7 但同一时间: at the same time as the Davos warning of 2026年1月 (L4)
    ("holdings", "akademiker-ust-s004", "relative", "2026-01-01", "month"),
    # 003 L29 合计管理资产超过300亿美元: an undated essay, dated by context
    ("holdings", "danish-funds-aum-s003", "implied", "2026-01-01", "month"),
    # 003 L57 截至2025年11月: stated
    ("holdings", "china-ust-2025-11-s003", "stated", "2025-11-01", "month"),
    # 004 L1 目前只持仓6830亿美元左右, in a sentence about the November data: context
    ("holdings", "china-ust-2025-11-s004", "implied", "2025-11-01", "month"),
    # 000 L7 特朗普于1月17日宣布: stated
    ("events", "tariffs-announced-s000", "stated", "2026-01-17", "day"),
    # 000 L8 欧洲八国于次日发表联合声明: the day after 17 January
    ("events", "eu-joint-statement-s000", "relative", "2026-01-18", "day"),
    # 000 L6: no date, placed after Trump's 1月21日 post by narrative order
    ("events", "akademiker-s000", "implied", "2026-01-21", "day"),
    # 000 L20 ZeroCap周二发布报告: the Tuesday before the report of Wednesday 21 January
    ("events", "zerocap-report-s000", "weekday", "2026-01-20", "day"),
    # 003 L10 他在1月22日接受CNN采访时: stated
    ("events", "trump-cnn-s003", "stated", "2026-01-22", "day"),
    # 003 L17 就在他放话后不到48小时: within 48 hours of 22 January
    ("events", "bessent-davos-s003", "relative", "2026-01-22", "day"),
    # 003 L28 PBU也同步表态: in step with the 20 January announcement, no day of its own
    ("events", "pbu-s003", "relative", "2026-01-01", "month"),
    # 001 L7 股市、债市、汇市同步下跌: no date word, the passage after L5's 当天
    ("events", "triple-kill-s001", "implied", "2026-01-20", "day"),
    # 001 L14 在达沃斯论坛上: no date, the commentary's month
    ("events", "von-der-leyen-davos-s001", "report", "2026-01-01", "month"),
    # 000 L8 韦伯表示: no date, the report's month
    ("events", "weber-s000", "report", "2026-01-01", "month"),
    # 004 L23 同时: at the same time as the directive of 2026年1月 (L22)
    ("events", "g7-rare-earth-alliance-s004", "relative", "2026-01-01", "month"),
]


@pytest.mark.parametrize("table,rid,basis,date,precision", JANUARY, ids=[r[1] for r in JANUARY])
def test_january_dates_say_how_they_are_known(dataset, table, rid, basis, date, precision):
    df = dataset.frames[table]
    row = df[(df[C.EPISODE].astype(str) == JAN) & (df[C.ID] == rid)].iloc[0]
    assert row[C.DATE_BASIS] == basis
    assert (row[C.DATE], row[C.DATE_PRECISION]) == (pd.Timestamp(date), precision)
    if basis != "stated":
        assert row[C.DATE_NOTE], rid


def test_the_sample_covers_every_basis():
    assert {basis for _, _, basis, _, _ in JANUARY} == {"stated", "report", "weekday", "relative", "implied"}


def test_every_date_that_is_not_stated_says_how_it_was_set(dataset):
    for table in ("moves", "rates", "holdings", "events"):
        df = dataset.frames[table]
        df = df[df[C.EPISODE].astype(str) == JAN]
        unstated = df[df[C.DATE].notna() & (df[C.DATE_BASIS] != "stated")]
        assert (unstated[C.DATE_NOTE] != "").all(), list(unstated[unstated[C.DATE_NOTE] == ""][C.ID])
