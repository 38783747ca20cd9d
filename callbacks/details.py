"""The panels that follow the view: the selection's figures and claims, the conflicts and the sources
behind what is on screen."""

from __future__ import annotations

from dash import Input, Output
from dash.exceptions import PreventUpdate

from charts.registry import shown_rows
from core import ids
from dashboard import details, sources

from .context import AppData
from .memo import sent


def selection(data: AppData, view, selected) -> tuple:
    state = data.state(view, selected)
    return (
        details.detail(data.frames, state.asset, state.lang),
        details.selection_label(data.frames, state.asset, state.lang),
    )


def behind(data: AppData, view, tab) -> tuple:
    """(conflicts, sources) for the figures of the open tab."""
    if view is None:
        raise PreventUpdate
    state = data.state(view, tab=tab)
    rows = shown_rows(data.frames, state, state.tab)
    return details.conflicts(data.frames, rows, state.lang), sources.children(data.frames, rows, state.lang)


def behind_sent(data: AppData, view, tab) -> tuple:
    """`behind` as the callback sends it, kept per state (building the sources list is the slow part)."""
    if view is None:
        raise PreventUpdate
    return sent(data, ("behind", data.state(view, tab=tab)), lambda: behind(data, view, tab))


def register(app, data: AppData) -> None:

    @app.callback(
        Output(ids.DETAIL, "children"),
        Output(ids.SELECTED_LABEL, "children"),
        Input(ids.VIEW, "data"),
        Input(ids.SELECTION, "data"),
    )
    def selected(view, selected_):
        state = data.state(view, selected_)
        return sent(data, ("selection", state.asset, state.lang), lambda: selection(data, view, selected_))

    @app.callback(
        Output(ids.CONFLICTS, "children"),
        Output(ids.SOURCES, "children"),
        Input(ids.VIEW, "data"),
        Input(ids.TAB, "value"),
    )
    def behind_view(view, tab):
        return behind_sent(data, view, tab)
