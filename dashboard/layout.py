"""The page: a masthead with one compact control bar, the story of the episode on screen (headline, summary, key
figures, the legend folded away), the two tabs of chart cards, the panels behind them folded under the charts, and
one data / download / share panel for whichever chart asks. Its size does not grow with the number of episodes.

Built once per app with the default state; the address callback then sets every control from the address, and
assets/charts.js draws the charts."""

from __future__ import annotations

from dash import dcc, html

from charts.registry import on_tab
from core import ids
from core.state import State
from data.loader import Dataset
from i18n import t
from i18n.languages import language

from . import card, controls, rejected, story, tools


def _tab(name: str, dom_id: str, state: State, hidden: bool) -> html.Section:
    cards = [card.card(c.name, state.lang, extra=c.extra is not None) for c in on_tab(name)]
    return html.Section(cards, id=dom_id, className="chart-grid", hidden=hidden, role="tabpanel")


def _fold(key: str, dom_id: str, lang: str, open_: bool = False) -> html.Details:
    return html.Details(
        [html.Summary(t(key, lang), id=ids.text(key)), html.Div(id=dom_id)], className="card aside", open=open_
    )


def page(ds: Dataset, state: State | None = None) -> html.Div:
    state = state or State()
    lang = state.lang
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.VIEW),
            dcc.Store(id=ids.SELECTION),
            dcc.Store(id=ids.CHARTS_SYNC),
            dcc.Store(id=ids.TOOLS_CHART),
            html.Header(
                [
                    html.Div(
                        [
                            html.H1("Crashboard"),
                            html.P(t("app.tagline", lang), id=ids.text("app.tagline"), className="tagline"),
                            controls.preferences(state),
                            html.A(
                                html.Span(t("present.link", lang), id=ids.text("present.link")),
                                id=ids.PRESENT_LINK,
                                href="present/",
                                className="button present-link",
                            ),
                        ],
                        className="title-row",
                    ),
                    controls.bar(ds.frames, state),
                ],
                className="masthead",
            ),
            html.Section(
                [html.Div(story.nothing_loaded(ds.frames, lang), id=ids.STORY, className="story"), story.legend(lang)],
                className="lede",
                **{"aria-live": "polite"},
            ),
            rejected.panel(ds),
            html.Main(
                [
                    html.Div([controls.tabs(state), controls.selection_bar(lang)], className="tab-row"),
                    _tab("crash", ids.CRASH_TAB, state, hidden=state.tab != "crash"),
                    _tab("context", ids.CONTEXT_TAB, state, hidden=state.tab != "context"),
                    _fold("panel.detail", ids.DETAIL, lang, open_=True),
                    _fold("panel.conflicts", ids.CONFLICTS, lang),
                    _fold("panel.sources", ids.SOURCES, lang),
                    html.Details(
                        [
                            html.Summary(
                                html.Span(t("report.title", lang), id=ids.text("report.title")),
                                id=ids.REPORT_SUMMARY,
                                n_clicks=0,
                            ),
                            html.Div(id=ids.EPISODES),
                        ],
                        id=ids.REPORT,
                        className="card aside",
                    ),
                ]
            ),
            tools.panel(lang),
            html.Footer(html.P(t("footer", lang), id=ids.text("footer"))),
        ],
        id=ids.PAGE,
        className=f"theme-{state.theme}",
        lang=language(lang).tag,
    )
