"""Rates and the dollar: yields, their changes, the dollar index and its changes, and the policy figures, for the
selected episode(s), each on its own date axis.

Levels are markers labelled with the source's words, never joined: the points are sparse and some disagree (the
2-year yield at 4.35% on 30 January, 3.46% on 5 February). A bound ("over 110") is an open triangle pointing the
way of the bound; a month-only date is a bar across the month; a low–high range (the Fed funds target) a vertical
segment. A change is a bar covering the day (or month) it is dated at, labelled with its window; bars of one day
share that day. ⚠ and an outline mark figures whose sources disagree; faint lines mark catalysts.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.contract import Chart
from charts.kit import events as ev
from charts.kit.figures import add_notes, base, conflict_flag, customdata, empty, is_range, patterns
from charts.kit.hover import hover
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import date_text, label, safe, value_text, window_text
from data import select as sel
from data.columns import C
from i18n import has, t

NAME = "rates"
TAB = "context"

# one column of panels, in order: each keeps the card's full width, on a phone as on a projector; titles are
# rates.panel.<panel> in the catalogue
PANELS = ("yield", "yield_change", "dxy", "dxy_change", "policy")
PANEL_PX = 230  # height of one panel's row, plot and title
SYMBOLS = ("circle", "square", "diamond", "pentagon", "hexagon", "star")
BOUND_SYMBOL = {"over": "triangle-up-open", "under": "triangle-down-open", "up_to": "triangle-down-open"}
LABEL_PX = 17


def rows(frames: dict, state) -> pd.DataFrame:
    """Rates and FX figures of the selected episodes and classes, in date order."""
    eps = sel.episode_ids(state.episode, frames["episodes"][C.ID])
    df = sel.in_classes(sel.in_episodes(sel.drawable(frames, "rates"), eps), state.classes)
    return sel.tag(df.sort_values([C.DATE, C.ID], kind="stable"), "rates")


def panel(row) -> str:
    """Which subplot a figure belongs to: policy figures together, FX and the rest by level or change."""
    if str(row[C.ASSET_CLASS]) == "policy":
        return "policy"
    prefix = "dxy" if str(row[C.ASSET_CLASS]) == "fx" else "yield"
    return prefix if row[C.METRIC] == "level" else f"{prefix}_change"


def _text(df: pd.DataFrame, lang: str, window: bool = False) -> list[str]:
    out = []
    for r, flag in zip(df.to_dict("records"), conflict_flag(df), strict=True):
        win = f" ({window_text(r[C.WINDOW], lang)})" if window and r[C.WINDOW] else ""
        out.append(value_text(r, lang) + win + (" ⚠" if flag else ""))
    return out


def _hovers(df: pd.DataFrame, frames: dict, lang: str) -> list[str]:
    return [hover(r, frames, lang) for r in df.to_dict("records")]


def _levels(fig, df: pd.DataFrame, frames: dict, state, axes, legend_seen: set, symbols: dict) -> None:
    """Markers per asset (its own symbol, a triangle for a bound), a month bar for a month-only date, a vertical
    segment for a range; labels are the source's words."""
    th = theme(state.theme)
    for asset, part in df.groupby(C.ASSET, sort=False):
        colour, name = class_colour(part[C.ASSET_CLASS].iloc[0]), safe(label(part.iloc[0], state.lang))
        ranges, months = part[is_range(part)], part[~is_range(part) & (part[C.DATE_PRECISION] != "day")]
        ev.add_segments(
            fig,
            months,
            [
                (ev.span(d, p), (v, v))
                for d, p, v in zip(months[C.DATE], months[C.DATE_PRECISION], months[C.VALUE], strict=True)
            ],
            _hovers(months, frames, state.lang),
            customdata(months),
            colour,
            name,
            axes=axes,
            legend=False,
        )
        ev.add_segments(
            fig,
            ranges,
            [((d, d), (h, low)) for d, h, low in zip(ranges[C.DATE], ranges[C.HIGH], ranges[C.LOW], strict=True)],
            _hovers(ranges, frames, state.lang),
            customdata(ranges),
            colour,
            name,
            cap="line-ew",
            width=4,
            labels=_text(ranges, state.lang),
            axes=axes,
            legend=asset not in legend_seen,
        )
        points = part[~is_range(part)].sort_values(C.BOUND, key=lambda b: b != "exact", kind="stable")
        if not points.empty:
            flags = conflict_flag(points)
            fig.add_trace(
                go.Scatter(
                    x=[ev.centre(d, p) for d, p in zip(points[C.DATE], points[C.DATE_PRECISION], strict=True)],
                    y=points[C.VALUE],
                    xaxis=axes[0],
                    yaxis=axes[1],
                    mode="markers+text",
                    name=name,
                    legendgroup=asset,
                    showlegend=asset not in legend_seen and ranges.empty,
                    marker={
                        "symbol": [BOUND_SYMBOL.get(b, symbols[asset]) for b in points[C.BOUND]],
                        "size": 12,
                        "color": colour,
                        "line": {
                            "color": [th["outline"] if f else colour for f in flags],
                            "width": [2.5 if f else 1.5 for f in flags],
                        },
                    },
                    text=_text(points, state.lang),
                    textposition="middle right",
                    cliponaxis=False,
                    hovertext=_hovers(points, frames, state.lang),
                    hovertemplate="%{hovertext}<extra></extra>",
                    customdata=customdata(points),
                )
            )
        legend_seen.add(asset)


def _slots(df: pd.DataFrame) -> tuple[list[float], list[float]]:
    """(offset, width) in ms of each bar: it covers its day (or month); bars of one day split it."""
    offsets, widths = [], []
    for i, (d, p) in enumerate(zip(df[C.DATE], df[C.DATE_PRECISION], strict=True)):
        lo, hi = ev.span(d, p)
        same = df[(df[C.DATE] == d) & (df[C.DATE_PRECISION] == p)].index
        n, k = len(same), list(same).index(df.index[i])
        width = (hi - lo) / n
        offsets.append((lo + k * width - d).total_seconds() * 1000)
        widths.append(width.total_seconds() * 1000)
    return offsets, widths


def _changes(fig, df: pd.DataFrame, frames: dict, state, axes, xrange, yrange, panel_px: float) -> None:
    """One bar per change, with a label (name, value, window, ⚠) joined to its bar by a thin line."""
    th = theme(state.theme)
    offsets, widths = _slots(df)
    df = df.assign(_off=offsets, _w=widths)
    for _asset, part in df.groupby(C.ASSET, sort=False):
        colour, flags = class_colour(part[C.ASSET_CLASS].iloc[0]), conflict_flag(part)
        fig.add_trace(
            go.Bar(
                x=part[C.DATE],
                y=part[C.VALUE],
                offset=part["_off"].tolist(),
                width=part["_w"].tolist(),
                xaxis=axes[0],
                yaxis=axes[1],
                name=safe(label(part.iloc[0], state.lang)),
                showlegend=False,
                marker={
                    "color": colour,
                    "opacity": [1.0 if p == "day" else 0.45 for p in part[C.DATE_PRECISION]],
                    "pattern": {"shape": patterns(part), "fgcolor": th["ink"]},
                    "line": {
                        "color": [th["outline"] if f else colour for f in flags],
                        "width": [2.5 if f else 0 for f in flags],
                    },
                },
                hovertext=_hovers(part, frames, state.lang),
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=customdata(part),
            )
        )
    named = df[C.ASSET].nunique() > 1
    df = df.assign(
        _text=[
            (f"{_short(r, state.lang)} " if named else "") + txt
            for r, txt in zip(df.to_dict("records"), _text(df, state.lang, window=True), strict=True)
        ],
        _mid=[d + pd.Timedelta(milliseconds=o + w / 2) for d, o, w in zip(df[C.DATE], offsets, widths, strict=True)],
    )
    lo, hi = (pd.Timestamp(v) for v in xrange)
    step = LABEL_PX * (yrange[1] - yrange[0]) / panel_px
    for up in (True, False):
        side = df[(df[C.VALUE] >= 0) == up]
        if side.empty:
            continue
        # labels sit in rows beyond the side's longest bar, each joined to its bar by a vertical line, and read
        # into the panel; the bar on the side they extend towards gets the nearest row, so no line crosses text
        left = (side["_mid"] - lo).mean() > (hi - lo) / 2
        edge = side[C.VALUE].max() if up else side[C.VALUE].min()
        notes = []
        for k, r in enumerate(side.sort_values("_mid", ascending=left, kind="stable").to_dict("records")):
            notes.append(
                dict(
                    x=r["_mid"],
                    y=r[C.VALUE],
                    xref=axes[0],
                    yref=axes[1],
                    axref=axes[0],
                    ayref=axes[1],
                    ax=r["_mid"],
                    ay=edge + (1 if up else -1) * step * (k + 1),
                    text=r["_text"],
                    showarrow=True,
                    arrowhead=0,
                    arrowwidth=1,
                    arrowcolor=th["muted"],
                    standoff=0,
                    xanchor="right" if left else "left",
                    font={"size": 12},
                    bgcolor=th["paper"],
                    opacity=0.95,
                    name="bar-label",
                )
            )
        add_notes(fig, notes)


def _short(row, lang: str) -> str:
    """A compact name for a bar label (rates.short.<asset>); the legend and hover use the data's labels."""
    key = f"rates.short.{row[C.ASSET]}"
    return t(key, lang) if has(key) else label(row, lang)


def _y_range(part: pd.DataFrame, change: bool, panel_px: float) -> list[float]:
    """The data (and zero, for bars), rows for the stacked bar labels, and the events strip on top."""
    ys = pd.concat([part[C.VALUE], part[C.LOW], part[C.HIGH]] + ([pd.Series([0.0])] if change else [])).dropna()
    if ys.empty:
        return [0, 1]
    lo, hi = ys.min(), ys.max()
    below = LABEL_PX * ((part[C.VALUE] < 0).sum() + 1) if change else 0.08 * panel_px
    above = (LABEL_PX * ((part[C.VALUE] >= 0).sum() + 1) if change else 0) + ev.TOP_STRIP * panel_px
    per_px = ((hi - lo) or abs(hi) or 1.0) / max(panel_px - below - above, 0.3 * panel_px)
    return [lo - below * per_px, hi + above * per_px]


def _x_range(df: pd.DataFrame) -> list[pd.Timestamp]:
    """The panel's dates, at least a week wide, with room on the right for labels."""
    spans = [ev.span(d, p) for d, p in zip(df[C.DATE], df[C.DATE_PRECISION], strict=True)]
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    pad = max((hi - lo) * 0.06, (pd.Timedelta(days=7) - (hi - lo)) / 2, pd.Timedelta(days=1))
    return [lo - pad, hi + pad * 1.5]


def _panel(
    fig, sub, name: str, k: int, df: pd.DataFrame, frames: dict, state, symbols: dict, seen: set, px: float
) -> None:
    """One subplot: its figures, its date range, the episode band, the catalysts; an empty one says so."""
    axes = (sub.xaxis.plotly_name.replace("axis", ""), sub.yaxis.plotly_name.replace("axis", ""))
    part = df[df["_panel"] == name]
    rng = _x_range(part if not part.empty else df)
    yr = _y_range(part, name.endswith("change"), px)
    fig.update_layout(
        {
            sub.xaxis.plotly_name: {"type": "date", "range": rng},
            sub.yaxis.plotly_name: {"range": yr, "showticklabels": not part.empty, "zeroline": not part.empty},
        }
    )
    if name.endswith("change"):
        _changes(fig, part, frames, state, axes, rng, yr, px)
    else:
        _levels(fig, part, frames, state, axes, seen, symbols)
    if part.empty:  # no band, lines or markers: on a subplot without traces plotly.js draws its shapes with
        # NaN coordinates (console errors) and an overlay axis not at all
        fig.add_annotation(
            text=t("rates.no_figures", state.lang),
            x=0.5,
            y=0.5,
            xref=f"{axes[0]} domain",
            yref=f"{axes[1]} domain",
            showarrow=False,
            font={"color": theme(state.theme)["muted"]},
        )
        return
    ev.add_bands(fig, frames, state, axes=[axes])
    events = ev.day_events(frames, *rng)
    ev.add_event_lines(fig, events, state, axes=[axes])
    ev.add_event_markers(fig, events, frames, state, *axes, overlay=11 + k, legend="events" not in seen)
    seen.add("events")


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    if df.empty:
        return empty(state)
    df = df.assign(_panel=[panel(r) for r in df.to_dict("records")])
    policy = (df["_panel"] == "policy").any()
    names = [p for p in PANELS if p != "policy" or policy]
    height = PANEL_PX * len(names) + 110
    spacing = 70 / height  # room for each panel's title and date ticks
    panel_px = [(height - 110) * (1 - spacing * (len(names) - 1)) / len(names)] * len(names)
    fig = make_subplots(
        rows=len(names),
        cols=1,
        vertical_spacing=spacing,
        subplot_titles=[t(f"rates.panel.{p}", state.lang) for p in names],
    )
    levels = df[(df[C.METRIC] == "level") & ~is_range(df)]
    symbols = {a: SYMBOLS[i % len(SYMBOLS)] for i, a in enumerate(dict.fromkeys(levels[C.ASSET]))}
    seen: set = set()  # assets (and "events") already in the legend
    for k, name in enumerate(names):
        _panel(fig, fig.get_subplot(k + 1, 1), name, k, df, frames, state, symbols, seen, panel_px[k])
    base(fig, state, height=height, barmode="overlay")
    fig.update_layout(margin={"t": 70})
    fig.update_annotations(selector={"name": None}, font={"size": 14})
    return fig


def summary(frames: dict, state) -> str:
    """A text alternative: each figure with its date, and how many are disputed."""
    df = rows(frames, state)
    lang = state.lang
    if df.empty:
        return t("panel.rates", lang) + t("punct.colon", lang) + t("empty.none", lang)
    items = t("punct.list", lang).join(
        t("rates.item", lang, label=label(r, lang), value=txt, date=date_text(r, lang))
        for r, txt in zip(df.to_dict("records"), _text(df, lang, window=True), strict=True)
    )
    return t("rates.summary", lang, n=len(df), items=items, disputed=int(conflict_flag(df).sum()))


CHART = Chart(name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"bar", "scatter"}))
