"""The charts of a view as one JSON answer, for the dashboard's browser-side renderer (assets/charts.js): every
chart of a tab drawn by the same pure builders, through the same cache, as the embeds, the presenter and the
export. The browser asks once per view it has not seen (and ahead of a likely click), then draws from what it holds.

    {"search": "?episode=…", "tab": "crash",
     "charts": {"drawdowns": {"figure": {…}, "summary": "…", "style": {…}, "extra": […], "key": "3f…"}, …}}

`key` names a chart's drawing (a digest of its figure's JSON): the browser skips a chart whose key is unchanged.
"""

from __future__ import annotations

import hashlib

import orjson

from charts.registry import on_tab
from core.state import TABS, parse, serialise
from dashboard import card

from . import render
from .context import AppData, view_of
from .memo import kept

PARTS = ("figure", "summary", "style", "extra")


def _chart(drawn: tuple[bytes, ...]) -> bytes:
    """One chart's answer from its drawn outputs (JSON bytes), with its key."""
    key = hashlib.blake2b(drawn[0], digest_size=8).hexdigest()
    parts = {name: orjson.Fragment(raw) for name, raw in zip(PARTS, drawn, strict=False)}
    return orjson.dumps({**parts, "key": key})


def answer(data: AppData, search: str, tab: str | None = None) -> bytes:
    """The JSON of every chart on `tab` (the address's tab when not given) for the view an address asks for;
    junk falls back to the defaults, like the address itself."""
    state = parse(search, data.choices)
    tab = tab if tab in TABS else state.tab
    view, selection = view_of(state), data.selection(state.asset)

    charts = {
        c.name: orjson.Fragment(
            kept(
                data,
                ("chart-json", c.name, state if c.uses_selection else state.with_(asset=None)),
                lambda c=c: _chart(render.drawn_json(c, data, view, selection if c.uses_selection else None)),
            )
        )
        for c in on_tab(tab)
    }
    # the answer is put together from the kept charts each time (a copy of bytes), not kept itself: a view's
    # charts are kept once, not once alone and again inside every view that shows them
    search = serialise(state, data.choices)
    return orjson.dumps({"search": search, "tab": tab, "config": card.GRAPH_CONFIG, "charts": charts})
