"""Each chart's Share / Embed box follows the address: the permalink, the <iframe> snippet and the script tag
for the current view. One callback fills every chart's box when the view changes; another points the
Present link at the episode's story."""

from __future__ import annotations

from urllib.parse import urlencode

import orjson
from dash import ALL, Input, Output
from dash import State as Current

from charts.registry import CHARTS
from core import ids
from core.state import parse
from dashboard import share
from i18n import t

from .cache import ADDRESS
from .context import AppData
from .memo import as_json, kept, key_of

BOXES = ("link", "iframe", "script")


def boxes(data: AppData, search, href, names: list[str], styles: list, prefix: str = "/") -> dict[str, list]:
    """The three texts of every named chart's box, in the order given."""
    state = parse(search, data.choices)
    out = {key: [] for key in BOXES}
    for name, style in zip(names, styles, strict=True):
        if name not in CHARTS:  # a box id no page has: nothing to share
            for key in out:
                out[key].append("")
            continue
        title = f"Crashboard: {t(f'panel.{name}', state.lang)}"
        texts = share.snippets(href, name, CHARTS[name].tab, state, data.choices, title, style, prefix)
        for key in out:
            out[key].append(texts[key])
    return out


def sent_boxes(data: AppData, search, href, names: list[str], styles: list, prefix: str = "/") -> tuple:
    """The (link, iframe, script) lists of `boxes`, kept per input (free-form: ADDRESS kind) as the JSON of each
    text, and sent as lists (Dash checks the length of an output matched with ALL) of JSON fragments."""

    def answer():
        out = boxes(data, search, href, names, styles, prefix)
        return tuple(as_json(text) for k in BOXES for text in out[k])

    texts = [orjson.Fragment(b) for b in kept(data, ("share", key_of(search, href, names, styles)), answer, ADDRESS)]
    n = len(names)
    return tuple(texts[i * n : (i + 1) * n] for i in range(len(BOXES)))


def present_href(view) -> str:
    """Presenter mode at the dashboard's episode (its story), language and theme."""
    view = view if isinstance(view, dict) else {}
    pairs = [(k, view[k]) for k in ("episode", "lang", "theme") if isinstance(view.get(k), str)]
    return "present/" + ("?" + urlencode(pairs) if pairs else "")


def register(app, data: AppData) -> None:
    prefix = app.config.requests_pathname_prefix

    @app.callback(
        Output(ids.share_link(ALL), "value"),
        Output(ids.share_iframe(ALL), "value"),
        Output(ids.share_script(ALL), "value"),
        Input(ids.URL, "search"),
        Current(ids.URL, "href"),
        Current(ids.chart(ALL), "style"),
        Current(ids.chart(ALL), "id"),
        Current(ids.share_link(ALL), "id"),
    )
    def share_boxes(search, href, styles, chart_ids, box_ids):
        style_of = {i["name"]: s for i, s in zip(chart_ids, styles, strict=True)}
        names = [i["name"] for i in box_ids]
        styles = [style_of.get(n) for n in names]
        return sent_boxes(data, search, href, names, styles, prefix)

    @app.callback(Output(ids.PRESENT_LINK, "href"), Input(ids.VIEW, "data"))
    def present_link(view):
        return present_href(view)
