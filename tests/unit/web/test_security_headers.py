"""The security headers on every kind of route: a strict script policy whose hashes are exactly those of the inline
scripts each page carries, no eval, no plugins, no <base>, frame-ancestors as configured, nosniff and a referrer
policy."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from dash import Input, Output

import app
from charts.registry import NAMES
from core import ids

WIKI = "https://wiki.example.com"
PAGES = ["/", *(f"/embed/{name}" for name in NAMES), "/present/"]
EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}  # script types a browser runs


@pytest.fixture(scope="module")
def client():
    return app.create_app(frame_ancestors=WIKI).server.test_client()


def directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    parsed = [d.split() for d in policy.split(";") if d.strip()]
    assert len({d[0] for d in parsed}) == len(parsed), f"a directive is repeated: {policy}"
    return {d[0]: d[1:] for d in parsed}


class _Scripts(HTMLParser):
    """The bodies of the scripts a browser would run inline (HTML comments, such as Dash's IE-only alert, are
    comments, and JSON data blocks are not run)."""

    def __init__(self):
        super().__init__()
        self.inline, self._open = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() in EXECUTABLE:
            self._open = []

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.inline.append("".join(self._open))
            self._open = None


def inline_hashes(html: str) -> set[str]:
    parser = _Scripts()
    parser.feed(html)
    return {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in parser.inline}


def _component_suite(client) -> str:
    return re.search(r'src="(/_dash-component-suites/[^"]+)"', client.get("/").get_data(as_text=True)).group(1)


def _responses(client):
    """One response of every kind of route, with whether the wiki may frame it."""
    window_options = {
        "output": "window.options",
        "outputs": {"id": "window", "property": "options"},
        "inputs": [{"id": "view-state", "property": "data", "value": {}}],
        "changedPropIds": ["view-state.data"],
    }
    yield "/", client.get("/"), False
    for name in NAMES:
        yield f"/embed/{name}", client.get(f"/embed/{name}?lang=zh"), True
    yield "/embed/", client.get("/embed/"), True
    yield "/embed/drawdownz", client.get("/embed/drawdownz"), True
    yield "/present/", client.get("/present/?slide=2"), False
    yield "/present", client.get("/present"), False
    yield "/?mode=present", client.get("/?mode=present"), False
    for prefix in ("/", "/embed/", "/present/"):
        yield prefix + "_dash-layout", client.get(prefix + "_dash-layout"), prefix == "/embed/"
        yield prefix + "_dash-dependencies", client.get(prefix + "_dash-dependencies"), prefix == "/embed/"
    yield "callback", client.post("/_dash-update-component", json=window_options), False
    yield "bad callback", client.post("/embed/_dash-update-component", json=[]), True
    yield "asset", client.get("/assets/style.css"), False
    yield "embed asset", client.get("/embed/assets/embed.js"), True
    yield "host script", client.get("/assets/host/crashboard-embed.js"), False
    yield "component suite", client.get(_component_suite(client)), False
    yield "missing asset", client.get("/assets/nope.css"), False


def test_sh001_every_route_carries_every_header(client):
    kinds = {}
    for name, r, framable in _responses(client):
        kinds[name] = r.status_code
        csp = directives(r)
        assert csp["default-src"] == ["'self'"], name
        assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"], name
        assert csp["form-action"] == ["'none'"] and csp["connect-src"] == ["'self'"], name
        assert csp["script-src"][0] == "'self'", name
        assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", s) for s in csp["script-src"][1:]), name
        assert csp["frame-ancestors"] == (["'self'", WIKI] if framable else ["'self'"]), name
        assert r.headers["X-Content-Type-Options"] == "nosniff", name
        assert r.headers["Referrer-Policy"] == "no-referrer", name
        assert r.headers.get("X-Frame-Options") == (None if framable else "SAMEORIGIN"), name
    # the routes really are what they say: pages, a typo, redirects, a callback and its refusal, files
    assert kinds["/embed/drawdownz"] == 404 and kinds["missing asset"] == 404 and kinds["bad callback"] == 400
    assert kinds["/present"] == 308 and kinds["/?mode=present"] == 302
    assert all(kinds[k] == 200 for k in ("/", "/present/", "callback", "asset", "component suite", "host script"))


def test_sh002_no_eval_and_nothing_inline_but_dash_scripts(client):
    for page in PAGES:
        policy = client.get(page).headers["Content-Security-Policy"]
        assert "unsafe-eval" not in policy and "wasm-unsafe-eval" not in policy, page
        assert "'unsafe-inline'" not in " ".join(directives(client.get(page))["script-src"]), page


@pytest.mark.parametrize("page", PAGES)
def test_sh003_script_hashes_match_the_inline_scripts_of_the_page(client, page):
    r = client.get(page)
    inline = inline_hashes(r.get_data(as_text=True))
    assert inline, "Dash starts its renderer from an inline script"
    assert inline <= set(directives(r)["script-src"][1:])


def test_sh004_an_inline_clientside_callback_added_before_serving_is_allowed(data_copy):
    dashboard = app.create_app(data_copy)
    dashboard.clientside_callback(
        "function (theme) { return 'Crashboard · ' + theme; }", Output(ids.PAGE, "title"), Input(ids.THEME, "value")
    )
    r = dashboard.server.test_client().get("/")
    inline = inline_hashes(r.get_data(as_text=True))
    assert len(inline) == 2  # the renderer's start-up line and the callback
    assert inline <= set(directives(r)["script-src"])


def test_sh005_style_is_inline_but_nothing_else_is_loosened(client):
    csp = directives(client.get("/"))
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]  # plotly.js and dcc insert <style> elements
    assert csp["img-src"] == ["'self'", "blob:"]  # the modebar's PNG download
    loose = {"*", "data:", "http:", "https:", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'"}
    for name, sources in csp.items():
        assert not loose & set(sources), (name, sources)
