"""Load: 32 concurrent clients for SOAK_SECONDS against gunicorn with 2 workers, a reader's mix of pages and
callbacks. Every response is checked against the figures drawn in this process for the same view: no 5xx, no
failed connection, no wrong response."""

from __future__ import annotations

import psutil

from .conftest import SOAK_SECONDS
from .load import Load
from .mix import WEIGHTS, Mix

CLIENTS = 32


def test_soak001_load_32_clients(serve, shipped):
    server = serve()
    mix = Mix(server, shipped)
    rss = {pid: psutil.Process(pid).memory_info().rss >> 20 for pid in server.workers()}
    with Load(server.url, mix, CLIENTS) as load:
        load.run_for(SOAK_SECONDS)
    print(load.summary())
    print(
        "worker RSS MiB, start -> end:",
        {p: (m, psutil.Process(p).memory_info().rss >> 20) for p, m in rss.items() if p in server.workers()},
    )

    assert load.results() == {"ok": len(load.outcomes)}, load.failures(
        ("wrong", "5xx", "4xx", "timeout", "error", "connection")
    )
    assert {o.kind for o in load.outcomes} == set(WEIGHTS)  # every kind of request was made, and answered right
    log = server.log.read_text()
    assert "Traceback" not in log and "WORKER TIMEOUT" not in log, log[-3000:]
