"""A fresh worker answers its first requests, however many arrive at once. Dash sets an app up on its first
request and marks that done before it has finished, so a second first request in a threaded worker once found
no scripts registered and got a 500 (web/gunicorn_conf.py now sets the apps up in the master, before any fork)."""

from __future__ import annotations

import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import requests


def test_soak004_fresh_workers_serve_concurrent_first_requests(serve):
    server = serve(warm=False).ready()
    index = requests.get(server.url + "/", timeout=10).text
    scripts = re.findall(r'<script src="(/_dash-component-suites/[^"]+)"', index)
    assert len(scripts) >= 4
    urls = [server.url + s for s in scripts] + [server.url + "/_dash-layout", server.url + "/_dash-dependencies"]

    def fetch(url: str) -> int:
        with requests.Session() as session:  # a connection of its own, as a browser opens several
            return session.get(url, timeout=30).status_code

    codes: Counter = Counter()
    for _ in range(3):
        for pid in sorted(server.workers()):
            server.kill_worker(pid)  # both workers are fresh forks that have served nothing
        with ThreadPoolExecutor(16) as pool:
            codes.update(pool.map(fetch, urls * 3))
    assert set(codes) == {200}, codes
