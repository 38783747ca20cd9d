"""The tools panel: a chart card's button opens it for that chart, with the table of exactly what the chart draws
and its CSV download (the Share / Embed links are callbacks/share.py's). One panel for every chart, built only
while it is open."""

from __future__ import annotations

from dash import ALL, Input, Output, ctx, dcc, no_update
from dash import State as Current

from charts.registry import CHARTS
from core import ids
from dashboard import card as panel
from i18n import t

from .context import AppData
from .memo import sent


def table(data: AppData, name: str, view, selection=None) -> list:
    """The table behind a chart in a view (nothing for a name no chart has)."""
    if name not in CHARTS:
        return []
    state = data.state(view, selection)
    return [panel.data_table(CHARTS[name].rows(data.frames, state), data.frames, state.lang)]


def download(data: AppData, name: str, view, selection=None) -> dict | None:
    """The CSV file of a chart for the view, named after the chart and the episode."""
    if name not in CHARTS:
        return None
    state = data.state(view, selection)
    text = panel.csv_text(CHARTS[name].rows(data.frames, state), data.frames, state.lang)
    return dcc.send_string(text, f"crashboard-{name}-{state.episode}.csv", type="text/csv")


def opened(triggered, current) -> str | None:
    """The chart whose panel is open after a click: a card's button opens it for its chart (or closes it when it is
    open for that chart already), the close button closes it."""
    if isinstance(triggered, dict) and triggered.get("type") == "tools-button":
        name = triggered.get("name")
        return None if name == current or name not in CHARTS else name
    return None


def register(app, data: AppData) -> None:
    @app.callback(
        Output(ids.TOOLS_CHART, "data", allow_duplicate=True),
        Input(ids.tools_button(ALL), "n_clicks"),
        Input(ids.TOOLS_CLOSE, "n_clicks"),
        Current(ids.TOOLS_CHART, "data"),
        prevent_initial_call=True,
    )
    def open_tools(_clicks, _close, current):
        if not any(t_["value"] for t_ in ctx.triggered):  # a button drawn, not pressed
            return no_update
        return opened(ctx.triggered_id, current)

    @app.callback(
        Output(ids.TOOLS, "hidden"),
        Output(ids.TOOLS_TITLE, "children"),
        Output(ids.TOOLS_TABLE, "children"),
        Input(ids.TOOLS_CHART, "data"),
        Input(ids.VIEW, "data"),
        Input(ids.SELECTION, "data"),
    )
    def tools(name, view, selection):
        if not isinstance(name, str) or name not in CHARTS:
            return True, "", []
        state = data.state(view, selection)
        title = t(f"panel.{name}", state.lang)
        return sent(data, ("tools", name, state), lambda: (False, title, table(data, name, view, selection)))

    @app.callback(
        Output(ids.TOOLS_FILE, "data"),
        Input(ids.TOOLS_DOWNLOAD, "n_clicks"),
        Current(ids.TOOLS_CHART, "data"),
        Current(ids.VIEW, "data"),
        Current(ids.SELECTION, "data"),
        prevent_initial_call=True,
    )
    def csv(n_clicks, name, view, selection):
        if not n_clicks or not isinstance(name, str) or name not in CHARTS:
            return no_update
        return sent(data, ("csv", name, data.state(view, selection)), lambda: (download(data, name, view, selection),))[
            0
        ]
