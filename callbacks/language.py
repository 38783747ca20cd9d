"""Interface words and control options follow the language; the window choices follow the episode."""

from __future__ import annotations

import orjson
from dash import ALL, Input, Output, ctx

from core import ids
from core.state import LANGS, TABS, THEMES
from dashboard import controls
from i18n import FALLBACK, has, t
from i18n.languages import language

from .cache import ADDRESS
from .context import AppData
from .memo import as_json, kept, key_of, sent

WORDS = ("texts", "episodes", "classes", "tabs", "themes", "clear", "tools", "download", "switch", "lang")  # outputs


def words(data: AppData, lang: str, keys: list[str]) -> dict:
    """Everything the language changes, by output."""
    lang = lang if lang in LANGS else FALLBACK
    return {
        "texts": [t(k, lang) if has(k) else k for k in keys],  # keys: ids.text_key of each text id
        "episodes": controls.episode_options(data.frames, lang),
        "classes": controls.class_options(data.frames, lang),
        "tabs": controls.simple_options("tab", TABS, lang),
        "themes": controls.simple_options("theme", THEMES, lang),
        "clear": t("ctl.clear", lang),
        "tools": t("tools.open", lang),
        "download": t("ctl.download", lang),
        "switch": t("search.switch", lang),
        "lang": language(lang).tag,  # the page's lang attribute: a BCP 47 tag
    }


def sent_words(data: AppData, lang: str, keys: tuple, n: int) -> tuple:
    """The language callback's outputs, kept per language and text ids (which the client sends: ADDRESS kind).
    The texts, matched with ALL, are decoded into a list; the rest go out as JSON fragments, the cards' tools
    buttons' word repeated for each of the `n` charts."""

    def answer():
        said = words(data, lang, list(keys))
        return tuple(as_json(said[k]) for k in WORDS)

    texts, *rest = kept(data, ("words", lang, key_of(keys)), answer, ADDRESS)
    episodes, classes, tabs, themes, clear, tools, download, switch, lang_ = (orjson.Fragment(b) for b in rest)
    return orjson.loads(texts), episodes, classes, tabs, themes, clear, [tools] * n, download, switch, lang_


def register(app, data: AppData) -> None:
    @app.callback(
        Output(ids.text(ALL), "children"),
        Output(ids.EPISODE, "options"),
        Output(ids.CLASSES, "options"),
        Output(ids.TAB, "options"),
        Output(ids.THEME, "options"),
        Output(ids.CLEAR, "children"),
        Output(ids.tools_button(ALL), "children"),
        Output(ids.TOOLS_DOWNLOAD, "children"),
        Output(ids.SEARCH_SWITCH, "children"),
        Output(ids.PAGE, "lang"),
        Input(ids.LANG, "value"),
    )
    def language(lang):
        keys = tuple(ids.text_key(o["id"]) for o in ctx.outputs_list[0])
        lang = lang if lang in LANGS else FALLBACK  # (and a hashable key)
        return sent_words(data, lang, keys, len(ctx.outputs_list[6]))

    @app.callback(Output(ids.WINDOW, "options"), Input(ids.VIEW, "data"))
    def window_options(view):
        state = data.state(view)
        return sent(
            data, ("windows", state.episode, state.lang), lambda: (controls.window_options(data.frames, state),)
        )[0]
