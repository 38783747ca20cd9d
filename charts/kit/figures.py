"""Shared parts of every figure: the themed base layout, the empty state, bar marks for bounds, ranges,
approximations and derived figures, and the customdata every point carries for the cross-filter.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.kit.palette import FONT, class_colour, theme
from data.columns import C
from i18n import t

DERIVED_PATTERN = "/"
DIMMED = 0.25
# customdata of every point: [entity id, asset class, record id]; the clientside highlighter reads it
CUSTOM = (C.ENTITY, C.ASSET_CLASS, C.ID)


def base(fig: go.Figure, state, height: int = 420, **layout) -> go.Figure:
    """Theme, type, margins and hover style shared by every chart."""
    th = theme(state.theme)
    fig.update_layout(
        height=height,
        paper_bgcolor=th["paper"],
        plot_bgcolor=th["plot"],
        font={"family": FONT, "size": 15, "color": th["ink"]},
        margin={"l": 10, "r": 20, "t": 30, "b": 40},
        hovermode="closest",
        hoverlabel={
            "bgcolor": th["hover"],
            "font": {"family": FONT, "size": 13, "color": th["ink"]},
            "align": "left",
            "bordercolor": th["muted"],
        },
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "bgcolor": "rgba(0,0,0,0)"},
        clickmode="event",
        dragmode=False,
        uirevision=state.theme,
        separators=".,",
        **layout,
    )
    fig.update_xaxes(gridcolor=th["grid"], zerolinecolor=th["zero"], linecolor=th["muted"], automargin=True)
    fig.update_yaxes(gridcolor=th["grid"], zerolinecolor=th["zero"], linecolor=th["muted"], automargin=True)
    return fig


DAY_MS = 86_400_000


def date_ticks(lang: str) -> dict:
    """A date axis's tick labels in the page's language ("6 Feb", "2月6日"), by how far apart the ticks are:
    plotly.js would otherwise write English month names in every language."""
    return {
        "tickformatstops": [
            {"dtickrange": [None, 28 * DAY_MS], "value": t("axis.date.day", lang)},
            {"dtickrange": [28 * DAY_MS, "M12"], "value": t("axis.date.month", lang)},
            {"dtickrange": ["M12", None], "value": t("axis.date.year", lang)},
        ]
    }


def empty_key(state) -> str:
    """Why a chart is empty: the class filter left nothing, or the sources give nothing for the view."""
    return "empty.filtered" if state.classes else "empty.none"


def empty_text(state) -> str:
    return t(empty_key(state), state.lang)


def empty(state, message_key: str | None = None, height: int = 160) -> go.Figure:
    """A chart with no data says so in words, rather than drawing empty axes."""
    fig = go.Figure()
    fig.add_annotation(
        text=t(message_key or empty_key(state), state.lang),
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        font={"size": 16},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base(fig, state, height=height)


def customdata(df: pd.DataFrame) -> list[list[str]]:
    return df.reindex(columns=list(CUSTOM)).astype(str).values.tolist()


def colours(df: pd.DataFrame) -> list[str]:
    return [class_colour(c) for c in df[C.ASSET_CLASS]]


def patterns(df: pd.DataFrame) -> list[str]:
    """Hatching marks derived figures."""
    return [DERIVED_PATTERN if d else "" for d in df[C.DERIVED].astype(bool)]


def conflict_flag(df: pd.DataFrame) -> pd.Series:
    return df[C.CONFLICT_IDS].astype(str) != ""


def is_range(df: pd.DataFrame) -> pd.Series:
    return df[C.VALUE].isna() & df[C.LOW].notna() & df[C.HIGH].notna()


def bar_extent(df: pd.DataFrame) -> tuple[list[float], list[float | None]]:
    """(length, base) of each bar: a point is a bar from zero; a range is a floating bar from one end to the other."""
    ranges = is_range(df)
    length = df[C.VALUE].where(~ranges, df[C.LOW] - df[C.HIGH])
    start = df[C.HIGH].where(ranges, 0.0)
    return length.tolist(), start.tolist()


def magnitude_extent(df: pd.DataFrame) -> tuple[list[float], list[float | None], list[float | None]]:
    """For bars whose length is a size (a fall, a rise): (solid length from zero, span length, span base). A point
    is a bar from zero; a range ("fell 19–20%") is a solid bar from zero to its nearer end, so that length still
    encodes size, and a marked span from there to its farther end. A point has no span (None)."""
    ranges = is_range(df)
    near = df[C.HIGH].where(df[C.HIGH].abs() <= df[C.LOW].abs(), df[C.LOW])
    far = df[C.LOW].where(df[C.HIGH].abs() <= df[C.LOW].abs(), df[C.HIGH])
    solid = df[C.VALUE].where(~ranges, near)
    span = (far - near).where(ranges)
    return (
        solid.tolist(),
        [None if pd.isna(v) else v for v in span],
        [None if pd.isna(v) else v for v in near.where(ranges)],
    )


# Which way a bound leaves a bar open: "over 5%" may be larger (outward); "nearly", "under" and "up to" are ceilings
# (inward). An approximation ("≈") says so in the label only.
OPEN_OUTWARD, OPEN_INWARD = ("over",), ("nearly", "under", "up_to")


def bound_marks(df: pd.DataFrame) -> pd.DataFrame:
    """The rows whose bar ends in a bound, with where the mark sits (`_at`: the figure, or a range's farther end)
    and the triangle symbol pointing the way the figure is open (for horizontal bars)."""
    bounded = df[df[C.BOUND].isin(OPEN_OUTWARD + OPEN_INWARD)]
    far = bounded[C.LOW].where(bounded[C.HIGH].abs() <= bounded[C.LOW].abs(), bounded[C.HIGH])
    at = bounded[C.VALUE].where(bounded[C.VALUE].notna(), far)
    bounded, at = bounded[at.notna()], at[at.notna()]
    outward = bounded[C.BOUND].isin(OPEN_OUTWARD)
    left = outward == (at < 0)  # outward on a fall, inward on a rise: pointing left
    return bounded.assign(_at=at, _symbol=["triangle-left" if lf else "triangle-right" for lf in left])


def add_notes(fig: go.Figure, notes: list[dict]) -> None:
    """Add many annotations in one pass: `add_annotation` re-validates the whole list each time (quadratic)."""
    if notes:
        fig.layout.annotations = fig.layout.annotations + tuple(go.layout.Annotation(n) for n in notes)


def add_shapes(fig: go.Figure, shapes: list[dict]) -> None:
    """Add many shapes in one pass, for the same reason as `add_notes`."""
    if shapes:
        fig.layout.shapes = fig.layout.shapes + tuple(go.layout.Shape(n) for n in shapes)
