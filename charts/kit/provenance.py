"""Words for numbers: a value with its unit and bound, a date at its precision, and the hover text that
says where a figure comes from (source, outlet, the quote, derivation, conflicting claims).

Every string from the data is HTML-escaped before it reaches Plotly, which renders a subset of HTML in hovers.
"""
from __future__ import annotations

import math
from html import escape as _escape
import re

import pandas as pd

from data.columns import C
from data.schema import UNITS

from i18n import has, t

MINUS = "\u2212"
BOUND_WORDS = {  # how a bound reads in a label, after the seeds' own words (超, 约, 近 ...)
    "en": {"exact": "", "approx": "≈ ", "nearly": "nearly ", "over": "over ", "under": "under ", "up_to": "up to "},
    "zh": {"exact": "", "approx": "约 ", "nearly": "近 ", "over": "超 ", "under": "低于 ", "up_to": "最高 "},
}
QUOTE_CHARS = 90
_CLAUSE = re.compile(r"[，。；;！？!?]")


def number(value: float) -> str:
    """A figure with thousands separators, at most two decimals for derived values, and a true minus."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    digits = 3 if round(value, 3) == value else 2  # a stated 2.069 keeps its digits; derived values get two
    text = f"{abs(value):,.{digits}f}".rstrip("0").rstrip(".")
    return (MINUS if value < 0 else "") + text


def with_unit(value: float, unit: str, lang: str = "en") -> str:
    """'$2.069 bn', '−12.81%', '4.266%', '25 bp', '$2,695/oz', '430,000 people'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    u = UNITS.get(unit)
    n = number(value)
    if u is None:
        return n
    sign, digits = (n[0], n[1:]) if n.startswith(MINUS) else ("", n)
    label = u.en
    if label.startswith("$"):
        return f"{sign}${digits}{label[1:]}"
    if label in ("%",):
        return f"{n}%"
    if lang == "zh" and u.zh:
        return f"{n} {u.zh}"
    return f"{n} {label}".strip()


def value_text(row, lang: str = "en") -> str:
    """The figure as the seed states it: bound words, a range as a range, and the unit."""
    bound = BOUND_WORDS.get(lang, BOUND_WORDS["en"]).get(str(row.get(C.BOUND, "exact")), "")
    value, low, high, unit = row.get(C.VALUE), row.get(C.LOW), row.get(C.HIGH), str(row.get(C.UNIT, ""))
    if value is not None and not pd.isna(value):
        return bound + with_unit(float(value), unit, lang)
    if low is not None and not pd.isna(low):
        joiner = " to " if lang == "en" else " 至 "
        near, far = sorted((float(low), float(high)), key=abs)  # "5% to 7%", "−13.1% to −23%", as written
        return bound + with_unit(near, unit, lang) + joiner + with_unit(far, unit, lang)
    return ""


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(ts: pd.Timestamp, precision: str, lang: str) -> str:
    if precision == "year":
        return f"{ts.year}" + ("年" if lang == "zh" else "")
    if precision == "month":
        return f"{ts.year}年{ts.month}月" if lang == "zh" else f"{_MONTHS[ts.month - 1]} {ts.year}"
    return f"{ts.year}年{ts.month}月{ts.day}日" if lang == "zh" else f"{ts.day} {_MONTHS[ts.month - 1]} {ts.year}"


def date_text(row, lang: str = "en") -> str:
    """'6 Feb 2026', 'Jan 2026' for a month, '3 Feb 2026 – 4 Feb 2026' for a span, '' when undated."""
    start = row.get(C.DATE)
    if start is None or pd.isna(start):
        return ""
    text = _day(start, str(row.get(C.DATE_PRECISION) or "day"), lang)
    end = row.get(C.END)
    if end is not None and not pd.isna(end):
        text += " – " + _day(end, str(row.get(C.END_PRECISION) or row.get(C.DATE_PRECISION) or "day"), lang)
    return text


def shorten(quote: str, around: str = "", limit: int = QUOTE_CHARS) -> str:
    """The quote, or the clauses of it around `around` (the figure), cut at punctuation, with ellipses."""
    quote = " ".join(str(quote).replace("**", "").split())  # the seeds' markdown emphasis is not their words
    if len(quote) <= limit:
        return quote
    at = quote.find(around) if around else -1
    at = max(at, 0)
    start = max(0, at - limit // 3)
    cut = [m.end() for m in _CLAUSE.finditer(quote, 0, at)]
    start = max([c for c in cut if c >= at - limit // 2], default=start)
    end = min(len(quote), start + limit)
    stops = [m.end() for m in _CLAUSE.finditer(quote, at, end)]
    if stops and stops[-1] > at:
        end = stops[-1]
    text = quote[start:end]
    return ("…" if start > 0 else "") + text + ("…" if end < len(quote) else "")


def wrap(text: str, width: int = 38) -> str:
    """Hover text broken into lines, since Plotly does not wrap; CJK text counts each character."""
    out, line = [], ""
    for ch in text:
        line += ch
        if len(line) >= width and (ch in " ，。；、" or len(line) >= width + 8):
            out.append(line.strip())
            line = ""
    if line.strip():
        out.append(line.strip())
    return "<br>".join(out)


def source_label(file: str, frames: dict, lang: str = "en") -> str:
    """'002 · In-depth research on …' for a seed file name (several files are comma-separated)."""
    sources = frames["sources"].set_index(C.FILE)
    parts = []
    for f in [s for s in str(file).split(",") if s]:
        title = sources[C.TITLE_ZH if lang == "zh" else C.TITLE_EN].get(f, "")
        parts.append(f"{f[:3]} · {title}" if title else f)
    return "; ".join(parts)


def outlet_label(outlet: str, frames: dict, lang: str = "en") -> str:
    if not outlet:
        return ""
    names = frames["outlets"].set_index(C.ID)["name_zh" if lang == "zh" else "name_en"]
    return str(names.get(outlet, outlet))


def safe(text) -> str:
    """Data text for a Plotly label, legend or title: Plotly reads a subset of HTML there, and text from the
    data must show as written, never as markup."""
    return _escape(str(text), quote=False)


def class_label(frames: dict, asset_class, lang: str = "en") -> str:
    """An asset class's name from the vocabulary, safe for Plotly (its legend entry in every chart)."""
    classes = frames["classes"]
    match = classes.loc[classes[C.ID] == str(asset_class), C.LABEL_ZH if lang == "zh" else C.LABEL_EN]
    return safe(match.iloc[0] if len(match) else asset_class)


def label(row, lang: str = "en") -> str:
    """The data's label for what a row is about; rows about no named thing are named by their dimension."""
    text = row.get(C.LABEL_ZH if lang == "zh" else C.LABEL_EN) or row.get(C.LABEL_EN)
    if not text and row.get(C.DIMENSION):
        key = f"dim.{row.get(C.DIMENSION)}.{row.get(C.SIDE) or row.get(C.LEVERAGE) or row.get(C.METRIC)}"
        text = t(key, lang) if has(key) else f"{row.get(C.DIMENSION)} {row.get(C.METRIC)}"
    return str(text or row.get(C.ID, ""))


def window_text(window: str, lang: str = "en") -> str:
    key = f"win.{window}"
    return t(key, lang) if has(key) else str(window or "")
