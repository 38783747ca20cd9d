"""Macro releases: each indicator's actual figure beside what was expected and what came before.

One small panel per indicator and unit, each with its own x-axis, because jobs, percentages, percentage points,
counts and dollar trillions cannot share a scale, and 22,000 ADP jobs would vanish beside 6.5 million openings.
The macro class has a single colour, so the measure is told by the mark: actual and stated figures are solid,
expectations are outlines with no fill, earlier readings are lighter; derived figures are hatched, and ⚠ with a
heavy outline marks figures whose sources disagree (both JOLTS expectations, the interest bill's two framings).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.contract import Chart
from charts.kit.figures import base, conflict_flag, customdata, empty, empty_text, patterns
from charts.kit.hover import hover
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import date_text, label, safe, value_text, wrap
from data import select as sel
from data.columns import C
from data.schema import UNITS
from i18n import format as fmt
from i18n import has, t

NAME = "macro"
TAB = "context"

MEASURES = (
    "actual",
    "expected",
    "prior_first",
    "prior_revised",
    "prior",
    "year_ago",
    "level",
    "change",
    "yoy",
    "mom",
    "vs_prepandemic",
)  # in the order bars are listed within an indicator; names: measure.<m>
# how each measure is marked; colour cannot carry it because the whole class has one colour
STYLE = {
    "expected": "expected",
    "prior_first": "prior",
    "prior_revised": "prior",
    "prior": "prior",
    "year_ago": "prior",
}


def _measure(m: str, lang: str) -> str:
    key = f"measure.{m}"
    return t(key, lang) if has(key) else m


def rows(frames: dict, state) -> pd.DataFrame:
    """Macro figures of the selected episodes and classes, grouped by indicator and unit, measures in order."""
    eps = sel.episode_ids(state.episode, frames["episodes"][C.ID])
    df = sel.tag(sel.in_classes(sel.in_episodes(sel.drawable(frames, "macro"), eps), state.classes), "macro")
    first = {k: i for i, k in enumerate(dict.fromkeys(zip(df[C.EPISODE], df[C.INDICATOR], df[C.UNIT], strict=True)))}
    order = list(MEASURES)
    df = df.assign(
        _g=[first[k] for k in zip(df[C.EPISODE], df[C.INDICATOR], df[C.UNIT], strict=True)],
        _m=[order.index(m) if m in order else len(order) for m in df[C.MEASURE]],
    )
    return df.sort_values(["_g", "_m"], kind="stable").drop(columns=["_g", "_m"])


def compact(row, lang: str) -> str:
    """A short bar label: 6.542 m jobs read as '6.542 m' ('654.2万' in Chinese); other units as the source states."""
    unit, value = str(row.get(C.UNIT)), row.get(C.VALUE)
    if unit not in ("jobs", "count") or value is None or pd.isna(value):
        return value_text(row, lang)
    return fmt.short(float(value), lang, str(row.get(C.BOUND, "exact")))


def _ylabels(df: pd.DataFrame, lang: str) -> list[str]:
    """The measure, 'derived' when computed, and the source (then a letter) when one measure appears twice."""
    names = [_measure(m, lang) for m in df[C.MEASURE]]
    keys = list(zip(df[C.EPISODE], df[C.INDICATOR], df[C.UNIT], df[C.MEASURE], strict=True))
    dup = pd.Series(keys).duplicated(keep=False).tolist()
    src_keys = [k + (str(s)[:3],) for k, s in zip(keys, df[C.SOURCE], strict=True)]
    dup_src = pd.Series(src_keys).duplicated(keep=False).tolist()
    seen: dict = {}
    out = []
    for name, derived, d, ds, sk, src in zip(names, df[C.DERIVED], dup, dup_src, src_keys, df[C.SOURCE], strict=True):
        if derived:
            name += " · " + t("mark.derived", lang)
        if d:
            name += " · " + str(src)[:3]
        if ds:
            seen[sk] = seen.get(sk, 0) + 1
            name += f" ({'abcdefgh'[seen[sk] - 1]})"
        out.append(name)
    return out


def _period(row, lang: str) -> str:
    when = date_text({C.DATE: row.get(C.PERIOD), C.DATE_PRECISION: row.get(C.PERIOD_PRECISION)}, lang)
    return f"{t('macro.for', lang)} {when}" if when else ""


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    return f"rgba({int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{alpha})"


def _bars(fig, part: pd.DataFrame, frames: dict, state, row: int, legend: set) -> None:
    """One trace per marking style in one indicator's panel."""
    th = theme(state.theme)
    styles = [STYLE.get(m, "stated") for m in part[C.MEASURE]]
    for style in ("stated", "expected", "prior"):
        p = part[[s == style for s in styles]]
        if p.empty:
            continue
        # the legend swatch copies a trace's first point: put a figure without a conflict outline first
        p = p.iloc[conflict_flag(p).astype(int).argsort(kind="stable")]
        colour = [class_colour(c) for c in p[C.ASSET_CLASS]]
        fill = {"stated": colour, "expected": ["rgba(0,0,0,0)"] * len(p), "prior": [_rgba(c, 0.4) for c in colour]}[
            style
        ]
        conflicts = conflict_flag(p).tolist()
        line_colour = [
            th["outline"] if c else (col if style == "expected" else "rgba(0,0,0,0)")
            for c, col in zip(conflicts, colour, strict=True)
        ]
        line_width = [2.5 if c else (2 if style == "expected" else 0) for c in conflicts]
        records = p.to_dict("records")
        fig.add_trace(
            go.Bar(
                orientation="h",
                x=p[C.VALUE].tolist(),
                y=p["_y"].tolist(),
                name=t(f"macro.style.{style}", state.lang),
                legendgroup=style,
                showlegend=(row, style) in legend,
                marker={
                    "color": fill,
                    "pattern": {"shape": patterns(p), "fgcolor": th["ink"], "solidity": 0.3},
                    "line": {"color": line_colour, "width": line_width},
                },
                text=[compact(r, state.lang) + (" ⚠" if c else "") for r, c in zip(records, conflicts, strict=True)],
                textposition="outside",
                cliponaxis=False,
                textfont={"size": 13},
                hovertext=[
                    hover(
                        r,
                        frames,
                        state.lang,
                        " · ".join(x for x in (_measure(r[C.MEASURE], state.lang), _period(r, state.lang)) if x),
                    )
                    for r in records
                ],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=customdata(p),
            ),
            row=row,
            col=1,
        )


def _legend_rows(parts: list[pd.DataFrame]) -> set:
    """(panel, style) pairs that carry the legend: per style, the first panel with an unoutlined figure of it."""
    found: dict = {}
    for i, p in enumerate(parts, start=1):
        for style, plain in zip([STYLE.get(m, "stated") for m in p[C.MEASURE]], ~conflict_flag(p), strict=True):
            if style not in found or (plain and not found[style][1]):  # first seen, or first unoutlined
                found[style] = (i, bool(plain))
    return {(i, style) for style, (i, _) in found.items()}


def _axis(unit: str) -> dict:
    if unit in ("jobs", "count"):
        return {"tickformat": "~s"}
    if unit == "pct":
        return {"ticksuffix": "%"}
    if unit == "pp":
        return {"ticksuffix": " pp"}
    u = UNITS.get(unit)
    return {"tickprefix": "$", "ticksuffix": u.symbol[1:]} if u and u.symbol.startswith("$") else {}


def x_range(values: pd.Series) -> list[float]:
    """Zero included, with room beyond the bars for their labels."""
    lo, hi = min(0.0, float(values.min())), max(0.0, float(values.max()))
    span = (hi - lo) or 1.0
    return [lo - 0.5 * span if lo < 0 else 0.0, hi + 0.5 * span if hi > 0 else 0.05 * span]


def _title(part: pd.DataFrame, lang: str) -> str:
    r = part.iloc[0]
    unit = str(r[C.UNIT])
    word = t(f"unit.name.{unit}", lang)
    return f"<b>{wrap(safe(label(r, lang)), 40)}</b> · {word}"


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    if df.empty:
        return empty(state)
    df = df.assign(_y=_ylabels(df, state.lang))
    parts = [p for _, p in df.groupby([C.EPISODE, C.INDICATOR, C.UNIT], sort=False, observed=True)]
    bar_px, title_px = 26, 58
    height = sum(len(p) for p in parts) * bar_px + len(parts) * title_px + 70
    gap = title_px / height
    fig = make_subplots(
        rows=len(parts),
        cols=1,
        vertical_spacing=gap,
        row_heights=[len(p) for p in parts],
        subplot_titles=[_title(p, state.lang) for p in parts],
    )
    legend = _legend_rows(parts)
    for i, part in enumerate(parts, start=1):
        _bars(fig, part, frames, state, i, legend)
        fig.update_yaxes(categoryorder="array", categoryarray=list(part["_y"]), autorange="reversed", row=i, col=1)
        fig.update_xaxes(
            range=x_range(part[C.VALUE].dropna()),
            nticks=4,
            zeroline=True,
            row=i,
            col=1,
            **_axis(str(part.iloc[0][C.UNIT])),
        )
    base(fig, state, height=height, barmode="overlay", bargap=0.3)
    # panel titles start flush with the tick labels, so they fit on a narrow screen
    fig.update_annotations(x=0, xanchor="left", xshift=-int(7.5 * df["_y"].str.len().max()), font={"size": 14})
    fig.update_layout(
        legend={"y": 1.0, "yanchor": "top", "yref": "container", "x": 0, "font": {"size": 13}},
        margin={"t": 60, "b": 30},
    )
    return fig


def summary(frames: dict, state) -> str:
    """Each indicator's actual figure against its expectation, from the data."""
    df, lang = rows(frames, state), state.lang
    if df.empty:
        return t("panel.macro", lang) + t("punct.colon", lang) + empty_text(state)
    parts = []
    for _, g in df.groupby([C.EPISODE, C.INDICATOR, C.UNIT], sort=False, observed=True):
        actual = g[g[C.MEASURE] == "actual"]
        expected = g[g[C.MEASURE] == "expected"]
        if actual.empty or expected.empty:
            continue
        exp = t("punct.or", lang).join(value_text(r, lang) for r in expected.to_dict("records"))
        parts.append(
            t(
                "macro.versus",
                lang,
                label=label(actual.iloc[0], lang),
                actual=value_text(actual.iloc[0], lang),
                expected=exp,
            )
        )
    if not parts:  # no release with an expectation: name the figures themselves
        parts = [
            f"{label(r, lang)} {_measure(r[C.MEASURE], lang)} {value_text(r, lang)}"
            for r in df.head(4).to_dict("records")
        ]
    return t(
        "macro.summary",
        lang,
        n=len(df),
        parts=t("punct.list", lang).join(parts),
        derived=int(df[C.DERIVED].sum()),
        disputed=int(conflict_flag(df).sum()),
    )


CHART = Chart(name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"bar"}))
