"""The control bar: episode, asset classes, drawdown window, view tab, language and theme, and the selection.

Every control is a native radio or checkbox group, so it works from the keyboard (Tab, arrows, Space).
Options are built from the frames and the language; callbacks rebuild them when the language changes.
"""

from __future__ import annotations

from dash import dcc, html

from charts.kit.palette import class_colour
from core import ids
from core.state import LANGS, TABS, THEMES, State
from data import select as sel
from data.columns import C
from i18n import LANGUAGES, localized, t


def episode_options(frames: dict, lang: str) -> list[dict]:
    eps = frames["episodes"]
    opts = [{"label": localized(r, "title", lang), "value": r[C.ID]} for _, r in eps.iterrows()]
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
    """Every window group; those with no figures in the selected episode(s) are disabled."""
    eps = sel.episode_ids(state.episode, frames["episodes"][C.ID])
    present = set(sel.windows_present(sel.in_episodes(sel.drawable(frames, "moves"), eps)))
    return [
        {"label": t(f"window.{w}", state.lang), "value": w, "disabled": w not in present} for w in sel.WINDOW_GROUPS
    ]


def simple_options(prefix: str, values, lang: str) -> list[dict]:
    return [{"label": t(f"{prefix}.{v}", lang), "value": v} for v in values]


def _group(key: str, control, lang: str) -> html.Fieldset:
    return html.Fieldset([html.Legend(t(key, lang), id=ids.text(key)), control], className="control")


def bar(frames: dict, state: State) -> html.Div:
    lang = state.lang
    return html.Div(
        [
            _group(
                "ctl.episode",
                dcc.RadioItems(
                    id=ids.EPISODE, options=episode_options(frames, lang), value=state.episode, className="choices"
                ),
                lang,
            ),
            _group(
                "ctl.classes",
                dcc.Checklist(
                    id=ids.CLASSES,
                    options=class_options(frames, lang),
                    value=list(state.classes),
                    className="choices classes",
                ),
                lang,
            ),
            _group(
                "ctl.window",
                dcc.RadioItems(
                    id=ids.WINDOW, options=window_options(frames, state), value=state.window, className="choices"
                ),
                lang,
            ),
            _group(
                "ctl.tab",
                dcc.RadioItems(
                    id=ids.TAB, options=simple_options("tab", TABS, lang), value=state.tab, className="choices"
                ),
                lang,
            ),
            _group(
                "ctl.lang",
                dcc.RadioItems(
                    id=ids.LANG,
                    options=[{"label": LANGUAGES[v].name, "value": v} for v in LANGS],
                    value=lang,
                    className="choices",
                ),
                lang,
            ),
            _group(
                "ctl.theme",
                dcc.RadioItems(
                    id=ids.THEME, options=simple_options("theme", THEMES, lang), value=state.theme, className="choices"
                ),
                lang,
            ),
            html.Div(
                [
                    html.Span(t("ctl.selected", lang), id=ids.text("ctl.selected")),
                    " ",
                    html.Strong(t("ctl.none_selected", lang), id=ids.SELECTED_LABEL),
                    " ",
                    html.Button(t("ctl.clear", lang), id=ids.CLEAR, className="button", n_clicks=0),
                ],
                className="selection",
                **{"aria-live": "polite"},
            ),
        ],
        className="controls",
        role="group",
    )
