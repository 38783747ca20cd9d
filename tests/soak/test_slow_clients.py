"""Slow clients cannot take the site down. Eight slowloris connections once took gunicorn's threads and every normal
request timed out; nginx in front (web/serve.py) holds them on its event loop and drops them after its header
timeout, so a reader still gets the dashboard at once."""

from __future__ import annotations

import time

import requests

from .conftest import SOAK_SECONDS
from .slow import Attack, time_to_first_byte

LORIS = 256  # slowloris connections, each sending its header a byte a second
READERS = 32  # slow readers of the largest file the page loads, 64 bytes a second each
TTFB = 1.0  # seconds: the target for a normal client's first byte under attack


def test_soak005_slow_clients_do_not_keep_readers_out(serve):
    server = serve().ready()
    host, port = "127.0.0.1", server.port
    page = requests.get(server.url + "/", timeout=10).text
    bundle = next(part.split('"')[1] for part in page.split("<script src=")[1:] if "plotly-basic" in part)
    with Attack(host, port, loris=LORIS, readers=READERS, reader_path=bundle) as attack:
        time.sleep(3)  # every connection open and trickling
        assert attack.open_now() >= LORIS + READERS - 4
        samples = []
        deadline = time.monotonic() + SOAK_SECONDS
        while time.monotonic() < deadline:
            samples.append(time_to_first_byte(host, port, "/"))
            time.sleep(0.5)
        still_open = attack.open_now()
    slowest = max(t for t, _ in samples)
    print(
        f"{len(samples)} requests under attack; time to first byte median "
        f"{sorted(t for t, _ in samples)[len(samples) // 2] * 1000:.1f} ms, max {slowest * 1000:.1f} ms; "
        f"{attack.opened} slow connections opened, {attack.dropped} dropped by the server, {still_open} open at the end"
    )
    assert all(status == 200 for _, status in samples), [s for s in samples if s[1] != 200][:5]
    assert slowest < TTFB, slowest
    assert len(samples) >= SOAK_SECONDS  # the client was not held up between samples either
    assert attack.dropped >= LORIS  # the front end drops a trickling header (client_header_timeout), again and again
