"""The strict Content-Security-Policy in headless Chromium: the dashboard (both tabs), every chart embed and every
presenter slide draw all their charts with no violation, and the policy really is enforced (an injected inline
script and a string passed to setTimeout are refused).

Violations are read twice: from the console (Chromium logs each as an error, so `get_logs()` must be empty) and
from a `securitypolicyviolation` listener that DevTools adds before any page script runs (it cannot be an inline
script, which the policy would refuse)."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

import app
from callbacks.context import AppData
from charts.registry import CHARTS, NAMES
from data import load_dataset

from .dashboard import wait_for_charts, wait_until

pytestmark = pytest.mark.browser

LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push([e.effectiveDirective, e.blockedURI, e.sourceFile, e.lineNumber].join(' '));
});
"""
DRAWN = """
var gd = document.querySelector(arguments[0] + ' .js-plotly-plot');
if (!gd || !gd._fullData || !gd._fullData.length || !gd.querySelector('.main-svg .trace')) return null;
return JSON.stringify([gd.data.map(function (t) { return [t.type, t.x, t.y]; }), gd.layout.title]);
"""
TO_IMAGE = """
var done = arguments[arguments.length - 1];
Plotly.toImage(document.querySelector(arguments[0] + ' .js-plotly-plot'), {format: 'png', width: 600, height: 400})
  .then(function (url) { done(url.slice(0, 40)); }, function (err) { done('failed: ' + err); });
"""
PLOTLY_STYLED = """
var rules = document.getElementById('plotly.js-style-global');
var bar = document.querySelector('.modebar');
return [rules && rules.sheet ? rules.sheet.cssRules.length : 0, bar && getComputedStyle(bar).position];
"""


def watch_violations(dash_duo) -> None:
    """Record every CSP violation of the pages opened from now on in `window.__csp`."""
    dash_duo.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTENER})


def violations(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script("return window.__csp")


def assert_no_violations(dash_duo) -> None:
    assert violations(dash_duo) == []
    assert dash_duo.get_logs() == []


def drawn(dash_duo, root: str) -> str:
    """A signature of the chart under `root`, once Plotly has drawn it."""
    return wait_until(lambda: dash_duo.driver.execute_script(DRAWN, root))


@pytest.fixture
def server(dash_duo):
    watch_violations(dash_duo)
    dash_duo.start_server(app.create_app())
    return dash_duo


def test_csp001_the_dashboard_draws_both_tabs_without_violations(server):
    server.driver.get(server.server_url + "/?episode=both")
    crash = wait_for_charts(server)
    assert set(crash) == {n for n in NAMES if CHARTS[n].tab == "crash"}  # a hidden tab is drawn when it opens
    server.find_element("#tab input[value='context']").click()
    context = wait_for_charts(server, names=[n for n in NAMES if CHARTS[n].tab == "context"])
    assert set(context) == set(NAMES)
    assert all(server.driver.execute_script(DRAWN, f"#panel-{name}") for name in NAMES)
    rules, modebar = server.driver.execute_script(PLOTLY_STYLED)
    assert rules > 10 and modebar == "absolute"  # plotly.js's own <style> rules apply
    assert_no_violations(server)
    # the policy is enforced, not just sent: neither an injected inline script nor a string of code runs
    server.driver.execute_script(
        "var s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
        "document.head.appendChild(s); setTimeout('window.__evaled = 1', 0);"
    )
    refused = wait_until(lambda: (lambda v: v if len(v) == 2 else None)(violations(server)))
    assert sorted(v.split()[:2] for v in refused) == [["script-src", "eval"], ["script-src-elem", "inline"]]
    assert server.driver.execute_script("return [window.__ran, window.__evaled]") == [None, None]
    assert len(server.get_logs()) == 2  # Chromium says so in the console too


def test_csp002_every_embed_draws_without_violations(server):
    for name in NAMES:
        server.driver.get(server.server_url + f"/embed/{name}?episode=both")
        assert drawn(server, "#embed"), name
        assert violations(server) == [], name
    server.driver.set_script_timeout(30)
    png = server.driver.execute_async_script(TO_IMAGE, "#embed")  # the modebar's download, through a blob: image
    assert png.startswith("data:image/png;base64,")
    assert_no_violations(server)


@pytest.fixture(scope="module")
def stories():
    return AppData.of(load_dataset()).stories


def test_csp003_every_presenter_slide_draws_without_violations(server, stories):
    assert len(stories) >= 2
    for story in stories:
        server.driver.get(server.server_url + f"/present/?story={story.id}&slide=1")
        before = None
        for n in range(1, len(story.slides) + 1):
            if n > 1:
                ActionChains(server.driver).send_keys(Keys.ARROW_RIGHT).perform()
            server.wait_for_text_to_equal("#present-counter", f"{n} / {len(story.slides)}")
            now = wait_until(lambda old=before: (lambda s: s if s != old else None)(drawn(server, "#present")))
            assert json.loads(now)[0], f"{story.id} slide {n} drew no trace"
            before = now
        assert violations(server) == [], story.id
    assert_no_violations(server)
