"""Presenter mode: one chart at a time, large type, big class toggles, slides from data/stories/.

Keys (assets/present.js): ← → and PageUp/PageDown step slides, 1–9 toggle the numbered classes, 0 shows every
class, N shows the speaker notes. Every key presses a real button on the page, so a mouse or a touch screen
does the same.
"""

from __future__ import annotations

from dash import dcc, html

from charts.kit.palette import class_colour
from core import ids
from dashboard.card import GRAPH_CONFIG
from data.columns import C
from i18n import localized, t

FONT_SIZE = 20  # the figure's base type size on a projector
SCALE = 1.25  # every type size the builders set, scaled for the back of the room
GROW = 1.15  # and the figure's height with it, so that labels keep their room
MIN_HEIGHT = 520  # px: a chart fills most of a projected slide


def page(lang: str = "en") -> html.Div:
    def button(key, dom_id, **kw):
        return html.Button(t(key, lang), id=dom_id, className="button big", n_clicks=0, **kw)

    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.SELECTION),
            html.Header(
                [
                    html.Span(id=ids.PRESENT_STORY, className="story"),
                    html.Span(id=ids.PRESENT_COUNTER, className="counter", **{"aria-live": "polite"}),
                    html.Nav(
                        [
                            button("present.prev", ids.PRESENT_PREV, title="← / PageUp"),
                            button("present.next", ids.PRESENT_NEXT, title="→ / PageDown"),
                            button("present.notes", ids.PRESENT_NOTES_BUTTON, title="N", **{"aria-pressed": "false"}),
                            html.A(
                                t("present.exit", lang),
                                id=ids.PRESENT_EXIT,
                                className="button big",
                                target="_blank",
                                rel="noopener",
                            ),
                        ],
                        className="present-nav",
                    ),
                ],
                className="present-bar",
            ),
            html.H1(id=ids.PRESENT_TITLE, className="present-title"),
            html.Div(
                [
                    html.Div(id=ids.PRESENT_CLASSES, className="class-buttons"),
                    html.Button(
                        [html.Kbd("0"), t("present.all", lang)],
                        id=ids.PRESENT_CLEAR,
                        n_clicks=0,
                        className="button big class-toggle",
                        **{"data-key": "0"},
                    ),
                ],
                className="class-bar",
                role="group",
            ),
            html.Div(id=ids.PRESENT_EXTRA, className="extra"),
            html.Div(
                dcc.Graph(
                    id=ids.PRESENT_CHART,
                    className="chart",
                    config=GRAPH_CONFIG,
                    responsive=True,
                    style={"height": f"{MIN_HEIGHT}px"},
                ),
                role="figure",
                **{"aria-describedby": ids.PRESENT_SUMMARY},
            ),
            html.P(id=ids.PRESENT_CREDIT, className="credit"),
            html.Aside(id=ids.PRESENT_NOTES, className="notes", hidden=True, **{"aria-live": "polite"}),
            html.P(id=ids.PRESENT_SUMMARY, className="visually-hidden"),
            html.P(t("present.keys", lang), id=ids.PRESENT_KEYS, className="keys"),
        ],
        id=ids.PRESENT,
        className="present theme-light",
    )


def words(keys: list[str], lang: str) -> list:
    """The page's own words in the slide's language; the 0 key keeps its key cap."""
    return [[html.Kbd("0"), t(k, lang)] if k == "present.all" else t(k, lang) for k in keys]


def class_buttons(frames: dict, shown: list[str], active: tuple[str, ...], lang: str) -> list:
    """A big toggle per class in the chart, numbered for its key ('0 All classes' is in the page)."""
    out = []
    for i, cls in enumerate(shown, start=1):
        key = str(i) if i <= 9 else ""
        on = cls in active
        out.append(
            html.Button(
                [
                    html.Kbd(key) if key else None,
                    html.Span(className="swatch", style={"background": class_colour(cls)}),
                    _class_name(frames, cls, lang),
                ],
                id=ids.class_button(cls),
                n_clicks=0,
                className="button big class-toggle" + (" on" if on else ""),
                **{"aria-pressed": "true" if on else "false", "data-key": key},
            )
        )
    return out


def _class_name(frames: dict, cls: str, lang: str) -> str:
    """The class's label as plain text (Dash renders it as text; Plotly's labels are escaped instead)."""
    row = frames["classes"].loc[frames["classes"][C.ID] == cls]
    return str(localized(row.iloc[0], "label", lang)) if len(row) else cls


def chart_classes(rows, frames: dict) -> list[str]:
    """The classes a chart draws, in the vocabulary's order."""
    present = set(rows[C.ASSET_CLASS].dropna().astype(str)) if C.ASSET_CLASS in rows else set()
    return [c for c in frames["classes"][C.ID] if c in present]


def _bigger(node, is_font: bool = False):
    """A copy of a figure part with the size of every font in it (keys ending in 'font') scaled."""
    if isinstance(node, list):
        return [_bigger(v, is_font) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _bigger(v, k.endswith("font")) for k, v in node.items()}
    if is_font and isinstance(out.get("size"), (int, float)):
        out["size"] = round(out["size"] * SCALE, 1)
    return out


def projected(fig) -> dict:
    """The figure with projector-sized type and height, as a new dict (the cached figure is shared)."""
    d = fig if isinstance(fig, dict) else fig.to_plotly_json()
    layout = _bigger(d.get("layout", {}))
    layout["font"] = {**layout.get("font", {}), "size": FONT_SIZE}
    layout["height"] = max(round((layout.get("height") or 0) * GROW), MIN_HEIGHT)
    data = [
        {**tr, **{k: _bigger(tr[k], True) for k in ("textfont", "insidetextfont", "outsidetextfont") if k in tr}}
        for tr in d.get("data", [])
    ]
    return {"data": data, "layout": layout}
