"""Browser-only behaviour, in assets/: the charts are drawn by assets/charts.js, which this tells of a selection
made elsewhere (the Clear button, the address, the search); showing a tab and the theme are
assets/crashboard.js's. No server round trip, no inline script."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output

from core import ids

NAMESPACE = "crashboard"


def register(app, data) -> None:
    app.clientside_callback(
        ClientsideFunction("charts", "select"),
        Output(ids.CHARTS_SYNC, "data"),
        Input(ids.SELECTION, "data"),
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
