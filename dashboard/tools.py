"""One panel for every chart's data, download and share: a card's button opens it for that chart. One set of
components, whatever the number of charts or episodes, so the page stays small (its data table and links are built
by callbacks only while it is open)."""

from __future__ import annotations

from dash import dcc, html

from core import ids
from dashboard import share
from i18n import t


def panel(lang: str) -> html.Aside:
    return html.Aside(
        [
            html.Div(
                [
                    html.H2(id=ids.TOOLS_TITLE),
                    html.Button(
                        "×",
                        id=ids.TOOLS_CLOSE,
                        className="button close",
                        n_clicks=0,
                        title=t("tools.close", lang),
                        **{"aria-label": t("tools.close", lang)},
                    ),
                ],
                className="tools-head",
            ),
            html.Button(t("ctl.download", lang), id=ids.TOOLS_DOWNLOAD, className="button", n_clicks=0),
            dcc.Download(id=ids.TOOLS_FILE),
            share.box(lang),
            html.H3(t("tools.data", lang), id=ids.text("tools.data")),
            html.Div(id=ids.TOOLS_TABLE, className="table-wrap"),
        ],
        id=ids.TOOLS,
        className="tools",
        hidden=True,
        role="dialog",
        **{"aria-labelledby": ids.TOOLS_TITLE},
    )
