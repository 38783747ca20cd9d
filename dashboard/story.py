"""The top of the page: each shown episode's headline, its summary (in the sources' voice, attributed) and the
key figures it opens with (the episode file's `key_figures`), each with its source; and the legend of the marks,
folded away until a reader opens it."""

from __future__ import annotations

from dash import html

from charts.kit.hover import quote_lines
from charts.kit.provenance import date_text, label, outlet_label, plain, value_text
from core import ids
from data import select as sel
from data.columns import C
from i18n import localized, t


def _figure(frames: dict, episode: str, rid: str, lang: str) -> html.Div | None:
    key = (episode, rid)
    if key not in frames["records"].index:
        return None
    row = frames["records"].loc[key].to_dict()
    outlet = outlet_label(str(row.get(C.OUTLET) or ""), frames, lang)
    source = " · ".join(p for p in (str(row[C.SOURCE])[:3], outlet, date_text(row, lang)) if p)
    words = [plain(line.replace("<i>", "").replace("</i>", "")) for line in quote_lines(row, lang)]
    return html.Div(
        [
            html.Strong(value_text(row, lang), className="figure"),
            html.Span(label(row, lang), className="what"),
            html.Small(source, className="source"),
        ],
        className="keyfig",
        title="\n".join(words),  # the source's words, translation first, on hover and to screen readers' title
    )


def _episode(frames: dict, row, lang: str, compact: bool) -> html.Div:
    figures = [
        f
        for rid in str(row["key_figures"]).split(",")
        if rid
        if (f := _figure(frames, str(row[C.ID]), rid, lang)) is not None
    ]
    return html.Div(
        [
            html.H2(localized(row, "title", lang), className="headline"),
            html.P(localized(row, "summary", lang), className="standfirst"),
            html.Div(figures[: 2 if compact else 4], className="keyfigs"),
        ],
        className="story-episode",
    )


def story(frames: dict, state) -> list:
    """The headline(s) and key figures of the episode(s) a view shows."""
    episodes = frames["episodes"].set_index(C.ID, drop=False)
    shown = sel.episode_ids(state.episode, episodes.index)
    return nothing_loaded(frames, state.lang) or [
        _episode(frames, episodes.loc[e], state.lang, compact=len(shown) > 1) for e in shown
    ]


def nothing_loaded(frames: dict, lang: str) -> list:
    """Where the headline would be, when no episode could be loaded (the rejected files are listed below); the
    page is served with this, and the story callback fills in the view's episodes."""
    return [] if len(frames["episodes"]) else [html.P(t("report.none", lang), className="empty")]


def legend(lang: str) -> html.Details:
    """How to read the marks: folded away, one click to open."""
    return html.Details(
        [
            html.Summary(t("legend.title", lang), id=ids.text("legend.title")),
            html.P(t("legend.marks", lang), id=ids.text("legend.marks")),
        ],
        className="legend",
    )
