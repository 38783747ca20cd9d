"""Forecasts and targets: who expects what, for which asset, over which horizon.

Units differ, so each subject and unit gets its own small panel and axis; percentages of different things (a
probability, a policy rate, earnings growth) get separate panels too. Each forecaster has a lane, named above it:
a dot for a figure, a segment for a range, and a hollow dot with an arrow to the current figure where the forecast
was revised (JPMorgan's gold target, $5,400 → $6,300). Colour is the subject's asset class; ⚠ and a heavy outline
mark forecasts that other figures of a source contradict (the gold targets against gold's stated price).
"""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.contract import Chart
from charts.kit.figures import add_notes, base, conflict_flag, customdata, empty, is_range
from charts.kit.hover import hover
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import class_label, label, names, value_text, with_unit
from data import select as sel
from data.columns import C
from data.schema import UNITS
from i18n import has, localized, t

NAME = "forecasts"
TAB = "context"
LANE_PX, TITLE_PX = 46, 82

# percentages of different things must not share an axis; prices, amounts and volumes of one subject may
SPLIT_BY_METRIC = frozenset({"pct", "count"})


def _w(key: str, lang: str) -> str:
    """The panel's own words, `forecasts.<key>` in the catalogue."""
    return t(f"forecasts.{key}", lang)


def _metric(m: str, lang: str) -> str:
    key = f"forecast.metric.{m}"
    return t(key, lang) if has(key) else m


def _group(df: pd.DataFrame) -> list[tuple]:
    return [
        (s, u, m if u in SPLIT_BY_METRIC else "")
        for s, u, m in zip(df[C.SUBJECT], df[C.UNIT], df[C.METRIC], strict=True)
    ]


def _lane(df: pd.DataFrame) -> list[tuple]:
    """A forecaster's figure and its earlier version share a lane."""
    return list(zip(df[C.EPISODE], df[C.BY], df[C.METRIC], df[C.HORIZON_EN].fillna(""), strict=True))


def rows(frames: dict, state) -> pd.DataFrame:
    """Forecasts of the selected episodes and classes, panel by panel, lane by lane, earlier version first."""
    eps = sel.episode_ids(state.episode, frames["episodes"][C.ID])
    df = sel.tag(sel.in_classes(sel.in_episodes(sel.drawable(frames, "forecasts"), eps), state.classes), "forecasts")
    groups, lanes = _group(df), _lane(df)
    g_at = {g: i for i, g in enumerate(dict.fromkeys(groups))}
    l_at = {k: i for i, k in enumerate(dict.fromkeys(lanes))}
    return (
        df.assign(
            _g=[g_at[g] for g in groups], _l=[l_at[k] for k in lanes], _s=(df[C.STATUS] != "previous").astype(int)
        )
        .sort_values(["_g", "_l", "_s"], kind="stable")
        .drop(columns=["_g", "_l", "_s"])
    )


def who(row, frames: dict, lang: str) -> str:
    """The forecaster's name: every `by` id in the data is an outlet; an unknown id is shown as it is."""
    return str(names(frames["outlets"], C.ID, "name", lang).get(row[C.BY], row[C.BY]))


def _horizon(row, lang: str) -> str:
    return str(localized(row, "horizon", lang))


def _esc(text: str) -> str:  # quote=False: Plotly shows &quot; literally in annotations
    return escape(text, quote=False)


def _lane_text(row, frames: dict, lang: str) -> str:
    return f"<b>{_esc(who(row, frames, lang))}</b> · " + _esc(_horizon(row, lang) or _metric(row[C.METRIC], lang))


def _title(part: pd.DataFrame, lang: str) -> str:
    r, unit = part.iloc[0], str(part.iloc[0][C.UNIT])
    unit_word = _w("count", lang) if unit == "count" else t(f"unit.name.{unit}", lang)
    metrics = ", ".join(dict.fromkeys(_metric(m, lang) for m in part[C.METRIC]))
    head, tail = _esc(label(r, lang)), f"{_esc(metrics)} ({_esc(unit_word)})"
    return f"<b>{head}</b>" + ("<br>" if len(head) + len(tail) > 44 else " · ") + tail  # 44: fits a phone


def _hover(r, frames: dict, lang: str) -> str:
    parts = [
        who(r, frames, lang),
        _metric(r[C.METRIC], lang),
        _horizon(r, lang),
        _w("was", lang) if r[C.STATUS] == "previous" else "",
    ]
    return hover(r, frames, lang, " · ".join(p for p in parts if p))


def _text(r, conflict: bool, lang: str) -> str:
    """The figure as stated; a positive range reads low to high, as the sources write it ('5–7%')."""
    low, high = r.get(C.LOW), r.get(C.HIGH)
    text = value_text(r, lang)
    if pd.isna(r.get(C.VALUE)) and not pd.isna(low) and low >= 0:
        dash = "–" if r[C.UNIT] == "pct" else " – "
        text = with_unit(low, r[C.UNIT], lang) + dash + with_unit(high, r[C.UNIT], lang)
    if r.get(C.DERIVED):
        text += " (" + t("mark.derived", lang) + ")"  # no hatching on a dot, so say it
    return text + (" ⚠" if conflict else "")


def _sides(part: pd.DataFrame) -> dict:
    """Where each point's label goes: away from the other end of its revision arrow, else to the right."""
    side = {}
    for _, g in part.groupby("_y"):
        old, new = g[g[C.STATUS] == "previous"], g[g[C.STATUS] != "previous"]
        for (i, a), (j, b) in zip(old.iterrows(), new.iterrows(), strict=False):  # pairs, as many as both have
            down = a[C.VALUE] > b[C.VALUE]
            side[i], side[j] = ("middle right", "middle left") if down else ("middle left", "middle right")
    return side


def _marker(part: pd.DataFrame, th: dict, hollow: bool) -> dict:
    conflicts = conflict_flag(part).tolist()
    colour = class_colour(part.iloc[0][C.ASSET_CLASS])
    return {
        "color": colour,
        "size": 13,
        "symbol": "circle-open" if hollow else "circle",
        "line": {
            "color": [th["outline"] if c else (colour if hollow else th["muted"]) for c in conflicts],
            "width": [2.5 if c else (2 if hollow else 0.5) for c in conflicts],
        },
    }


def _panel(fig, part: pd.DataFrame, frames: dict, state, row: int, legend: set) -> None:
    """One subject's panel: lanes, points, ranges and revision arrows."""
    th, lang = theme(state.theme), state.lang
    sub = fig.get_subplot(row, 1)
    xref, yref = "x" + sub.xaxis.plotly_name[5:], "y" + sub.yaxis.plotly_name[5:]
    lanes = list(dict.fromkeys(_lane(part)))
    part = part.assign(_y=[lanes.index(k) for k in _lane(part)])
    cls = str(part.iloc[0][C.ASSET_CLASS])
    ranges = is_range(part)
    side = _sides(part[~ranges])
    for hollow in (False, True):
        p = part[~ranges & ((part[C.STATUS] == "previous") == hollow)]
        if p.empty:
            continue
        group = "previous" if hollow else cls
        fig.add_trace(
            go.Scatter(
                x=p[C.VALUE].tolist(),
                y=p["_y"].tolist(),
                mode="markers+text",
                marker=_marker(p, th, hollow),
                name=_w("previous", lang) if hollow else class_label(frames, cls, lang),
                legendgroup=group,
                showlegend=group not in legend,
                text=[_text(r, c, lang) for r, c in zip(p.to_dict("records"), conflict_flag(p), strict=True)],
                textposition=[side.get(i, "middle right") for i in p.index],
                cliponaxis=False,
                textfont={"size": 13},
                hovertext=[_hover(r, frames, lang) for r in p.to_dict("records")],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=customdata(p),
            ),
            row=row,
            col=1,
        )
        legend.add(group)
    for _, r in part[ranges].iterrows():
        one = part.loc[[r.name]]
        conflict = bool(conflict_flag(one).iloc[0])
        fig.add_trace(
            go.Scatter(
                x=[r[C.LOW], r[C.HIGH]],
                y=[r["_y"]] * 2,
                mode="lines+markers+text",
                showlegend=False,
                legendgroup=cls,
                line={"color": class_colour(cls), "width": 6},
                marker={
                    "color": class_colour(cls),
                    "size": 12 if conflict else 10,
                    "symbol": "line-ns-open",
                    "line": {"width": 3 if conflict else 2, "color": th["outline"] if conflict else class_colour(cls)},
                },
                text=["", _text(r, conflict, lang)],
                textposition="middle right",
                cliponaxis=False,
                textfont={"size": 13},
                hovertext=[_hover(r, frames, lang)] * 2,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=customdata(one) * 2,
            ),
            row=row,
            col=1,
        )
    notes = []
    for lane, g in part[~ranges].groupby("_y"):
        old, new = g[g[C.STATUS] == "previous"], g[g[C.STATUS] != "previous"]
        for (_, a), (_, b) in zip(
            old.iterrows(), new.iterrows(), strict=False
        ):  # pairs, as many as both have  # the revision, as an arrow old → new
            notes.append(
                dict(
                    x=b[C.VALUE],
                    y=lane,
                    ax=a[C.VALUE],
                    ay=lane,
                    xref=xref,
                    yref=yref,
                    axref=xref,
                    ayref=yref,
                    showarrow=True,
                    arrowhead=2,
                    arrowsize=1.2,
                    arrowwidth=1.5,
                    arrowcolor=th["muted"],
                    standoff=8,
                    startstandoff=8,
                    text="",
                )
            )
    for lane, r in part.drop_duplicates("_y").set_index("_y").iterrows():
        notes.append(
            dict(
                text=_lane_text(r, frames, lang),
                x=0,
                xref=f"{xref} domain",
                y=lane,
                yref=yref,
                xanchor="left",
                yanchor="bottom",
                yshift=9,
                showarrow=False,
                font={"size": 13},
            )
        )
    add_notes(fig, notes)
    fig.update_yaxes(
        range=[len(lanes) - 0.4, -0.75], showticklabels=False, showgrid=False, zeroline=False, row=row, col=1
    )
    fig.update_xaxes(
        range=x_range(part, "middle left" in side.values()),
        nticks=5,
        tickformat=",~g",
        zeroline=False,
        row=row,
        col=1,
        **_axis(str(part.iloc[0][C.UNIT])),
    )


def _axis(unit: str) -> dict:
    u = UNITS.get(unit)
    if unit == "pct":
        return {"ticksuffix": "%"}
    if u and u.symbol.startswith("$"):
        return {"tickprefix": "$", "ticksuffix": " bn" if unit == "usd_bn" else ""}
    return {}


def x_range(part: pd.DataFrame, left_labels: bool = False) -> list[float]:
    """Every value and range end, with room for the labels: to the right, and to the left when some go there."""
    values = pd.concat([part[C.VALUE], part[C.LOW], part[C.HIGH]]).dropna()
    lo, hi = float(values.min()), float(values.max())
    span = max(hi - lo, 0.25 * max(abs(lo), abs(hi)), 1e-9)
    return [lo - (0.9 if left_labels else 0.25) * span, hi + 0.8 * span]


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    if df.empty:
        return empty(state)
    groups = _group(df)
    parts = [df[[g == k for g in groups]] for k in dict.fromkeys(groups)]
    lanes = [len(set(_lane(p))) for p in parts]
    height = LANE_PX * sum(lanes) + TITLE_PX * len(parts) + 70
    fig = make_subplots(
        rows=len(parts),
        cols=1,
        row_heights=lanes,
        vertical_spacing=TITLE_PX / height,
        subplot_titles=[_title(p, state.lang) for p in parts],
    )
    fig.update_annotations(x=0, xanchor="left", align="left", font={"size": 14}, yshift=2)
    legend: set = set()
    for i, part in enumerate(parts, start=1):
        _panel(fig, part, frames, state, i, legend)
    base(fig, state, height=height)
    fig.update_layout(
        legend={"y": 1.0, "yanchor": "top", "yref": "container", "x": 0, "font": {"size": 13}},
        margin={"t": 105, "l": 10, "r": 20},
    )
    return fig


def summary(frames: dict, state) -> str:
    """Who forecasts what, the revisions, and how many forecasts are disputed."""
    df = rows(frames, state)
    lang, title = state.lang, t("panel.forecasts", state.lang)
    if df.empty:
        return title + t("punct.colon", lang) + t("empty.filtered" if state.classes else "empty.none", lang)
    sep = t("punct.list", lang)
    current = df[df[C.STATUS] != "previous"]
    items = sep.join(
        f"{who(r, frames, lang)} {label(r, lang)} {_metric(r[C.METRIC], lang)} {_text(r, False, lang)}"
        for r in current.head(4).to_dict("records")
    )
    revised = []
    for _, g in df.groupby(pd.Series(_lane(df), index=df.index), sort=False):
        old, new = g[g[C.STATUS] == "previous"], g[g[C.STATUS] != "previous"]
        if not old.empty and not new.empty:
            r = new.iloc[0]
            revised.append(
                f"{who(r, frames, lang)} {label(r, lang)} {value_text(old.iloc[0], lang)} → {value_text(r, lang)}"
            )
    return t(
        "forecasts.summary",
        lang,
        title=title,
        n=len(df),
        items=items,
        changes=sep.join(revised) or t("word.none", lang),
        disputed=int(conflict_flag(df).sum()),
    )


CHART = Chart(name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"scatter"}))
