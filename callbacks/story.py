"""The top of the page follows the view: the headline and key figures of the episode(s) on screen, and what the
closed classes and window menus have picked."""

from __future__ import annotations

from dash import Input, Output

from core import ids
from dashboard import episodes, story
from i18n import localized, t

from .context import AppData
from .memo import sent


def picked(data: AppData, view) -> tuple[str, str]:
    """What the classes and window menus say when closed: 'All' or the classes' names; the window's name."""
    state = data.state(view)
    classes = data.frames["classes"].set_index("id", drop=False)
    if state.classes:
        names = [localized(classes.loc[c], "label", state.lang) for c in state.classes if c in classes.index]
        chosen = names[0] if len(names) == 1 else t("ctl.n_classes", state.lang, n=len(names))
    else:
        chosen = t("ctl.all_classes", state.lang)
    return chosen, t(f"window.{state.window}", state.lang)


def register(app, data: AppData) -> None:
    @app.callback(
        Output(ids.STORY, "children"),
        Output(ids.CLASSES_SUMMARY, "children"),
        Output(ids.WINDOW_SUMMARY, "children"),
        Input(ids.VIEW, "data"),
    )
    def lede(view):
        state = data.state(view)
        key = ("story", state.episode, state.lang, state.classes, state.window)
        return sent(data, key, lambda: (story.story(data.frames, state), *picked(data, view)))

    @app.callback(
        Output(ids.EPISODES, "children"),
        Input(ids.REPORT_SUMMARY, "n_clicks"),
        Input(ids.LANG, "value"),
        prevent_initial_call=True,
    )
    def report(clicks, lang):  # built when first opened: the data's curators read it, most readers never do
        if not clicks:
            return []
        state = data.state({"lang": lang})
        return sent(data, ("report", state.lang), lambda: (episodes.panel(data.frames, state.lang),))[0]
