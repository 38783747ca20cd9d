"""Click to cross-filter: a click on a point of any chart selects its asset (or fund, exchange ...) everywhere.
The browser handles the click itself (assets/charts.js: it highlights at once and sets the selection store); here,
the Clear button resets the selection. `toggle` is the same rule as the browser's, for the tests and for pages
without the browser-side renderer."""

from __future__ import annotations

from dash import Input, Output, no_update

from core import ids

from .context import AppData


def clicked_entity(click) -> str | None:
    """The entity id a Plotly clickData names in its first point's customdata, or None."""
    try:
        custom = click["points"][0]["customdata"]
    except (KeyError, IndexError, TypeError):
        return None
    entity = custom[0] if isinstance(custom, list) and custom else None
    return entity if isinstance(entity, str) and entity else None


def toggle(data: AppData, current, click):
    """The next selection after a click: the clicked entity, or none if it was already selected.
    A click on something that is not a known asset (an event, a scenario) leaves the selection alone."""
    entity = clicked_entity(click)
    if entity is None or entity not in data.choices.entities:
        return no_update
    if isinstance(current, dict) and current.get("id") == entity:
        return None
    return data.selection(entity)


def register(app, data: AppData) -> None:
    @app.callback(
        Output(ids.SELECTION, "data", allow_duplicate=True),
        Input(ids.CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )
    def clear(n_clicks):
        return None if n_clicks else no_update
