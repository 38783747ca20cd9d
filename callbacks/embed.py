"""The embed page: its path names the chart and its query the view; one callback draws everything on it."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output

from charts.kit import figures
from charts.registry import CHARTS
from core import ids
from core.state import State, parse
from dashboard import share
from embed import page as embed
from i18n import t

from . import render
from .context import AppData
from .memo import loaded, sent

OUTPUTS = ("title", "extra", "figure", "style", "summary", "credit", "back", "back_text", "selection", "class", "lang")


def unknown_figure(data: AppData, lang: str, theme: str) -> dict:
    """The figure saying there is no such chart, drawn once per language and theme (anyone can ask for it; the
    warm-up pins all four)."""
    return loaded(data, ("unknown", lang, theme), lambda: figures.empty(State(lang=lang, theme=theme), "embed.unknown"))


def view(data: AppData, pathname, search, prefix: str = "/") -> dict:
    """Everything the embed shows for an address. An unknown chart gets a message, never an error."""
    state = parse(search, data.choices)
    name = embed.chart_name(pathname)
    if name is None:
        fig = unknown_figure(data, state.lang, state.theme)
        return dict(
            title=t("embed.unknown", state.lang),
            extra=[],
            figure=fig,
            style={"height": "200px"},
            summary="",
            credit="",
            back=prefix,
            back_text=t("embed.open", state.lang),
            selection=None,
            **{"class": f"embed theme-{state.theme}"},
            lang=state.lang,
        )
    panel = CHARTS[name]
    return dict(
        title=t(f"panel.{name}", state.lang),
        **render.single(panel, data, state),
        back=share.dashboard_url(prefix, name, panel.tab, share.embed_state(state, data.choices), data.choices),
        back_text=t("embed.open", state.lang),
        selection=data.selection(state.asset),
        **{"class": f"embed theme-{state.theme}"},
        lang=state.lang,
    )


def register(app, data: AppData) -> None:
    dashboard_prefix = app.config.requests_pathname_prefix.removesuffix(share.EMBED_PATH)

    @app.callback(
        Output(ids.EMBED_TITLE, "children"),
        Output(ids.EMBED_EXTRA, "children"),
        Output(ids.EMBED_CHART, "figure"),
        Output(ids.EMBED_CHART, "style"),
        Output(ids.EMBED_SUMMARY, "children"),
        Output(ids.EMBED_CREDIT, "children"),
        Output(ids.EMBED_BACK, "href"),
        Output(ids.EMBED_BACK, "children"),
        Output(ids.SELECTION, "data"),
        Output(ids.EMBED, "className"),
        Output(ids.EMBED, "lang"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "search"),
    )
    def embed_page(pathname, search):
        key = ("embed", embed.chart_name(pathname), parse(search, data.choices), dashboard_prefix)
        return sent(data, key, lambda: tuple(view(data, pathname, search, dashboard_prefix)[k] for k in OUTPUTS))

    app.clientside_callback(  # the view's selected asset stays lit, as on the dashboard
        ClientsideFunction("crashboard", "highlight"),
        Output(ids.EMBED_CHART, "figure", allow_duplicate=True),
        Input(ids.SELECTION, "data"),
        Input(ids.EMBED_CHART, "figure"),
        prevent_initial_call=True,
    )
