"""The data report, for the data's curators: each loaded episode with its dates, file, tables' row counts and the
conflicts it keeps, in the page's language. Built when a reader opens it (callbacks/story.py)."""

from __future__ import annotations

import pandas as pd
from dash import html

from core import ids
from data.columns import C
from data.schema import TABLES
from i18n import localized, t


def _dates(row) -> str:
    start, end = row["start"].date(), row[C.END].date()
    return start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"


def _counts(frames: dict, episode: str, lang: str) -> html.Table:
    body = []
    for table in TABLES:
        df = frames[table]
        rows = df[df[C.EPISODE] == episode]
        derived = int(rows[C.DERIVED].sum()) if C.DERIVED in rows else 0
        body.append(
            html.Tr(
                [
                    html.Td(t(f"table.{table}", lang)),
                    html.Td(str(len(rows)), className="num"),
                    html.Td(str(derived) if derived else "", className="num"),
                ]
            )
        )
    head = html.Thead(
        html.Tr(
            [
                html.Th(t("report.table", lang)),
                html.Th(t("report.rows", lang), className="num"),
                html.Th(t("report.derived", lang), className="num"),
            ]
        )
    )
    return html.Table([head, html.Tbody(body)], id=ids.counts_table(episode), className="counts")


def badge(kind: str, severity: str, lang: str) -> html.Span:
    """A conflict's kind, coloured by its severity, in the page's language."""
    return html.Span(
        t(f"conflict.kind.{kind}", lang), className=f"badge {severity}", title=t(f"conflict.severity.{severity}", lang)
    )


def _conflicts(frames: dict, episode: str, lang: str) -> html.Div:
    df = frames["conflicts"]
    rows = df[df[C.EPISODE] == episode]
    items = [
        html.Li([badge(r[C.KIND], r[C.SEVERITY], lang), " ", localized(r, "topic", lang)]) for _, r in rows.iterrows()
    ]
    return html.Div([html.H4(t("report.conflicts", lang, n=len(rows))), html.Ul(items, className="conflicts")])


def card(frames: dict, row: pd.Series, lang: str) -> html.Section:
    episode = row[C.ID]
    return html.Section(
        [
            html.H3(localized(row, "title", lang)),
            html.P([html.Span(_dates(row), className="dates"), " · ", html.Code(row[C.FILE])]),
            html.P(localized(row, "summary", lang)),
            _counts(frames, episode, lang),
            _conflicts(frames, episode, lang),
        ],
        id=ids.episode_card(episode),
        className="card episode",
    )


def panel(frames: dict, lang: str) -> list:
    """The report's content: one section per loaded episode."""
    episodes = frames["episodes"]
    cards = [card(frames, row, lang) for _, row in episodes.iterrows()]
    return cards or [html.P(t("report.none", lang), className="empty")]
