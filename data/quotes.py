"""Numbers as written in Chinese source text, so a record's value can be checked against its own quote.

"20.69亿" is 2.069e9, "654.2万" is 6,542,000, "1.32万亿" is 1.32e12, "二十万" is 200,000. Both the bare number
and the scaled one are returned, because a quote may state a percent ("12.81%") or an amount ("8.2亿美元").
"""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万亿|亿|万|千)?")
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, None: 1.0}
_HANZI = re.compile(r"([一二两三四五六七八九十百千]+)(万亿|亿|万)")
_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_PLACE = {"十": 10, "百": 100, "千": 1000}


def hanzi_number(text: str) -> int:
    """'二十' -> 20, '三百五十' -> 350, '十二' -> 12 (numbers below 10,000)."""
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        else:
            total += (digit or 1) * _PLACE[ch]
            digit = 0
    return total + digit


def quote_numbers(quote: str) -> list[float]:
    """Every number in `quote`, bare and scaled by any Chinese multiplier that follows it."""
    out: list[float] = []
    for digits, scale in _NUMBER.findall(quote):
        n = float(digits.replace(",", ""))
        out.append(n)
        if scale:
            out.append(n * _SCALE[scale])
    for digits, scale in _HANZI.findall(quote):  # "近二十万" (nearly 200,000)
        out.append(hanzi_number(digits) * _SCALE[scale])
    return out


def quote_supports(quote: str, value: float, factor: float) -> bool:
    """True when |value| (in its unit, or scaled to the unit's base) is written in `quote`."""
    wanted = {abs(value), abs(value) * factor}
    return any(math.isclose(n, w, rel_tol=1e-9, abs_tol=1e-9) for n in quote_numbers(quote) for w in wanted)


_ENGLISH = re.compile(r"(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(trillion|billion|million|thousand)?", re.I)
_EN_SCALE = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3, "": 1.0}


def english_numbers(text: str) -> list[float]:
    """Every number in an English translation, bare and scaled by the word that follows it ('2.069 billion')."""
    out: list[float] = []
    for digits, scale in _ENGLISH.findall(text):
        n = float(digits.replace(",", ""))
        out += [n, n * _EN_SCALE[scale.lower()]] if scale else [n]
    return out


def translation_supports(text: str, value: float, factor: float) -> bool:
    """True when |value| (in its unit, or scaled to the unit's base) is written in the English translation:
    20.69亿美元 is 2.069 usd_bn, which the translation writes '$2.069 billion' (or '$2,069 million')."""
    wanted = {abs(value), abs(value) * factor}
    return any(math.isclose(n, w, rel_tol=1e-9, abs_tol=1e-9) for n in english_numbers(text) for w in wanted)
