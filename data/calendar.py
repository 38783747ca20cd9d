"""Calendar conflicts, found by code: a seed names a weekday that the stated date does not fall on."""
from __future__ import annotations

import datetime as dt

from . import schema as S
from .models import ConflictRow, Label

_EN = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
       "sat": "Saturday", "sun": "Sunday"}
_ZH = {"mon": "周一", "tue": "周二", "wed": "周三", "thu": "周四", "fri": "周五", "sat": "周六", "sun": "周日"}


def weekday(day: dt.date) -> str:
    return S.WEEKDAYS[day.weekday()]


def mismatch(stated: str, start: dt.date, end: dt.date | None) -> tuple[list[str], list[str]] | None:
    """(stated, actual) weekday lists when a stated weekday (or 'tue-wed' range) misses the calendar."""
    said = stated.split("-")
    days = [start] if end is None else [start, end]
    actual = [weekday(d) for d in days]
    return (said, actual) if said != actual else None


def calendar_conflicts(rows) -> list[ConflictRow]:
    """One conflict per record whose stated weekday contradicts its stated date."""
    out = []
    for row in rows:
        stated = getattr(row, "weekday", None)
        if not stated or row.date is None or row.date_basis != "stated" or row.date.precision != "day":
            continue
        end = row.end.start if row.end is not None and row.end.precision == "day" else None
        found = mismatch(stated, row.date.start, end)
        if not found:
            continue
        said, actual = found
        when = row.date.start.isoformat() + (f"..{end.isoformat()}" if end else "")
        topic = Label(
            en=f"The seed calls {when} {'–'.join(_EN[d] for d in said)}; the calendar says "
               f"{'–'.join(_EN[d] for d in actual)}",
            zh=f"原文称{when}为{'至'.join(_ZH[d] for d in said)}，但日历上是{'至'.join(_ZH[d] for d in actual)}",
        )
        note = Label(en="Either the date or the weekday in the seed is wrong; both are kept as written.",
                     zh="原文的日期或星期有一处有误；两者均按原文保留。")
        out.append(ConflictRow(id=f"calendar-{row.id}", kind="calendar", severity="contradiction",
                               topic=topic, claims=[row.id], note=note))
    return out
