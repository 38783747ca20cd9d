"""Links to a chart in a given view: the dashboard permalink, the chart-only embed and its <iframe> snippet, and
the optional auto-height script tag. Pure string work, plus the "Share / Embed" box each chart card carries.

    dashboard   {base}?episode=...&tab=context#panel-rates
    embed       {base}embed/rates?episode=...            (the same parameters, less the dashboard-only ones)
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from dash import dcc, html

from core import ids
from core.state import Choices, State, default, serialise
from i18n import t

EMBED_PATH = "embed/"
HOST_SCRIPT = "assets/host/crashboard-embed.js"  # served with the app, never loaded by its own pages
EMBED_CHROME = 110  # px around the figure in an embed: title, credit line, margins


def base_url(href: str | None, prefix: str = "/") -> str:
    """'https://host[:port]/prefix/' of the page address, where every Crashboard link starts."""
    parts = urlsplit(href if isinstance(href, str) else "")
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""
    return origin + prefix


def embed_state(state: State, choices: Choices) -> State:
    """The parameters an embed takes: the dashboard's, less its tab and open tables."""
    base = default(choices)
    return state.with_(tab=base.tab, data=())


def embed_url(base: str, name: str, state: State, choices: Choices) -> str:
    return f"{base}{EMBED_PATH}{name}{serialise(embed_state(state, choices), choices)}"


def dashboard_url(base: str, name: str, tab: str, state: State, choices: Choices) -> str:
    """The full dashboard at the same view, opened on the chart's tab and scrolled to it."""
    return f"{base}{serialise(state.with_(tab=tab), choices)}#{ids.panel(name)}"


def iframe(src: str, title: str, height: int) -> str:
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="100%" height="{int(height)}" '
        f'style="border:0;max-width:100%" loading="lazy" data-crashboard-embed></iframe>'
    )


def script_tag(base: str) -> str:
    return f'<script src="{escape(base + HOST_SCRIPT)}" async></script>'


def height_of(style) -> int:
    """The embed's starting height from the chart's drawn height ('420px'); the script then fits it exactly."""
    try:
        style = style if isinstance(style, dict) else {}
        return int(str(style.get("height", "320px")).removesuffix("px")) + EMBED_CHROME
    except ValueError:
        return 320 + EMBED_CHROME


def snippets(
    href: str | None, name: str, tab: str, state: State, choices: Choices, title: str, style=None, prefix: str = "/"
) -> dict[str, str]:
    """Everything the Share / Embed box shows for one chart in one view."""
    base = base_url(href, prefix)
    return {
        "link": dashboard_url(base, name, tab, state, choices),
        "iframe": iframe(embed_url(base, name, state, choices), title, height_of(style)),
        "script": script_tag(base),
    }


def _copyable(label_key: str, box_id: str, lang: str, rows: int = 1) -> html.Div:
    box = (
        dcc.Input(id=box_id, type="text", readOnly=True, className="share-box")
        if rows == 1
        else dcc.Textarea(id=box_id, readOnly=True, rows=rows, className="share-box")
    )
    return html.Div(
        [
            html.Label([html.Span(t(label_key, lang), id=ids.text(label_key)), box]),
            dcc.Clipboard(target_id=box_id, className="copy", title=t("share.copy", lang)),
        ],
        className="share-row",
    )


def box(lang: str) -> html.Div:
    """The "Share / Embed" part of the tools panel; a callback fills it with the chart's links for the view."""
    return html.Div(
        [
            html.H3(t("share.title", lang), id=ids.text("share.title")),
            _copyable("share.link", ids.SHARE_LINK, lang),
            _copyable("share.iframe", ids.SHARE_IFRAME, lang, rows=3),
            _copyable("share.script", ids.SHARE_SCRIPT, lang),
            html.P(t("share.hint", lang), id=ids.text("share.hint"), className="hint"),
        ],
        className="share",
    )
