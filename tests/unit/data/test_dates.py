"""Dates say how they are known (README "Rules the data follows"; issue 13, decision D3): `stated` only when the
seed gives the date for this very figure; otherwise `report` (only the report's own date: a window such as
最近24小时 ends there), `weekday` (周三), `relative` (a relative word: 年初, 上周二, 当天, 次日, 同步 ...) or
`implied` (narrative order or context), each with a date_note.

Each row is a record of the shipped data, with the basis and date worked out by reading its seed (line numbers are
`cat -n` lines; February's are of 002, the report dated Friday 6 February 2026), not copied from the YAML.
"""

from __future__ import annotations

import pandas as pd
import pytest

from data.columns import C

JAN = "jan-2026-sell-america"
FEB = "feb-2026-crash"

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


FEBRUARY = [
    # L9 opens 2026年2月6日 and gives 比特币日内暴跌12.81% in the same paragraph
    ("moves", "btc-intraday", "stated", "2026-02-06", "day"),
    # L11 从市值维度观察…1.27万亿美元: no date, the paragraph after the dated L9
    ("moves", "btc-mcap", "implied", "2026-02-06", "day"),
    # L13 此次下跌…飙升至78%: "this fall", no date
    ("moves", "btc-vol", "implied", "2026-02-06", "day"),
    # L131 在1月14日…遭遇阻力…随后的三周内比特币下跌了26%: three weeks after 14 January
    ("moves", "btc-3w", "relative", "2026-02-04", "day"),
    # L17 在此次市场暴跌中…日内跌幅达到13.1%-23%: no date
    ("moves", "eth-intraday", "implied", "2026-02-06", "day"),
    # L19 XRP暴跌超22%: neither date nor window
    ("moves", "xrp-move", "implied", "2026-02-06", "day"),
    # L19 在24小时内蒸发超过3,000亿美元: a window whose end is not given, so the report's
    ("moves", "crypto-mcap-24h", "report", "2026-02-06", "day"),
    # L35 opens 2026年2月6日, then 道琼斯工业平均指数收跌近600点，跌幅约1.2%
    ("moves", "djia-1d", "stated", "2026-02-06", "day"),
    # L37 波动率指数（VIX）单日飙升超过25%: no date, the paragraph after L35
    ("moves", "vix-1d", "implied", "2026-02-06", "day"),
    # L43 AMD重挫超17%: §1.2.2 names no day
    ("moves", "amd-1d", "implied", "2026-02-06", "day"),
    # L55 贵金属市场在2月6日…现货白银一度暴跌超19-20%
    ("moves", "silver-intraday", "stated", "2026-02-06", "day"),
    # L63 WTI原油期货价格下跌2.84%: the oil paragraph names no day
    ("moves", "wti-1d", "implied", "2026-02-06", "day"),
    # L49 从年初的22.5倍: 年初, the start of the year
    ("moves", "spx-pe-start", "relative", "2026-01-01", "month"),
    # L49 压缩至21.2倍: the level now, no date
    ("moves", "spx-pe", "report", "2026-02-06", "day"),
    # L65 维持在每日1,350万桶的历史高位: now, no date (the report's month)
    ("moves", "us-crude-output", "report", "2026-02-01", "month"),
    # L298 table row 三日累计-5.7%: the summary table has no date column
    ("moves", "ixic-3d-table", "report", "2026-02-06", "day"),
    # L301 table row $26.80-$70.35/oz: no date
    ("moves", "silver-range-table", "report", "2026-02-06", "day"),
    # L57 美元指数单日上涨1.2%，突破110关口: 单日 is a window; placed by the 6 February metals paragraph
    ("rates", "dxy-110", "implied", "2026-02-06", "day"),
    # L79 市场对沃什提名的反应…突破105关口: the reaction to the nomination of 30 January (L75), no day
    ("rates", "dxy-105", "implied", "2026-01-30", "day"),
    # L95 美元指数在沃什提名后上涨1.0%: 在…后, after the nomination
    ("rates", "dxy-warsh-1pct", "relative", "2026-01-30", "day"),
    # L103 短期美债在周四领涨…3.46%: Thursday of the report's week
    ("rates", "ust2y-thu-level", "weekday", "2026-02-05", "day"),
    # L344 table row 4.266%（-0.7bp）: no date
    ("rates", "ust10y-level", "report", "2026-02-06", "day"),
    # L25 最近24小时内…20.69亿美元: the last 24 hours end at the report
    ("liquidations", "liq-total", "report", "2026-02-06", "day"),
    # total less the named exchanges of L25-L27: dated as the 最近24小时 figures it is made from
    ("liquidations", "liq-others-derived", "report", "2026-02-06", "day"),
    # L17 2月6日单日DeFi协议清算金额达到4.7亿美元
    ("liquidations", "liq-defi", "stated", "2026-02-06", "day"),
    # L129 在周一录得约5.62亿美元净流入: Monday of the report's week
    ("flows", "btc-etf-monday-text", "weekday", "2026-02-02", "day"),
    # L129 接下来两个交易日: the two trading days after that Monday
    ("flows", "btc-etf-next-two-days-text", "relative", "2026-02-03", "day"),
    # L319 table row 2月3日（周一）: the date is printed (its weekday is the calendar conflict)
    ("flows", "btc-etf-feb3-table", "stated", "2026-02-03", "day"),
    # L131 自1月16日以来每日平均净流出2.43亿美元
    ("flows", "btc-etf-avg-since-jan16", "stated", "2026-01-16", "day"),
    # L131 去年同期购买了46,000枚比特币: the same period last year
    ("flows", "btc-etf-2025-same-period", "relative", "2025-01-01", "year"),
    # L171 是当日下跌的关键推手之一: 当日, that day
    ("flows", "leveraged-etf-rebalancing", "relative", "2026-02-06", "day"),
    # L109 美国劳工统计局2026年2月5日公布的数据显示
    ("macro", "jolts-actual", "stated", "2026-02-05", "day"),
    # L330 table row 2025年12月 | 预期700万: only the month; the release date is L109's
    ("macro", "jolts-expected-table", "implied", "2026-02-05", "day"),
    # L121 ADP周三发布: Wednesday of the report's week
    ("macro", "adp-actual", "weekday", "2026-02-04", "day"),
    # L75 2026年1月30日晚…提名凯文·沃什
    ("events", "warsh-nomination", "stated", "2026-01-30", "day"),
    # L95 在上周二触及2022年2月以来最低水平: last Tuesday
    ("events", "dxy-low", "relative", "2026-01-27", "day"),
    # L131 CryptoQuant周三报告
    ("events", "cryptoquant-report", "weekday", "2026-02-04", "day"),
    # L211 花旗集团近日将美股评级…下调: 近日, recently (the month is assumed)
    ("events", "citi-downgrade", "relative", "2026-02-01", "month"),
    # L201 2025年12月，因非农数据难看，美联储暂停缩表
    ("events", "fed-qt-pause", "stated", "2025-12-01", "month"),
    # L388 table row …周五在阿曼举行…2月7日: the date is printed (its weekday is the calendar conflict)
    ("events", "us-iran-talks", "stated", "2026-02-07", "day"),
]


SAMPLE = [(JAN, *row) for row in JANUARY] + [(FEB, *row) for row in FEBRUARY]


@pytest.mark.parametrize("episode,table,rid,basis,date,precision", SAMPLE, ids=[r[2] for r in SAMPLE])
def test_dates_say_how_they_are_known(dataset, episode, table, rid, basis, date, precision):
    df = dataset.frames[table]
    row = df[(df[C.EPISODE].astype(str) == episode) & (df[C.ID] == rid)].iloc[0]
    assert row[C.DATE_BASIS] == basis
    assert (row[C.DATE], row[C.DATE_PRECISION]) == (pd.Timestamp(date), precision)
    if basis != "stated":
        assert row[C.DATE_NOTE], rid


@pytest.mark.parametrize("sample", [JANUARY, FEBRUARY], ids=["january", "february"])
def test_each_episodes_sample_covers_every_basis(sample):
    assert {basis for _, _, basis, _, _ in sample} == {"stated", "report", "weekday", "relative", "implied"}


@pytest.mark.parametrize("episode", [JAN, FEB])
def test_every_date_that_is_not_stated_says_how_it_was_set(dataset, episode):
    for table in ("moves", "rates", "liquidations", "flows", "macro", "holdings", "forecasts", "events"):
        df = dataset.frames[table]
        df = df[df[C.EPISODE].astype(str) == episode]
        unstated = df[df[C.DATE].notna() & (df[C.DATE_BASIS] != "stated")]
        assert (unstated[C.DATE_NOTE] != "").all(), list(unstated[unstated[C.DATE_NOTE] == ""][C.ID])
