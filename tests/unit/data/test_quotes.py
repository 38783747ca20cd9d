"""Reading numbers out of Chinese quotes, so a record's value is checked against its own words."""

from __future__ import annotations

import pytest

from data.quotes import hanzi_number, quote_numbers, quote_supports


@pytest.mark.parametrize(
    "quote,number",
    [
        ("爆仓总金额高达20.69亿美元", 2.069e9),
        ("降至654.2万", 6_542_000),
        ("相比2013年峰值时期的1.32万亿美元", 1.32e12),
        ("价格一度下探至**62,841.90美元/枚**", 62841.9),
        ("超过43万人爆仓", 430_000),
        ("覆盖近二十万丹麦公民", 200_000),
        ("日内跌幅达到13.1%-23%", 23),
        ("爆仓高峰集中在UTC时间14:00-16:00", 16),
    ],
)
def test_numbers_found(quote, number):
    assert any(abs(n - number) <= 1e-6 * max(1, number) for n in quote_numbers(quote))


@pytest.mark.parametrize(
    "quote,value,factor,ok",
    [
        ("8.2亿美元", 0.82, 1e9, True),
        ("8.2亿美元", 0.28, 1e9, False),
        ("下跌1.76%", -1.76, 1, True),
        ("下跌1.76%", -1.67, 1, False),
        ("约7415万盎司", 74.15, 1e6, True),
        ("1.5", 1.50, 1, True),
        ("21.5", 1.5, 1, False),  # not a substring match: 1.5 is not written in 21.5
    ],
)
def test_quote_supports(quote, value, factor, ok):
    assert quote_supports(quote, value, factor) is ok


@pytest.mark.parametrize("text,n", [("二十", 20), ("十二", 12), ("三百五十", 350), ("两千", 2000), ("九", 9)])
def test_hanzi_number(text, n):
    assert hanzi_number(text) == n
