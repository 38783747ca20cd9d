"""The episodes panel: each loaded episode with its dates, its tables' row counts and its conflicts.

A report for the data's curator, in English with every other language beside it (each marked with its `lang`).
"""

from __future__ import annotations

import pandas as pd
from dash import html

from core import ids
from data.columns import C
from data.loader import Dataset
from data.schema import TABLES
from i18n import LANGS, localized, t


def _every_language(text, gap: str = " ") -> list:
    """`text(lang)` in the first language, then in each other one as a muted span marked with its language."""
    first, *others = LANGS
    out = [text(first)]
    for lang in others:
        out += [gap] * bool(gap) + [html.Span(text(lang), lang=lang, className="alt-lang")]
    return out


def _dates(row) -> str:
    start, end = row["start"].date(), row[C.END].date()
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


def _counts(ds: Dataset, episode: str) -> html.Table:
    body = []
    for table in TABLES:
        df = ds.frames[table]
        rows = df[df[C.EPISODE] == episode]
        derived = int(rows[C.DERIVED].sum()) if C.DERIVED in rows else 0
        name = _every_language(lambda lang, table=table: t(f"table.{table}", lang))
        body.append(
            html.Tr(
                [
                    html.Td(name),
                    html.Td(str(len(rows)), className="num"),
                    html.Td(str(derived) if derived else "", className="num"),
                ]
            )
        )
    head = html.Thead(
        html.Tr([html.Th("Table"), html.Th("Rows", className="num"), html.Th("Derived", className="num")])
    )
    return html.Table([head, html.Tbody(body)], id=ids.counts_table(episode), className="counts")


def _conflicts(ds: Dataset, episode: str) -> html.Div:
    df = ds.frames["conflicts"]
    rows = df[df[C.EPISODE] == episode]
    items = [
        html.Li([html.Span(r[C.KIND].replace("_", " "), className=f"badge {r[C.SEVERITY]}"), " ", r[C.TOPIC_EN]])
        for _, r in rows.iterrows()
    ]
    return html.Div([html.H4(f"Conflicts kept ({len(rows)})"), html.Ul(items, className="conflicts")])


def card(ds: Dataset, row: pd.Series) -> html.Section:
    episode = row[C.ID]
    return html.Section(
        [
            html.H3(_every_language(lambda lang: localized(row, "title", lang), gap="")),
            html.P([html.Span(_dates(row), className="dates"), " · ", html.Code(row[C.FILE])]),
            *[
                html.P(localized(row, "summary", lang), **({"lang": lang, "className": "alt-lang-block"} if i else {}))
                for i, lang in enumerate(LANGS)
            ],
            _counts(ds, episode),
            _conflicts(ds, episode),
        ],
        id=ids.episode_card(episode),
        className="card episode",
    )


def panel(ds: Dataset) -> html.Div:
    episodes = ds.episodes
    cards = [card(ds, row) for _, row in episodes.iterrows()]
    if not cards:
        cards = [html.P("No episode could be loaded; see the rejected files below.", className="empty")]
    return html.Div([html.H2(f"Episodes ({len(episodes)})"), *cards], id=ids.EPISODES)
