"""Each chart's Share / Embed box follows the address: the permalink, the <iframe> snippet and the script tag
for the current view. One callback fills every chart's box when the view changes; another points the
Present link at the episode's story."""

from __future__ import annotations

from urllib.parse import urlencode

import orjson
from dash import Input, Output
from dash import State as Current

from charts.registry import CHARTS
from core import ids
from core.state import parse
from dashboard import share
from i18n import t

from . import render
from .cache import ADDRESS
from .context import AppData, view_of
from .memo import as_json, kept, key_of

BOXES = ("link", "iframe", "script")


def box(data: AppData, search, href, name, prefix: str = "/") -> tuple[str, str, str]:
    """The three texts of the Share / Embed box for chart `name` in the address's view ('' for no chart)."""
    if not isinstance(name, str) or name not in CHARTS:
        return "", "", ""
    state = parse(search, data.choices)
    chart = CHARTS[name]
    title = f"Crashboard: {t(f'panel.{name}', state.lang)}"
    style = orjson.loads(render.drawn_json(chart, data, view_of(state), data.selection(state.asset))[2])
    texts = share.snippets(href, name, chart.tab, state, data.choices, title, style, prefix)
    return tuple(texts[k] for k in BOXES)


def sent_box(data: AppData, search, href, name, prefix: str = "/") -> tuple:
    """`box`, kept per input (free-form: ADDRESS kind) as JSON fragments."""
    key = ("share", key_of(search, href, name))
    return tuple(
        orjson.Fragment(b)
        for b in kept(data, key, lambda: tuple(as_json(v) for v in box(data, search, href, name, prefix)), ADDRESS)
    )


def present_href(view) -> str:
    """Presenter mode at the dashboard's episode (its story), language and theme."""
    view = view if isinstance(view, dict) else {}
    pairs = [(k, view[k]) for k in ("episode", "lang", "theme") if isinstance(view.get(k), str)]
    return "present/" + ("?" + urlencode(pairs) if pairs else "")


def register(app, data: AppData) -> None:
    prefix = app.config.requests_pathname_prefix

    @app.callback(
        Output(ids.SHARE_LINK, "value"),
        Output(ids.SHARE_IFRAME, "value"),
        Output(ids.SHARE_SCRIPT, "value"),
        Input(ids.TOOLS_CHART, "data"),
        Input(ids.URL, "search"),
        Current(ids.URL, "href"),
    )
    def share_box(name, search, href):
        return sent_box(data, search, href, name, prefix)

    @app.callback(Output(ids.PRESENT_LINK, "href"), Input(ids.VIEW, "data"))
    def present_link(view):
        return present_href(view)
