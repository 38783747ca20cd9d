"""The browser figures, in headless Chromium (see browser.py for what "settled" means):

- first visit: every request of a fresh browser's visit to the dashboard until it settled; bytes on the wire
  (`Network.loadingFinished.encodedDataLength`: compressed body plus headers) and decoded body bytes (the sum of
  `Network.dataReceived.dataLength`), with the Accept-Encoding Chromium sent;
- draw, cold: navigation start to settled, in a fresh browser (fresh profile, empty cache);
- draw, warm: the same, for a second navigation to the same address in that browser (its cache filled);
- filter: from the click on an asset class in the class filter until every visible chart has finished its last
  redraw (Plotly's `plotly_afterplot`) and the page is settled again; the server round trips (the URL/view
  callback, then the charts' callbacks) are included.
Each is repeated; the report gives the median and the max."""

from __future__ import annotations

import statistics
import time

from browser import breakdown, chrome, events, wait_settled

CLASS_INPUT = "#classes input[value='%s']"
HOOK = """
var b = window.__bench;
b.after = [];
b.drawnAt = null;
if (!b.drawnHooked) {  // assets/charts.js says when a view is drawn (charts it did not redraw included)
  b.drawnHooked = true;
  document.addEventListener('crashboard:drawn', function () { b.drawnAt = performance.now(); });
}
b.graphs().forEach(function (g) {
  var gd = g.classList.contains('js-plotly-plot') ? g : g.querySelector('.js-plotly-plot');
  if (gd && !gd.__benchHooked && gd.on) {
    gd.__benchHooked = true;
    gd.on('plotly_afterplot', function () { window.__bench.after.push([g.id, performance.now()]); });
  }
});
var el = document.querySelector(arguments[0]);
if (!el) { return null; }
b.clickAt = performance.now();
el.click();
return b.clickAt;
"""
REDRAWN = """
var b = window.__bench, ids = {};
if (window.crashboard && document.querySelector('.chart-slot')) {  // drawn in the browser: a chart that did not
  if (b.drawnAt === null || !b.settled()) { return null; }          // change is not redrawn, so no afterplot
  return performance.now() - b.drawnAt >= arguments[0] ? b.drawnAt : null;
}
b.after.forEach(function (e) { ids[e[0]] = Math.max(ids[e[0]] || 0, e[1]); });
var gs = b.graphs(), last = 0;
for (var i = 0; i < gs.length; i++) {
  if (!(gs[i].id in ids)) { return null; }
  last = Math.max(last, ids[gs[i].id]);
}
return b.settled() && performance.now() - last >= arguments[0] ? last : null;
"""


def transfer(evts: list[dict]) -> dict:
    """Bytes of a visit, by resource type, from its Network events."""
    kind, wire, body, failed, aborted, enc = {}, {}, {}, 0, 0, None
    for e in evts:
        p, m = e["params"], e["method"]
        if m == "Network.requestWillBeSent":
            kind[p["requestId"]] = p.get("type", "Other")
        elif m == "Network.requestWillBeSentExtraInfo" and enc is None:
            enc = {k.lower(): v for k, v in p.get("headers", {}).items()}.get("accept-encoding")
        elif m == "Network.dataReceived":
            body[p["requestId"]] = body.get(p["requestId"], 0) + p["dataLength"]
        elif m == "Network.loadingFinished":
            wire[p["requestId"]] = p["encodedDataLength"]
        elif m == "Network.loadingFailed" and p.get("canceled"):
            aborted += 1  # Dash cancels a callback request that a newer one supersedes
        elif m == "Network.loadingFailed":
            failed += 1
    by_type = {}
    for rid, k in kind.items():
        t = by_type.setdefault(k, {"requests": 0, "compressed": 0, "uncompressed": 0})
        t["requests"] += 1
        t["compressed"] += wire.get(rid, 0)
        t["uncompressed"] += body.get(rid, 0)
    return {
        "requests": len(kind),
        "failed": failed,
        "aborted": aborted,
        "compressed": sum(wire.values()),
        "uncompressed": sum(body.values()),
        "by_type": by_type,
        "accept_encoding": enc,
    }


def _stats(values: list[float]) -> dict | None:
    if not values:
        return None
    return {
        "median": round(statistics.median(values), 1),
        "max": round(max(values), 1),
        "runs": len(values),
        "values": [round(v, 1) for v in values],
    }


def page_loads(url: str, repeat: int) -> dict:
    """Cold and warm draw times (ms) and the first visit's bytes, over `repeat` fresh browsers. A visit that
    never settles is reported as an error of that run (the app's failure, not the harness's)."""
    cold, warm, visits, errors, version, parts = [], [], [], [], None, {"cold": [], "warm": []}
    for _ in range(repeat):
        driver = chrome()
        try:
            version = driver.capabilities.get("browserVersion")
            events(driver)  # empty the log: only this visit's requests count
            driver.get(url)
            cold.append(wait_settled(driver))
            parts["cold"].append(breakdown(driver, 0, cold[-1]))
            visits.append(transfer(events(driver)))
            driver.get(url)
            warm.append(wait_settled(driver))
            parts["warm"].append(breakdown(driver, 0, warm[-1]))
        except TimeoutError as exc:
            errors.append(str(exc))
        finally:
            driver.quit()
    mid = sorted(visits, key=lambda v: v["compressed"])[len(visits) // 2] if visits else None
    return {
        "url": url,
        "chromium": version,
        "cold_ms": _stats(cold),
        "warm_ms": _stats(warm),
        "errors": errors,
        "cold_parts": _parts(parts["cold"]),
        "warm_parts": _parts(parts["warm"]),
        "first_visit": mid and dict(mid, compressed_runs=[v["compressed"] for v in visits]),
    }


def filter_redraws(url: str, classes: tuple[str, ...], repeat: int, timeout: float = 30) -> dict:
    """Click asset classes on and off `repeat` times; ms from each click until every visible chart redrew."""
    driver, times, clicks, parts = chrome(), [], [], []
    try:
        driver.get(url)
        wait_settled(driver)
        for i in range(repeat):
            cls = classes[(i // 2) % len(classes)]  # on, then off again: filter to one class, then back to all
            if driver.execute_script(HOOK, CLASS_INPUT % cls) is None:
                return {"url": url, "error": f"no class control {CLASS_INPUT % cls}"}
            deadline = time.time() + timeout
            while (last := driver.execute_script(REDRAWN, 300)) is None:
                if time.time() > deadline:
                    why = driver.execute_script("return window.__bench.why()")
                    return {
                        "url": url,
                        "clicks": clicks,
                        "ms": _stats(times),
                        "parts": _parts(parts),
                        "error": f"charts not redrawn {timeout} s after clicking {cls}: {why}",
                    }
                time.sleep(0.05)
            clicked = driver.execute_script("return window.__bench.clickAt")
            times.append(last - clicked)
            parts.append(breakdown(driver, clicked, last))
            clicks.append(("on " if i % 2 == 0 else "off ") + cls)
    except TimeoutError as exc:
        return {"url": url, "error": str(exc)}
    finally:
        driver.quit()
    return {"url": url, "clicks": clicks, "ms": _stats(times), "parts": _parts(parts)}


REACT_FLOOR = """
var q = arguments[0], done = arguments[arguments.length - 1];
var keys = window.__floorKeys = window.__floorKeys || {};
Object.keys(window.crashboard.drawnKeys).forEach(function (n) {
  if (!(n in keys)) { keys[n] = window.crashboard.drawnKeys[n].split(':')[0]; }
});
fetch('api/view.json' + q, {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (a) {
  var gds = Array.prototype.filter.call(document.querySelectorAll('.chart-slot.js-plotly-plot'),
                                        function (gd) { return gd.offsetParent !== null; });
  var changed = gds.filter(function (gd) {
    var c = a.charts[gd.id.slice(6)];
    return c && keys[gd.id.slice(6)] !== c.key;
  });
  var t0 = performance.now();
  Promise.all(changed.map(function (gd) {
    var c = a.charts[gd.id.slice(6)];
    keys[gd.id.slice(6)] = c.key;
    return window.Plotly.react(gd, c.figure.data, c.figure.layout, a.config || {});
  })).then(function () { done([performance.now() - t0, changed.length]); });
}, function (e) { done(['error: ' + e, 0]); });
"""


def react_floor(url: str, episode_query: str, classes: tuple[str, ...], repeat: int) -> dict:
    """The filter's floor: `Plotly.react` of the figures that change, in the dashboard's own page, for the same
    class clicks as `filter_redraws` (the figures are fetched before the clock starts)."""
    driver, times, redrawn = chrome(), [], []
    try:
        driver.get(url)
        wait_settled(driver)
        driver.set_script_timeout(60)
        if not driver.execute_script("return !!(window.crashboard && window.crashboard.drawnKeys)"):
            return {"url": url, "error": "no browser-side renderer (assets/charts.js): no react floor"}
        for i in range(repeat):
            cls = classes[(i // 2) % len(classes)]
            query = episode_query + (f"&classes={cls}" if i % 2 == 0 else "")
            ms, n = driver.execute_async_script(REACT_FLOOR, query)
            if isinstance(ms, str):
                return {"url": url, "error": ms}
            times.append(ms)
            redrawn.append(n)
    except TimeoutError as exc:
        return {"url": url, "error": str(exc)}
    finally:
        driver.quit()
    return {"url": url, "ms": _stats(times), "charts_redrawn": redrawn}


def static_floor(url: str, repeat: int) -> dict:
    """The cold visit's floor: the static page of the same figures (floor.py), in fresh browsers."""
    cold = []
    for _ in range(repeat):
        driver = chrome()
        try:
            driver.get(url)
            cold.append(wait_settled(driver))
        except TimeoutError as exc:
            return {"url": url, "error": str(exc)}
        finally:
            driver.quit()
    return {"url": url, "cold_ms": _stats(cold)}


def _parts(runs: list[dict]) -> dict | None:
    """The medians of the breakdowns of repeated runs."""
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]} if runs else None
