"""The address holds the whole view. On load and on back/forward the URL sets every control; when a control
changes, the URL follows. One callback does both, since Dash allows a loop only within one callback.

The charts listen to the view store, which changes only when something they draw changes: switching tabs or
opening a table rewrites the address but redraws nothing.
"""

from __future__ import annotations

import orjson
from dash import ALL, Input, Output, ctx, no_update
from dash import State as Current

from core import ids
from core.state import from_values, parse, serialise

from .cache import ADDRESS
from .context import AppData, view_of
from .memo import as_json, kept, key_of

CONTROLS = (ids.EPISODE, ids.CLASSES, ids.WINDOW, ids.TAB, ids.LANG, ids.THEME)
FIELDS = ("episode", "classes", "window", "tab", "lang", "theme")


def sync(
    data: AppData, from_url: bool, search, controls: list, toggles: list, toggle_ids: list, selection, view
) -> tuple:
    """(search, control values, toggle values, selection, view) to set; `no_update` where nothing changes."""
    names = [i["name"] for i in toggle_ids]
    if from_url:
        state = parse(search, data.choices)
    else:
        values = dict(zip(FIELDS, controls, strict=True))
        values["data"] = [n for n, v in zip(names, toggles, strict=True) if v]
        values["asset"] = selection.get("id") if isinstance(selection, dict) else None
        state = from_values(values, data.choices)
    new_search = serialise(state, data.choices)
    d = state.to_dict()
    control_values = [d[f] for f in FIELDS] if from_url else [no_update] * len(FIELDS)
    toggle_values = [["on"] if n in state.data else [] for n in names] if from_url else [no_update] * len(names)
    new_selection = data.selection(state.asset)
    new_view = view_of(state)
    return (
        new_search if new_search != (search or "") else no_update,
        control_values,
        toggle_values,
        new_selection if new_selection != selection else no_update,
        new_view if new_view != view else no_update,
    )


def synced(
    data: AppData, from_url: bool, search, controls: list, toggles: list, toggle_ids: list, selection, view
) -> tuple:
    """The callback's outputs (search, each control, the toggles, selection, view) as `sync` finds them, kept per
    input (free-form: ADDRESS kind) as one JSON value per output, with b"" for no_update. The toggles, matched
    with ALL, are decoded into a list; the others go out as JSON fragments."""

    def answer():
        new_search, values, toggle_values, new_selection, new_view = sync(
            data, from_url, search, controls, toggles, toggle_ids, selection, view
        )
        return tuple(_packed(v) for v in (new_search, *values, toggle_values, new_selection, new_view))

    key = ("address", key_of(from_url, search, controls, toggles, toggle_ids, selection, view))
    *singles, toggled, chosen, shown = kept(data, key, answer, ADDRESS)
    out = [no_update if b == b"" else orjson.Fragment(b) for b in (*singles, chosen, shown)]
    toggled = [no_update] * len(toggle_ids) if toggled == b"" else orjson.loads(toggled)
    return (*out[:-2], toggled, *out[-2:])


def _packed(value) -> bytes:
    """An output's JSON, or b"" for no_update (or for a list of them: the toggles when the URL did not change)."""
    if value is no_update or (isinstance(value, list) and value and all(v is no_update for v in value)):
        return b""
    return as_json(value)


def register(app, data: AppData) -> None:

    @app.callback(
        Output(ids.URL, "search"),
        *[Output(c, "value") for c in CONTROLS],
        Output(ids.data_toggle(ALL), "value"),
        Output(ids.SELECTION, "data"),
        Output(ids.VIEW, "data"),
        Input(ids.URL, "search"),
        *[Input(c, "value") for c in CONTROLS],
        Input(ids.data_toggle(ALL), "value"),
        Input(ids.SELECTION, "data"),
        Current(ids.data_toggle(ALL), "id"),
        Current(ids.VIEW, "data"),
    )
    def url_state(search, *args):
        controls, (toggles, selection, toggle_ids, view) = list(args[: len(CONTROLS)]), args[len(CONTROLS) :]
        from_url = ctx.triggered_id in (None, ids.URL)
        return synced(data, from_url, search, controls, toggles, toggle_ids, selection, view)
