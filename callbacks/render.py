"""One callback per chart: when the view changes, draw the figure and its text alternative (and headline
figures, where the panel has them). Panels that depend on the selection (the path view) also redraw on it.

A drawn view is kept as the JSON the browser receives (orjson fragments), in the app's one cache under the
"view" kind: a repeat of a view costs neither a build nor a serialisation, and a kept view weighs its JSON (tens
of kilobytes) rather than a figure object. callbacks.warm draws every opening view at start and pins it."""

from __future__ import annotations

import logging

import orjson
from dash import Input, Output
from dash import State as Current
from dash.exceptions import PreventUpdate

from charts.kit import figures
from charts.registry import CHARTS
from core import ids
from dashboard import sources

from .context import AppData, view_of
from .memo import as_json, kept, loaded

log = logging.getLogger(__name__)


def _style(fig) -> dict:
    return {"height": f"{int(fig.layout.height or 450)}px"}


def draw_on_tab(panel, data: AppData, view, tab, selection=None) -> tuple:
    """Draw a panel of a tab only while that tab is open: a hidden chart costs the browser as much to draw as
    a visible one, so the context tab's charts are drawn when it is first opened (and again on each visit
    after the view changed). The browser already holds back the view of a closed tab (ids.tab_view); this
    keeps a selection made elsewhere from redrawing a hidden chart."""
    if tab != panel.tab:
        raise PreventUpdate
    return draw(panel, data, view, selection)


def build(panel, data: AppData, state) -> tuple:
    """(figure, summary, graph style[, extra]) of one panel in a state, as objects; a builder error is logged
    and shown as such, never raised to the client. The graph's box takes the figure's height, and Plotly fills
    the box, so the chart follows the page width and keeps its height."""
    try:
        fig = panel.figure(data.frames, state)
        out = [fig, panel.summary(data.frames, state), _style(fig)]
        if panel.extra is not None:
            out.append(panel.extra(data.frames, state))
        return tuple(out)
    except Exception:  # a bug in one chart must not take the page down
        log.exception("drawing %s failed for %s", panel.name, state)
        fig = figures.empty(state, "empty.error")
        return tuple([fig, "", _style(fig)] + ([[]] if panel.extra is not None else []))


def drawn_json(panel, data: AppData, view, selection=None) -> tuple[bytes, ...]:
    """The JSON of each output of `build` for the view, from the cache when the view was drawn before."""
    if view is None:
        raise PreventUpdate  # the URL callback has not set the view yet
    state = data.state(view, selection)
    if not panel.uses_selection:
        state = state.with_(asset=None)  # the selection is highlighted in the browser, not drawn here
    # builders are pure and the frames never change, so a view drawn once is kept
    return kept(data, (panel.name, state), lambda: tuple(as_json(v) for v in build(panel, data, state)))


def draw(panel, data: AppData, view, selection=None) -> tuple:
    """The outputs of one chart callback: (figure, summary, graph style[, extra]) as ready-made JSON."""
    return tuple(orjson.Fragment(b) for b in drawn_json(panel, data, view, selection))


def single(panel, data: AppData, state) -> dict:
    """One chart drawn for a page that shows it alone (an embed, a slide): figure, summary, style, headline
    tiles, and the one-line credit of the sources behind it, as plain values from the shared cache."""
    drawn = [orjson.loads(b) for b in drawn_json(panel, data, view_of(state), data.selection(state.asset))]
    credit = loaded(
        data,
        ("credit", panel.name, state),
        lambda: sources.credit(data.frames, panel.rows(data.frames, state), state.lang),
    )
    return {
        "figure": drawn[0],
        "summary": drawn[1],
        "style": drawn[2],
        "extra": drawn[3] if len(drawn) > 3 else [],
        "credit": credit,
    }


def register(app, data: AppData) -> None:
    for panel in CHARTS.values():
        outputs = [
            Output(ids.chart(panel.name), "figure"),
            Output(ids.summary(panel.name), "children"),
            Output(ids.chart(panel.name), "style"),
        ]
        if panel.extra is not None:
            outputs.append(Output(ids.extra(panel.name), "children"))
        inputs = [Input(ids.tab_view(panel.tab), "data")]  # set in the browser only while the tab is open
        if panel.uses_selection:  # a selection made on the other tab is drawn when this one opens again
            inputs += [Input(ids.SELECTION, "data"), Input(ids.TAB, "value")]
        else:
            inputs.append(Current(ids.TAB, "value"))

        def callback(view, *rest, panel=panel):
            *selection, tab = rest
            return draw_on_tab(panel, data, view, tab, *selection)

        app.callback(*outputs, *inputs, prevent_initial_call=True)(callback)
