"""The chart-only page a wiki frames: /embed/<chart>?<the dashboard's view parameters>.

Only the chart, its title, its headline figures where it has them, a one-line source credit and a link back to
the same view in the dashboard. Its height goes to the parent page by postMessage (assets/embed.js).
"""

from __future__ import annotations

from dash import dcc, html

from charts.registry import NAMES
from core import ids
from dashboard.card import GRAPH_CONFIG


def chart_name(pathname: str | None) -> str | None:
    """The chart an /embed/<chart> path asks for, or None when it names no chart."""
    name = str(pathname or "").rstrip("/").rsplit("/", 1)[-1]
    return name if name in NAMES else None


def page() -> html.Div:
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.SELECTION),
            html.H1(id=ids.EMBED_TITLE, className="embed-title"),
            html.Div(id=ids.EMBED_EXTRA, className="extra"),
            html.Div(
                dcc.Graph(
                    id=ids.EMBED_CHART,
                    className="chart",
                    config=GRAPH_CONFIG,
                    responsive=True,
                    style={"height": "320px"},
                ),
                role="figure",
                **{"aria-describedby": ids.EMBED_SUMMARY},
            ),
            html.P(id=ids.EMBED_SUMMARY, className="visually-hidden"),
            html.P(
                [
                    html.Span(id=ids.EMBED_CREDIT),
                    " · ",
                    html.A(id=ids.EMBED_BACK, target="_blank", rel="noopener noreferrer"),
                ],
                className="credit",
            ),
        ],
        id=ids.EMBED,
        className="embed theme-light",
    )


def index(prefix: str = "/") -> str:
    """The plain page at /embed/ and for an unknown chart: the charts that can be embedded (no data text)."""
    items = "".join(f'<li><a href="{prefix}embed/{n}">{prefix}embed/{n}</a></li>' for n in NAMES)
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Crashboard embeds</title>"
        "<h1>Crashboard: charts you can embed</h1><ul>" + items + "</ul>"
        f'<p>Each takes the dashboard\'s view parameters. <a href="{prefix}">Open the dashboard</a>.</p></html>'
    )
