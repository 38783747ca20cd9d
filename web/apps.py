"""The three Dash apps on one Flask server: the dashboard at /, the chart embeds at /embed/<chart> and presenter
mode at /present/. They share the loaded data, the caches of answers, and the security and delivery headers."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from dash import Dash
from flask import Response, redirect, request

import callbacks
from dashboard.share import EMBED_PATH
from embed import page as embed
from i18n.languages import FALLBACK, language
from presenter import page as present

from . import api, delivery, security

ASSETS = Path(__file__).resolve().parent.parent / "assets"
PRESENT_PATH = "present/"
DASH_ROUTES = ("_dash-", "assets/", "_favicon.ico", "_reload-hash")


class Page(Dash):
    """A Dash app whose <html> element names the page's language (?lang=, English for anything else), so that
    screen readers, fonts and a browser's translation offer know it before any script runs; assets/crashboard.js
    keeps it current when the reader switches language on the page."""

    def interpolate_index(self, **kwargs) -> str:
        tag = language(request.args.get("lang", FALLBACK)).tag
        return super().interpolate_index(**kwargs).replace("<html>", f'<html lang="{tag}">', 1)


def dash_options() -> dict:
    """Options every Crashboard Dash app takes. assets/host/ holds the script for pages that embed Crashboard,
    served but never loaded by Crashboard's own pages."""
    return {"assets_folder": str(ASSETS), "assets_path_ignore": ["host"], "update_title": None}


def mount(main: Dash, data, allowed: tuple[str, ...]) -> dict[str, Dash]:
    """Add the embed and presenter apps to the dashboard's server, and the headers and redirects."""
    server, prefix = main.server, main.config.routes_pathname_prefix
    delivery.install(server, data.cache)
    api.install(server, data, prefix)
    embeds = Page(
        __name__, server=server, url_base_pathname=prefix + EMBED_PATH, title="Crashboard chart", **dash_options()
    )
    embeds.layout = embed.page()
    callbacks.register(embeds, data, "embed")
    presenter = Page(
        __name__,
        server=server,
        url_base_pathname=prefix + PRESENT_PATH,
        title="Crashboard: presenter mode",
        **dash_options(),
    )
    presenter.layout = present.page()
    callbacks.register(presenter, data, "present")
    security.install(server, (main, embeds, presenter), allowed, prefix)

    @server.before_request
    def _route():
        path = request.path
        if path == prefix and request.args.get("mode") == "present":  # the dashboard's ?mode=present
            rest = [(k, v) for k, v in request.args.items(multi=True) if k != "mode"]
            return redirect(prefix + PRESENT_PATH + ("?" + urlencode(rest) if rest else ""), code=302)
        if path.startswith(prefix + EMBED_PATH):
            rest = path[len(prefix + EMBED_PATH) :]
            if not rest.startswith(DASH_ROUTES) and embed.chart_name(rest) is None:
                status = 200 if rest == "" else 404  # /embed/ lists the charts; a typo says so
                return Response(embed.index(prefix), status=status, mimetype="text/html")
        return None

    return {"dashboard": main, "embed": embeds, "present": presenter}
