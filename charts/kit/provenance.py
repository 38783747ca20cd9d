"""Words for a row's numbers and names: a value with its unit and bound and a date at its precision (read from
the row, written by i18n.format in the reader's language), the data's labels in that language, and the parts of
the hover text that say where a figure comes from (source, outlet, the quote).

Every string from the data is HTML-escaped before it reaches Plotly, which renders a subset of HTML in hovers.
"""

from __future__ import annotations

import re
from html import escape as _escape

import pandas as pd

from data.columns import C
from data.schema import UNITS
from i18n import format as fmt
from i18n import has, localized, localized_column, t

MINUS = fmt.MINUS
QUOTE_CHARS = 90
TRANSLATION_CHARS = 170  # an English clause says in about twice the letters what a Chinese one does
_CLAUSE = re.compile(r"[，。；;！？!?]|[,.](?=\s)")


def number(value: float, lang: str = "en") -> str:
    """A figure with thousands separators, at most two decimals for derived values, and a true minus."""
    return fmt.number(value, lang)


def scale(unit: str) -> float:
    """The size of one unit in its base unit (1e9 for $ bn), for languages that write amounts whole."""
    return UNITS[unit].factor if unit in UNITS else 1.0


def with_unit(value: float, unit: str, lang: str = "en") -> str:
    """'$2.069 bn', '−12.81%', '4.266%', '25 bp', '$2,695/oz', '430,000 people'; '20.69亿美元', '43万人'."""
    return fmt.amount(value, unit, lang, scale(unit))


def value_text(row, lang: str = "en") -> str:
    """The figure as the seed states it: bound words, a range as a range, and the unit."""
    bound = str(row.get(C.BOUND, "exact"))
    value, low, high, unit = row.get(C.VALUE), row.get(C.LOW), row.get(C.HIGH), str(row.get(C.UNIT, ""))
    if value is not None and not pd.isna(value):
        return fmt.figure(float(value), unit, lang, scale(unit), bound)
    if low is not None and not pd.isna(low):
        return fmt.span(float(low), float(high), unit, lang, scale(unit), bound)
    return ""


def date_text(row, lang: str = "en") -> str:
    """'6 Feb 2026', 'Jan 2026' for a month, '3 Feb 2026 – 4 Feb 2026' for a span, '' when undated."""
    start = row.get(C.DATE)
    if start is None or pd.isna(start):
        return ""
    end = row.get(C.END)
    return fmt.days(
        start,
        str(row.get(C.DATE_PRECISION) or "day"),
        None if end is None or pd.isna(end) else end,
        str(row.get(C.END_PRECISION) or ""),
        lang,
    )


def translation(row, lang: str) -> str:
    """The quote's translation into `lang` (`quote_<lang>`), or '' when the source is read as written: no
    fallback, because a reader of the source's own language reads the original."""
    return str(row.get(f"{C.QUOTE}_{lang}") or "")


def plain(text: str) -> str:
    """A quote as shown: the source's markdown emphasis (**) dropped, which is not its words; the stored quote stays
    verbatim."""
    return str(text).replace("**", "")


def shorten(quote: str, around: str = "", limit: int = QUOTE_CHARS) -> str:
    """The quote, or the clauses of it around `around` (the figure), cut at punctuation, with ellipses."""
    quote = " ".join(plain(quote).split())
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


_NAMES: dict[tuple, tuple] = {}


def names(frame: pd.DataFrame, key: str, field: str, lang: str) -> dict:
    """Each row's `key` -> its `field` in `lang`, once per frame and language: hovers and tables ask for a
    source's title or an outlet's name for every figure."""
    at = (id(frame), key, field, lang)
    hit = _NAMES.get(at)
    if hit is None or hit[0] is not frame:
        if len(_NAMES) > 64:
            _NAMES.clear()
        hit = (frame, dict(zip(frame[key], localized_column(frame, field, lang), strict=True)))
        _NAMES[at] = hit
    return hit[1]


def source_label(file: str, frames: dict, lang: str = "en") -> str:
    """'002 · In-depth research on …' for a seed file name (several files are comma-separated)."""
    titles = names(frames["sources"], C.FILE, "title", lang)
    parts = []
    for f in [s for s in str(file).split(",") if s]:
        title = titles.get(f, "")
        parts.append(f"{f[:3]} · {title}" if title else f)
    return "; ".join(parts)


def outlet_label(outlet: str, frames: dict, lang: str = "en") -> str:
    if not outlet:
        return ""
    return str(names(frames["outlets"], C.ID, "name", lang).get(outlet, outlet))


def safe(text) -> str:
    """Data text for a Plotly label, legend or title: Plotly reads a subset of HTML there, and text from the
    data must show as written, never as markup."""
    return _escape(str(text), quote=False)


def class_label(frames: dict, asset_class, lang: str = "en") -> str:
    """An asset class's name from the vocabulary, safe for Plotly (its legend entry in every chart)."""
    return safe(names(frames["classes"], C.ID, "label", lang).get(str(asset_class), asset_class))


def label(row, lang: str = "en") -> str:
    """The data's label for what a row is about; rows about no named thing are named by their dimension."""
    text = localized(row, "label", lang)
    if not text and row.get(C.DIMENSION):
        key = f"dim.{row.get(C.DIMENSION)}.{row.get(C.SIDE) or row.get(C.LEVERAGE) or row.get(C.METRIC)}"
        text = t(key, lang) if has(key) else f"{row.get(C.DIMENSION)} {row.get(C.METRIC)}"
    return str(text or row.get(C.ID, ""))


def window_text(window: str, lang: str = "en") -> str:
    key = f"win.{window}"
    return t(key, lang) if has(key) else str(window or "")
