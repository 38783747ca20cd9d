"""Price path: one asset's dated price levels, from the October 2025 peak to 6 February, across both episodes.

Only the prices the sources give are drawn, each as a marker, never a smoothed curve: a bound ("under $90,000")
is an open triangle pointing the way of the bound, an approximation an open diamond, a month-only date a bar
across its month, a reported low–high range a vertical segment. A thin dotted straight line joins the exact and
approximate points in date order; nothing between them is known. Light bands mark the selected episodes and
faint dotted lines the catalysts of both files.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.contract import Chart
from charts.kit import events as ev
from charts.kit.figures import base, conflict_flag, customdata, date_ticks, empty, is_range
from charts.kit.hover import hover
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import date_text, label, safe, value_text
from data import select as sel
from data.columns import C
from i18n import has, t

NAME = "path"
TAB = "crash"
# the path is of the selected asset, so it redraws when the selection changes (CHART.uses_selection)

PRICE_UNITS = ("usd", "usd_per_oz", "usd_per_bbl", "index_pts")
POINT_METRICS = (*sel.LEVEL_METRICS, "price_range")
BOUND_SYMBOL = {"under": "triangle-down-open", "up_to": "triangle-down-open", "over": "triangle-up-open"}
KIND_SYMBOL = {"exact": "circle", "approx": "diamond-open"}


def _dated(moves: pd.DataFrame) -> pd.DataFrame:
    keep = moves[C.METRIC].isin(POINT_METRICS) & moves[C.UNIT].isin(PRICE_UNITS) & moves[C.DATE].notna()
    return moves[keep]


def path_assets(frames: dict) -> list[str]:
    """Assets with at least two dated price points, most points first (ties in data order)."""
    counts = _dated(sel.drawable(frames, "moves"))[C.ASSET].value_counts(sort=False)
    order = {a: i for i, a in enumerate(counts.index)}
    return sorted((a for a, n in counts.items() if n >= 2), key=lambda a: (-counts[a], order[a]))


def asset(frames: dict, state) -> str | None:
    """The selected asset when it has a path, else the asset with the most dated points."""
    assets = path_assets(frames)
    return state.asset if state.asset in assets else (assets[0] if assets else None)


def rows(frames: dict, state) -> pd.DataFrame:
    """The chosen asset's dated price points of both episodes, in date order (a close is the day's last)."""
    df = _dated(sel.drawable(frames, "moves"))
    df = sel.in_classes(df[df[C.ASSET] == asset(frames, state)], state.classes)
    df = df.assign(_last=df[C.METRIC] == "close").sort_values([C.DATE, "_last"], kind="stable")
    return sel.tag(df.drop(columns="_last"), "moves")


def _kinds(df: pd.DataFrame) -> list[str]:
    """How each point is marked: a low–high range, a bound, an approximation or an exact price."""
    return [
        "range" if rng else "bound" if b in BOUND_SYMBOL else "approx" if b in ("approx", "nearly") else "exact"
        for rng, b in zip(is_range(df), df[C.BOUND], strict=True)
    ]


def _text_positions(df: pd.DataFrame, lo, hi) -> list[str]:
    """Labels go left of points near the right edge; of points on one day the highest is labelled above."""
    out = []
    for _, r in df.iterrows():
        side = "left" if (r["_x"] - lo) / (hi - lo) > 0.75 else "right"
        same = df[df[C.DATE] == r[C.DATE]]["_y"]
        out.append(("bottom" if len(same) > 1 and r["_y"] < same.max() else "top") + " " + side)
    return out


def _labels(df: pd.DataFrame, lang: str) -> list[str]:
    """value text (+ ⚠); a bound repeating the previous day's words is labelled once (its hover stays)."""
    out, seen = [], {}
    for r, flag in zip(df.to_dict("records"), conflict_flag(df), strict=True):
        text = value_text(r, lang) + (" ⚠" if flag else "")
        last = seen.get(text)
        out.append("" if r["_kind"] == "bound" and last is not None and (r[C.DATE] - last).days <= 2 else text)
        seen[text] = r[C.DATE]
    return out


def _points(fig: go.Figure, df: pd.DataFrame, frames: dict, state, colour: str) -> None:
    th = theme(state.theme)
    for kind in ("exact", "approx", "bound"):
        part = df[df["_kind"] == kind]
        if part.empty:
            continue
        flags = conflict_flag(part)
        symbols = [BOUND_SYMBOL[b] if kind == "bound" else KIND_SYMBOL[kind] for b in part[C.BOUND]]
        fig.add_trace(
            go.Scatter(
                x=part["_x"],
                y=part["_y"],
                mode="markers+text",
                name=t(f"path.{kind}", state.lang),
                marker={
                    "symbol": symbols,
                    "size": 12,
                    "color": colour,
                    "line": {
                        "color": [th["outline"] if f else colour for f in flags],
                        "width": [2.5 if f else 1.5 for f in flags],
                    },
                },
                text=part["_label"],
                textposition=part["_pos"],
                textfont={"size": 13},
                cliponaxis=False,
                hovertext=_hovers(part, frames, state),
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=customdata(part),
            )
        )


def _hovers(df: pd.DataFrame, frames: dict, state) -> list[str]:
    return [hover(r, frames, state.lang) for r in df.to_dict("records")]


def _x_range(spans: list) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Both crashes always in view (the path spans both), at least two weeks wide, with a margin."""
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    pad = max((hi - lo) * 0.04, (pd.Timedelta(days=14) - (hi - lo)) / 2, pd.Timedelta(days=1))
    return lo - pad, hi + pad


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    if df.empty:
        return empty(state, "empty.filtered" if asset(frames, state) else "empty.none")
    colour = class_colour(df[C.ASSET_CLASS].iloc[0])
    spans = [ev.span(d, p) for d, p in zip(df[C.DATE], df[C.DATE_PRECISION], strict=True)]
    df = df.assign(
        _x=[ev.centre(d, p) for d, p in zip(df[C.DATE], df[C.DATE_PRECISION], strict=True)],
        _y=df[C.VALUE].fillna(df[C.HIGH]),
        _kind=_kinds(df),
    )
    lo, hi = _x_range(spans + ev.episode_spans(frames))
    df = df.assign(_label=_labels(df, state.lang), _pos=_text_positions(df, lo, hi))
    fig = go.Figure()
    joined = df[df["_kind"].isin(["exact", "approx"])]
    if len(joined) > 1:
        fig.add_trace(
            go.Scatter(
                x=joined["_x"],
                y=joined["_y"],
                mode="lines",
                line={"color": colour, "width": 1.2, "dash": "dot", "shape": "linear"},
                name=t("path.line", state.lang),
                hoverinfo="skip",
                customdata=customdata(joined),
            )
        )
    months = df[(df[C.DATE_PRECISION] != "day") & (df["_kind"] != "range")]
    ev.add_segments(
        fig,
        months,
        [
            (ev.span(d, p), (v, v))
            for d, p, v in zip(months[C.DATE], months[C.DATE_PRECISION], months["_y"], strict=True)
        ],
        _hovers(months, frames, state),
        customdata(months),
        colour,
        t("path.month", state.lang),
    )
    ranges = df[df["_kind"] == "range"]
    ev.add_segments(
        fig,
        ranges,
        [((x, x), (h, low)) for x, h, low in zip(ranges["_x"], ranges[C.HIGH], ranges[C.LOW], strict=True)],
        _hovers(ranges, frames, state),
        customdata(ranges),
        colour,
        t("path.range", state.lang),
        cap="line-ew",
        width=2.5,
        labels=list(ranges["_label"]),
    )
    _points(fig, df, frames, state, colour)
    ev.add_bands(fig, frames, state)
    events = ev.day_events(frames, lo, hi)
    ev.add_event_lines(fig, events, state)
    ev.add_event_markers(fig, events, frames, state)
    unit = str(df[C.UNIT].iloc[0])
    axis = f"path.axis.{unit}"
    name = f"{safe(label(df.iloc[0], state.lang))} · {t(axis, state.lang) if has(axis) else unit}"
    base(fig, state, height=460, title={"text": name, "x": 0, "xanchor": "left", "y": 0.98, "font": {"size": 16}})
    fig.update_layout(legend={"yanchor": "top", "y": -0.1}, margin={"t": 50})
    fig.update_xaxes(type="date", range=[lo, hi], **date_ticks(state.lang))
    ys = pd.concat([df[C.VALUE], df[C.LOW], df[C.HIGH]]).dropna()
    fig.layout.yaxis.update(
        tickprefix="$" if unit.startswith("usd") else "", separatethousands=True, range=ev.headroom(ys.min(), ys.max())
    )
    return fig


def summary(frames: dict, state) -> str:
    """A text alternative: the asset and every price the sources give, in date order."""
    df, lang = rows(frames, state), state.lang
    if df.empty:
        key = "empty.filtered" if asset(frames, state) else "empty.none"
        return t("panel.path", lang) + t("punct.colon", lang) + t(key, lang)
    items = t("punct.list", lang).join(
        t("path.item", lang, value=value_text(r, lang), date=date_text(r, lang)) for r in df.to_dict("records")
    )
    return t("path.summary", lang, name=label(df.iloc[0], lang), n=len(df), items=items)


CHART = Chart(
    name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"scatter"}), uses_selection=True
)
