"""Headless Chromium for the benchmark, as dash_duo drives it (selenium 4.2 + chromedriver), with Chrome's
performance log on so that every network event of a visit can be read back, and an in-page monitor that notes
the moment the page is settled.

"Settled" (the definition every browser figure uses): Dash has no callback requested, queued or running
(`window.store` callbacks state, as dash.testing reads it; a page without Dash, the static floor, has none), and
every visible chart (a `.dash-graph`, or a `.chart-slot` that assets/charts.js draws into, with a layout box, so
not a hidden tab's) holds a Plotly plot with data traces (or, for a chart with nothing to show, its annotated
empty figure). The monitor polls every 10 ms from the first script on the page; times are
`performance.now()`, in ms since navigation start."""

from __future__ import annotations

import json
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
)
POLL_MS = 10

MONITOR = """
(function () {
  var b = window.__bench = {since: null, clickAt: null, after: []};
  performance.setResourceTimingBufferSize(5000);
  function graphs() {
    return Array.prototype.filter.call(document.querySelectorAll('.dash-graph, .chart-slot'),
                                       function (g) { return g.offsetParent !== null; });
  }
  function idle() {
    if (!document.getElementById('react-entry-point')) { return true; }  // a page without Dash: the floor
    var s = window.store && window.store.getState && window.store.getState();
    if (!s || s.isLoading) { return false; }
    var c = s.callbacks || {};
    for (var k in c) {
      if (k !== 'stored' && k !== 'completed' && c[k] && c[k].length) { return false; }
    }
    return true;
  }
  function drawn(g) {
    var gd = g.classList.contains('js-plotly-plot') ? g : g.querySelector('.js-plotly-plot');
    if (!gd || g.className.indexOf('dash-graph--pending') >= 0) { return false; }
    return (gd._fullData && gd._fullData.length) || ((gd._fullLayout || {}).annotations || []).length;
  }
  b.graphs = graphs;
  b.callbacks = function (from) {  // the callback requests since `from`: how many, when the last one was answered
    var r = performance.getEntriesByType('resource').filter(function (e) {
      return e.name.indexOf('_dash-update-component') >= 0 && e.startTime >= from;
    });
    return {requests: r.length, last_answer: Math.max.apply(null, r.map(function (e) { return e.responseEnd; }))};
  };
  b.why = function () {  // what keeps the page from being settled, for error messages
    var s = window.store && window.store.getState && window.store.getState(), pending = {};
    for (var k in (s && s.callbacks) || {}) {
      if (k !== 'stored' && k !== 'completed' && s.callbacks[k] && s.callbacks[k].length) {
        pending[k] = s.callbacks[k].map(function (cb) { return cb.callback && cb.callback.output; });
      }
    }
    return {store: !!s, loading: !!(s && s.isLoading), pending: pending,
            undrawn: graphs().filter(function (g) { return !drawn(g); }).map(function (g) { return g.id; })};
  };
  b.settled = function () { var gs = graphs(); return gs.length > 0 && idle() && gs.every(drawn); };
  setInterval(function () {
    if (!b.settled()) { b.since = null; } else if (b.since === null) { b.since = performance.now(); }
  }, __POLL_MS__);
})();
""".replace("__POLL_MS__", str(POLL_MS))


def chrome() -> webdriver.Chrome:
    """A fresh browser (fresh profile, empty cache) with the network events logged and the monitor installed."""
    options = Options()
    for flag in FLAGS:
        options.add_argument(flag)
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
    driver = webdriver.Chrome(options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": MONITOR})
    return driver


def events(driver) -> list[dict]:
    """The Network.* events logged since the last call (reading the log empties it)."""
    out = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method", "").startswith("Network."):
            out.append(message)
    return out


def breakdown(driver, since: float, settled: float) -> dict:
    """Where the time up to `settled` went: when the last callback request since `since` was answered (the
    server round trips, up to then) and the rest, which is the browser's (rendering and drawing)."""
    cb = driver.execute_script("return window.__bench.callbacks(arguments[0])", since)
    last = cb["last_answer"] if cb["requests"] else since
    return {
        "callback_requests": cb["requests"],
        "last_callback_answered_ms": round(last - since, 1),
        "after_last_answer_ms": round(settled - last, 1),
    }


def wait_settled(driver, hold: float = 1.0, timeout: float = 60) -> float:
    """Wait until the page has been settled for `hold` seconds; return when it became so (ms since navigation)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        since = driver.execute_script("return window.__bench ? window.__bench.since : null")
        if since is not None and driver.execute_script("return performance.now()") - since >= hold * 1000:
            return since
        time.sleep(0.05)
    why = driver.execute_script("return window.__bench ? window.__bench.why() : 'no monitor'")
    errors = [e["message"][:300] for e in driver.get_log("browser") if e["level"] == "SEVERE"][:3]
    raise TimeoutError(f"page not settled within {timeout} s: {driver.current_url}: {why}; console: {errors}")
