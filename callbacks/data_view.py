"""Each chart's "Show data" toggle (the table behind it) and its CSV download of exactly what it draws."""

from __future__ import annotations

from dash import MATCH, ClientsideFunction, Input, Output, ctx, dcc, no_update
from dash import State as Current

from charts.registry import CHARTS
from core import ids
from dashboard import card as panel

from .clientside import NAMESPACE
from .context import AppData
from .memo import sent


def table(data: AppData, name: str, toggle, view, selection=None) -> tuple:
    """(children, hidden) of a chart's table: built only while it is open."""
    if not toggle or name not in CHARTS:
        return [], True
    state = data.state(view, selection)
    return panel.data_table(CHARTS[name].rows(data.frames, state), data.frames, state.lang), False


def download(data: AppData, name: str, view, selection=None) -> dict | None:
    """The CSV file of a chart for the view, named after the chart and the episode."""
    if name not in CHARTS:
        return None
    state = data.state(view, selection)
    text = panel.csv_text(CHARTS[name].rows(data.frames, state), data.frames, state.lang)
    return dcc.send_string(text, f"crashboard-{name}-{state.episode}.csv", type="text/csv")


def register(app, data: AppData) -> None:

    app.clientside_callback(  # assets/crashboard.js: the view while the table is open, else None
        ClientsideFunction(NAMESPACE, "tableView"),
        Output(ids.table_view(MATCH), "data"),
        Input(ids.data_toggle(MATCH), "value"),
        Input(ids.VIEW, "data"),
        Input(ids.SELECTION, "data"),
        Current(ids.table_view(MATCH), "data"),
    )

    @app.callback(
        Output(ids.table(MATCH), "children"),
        Output(ids.table(MATCH), "hidden"),
        Input(ids.table_view(MATCH), "data"),
        prevent_initial_call=True,
    )
    def data_table(opened):
        name = ctx.outputs_list[0]["id"]["name"]
        if not isinstance(opened, dict) or name not in CHARTS:  # a table no page has: nothing to keep
            return [], True
        view, selected = opened.get("view"), opened.get("selection")
        return sent(data, ("table", name, data.state(view, selected)), lambda: table(data, name, True, view, selected))

    @app.callback(
        Output(ids.download(MATCH), "data"),
        Input(ids.download_button(MATCH), "n_clicks"),
        Current(ids.VIEW, "data"),
        Current(ids.SELECTION, "data"),
        prevent_initial_call=True,
    )
    def csv(n_clicks, view, selection):
        if not n_clicks:
            return no_update
        name = ctx.outputs_list["id"]["name"]
        if name not in CHARTS:  # a button no page has (its id is the client's): nothing to keep
            return None
        return sent(data, ("csv", name, data.state(view, selection)), lambda: (download(data, name, view, selection),))[
            0
        ]
