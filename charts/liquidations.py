"""Crypto liquidations of 6 February 2026, as CoinGlass and DefiLlama counted them.

Headline tiles (above the chart): the 24-hour total in dollars and yuan, the traders liquidated, the longs' share.
The chart: (a) the amount per centralised exchange with its share of the total, the derived remainder hatched;
(b) the share per leverage bucket; (c) the long side's share (the sources give no short figure, and the chart says
so rather than invent one); (d) DeFi's on-chain liquidations, apart from the exchange total they are not part of;
(e) the peak window as a floating bar on a 0–24 h UTC axis. Every mark is crypto, so marks differ by place and
label, never by colour. Only the February episode has liquidation rows.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import html
from plotly.subplots import make_subplots

from charts.contract import Chart
from charts.kit.figures import bar_extent, base, colours, conflict_flag, customdata, empty, patterns
from charts.kit.hover import hover
from charts.kit.palette import theme
from charts.kit.provenance import date_text, label, outlet_label, safe, shorten, source_label, value_text, window_text
from data import select as sel
from data.columns import C
from data.schema import LEVERAGE_BUCKETS, SIDES, UNITS
from i18n import t

NAME = "liquidations"
TAB = "crash"

TILE_DIMS = ("total", "side")
TILE_STYLE = {"display": "inline-flex", "flexDirection": "column", "margin": "0 2em 0.5em 0"}
DIM_ORDER = {d: i for i, d in enumerate(("total", "side", "exchange", "leverage", "defi", "peak"))}


def _w(key: str, lang: str, **params) -> str:
    """The panel's own words, `liquidations.<key>` in the catalogue."""
    return t(f"liquidations.{key}", lang, **params)


def _episode_rows(frames: dict, state) -> pd.DataFrame:
    return sel.in_episodes(
        sel.drawable(frames, "liquidations"), sel.episode_ids(state.episode, frames["episodes"][C.ID])
    )


def rows(frames: dict, state) -> pd.DataFrame:
    """Every liquidation figure of the view: the tiles' headline rows and the chart's rows."""
    df = sel.in_classes(_episode_rows(frames, state), state.classes)
    # an exchange's share is drawn in its amount bar's label, so a share without an amount bar is not shown
    amounts = set(df.loc[(df[C.DIMENSION] == "exchange") & (df[C.METRIC] == "amount"), C.EXCHANGE])
    orphan = (df[C.DIMENSION] == "exchange") & (df[C.METRIC] == "share") & ~df[C.EXCHANGE].isin(amounts)
    df = df[~orphan]
    return sel.tag(df.iloc[df[C.DIMENSION].map(DIM_ORDER).fillna(99).argsort(kind="stable")], "liquidations")


def _parts(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The rows of each subplot, in drawing order."""
    ex = df[df[C.DIMENSION] == "exchange"]
    amt = ex[ex[C.METRIC] == "amount"]
    # named exchanges largest first; the derived remainder ("others") goes last, as a residual does
    amt = amt.assign(_d=amt[C.DERIVED].astype(bool), _v=-amt[C.VALUE]).sort_values(["_d", "_v"], kind="stable")
    lev, side = df[df[C.DIMENSION] == "leverage"], df[df[C.DIMENSION] == "side"]
    return {
        "a": amt.drop(columns=["_d", "_v"]),
        "shares": ex[ex[C.METRIC] == "share"],
        "b": lev.iloc[lev[C.LEVERAGE].map(LEVERAGE_BUCKETS.index).argsort(kind="stable")],
        "c": side.iloc[side[C.SIDE].map(SIDES.index).argsort(kind="stable")],
        "d": df[df[C.DIMENSION] == "defi"],
        "e": df[df[C.DIMENSION] == "peak"],
    }


def _ylabel(r: dict, lang: str) -> str:
    """The data's label, broken in two when long (narrow screens); 'derived' is said in the bar's own label."""
    text = label(r, lang)
    if len(text) > 18 and " " in text[6:]:
        cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - len(text) / 2))
        return safe(text[:cut]) + "<br>" + safe(text[cut + 1 :])
    return safe(text)


def _bar(
    fig,
    part: pd.DataFrame,
    frames: dict,
    state,
    row: int,
    text: list[str],
    inside: bool = False,
    hovers: list[str] | None = None,
    flags: list[bool] | None = None,
) -> None:
    """Horizontal bars of one subplot in the class colour: derived hatched, disputed outlined with ⚠."""
    th, recs = theme(state.theme), part.to_dict("records")
    flags = flags if flags is not None else conflict_flag(part).tolist()
    length, start = bar_extent(part)
    fig.add_trace(
        go.Bar(
            orientation="h",
            x=length,
            base=start,
            y=[_ylabel(r, state.lang) for r in recs],
            showlegend=False,
            marker={
                "color": colours(part),
                "pattern": {"shape": patterns(part), "fgcolor": th["ink"], "solidity": 0.3},
                "line": {
                    "color": [th["outline"] if f else "rgba(0,0,0,0)" for f in flags],
                    "width": [2.5 if f else 0 for f in flags],
                },
            },
            text=[s + (" ⚠" if f else "") for s, f in zip(text, flags, strict=True)],
            cliponaxis=False,
            textposition="inside" if inside else "outside",
            insidetextanchor="end",
            textfont={"size": 13},
            constraintext="none",
            hovertext=hovers or [hover(r, frames, state.lang) for r in recs],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=customdata(part),
            name=safe(label(recs[0], state.lang)),
        ),
        row=row,
        col=1,
    )


def _derived(text: str, derived, lang: str) -> str:
    return text + (f" ({t('mark.derived', lang)})" if derived else "")


def _share(parts: dict, exchange: str, lang: str) -> tuple[dict | None, str]:
    """An exchange's share row (if the data has one) and its words, saying whether the share is derived."""
    shares = parts["shares"]
    match = shares[shares[C.EXCHANGE] == exchange].to_dict("records")
    if not match:
        return None, ""
    s = match[0]
    return s, _derived(_w("share", lang, v=value_text(s, lang)), s[C.DERIVED], lang)


def _exchanges(fig, parts: dict, frames: dict, state, row: int) -> None:
    """(a): one bar per exchange; its share row, stated or derived, is the second line of its label and hover."""
    lang, amt = state.lang, parts["a"]
    text, hovers, flags = [], [], []
    for r, f in zip(amt.to_dict("records"), conflict_flag(amt), strict=True):
        words, tip = _derived(value_text(r, lang), r[C.DERIVED], lang), hover(r, frames, lang)
        s, share = _share(parts, r[C.EXCHANGE], lang)
        if s is not None:
            words += "<br>" + share
            tip += "<br>―――<br>" + hover(s, frames, lang, what=_w("of_total", lang))
            f = f or bool(str(s.get(C.CONFLICT_IDS) or ""))
        text.append(words)
        hovers.append(tip)
        flags.append(bool(f))
    _bar(fig, amt, frames, state, row, text, hovers=hovers, flags=flags)


def _hours(r: dict) -> str:
    return f"{r[C.LOW]:02.0f}:00–{r[C.HIGH]:02.0f}:00 UTC"


def figure(frames: dict, state) -> go.Figure:
    df = rows(frames, state)
    if df.empty:
        return empty(state, "empty.none" if _episode_rows(frames, state).empty else "empty.filtered")
    lang, th = state.lang, theme(state.theme)
    parts = _parts(df)
    # one column, so every subplot gets the full width at 400 px; DeFi sits under the exchanges on the same $ scale
    keys = [k for k in ("a", "d", "b", "c", "e") if not parts[k].empty]
    px = [len(parts[k]) * (34 if k == "a" else 26) + 16 for k in keys]  # two-line exchange labels: taller bars
    gap, height = 44, 70 + sum(px) + 44 * (len(keys) - 1)  # a gap holds the ticks and the next title
    titles = [
        _w(k, lang) + (f" · {_w('shorts_missing', lang)}" if k == "c" and _short_missing(df) else "") for k in keys
    ]
    fig = make_subplots(
        rows=len(keys),
        cols=1,
        row_heights=[p / sum(px) for p in px],
        vertical_spacing=gap / (height - 70),
        subplot_titles=titles,
    )
    fig.update_annotations(font={"size": 13, "color": th["muted"]}, xanchor="left", x=0)  # titles, left-aligned
    for row, k in enumerate(keys, start=1):
        if k == "a":
            _exchanges(fig, parts, frames, state, row)
        elif k == "e":
            _bar(fig, parts[k], frames, state, row, [_hours(r) for r in parts[k].to_dict("records")])
        else:
            recs = parts[k].to_dict("records")
            _bar(
                fig,
                parts[k],
                frames,
                state,
                row,
                [_derived(value_text(r, lang), r[C.DERIVED], lang) for r in recs],
                inside=k == "c",
            )
        fig.update_yaxes(autorange="reversed", row=row, col=1)
        if k in ("a", "d"):  # one $ scale for exchanges and DeFi, with room for the labels
            money = float(pd.concat([parts["a"][C.VALUE], parts["d"][C.VALUE]]).max())
            fig.update_xaxes(range=[0, money * 2], ticksuffix=" bn", tickprefix="$", row=row, col=1)
        elif k in ("b", "c"):
            fig.update_xaxes(range=[0, 101], ticksuffix="%", row=row, col=1)
        else:
            fig.update_xaxes(
                range=[0, 24],
                tickvals=list(range(0, 25, 3)),
                tickangle=0,
                ticktext=[f"{h:02d}" for h in range(0, 25, 3)],
                row=row,
                col=1,
            )
    base(fig, state, height=height, bargap=0.3)
    return fig


def _title(r: dict, frames: dict, lang: str) -> str:
    """Plain-text provenance for a tile's title attribute: source, outlet, the quote."""
    outlet, quote = outlet_label(str(r.get(C.OUTLET) or ""), frames, lang), shorten(str(r.get(C.QUOTE) or ""))
    return (
        f"{t('hover.source', lang)}: {source_label(str(r.get(C.SOURCE, '')), frames, lang)}"
        + (f" · {t('hover.outlet', lang)} {outlet}" if outlet else "")
        + (f" — “{quote}”" if quote else "")
    )


def _tiles(df: pd.DataFrame) -> list[tuple[dict, list[dict]]]:
    """Headline rows, each with its other wordings: a total in yuan (≈ CNY) joins the dollar total's tile."""
    heads = df[df[C.DIMENSION].isin(TILE_DIMS)]
    alt = (heads[C.METRIC] == "amount") & (heads[C.UNIT].map(lambda u: UNITS[u].base) != "usd")
    alts = heads[alt].to_dict("records")
    return [
        (r, [o for o in alts if r[C.METRIC] == "amount" and o[C.DIMENSION] == r[C.DIMENSION]])
        for r in heads[~alt].to_dict("records")
    ]


def _when(r: dict, lang: str) -> list[str]:
    return [p for p in (window_text(str(r.get(C.WINDOW) or ""), lang), date_text(r, lang)) if p]


def _short_missing(df: pd.DataFrame) -> bool:
    return not set(SIDES) <= set(df.loc[df[C.DIMENSION] == "side", C.SIDE])


def extra(frames: dict, state) -> list:
    """Headline tiles: each figure from its row, with its source and quote in the tile's title."""
    df, lang = rows(frames, state), state.lang
    tiles = []
    for r, alts in _tiles(df):
        notes = [
            html.Span(value_text(o, lang), title=_title(o, frames, lang), **{"data-record": o[C.ID]}) for o in alts
        ]
        if r[C.DIMENSION] == "side" and _short_missing(df):
            notes.append(html.Span(_w("short_missing", lang)))
        notes += [html.Span(p) for p in _when(r, lang)]
        line = [x for n in notes for x in (html.Span(" · "), n)][1:]
        tiles.append(
            html.Div(
                [
                    html.Span(label(r, lang), className="tile-label"),
                    html.Strong(value_text(r, lang), style={"fontSize": "1.6em"}),
                    html.Span(line, className="tile-note"),
                ],
                title=_title(r, frames, lang),
                className="tile",
                style=TILE_STYLE,
                **{"data-record": r[C.ID]},
            )
        )
    return tiles


def summary(frames: dict, state) -> str:
    """A text alternative: the headline figures, then each subplot's figures, all from the rows."""
    df, lang = rows(frames, state), state.lang
    colon, semi, stop = t("punct.colon", lang), t("punct.list", lang), t("punct.stop", lang)
    if df.empty:
        key = "empty.none" if _episode_rows(frames, state).empty else "empty.filtered"
        return t("panel.liquidations", lang) + colon + t(key, lang)

    def say(r: dict) -> str:
        return _derived(f"{label(r, lang)} {value_text(r, lang)}", r[C.DERIVED], lang)

    heads = [
        ", ".join([say(r) + "".join(f" ({value_text(o, lang)})" for o in alts)] + _when(r, lang) * (i == 0))
        for i, (r, alts) in enumerate(_tiles(df))
    ]  # the first (the total) says its window and day
    heads += [_w("short_missing", lang)] * _short_missing(df)
    parts = _parts(df)
    ex = [
        ", ".join(p for p in (say(r), _share(parts, r[C.EXCHANGE], lang)[1]) if p)
        for r in parts["a"].to_dict("records")
    ]
    if ex:
        ex[0] += f" ({_w('most', lang)})"
    lines = [t("panel.liquidations", lang) + colon + semi.join(heads)]
    lines += [_w("a", lang) + colon + semi.join(ex)] * bool(ex)
    lines += [_w("b", lang) + colon + semi.join(say(r) for r in parts["b"].to_dict("records"))] * (not parts["b"].empty)
    lines += [f"{say(r)}, {_w('separate', lang)}" for r in parts["d"].to_dict("records")]
    lines += [f"{_w('peak', lang)} {_hours(r)}" for r in parts["e"].to_dict("records")]
    return stop.join(lines) + stop.strip()


CHART = Chart(name=NAME, tab=TAB, rows=rows, figure=figure, summary=summary, traces=frozenset({"bar"}), extra=extra)
