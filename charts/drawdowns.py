"""Drawdowns: each asset's percentage move over the chosen window, as horizontal bars coloured by class.

A range (ETH fell 13.1–23%) is a floating bar from one end to the other; a bound ("fell over 5%") carries the
source's word in its label; a derived figure is hatched; ⚠ marks figures whose sources disagree.
With both episodes, two panels share one axis of the assets present in both.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.contract import Chart
from charts.kit.figures import (
    add_notes,
    base,
    bound_marks,
    conflict_flag,
    customdata,
    empty,
    magnitude_extent,
    patterns,
)
from charts.kit.hover import hovers
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import class_label, label, safe, value_text
from data import select as sel
from data.columns import C
from i18n import localized_column, t

NAME = "drawdowns"
SPAN_NAME, BOUND_NAME = "range", "bound"  # trace names of the marks beside the bars (tests find them by name)
ROW_PX = 46
TAB = "crash"


def episodes(frames: dict, state) -> list[str]:
    return sel.episode_ids(state.episode, frames["episodes"][C.ID])


def rows(frames: dict, state) -> pd.DataFrame:
    """The percentage moves drawn: selected episodes, window and classes, largest first."""
    eps = episodes(frames, state)
    df = sel.tag(
        sel.in_classes(sel.pct_moves(sel.in_episodes(sel.drawable(frames, "moves"), eps), state.window), state.classes),
        "moves",
    )
    if len(eps) > 1:
        df = df[df[C.ENTITY].isin(sel.shared_entities(df, eps))]
    order = sel.magnitude(df).groupby(df[C.ENTITY]).transform("max")
    return (
        df.assign(_size=order, _own=sel.magnitude(df))
        .sort_values(["_size", C.ENTITY, "_own"], ascending=[False, True, False], kind="stable")
        .drop(columns=["_size", "_own"])
    )


def _ylabels(df: pd.DataFrame, lang: str) -> list[str]:
    """One axis label per bar; an asset with several figures in one episode names each figure's source."""
    dup = df.duplicated([C.EPISODE, C.ENTITY], keep=False)
    out = []
    for (_, r), d in zip(df.iterrows(), dup, strict=True):
        text = label(r, lang)
        if r[C.DERIVED]:
            text += " · " + t("mark.derived", lang)
        elif d:
            text += f" · {str(r[C.SOURCE])[:3]}"
        out.append(safe(text))
    return out


def _lanes(df: pd.DataFrame, lang: str) -> list[str]:
    """Both episodes side by side: one lane per asset, and per figure when an episode has several for it, so an
    asset's bars line up across the columns ("Dow Jones Industrial Average", "… (2)")."""
    nth = df.groupby([C.EPISODE, C.ENTITY], observed=True).cumcount()
    out = []
    for (_, r), n in zip(df.iterrows(), nth, strict=True):
        text = label(r, lang) + (f" ({n + 1})" if n else "")
        out.append(safe(text + (" · " + t("mark.derived", lang) if r[C.DERIVED] else "")))
    return out


def _text(df: pd.DataFrame, lang: str) -> list[str]:
    return [
        value_text(r, lang) + (" ⚠" if c else "") for r, c in zip(df.to_dict("records"), conflict_flag(df), strict=True)
    ]


def _bars(fig: go.Figure, df: pd.DataFrame, frames: dict, state, col: int | None, legend: bool) -> None:
    th = theme(state.theme)
    where = {"row": 1, "col": col} if col else {}
    for cls, part in df.groupby(C.ASSET_CLASS, observed=True, sort=False):
        solid, span, span_base = magnitude_extent(part)
        conflicts = conflict_flag(part)
        texts = hovers(part, frames, state.lang)
        labels = _text(part, state.lang)  # a range's label goes at its far end, after the dotted span
        fig.add_trace(
            go.Bar(
                orientation="h",
                x=solid,
                base=[0.0] * len(part),
                y=part["_y"],
                name=class_label(frames, cls, state.lang),
                legendgroup=str(cls),
                showlegend=legend,
                marker={
                    "color": class_colour(cls),
                    "pattern": {"shape": patterns(part), "fgcolor": th["ink"]},
                    "line": {
                        "color": [th["outline"] if c else "rgba(0,0,0,0)" for c in conflicts],
                        "width": [2.5 if c else 0 for c in conflicts],
                    },
                },
                text=[("" if s is not None else lab) for lab, s in zip(labels, span, strict=True)],
                textposition="outside",
                cliponaxis=False,
                hovertext=texts,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=customdata(part),
            ),
            **where,
        )
        _spans(fig, part, span, span_base, texts, labels, cls, th, where)
        _bounds(fig, part, texts, cls, th, where)


def _spans(fig, part, span, span_base, texts, labels, cls, th, where) -> None:
    """A range's far end: a dotted, lighter span beyond the solid bar (the source gives the move as 'from … to')."""
    ranged = [i for i, v in enumerate(span) if v is not None]
    if not ranged:
        return
    fig.add_trace(
        go.Bar(
            orientation="h",
            x=[span[i] for i in ranged],
            base=[span_base[i] for i in ranged],
            y=part["_y"].iloc[ranged],
            name=SPAN_NAME,
            legendgroup=str(cls),
            showlegend=False,
            marker={"color": class_colour(cls), "opacity": 0.45, "pattern": {"shape": ".", "fgcolor": th["ink"]}},
            text=[labels[i] for i in ranged],
            textposition="outside",
            cliponaxis=False,
            hovertext=[texts[i] for i in ranged],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=[customdata(part)[i] for i in ranged],
        ),
        **where,
    )


def _bounds(fig, part, texts, cls, th, where) -> None:
    """A bound's open end: a triangle at the bar's end pointing the way the move may go (outward for "over",
    inward for "nearly", "under" and "up to")."""
    marks = bound_marks(part)
    if marks.empty:
        return
    at = [part.index.get_loc(i) for i in marks.index]
    fig.add_trace(
        go.Scatter(
            x=marks["_at"],
            y=marks["_y"],
            mode="markers",
            name=BOUND_NAME,
            legendgroup=str(cls),
            showlegend=False,
            marker={"symbol": marks["_symbol"].tolist(), "size": 11, "color": th["ink"]},
            cliponaxis=False,
            hovertext=[texts[i] for i in at],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=[customdata(part)[i] for i in at],
        ),
        **where,
    )


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    if df.empty:
        return empty(state)
    eps = episodes(frames, state)
    df = df.assign(_y=(_lanes if len(eps) > 1 else _ylabels)(df, state.lang))
    lanes = list(dict.fromkeys(df["_y"]))
    height = max(260, ROW_PX * len(lanes) + 130)
    if len(eps) == 1:
        fig = go.Figure()
        _bars(fig, df, frames, state, None, True)
    else:
        titles = localized_column(frames["episodes"].set_index(C.ID), "title", state.lang)
        fig = make_subplots(
            rows=1,
            cols=len(eps),
            shared_yaxes=True,
            horizontal_spacing=0.12,
            subplot_titles=[safe(titles.get(e, e)) for e in eps],
        )
        for i, ep in enumerate(eps, start=1):
            _bars(fig, df[df[C.EPISODE].astype(str) == ep], frames, state, i, i == 1)
    base(fig, state, height=height, barmode="overlay", bargap=0.45)
    both = len(eps) > 1
    fig.update_layout(
        legend={"y": 1.0, "yanchor": "top", "yref": "container", "x": 0}, margin={"t": 110 if both else 80, "l": 10}
    )
    # each bar's name sits above it from the left edge, so on a phone the bars keep the full width
    fig.update_yaxes(categoryorder="array", categoryarray=lanes, autorange="reversed", showticklabels=False)
    add_notes(
        fig,
        [
            dict(
                text=y,
                x=0,
                xref="paper",
                xanchor="left",
                y=y,
                yref="y",
                yanchor="bottom",
                yshift=ROW_PX * 0.2,
                showarrow=False,
                font={"size": 13},
            )
            for y in lanes
        ],
    )
    fig.update_xaxes(ticksuffix="%", zeroline=True, zerolinewidth=1.5, range=x_range(df))
    return fig


def x_range(df: pd.DataFrame) -> list[float]:
    """One range for every panel, with room beside the bars for their labels."""
    values = pd.concat([df[C.VALUE], df[C.LOW], df[C.HIGH]]).dropna()
    lo, hi = min(0.0, values.min()), max(0.0, values.max())
    span = (hi - lo) or 1.0
    return [lo - 0.45 * span if lo < 0 else -0.05 * span, hi + 0.45 * span if hi > 0 else 0.05 * span]


def summary(frames: dict, state) -> str:
    """A text alternative: what the chart shows and its largest moves."""
    df, lang = rows(frames, state), state.lang
    window = t(f"window.{state.window}", lang)
    if df.empty:
        return t("drawdowns.empty", lang, title=t("panel.drawdowns", lang), window=window, empty=t("empty.none", lang))
    top = t("punct.list", lang).join(f"{label(r, lang)} {value_text(r, lang)}" for r in df.head(5).to_dict("records"))
    return t(
        "drawdowns.summary",
        lang,
        window=window,
        n=len(df),
        top=top,
        derived=int(df[C.DERIVED].sum()),
        disputed=int(conflict_flag(df).sum()),
    )


CHART = Chart(name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"bar", "scatter"}))
