"""How responses travel: the lighter plotly.js bundle covers what the charts draw, responses are compressed,
fingerprinted files are cached for a year and nothing that carries data is."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import orjson
import pytest
from plotly.offline import get_plotlyjs_version

import app
from callbacks import render
from callbacks.context import AppData
from components.panels import PANELS
from components.state import BOTH, LANGS
from web import delivery

VENDOR = Path(__file__).resolve().parents[2] / "assets" / "vendor"


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
            for panel in PANELS.values():
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


@pytest.mark.parametrize("url", ["/", "/_dash-layout", "/_dash-dependencies", "/embed/drawdowns",
                                 "/assets/style.css"])
def test_dl006_what_carries_data_or_an_unversioned_url_is_not_long_cached(client, url):
    assert "max-age=31536000" not in client.get(url).headers.get("Cache-Control", "")


@pytest.mark.parametrize("path, args, max_age, expected", [
    ("/_dash-component-suites/dash/x.v4_4_1m1.js", {}, delivery.YEAR, True),
    ("/_dash-component-suites/dash/x.js", {}, None, False),
    ("/assets/style.css", {"m": "1.5"}, None, True),
    ("/embed/assets/embed.js", {"m": "1.5"}, None, True),
    ("/assets/style.css", {}, None, False),
    ("/", {"m": "1"}, None, False),
])
def test_dl007_long_lived(path, args, max_age, expected):
    assert delivery.long_lived(path, args, max_age) is expected


def test_dl008_only_static_files_keep_their_compressed_body():
    cache = delivery.FileCache()

    class Req:
        def __init__(self, method, path):
            self.method, self.path = method, path

    keys = [f"br;{delivery.file_key(Req(m, p))}" for m, p in [
        ("GET", "/assets/vendor/plotly-basic-4.1.1.min.js"), ("GET", "/_dash-component-suites/dash/x.js"),
        ("POST", "/_dash-update-component"), ("GET", "/_dash-layout"), ("GET", "/")]]
    for key in keys:
        cache.set(key, b"body")
    assert [cache.get(k) for k in keys] == [b"body", b"body", None, None, None]
