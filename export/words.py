"""The export's own words, and the line that says which view a file shows.

Every word is in the i18n catalogues: the dashboard's own keys where they are shared, `export.<key>` for words
the dashboard has no use for.
"""

from __future__ import annotations

from data.columns import C
from data.select import BOTH
from i18n import language, localized_column, t


def w(key: str, lang: str, **values) -> str:
    """The export's own words, `export.<key>` in the catalogue."""
    return t(f"export.{key}", lang, **values)


def _episode(frames: dict, episode: str, lang: str) -> str:
    if episode == BOTH:
        return t("episode.both", lang)
    eps = frames["episodes"].set_index(C.ID)
    title = localized_column(eps, "title", lang).get(episode, "")
    return f"{title} ({episode})" if title else episode


def _classes(frames: dict, classes: tuple[str, ...], lang: str) -> str:
    if not classes:
        return t("ctl.all_classes", lang)
    names = localized_column(frames["classes"].set_index(C.ID), "label", lang)
    return ", ".join(str(names.get(c, c)) for c in classes)


def view_parts(frames: dict, state) -> list[tuple[str, str]]:
    """(control, value) pairs naming the view: episode, classes, drawdown window, language."""
    lang = state.lang
    return [
        (t("ctl.episode", lang), _episode(frames, state.episode, lang)),
        (t("ctl.classes", lang), _classes(frames, state.classes, lang)),
        (t("ctl.window", lang), t(f"window.{state.window}", lang)),
        (t("ctl.lang", lang), language(lang).name),
    ]


def view_line(frames: dict, state) -> str:
    """'Episode: … · Asset classes: … · Drawdown window: … · Language: English. Exported from Crashboard.'
    Plain text: the caller escapes it for HTML or Markdown."""
    lang = state.lang
    parts = " · ".join(f"{k}{t('punct.colon', lang)}{v}" for k, v in view_parts(frames, state))
    stop = t("punct.stop", lang)
    return parts + stop + w("exported", lang) + stop.strip()
