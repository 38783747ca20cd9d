"""The framework floor mounted next to the app under test: a bare Flask view, and a Dash app whose one callback
returns its input. Their cost is what Flask and Dash take by themselves; every callback is compared with it."""

from __future__ import annotations

from dash import Dash, Input, Output, dcc, html

FLASK_PATH = "/bench/flask"
DASH_PREFIX = "/bench/dash/"
NOOP_IN, NOOP_OUT = "bench-in", "bench-out"


def mount(server) -> None:
    """Add both floors to `server` (the app under test's Flask server)."""

    @server.get(FLASK_PATH)
    def bare():
        return "ok"

    noop = Dash(__name__, server=server, url_base_pathname=DASH_PREFIX)
    noop.layout = html.Div([dcc.Input(id=NOOP_IN, value="x"), html.Div(id=NOOP_OUT)])

    @noop.callback(Output(NOOP_OUT, "children"), Input(NOOP_IN, "value"))
    def echo(value):
        return value
