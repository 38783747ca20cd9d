"""Hostile text in every data file, in headless Chromium: a script tag, an <img onerror>, javascript: links in HTML
and markdown, bold markup and an entity before every label, title, note, quote, name and slide of a copy of the
data. The dashboard (both tabs, the selection, conflicts, sources and data-report panels, a data table, a hover),
an embed and a presenter slide show all of it as the literal text it is: no element is injected, no handler or
javascript: link exists, the global the payload would set stays undefined, and the console stays empty."""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains

import app
from charts.registry import CHARTS, NAMES
from data import DEFAULT_DIR, load_dataset

from ..unit.hostile import HOSTILE_TEXT, hostile_data
from .dashboard import wait_for_charts, wait_until
from .test_csp_browser import violations, watch_violations

pytestmark = pytest.mark.browser

INJECTED = """
var out = {handlers: [], jsLinks: [], scripts: 0, images: document.images.length, pwned: typeof window.__pwned};
document.querySelectorAll('*').forEach(function (el) {
  Array.from(el.attributes).forEach(function (a) {
    if (/^on/i.test(a.name)) out.handlers.push(el.tagName + ' ' + a.name);
    if (/href$/i.test(a.name) && /^\\s*javascript:/i.test(a.value)) out.jsLinks.push(el.tagName + ' ' + a.value);
  });
});
out.scripts = Array.from(document.scripts).filter(function (s) { return /pwned/.test(s.textContent); }).length;
return out;
"""
TEXTS = "return Array.from(document.querySelectorAll(arguments[0])).map(function (e) { return e.textContent; })"
HOVER = """
var gd = document.querySelector(arguments[0] + ' .js-plotly-plot');
Plotly.Fx.hover(gd, [{curveNumber: 0, pointNumber: 0}]);
"""
TABLE = "#tools-table"  # the tools panel, open on the drawdowns chart's table (data=drawdowns)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)  # a hover wraps long lines at spaces


def shown(dash_duo, selector: str) -> int:
    """How many times the whole hostile text is on the page, as text, under the elements `selector` matches."""
    return sum(_squeeze(t).count(_squeeze(HOSTILE_TEXT)) for t in dash_duo.driver.execute_script(TEXTS, selector))


def assert_inert(dash_duo) -> None:
    assert dash_duo.driver.execute_script(INJECTED) == {
        "handlers": [],
        "jsLinks": [],
        "scripts": 0,
        "images": 0,
        "pwned": "undefined",
    }
    assert violations(dash_duo) == []  # and nothing was even refused by the CSP: nothing tried to run


def hover_shows_it(dash_duo, root: str) -> int:
    dash_duo.driver.execute_script(HOVER, root)
    return wait_until(lambda: shown(dash_duo, root + " .hoverlayer"))


@pytest.fixture
def hostile(dash_duo, tmp_path):
    data = hostile_data(DEFAULT_DIR, tmp_path / "data")
    dataset = load_dataset(data)
    assert dataset.rejected == [] and len(dataset.stories) >= 2  # every poisoned file is served
    watch_violations(dash_duo)
    dash_duo.start_server(app.create_app(data))
    return dash_duo


def test_hb001_the_dashboard_shows_hostile_text_as_text(hostile):
    hostile.driver.get(hostile.server_url + "/?episode=feb-2026-crash&asset=btc&data=drawdowns")
    wait_for_charts(hostile)
    # the report is built when it is opened (the tools panel, open on data=drawdowns, covers its summary)
    hostile.driver.execute_script("document.getElementById('data-report-summary').click()")
    wait_until(lambda: shown(hostile, TABLE) and shown(hostile, "#conflicts") and shown(hostile, "#detail"))
    for where in (
        "#episode",
        "#classes",
        "#selected-label",
        "#detail",
        "#conflicts",
        "#sources",
        "#episodes",
        TABLE,
        "#summary-drawdowns",
        "#panel-drawdowns .main-svg text",
        "#panel-flows .main-svg text",
        "#panel-path .main-svg text",
    ):
        assert shown(hostile, where), where
    assert hover_shows_it(hostile, "#panel-drawdowns")  # a quote and its source title, in the hover
    assert_inert(hostile)
    hostile.find_element("#tab input[value='context']").click()
    wait_for_charts(hostile, names=[n for n in NAMES if CHARTS[n].tab == "context"])
    for where in (
        "#summary-scenarios",
        "#panel-scenarios .main-svg text",
        "#panel-forecasts .main-svg text",
        "#conflicts",
    ):
        assert wait_until(lambda where=where: shown(hostile, where)), where
    assert hover_shows_it(hostile, "#panel-forecasts")
    assert_inert(hostile)
    assert hostile.get_logs() == []


def test_hb002_an_embed_and_a_presenter_slide_show_it_as_text(hostile):
    hostile.driver.get(hostile.server_url + "/embed/flows?episode=feb-2026-crash")
    assert wait_until(lambda: shown(hostile, "#embed .main-svg text"))
    assert shown(hostile, "#embed-credit") and shown(hostile, "#embed-summary")
    assert hover_shows_it(hostile, "#embed")
    assert_inert(hostile)
    hostile.driver.get(hostile.server_url + "/present/?story=feb-2026-crash-story&slide=2")
    wait_until(lambda: shown(hostile, "#present .main-svg text"))
    ActionChains(hostile.driver).send_keys("n").perform()  # the speaker notes
    wait_until(lambda: hostile.find_element("#present-notes").is_displayed())
    for where in (
        "#present-story",
        "#present-title",
        "#present-notes",
        "#present-credit",
        "#present-classes",
        "#present-summary",
    ):
        assert shown(hostile, where), where
    assert_inert(hostile)
    assert hostile.get_logs() == []
