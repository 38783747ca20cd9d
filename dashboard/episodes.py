"""The episodes panel: each loaded episode with its dates, its tables' row counts and its conflicts."""
from __future__ import annotations

import pandas as pd
from dash import html

from data.columns import C
from data.loader import Dataset
from data.schema import TABLES

from core import ids

_TABLE_NAMES = {
    "moves": ("Moves and levels", "涨跌与价位"), "rates": ("Rates and FX", "利率与汇率"),
    "liquidations": ("Liquidations", "爆仓"), "flows": ("Fund flows", "资金流向"), "macro": ("Macro releases", "宏观数据"),
    "holdings": ("Holdings", "持仓"), "forecasts": ("Forecasts", "预测"), "scenarios": ("Scenarios", "情景"),
    "events": ("Timeline events", "时间线事件"),
}


def _dates(row) -> str:
    start, end = row["start"].date(), row[C.END].date()
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


def _counts(ds: Dataset, episode: str) -> html.Table:
    body = []
    for table in TABLES:
        df = ds.frames[table]
        rows = df[df[C.EPISODE] == episode]
        derived = int(rows[C.DERIVED].sum()) if C.DERIVED in rows else 0
        en, zh = _TABLE_NAMES[table]
        body.append(html.Tr([html.Td([en, " ", html.Span(zh, lang="zh", className="zh")]), html.Td(str(len(rows)), className="num"),
                             html.Td(str(derived) if derived else "", className="num")]))
    head = html.Thead(html.Tr([html.Th("Table"), html.Th("Rows", className="num"), html.Th("Derived", className="num")]))
    return html.Table([head, html.Tbody(body)], id=ids.counts_table(episode), className="counts")


def _conflicts(ds: Dataset, episode: str) -> html.Div:
    df = ds.frames["conflicts"]
    rows = df[df[C.EPISODE] == episode]
    items = [html.Li([html.Span(r[C.KIND].replace("_", " "), className=f"badge {r[C.SEVERITY]}"), " ",
                      r[C.TOPIC_EN]]) for _, r in rows.iterrows()]
    return html.Div([html.H4(f"Conflicts kept ({len(rows)})"), html.Ul(items, className="conflicts")])


def card(ds: Dataset, row: pd.Series) -> html.Section:
    episode = row[C.ID]
    return html.Section(
        [
            html.H3([row[C.TITLE_EN], html.Span(row[C.TITLE_ZH], className="zh", lang="zh")]),
            html.P([html.Span(_dates(row), className="dates"), " · ", html.Code(row[C.FILE])]),
            html.P(row["summary_en"]),
            html.P(row["summary_zh"], lang="zh", className="zh-block"),
            _counts(ds, episode),
            _conflicts(ds, episode),
        ],
        id=ids.episode_card(episode), className="card episode",
    )


def panel(ds: Dataset) -> html.Div:
    episodes = ds.episodes
    cards = [card(ds, row) for _, row in episodes.iterrows()]
    if not cards:
        cards = [html.P("No episode could be loaded; see the rejected files below.", className="empty")]
    return html.Div([html.H2(f"Episodes ({len(episodes)})"), *cards], id=ids.EPISODES)
