"""Realistic callback payloads, captured from the requests a real browser sends.

Headless Chromium opens the dashboard at each view of the rotation (both tabs), clicks the way a reader does (an
asset class, a bar, Clear, a data toggle, a CSV download, the language), opens every chart's embed and steps
through presenter mode. Every POST to a `_dash-update-component` route is kept, body as sent, with the status the
server answered. Dash builds these bodies itself (pattern-matching ids, changed props, state), so the load test
replays exactly what browsers send, for any version of the app. A step the app under test does not offer (an
older checkout) is skipped and reported."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

from browser import chrome, events, wait_settled
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

ROUTE = "_dash-update-component"

# The rotation: both episodes, both languages, a single asset class and no filter, both themes.
VIEWS = (
    "?episode=feb-2026-crash",
    "?episode=jan-2026-sell-america&lang=zh",
    "?episode=feb-2026-crash&classes=crypto&lang=zh",
    "?episode=jan-2026-sell-america&classes=govt_bond&theme=dark",
    "?episode=both",
)
PAGE = "/" + VIEWS[0]  # the page every run opens first: its callbacks are "one page served" for memory
STORIES = ("?episode=feb-2026-crash", "?episode=jan-2026-sell-america&lang=zh")

# Reader actions on the dashboard: (label, CSS selector of the element clicked).
CLICKS = (
    ("class filter", "#classes input[value='energy']"),
    ("bar click (cross-filter)", "#panel-drawdowns .trace.bars .point path"),
    ("clear selection", "#clear-selection"),
    ("data toggle", ".toggle input"),
    ("CSV download", "[id*='download-button']"),
    ("language", "#lang input[value='zh']"),
)
PRESENTER_CLICKS = (
    ("next slide", "#present-next"),
    ("next slide", "#present-next"),
    ("class toggle", "[id*='class-button']"),
    ("all classes", "#present-clear"),
)


@dataclass
class Captured:
    """Callback request bodies by (route prefix, output key), each with where it was captured and the status."""

    calls: dict = field(default_factory=dict)  # (prefix, output) -> {body: (source, status)}
    skipped: list = field(default_factory=list)  # steps the app did not offer, with the reason
    accept_encoding: str | None = None  # as Chromium sent it, for the load generator to send too

    def add(self, prefix: str, body: str, source: str, status: int | None) -> None:
        try:
            output = json.loads(body)["output"]
        except (ValueError, KeyError, TypeError):
            return
        self.calls.setdefault((prefix, output), {}).setdefault(body, (source, status))


def _collect(driver, captured: Captured, source: str) -> None:
    """Move the callback requests of the log into `captured`, fetching bodies the log left out (long ones)."""
    sent, status = {}, {}
    for e in events(driver):
        p = e["params"]
        if e["method"] == "Network.requestWillBeSent" and p["request"]["method"] == "POST":
            url = p["request"]["url"].split("?")[0]  # Dash 4 adds ?endId=..., used by background callbacks only
            if url.endswith(ROUTE):
                sent[p["requestId"]] = (url, p["request"].get("postData"))
        elif e["method"] == "Network.responseReceived":
            status[p["requestId"]] = p["response"]["status"]
        elif e["method"] == "Network.requestWillBeSentExtraInfo" and not captured.accept_encoding:
            headers = {k.lower(): v for k, v in p.get("headers", {}).items()}
            captured.accept_encoding = headers.get("accept-encoding")
    for rid, (url, body) in sent.items():
        if body is None:
            try:
                body = driver.execute_cdp_cmd("Network.getRequestPostData", {"requestId": rid})["postData"]
            except Exception:  # noqa: BLE001 - the body is gone; this one request is not replayed
                continue
        prefix = "/" + url.split("/", 3)[3][: -len(ROUTE)]
        captured.add(prefix, body, source, status.get(rid))


def _visit(driver, base: str, path: str, captured: Captured, tries: int = 2) -> bool:
    for _ in range(tries):
        driver.get(base + path)
        try:
            wait_settled(driver, hold=0.5, timeout=45)
            return True
        except TimeoutError as exc:
            captured.skipped.append(f"{path}: {exc}")
        finally:
            _collect(driver, captured, path)
    return False


def _click(driver, selector: str, label: str, page: str, captured: Captured) -> None:
    found = driver.find_elements(By.CSS_SELECTOR, selector)
    if not found:
        captured.skipped.append(f"{label} on {page}: nothing matches {selector}")
        return
    try:
        ActionChains(driver).move_to_element(found[0]).click().perform()
    except Exception:  # noqa: BLE001 - covered or off screen: a script click fires the same handlers
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", found[0])
    time.sleep(0.3)
    try:
        wait_settled(driver, hold=0.5, timeout=30)
    except TimeoutError as exc:
        captured.skipped.append(f"{label} on {page}: {exc}")
    _collect(driver, captured, f"{page} + {label}")


def chart_names(layout: dict) -> list[str]:
    """The chart names of the dashboard, from its layout: every dict id {"type": "chart", "name": ...}."""
    names, stack = [], [layout]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            i = node.get("id")
            if isinstance(i, dict) and i.get("type") == "chart" and i.get("name") not in names:
                names.append(i["name"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return sorted(names)


def capture(base: str, names: list[str], views=VIEWS, stories=STORIES, log=print) -> Captured:
    """Drive one browser through the dashboard, every embed and presenter mode; return what it sent. The first
    page opened is PAGE, then the reader's clicks on it; its own callbacks are what a first visit sends."""
    captured, driver = Captured(), chrome()
    try:
        if _visit(driver, base, PAGE, captured):
            for label, selector in CLICKS:
                _click(driver, selector, label, PAGE, captured)
        log(f"  dashboard {PAGE}, then {len(CLICKS)} clicks")
        for view in views:
            for tab in ("", "&tab=context"):
                _visit(driver, base, "/" + view + tab, captured)
        log(f"  dashboard: {len(views)} views x 2 tabs")
        for i, name in enumerate(names):
            _visit(driver, base, f"/embed/{name}{views[i % len(views)]}", captured)
        log(f"  embeds: {len(names)}")
        for story in stories:
            if _visit(driver, base, "/present/" + story, captured):
                for label, selector in PRESENTER_CLICKS:
                    _click(driver, selector, label, "/present/" + story, captured)
        log(f"  presenter: {len(stories)} stories")
    finally:
        driver.quit()
    return captured


def first_page(captured: Captured) -> list[tuple[str, bytes]]:
    """(path, body) of the callback requests the browser sent when it first opened PAGE."""
    return [
        (prefix + ROUTE, body.encode())
        for (prefix, _), bodies in captured.calls.items()
        for body, (source, _) in bodies.items()
        if source == PAGE
    ]
