"""Crashboard's JSON for its own pages: GET <prefix>api/view.json?<the dashboard's address> answers every chart of
the address's tab (callbacks/views.py), which the dashboard's browser-side renderer draws. It reads nothing but the
address, so any worker answers it, and it is compressed and kept like a callback's answer."""

from __future__ import annotations

from flask import Response, request

from callbacks import views

VIEW_PATH = "api/view.json"


def install(server, data, prefix: str = "/") -> None:
    @server.route(prefix + VIEW_PATH)
    def _view_json():
        search = request.query_string.decode("utf-8", "replace")
        return Response(views.answer(data, search), mimetype="application/json", headers={"Cache-Control": "no-cache"})
