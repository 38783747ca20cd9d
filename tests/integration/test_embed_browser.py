"""Chart embeds in headless Chromium: framed by a page of another origin, refused by one not allowed, and the
Share / Embed box's snippet showing the same view."""

from __future__ import annotations

import time

import pytest
import requests

import app
from core.state import parse

from .dashboard import wait_for_charts, wait_until
from .wiki_page import wiki

pytestmark = pytest.mark.browser
ALLOWED, OTHER = 8051, 8052  # the dashboard runs on 8050
EMBED = "/embed/drawdowns?episode=feb-2026-crash&classes=crypto,precious_metal&asset=btc"


@pytest.fixture
def server(dash_duo):
    dash_duo.start_server(app.create_app(frame_ancestors=f"http://localhost:{ALLOWED}"))
    return dash_duo


def _heights(dash_duo) -> list[dict]:
    return dash_duo.driver.execute_script("return window.crashboardHeights || []")


def test_emb001_a_wiki_on_another_origin_frames_a_chart_and_sizes_it(server, tmp_path):
    base = server.server_url
    with wiki(tmp_path, ALLOWED, base + EMBED, base + "/assets/host/crashboard-embed.js") as page:
        server.driver.get(page)
        heights = wait_until(lambda: _heights(server))
        assert {h["origin"] for h in heights} == {base}
        frame = server.find_element("#chart")
        server.driver.switch_to.frame(frame)
        try:
            server.wait_for_element(".js-plotly-plot .main-svg")
            bars = wait_until(
                lambda: server.driver.execute_script(
                    "var gd = document.querySelector('.js-plotly-plot');"
                    "return gd && gd.data && gd.data.length ? gd.data.map(t => t.customdata.map(c => c[1])) : null;"
                )
            )
            assert {c for trace in bars for c in trace} == {"crypto", "precious_metal"}  # the view's classes
            hovers = server.driver.execute_script(
                "return [].concat.apply([], document.querySelector('.js-plotly-plot').data"
                ".filter(t => t.type === 'bar').map(t => t.hovertext));"
            )
            assert hovers and all("Source: 002 · " in h for h in hovers)  # provenance in every hover
            assert server.driver.execute_script("return document.cookie") == ""
            credit = server.find_element("#embed-credit").text
            back = server.find_element("#embed-back").get_attribute("href")
            root_height = server.driver.execute_script(
                "return Math.ceil(document.getElementById('embed').getBoundingClientRect().height)"
            )
        finally:
            server.driver.switch_to.default_content()
        assert credit.startswith("Source: ") and "002" in credit
        assert parse(back.split("?", 1)[1].split("#")[0], _choices()).asset == "btc"  # the link keeps the view
        # the host script gave the iframe the embed's own height (the last message)
        final = wait_until(lambda: (lambda h: h if h and h[-1]["height"] == root_height else None)(_heights(server)))
        assert frame.get_attribute("style").replace(" ", "").find(f"height:{final[-1]['height']}px") >= 0
        assert frame.size["height"] == root_height > 300
    assert server.get_logs() == []


def _choices():
    from callbacks.context import AppData
    from data import load_dataset

    return AppData.of(load_dataset()).choices


def test_emb002_an_origin_not_allowed_is_refused(server, tmp_path):
    base = server.server_url
    policy = requests.get(base + EMBED, timeout=10).headers["Content-Security-Policy"]
    assert f"; frame-ancestors 'self' http://localhost:{ALLOWED}" in policy  # the rest: test_security_headers
    assert f"localhost:{OTHER}" not in policy
    with wiki(tmp_path, OTHER, base + EMBED, base + "/assets/host/crashboard-embed.js") as page:
        server.driver.get(page)
        logs = wait_until(lambda: [e for e in server.get_logs() if "frame-ancestors" in e["message"]])
        assert "has been blocked" in logs[0]["message"]
        time.sleep(1.5)
        assert _heights(server) == []  # nothing of Crashboard ran in the frame
        server.driver.switch_to.frame(server.find_element("#chart"))
        try:
            assert server.driver.find_elements("css selector", "#embed") == []
        finally:
            server.driver.switch_to.default_content()


def test_emb003_the_dashboard_itself_is_not_framable_by_the_wiki(server, tmp_path):
    base = server.server_url
    with wiki(tmp_path, ALLOWED, base + "/", base + "/assets/host/crashboard-embed.js") as page:
        server.driver.get(page)
        logs = wait_until(lambda: [e for e in server.get_logs() if "frame-ancestors" in e["message"]])
        assert "'self'" in logs[0]["message"]


def test_emb004_the_share_snippet_shows_the_same_view(server):
    server.driver.get(
        server.server_url + "/?episode=jan-2026-sell-america&classes=crypto,equity_index&window=7d&lang=zh&theme=dark"
    )
    wait_for_charts(server)
    server.find_element("#panel-drawdowns .tools-open").click()  # the tools panel, with its share box
    box = "#share-iframe"
    snippet = wait_until(lambda: server.find_element(box).get_attribute("value"))
    src = snippet.split('src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert src.startswith(server.server_url + "/embed/drawdowns?")
    dashboard = server.driver.execute_script(
        "var gd = document.querySelector('#panel-drawdowns .js-plotly-plot'); return JSON.stringify(gd.data);"
    )
    server.driver.get(src)
    server.wait_for_element("#embed .js-plotly-plot .main-svg")
    embedded = wait_until(
        lambda: server.driver.execute_script(
            "var gd = document.querySelector('#embed .js-plotly-plot');"
            "return gd && gd.data && gd.data.length ? JSON.stringify(gd.data) : null;"
        )
    )
    assert embedded == dashboard  # the embed draws exactly what the dashboard drew
    assert server.find_element("#embed-title").text == "跌幅"
    assert "theme-dark" in server.find_element("#embed").get_attribute("class")
    assert server.get_logs() == []
