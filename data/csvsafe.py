"""CSV that a spreadsheet cannot run: OWASP's guidance on CSV injection ("formula injection").

A spreadsheet reads a cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
strip first) as a formula, so `=HYPERLINK(...)` in a label or `+cmd|' /C calc'!A0` in a note would run when a
reader opens the download. Every such text cell is prefixed with a single quote, which spreadsheets show as
text and do not display. A cell that is a plain number (`-1.76`, `+2.5e3`) is left alone, so real negative
numbers stay numeric; numeric columns are numbers, not text, and are never touched.
"""

from __future__ import annotations

import re

import pandas as pd

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def cell(value):
    """A value as it may go into a CSV cell: text that a spreadsheet would read as a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _NUMBER.match(value):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells are safe (`cell`), header included."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype) in ("str", "string"):
            out[col] = out[col].map(cell)
    out.columns = [cell(str(c)) for c in out.columns]
    return out


def to_csv(frame: pd.DataFrame) -> str:
    """The CSV text of `frame` with every text cell neutralised."""
    return neutralised(frame).to_csv(index=False, lineterminator="\n", na_rep="")
