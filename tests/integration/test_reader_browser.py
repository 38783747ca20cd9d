"""The reader's dashboard in headless Chromium, at laptop and phone sizes: the first chart above the fold, no
sideways scrolling, find by name, flows drawn once, a page wholly in Chinese, a filter that changes every chart and
a chart that did not change left alone. Each test ends with an empty browser console."""

from __future__ import annotations

import re

import pytest

import app
from charts.registry import on_tab

from .dashboard import figure, wait_for_change, wait_for_charts, wait_until

pytestmark = pytest.mark.browser

LAPTOP, PHONE = (1440, 900), (390, 844)


@pytest.fixture
def dashboard(dash_duo):
    dash_duo.start_server(app.create_app())
    return dash_duo


def _size(dash_duo, width: int, height: int) -> None:
    """The viewport, as a device of that size has it (headless Chromium's windows are at least 500 px wide)."""
    mobile = width < 600
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


def _open(dash_duo, query: str = "", size=LAPTOP) -> dict[str, str]:
    _size(dash_duo, *size)
    dash_duo.driver.get(dash_duo.server_url + "/" + query)
    return wait_for_charts(dash_duo)


def _js(dash_duo, script: str, *args):
    return dash_duo.driver.execute_script(script, *args)


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_rd001_the_first_chart_is_above_the_fold(dashboard, size):
    _open(dashboard, "?episode=feb-2026-crash", size)
    top, inner = _js(
        dashboard,
        "var r = document.querySelector('#chart-drawdowns').getBoundingClientRect(); return [r.top, innerHeight];",
    )
    assert 0 < top < inner - 100, (top, inner)  # the chart itself starts on the first screen, with room to see it
    headline = dashboard.find_element("#story h2, #story .headline").text
    assert "6 Feb 2026" in headline
    assert dashboard.get_logs() == []


@pytest.mark.parametrize("query", ["?episode=feb-2026-crash", "?episode=both", "?episode=jan-2026-sell-america"])
def test_rd002_no_sideways_scrolling_at_360_px(dashboard, query):
    _open(dashboard, query, (360, 740))
    assert _js(dashboard, "return document.documentElement.scrollWidth") <= 360
    wide = _js(
        dashboard,
        "return Array.from(document.querySelectorAll('.card')).filter(function (c) {"
        "  return c.getBoundingClientRect().right > innerWidth + 0.5; }).map(function (c) { return c.id; });",
    )
    assert wide == []
    widths = _js(  # every chart drawn on screen fits it
        dashboard,
        "return Array.from(document.querySelectorAll('.chart-slot.js-plotly-plot'))"
        ".filter(function (gd) { return gd.offsetParent !== null; })"
        ".map(function (gd) { return [gd.id, gd._fullLayout.width]; });",
    )
    assert widths and all(w <= 360 for _, w in widths), widths
    assert dashboard.get_logs() == []


def test_rd003_search_finds_mstr_and_switches_episode(dashboard):
    _open(dashboard, "?episode=feb-2026-crash")
    dashboard.find_element("#search").click()  # the box opens on its search field
    dashboard.find_element("input.dash-dropdown-search").send_keys("MSTR")

    def strategy():
        found = dashboard.driver.find_elements("css selector", "[role='option']")
        return [o for o in found if "Strategy" in o.text and o.is_displayed()]

    option = wait_until(strategy)
    assert "(MSTR)" in option[0].text  # found by its ticker, listed by its name
    option[0].click()
    note = wait_until(lambda: dashboard.find_element("#search-note").text)
    assert "20–21 Jan 2026" in note  # only in the other episode, named
    dashboard.find_element("#search-switch").click()
    wait_until(lambda: "episode=jan-2026-sell-america" in _js(dashboard, "return location.search"))
    wait_until(lambda: dashboard.find_element("#selected-label").text.startswith("Strategy"))
    drawn = wait_until(
        lambda: any(
            c and c[0] == "mstr" for t in figure(dashboard, "drawdowns")["data"] for c in t.get("customdata") or []
        )
    )
    assert drawn
    assert dashboard.get_logs() == []


def test_rd004_the_flows_chart_draws_each_flow_once(dashboard):
    _open(dashboard, "?episode=feb-2026-crash")
    ids = [c[2] for t in figure(dashboard, "flows")["data"] if t["type"] == "bar" for c in t.get("customdata") or []]
    assert ids and len(ids) == len(set(ids))
    assert dashboard.get_logs() == []


# words that are names in the data, or the product's own: allowed in the Chinese page
NAMES_OK = {"Crashboard", "English", "ETF", "ETFs", "BTC", "VIX", "WTI", "OKX", "Bybit", "Binance", "CoinGlass", "DeFi"}
NAMES_OK |= {"UTC"}  # the liquidations' hours are UTC hours, as the source gives them


def test_rd005_the_chinese_page_has_no_english_words_outside_data_names(dashboard):
    _open(dashboard, "?episode=feb-2026-crash&lang=zh")
    assert _js(dashboard, "return document.documentElement.lang") == "zh-Hans"
    text = _js(
        dashboard,
        "var parts = [];"
        "document.querySelectorAll('.masthead, .lede, .tab-row, .card-head, .summary, .chart-slot .xtick, "
        ".chart-slot .legendtext, .chart-slot .g-xtitle').forEach(function (e) { parts.push(e.textContent); });"
        "return parts.join(' ');",
    )
    english = {w for w in re.findall(r"[A-Za-z]{3,}", text)} - NAMES_OK
    # sources are named by their file numbers; tickers and outlets are names; nothing else is English
    assert not english - {"Warsh", "Kevin", "CME", "AMD", "Nvidia", "Strategy"}, sorted(english)
    assert dashboard.get_logs() == []


def test_rd006_on_a_phone_a_tapped_filter_changes_every_chart(dashboard):
    """(db002 checks the same on a laptop, from the keyboard.)"""
    before = _open(dashboard, "?episode=both", PHONE)
    dashboard.find_element(".classes-menu > summary").click()
    dashboard.find_element("#classes input[value='energy']").click()
    wait_for_change(dashboard, before, [c.name for c in on_tab("crash")])
    assert "classes=energy" in _js(dashboard, "return location.search")
    assert dashboard.get_logs() == []


def test_rd007_a_chart_that_did_not_change_is_not_redrawn(dashboard):
    _open(dashboard, "?episode=feb-2026-crash")
    _js(
        dashboard,
        "window.__plots = {};"
        "document.querySelectorAll('.chart-slot.js-plotly-plot').forEach(function (gd) {"
        "  var name = gd.id.slice(6); window.__plots[name] = 0;"
        "  gd.on('plotly_afterplot', function () { window.__plots[name] += 1; }); });",
    )
    _js(dashboard, "arguments[0].click()", dashboard.find_element("#window input[value='from_peak']"))
    wait_until(lambda: _js(dashboard, "return window.__plots.drawdowns") > 0)
    plots = _js(dashboard, "return window.__plots")
    # the window is the drawdowns chart's alone: every other chart keeps its drawing
    assert plots["drawdowns"] > 0 and all(n == 0 for name, n in plots.items() if name != "drawdowns"), plots
    assert dashboard.get_logs() == []
