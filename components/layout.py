"""The page: a header, the episodes, any rejected files and the sources."""
from __future__ import annotations

from dash import html

from data.loader import Dataset

from . import episodes, ids, rejected, sources


def page(ds: Dataset) -> html.Div:
    return html.Div(
        [
            html.Header([
                html.H1("Crashboard"),
                html.P("Two market crashes of 2026, every figure taken from its source with the source's own words."),
            ]),
            html.Main([rejected.panel(ds), episodes.panel(ds), sources.panel(ds)]),
            html.Footer(html.P("Data: curated from five Chinese-language commentaries; see README.")),
        ],
        id=ids.PAGE,
    )
