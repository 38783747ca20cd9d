"""Numbers, units, bounds and dates as each language writes them. The expected strings are written by hand: the
English ones are the app's wording since its first release, the Chinese ones how a Chinese reader writes them."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n import LANGS
from i18n import format as fmt

NAN = float("nan")


@pytest.mark.parametrize(
    "value,lang,expected",
    [
        (-12.81, "en", "−12.81"),  # a true minus, U+2212
        (2.069, "en", "2.069"),  # a stated figure keeps its three decimals
        (1234567.5, "en", "1,234,567.5"),
        (63860, "en", "63,860"),
        (0.1, "en", "0.1"),
        (-50.214891, "en", "−50.21"),  # derived: two decimals
        (35552.459016, "en", "35,552.46"),
        (2.675, "en", "2.675"),
        (2.6749, "en", "2.67"),  # rounded as the float is, not half-to-even on its decimal text
        (0.125, "en", "0.125"),
        (100.0, "en", "100"),
        (0.0, "en", "0"),
        (-0.0001, "en", "−0"),
        (None, "en", ""),
        (NAN, "en", ""),
        (63860, "zh", "63,860"),
        (-5.5, "zh", "−5.5"),
        (63860, "xx", "63,860"),  # an unknown language: English
    ],
)
def test_fmt001_number(value, lang, expected):
    assert fmt.number(value, lang) == expected


@pytest.mark.parametrize(
    "value,unit,scale,expected",
    [
        (-12.81, "pct", 1, "−12.81%"),
        (4.266, "pct", 1, "4.266%"),
        (2.069, "usd_bn", 1e9, "$2.069 bn"),
        (-0.8, "usd_bn", 1e9, "−$0.8 bn"),
        (2.48, "usd_tn", 1e12, "$2.48 tn"),
        (800, "usd_mn", 1e6, "$800 mn"),
        (63860, "usd", 1, "$63,860"),
        (89230.35, "usd", 1, "$89,230.35"),
        (2695, "usd_per_oz", 1, "$2,695/oz"),
        (56, "usd_per_bbl", 1, "$56/bbl"),
        (25, "bp", 1, "25 bp"),
        (-10, "bp", 1, "−10 bp"),
        (-1, "pp", 1, "−1 pp"),
        (-600, "index_pts", 1, "−600 pts"),
        (430000, "people", 1, "430,000 people"),
        (6542000, "jobs", 1, "6,542,000 jobs"),
        (14.4, "cny_bn", 1e9, "14.4 CNY bn"),
        (46000, "btc", 1, "46,000 BTC"),
        (74.15, "moz", 1e6, "74.15 mn oz"),
        (3.8, "mb_per_day", 1e6, "3.8 mn bbl/day"),
        (3, "ratio", 1, "3 :1"),
        (22.5, "multiple", 1, "22.5 ×"),
        (60, "score", 1, "60 score"),
        (2, "count", 1, "2"),
        (14, "utc_hour", 1, "14 h UTC"),
        (5, "no_such_unit", 1, "5"),  # a unit the catalogue does not know: the number alone
        (NAN, "pct", 1, ""),
    ],
)
def test_fmt002_amount_in_english(value, unit, scale, expected):
    assert fmt.amount(value, unit, "en", scale) == expected


@pytest.mark.parametrize(
    "value,unit,scale,expected",
    [
        (2.069, "usd_bn", 1e9, "20.69亿美元"),  # not 21亿: a stated figure keeps its digits
        (14.4, "cny_bn", 1e9, "144亿元"),
        (2.48, "usd_tn", 1e12, "2.48万亿美元"),
        (430000, "people", 1, "43万人"),
        (-0.8, "usd_bn", 1e9, "−8亿美元"),
        (0.562, "usd_bn", 1e9, "5.62亿美元"),
        (0.1, "usd_bn", 1e9, "1亿美元"),
        (1300, "usd_bn", 1e9, "1.3万亿美元"),
        (683, "usd_bn", 1e9, "6830亿美元"),
        (30900, "usd_bn", 1e9, "30.9万亿美元"),
        (12.345, "usd_bn", 1e9, "123.45亿美元"),
        (0.001, "usd_bn", 1e9, "100万美元"),
        (800, "usd_mn", 1e6, "8亿美元"),
        (2.0691234, "usd_bn", 1e9, "20.7亿美元"),  # derived ($2.07 bn in English): two decimals at most
        (74.15, "moz", 1e6, "7415万盎司"),
        (3.8, "mb_per_day", 1e6, "380万桶/日"),
        (0.85, "mb_per_day", 1e6, "85万桶/日"),
        (46000, "btc", 1, "4.6万枚比特币"),
        (6542000, "jobs", 1, "654.2万人"),
        (35552.459016, "jobs", 1, "3.56万人"),  # derived
        (22000, "jobs", 1, "2.2万人"),
        (800, "people", 1, "800人"),
        (6500000, "count", 1, "650万"),
        (2, "count", 1, "2"),
        (63860, "usd", 1, "63,860美元"),  # a price is a price, not an amount: written out
        (89230.35, "usd", 1, "89,230.35美元"),
        (2695, "usd_per_oz", 1, "2,695美元/盎司"),
        (56, "usd_per_bbl", 1, "56美元/桶"),
        (-12.81, "pct", 1, "−12.81%"),
        (25, "bp", 1, "25个基点"),
        (-1, "pp", 1, "−1个百分点"),
        (-600, "index_pts", 1, "−600点"),
        (22.5, "multiple", 1, "22.5倍"),
        (60, "score", 1, "60分"),
        (3, "ratio", 1, "3:1"),
        (14, "utc_hour", 1, "UTC 14时"),
    ],
)
def test_fmt003_amount_in_chinese(value, unit, scale, expected):
    assert fmt.amount(value, unit, "zh", scale) == expected


@pytest.mark.parametrize(
    "value,unit,scale,bound,lang,expected",
    [
        (-5, "pct", 1, "over", "en", "over −5%"),
        (63860, "usd", 1, "approx", "en", "≈ $63,860"),
        (-600, "index_pts", 1, "nearly", "en", "nearly −600 pts"),
        (90000, "usd", 1, "under", "en", "under $90,000"),
        (130, "usd_bn", 1e9, "up_to", "en", "up to $130 bn"),
        (430000, "people", 1, "over", "en", "over 430,000 people"),
        (-12.81, "pct", 1, "exact", "en", "−12.81%"),
        (5, "pct", 1, "no_such_bound", "en", "5%"),
        (14.4, "cny_bn", 1e9, "approx", "zh", "约144亿元"),
        (5, "pct", 1, "over", "zh", "超5%"),
        (-5, "pct", 1, "over", "zh", "−超5%"),  # the bound is of the magnitude: not 超−5%, which reads as > −5%
        (-0.8, "usd_bn", 1e9, "over", "zh", "−超8亿美元"),
        (-600, "index_pts", 1, "nearly", "zh", "−近600点"),
        (-1.2, "pct", 1, "approx", "zh", "约−1.2%"),  # 约 is no direction: the sign stays with the figure
        (90000, "usd", 1, "under", "zh", "低于90,000美元"),
        (130, "usd_bn", 1e9, "up_to", "zh", "最高1300亿美元"),
        (430000, "people", 1, "over", "zh", "超43万人"),
        (200000, "people", 1, "nearly", "zh", "近20万人"),
        (-12.81, "pct", 1, "exact", "zh", "−12.81%"),
        (None, "pct", 1, "over", "zh", ""),
    ],
)
def test_fmt004_figure_with_its_bound(value, unit, scale, bound, lang, expected):
    assert fmt.figure(value, unit, lang, scale, bound) == expected


@pytest.mark.parametrize(
    "low,high,unit,bound,lang,expected",
    [
        (-23, -13.1, "pct", "exact", "en", "−13.1% to −23%"),  # nearer zero first, as the sources write it
        (5, 7, "pct", "exact", "en", "5% to 7%"),
        (-20, -19, "pct", "over", "en", "over −19% to −20%"),
        (60000, 65000, "usd", "exact", "en", "$60,000 to $65,000"),
        (4.25, 4.5, "pct", "exact", "en", "4.25% to 4.5%"),
        (-23, -13.1, "pct", "exact", "zh", "−13.1%至−23%"),
        (5, 7, "pct", "exact", "zh", "5%至7%"),
        (-20, -19, "pct", "over", "zh", "−超19%至20%"),
        (60000, 65000, "usd", "exact", "zh", "60,000美元至65,000美元"),
        (-1, 2, "pct", "over", "zh", "超−1%至2%"),  # two signs: nothing to put in front
        (NAN, 2, "pct", "exact", "en", ""),
    ],
)
def test_fmt005_span(low, high, unit, bound, lang, expected):
    assert fmt.span(low, high, unit, lang, 1.0, bound) == expected


@pytest.mark.parametrize(
    "value,bound,lang,expected",
    [
        (6542000, "exact", "en", "6.542 m"),
        (1234567, "exact", "en", "1.235 m"),
        (35552.459016, "approx", "en", "≈ 35.55k"),
        (22000, "exact", "en", "22k"),
        (-22000, "exact", "en", "−22k"),
        (14000, "exact", "en", "14k"),
        (900, "exact", "en", "900"),
        (6542000, "exact", "zh", "654.2万"),
        (1234567, "exact", "zh", "123.4567万"),  # stated: every digit
        (35552.459016, "approx", "zh", "约3.56万"),
        (-22000, "exact", "zh", "−2.2万"),
        (14000, "exact", "zh", "1.4万"),
        (900, "exact", "zh", "900"),
    ],
)
def test_fmt006_short_counts(value, bound, lang, expected):
    assert fmt.short(value, lang, bound) == expected


@pytest.mark.parametrize(
    "date,precision,lang,expected",
    [
        (pd.Timestamp("2026-02-06"), "day", "en", "6 Feb 2026"),
        (pd.Timestamp("2026-01-01"), "month", "en", "Jan 2026"),
        (pd.Timestamp("2013-01-01"), "year", "en", "2013"),
        (dt.date(2025, 9, 1), "day", "en", "1 Sep 2025"),  # not CLDR's British "Sept"
        (dt.date(2025, 10, 1), "month", "en", "Oct 2025"),
        (pd.Timestamp("2026-02-06"), "", "en", "6 Feb 2026"),  # no precision: a day
        (pd.Timestamp("2026-02-06"), "day", "zh", "2026年2月6日"),
        (pd.Timestamp("2026-01-01"), "month", "zh", "2026年1月"),
        (pd.Timestamp("2013-01-01"), "year", "zh", "2013年"),
        (dt.date(2025, 10, 1), "month", "zh", "2025年10月"),
        (None, "day", "en", ""),
        (pd.NaT, "day", "zh", ""),
    ],
)
def test_fmt007_day(date, precision, lang, expected):
    assert fmt.day(date, precision, lang) == expected


@pytest.mark.parametrize(
    "start,sp,end,ep,lang,expected",
    [
        ("2026-02-03", "day", "2026-02-04", "", "en", "3 Feb 2026 – 4 Feb 2026"),
        ("2026-02-01", "month", "2026-03-01", "month", "en", "Feb 2026 – Mar 2026"),
        ("2026-02-03", "day", None, "", "en", "3 Feb 2026"),
        ("2026-02-03", "day", "2026-02-04", "", "zh", "2026年2月3日至2026年2月4日"),
        ("2026-02-01", "month", "2026-03-01", "month", "zh", "2026年2月至2026年3月"),
        ("2026-01-01", "month", "2026-01-20", "day", "zh", "2026年1月至2026年1月20日"),
    ],
)
def test_fmt008_days(start, sp, end, ep, lang, expected):
    end = pd.Timestamp(end) if end else None
    assert fmt.days(pd.Timestamp(start), sp, end, ep, lang) == expected


@pytest.mark.parametrize(
    "index,lang,width,expected",
    [
        (0, "en", "abbreviated", "Mon"),
        (2, "en", "wide", "Wednesday"),
        (6, "en", "abbreviated", "Sun"),
        (0, "zh", "abbreviated", "周一"),
        (6, "zh", "wide", "星期日"),
    ],
)
def test_fmt009_weekday(index, lang, width, expected):
    assert fmt.weekday(index, lang, width) == expected


_CHINESE = re.compile(r"^(−?)([\d.]+)(万亿|亿|万|)美元$")
_POWER = {"": 0, "万": 4, "亿": 8, "万亿": 12}


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=0, max_value=3), st.booleans())
def test_fmt010_a_stated_amount_keeps_every_digit_in_chinese(units, places, negative):
    """Whatever the size, the Chinese compact form of a stated $ bn figure reads back as the same amount."""
    stated = Decimal(units).scaleb(-places) * (-1 if negative else 1)
    text = fmt.amount(float(stated), "usd_bn", "zh", 1e9)
    sign, digits, unit = _CHINESE.match(text).groups()
    back = Decimal(digits).scaleb(_POWER[unit]) * (-1 if sign else 1)
    assert back == stated.scaleb(9), text
    assert math.isclose(float(back), float(stated) * 1e9)


@pytest.mark.parametrize("lang", LANGS)
def test_fmt011_every_language_writes_every_unit_and_bound(lang):
    from data.schema import BOUNDS, UNITS

    for unit, spec in UNITS.items():
        for bound in BOUNDS:
            text = fmt.figure(-1234.5, unit, lang, spec.factor, bound)
            assert text and "{" not in text and re.search(r"\d", text), (unit, bound, text)
