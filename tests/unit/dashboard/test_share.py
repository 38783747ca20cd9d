"""The Share / Embed links and the embed page's content, called directly."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import orjson
import pytest

from callbacks import embed, render
from callbacks import share as share_cb
from callbacks.context import AppData, view_of
from charts.registry import CHARTS, NAMES
from core.state import State, parse
from dashboard import share

HREF = "https://crash.example:8443/?episode=jan-2026-sell-america"


@pytest.fixture(scope="module")
def data(dataset) -> AppData:
    return AppData.of(dataset)


class _Attrs(HTMLParser):
    def handle_starttag(self, tag, attrs):
        self.tag, self.attrs = tag, dict(attrs)


def _iframe(snippet: str) -> dict:
    p = _Attrs()
    p.feed(snippet)
    assert p.tag == "iframe"
    return p.attrs


VIEWS = [
    "?episode=jan-2026-sell-america&classes=crypto,fx&asset=btc&window=7d&tab=context&data=flows&lang=zh&theme=dark",
    "",
    "?episode=both&classes=precious_metal",
    "?asset=<script>&episode=nope",
]


@pytest.mark.parametrize("search", VIEWS)
@pytest.mark.parametrize("name", ["drawdowns", "rates"])
def test_sh001_the_embed_snippet_reproduces_the_view(data, search, name):
    state = parse(search, data.choices)
    link_text, iframe, _ = share_cb.box(data, search, HREF, name)
    src = urlsplit(_iframe(iframe)["src"])
    assert (src.scheme, src.netloc, src.path) == ("https", "crash.example:8443", f"/embed/{name}")
    embedded = parse(src.query, data.choices)
    # the same view, less what only the dashboard has (its tab and open tables)
    assert embedded == state.with_(tab="crash", data=())
    link = urlsplit(link_text)
    assert parse(link.query, data.choices) == state.with_(tab=CHARTS[name].tab)
    assert link.fragment == f"panel-{name}"


def test_sh002_snippet_attributes(data):
    _, iframe, script = share_cb.box(data, "?lang=zh", HREF, "flows")
    attrs = _iframe(iframe)
    assert attrs["title"] == "Crashboard: ETF与资金流向"
    drawn = _drawn_height(data, "flows", "?lang=zh")
    assert drawn > 500 and attrs["height"] == str(drawn + share.EMBED_CHROME) and attrs["width"] == "100%"
    assert "data-crashboard-embed" in attrs and attrs["loading"] == "lazy"
    assert script == ('<script src="https://crash.example:8443/assets/host/crashboard-embed.js" async></script>')


def test_sh003_attributes_are_escaped():
    snippet = share.iframe('https://x.example/embed/a?b="><script>', 'T"<b>', 300)
    assert "<script>" not in snippet and "&quot;&gt;&lt;script&gt;" in snippet and "T&quot;&lt;b&gt;" in snippet


@pytest.mark.parametrize(
    "href, prefix, base",
    [
        ("http://localhost:8050/?x=1", "/", "http://localhost:8050/"),
        ("https://h.example/crash/?a", "/crash/", "https://h.example/crash/"),
        (None, "/", "/"),
        ("javascript:alert(1)", "/", "/"),
    ],
)
def test_sh004_base_url(href, prefix, base):
    assert share.base_url(href, prefix) == base


def _drawn_height(data, name: str, search: str) -> int:
    """The height the chart is drawn at in that view (its figure's layout height)."""
    state = parse(search, data.choices)
    return int(orjson.loads(render.drawn_json(CHARTS[name], data, view_of(state))[0])["layout"]["height"])


def test_sh005_every_chart_gets_a_box_as_tall_as_its_chart(data):
    for name in NAMES:
        iframe = _iframe(share_cb.box(data, "", HREF, name)[1])
        assert urlsplit(iframe["src"]).path == f"/embed/{name}"
        assert iframe["height"] == str(_drawn_height(data, name, "") + share.EMBED_CHROME), name
    assert share_cb.box(data, "", HREF, "no-such") == ("", "", "")


def test_em001_embed_view_draws_the_chart_of_its_path(data):
    out = embed.view(data, "/embed/liquidations", "?episode=feb-2026-crash&lang=zh&theme=dark")
    assert out["title"] == "加密货币爆仓，2月6日" and out["lang"] == "zh" and out["class"] == "embed theme-dark"
    assert out["figure"]["data"] and out["extra"]  # the chart and its headline tiles
    assert out["credit"].startswith("来源：") and "002" in out["credit"]
    back = urlsplit(out["back"])
    assert back.path == "/" and back.fragment == "panel-liquidations"
    assert parse(back.query, data.choices) == State(episode="feb-2026-crash", lang="zh", theme="dark")


def test_em002_embed_keeps_the_selection(data):
    out = embed.view(data, "/embed/drawdowns", "?episode=feb-2026-crash&asset=btc")
    assert out["selection"] == {"id": "btc", "class": "crypto"}
    assert "asset=btc" in out["back"]


@pytest.mark.parametrize("path", ["/embed/nope", "/embed/", None, "/embed/../../etc/passwd"])
def test_em003_unknown_chart_says_so(data, path):
    out = embed.view(data, path, "?lang=en")
    assert out["title"] == "No such chart." and out["selection"] is None and not out["figure"]["data"]


@pytest.mark.parametrize("search", ["?classes=%00%ff", "?" + "a=b&" * 3000, "?episode=both&window=ytd"])
def test_em004_junk_views_draw(data, search):
    out = embed.view(data, "/embed/timeline", search)
    assert out["title"] == "Event timeline" and out["figure"] is not None


def test_sh006_the_present_link_follows_the_episode():
    assert (
        share_cb.present_href({"episode": "jan-2026-sell-america", "lang": "zh", "theme": "light", "classes": ["fx"]})
        == "present/?episode=jan-2026-sell-america&lang=zh&theme=light"
    )
    assert share_cb.present_href(None) == "present/"
