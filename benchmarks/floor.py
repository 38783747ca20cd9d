"""The floors mounted next to the app under test, each measured in the same run as the figure it bounds:

- a bare Flask view, and a Dash app whose one callback returns its input: what Flask and Dash take by themselves;
  every callback is compared with them;
- `/bench/static/?<view>`: a static page of the same figures, with the same plotly.js and no framework: the
  figures of the dashboard's open tab for that view, written into the page as JSON and drawn by one small script
  (`/bench/static.js`) with `Plotly.newPlot`. A cold visit to the dashboard is compared with a cold visit here.
  It asks the app for the figures through its `api/view.json` route, so it exists only for a checkout that has
  one (an older checkout has no static floor)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from dash import Dash, Input, Output, dcc
from dash import html as dhtml
from flask import Response, request

FLASK_PATH = "/bench/flask"
DASH_PREFIX = "/bench/dash/"
STATIC_PATH, STATIC_JS = "/bench/static/", "/bench/static.js"
NOOP_IN, NOOP_OUT = "bench-in", "bench-out"
VIEW_JSON = "/api/view.json"

DRAW = """(function () {
  var answer = JSON.parse(document.getElementById("floor-figures").textContent);
  Object.keys(answer.charts).forEach(function (name) {
    var chart = answer.charts[name], el = document.getElementById("chart-" + name);
    if (chart.style && chart.style.height) { el.style.height = chart.style.height; }
    window.Plotly.newPlot(el, chart.figure.data, chart.figure.layout, answer.config || {});
  });
})();
"""


def _plotly(app_dir: Path) -> str | None:
    """The plotly.js bundle the dashboard loads (assets/vendor/), as a URL."""
    found = sorted((app_dir / "assets" / "vendor").glob("plotly-*.min.js"))
    return f"/assets/vendor/{found[-1].name}" if found else None


def mount(server, app_dir: Path | None = None) -> None:
    """Add the floors to `server` (the app under test's Flask server)."""

    @server.get(FLASK_PATH)
    def bare():
        return "ok"

    noop = Dash(__name__, server=server, url_base_pathname=DASH_PREFIX)
    noop.layout = dhtml.Div([dcc.Input(id=NOOP_IN, value="x"), dhtml.Div(id=NOOP_OUT)])

    @noop.callback(Output(NOOP_OUT, "children"), Input(NOOP_IN, "value"))
    def echo(value):
        return value

    plotly = _plotly(app_dir) if app_dir else None
    if plotly is None or not any(r.rule == VIEW_JSON for r in server.url_map.iter_rules()):
        return
    pages: dict[str, str] = {}

    @server.get(STATIC_JS)
    def static_js():
        return Response(DRAW, mimetype="text/javascript")

    @server.get(STATIC_PATH)
    def static_page():
        query = request.query_string.decode("utf-8", "replace")
        if query not in pages:  # built once, outside any timing: the floor is the browser's work alone
            with server.test_request_context(VIEW_JSON + "?" + query):
                endpoint = next(r.endpoint for r in server.url_map.iter_rules() if r.rule == VIEW_JSON)
                body = server.view_functions[endpoint]().get_data(as_text=True)
            names = list(json.loads(body)["charts"])
            slots = "".join(f'<div class="chart-slot" id="chart-{html.escape(n)}"></div>' for n in names)
            inert = body.replace("</", "<\\/")  # JSON inside a script element cannot close it
            pages[query] = (
                '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body>'
                f"{slots}"
                f'<script type="application/json" id="floor-figures">{inert}</script>'
                f'<script src="{plotly}"></script><script src="{STATIC_JS}"></script></body></html>'
            )
        return Response(pages[query], mimetype="text/html")
