"""Dash callbacks, one module per interaction. Each module keeps its logic in plain functions that tests call
directly, and `register(app, dataset)` attaches thin wrappers to the app.

    url_state     the address <-> every control, and the view the panels show
    views         every chart of a view as one JSON answer, which assets/charts.js draws (web/api.py serves it)
    render        a chart drawn for a view, kept: for views, the embeds and presenter mode
    cross_filter  the Clear button (a click on a chart selects in the browser, assets/charts.js)
    data_view     the tools panel: a chart's table and CSV download
    language      interface words and control options in the chosen language
    details       the selection, conflicts and sources panels
    share         the tools panel's Share / Embed box: permalink, <iframe> snippet, auto-height script tag
    search        find an asset by name, ticker or alias; offer the episode that has it
    story         the headline and key figures of the episodes on screen, and the data report
    clientside    the bridge to assets/charts.js (a selection made elsewhere), tabs and theme
    embed         the chart-only page under /embed/
    present       presenter mode under /present/: slides, class toggles, notes

The plumbing they share: `context` (AppData: the frames, the valid URL values and the one cache of answers),
`cache` (that cache: kinds, budgets, pinning), `memo` (how an answer is kept in it, as the JSON Dash sends) and
`warmup` (`warm(data)`, the one warm-up: the opening views, computed and pinned before the first visitor).
"""

from __future__ import annotations

from data.loader import Dataset

from . import (
    clientside,
    cross_filter,
    data_view,
    details,
    embed,
    language,
    present,
    search,
    share,
    story,
    url_state,
)
from .context import AppData
from .warmup import warm

__all__ = ["AppData", "register", "warm"]

PAGES = {
    "dashboard": (url_state, cross_filter, data_view, language, details, share, search, story, clientside),
    "embed": (embed,),
    "present": (present,),
}


def register(app, data: AppData | Dataset, page: str = "dashboard") -> AppData:
    """Attach the callbacks of one page (the dashboard, the embed or presenter mode) to its Dash app. The apps
    of one server share one AppData: the frames, and the one cache of answers."""
    if isinstance(data, Dataset):
        data = AppData.of(data)
    for module in PAGES[page]:
        module.register(app, data)
    return data
