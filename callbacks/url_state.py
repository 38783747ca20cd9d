"""The address holds the whole view. On load and on back/forward the URL sets every control; when a control
changes, the URL follows. One callback does both, since Dash allows a loop only within one callback.

The charts are drawn in the browser from the controls and the address (assets/charts.js); the panels listen to the
view store, which changes only when something they show changes: opening the tools panel rewrites the address
(`data=<chart>`) but redraws nothing.
"""

from __future__ import annotations

import orjson
from dash import Input, Output, ctx, no_update
from dash import State as Current

from charts.registry import CHARTS
from core import ids
from core.state import from_values, parse, serialise

from .cache import ADDRESS
from .context import AppData, view_of
from .memo import as_json, kept, key_of

CONTROLS = (ids.EPISODE, ids.CLASSES, ids.WINDOW, ids.TAB, ids.LANG, ids.THEME)
FIELDS = ("episode", "classes", "window", "tab", "lang", "theme")


def sync(data: AppData, from_url: bool, search, controls: list, tools, selection, view) -> tuple:
    """(search, control values, tools chart, selection, view) to set; `no_update` where nothing changes. The tools
    panel's chart is the address's `data` (the chart whose data panel is open)."""
    if from_url:
        state = parse(search, data.choices)
    else:
        values = dict(zip(FIELDS, controls, strict=True))
        values["data"] = [tools] if isinstance(tools, str) and tools in CHARTS else []
        values["asset"] = selection.get("id") if isinstance(selection, dict) else None
        state = from_values(values, data.choices)
    new_search = serialise(state, data.choices)
    d = state.to_dict()
    control_values = [d[f] for f in FIELDS] if from_url else [no_update] * len(FIELDS)
    new_tools = (state.data[0] if state.data else None) if from_url else no_update
    new_selection = data.selection(state.asset)
    new_view = view_of(state)
    return (
        new_search if new_search != (search or "") else no_update,
        control_values,
        new_tools if new_tools != tools else no_update,
        new_selection if new_selection != selection else no_update,
        new_view if new_view != view else no_update,
    )


def synced(data: AppData, from_url: bool, search, controls: list, tools, selection, view) -> tuple:
    """The callback's outputs as `sync` finds them, kept per input (free-form: ADDRESS kind) as one JSON value
    per output, with b"" for no_update, and sent as JSON fragments."""

    def answer():
        new_search, values, new_tools, new_selection, new_view = sync(
            data, from_url, search, controls, tools, selection, view
        )
        return tuple(
            b"" if v is no_update else as_json(v) for v in (new_search, *values, new_tools, new_selection, new_view)
        )

    key = ("address", key_of(from_url, search, controls, tools, selection, view))
    return tuple(no_update if b == b"" else orjson.Fragment(b) for b in kept(data, key, answer, ADDRESS))


def register(app, data: AppData) -> None:
    @app.callback(
        Output(ids.URL, "search"),
        *[Output(c, "value") for c in CONTROLS],
        Output(ids.TOOLS_CHART, "data"),
        Output(ids.SELECTION, "data"),
        Output(ids.VIEW, "data"),
        Input(ids.URL, "search"),
        *[Input(c, "value") for c in CONTROLS],
        Input(ids.TOOLS_CHART, "data"),
        Input(ids.SELECTION, "data"),
        Current(ids.VIEW, "data"),
    )
    def url_state(search, *args):
        controls, (tools, selection, view) = list(args[: len(CONTROLS)]), args[len(CONTROLS) :]
        from_url = ctx.triggered_id in (None, ids.URL)
        return synced(data, from_url, search, controls, tools, selection, view)
