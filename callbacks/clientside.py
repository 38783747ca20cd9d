"""Browser-only behaviour, written in assets/crashboard.js: highlighting the selection in every chart, the
timeline's hover line on the dated charts, showing a tab, and the theme. No server round trip, no inline script."""

from __future__ import annotations

from dash import MATCH, ClientsideFunction, Input, Output
from dash import State as Current

from core import ids
from core.state import TABS

NAMESPACE = "crashboard"


def register(app, data) -> None:
    app.clientside_callback(
        ClientsideFunction(NAMESPACE, "highlight"),
        Output(ids.chart(MATCH), "figure", allow_duplicate=True),
        Input(ids.SELECTION, "data"),
        Input(ids.chart(MATCH), "figure"),
        prevent_initial_call=True,
    )
    app.clientside_callback(  # the view goes to the open tab's charts only
        ClientsideFunction(NAMESPACE, "tabView"),
        *[Output(ids.tab_view(tab), "data") for tab in TABS],
        Input(ids.VIEW, "data"),
        Input(ids.TAB, "value"),
        *[Current(ids.tab_view(tab), "data") for tab in TABS],
    )
    app.clientside_callback(
        ClientsideFunction(NAMESPACE, "hoverSync"),
        Output(ids.HOVER_SYNC, "data"),
        Input(ids.chart("timeline"), "hoverData"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction(NAMESPACE, "showTab"),
        Output(ids.CRASH_TAB, "hidden"),
        Output(ids.CONTEXT_TAB, "hidden"),
        Input(ids.TAB, "value"),
    )
    app.clientside_callback(
        ClientsideFunction(NAMESPACE, "theme"),
        Output(ids.PAGE, "className"),
        Input(ids.THEME, "value"),
    )
