"""Interface words and control options follow the language; the window choices follow the episode."""
from __future__ import annotations

from dash import ALL, Input, Output, ctx

from dashboard import controls

from core import ids
from i18n import FALLBACK, has, t
from core.state import LANGS, TABS, THEMES

from .context import AppData
from .memo import kept, sent


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
        "show": [{"label": t("ctl.show_data", lang), "value": "on"}],
        "download": t("ctl.download", lang),
        "lang": lang,
    }


def register(app, data: AppData) -> None:

    @app.callback(Output(ids.text(ALL), "children"), Output(ids.EPISODE, "options"),
                  Output(ids.CLASSES, "options"), Output(ids.TAB, "options"), Output(ids.THEME, "options"),
                  Output(ids.CLEAR, "children"), Output(ids.data_toggle(ALL), "options"),
                  Output(ids.download_button(ALL), "children"), Output(ids.PAGE, "lang"),
                  Input(ids.LANG, "value"))
    def language(lang):
        keys = tuple(ids.text_key(o["id"]) for o in ctx.outputs_list[0])
        lang = lang if lang in LANGS else FALLBACK  # (and a hashable key)
        w = kept(data, ("words", lang, keys), lambda: words(data, lang, list(keys)))  # ALL outputs: plain values
        n = len(ctx.outputs_list[6])
        return (w["texts"], w["episodes"], w["classes"], w["tabs"], w["themes"], w["clear"], [w["show"]] * n,
                [w["download"]] * n, w["lang"])

    @app.callback(Output(ids.WINDOW, "options"), Input(ids.VIEW, "data"))
    def window_options(view):
        state = data.state(view)
        return sent(data, ("windows", state.episode, state.lang),
                    lambda: (controls.window_options(data.frames, state),))[0]
