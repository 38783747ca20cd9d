"""Find by name: the search box knows every asset, fund, exchange, holder and indicator by its name in every
language, its ticker and its aliases (MSTR, Strategy, 微策略). Picking one selects it everywhere and brings its
first chart into view; one the shown episode does not have is named with the episode that has it, and a button
switches to that episode."""

from __future__ import annotations

from dash import Input, Output, ctx, no_update
from dash import State as Current

from core import ids
from core.state import BOTH
from data import select as sel
from data.columns import C
from i18n import LANGS, localized, t

from .context import AppData
from .memo import loaded

ENTITY_FRAMES = ("assets", "funds", "exchanges", "holders", "indicators")


def options(data: AppData, lang: str) -> list[dict]:
    """Every named thing that has a figure, labelled in `lang`, searchable by every name it has."""
    drawn = set(data.frames["records"][C.ENTITY])
    out = []
    for name in ENTITY_FRAMES:
        for _, r in data.frames[name].iterrows():
            if r[C.ID] not in drawn:
                continue
            ticker = str(r.get("ticker") or "")
            names = (
                [localized(r, "label", other) for other in LANGS] + [ticker] + str(r.get("aliases") or "").split(",")
            )
            label = localized(r, "label", lang) + (f" ({ticker})" if ticker else "")
            out.append({"label": label, "value": r[C.ID], "search": " ".join(n for n in dict.fromkeys(names) if n)})
    return sorted(out, key=lambda o: o["label"].lower())


def episodes_with(data: AppData, entity: str) -> list[str]:
    """The episodes that draw a figure of `entity`, in their order."""
    records = data.frames["records"]
    have = set(records.loc[records[C.ENTITY] == entity, C.EPISODE].astype(str))
    return [e for e in data.choices.episodes if e in have]


def found(data: AppData, entity, view) -> tuple:
    """(selection, note, episode to offer) for a pick: the selection when a shown episode has it, else a note
    naming the episode that does (and the page offers the button to switch there)."""
    if not isinstance(entity, str) or entity not in data.choices.entities:
        return no_update, "", None
    state = data.state(view)
    shown = sel.episode_ids(state.episode, data.choices.episodes)
    have = episodes_with(data, entity)
    if not have or set(have) & set(shown):
        return dict(data.selection(entity), reveal=True), "", None
    episodes = data.frames["episodes"].set_index(C.ID)
    other = have[0]
    title = localized(episodes.loc[other], "title", state.lang)
    name = next(o["label"] for o in options(data, state.lang) if o["value"] == entity)
    return no_update, t("search.elsewhere", state.lang, name=name, episode=title), other


def register(app, data: AppData) -> None:
    @app.callback(Output(ids.SEARCH, "options"), Output(ids.SEARCH, "placeholder"), Input(ids.LANG, "value"))
    def search_options(lang):
        lang = lang if lang in LANGS else LANGS[0]
        return loaded(data, ("search-options", lang), lambda: options(data, lang)), t("search.placeholder", lang)

    @app.callback(
        Output(ids.SELECTION, "data", allow_duplicate=True),
        Output(ids.SEARCH_NOTE, "children"),
        Output(ids.SEARCH_SWITCH, "hidden"),
        Output(ids.EPISODE, "value", allow_duplicate=True),
        Input(ids.SEARCH, "value"),
        Input(ids.SEARCH_SWITCH, "n_clicks"),
        Current(ids.VIEW, "data"),
        prevent_initial_call=True,
    )
    def search(entity, switch, view):
        if ctx.triggered_id == ids.SEARCH_SWITCH:
            have = episodes_with(data, entity) if switch and isinstance(entity, str) else []
            if not have:
                return no_update, no_update, no_update, no_update
            return dict(data.selection(entity), reveal=True), "", True, have[0] if len(have) == 1 else BOTH
        selection, note, other = found(data, entity, view)
        return selection, note, other is None, no_update
