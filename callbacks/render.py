"""One callback per chart: when the view changes, draw the figure and its text alternative (and headline
figures, where the panel has them). Panels that depend on the selection (the path view) also redraw on it."""
from __future__ import annotations

import logging

from dash import Input, Output
from dash.exceptions import PreventUpdate

from components import figures, ids, sources
from components.panels import PANELS, uses_selection

from .context import AppData, view_of

log = logging.getLogger(__name__)
CACHE_SIZE = 512  # drawn views kept per app; a figure is tens of kilobytes


def _style(fig) -> dict:
    return {"height": f"{int(fig.layout.height or 450)}px"}


def draw_on_tab(panel, data: AppData, view, tab, selection=None) -> tuple:
    """Draw a panel of a tab only while that tab is open: a hidden chart costs the browser as much to draw as
    a visible one, so the context tab's charts are drawn when it is first opened (and again on each visit
    after the view changed)."""
    if tab != panel.TAB:
        raise PreventUpdate
    return draw(panel, data, view, selection)


def draw(panel, data: AppData, view, selection=None) -> tuple:
    """(figure, summary, graph style[, extra]) of one panel for the view; a builder error is logged and shown
    as such, never raised to the client. The graph's box takes the figure's height, and Plotly fills the box, so
    the chart follows the page width and keeps its height."""
    if view is None:
        raise PreventUpdate  # the URL callback has not set the view yet
    state = data.state(view, selection)
    if not uses_selection(panel):
        state = state.with_(asset=None)  # the selection is highlighted in the browser, not drawn here
    key = (panel.NAME, state)
    if key in data.drawn:  # builders are pure and the frames never change, so a view drawn once is kept
        return data.drawn[key]
    try:
        fig = panel.figure(data.frames, state)
        out = [fig, panel.summary(data.frames, state), _style(fig)]
        if hasattr(panel, "extra"):
            out.append(panel.extra(data.frames, state))
    except Exception:  # a bug in one chart must not take the page down
        log.exception("drawing %s failed for %s", panel.NAME, state)
        fig = figures.empty(state, "empty.error")
        return tuple([fig, "", _style(fig)] + ([[]] if hasattr(panel, "extra") else []))
    with data.lock:  # requests run in threads: evicting while another thread inserts must not fail
        if len(data.drawn) >= CACHE_SIZE:
            data.drawn.pop(next(iter(data.drawn)))  # first in, first out: the cache stays bounded
        data.drawn[key] = tuple(out)
    return tuple(out)


def single(panel, data: AppData, state) -> dict:
    """One chart drawn for a page that shows it alone (an embed, a slide): figure, summary, style, headline
    tiles, and the one-line credit of the sources behind it. The figure comes from the shared cache."""
    drawn = draw(panel, data, view_of(state), data.selection(state.asset))
    return {"figure": drawn[0], "summary": drawn[1], "style": drawn[2], "extra": drawn[3] if len(drawn) > 3 else [],
            "credit": sources.credit(data.frames, panel.rows(data.frames, state), state.lang)}


def register(app, data: AppData) -> None:
    for panel in PANELS.values():
        outputs = [Output(ids.chart(panel.NAME), "figure"), Output(ids.summary(panel.NAME), "children"),
                   Output(ids.chart(panel.NAME), "style")]
        if hasattr(panel, "extra"):
            outputs.append(Output(ids.extra(panel.NAME), "children"))
        inputs = [Input(ids.VIEW, "data"), Input(ids.TAB, "value")]
        if uses_selection(panel):
            inputs.append(Input(ids.SELECTION, "data"))

        def callback(view, tab, selection=None, panel=panel):
            return draw_on_tab(panel, data, view, tab, selection)

        app.callback(*outputs, *inputs, prevent_initial_call=True)(callback)
