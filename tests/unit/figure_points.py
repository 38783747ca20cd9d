"""Reading a built figure back: every bar that draws a record, found by the record id in its customdata."""

from __future__ import annotations


def bars(fig) -> list[tuple]:
    """(trace, index, record id) of every bar point that draws a record."""
    return [(tr, i, tr.customdata[i][2]) for tr in fig.data if tr.type == "bar" for i in range(len(tr.x))]


def bar(fig, record_id: str) -> tuple:
    """(trace, index) of the bar drawing `record_id`."""
    return next((tr, i) for tr, i, rid in bars(fig) if rid == record_id)
