"""A source's words on the page: its translation into the reader's language first (where the source is not written
in it), then the original; the source's markdown emphasis (**…**) shown as emphasis, never as asterisks. Every
string is a text node."""

from __future__ import annotations

from dash import html

from charts.kit.provenance import translation
from data.columns import C
from i18n import t


def emphasised(text: str) -> list:
    """Text with its **…** spans as <strong>: the source's own emphasis, kept, without the markdown."""
    parts = str(text).split("**")
    if len(parts) % 2 == 0:  # an unmatched ** is not emphasis: show the words without it
        return ["".join(parts)]
    return [html.Strong(p) if i % 2 else p for i, p in enumerate(parts) if p]


def block(row, lang: str) -> list:
    """The quote of a record (a dict or a pandas row) as shown in tables and panels; [] when it has none."""
    quote = str(row.get(C.QUOTE) or "")
    if not quote:
        return []
    english = translation(row, lang)
    if not english:
        return [html.Span(emphasised(quote), className="original")]
    return [
        html.Span([html.Em(t("hover.translation", lang) + ": "), english], className="translation"),
        html.Br(),
        html.Span([html.Em(t("hover.original", lang) + ": "), *emphasised(quote)], className="original"),
    ]
