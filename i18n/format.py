"""Numbers, units, bounds and dates as each language writes them, with Babel's locale data.

Functions of plain values (a number, a unit key, a bound key, a date and its precision) and a language; the
caller reads them from its rows. The words around a number come from the catalogue, so a language's way of
writing an amount is its catalogue, not code:

    unit.<unit>      where the number goes among the unit's words: "${n} bn", "{compact}美元"
    bound.<bound>    how a bound reads: "over {v}", "{sign}超{abs}"
    range            a low–high range: "{near} to {far}", "{near}至{far}"
    date.<precision> a CLDR date pattern: "d MMM y", "y年M月d日"

In a unit pattern {n} is the figure in the unit ("2.069" for $2.069 bn) and {compact} the whole amount in the
locale's compact form ("20.69亿" for 2,069,000,000: 万, 亿, 万亿 in Chinese). A stated figure keeps every digit
it was given (20.69亿 never becomes 21亿); a derived one shows two decimals at most. The sign goes in front,
as a true minus (U+2212).
"""

from __future__ import annotations

import math
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date, get_day_names
from babel.numbers import format_compact_decimal, format_decimal

from .catalogue import has, t
from .languages import language

MINUS = "\u2212"
STATED_DIGITS, DERIVED_DIGITS = 3, 2  # a stated 2.069 keeps its digits; derived values get two
MOST_DIGITS = 15  # beyond any stated figure: the compact form of an amount with every digit kept
# the placeholders each family of catalogue patterns is given; a language uses those its way of writing needs
PLACEHOLDERS = {
    "unit.": frozenset({"n", "compact"}),
    "short.": frozenset({"n", "compact"}),
    "bound.": frozenset({"v", "sign", "abs"}),
}


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def digits(value: float) -> int:
    """How many decimals a figure shows: up to three when it has no more (as stated), else two (derived)."""
    return STATED_DIGITS if round(value, STATED_DIGITS) == value else DERIVED_DIGITS


def _sign(value: float) -> str:
    return MINUS if value < 0 else ""


@lru_cache(maxsize=8192)  # pure, and called for every figure of every hover, table and summary
def number(value: float, lang: str = "en") -> str:
    """'1,234.5', '−12.81', '2.069': grouped, at most two decimals for derived values, a true minus."""
    if _missing(value):
        return ""
    places = digits(value)
    # rounded first, as Python rounds the float itself; Babel would round its decimal text half-to-even
    text = format_decimal(round(abs(value), places), format="#,##0." + "#" * places, locale=language(lang).locale)
    return _sign(value) + text


@lru_cache(maxsize=8192)
def compact(value: float, lang: str = "en", scale: float = 1.0) -> str:
    """`value` × `scale` in the locale's compact form, every stated digit kept: 2.069 × 1e9 → '20.69亿'."""
    if _missing(value):
        return ""
    places = digits(value)
    amount = Decimal(repr(round(abs(value), places))) * Decimal(repr(scale))
    locale = language(lang).locale
    full = format_compact_decimal(amount, locale=locale, fraction_digits=MOST_DIGITS)
    most = MOST_DIGITS if places == STATED_DIGITS else DERIVED_DIGITS
    for fraction in range(most + 1):  # the fewest decimals that lose nothing (Babel drops trailing zeros)
        text = format_compact_decimal(amount, locale=locale, fraction_digits=fraction)
        if text == full or fraction == most:
            return _sign(value) + text
    return _sign(value) + full


def _fill(pattern: str, value: float, lang: str, scale: float) -> str:
    """A unit or short-form pattern filled with the magnitude of `value`; the sign goes in front."""
    magnitude = abs(value)
    fields = {"n": number(magnitude, lang)}
    if "{compact}" in pattern:
        fields["compact"] = compact(magnitude, lang, scale)
    return _sign(value) + pattern.format(**fields)


def amount(value: float, unit: str, lang: str = "en", scale: float = 1.0) -> str:
    """A figure with its unit: '−12.81%', '$2.069 bn', '430,000 people'; '20.69亿美元', '43万人' in Chinese.
    `scale` is the size of one unit (1e9 for $ bn), for languages that write the whole amount. A unit the
    catalogue does not know is a bare number."""
    if _missing(value):
        return ""
    key = f"unit.{unit}"
    return _fill(t(key, lang) if has(key) else "{n}", value, lang, scale)


def bounded(text: str, bound: str, lang: str = "en", sign: str = "", magnitude: str | None = None) -> str:
    """`text` (a figure as written, with its sign) after the bound's words: 'over −5%', '约144亿元'.
    A language may put the sign before the words and bound the magnitude ('−超5%'), given as `sign` and
    `magnitude`; without them the figure is unsigned."""
    key = f"bound.{bound}"
    if not has(key):
        return text
    return t(key, lang, v=text, sign=sign, abs=text if magnitude is None else magnitude)


def figure(value: float, unit: str, lang: str = "en", scale: float = 1.0, bound: str = "exact") -> str:
    """A figure as the source states it: its bound's words, then the figure with its unit."""
    if _missing(value):
        return ""
    return bounded(amount(value, unit, lang, scale), bound, lang, _sign(value), amount(abs(value), unit, lang, scale))


def span(low: float, high: float, unit: str, lang: str = "en", scale: float = 1.0, bound: str = "exact") -> str:
    """A range as written, nearer zero first: '−13.1% to −23%', '5% to 7%'; a bound reads before it."""
    if _missing(low) or _missing(high):
        return ""
    near, far = sorted((float(low), float(high)), key=abs)
    signed = t("range", lang, near=amount(near, unit, lang, scale), far=amount(far, unit, lang, scale))
    same = (near < 0) == (far < 0)  # one sign for the whole range: it can go in front of the bound's words
    magnitude = t("range", lang, near=amount(abs(near), unit, lang, scale), far=amount(abs(far), unit, lang, scale))
    return bounded(signed, bound, lang, _sign(near) if same else "", magnitude if same else signed)


def short(value: float, lang: str = "en", bound: str = "exact") -> str:
    """A count in few characters, for a bar label: '6.542 m', '35.55k', '900'; '654.2万' in Chinese."""
    if _missing(value):
        return ""
    size = abs(value)
    key, n = (
        ("short.millions", round(size / 1e6, 3))
        if size >= 1e6
        else ("short.thousands", round(size / 1e3, 2))
        if size >= 1e3
        else ("short.units", round(size, 2))
    )
    magnitude = t(key, lang).format(n=number(n, lang), compact=compact(size, lang))
    return bounded(_sign(value) + magnitude, bound, lang, _sign(value), magnitude)


@lru_cache(maxsize=4096)
def day(date, precision: str = "day", lang: str = "en") -> str:
    """'6 Feb 2026', 'Jan 2026', '2026' by precision ('day', 'month', 'year'); '' for no date."""
    if date is None or date != date:  # None, NaT
        return ""
    key = f"date.{precision}" if precision in ("month", "year") else "date.day"
    return format_date(date, format=t(key, lang), locale=language(lang).locale)


def days(start, start_precision: str, end=None, end_precision: str = "", lang: str = "en") -> str:
    """A date at its precision, or a span of two: '3 Feb 2026 – 4 Feb 2026'."""
    first = day(start, start_precision or "day", lang)
    if not first or end is None or end != end:
        return first
    return t("date.span", lang, start=first, end=day(end, end_precision or start_precision or "day", lang))


def weekday(index: int, lang: str = "en", width: str = "abbreviated") -> str:
    """A weekday's name from the locale (0 is Monday): 'Mon', 'Monday'; '周一'."""
    return get_day_names(width, locale=language(lang).locale)[index]
