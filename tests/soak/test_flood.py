"""A flood of distinct requests cannot grow a worker without bound or push out the opening views. A security tester
once grew each worker by 450-500 MB with 512 answers of about 0.9 MB (language ids chosen by the client), by
300 MB with 6,000 made-up bundle fingerprints, and evicted the pre-drawn views. Every cache now has a byte budget
(callbacks/cache.py), keys weigh what they hold, static files are kept by the real file, the warm-up's answers are
pinned, and a request body is at most 64 KiB (web/guard.py), about nine times the largest a page sends."""

from __future__ import annotations

import copy
import json
import random
import re
from concurrent.futures import ThreadPoolExecutor

import psutil
import requests

from tests.unit.web.test_bad_payloads import real_calls

FLOOD = 20_000
OPENING = "/api/view.json?episode=feb-2026-crash"  # the charts of the opening view, which the warm-up pins
TABS = ("crash", "context")
# the most a worker may grow between its start and the end of the flood: the answer cache's 32 MiB budget, full,
# and the allocator's and interpreter's overhead beside it (measured: 26-28 MB when a flooded view drew one chart,
# 54-62 MB since a view's answer holds every chart of its tab)
GROWTH_MB = 70


class _Client:
    """What real_calls needs of a Flask test client, over HTTP."""

    def __init__(self, url: str):
        self.url = url

    def get(self, path: str):
        response = requests.get(self.url + path, timeout=30)
        response.get_json = response.json
        return response


def _rss_mb(pids) -> dict[int, float]:
    return {pid: psutil.Process(pid).memory_info().rss / 2**20 for pid in pids}


def _bodies(url: str) -> list[tuple[str, str, bytes | None]]:
    """(method, path, body) of FLOOD distinct requests, as the tester made them: made-up bundle fingerprints,
    addresses, language switches whose text ids are long strings of the client's choosing, and distinct views
    whose charts are each drawn afresh (api/view.json)."""
    page = requests.get(url + "/", timeout=30).text
    bundles = re.findall(r'<script src="(/_dash-component-suites/[^"]+)"', page)
    calls = real_calls(_Client(url), "/")
    address = next(c for c in calls if c["output"].startswith("..url.search"))
    words = next(c for c in calls if c["output"].startswith("..") and "text" in c["output"] and "lang" in c["output"])
    rng = random.Random(7)
    out: list[tuple[str, str, bytes | None]] = []
    for n in range(10_000):  # any fingerprint string serves the bundle
        path = rng.choice(bundles)
        out.append(("GET", re.sub(r"m\d+", f"m{10**9 + n}", path, count=1), None))
    for n in range(8_000):
        body = copy.deepcopy(address)
        body["inputs"][0]["value"] = f"?episode=feb-2026-crash&flood={n}"
        out.append(("POST", "/_dash-update-component", json.dumps(body).encode()))
    texts = next(
        i for i, o in enumerate(words["outputs"]) if isinstance(o, list) and o and o[0]["id"]["type"] == "text"
    )
    for n in range(1_500):  # about 55 kB of client-chosen text ids each (just under the body cap), answered with them
        body = copy.deepcopy(words)
        body["outputs"][texts] = [
            {"id": {"type": "text", "key": f"{n}-{k}-" + "x" * 1000}, "property": "children"} for k in range(52)
        ]
        out.append(("POST", "/_dash-update-component", json.dumps(body).encode()))
    windows = ["day", "3d", "5d", "3w", "ytd", "from_peak", "overnight", "unstated"]
    classes = ["crypto", "equity_index", "equity_stock", "precious_metal", "energy", "govt_bond", "fx", "volatility"]
    for n in range(FLOOD - len(out)):  # distinct valid views: each one a fresh set of charts
        picked = ",".join(c for i, c in enumerate(classes) if (n >> i) & 1)
        episode = rng.choice(["feb-2026-crash", "jan-2026-sell-america", "both"])
        query = f"?episode={episode}&classes={picked}&window={windows[n % len(windows)]}"
        query += f"&lang={rng.choice(['en', 'zh'])}&theme={rng.choice(['light', 'dark'])}&tab={rng.choice(TABS)}"
        out.append(("GET", OPENING.split("?")[0] + query, None))
    rng.shuffle(out)
    return out


def _send(url: str, request) -> int:
    method, path, body = request
    headers = {"Content-Type": "application/json", "Accept-Encoding": "br, gzip"} if body else {}
    try:
        return requests.request(method, url + path, data=body, headers=headers, timeout=60).status_code
    except requests.RequestException:
        return 0


def test_soak006_a_flood_of_distinct_requests_is_bounded_in_memory(serve):
    server = serve().ready()
    workers = sorted(server.workers())
    flood = _bodies(server.url)
    for _ in range(4):  # each worker has served the opening view, from its pinned answer
        assert _send(server.url, ("GET", OPENING, None)) == 200
    start = _rss_mb(workers)
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda r: _send(server.url, r), flood))
    after = _rss_mb(workers)
    assert sorted(server.workers()) == workers  # the same processes, not replacements
    growth = {pid: round(after[pid] - start[pid], 1) for pid in workers}
    print(f"{len(codes)} requests: {sorted(set(codes))}; RSS at start {start}, after {after}, growth {growth} MB")
    assert codes.count(200) >= 0.99 * len(codes), {c: codes.count(c) for c in set(codes)}
    assert max(growth.values()) < GROWTH_MB, growth
    for _ in range(4):  # and the opening view is still kept: answered from the cache, not drawn again
        r = requests.get(server.url + OPENING, timeout=30)
        assert r.status_code == 200 and r.headers["X-Crashboard-Cache"] == "hit"
