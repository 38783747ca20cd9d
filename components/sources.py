"""The sources panel: the five seed documents with their SHA-256 and the outlets they credit."""
from __future__ import annotations

from dash import html

from data.columns import C
from data.loader import Dataset

from . import ids


def panel(ds: Dataset) -> html.Div:
    df = ds.frames["sources"]
    rows = [html.Tr([html.Td(html.Code(r[C.FILE])), html.Td([r[C.TITLE_EN], html.Br(),
                                                            html.Span(r[C.TITLE_ZH], lang="zh", className="zh")]),
                     html.Td(r["kind_en"]), html.Td(html.Code(r["sha256"][:12] + "…", title=r["sha256"]))])
            for _, r in df.iterrows()]
    head = html.Thead(html.Tr([html.Th("File"), html.Th("Title"), html.Th("Kind"), html.Th("SHA-256")]))
    return html.Div([html.H2("Sources"), html.Table([head, html.Tbody(rows)], className="sources")], id=ids.SOURCES)
