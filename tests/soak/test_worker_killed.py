"""Worker killed: SIGKILL one worker under load, then the other. The survivor keeps serving, gunicorn forks a
replacement each time (from the preloaded master), and the replacements serve correct content. Only requests
in flight on a killed worker may fail, and only at the connection level."""

from __future__ import annotations

from collections import Counter

from .conftest import SOAK_SECONDS
from .load import Load
from .mix import Mix

CLIENTS = 32
PHASE = max(2.0, SOAK_SECONDS / 12)  # seconds of load before, between and after the kills
# The views the master draws before forking (each episode's opening view, in each language): every worker,
# replacements included, is a fork holding them, so the load here is all processes and no drawing.
OPENING = (
    {},
    {"episode": "jan-2026-sell-america"},
    {"episode": "both"},
    {"lang": "zh"},
    {"episode": "jan-2026-sell-america", "lang": "zh"},
    {"episode": "both", "lang": "zh"},
)


def test_soak002_worker_killed_under_load(serve, shipped):
    server = serve()
    mix = Mix(server, shipped, OPENING)
    originals = server.workers()
    with Load(server.url, mix, CLIENTS) as load:
        load.run_for(PHASE)
        load.mark("kill1")
        replacement1 = server.kill_worker(min(originals))
        load.mark("replaced1")
        load.run_for(PHASE)
        load.mark("kill2")
        replacement2 = server.kill_worker(max(originals))  # the survivor: now only replacements serve
        load.mark("replaced2")
        load.run_for(PHASE)
    print(load.summary())

    assert {replacement1, replacement2}.isdisjoint(originals)
    assert server.workers() == {replacement1, replacement2}
    assert not load.failures(), load.failures()  # no 5xx, 4xx, timeout or wrong response, ever
    assert not load.dropped_outside(("kill1", "replaced1"), ("kill2", "replaced2"))
    dropped = Counter(o.client for o in load.outcomes if o.result == "connection")
    assert max(dropped.values(), default=0) <= 2  # a client has one request in flight when a worker dies
    after = Counter(o.kind for o in load.between("replaced2") if o.result == "ok")
    assert after["chart"] and after["embed"], after  # served by the two replacements alone
