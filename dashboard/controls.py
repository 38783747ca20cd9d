"""The control bar: episode, asset classes, drawdown window, view tab, language and theme, and the selection.

Every control is a native radio or checkbox group, so it works from the keyboard (Tab, arrows, Space).
Options are built from the frames and the language; callbacks rebuild them when the language changes.
"""

from __future__ import annotations

from dash import dcc, html

from charts.kit.palette import class_colour
from charts.registry import CHARTS
from core import ids
from core.state import LANGS, TABS, THEMES, State
from data import select as sel
from data.columns import C
from i18n import LANGUAGES, localized, t


def episode_options(frames: dict, lang: str) -> list[dict]:
    eps = frames["episodes"]
    opts = [
        {"label": html.Span(localized(r, "short", lang), title=localized(r, "title", lang)), "value": r[C.ID]}
        for _, r in eps.iterrows()
    ]
    if len(opts) > 1:
        opts.append({"label": t("episode.both", lang), "value": sel.BOTH})
    return opts


def class_options(frames: dict, lang: str) -> list[dict]:
    """Every class that has figures, each with its colour swatch."""
    used = set(frames["records"][C.ASSET_CLASS])
    out = []
    for _, r in frames["classes"].iterrows():
        if r[C.ID] not in used:
            continue
        swatch = html.Span(className="swatch", style={"background": class_colour(r[C.ID])})
        out.append({"label": html.Span([swatch, localized(r, "label", lang)]), "value": r[C.ID]})
    return out


def window_options(frames: dict, state: State) -> list[dict]:
    """Every window group; those where the drawdowns chart has nothing to draw for the selected episode(s) are
    disabled (with both episodes, a window needs an asset that both have figures for)."""
    drawn = CHARTS["drawdowns"].rows
    return [
        {
            "label": t(f"window.{w}", state.lang),
            "value": w,
            "disabled": drawn(frames, state.with_(window=w, classes=(), asset=None)).empty,
        }
        for w in sel.WINDOW_GROUPS
    ]


def simple_options(prefix: str, values, lang: str) -> list[dict]:
    return [{"label": t(f"{prefix}.{v}", lang), "value": v} for v in values]


def _menu(summary_id: str, label_key: str, control, lang: str, css: str) -> html.Details:
    """A control that opens from the bar (native <details>: Enter or Space opens it, Tab reaches its options):
    its summary says the control's name and what is picked."""
    return html.Details(
        [
            html.Summary(
                [
                    html.Span(t(label_key, lang), id=ids.text(label_key), className="menu-name"),
                    html.Span(id=summary_id, className="menu-value"),
                ],
                className="button",
            ),
            html.Div(control, className="menu-body"),
        ],
        className=f"menu {css}",
    )


def _segmented(control_id: str, options: list[dict], value, label_key: str, lang: str) -> html.Div:
    """A short choice shown whole (episode, tab, language): radio buttons styled as one segmented control."""
    return html.Div(
        dcc.RadioItems(id=control_id, options=options, value=value, className="choices segmented", inline=True),
        role="group",
        **{"aria-label": t(label_key, lang)},
    )


def bar(frames: dict, state: State) -> html.Div:
    """One compact bar: episode, asset classes, window and search (language, theme and Present are beside the title).
    Every control is a native radio, checkbox or input, so it works from the keyboard."""
    lang = state.lang
    return html.Div(
        [
            _segmented(ids.EPISODE, episode_options(frames, lang), state.episode, "ctl.episode", lang),
            _menu(
                ids.CLASSES_SUMMARY,
                "ctl.classes",
                dcc.Checklist(
                    id=ids.CLASSES,
                    options=class_options(frames, lang),
                    value=list(state.classes),
                    className="choices classes",
                ),
                lang,
                "classes-menu",
            ),
            _menu(
                ids.WINDOW_SUMMARY,
                "ctl.window",
                dcc.RadioItems(
                    id=ids.WINDOW, options=window_options(frames, state), value=state.window, className="choices"
                ),
                lang,
                "window-menu",
            ),
            html.Div(
                [
                    dcc.Dropdown(
                        id=ids.SEARCH,
                        options=[],
                        placeholder=t("search.placeholder", lang),
                        clearable=True,
                        searchable=True,
                        className="search",
                    ),
                    html.Div(
                        [
                            html.Span(id=ids.SEARCH_NOTE),
                            html.Button(
                                t("search.switch", lang),
                                id=ids.SEARCH_SWITCH,
                                className="button",
                                n_clicks=0,
                                hidden=True,
                            ),
                        ],
                        className="search-note",
                        **{"aria-live": "polite"},
                    ),
                ],
                className="search-wrap",
            ),
        ],
        className="controls",
        role="toolbar",
    )


def preferences(state: State) -> html.Div:
    """The reader's own settings, language and theme, beside the title: they change how the page reads, not
    which figures it shows."""
    lang = state.lang
    return html.Div(
        [
            _segmented(ids.LANG, [{"label": LANGUAGES[v].name, "value": v} for v in LANGS], lang, "ctl.lang", lang),
            _segmented(ids.THEME, simple_options("theme", THEMES, lang), state.theme, "ctl.theme", lang),
        ],
        className="preferences",
    )


def selection_bar(lang: str) -> html.Div:
    """What is selected, and the way to clear it (a click on any point selects it everywhere)."""
    return html.Div(
        [
            html.Span(t("ctl.selected", lang), id=ids.text("ctl.selected")),
            " ",
            html.Strong(t("ctl.none_selected", lang), id=ids.SELECTED_LABEL),
            " ",
            html.Button(t("ctl.clear", lang), id=ids.CLEAR, className="button", n_clicks=0),
        ],
        className="selection",
        **{"aria-live": "polite"},
    )


def tabs(state: State) -> html.Div:
    return _segmented(ids.TAB, simple_options("tab", TABS, state.lang), state.tab, "ctl.tab", state.lang)
