"""Dash callbacks, one module per interaction. Each module keeps its logic in plain functions that tests call
directly, and `register(app, dataset)` attaches thin wrappers to the app.

    url_state     the address <-> every control, and the view the charts draw
    render        one callback per chart: figure, text alternative, headline figures
    cross_filter  a click on any chart selects that asset everywhere; again, or Clear, resets it
    data_view     each chart's table toggle and CSV download
    language      interface words and control options in the chosen language
    details       the selection, conflicts and sources panels
    share         each chart's Share / Embed box: permalink, <iframe> snippet, auto-height script tag
    clientside    highlighting, hover sync, tabs and theme, in assets/crashboard.js
    embed         the chart-only page under /embed/
    present       presenter mode under /present/: slides, class toggles, notes
"""
from __future__ import annotations

from data.loader import Dataset

from . import clientside, cross_filter, data_view, details, embed, language, present, render, share, url_state
from charts.registry import NAMES
from core.state import LANGS, TABS

from .context import AppData, opening_views

PAGES = {"dashboard": (url_state, render, cross_filter, data_view, language, details, share, clientside),
         "embed": (embed,), "present": (present,)}


def warm(data: AppData) -> int:
    """Answer ahead of the first visitor: draw every chart of every episode's opening view in every language
    (render.warm), and list the sources and conflicts behind each of those views on both tabs. Then run each
    other kind of answer once, so that its lazy imports and first allocations happen here: under gunicorn this
    runs in the master, and the workers forked from it share the result instead of each building its own.
    Returns the number of answers kept."""
    count = render.warm(data)
    views = opening_views(data)
    for view in views:
        for tab in TABS:
            details.behind_sent(data, view, tab)
            count += 1
    view, first = views[0], NAMES[0]
    details.selection(data, view, data.selection(data.choices.entities[0] if data.choices.entities else None))
    data_view.table(data, first, ["on"], view)
    data_view.download(data, first, view)
    for lang in LANGS:
        language.words(data, lang, [])
    share.boxes(data, "", "http://localhost/", list(NAMES), [None] * len(NAMES))
    embed.view(data, "/embed/" + first, "")
    present.view(data, "")
    return count


def register(app, data: AppData | Dataset, page: str = "dashboard") -> AppData:
    """Attach the callbacks of one page (the dashboard, the embed or presenter mode) to its Dash app. The apps
    of one server share one AppData: the frames, and the cache of drawn views."""
    if isinstance(data, Dataset):
        data = AppData.of(data)
    for module in PAGES[page]:
        module.register(app, data)
    return data
