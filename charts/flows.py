"""ETF and fund flows: every dollar flow figure as a horizontal bar on a diverging axis in $ bn, in three panels
with their own scales: the bitcoin ETFs' flows of a day or two, their totals and averages over longer periods, and
other funds.

Outflows point left of zero and inflows right, and each label starts with "▼ out" or "▲ in", so the direction
reads without colour; bars keep their asset-class colour. Rows are grouped by fund (US spot bitcoin ETFs first)
and ordered by date within a fund; each axis label names the fund and the period the figure covers. Figures in
$ mn or $ tn are converted to $ bn and say so. A figure in bitcoin (the ETFs' 2025 buying) cannot share a dollar
axis: it is a text tile above the chart. ⚠ marks figures whose date or direction the sources dispute.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import html
from plotly.subplots import make_subplots

from charts.contract import Chart
from charts.kit.figures import add_notes, base, conflict_flag, customdata, empty, patterns
from charts.kit.hover import hover
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import (
    class_label,
    date_text,
    label,
    outlet_label,
    safe,
    shorten,
    source_label,
    value_text,
    with_unit,
)
from data import refs
from data import select as sel
from data.columns import C
from data.schema import UNITS, WEEKDAYS
from i18n import format as fmt
from i18n import localized, t

NAME = "flows"
TAB = "crash"
AXIS_UNIT = "usd_bn"
FIRST_FUND = "us_btc_spot_etfs"


def _w(key: str, lang: str, **params) -> str:
    """The panel's own words, `flows.<key>` in the catalogue."""
    return t(f"flows.{key}", lang, **params)


def _episode_rows(frames: dict, state) -> pd.DataFrame:
    return sel.in_episodes(sel.drawable(frames, "flows"), sel.episode_ids(state.episode, frames["episodes"][C.ID]))


def rows(frames: dict, state) -> pd.DataFrame:
    """Every flow figure of the view, grouped by fund (bitcoin ETFs first, then the funds' order), by date."""
    df = sel.in_classes(_episode_rows(frames, state), state.classes)
    funds = [FIRST_FUND] + [f for f in frames["funds"][C.ID] if f != FIRST_FUND]
    rank = df[C.FUND].map({f: i for i, f in enumerate(funds)}).fillna(len(funds))
    df = df.assign(_r=rank).sort_values(["_r", C.DATE, C.END], kind="stable", na_position="first")
    return sel.tag(df.drop(columns="_r"), "flows")


def on_axis(df: pd.DataFrame) -> pd.Series:
    """Rows in a dollar unit, which can be converted to the $ bn axis."""
    return df[C.UNIT].map(lambda u: UNITS[u].base if u in UNITS else "") == UNITS[AXIS_UNIT].base


def to_axis(df: pd.DataFrame) -> pd.Series:
    """The value in $ bn, by the schema's unit factors."""
    factor = df[C.UNIT].map(lambda u: UNITS[u].factor / UNITS[AXIS_UNIT].factor)
    return df[C.VALUE] * factor


def _weekday(r: dict, lang: str) -> str:
    days = [d for d in str(r.get(C.WEEKDAY) or "").split("-") if d in WEEKDAYS]
    return "–".join(fmt.weekday(WEEKDAYS.index(d), lang) for d in days)


def period(r: dict, lang: str) -> str:
    """The period a figure covers, with the weekday as the source states it (which may contradict the date)."""
    day = date_text(r, lang)
    metric = str(r.get(C.METRIC))
    if metric == "cumulative_net_flow":
        return _w("cumulative", lang, d=day)
    if metric == "avg_daily_net_flow":
        return _w("average", lang, d=day)
    wd = _weekday(r, lang)
    return f"{day} ({wd})" if wd else day


def ylabel(r: dict, lang: str) -> str:
    """'US spot bitcoin ETFs · average per day since 16 Jan 2026': the fund, then the period."""
    return f"{safe(label(r, lang))} · {period(r, lang)}"


def _text(r: dict, flag: bool, lang: str) -> str:
    """'▼ out over −$0.8 bn ⚠': the direction in words, the figure as stated, the conversion if there was one."""
    one = pd.DataFrame([r])
    dollars = bool(on_axis(one).iloc[0])
    value = float(to_axis(one).iloc[0]) if dollars else float(r[C.VALUE])
    words = f"{_w('in' if value >= 0 else 'out', lang)} {value_text(r, lang)}"
    if dollars and r[C.UNIT] != AXIS_UNIT:
        words += f" ({_w('converted', lang, v=with_unit(value, AXIS_UNIT, lang))})"
    if r[C.DERIVED]:
        words += " · " + t("mark.derived", lang)
    return words + (" ⚠" if flag else "")


def group(r: dict) -> str:
    """Which panel a flow sits in: the bitcoin ETFs' flows of a day or two (read like a daily flow table), their
    totals and averages over longer periods, or other funds. Each panel has its own scale, so a day's $0.56 bn is
    not a sliver beside a month's $18 bn."""
    if r[C.FUND] != FIRST_FUND:
        return "other"
    return "daily" if r[C.METRIC] == "net_flow" else "period"


GROUPS = ("daily", "period", "other")  # the panels, top to bottom
PER, TOP, BOTTOM, GAP = 52, 70, 60, 64  # px: a bar's row, the legend, the axis title, between panels


def _bars(fig: go.Figure, part: pd.DataFrame, frames: dict, state, row: int, legend: set) -> None:
    """One panel's bars, a trace per asset class (the legend lists each class once)."""
    lang, th = state.lang, theme(state.theme)
    for cls, bars in part.groupby(C.ASSET_CLASS, observed=True, sort=False):
        flags = conflict_flag(bars).tolist()
        recs = bars.to_dict("records")
        fig.add_trace(
            go.Bar(
                orientation="h",
                x=bars["_x"],
                y=bars["_y"],
                name=class_label(frames, cls, lang),
                legendgroup=str(cls),
                showlegend=str(cls) not in legend,
                marker={
                    "color": class_colour(cls),
                    "pattern": {"shape": patterns(bars), "fgcolor": th["ink"]},
                    "line": {
                        "color": [th["outline"] if f else "rgba(0,0,0,0)" for f in flags],
                        "width": [2.5 if f else 0 for f in flags],
                    },
                },
                text=[_text(r, f, lang) for r, f in zip(recs, flags, strict=True)],
                textposition="outside",
                cliponaxis=False,
                constraintext="none",
                textfont={"size": 13},
                hovertext=[hover(r, frames, lang) for r in recs],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=customdata(bars),
            ),
            row=row,
            col=1,
        )
        legend.add(str(cls))


def _names(part: pd.DataFrame, yref: str) -> list[dict]:
    """Each bar's name on a line above it, from the left edge, so the bars keep the full width at 400 px."""
    notes = []
    for y in part["_y"]:
        fund, _, when = y.partition(" · ")
        notes.append(
            dict(
                x=0,
                xref="paper",
                xanchor="left",
                y=y,
                yref=yref,
                yanchor="bottom",
                yshift=11,
                text=f"<b>{fund}</b> · {when}",  # y is safe text
                showarrow=False,
                font={"size": 12.5},
            )
        )
    return notes


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    df = df[on_axis(df)]  # a figure in bitcoin is a tile above the chart
    if df.empty:
        return empty(state, "empty.none" if _episode_rows(frames, state).empty else "empty.filtered")
    lang, th = state.lang, theme(state.theme)
    recs = df.to_dict("records")
    df = df.assign(_x=to_axis(df), _y=[ylabel(r, lang) for r in recs], _g=[group(r) for r in recs])
    panels = [(g, df[df["_g"] == g]) for g in GROUPS if (df["_g"] == g).any()]
    counts = [len(part) for _, part in panels]
    plot = PER * sum(counts) + GAP * (len(panels) - 1)
    fig = make_subplots(
        rows=len(panels),
        cols=1,
        row_heights=[c / sum(counts) for c in counts],
        vertical_spacing=GAP / plot if len(panels) > 1 else 0,
        subplot_titles=[_w(f"group.{g}", lang) for g, _ in panels],
    )
    for title in fig.layout.annotations:  # the panels' titles, left-aligned like the bars' names
        title.update(x=0, xanchor="left", yshift=4, font={"size": 13, "color": th["muted"]})
    legend: set = set()
    notes = []
    for i, (_, part) in enumerate(panels, start=1):
        _bars(fig, part, frames, state, i, legend)
        notes += _names(part, "y" if i == 1 else f"y{i}")
        # symmetric, so left and right of zero read as out and in; the margin holds the labels
        span = float(part["_x"].abs().max()) or 1.0
        fig.update_xaxes(range=[-span * 2.6, span * 2.6], zeroline=True, zerolinewidth=2, tickprefix="$", row=i, col=1)
        fig.update_yaxes(
            categoryorder="array",
            categoryarray=list(part["_y"]),
            range=[len(part) - 0.5, -0.9],  # reversed, with room above the first bar for its name
            showticklabels=False,
            showgrid=False,
            row=i,
            col=1,
        )
    add_notes(fig, notes)
    base(fig, state, height=plot + TOP + BOTTOM + 30 * len(panels), barmode="overlay", bargap=0.5)
    fig.update_layout(
        margin={"t": TOP, "b": BOTTOM, "l": 10, "r": 20}, legend={"yref": "container", "y": 1, "yanchor": "top"}
    )
    fig.update_xaxes(
        title={"text": _w("axis", lang), "font": {"size": 14, "color": th["muted"]}}, row=len(panels), col=1
    )
    return fig


def _title(r: dict, frames: dict, lang: str) -> str:
    """Plain-text provenance for a tile's title attribute."""
    src = f"{t('hover.source', lang)}: {source_label(str(r.get(C.SOURCE, '')), frames, lang)}"
    outlet = outlet_label(str(r.get(C.OUTLET) or ""), frames, lang)
    quote = shorten(str(r.get(C.QUOTE) or ""))
    note = str(r.get(C.DATE_NOTE) or "")
    return " · ".join(
        p
        for p in (src, f"{t('hover.outlet', lang)} {outlet}" if outlet else "", f"“{quote}”" if quote else "", note)
        if p
    )


def extra(frames: dict, state) -> list:
    """Figures in a unit other than dollars (bitcoin), as text tiles: they cannot share the $ axis."""
    df = rows(frames, state)
    lang, tiles = state.lang, []
    for r in df[~on_axis(df)].to_dict("records"):
        unit = t(f"unit.name.{r[C.UNIT]}", lang)
        direction = _w("in" if r[C.VALUE] >= 0 else "out", lang)
        tiles.append(
            html.Div(
                [
                    html.Span(f"{label(r, lang)} · {period(r, lang)}", className="tile-label"),
                    html.Strong(f"{direction} {value_text(r, lang)}", style={"fontSize": "1.6em"}),
                    html.Span(_w("not_usd", lang, u=unit), className="tile-note"),
                ],
                title=_title(r, frames, lang),
                className="tile",
                **{"data-record": r[C.ID]},
                style={"display": "inline-flex", "flexDirection": "column", "margin": "0 2em 0.5em 0"},
            )
        )
    return tiles


def summary(frames: dict, state) -> str:
    """A text alternative: each fund's figures with their periods, and how many are disputed."""
    df = rows(frames, state)
    lang = state.lang
    colon, semi, stop = t("punct.colon", lang), t("punct.list", lang), t("punct.stop", lang)
    if df.empty:
        key = "empty.none" if _episode_rows(frames, state).empty else "empty.filtered"
        return t("panel.flows", lang) + colon + t(key, lang)
    usd = df[on_axis(df)]
    x = to_axis(usd)
    n_in, n_out, n_dis = int((x >= 0).sum()), int((x < 0).sum()), int(conflict_flag(usd).sum())
    lines = [t("panel.flows", lang) + colon + _w("head", lang, n=len(usd), i=n_in, o=n_out, d=n_dis)]
    for _, part in df.groupby(C.FUND, sort=False):
        recs = part.to_dict("records")
        items = [f"{period(r, lang)} {_text(r, bool(str(r.get(C.CONFLICT_IDS) or '')), lang)}" for r in recs]
        lines.append(label(recs[0], lang) + colon + semi.join(items))
    keys = dict.fromkeys(
        k
        for home, cs in zip(df[C.EPISODE].astype(str), df[C.CONFLICT_IDS].astype(str), strict=True)
        for k in refs.keys(cs, home)
    )
    topics = [localized(c, "topic", lang) for k in keys if (c := sel.conflict(frames, k)) is not None]
    lines += [_w("disputes", lang) + colon + " | ".join(str(t_) for t_ in topics)] * bool(topics)
    return stop.join(lines) + stop.strip()


CHART = Chart(name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"bar"}), extra=extra)
