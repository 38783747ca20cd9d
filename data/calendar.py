"""Calendar conflicts, found by code: a seed names a weekday that the stated date does not fall on.

Their topic and note are generated in every language (i18n.LANGS) from the catalogue's calendar.* sentences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from i18n import LANGS, t
from i18n import format as fmt

from . import schema as S
from .models import ConflictRow, Label


def weekday(day: dt.date) -> str:
    return S.WEEKDAYS[day.weekday()]


def mismatch(stated: str, start: dt.date, end: dt.date | None) -> tuple[list[str], list[str]] | None:
    """(stated, actual) weekday lists when a stated weekday (or 'tue-wed' range) misses the calendar."""
    said = stated.split("-")
    days = [start] if end is None else [start, end]
    actual = [weekday(d) for d in days]
    return (said, actual) if said != actual else None


def label(text: Callable[[str], str]) -> Label:
    """A generated text in every language, as the data's Label: the one place this module builds one."""
    return Label(**{lang: text(lang) for lang in LANGS})


def _days(codes: list[str], lang: str) -> str:
    """'Tuesday–Wednesday': the weekdays' full names, a pair joined as the language joins two days."""
    names = [fmt.weekday(S.WEEKDAYS.index(d), lang, "wide") for d in codes]
    return names[0] if len(names) == 1 else t("calendar.days", lang, first=names[0], last=names[-1])


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
        words = {"when": when, "said": said, "actual": actual}
        topic = label(
            lambda lang, w=words: t(
                "calendar.topic", lang, when=w["when"], said=_days(w["said"], lang), actual=_days(w["actual"], lang)
            )
        )
        note = label(lambda lang: t("calendar.note", lang))
        out.append(
            ConflictRow(
                id=f"calendar-{row.id}",
                kind="calendar",
                severity="contradiction",
                topic=topic,
                claims=[row.id],
                note=note,
            )
        )
    return out
