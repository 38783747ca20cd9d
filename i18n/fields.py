"""Per-language fields of the data: a frame holds `<field>_<lang>` columns (label_en, label_zh, title_en ...)
for each language, and code picks one through these helpers, never by naming a language.

A language whose column is missing or empty for a row reads the English one.
"""

from __future__ import annotations

from .languages import FALLBACK


def _blank(value) -> bool:
    return value is None or value != value or value == ""  # value != value: NaN (and NaT)


def localized(row, field: str, lang: str, default: str = ""):
    """`row[f"{field}_{lang}"]`, or the English field when that is missing or empty, or `default`.
    `row` is anything with .get: a dict, a pandas row."""
    value = row.get(f"{field}_{lang}")
    if _blank(value):
        value = row.get(f"{field}_{FALLBACK}")
    return default if _blank(value) else value


def localized_column(frame, field: str, lang: str):
    """The `<field>_<lang>` column of a pandas frame, with English where it is missing or empty."""
    english = frame[f"{field}_{FALLBACK}"]
    own = f"{field}_{lang}"
    if own not in frame.columns:
        return english
    column = frame[own]
    return column.where(column.notna() & (column != ""), english)
