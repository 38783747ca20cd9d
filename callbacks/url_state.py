"""The address holds the whole view. On load and on back/forward the URL sets every control; when a control
changes, the URL follows. One callback does both, since Dash allows a loop only within one callback.

The charts listen to the view store, which changes only when something they draw changes: switching tabs or
opening a table rewrites the address but redraws nothing.
"""
from __future__ import annotations

from dash import ALL, Input, Output, State as Current, ctx, no_update

from core import ids
from core.state import from_values, parse, serialise

from .context import AppData, view_of
from .memo import key_of, kept

CONTROLS = (ids.EPISODE, ids.CLASSES, ids.WINDOW, ids.TAB, ids.LANG, ids.THEME)
FIELDS = ("episode", "classes", "window", "tab", "lang", "theme")


def sync(data: AppData, from_url: bool, search, controls: list, toggles: list, toggle_ids: list,
         selection, view) -> tuple:
    """(search, control values, toggle values, selection, view) to set; `no_update` where nothing changes."""
    names = [i["name"] for i in toggle_ids]
    if from_url:
        state = parse(search, data.choices)
    else:
        values = dict(zip(FIELDS, controls))
        values["data"] = [n for n, v in zip(names, toggles) if v]
        values["asset"] = selection.get("id") if isinstance(selection, dict) else None
        state = from_values(values, data.choices)
    new_search = serialise(state, data.choices)
    d = state.to_dict()
    control_values = [d[f] for f in FIELDS] if from_url else [no_update] * len(FIELDS)
    toggle_values = [["on"] if n in state.data else [] for n in names] if from_url else [no_update] * len(names)
    new_selection = data.selection(state.asset)
    new_view = view_of(state)
    return (new_search if new_search != (search or "") else no_update, control_values, toggle_values,
            new_selection if new_selection != selection else no_update,
            new_view if new_view != view else no_update)


def register(app, data: AppData) -> None:

    @app.callback(
        Output(ids.URL, "search"), *[Output(c, "value") for c in CONTROLS],
        Output(ids.data_toggle(ALL), "value"), Output(ids.SELECTION, "data"), Output(ids.VIEW, "data"),
        Input(ids.URL, "search"), *[Input(c, "value") for c in CONTROLS], Input(ids.data_toggle(ALL), "value"),
        Input(ids.SELECTION, "data"), Current(ids.data_toggle(ALL), "id"), Current(ids.VIEW, "data"),
    )
    def url_state(search, *args):
        controls, (toggles, selection, toggle_ids, view) = list(args[:len(CONTROLS)]), args[len(CONTROLS):]
        from_url = ctx.triggered_id in (None, ids.URL)
        key = key_of(from_url, search, controls, toggles, toggle_ids, selection, view)
        new_search, values, toggle_values, new_selection, new_view = kept(
            data, key, lambda: sync(data, from_url, search, controls, toggles, toggle_ids, selection, view),
            "answers")
        return (new_search, *values, toggle_values, new_selection, new_view)
