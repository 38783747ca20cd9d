"""The page: header and controls, the two tabs of chart panels, the selection, the sources, the data report.

Built once per app with the default state; the URL callback then sets every control from the address.
"""

from __future__ import annotations

from dash import dcc, html

from charts.registry import on_tab
from core import ids
from core.state import TABS, State
from dashboard import card as panel
from dashboard import controls, episodes, rejected
from data.loader import Dataset
from i18n import t


def _tab(name: str, dom_id: str, state: State, hidden: bool) -> html.Section:
    cards = [
        panel.card(p.name, state.lang, open_data=p.name in state.data, extra=p.extra is not None) for p in on_tab(name)
    ]
    return html.Section(cards, id=dom_id, className="tab", hidden=hidden, role="tabpanel")


def _aside(key: str, dom_id: str, lang: str) -> html.Section:
    return html.Section([html.H2(t(key, lang), id=ids.text(key)), html.Div(id=dom_id)], className="card aside")


def page(ds: Dataset, state: State | None = None) -> html.Div:
    state = state or State()
    lang = state.lang
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.VIEW),
            dcc.Store(id=ids.SELECTION),
            dcc.Store(id=ids.HIGHLIGHTED),
            dcc.Store(id=ids.HOVER_SYNC),
            *[dcc.Store(id=ids.tab_view(tab)) for tab in TABS],
            html.Header(
                [
                    html.Div(
                        [
                            html.H1("Crashboard"),
                            html.A(
                                html.Span(t("present.link", lang), id=ids.text("present.link")),
                                id=ids.PRESENT_LINK,
                                href="present/",
                                className="button present-link",
                            ),
                        ],
                        className="title-row",
                    ),
                    html.P(t("app.tagline", lang), id=ids.text("app.tagline")),
                    controls.bar(ds.frames, state),
                    html.P(t("legend.marks", lang), id=ids.text("legend.marks"), className="marks"),
                ]
            ),
            rejected.panel(ds),
            html.Main(
                [
                    _tab("crash", ids.CRASH_TAB, state, hidden=state.tab != "crash"),
                    _tab("context", ids.CONTEXT_TAB, state, hidden=state.tab != "context"),
                    _aside("panel.detail", ids.DETAIL, lang),
                    _aside("panel.conflicts", ids.CONFLICTS, lang),
                    _aside("panel.sources", ids.SOURCES, lang),
                    episodes.panel(ds),
                ]
            ),
            html.Footer(html.P(t("footer", lang), id=ids.text("footer"))),
        ],
        id=ids.PAGE,
        className=f"theme-{state.theme}",
        lang=lang,
    )
