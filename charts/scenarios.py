"""Scenarios: the probability a source gives each of its scenarios, as horizontal bars in its own order.

Hovering a bar shows the scenario's assumption and its expected impact beside the usual provenance.
The four probabilities of the 6 Feb report add up to 100% as given, so no total is derived or drawn.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.contract import Chart
from charts.kit.figures import base, conflict_flag, customdata, empty, empty_text, patterns
from charts.kit.hover import hover
from charts.kit.palette import theme
from charts.kit.provenance import safe as escape
from charts.kit.provenance import value_text, wrap
from data import select as sel
from data.columns import C
from i18n import LANGS, localized, t

NAME = "scenarios"
TAB = "context"


def _w(key: str, lang: str) -> str:
    """The panel's own words, `scenarios.<key>` in the catalogue."""
    return t(f"scenarios.{key}", lang)


def rows(frames: dict, state) -> pd.DataFrame:
    """Scenarios of the selected episodes, in the source's order.

    Scenarios belong to no asset class: their class is blank, so any class filter leaves none of them
    (the chart then says the selected classes have no figures here)."""
    eps = sel.episode_ids(state.episode, frames["episodes"][C.ID])
    df = sel.in_episodes(sel.drawable(frames, "scenarios"), eps).assign(**{C.ASSET_CLASS: ""})
    return sel.tag(sel.in_classes(df, state.classes), "scenarios")


def name(row, lang: str) -> str:
    return str(localized(row, "name", lang) or row.get(C.ID))


def scenario_hover(row, frames: dict, lang: str) -> str:
    """Provenance as for any figure, named by the scenario, then its assumption and impact."""
    named = {**row, **{f"label_{code}": name(row, code) for code in LANGS}}
    lines = [hover(named, frames, lang)]
    for key in ("assumption", "impact"):
        text = str(localized(row, key, lang))
        if text:
            lines.append(f"<b>{escape(_w(key, lang))}:</b> " + wrap(escape(text), 50))
    return "<br>".join(lines)


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    if df.empty:
        return empty(state)
    th = theme(state.theme)
    records = df.to_dict("records")
    conflicts = conflict_flag(df).tolist()
    labels = [wrap(escape(name(r, state.lang)), 18) for r in records]
    fig = go.Figure(
        go.Bar(
            orientation="h",
            x=df[C.VALUE].tolist(),
            y=labels,
            name=_w("axis", state.lang),
            showlegend=False,
            # a scenario is tied to no asset class, so it takes the theme's muted ink rather than a class colour,
            # which would claim a link to that class in every other chart
            marker={
                "color": th["muted"],
                "pattern": {"shape": patterns(df), "fgcolor": th["paper"]},
                "line": {
                    "color": [th["outline"] if c else th["muted"] for c in conflicts],
                    "width": [2.5 if c else 0 for c in conflicts],
                },
            },
            text=[value_text(r, state.lang) + (" ⚠" if c else "") for r, c in zip(records, conflicts, strict=True)],
            textposition="outside",
            cliponaxis=False,
            textfont={"size": 14},
            hovertext=[scenario_hover(r, frames, state.lang) for r in records],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=customdata(df),
        )
    )
    height = max(220, 64 * len(df) + 90)
    base(fig, state, height=height, bargap=0.35)
    top = float(pd.concat([df[C.VALUE], df[C.HIGH]]).max())
    fig.update_xaxes(
        range=[0, top * 1.25],
        ticksuffix="%",
        zeroline=True,
        nticks=4,
        title={"text": _w("axis", state.lang), "font": {"size": 13}},
    )
    fig.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed")
    return fig


def summary(frames: dict, state) -> str:
    """Each scenario with its probability, as the source gives it."""
    df = rows(frames, state)
    lang = state.lang
    head = t("panel.scenarios", lang) + t("punct.colon", lang)
    if df.empty:
        return head + empty_text(state)
    items = t("punct.list", lang).join(f"{name(r, lang)} {value_text(r, lang)}" for r in df.to_dict("records"))
    return head + items + t("punct.stop", lang).strip()


CHART = Chart(name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"bar"}))
