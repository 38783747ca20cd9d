"""The one warm-up: answers computed before the first visitor and pinned in the app's cache (callbacks/cache.py),
so that no client traffic can push them out. app.create_app(warm=True) runs it, and so does gunicorn's master
(app:server) before it forks the workers, which then share the result instead of each building its own.

The hover texts of every record and event are not part of it: they are built with the app's data, once per
dataset (AppData.of, charts/kit/texts.py)."""

from __future__ import annotations

from urllib.parse import urlencode

from charts.registry import NAMES
from core.state import LANGS, TABS, THEMES

from . import data_view, details, embed, language, present, share, story
from . import views as views_json
from .context import AppData, opening_views


def warm(data: AppData) -> int:
    """Draw every chart of every episode's opening view in every language (context.opening_views), and list the
    sources and conflicts behind each of those views on both tabs. Then run each other kind of answer once, so
    that its lazy imports and first allocations happen here, and draw the figure an unknown embed shows in each
    language and theme. Everything kept meanwhile is pinned. Returns the number of pinned answers."""
    with data.cache.pinning():
        views = opening_views(data)
        for view in views:
            for tab in TABS:
                search = "?" + urlencode({**{k: v for k, v in view.items() if k != "classes"}, "tab": tab})
                views_json.answer(data, search)  # every chart of the tab, as the dashboard asks for it
                details.behind_sent(data, view, tab)
        view, first = views[0], NAMES[0]
        details.selection(data, view, data.selection(data.choices.entities[0] if data.choices.entities else None))
        data_view.table(data, first, view)
        data_view.download(data, first, view)
        for lang in LANGS:
            language.words(data, lang, [])
            story.picked(data, {"lang": lang})
        share.box(data, "", "http://localhost/", first)
        embed.view(data, "/embed/" + first, "")
        present.view(data, "")
        for lang in LANGS:
            for theme in THEMES:
                embed.unknown_figure(data, lang, theme)
    return sum(kind["pinned"] for kind in data.cache.stats().values())
