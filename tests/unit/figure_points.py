"""Reading a built figure back: every bar that draws a record, found by the record id in its customdata."""

from __future__ import annotations

SPANS = "range"  # the drawdowns' marked spans (charts/drawdowns.SPAN_NAME): a range's far end, not a bar of its own


def bars(fig) -> list[tuple]:
    """(trace, index, record id) of every bar point that draws a record (a range's marked span is part of it)."""
    return [
        (tr, i, tr.customdata[i][2])
        for tr in fig.data
        if tr.type == "bar" and tr.name != SPANS
        for i in range(len(tr.x))
    ]


def spans(fig) -> dict[str, tuple[float, float]]:
    """Record id -> (start, end) of each range's marked span."""
    return {
        tr.customdata[i][2]: (tr.base[i], tr.base[i] + tr.x[i])
        for tr in fig.data
        if tr.type == "bar" and tr.name == SPANS
        for i in range(len(tr.x))
    }


def bar(fig, record_id: str) -> tuple:
    """(trace, index) of the bar drawing `record_id`."""
    return next((tr, i) for tr, i, rid in bars(fig) if rid == record_id)
