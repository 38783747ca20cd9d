"""Who holds US Treasuries and other US assets: each holding the sources give, as a bar in $ bn, largest first.

Amounts stated in $ tn or $ mn are converted to $ bn with the schema's unit factors, and say so in their label
and hover; the hover keeps the figure as stated. The amounts run from $0.1 bn (a Danish pension fund) to
$30,900 bn (all foreign holdings of US securities), so the axis is logarithmic. Figures in other units
(ounces of gold, members, a percentage change) cannot sit on that axis: they are labelled tiles below it,
not to scale. Colour is the holding's asset class; ⚠ and a heavy outline mark China's disputed peak.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.contract import Chart
from charts.kit.figures import add_notes, base, conflict_flag, customdata, empty, empty_text, patterns
from charts.kit.hover import hover
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import class_label, date_text, label, names, number, value_text, with_unit
from charts.kit.provenance import safe as escape
from data import select as sel
from data.columns import C
from data.schema import AMOUNT_UNITS, UNITS
from i18n import has, t

NAME = "holders"
TAB = "context"
AXIS_UNIT = "usd_bn"
LANE_CHARS = 40  # a bar's name wraps after this, to fit a phone
BAR = 0.5  # share of a lane the bar fills; its name sits above it in the rest


def _w(key: str, lang: str) -> str:
    """The panel's own words, `holders.<key>` in the catalogue."""
    return t(f"holders.{key}", lang)


def in_bn(df: pd.DataFrame, column: str = C.VALUE) -> pd.Series:
    """A dollar amount in $ bn, by the schema's unit factors; NaN for figures in other units."""
    factor = df[C.UNIT].map(lambda u: UNITS[u].factor / UNITS[AXIS_UNIT].factor if u in AMOUNT_UNITS else math.nan)
    return df[column] * factor


def is_amount(df: pd.DataFrame) -> pd.Series:
    return df[C.UNIT].isin(AMOUNT_UNITS)


def rows(frames: dict, state) -> pd.DataFrame:
    """Holdings of the selected episodes and classes: dollar amounts largest first, then the other figures."""
    eps = sel.episode_ids(state.episode, frames["episodes"][C.ID])
    df = sel.tag(sel.in_classes(sel.in_episodes(sel.drawable(frames, "holdings"), eps), state.classes), "holdings")
    size = in_bn(df).fillna(in_bn(df, C.HIGH))
    return (
        df.assign(_other=~is_amount(df), _size=size)
        .sort_values(["_other", "_size"], ascending=[True, False], kind="stable")
        .drop(columns=["_other", "_size"])
    )


def _what(row, lang: str) -> str:
    """The asset, or what the figure measures when it is not a holding of the asset."""
    key = f"holders.metric.{row[C.METRIC]}"
    return t(key, lang) if has(key) else row["_asset"]


def _lane_labels(df: pd.DataFrame, lang: str) -> list[str]:
    """'<b>China</b> · US Treasuries · Nov 2025 · 003': written above each bar, so the bars keep the full
    width on a phone; the source is named only when one holder's figure repeats."""
    key = [C.EPISODE, C.HOLDER, C.ASSET, C.METRIC, C.DATE]
    dup = df.duplicated(key, keep=False).tolist()
    out = []
    for r, d in zip(df.to_dict("records"), dup, strict=True):
        parts = (
            _what(r, lang),
            date_text(r, lang),
            str(r[C.SOURCE])[:3] if d else "",
            t("mark.derived", lang) if r[C.DERIVED] else "",
        )
        out.append(_lines([f"<b>{escape(label(r, lang))}</b>"] + [escape(p) for p in parts if p]))
    return out


def _lines(parts: list[str]) -> str:
    """Parts joined by ' · ', broken between parts (never inside one) after LANE_CHARS visible characters."""
    lines, line = [], ""
    for p in parts:
        joined = f"{line} · {p}" if line else p
        if line and len(joined.replace("<b>", "").replace("</b>", "")) > LANE_CHARS:
            lines.append(line + " ·")
            joined = p
        line = joined
    return "<br>".join(lines + [line])


def _converted(row) -> bool:
    return row[C.UNIT] in AMOUNT_UNITS and row[C.UNIT] != AXIS_UNIT


def _text(r, conflict: bool, lang: str) -> str:
    return value_text(r, lang) + (f" ({_w('converted', lang)})" if _converted(r) else "") + (" ⚠" if conflict else "")


def _hover(r, frames: dict, lang: str) -> str:
    what = _what(r, lang)
    if _converted(r):
        bn = r[C.VALUE] * UNITS[r[C.UNIT]].factor / UNITS[AXIS_UNIT].factor
        what += f" · {_w('to', lang)} {with_unit(bn, AXIS_UNIT, lang)}"
    return hover(r, frames, lang, what)


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    return f"rgba({int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{alpha})"


def _traces(fig, df: pd.DataFrame, frames: dict, state, row: int, tiles: bool, shown: set) -> None:
    """One trace per asset class: bars in $ bn (row 1) or equal-length labelled tiles (row 2)."""
    th = theme(state.theme)
    for cls, part in df.groupby(C.ASSET_CLASS, sort=False, observed=True):
        # the legend swatch copies a trace's first point: put a figure without a conflict outline first
        part = part.iloc[conflict_flag(part).astype(int).argsort(kind="stable")]
        conflicts = conflict_flag(part).tolist()
        records = part.to_dict("records")
        colour = class_colour(cls)
        if tiles:
            x, start = [1.0] * len(part), [0.0] * len(part)
        else:
            lo, hi, val = in_bn(part, C.LOW), in_bn(part, C.HIGH), in_bn(part)
            x, start = val.fillna(hi - lo).tolist(), lo.where(val.isna()).tolist()
        fig.add_trace(
            go.Bar(
                orientation="h",
                x=x,
                base=start,
                y=part["_y"].tolist(),
                name=class_label(frames, cls, state.lang),
                legendgroup=str(cls),
                showlegend=str(cls) not in shown,
                marker={
                    "color": _rgba(colour, 0.3) if tiles else colour,
                    "pattern": {"shape": patterns(part), "fgcolor": th["ink"], "solidity": 0.25},
                    "line": {
                        "color": [th["outline"] if c else colour for c in conflicts],
                        "width": [2.5 if c else (1.5 if tiles else 0) for c in conflicts],
                    },
                },
                text=[_text(r, c, state.lang) for r, c in zip(records, conflicts, strict=True)],
                # long bars carry their label inside, so a narrow screen needs little room beyond the largest
                textposition="inside" if tiles else "auto",
                insidetextanchor="start" if tiles else "end",
                cliponaxis=False,
                textfont={"size": 13, "color": th["ink"]} if tiles else {"size": 13},
                hovertext=[_hover(r, frames, state.lang) for r in records],
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=customdata(part),
            ),
            row=row,
            col=1,
        )
        shown.add(str(cls))


def _axis_refs(fig, row: int) -> tuple[str, str]:
    sub = fig.get_subplot(row, 1)
    return "x" + sub.xaxis.plotly_name[5:], "y" + sub.yaxis.plotly_name[5:]


def _label_lanes(fig, part: pd.DataFrame, row: int, lane_px: int) -> None:
    """Each bar's name, left-aligned just above it."""
    xref, yref = _axis_refs(fig, row)
    add_notes(
        fig,
        [
            dict(
                text=text,
                x=0,
                xref=f"{xref} domain",
                y=y,
                yref=yref,
                xanchor="left",
                yanchor="bottom",
                yshift=int(lane_px * BAR / 2),
                showarrow=False,
                align="left",
                font={"size": 13},
            )
            for y, text in zip(part["_y"], part["_lane"], strict=True)
        ],
    )


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    if df.empty:
        return empty(state)
    assets = names(frames["assets"], C.ID, "label", state.lang)
    df = df.assign(_asset=[str(assets.get(a, a)) for a in df[C.ASSET]])
    df = df.assign(
        _lane=_lane_labels(df, state.lang), _y=[f"{e}/{i}" for e, i in zip(df[C.EPISODE], df[C.ID], strict=True)]
    )
    amounts, others = df[is_amount(df)], df[~is_amount(df)]
    parts = [(p, tiles) for p, tiles in ((amounts, False), (others, True)) if not p.empty]
    lines = 1 + max(t.count("<br>") for t in df["_lane"])
    lane_px, gap_px = 34 + 16 * lines, 115
    height = 90 + lane_px * len(df) + gap_px * len(parts)
    fig = make_subplots(
        rows=len(parts),
        cols=1,
        row_heights=[len(p) for p, _ in parts],
        vertical_spacing=gap_px / height,
        subplot_titles=[_w("others" if tiles else "amounts", state.lang) for _, tiles in parts],
    )
    # a panel's title clears the name written above its first bar
    fig.update_annotations(x=0, xanchor="left", font={"size": 14}, yshift=16 * lines - int(lane_px * (1 - BAR) / 2) + 6)
    shown: set = set()
    for i, (part, tiles) in enumerate(parts, start=1):
        _traces(fig, part, frames, state, i, tiles, shown)
        _label_lanes(fig, part, i, lane_px)
        fig.update_yaxes(
            categoryorder="array",
            categoryarray=list(part["_y"]),
            autorange="reversed",
            showticklabels=False,
            showgrid=False,
            row=i,
            col=1,
        )
        if tiles:
            fig.update_xaxes(visible=False, range=[0, 1], row=i, col=1)
            continue
        bn = pd.concat([in_bn(part), in_bn(part, C.LOW), in_bn(part, C.HIGH)]).dropna()
        lo, hi = math.floor(math.log10(bn.min())), math.ceil(math.log10(bn.max()))
        ticks = [10.0**k for k in range(lo, hi + 1)]
        # a gridline every decade, a number every other one, so the numbers never crowd or turn
        fig.update_xaxes(
            type="log",
            range=[lo - 0.3, math.log10(bn.max()) + 0.9],
            tickvals=ticks,
            tickangle=0,
            ticktext=[number(v) if (k - lo) % 2 == 0 else "" for k, v in zip(range(lo, hi + 1), ticks, strict=True)],
            title={"text": _w("axis", state.lang), "font": {"size": 13}},
            row=i,
            col=1,
        )
    base(fig, state, height=height, barmode="overlay", bargap=1 - BAR)
    fig.update_layout(
        legend={"y": 1.0, "yanchor": "top", "yref": "container", "x": 0, "font": {"size": 13}},
        margin={"t": 95, "l": 10},
    )
    return fig


def summary(frames: dict, state) -> str:
    """The largest holdings, the figures in other units, and how many are derived or disputed."""
    df = rows(frames, state)
    lang = state.lang
    title = t("panel.holders", lang)
    if df.empty:
        return title + t("punct.colon", lang) + empty_text(state)
    sep = t("punct.list", lang)
    amounts = sep.join(f"{label(r, lang)} {value_text(r, lang)}" for r in df[is_amount(df)].head(5).to_dict("records"))
    other = sep.join(f"{label(r, lang)} {value_text(r, lang)}" for r in df[~is_amount(df)].to_dict("records"))
    return t(
        "holders.summary",
        lang,
        title=title,
        n=len(df),
        amounts=amounts,
        other=other or t("word.none", lang),
        derived=int(df[C.DERIVED].sum()),
        disputed=int(conflict_flag(df).sum()),
    )


CHART = Chart(name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"bar"}))
