"""Event timeline: the catalysts of both files on one date axis, one lane per event category.

A day-precision event is a marker (filled: occurred; hollow: announced, scheduled or expected). A month-precision
event is a bracket across its whole month, so it is not read as the 1st; an event with an end date is a bracket
from start to end (dotted when it has not yet occurred). No date is moved: events that would overlap in a lane
are stacked on separate rows of it. The view opens on 1 January – 28 February (where nearly all events fall, with
the January and February month brackets whole); the range slider below shows, and scrolls to, the December and
June events. The selected episode's days are banded; events of the other episode, and events whose assets are
all outside the selected classes, are faded, never removed. ⚠ marks events that sources disagree about.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.contract import Chart
from charts.kit import events as ev
from charts.kit.figures import DIMMED, add_shapes, base, date_ticks, empty
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import date_text
from data import select as sel
from data.columns import C
from data.schema import EVENT_CATEGORIES
from i18n import t

NAME = "timeline"
TAB = "crash"

FOCUS = (pd.Timestamp("2025-12-31 12:00"), pd.Timestamp("2026-03-01 12:00"))
GAP_DAYS = 0.9  # points on consecutive days share a lane row; closer ones stack
SPAN_GAP_DAYS = 3  # a bracket keeps a few days clear so a point beside it is not read as its end
WARN_GAP_DAYS = 1.9  # a point with ⚠ beside it keeps the next day clear for the sign
ROW_PX = 19


def _w(key: str, lang: str, **params) -> str:
    """The panel's own words, `timeline.<key>` in the catalogue."""
    return t(f"timeline.{key}", lang, **params)


def rows(frames: dict, state) -> pd.DataFrame:
    """Every event of both files (other episodes and classes are faded, not dropped), in date order."""
    return sel.tag(sel.drawable(frames, "events").sort_values([C.DATE, C.ID], kind="stable"), "events")


def _assets(row) -> list[str]:
    return [a for a in str(row[C.ASSETS] or "").split(",") if a]


def _classes(frames: dict) -> pd.Series:
    return frames["assets"].set_index(C.ID)[C.ASSET_CLASS].astype(str)


def customdata(df: pd.DataFrame, frames: dict) -> list[list[str]]:
    """[first asset (or the event), that asset's class (or ""), event id] for the cross-filter."""
    classes = _classes(frames)
    out = []
    for r in df.to_dict("records"):
        first = (_assets(r) or [""])[0]
        out.append([first or r[C.ID], str(classes.get(first, "")) if first else "", r[C.ID]])
    return out


def _shown(df: pd.DataFrame, frames: dict, state) -> list[bool]:
    """Full opacity: events of the selected episodes whose assets touch a selected class (or name no asset)."""
    eps = set(sel.episode_ids(state.episode, frames["episodes"][C.ID]))
    classes = _classes(frames)
    out = []
    for r in df.to_dict("records"):
        own = {str(classes.get(a, "")) for a in _assets(r)}
        out.append(str(r[C.EPISODE]) in eps and (not state.classes or not own or bool(own & set(state.classes))))
    return out


def _colour(row, frames: dict, ink: str) -> str:
    """The class colour when every asset of the event is of one class; else neutral ink."""
    own = {str(_classes(frames).get(a, "")) for a in _assets(row)}
    return class_colour(own.pop()) if len(own) == 1 else ink


def _lanes(df: pd.DataFrame) -> tuple[pd.DataFrame, list[float], list[str], list[float]]:
    """y of every event: its category's lane, and a row within it so that nothing overlaps."""
    cats = [c for c in EVENT_CATEGORIES if c in set(df[C.CATEGORY])]
    cats += sorted(set(df[C.CATEGORY]) - set(cats))
    ext = [ev.extent(r) for r in df.to_dict("records")]
    df = df.assign(_lo=[e[0] for e in ext], _hi=[e[1] for e in ext], _y=0.0)
    ticks, names, seps, top = [], [], [], 0.0
    for cat in cats:
        ends: list[tuple[pd.Timestamp, float]] = []  # per row: where its last mark ends, and the gap it needs
        for i in df[df[C.CATEGORY] == cat].sort_values(["_lo", "_hi"], kind="stable").index:
            lo, hi = df.at[i, "_lo"], df.at[i, "_hi"]
            gap = SPAN_GAP_DAYS if lo != hi else WARN_GAP_DAYS if df.at[i, "_conflict"] else GAP_DAYS
            slot = next(
                (
                    s
                    for s, (end, need) in enumerate(ends)
                    if (lo - end) / pd.Timedelta(days=1) > max(need, gap if lo != hi else 0)
                ),
                len(ends),
            )
            ends[slot : slot + 1] = [(hi, gap)]
            df.at[i, "_y"] = top + slot
        ticks.append(top + (len(ends) - 1) / 2)
        names.append(cat)
        seps.append(top + len(ends) - 0.3)
        top += len(ends) + 0.4
    return df, ticks, names, seps[:-1]


def _hovers(df: pd.DataFrame, frames: dict, lang: str) -> list[str]:
    return [ev.event_hover(r, frames, lang) for r in df.to_dict("records")]


def _points(fig: go.Figure, df: pd.DataFrame, frames: dict, state) -> None:
    """Day-precision events: one trace of occurred (filled) and one of the rest (hollow)."""
    th = theme(state.theme)
    for occurred, key in ((True, "occurred"), (False, "pending")):
        part = df[(df["_lo"] == df["_hi"]) & ((df[C.STATUS] == "occurred") == occurred)]
        if part.empty:
            continue
        flags = part["_conflict"] != ""
        fig.add_trace(
            go.Scatter(
                x=part[C.DATE],
                y=part["_y"],
                mode="markers+text",
                name=_w(key, state.lang),
                marker={
                    "symbol": "circle" if occurred else "circle-open",
                    "size": 11,
                    "color": part["_colour"],
                    "opacity": [1.0 if s else DIMMED for s in part["_shown"]],
                    "line": {
                        "color": [th["outline"] if f else c for f, c in zip(flags, part["_colour"], strict=True)],
                        "width": [2.5 if f else 1.5 for f in flags],
                    },
                },
                text=["⚠" if f else "" for f in flags],
                textposition="middle right",
                cliponaxis=False,
                hovertext=_hovers(part, frames, state.lang),
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=customdata(part, frames),
                showlegend=False,
            )
        )


def _segments(fig: go.Figure, df: pd.DataFrame, frames: dict, state) -> None:
    """Month-precision and dated-span events: a bracket from first to last day, one trace each."""
    df = df[df["_lo"] != df["_hi"]]
    for (_, r), text, cd in zip(df.iterrows(), _hovers(df, frames, state.lang), customdata(df, frames), strict=True):
        key = "span" if r[C.STATUS] == "occurred" else "span_pending"
        warn = "⚠" if r["_conflict"] else ""
        fig.add_trace(
            go.Scatter(
                x=[r["_lo"], r["_hi"]],
                y=[r["_y"], r["_y"]],
                mode="lines+markers+text",
                line={"color": r["_colour"], "width": 3 if warn else 2, "dash": "solid" if key == "span" else "dot"},
                marker={"symbol": "line-ns", "size": 12, "line": {"color": r["_colour"], "width": 2}},
                opacity=1.0 if r["_shown"] else DIMMED,
                text=["", warn],
                textposition="middle right",
                cliponaxis=False,
                name=_w(key, state.lang),
                showlegend=False,
                hovertext=[text, text],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[cd, cd],
            )
        )


def _key(fig: go.Figure, state) -> None:
    """Legend entries in neutral ink (the marks themselves take class colours); they draw no points."""
    ink = theme(state.theme)["ink"]
    for key, mode, marker, dash in (
        ("occurred", "markers", "circle", "solid"),
        ("pending", "markers", "circle-open", "solid"),
        ("span", "lines+markers", "line-ns", "solid"),
        ("span_pending", "lines+markers", "line-ns", "dot"),
    ):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode=mode,
                name=_w(key, state.lang),
                customdata=[None],
                marker={"symbol": marker, "size": 11, "color": ink, "line": {"color": ink, "width": 2}},
                line={"color": ink, "width": 2, "dash": dash},
                hoverinfo="skip",
            )
        )


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    if df.empty:
        return empty(state, "empty.none")
    th = theme(state.theme)
    df = df.assign(
        _colour=[_colour(r, frames, th["ink"]) for r in df.to_dict("records")],
        _shown=_shown(df, frames, state),
        _conflict=[ev.event_conflicts(frames, r) for r in df.to_dict("records")],
    )
    df, ticks, cats, seps = _lanes(df)
    fig = go.Figure()
    _segments(fig, df, frames, state)
    _points(fig, df, frames, state)
    _key(fig, state)
    ev.add_bands(fig, frames, state)
    add_shapes(
        fig,
        [
            dict(
                type="line",
                xref="paper",
                x0=0,
                x1=1,
                y0=y,
                y1=y,
                layer="below",
                line={"color": th["grid"], "width": 1},
                name="lane-separator",
            )
            for y in seps
        ],
    )
    outside = [
        _w(key, state.lang, n=n)
        for n, key in ((int((df["_hi"] < FOCUS[0]).sum()), "earlier"), (int((df["_lo"] > FOCUS[1]).sum()), "later"))
        if n
    ]
    height = int(ROW_PX * (max(seps + ticks) + 2)) + 190
    base(fig, state, height=height, showlegend=True)
    fig.update_layout(margin={"t": 70})
    title = _w("slider", state.lang, which=" · ".join(outside)) if outside else ""
    fig.update_xaxes(
        type="date",
        range=list(FOCUS),
        **date_ticks(state.lang),
        rangeslider={"visible": True, "thickness": 0.06},
        showgrid=True,
        title={"text": title, "font": {"size": 12, "color": th["muted"]}},
    )
    fig.update_yaxes(
        tickvals=ticks,
        ticktext=[ev.category(c, state.lang) for c in cats],
        autorange="reversed",
        showgrid=False,
        zeroline=False,
    )
    return fig


def summary(frames: dict, state) -> str:
    """A text alternative: how many events, when, how many in the selected episodes, how many disputed."""
    df = rows(frames, state)
    lang = state.lang
    if df.empty:
        return t("panel.timeline", lang) + t("punct.colon", lang) + t("empty.none", lang)
    shown = sum(_shown(df, frames, state))
    disputed = sum(bool(ev.event_conflicts(frames, r)) for r in df.to_dict("records"))
    first, last = (date_text(df.iloc[i], lang) for i in (0, -1))
    day = df[df[C.DATE_PRECISION] == "day"]
    busiest = day[C.DATE].value_counts().idxmax() if not day.empty else None
    busy = date_text({C.DATE: busiest, C.DATE_PRECISION: "day"}, lang) if busiest is not None else ""
    return t("timeline.summary", lang, n=len(df), first=first, last=last, shown=shown, busy=busy, disputed=disputed)


CHART = Chart(name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"scatter"}))
