"""Shared marks of the dated charts (path, rates, timeline): how far a date at its precision reaches on a date
axis, the selected episodes' spans as light bands, day-precision catalyst events as faint vertical lines with a
small hover marker at the top, and the hover text of an event.

A day occupies its date ± 12 hours, so a point sits on its date and a band or bar covers the whole day around
it; a month-precision date reaches from its first to its last day, so it is never read as the 1st.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.kit.figures import add_shapes
from charts.kit.hover import TEXTS, conflict_lines
from charts.kit.palette import theme
from charts.kit.provenance import date_text, outlet_label, shorten, source_label, wrap
from charts.kit.provenance import safe as escape
from data import refs
from data import select as sel
from data.columns import C
from i18n import has, localized, t

HALF_DAY = pd.Timedelta(hours=12)
TOP_STRIP = 0.17  # share of a plot's height kept for the event markers (up to five on one day)
STACK = 0.03  # vertical step between markers of events on the same day (share of the plot height)
EPISODE_START = "start"  # the episodes frame's first day (data.columns has no constant for it)


def category(cat: str, lang: str) -> str:
    """An event category's name (event.category.<cat>), or the key when the catalogue has none."""
    key = f"event.category.{cat}"
    return t(key, lang) if has(key) else cat


def status(value: str, lang: str) -> str:
    key = f"event.status.{value}"
    return t(key, lang) if has(key) else value


def span(date: pd.Timestamp, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The stretch of axis a date covers at its precision: a day ± 12 h, or a whole month or year."""
    if precision == "month":
        first = date.replace(day=1)
        return first - HALF_DAY, first + pd.offsets.MonthBegin(1) - HALF_DAY
    if precision == "year":
        first = date.replace(month=1, day=1)
        return first - HALF_DAY, first + pd.offsets.YearBegin(1) - HALF_DAY
    return date - HALF_DAY, date + HALF_DAY


def centre(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """Where a point dated at `precision` is drawn: its date, or the middle of its month."""
    if precision in ("month", "year"):
        lo, hi = span(date, precision)
        return lo + (hi - lo) / 2
    return date


def extent(row) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day an event reaches (a month reaches its last day; an end date counts at its precision)."""
    start, precision = row[C.DATE], str(row.get(C.DATE_PRECISION) or "day")
    lo, hi = span(start, precision)
    end = row.get(C.END)
    if end is not None and not pd.isna(end):
        hi = span(end, str(row.get(C.END_PRECISION) or precision))[1]
    return lo + HALF_DAY, hi - HALF_DAY


def add_segments(
    fig: go.Figure,
    part: pd.DataFrame,
    pairs: list,
    hovers: list[str],
    custom: list,
    colour: str,
    name: str,
    cap: str = "line-ns",
    width: float = 1.5,
    labels: list[str] | None = None,
    axes: tuple[str, str] = ("x", "y"),
    legend: bool = True,
) -> None:
    """One trace of separate segments (a month bar, a low–high range), each pair of points carrying its record's
    hover and ids; `pairs` holds ((x0, x1), (y0, y1)) per row, `labels` an optional label at each first end."""
    if part.empty:
        return
    x, y, cd, hv, text = [], [], [], [], []
    for (px, py), h, c, lab in zip(pairs, hovers, custom, labels or [""] * len(part), strict=True):
        x += [*px, None]
        y += [*py, None]
        cd += [c, c, c]
        hv += [h, h, ""]
        text += [lab, "", ""]
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            xaxis=axes[0],
            yaxis=axes[1],
            mode="lines+markers+text",
            name=name,
            showlegend=legend,
            connectgaps=False,
            line={"color": colour, "width": width},
            text=text,
            textposition="top left",
            cliponaxis=False,
            marker={"symbol": cap, "size": 12, "line": {"color": colour, "width": 2}},
            hovertext=hv,
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=cd,
        )
    )


def episode_spans(frames: dict, state=None) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """The crash days of the selected episodes (of every episode when `state` is None), each day covered whole."""
    eps = frames["episodes"]
    if state is not None:
        eps = eps[eps[C.ID].isin(sel.episode_ids(state.episode, eps[C.ID]))]
    return [
        (pd.Timestamp(s) - HALF_DAY, pd.Timestamp(e) + HALF_DAY)
        for s, e in zip(eps[EPISODE_START], eps[C.END], strict=True)
    ]


def headroom(low: float, high: float) -> list[float]:
    """A y range for data between low and high that leaves the top strip free for the event markers."""
    pad = (high - low) or abs(high) or 1.0
    return [low - 0.08 * pad, high + TOP_STRIP / (1 - TOP_STRIP) * pad * 1.1]


def add_bands(fig: go.Figure, frames: dict, state, axes=(("x", "y"),)) -> None:
    """A light band behind each selected episode's dates, in every (x, y) subplot given."""
    colour = theme(state.theme)["band"]
    add_shapes(
        fig,
        [
            dict(
                type="rect",
                xref=x,
                yref=f"{y} domain",
                x0=lo,
                x1=hi,
                y0=0,
                y1=1,
                layer="below",
                fillcolor=colour,
                line={"width": 0},
                name="episode-band",
            )
            for lo, hi in episode_spans(frames, state)
            for x, y in axes
        ],
    )


def day_events(frames: dict, lo, hi) -> pd.DataFrame:
    """Day-precision events of both files dated within [lo, hi], in date order."""
    ev = frames["events"]
    keep = (ev[C.DATE_PRECISION] == "day") & ev[C.DATE].between(pd.Timestamp(lo), pd.Timestamp(hi))
    return ev[keep].sort_values([C.DATE, C.ID], kind="stable")


def add_event_lines(fig: go.Figure, events: pd.DataFrame, state, axes=(("x", "y"),)) -> None:
    """Faint vertical lines at the catalysts' dates (one per date), below the data."""
    colour = theme(state.theme)["muted"]
    add_shapes(
        fig,
        [
            dict(
                type="line",
                xref=x,
                yref=f"{y} domain",
                x0=day,
                x1=day,
                y0=0,
                y1=1,
                layer="below",
                line={"color": colour, "width": 1, "dash": "dot"},
                opacity=0.45,
                name="event-line",
            )
            for day in events[C.DATE].drop_duplicates()
            for x, y in axes
        ],
    )


def add_event_markers(
    fig: go.Figure,
    events: pd.DataFrame,
    frames: dict,
    state,
    x: str = "x",
    y: str = "y",
    overlay: int = 9,
    legend: bool = True,
) -> None:
    """Small ▼ at the top of each event line carrying the event's hover; same-day events stack downwards.

    They sit on a hidden 0–1 axis laid over the subplot, so they stay at the top whatever the data's scale.
    """
    if events.empty:
        return
    stack = events.groupby(C.DATE).cumcount()
    fig.update_layout(
        {f"yaxis{overlay}": {"overlaying": y, "anchor": x, "range": [0, 1], "visible": False, "fixedrange": True}}
    )
    fig.add_trace(
        go.Scatter(
            x=events[C.DATE],
            y=(0.98 - STACK * stack).tolist(),
            xaxis=x,
            yaxis=f"y{overlay}",
            mode="markers",
            marker={"symbol": "triangle-down", "size": 7, "color": theme(state.theme)["muted"], "opacity": 0.7},
            name=t("event.catalysts", state.lang),
            showlegend=legend,
            cliponaxis=False,
            hovertext=[event_hover(r, frames, state.lang) for r in events.to_dict("records")],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=[[i, "", i] for i in events[C.ID].astype(str)],
        )
    )


def event_conflicts(frames: dict, row) -> str:
    """The conflicts this event is a claim in, as references from its episode (data.refs)."""
    texts = frames.get(TEXTS)
    index = texts.conflicts_in(frames) if texts is not None else None
    if index is None:  # bare frames: no per-dataset index to read
        index = conflict_index(frames["conflict_claims"])
    return index.get((str(row[C.EPISODE]), str(row[C.ID])), "")


def conflict_index(claims: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(episode, event id) -> its conflicts, as references from the event's episode (data.refs). Built once per
    dataset by charts/kit/texts.py: a scan of the claims per event made the timeline's slowest part."""
    index: dict[tuple[str, str], dict] = {}
    events = claims[claims[C.TABLE] == "events"]
    for episode, rid, home, cid in zip(
        events[C.CLAIM_EPISODE].astype(str),
        events[C.CLAIM_ID].astype(str),
        events[C.EPISODE].astype(str),
        events[C.CONFLICT_ID].astype(str),
        strict=True,
    ):
        index.setdefault((episode, rid), {})[refs.write((home, cid), episode)] = None
    return {key: ",".join(ids) for key, ids in index.items()}


def event_hover(row, frames: dict, lang: str = "en") -> str:
    """The hover text of an event of the loaded dataset, built once per dataset and language like the records'
    (conflict lookups make it the slow part of the timeline); a row of another table is built afresh."""
    texts = frames.get(TEXTS)
    table = texts.events_in(frames, lang) if texts is not None else None
    text = table.get((str(row.get(C.EPISODE, "")), str(row.get(C.ID, "")))) if table is not None else None
    return text if text is not None else build_event_hover(row, frames, lang)


def event_texts(frames: dict, lang: str) -> dict[tuple[str, str], str]:
    """(episode, event id) -> hover text of every event of the frames, in one language (charts/kit/texts.py)."""
    return {
        (str(r[C.EPISODE]), str(r[C.ID])): build_event_hover(r, frames, lang)
        for r in frames["events"].to_dict("records")
    }


def build_event_hover(row, frames: dict, lang: str = "en") -> str:
    """Title, date at its precision, category and status, source and quote, then any conflicting claims."""
    title = str(localized(row, "title", lang) or row[C.ID])
    facts = [
        date_text(row, lang),
        category(str(row.get(C.CATEGORY) or ""), lang),
        status(str(row.get(C.STATUS) or ""), lang),
    ]
    lines = [f"<b>{wrap(escape(title), 48)}</b>", escape(" · ".join(f for f in facts if f))]
    src = source_label(str(row.get(C.SOURCE, "")), frames, lang)
    outlet = outlet_label(str(row.get(C.OUTLET) or ""), frames, lang)
    via = f" · {t('hover.outlet', lang)} {outlet}" if outlet else ""
    lines.append(wrap(escape(f"{t('hover.source', lang)}: {src}{via}"), 60))
    quote = str(row.get(C.QUOTE) or "")
    if quote:
        lines.append("“" + wrap(escape(shorten(quote))) + "”")
    lines += conflict_lines(frames, event_conflicts(frames, row), lang, str(row.get(C.EPISODE, "")))
    note = str(localized(row, "note", lang))
    if note:
        lines.append("<i>" + wrap(escape(note), 60) + "</i>")
    return "<br>".join(lines)
