"""How responses travel: the lighter plotly.js bundle covers what the charts draw, responses are compressed,
fingerprinted files are cached for a year and nothing that carries data is."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import orjson
import pytest
from flask import request
from plotly.offline import get_plotlyjs_version

import app
from callbacks import render
from callbacks.cache import BODY, FILE, MIB, AnswerCache, Budget
from callbacks.context import AppData
from charts.registry import CHARTS
from core.state import BOTH, LANGS
from web import delivery

VENDOR = Path(__file__).resolve().parents[3] / "assets" / "vendor"


@pytest.fixture(scope="module")
def client():
    return app.create_app().server.test_client()


@pytest.fixture(scope="module")
def index(client) -> str:
    return client.get("/").get_data(as_text=True)


def _bundle() -> Path:
    (path,) = VENDOR.glob("plotly-basic-*.min.js")
    return path


def test_dl001_bundle_is_the_plotly_js_that_plotly_py_expects():
    head = _bundle().read_text(encoding="utf-8")[:200]
    assert f"plotly.js (basic - minified) v{get_plotlyjs_version()}" in head
    assert _bundle().name == f"plotly-basic-{get_plotlyjs_version()}.min.js"


def test_dl002_bundle_has_every_trace_type_the_charts_draw(dataset):
    """Every trace of every chart, in every episode and language, is of a type the basic bundle contains (its
    README lists them); a chart that adds another type must bring a bigger bundle."""
    listed = re.search(r"Contains trace modules (.+)\.", (VENDOR / "plotly-basic.README.md").read_text())
    bundled = set(re.findall(r"`(\w+)`", listed.group(1)))
    assert bundled == {"bar", "pie", "scatter"}
    data = AppData.of(dataset)
    used = set()
    for episode in data.choices.episodes + (BOTH,):
        for lang in LANGS:
            for panel in CHARTS.values():
                fig = orjson.loads(render.drawn_json(panel, data, {"episode": episode, "lang": lang})[0])
                used |= {trace.get("type", "scatter") for trace in fig["data"]}
    assert used and used <= bundled, used - bundled


def test_dl003_pages_load_the_bundle_and_not_the_full_plotly(index):
    scripts = re.findall(r'<script src="([^"]+)"', index)
    assert any("/assets/vendor/plotly-basic-" in s for s in scripts)
    assert not any("plotly.min.js" in s for s in scripts)


@pytest.mark.parametrize("encoding, decode", [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_dl004_responses_are_compressed_as_the_browser_accepts(client, index, encoding, decode):
    script = next(s for s in re.findall(r'<script src="([^"]+)"', index) if "plotly-basic" in s)
    for url in (script, "/_dash-layout"):
        plain = client.get(url, headers={"Accept-Encoding": "identity"})
        packed = client.get(url, headers={"Accept-Encoding": f"{encoding}, deflate"})
        assert "Content-Encoding" not in plain.headers
        assert packed.headers["Content-Encoding"] == encoding
        assert decode(packed.get_data()) == plain.get_data()
        assert len(packed.get_data()) < len(plain.get_data()) / 2


def test_dl005_fingerprinted_files_are_cached_for_a_year(client, index):
    urls = re.findall(r'(?:src|href)="(/(?:assets|_dash-component-suites)/[^"]+)"', index)
    assert len(urls) >= 5
    for url in urls:
        cache = client.get(url).headers["Cache-Control"]
        assert "max-age=31536000" in cache and "immutable" in cache and "no-cache" not in cache, url


@pytest.mark.parametrize("url", ["/", "/_dash-layout", "/_dash-dependencies", "/embed/drawdowns", "/assets/style.css"])
def test_dl006_what_carries_data_or_an_unversioned_url_is_not_long_cached(client, url):
    assert "max-age=31536000" not in client.get(url).headers.get("Cache-Control", "")


@pytest.mark.parametrize(
    "path, args, max_age, expected",
    [
        ("/_dash-component-suites/dash/x.v4_4_1m1.js", {}, delivery.YEAR, True),
        ("/_dash-component-suites/dash/x.js", {}, None, False),
        ("/assets/style.css", {"m": "1.5"}, None, True),
        ("/embed/assets/embed.js", {"m": "1.5"}, None, True),
        ("/assets/style.css", {}, None, False),
        ("/", {"m": "1"}, None, False),
    ],
)
def test_dl007_long_lived(path, args, max_age, expected):
    assert delivery.long_lived(path, args, max_age) is expected


def _key(server, method: str, path: str, body: bytes = b"") -> str:
    """body_key of a request as the server routes it."""
    with server.test_request_context(path, method=method, data=body, content_type="application/json"):
        return delivery.body_key(request)


def test_dl008_compressed_bodies_are_kept_for_files_and_callback_answers(client, index):
    server = client.application
    suite = next(s for s in re.findall(r'<script src="([^"]+)"', index) if "_dash-component-suites" in s)
    cb = "/_dash-update-component"
    requests = [
        ("GET", f"/assets/vendor/{_bundle().name}"),
        ("GET", suite.split("?")[0]),
        ("POST", cb, b'{"a":1}'),
        ("POST", cb, b'{"a":2}'),
        ("POST", "/embed" + cb, b'{"a":1}'),
        ("GET", "/_dash-layout"),
        ("GET", "/"),
    ]
    keys = [f"br;{_key(server, *r)}" for r in requests]
    assert len(set(keys[:5])) == 5  # a callback's key follows its path and its body
    assert _key(server, "POST", cb, b'{"a":1}') == _key(server, *requests[2])
    cache = delivery.BodyCache(AnswerCache())
    for i, key in enumerate(keys):
        cache.set(key, bytes([i]))
    assert [cache.get(k) for k in keys] == [bytes([i]) for i in range(5)] + [None, None]
    cache = delivery.BodyCache(AnswerCache({BODY: Budget(2, MIB)}))
    for key in keys[:5]:
        cache.set(key, b"x")
    assert [cache.get(k) for k in keys[:5]] == [b"x", b"x", None, b"x", b"x"]  # files stay; answers: the last 2


def test_dl009_a_repeated_callback_gets_the_same_compressed_answer(client):
    body = {
        "output": "present-link.href",
        "outputs": {"id": "present-link", "property": "href"},
        "inputs": [{"id": "view-state", "property": "data", "value": {"episode": "jan-2026-sell-america"}}],
        "changedPropIds": ["view-state.data"],
    }
    big = {
        "output": "..conflicts.children...sources.children..",
        "outputs": [{"id": "conflicts", "property": "children"}, {"id": "sources", "property": "children"}],
        "inputs": [
            {"id": "view-state", "property": "data", "value": {"episode": "feb-2026-crash"}},
            {"id": "tab", "property": "value", "value": "crash"},
        ],
        "changedPropIds": ["tab.value"],
    }
    for payload in (body, big):
        answers = [
            client.post("/_dash-update-component", json=payload, headers={"Accept-Encoding": "br"}) for _ in range(2)
        ]
        assert all(a.status_code == 200 for a in answers)
        assert answers[0].get_data() == answers[1].get_data()
    assert answers[0].headers["Content-Encoding"] == "br"
    assert orjson.loads(brotli.decompress(answers[0].get_data()))["response"]["sources"]["children"]


@pytest.fixture(scope="module")
def served():
    """A test client of a fresh app, and the one cache its callbacks and compressed bodies are kept in."""
    made = []
    with pytest.MonkeyPatch.context() as patch:
        real = AnswerCache.from_env
        patch.setattr(AnswerCache, "from_env", classmethod(lambda cls, *args: made.append(real(*args)) or made[-1]))
        dash_app = app.create_app()
    (cache,) = made
    return dash_app.server.test_client(), cache


def _scripts(client) -> list[str]:
    return re.findall(r'<script src="([^"?]+)', client.get("/").get_data(as_text=True))


def test_dl010_a_static_file_is_kept_once_whatever_fingerprint_its_url_carries(served):
    """Dash serves a bundle for any fingerprint string: 10,000 made-up ones add no entry."""
    client, cache = served
    url = next(u for u in _scripts(client) if "prop-types" in u)
    fingerprint = re.search(r"\.(v[\w-]+m[0-9a-f]+)\.", url).group(1)
    whole = client.get(url, headers={"Accept-Encoding": "identity"}).get_data()
    client.get(url, headers={"Accept-Encoding": "br"})
    files = cache.keys(FILE)
    for i in range(10_000):
        made_up = url.replace(fingerprint, f"v{i}_{i % 7}m{i * 7919:x}")
        answer = client.get(("/embed" if i % 2 else "") + made_up, headers={"Accept-Encoding": "br"})
        assert answer.status_code == 200
    assert brotli.decompress(answer.get_data()) == whole
    assert cache.keys(FILE) == files and sum("prop-types" in k for k in files) == 1


def test_dl011_an_asset_is_one_entry_under_every_page(served):
    client, cache = served
    before = len(cache.keys(FILE))
    for prefix in ("/", "/embed/", "/present/"):
        for stamp in ("1", "2"):
            answer = client.get(f"{prefix}assets/crashboard.js?m={stamp}", headers={"Accept-Encoding": "gzip"})
            assert answer.status_code == 200 and answer.headers["Content-Encoding"] == "gzip"
    assert len(cache.keys(FILE)) == before + 1
    assert [k for k in cache.keys(FILE) if k.endswith("crashboard.js")] == [
        f"gzip;file:{(VENDOR.parent / 'crashboard.js').resolve()}"
    ]


@pytest.mark.parametrize(
    "url, status",
    [
        ("/assets/no-such-file.js", 404),
        ("/elsewhere/assets/crashboard.js", 200),
        ("/_dash-component-suites/dash/no-such.v1m1.js", 404),  # a client error (web/guard.py), not a 500
    ],
)
def test_dl012_a_path_that_serves_no_known_file_is_not_kept(served, url, status):
    client, cache = served
    before = {kind: cache.keys(kind) for kind in (FILE, BODY)}
    assert client.get(url, headers={"Accept-Encoding": "br"}).status_code == status
    assert {kind: cache.keys(kind) for kind in (FILE, BODY)} == before
    assert _key(client.application, "GET", url) == ""


def test_dl013_part_of_a_file_is_not_kept_as_the_file(served):
    client, cache = served
    url = f"/assets/vendor/{_bundle().name}"
    part = client.get(url, headers={"Accept-Encoding": "br", "Range": "bytes=0-999"})
    assert part.status_code == 206 and cache.keys(FILE) == [k for k in cache.keys(FILE) if _bundle().name not in k]
    whole = client.get(url, headers={"Accept-Encoding": "br"})
    assert brotli.decompress(whole.get_data()) == _bundle().read_bytes()


def test_dl014_a_callback_says_whether_its_answer_was_kept(served):
    client, _ = served
    body = {
        "output": "window.options",
        "outputs": {"id": "window", "property": "options"},
        "inputs": [{"id": "view-state", "property": "data", "value": {"episode": "both", "lang": "zh"}}],
        "changedPropIds": ["view-state.data"],
    }
    first, again = (client.post("/_dash-update-component", json=body) for _ in range(2))
    assert (first.headers["X-Crashboard-Cache"], again.headers["X-Crashboard-Cache"]) == ("miss", "hit")
    assert "X-Crashboard-Cache" not in client.get("/").headers  # pages are not callback answers
