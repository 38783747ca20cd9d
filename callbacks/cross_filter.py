"""Click to cross-filter: a click on a bar or point of any chart selects its asset (or fund, exchange ...)
everywhere; clicking the selected one again, or Clear, resets the selection."""

from __future__ import annotations

from dash import ALL, Input, Output, ctx, no_update
from dash import State as Current

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
        Input(ids.chart(ALL), "clickData"),
        Input(ids.CLEAR, "n_clicks"),
        Current(ids.SELECTION, "data"),
        prevent_initial_call=True,
    )
    def cross_filter(clicks, _clear, current):
        if ctx.triggered_id == ids.CLEAR:
            return None
        return toggle(data, current, ctx.triggered[0]["value"])
