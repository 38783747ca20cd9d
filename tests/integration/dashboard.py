"""Helpers for the dashboard's browser tests: read chart state from the page, wait for redraws."""

from __future__ import annotations

import json
import time

SIGNATURE_JS = """
var out = {};
document.querySelectorAll('.panel .js-plotly-plot').forEach(function (gd) {
  var panel = gd.closest('.panel').id.replace('panel-', '');
  out[panel] = JSON.stringify((gd.data || []).map(function (t) {
    return [t.type, t.x, t.y, t.base, t.marker && t.marker.opacity, t.customdata];
  })) + JSON.stringify(((gd.layout || {}).annotations || []).map(function (a) { return a.text; }));
});
return out;
"""


def signatures(dash_duo) -> dict[str, str]:
    """A string per chart that changes whenever what it draws changes."""
    return dash_duo.driver.execute_script(SIGNATURE_JS)


def open_names(dash_duo) -> list[str]:
    """The charts on the open tab (charts of a hidden tab are drawn when it opens; an empty chart's card folds)."""
    return dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('.chart-grid:not([hidden]) .panel:not(.is-empty)'))"
        ".map(p => p.id.slice(6))"
    )


def wait_for_charts(dash_duo, timeout: float = 30, names=None) -> dict[str, str]:
    """Wait until every chart of the open tab (or of `names`) has been drawn by its callback."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        sig = signatures(dash_duo)
        wanted = names or open_names(dash_duo)
        if wanted and all(sig.get(n, "[][]") != "[][]" for n in wanted):
            return sig
        time.sleep(0.25)
    raise AssertionError(f"charts not drawn: {signatures(dash_duo)}")


def wait_for_change(dash_duo, before: dict[str, str], names, timeout: float = 20) -> dict[str, str]:
    deadline = time.time() + timeout
    while time.time() < deadline:
        sig = signatures(dash_duo)
        if all(sig.get(n) != before.get(n) for n in names):
            return sig
        time.sleep(0.25)
    sig = signatures(dash_duo)
    raise AssertionError(f"unchanged: {[n for n in names if sig.get(n) == before.get(n)]}")


def figure(dash_duo, name: str) -> dict:
    """The data and layout of one chart, as Plotly holds them in the page."""
    return json.loads(
        dash_duo.driver.execute_script(
            "var gd = document.querySelector('#panel-' + arguments[0] + ' .js-plotly-plot');"
            "return JSON.stringify({data: gd.data, layout: gd.layout});",
            name,
        )
    )


def point_of(fig: dict, entity: str) -> tuple[int, int]:
    """(bar trace, point) index of the first bar whose customdata names `entity`: the trace index counts bar
    traces only, as the page's `.trace.bars` groups do (a chart may draw marks of other types beside its bars)."""
    bars = [trace for trace in fig["data"] if trace.get("type") == "bar"]
    for t, trace in enumerate(bars):
        for p, custom in enumerate(trace.get("customdata") or []):
            if custom and custom[0] == entity:
                return t, p
    raise AssertionError(f"no bar for {entity}")


def wait_until(predicate, timeout: float = 20.0):
    """The first truthy value of `predicate()`, polled until `timeout` seconds have passed."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if value := predicate():
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s")
