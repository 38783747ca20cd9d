"""The linked dashboard in headless Chromium: drawing, filtering, cross-filtering, shared URLs, language,
the data view and both themes. Each test ends with an empty browser console."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

import app
from charts.registry import CHARTS, NAMES
from core.state import State
from data import DEFAULT_DIR, load_dataset

from .dashboard import figure, point_of, wait_for_change, wait_for_charts, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture
def dashboard(dash_duo):
    dash_duo.start_server(app.create_app())
    return dash_duo


def _open(dash_duo, query: str = ""):
    dash_duo.driver.get(dash_duo.server_url + "/" + query)
    return wait_for_charts(dash_duo)


def _query(dash_duo) -> str:
    return dash_duo.driver.execute_script("return window.location.search")


def _open_context(dash_duo) -> dict[str, str]:
    dash_duo.find_element("#tab input[value='context']").click()
    dash_duo.wait_for_style_to_equal("#tab-context", "display", "grid")
    return wait_for_charts(dash_duo)


def test_db001_every_chart_renders_without_console_errors(dashboard):
    _open(dashboard)
    sig = _open_context(dashboard)
    assert set(sig) == set(NAMES)
    for name in NAMES:
        summary = dashboard.find_element(f"#summary-{name}").get_attribute("textContent")
        assert summary, f"{name} has no text alternative"
    drawdowns = figure(dashboard, "drawdowns")
    assert sum(len(t["x"]) for t in drawdowns["data"] if t["type"] == "bar") > 10
    assert dashboard.get_logs() == []


def test_db002_class_filter_changes_every_chart(dashboard):
    before = _open(dashboard, "?episode=both&tab=crash")
    dashboard.find_element(".classes-menu > summary").click()  # the menu opens from the control bar
    energy = dashboard.find_element("#classes input[value='energy']")
    dashboard.driver.execute_script("arguments[0].focus()", energy)
    dashboard.driver.switch_to.active_element.send_keys(Keys.SPACE)  # the filters work from the keyboard
    crash = [p.name for p in CHARTS.values() if p.tab == "crash"]
    wait_for_change(dashboard, before, crash)
    assert "classes=energy" in _query(dashboard)
    classes = {c[1] for t in figure(dashboard, "drawdowns")["data"] for c in t.get("customdata") or []}
    assert classes <= {"energy"}
    context = _open_context(dashboard)
    assert all(context[p.name] != before.get(p.name) for p in CHARTS.values() if p.tab == "context")
    assert dashboard.get_logs() == []


def test_db003_clicking_a_bar_cross_filters_the_other_charts(dashboard):
    _open(dashboard, "?episode=feb-2026-crash")
    t, p = point_of(figure(dashboard, "drawdowns"), "btc")
    bar = dashboard.driver.find_elements("css selector", "#panel-drawdowns .trace.bars")[t].find_elements(
        "css selector", ".point path"
    )[p]
    ActionChains(dashboard.driver).move_to_element(bar).click().perform()
    dashboard.wait_for_text_to_equal("#selected-label", "Bitcoin", timeout=10)
    assert "asset=btc" in _query(dashboard)
    deadline = time.time() + 10
    while time.time() < deadline:  # liquidations has no BTC bar: its crypto class stays lit, nothing else
        flows = figure(dashboard, "flows")
        lit = {
            c[1]: o
            for tr in flows["data"]
            for c, o in zip(
                tr.get("customdata") or [],
                (tr.get("marker") or {}).get("opacity")
                if isinstance((tr.get("marker") or {}).get("opacity"), list)
                else [],
                strict=True,
            )
        }
        if lit and lit.get("crypto") == 1 and min(lit.values()) < 1:
            break
        time.sleep(0.25)
    else:
        raise AssertionError(f"flows not highlighted: {lit}")
    path = figure(dashboard, "path")
    assert any(c and c[0] == "btc" for tr in path["data"] for c in tr.get("customdata") or [])
    dashboard.find_element("#clear-selection").click()
    dashboard.wait_for_text_to_equal("#selected-label", "Click a bar or point to select it everywhere.")
    assert "asset=" not in _query(dashboard)
    assert dashboard.get_logs() == []


def test_db004_a_shared_url_reproduces_the_view(dashboard):
    query = "?episode=jan-2026-sell-america&classes=equity_index,crypto&asset=djia&data=drawdowns&theme=dark"
    _open(dashboard, query.replace("classes=equity_index,crypto", "classes=crypto,equity_index") + "&window=day")
    assert _query(dashboard) == query  # the same view, in canonical form
    assert dashboard.find_element("#episode input[value='jan-2026-sell-america']").is_selected()
    assert dashboard.find_element("#classes input[value='crypto']").is_selected()
    assert not dashboard.find_element("#classes input[value='energy']").is_selected()
    dashboard.wait_for_text_to_equal("#selected-label", "Dow Jones Industrial Average")
    fig = figure(dashboard, "drawdowns")
    assert {c[1] for t in fig["data"] for c in t["customdata"]} <= {"crypto", "equity_index"}
    assert "Dow Jones Industrial Average · 000" in [y for t in fig["data"] for y in t["y"]]
    assert dashboard.find_element("#page").get_attribute("class") == "theme-dark"
    dashboard.wait_for_element("#tools .data-table")  # data=drawdowns: the tools panel is open on its table
    assert dashboard.find_element("#tools-title").text == "Drawdowns"
    assert dashboard.get_logs() == []


def test_db005_chinese(dashboard):
    _open(dashboard, "?lang=zh")
    dashboard.wait_for_text_to_equal("#panel-drawdowns h2", "跌幅")
    labels = [y for t in figure(dashboard, "drawdowns")["data"] for y in t.get("y") or []]
    assert any("比特币" in y for y in labels)
    assert "2026年2月6日" in dashboard.find_element("#episode").text
    assert dashboard.find_element("#page").get_attribute("lang") == "zh-Hans"
    assert dashboard.driver.execute_script("return document.documentElement.lang") == "zh-Hans"
    assert dashboard.get_logs() == []


def test_db006_the_tools_panel_shows_a_charts_table(dashboard):
    _open(dashboard, "?episode=feb-2026-crash")
    assert not dashboard.find_element("#tools").is_displayed()
    dashboard.find_element("#panel-flows .tools-open").click()
    dashboard.wait_for_element("#tools .data-table")
    rows = dashboard.driver.find_elements("css selector", "#tools .data-table tbody tr")
    flows = CHARTS["flows"].rows(load_dataset(DEFAULT_DIR).frames, State(episode="feb-2026-crash"))
    assert len(rows) == len(flows)
    assert wait_until(lambda: "data=flows" in _query(dashboard))
    assert "/embed/flows" in dashboard.find_element("#share-iframe").get_attribute("value")
    dashboard.find_element("#tools-close").click()
    assert wait_until(lambda: not dashboard.find_element("#tools").is_displayed())
    assert wait_until(lambda: "data=flows" not in _query(dashboard))
    # the table follows the view: the filter, then the panel opened again
    crypto = CHARTS["flows"].rows(
        load_dataset(DEFAULT_DIR).frames, State(episode="feb-2026-crash", classes=("crypto",))
    )
    assert 0 < len(crypto) < len(flows)
    dashboard.driver.execute_script("arguments[0].click()", dashboard.find_element("#classes input[value='crypto']"))
    dashboard.find_element("#panel-flows .tools-open").click()
    assert wait_until(
        lambda: len(dashboard.driver.find_elements("css selector", "#tools .data-table tbody tr")) == len(crypto)
    )
    assert dashboard.get_logs() == []


@pytest.mark.parametrize("theme, paper", [("light", "#ffffff"), ("dark", "#16181c")])
def test_db007_both_themes_render(dashboard, theme, paper):
    _open(dashboard, f"?theme={theme}")
    _open_context(dashboard)
    for name in NAMES:
        assert figure(dashboard, name)["layout"]["paper_bgcolor"] == paper
    background = dashboard.driver.execute_script(
        "return getComputedStyle(document.getElementById('page')).backgroundColor"
    )
    assert background == ("rgb(255, 255, 255)" if theme == "light" else "rgb(22, 24, 28)")
    assert dashboard.get_logs() == []


def test_db008_hovering_an_event_marks_its_date_on_the_dated_charts(dashboard):
    _open(dashboard, "?episode=feb-2026-crash")
    points = dashboard.driver.find_elements("css selector", "#panel-timeline .scatterlayer .point")
    shapes = (
        "return (document.querySelector('#panel-path .js-plotly-plot').layout.shapes || [])"
        ".filter(function (s) { return s.name === 'hover-sync'; }).map(function (s) { return s.x0; })"
    )
    for point in points:  # the first event point the pointer can reach
        if not point.size["width"]:
            continue
        ActionChains(dashboard.driver).move_to_element(point).perform()
        deadline = time.time() + 3
        while time.time() < deadline and not dashboard.driver.execute_script(shapes):
            time.sleep(0.1)
        if dashboard.driver.execute_script(shapes):
            break
    marked = dashboard.driver.execute_script(shapes)
    assert marked, "no hover line on the path chart"
    assert str(marked[0]).startswith("2026-") or str(marked[0]).startswith("2025-")
    assert dashboard.get_logs() == []


def _until(check, timeout: float = 10) -> bool:
    deadline = time.time() + timeout
    while not check() and time.time() < deadline:
        time.sleep(0.1)
    return check()


def test_db009_back_and_forward_restore_the_view(dashboard):
    _open(dashboard, "?episode=feb-2026-crash")
    dashboard.find_element(".classes-menu > summary").click()
    dashboard.find_element("#classes input[value='crypto']").click()
    assert _until(lambda: _query(dashboard) == "?classes=crypto")
    dashboard.driver.execute_script("arguments[0].click()", dashboard.find_element("#episode input[value='both']"))
    assert _until(lambda: _query(dashboard) == "?episode=both&classes=crypto")
    dashboard.driver.back()
    assert _until(lambda: dashboard.find_element("#episode input[value='feb-2026-crash']").is_selected())
    assert _query(dashboard) == "?classes=crypto"
    assert dashboard.find_element("#classes input[value='crypto']").is_selected()
    dashboard.driver.forward()
    assert _until(lambda: dashboard.find_element("#episode input[value='both']").is_selected())
    assert dashboard.get_logs() == []
