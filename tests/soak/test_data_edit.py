"""Data edited while running. gunicorn serves a copy of the data; under load an episode file is rewritten in
place, slowly (truncated, then written in pieces), a worker is killed halfway through the write and the other
after it, so that workers forked from the master before, during and after the edit all serve. Every response
is one whole snapshot: the old data until a new master is started, never a mix within a response or between
workers.

Publishing: SIGHUP re-forks the workers but, with preload_app, from the app the master already holds, so the
old data stays. SIGUSR2 starts a new master that loads the files afresh beside the old one; while both serve
a response is old or new, and once the old master is sent SIGTERM every response is new.
"""

from __future__ import annotations

import time

from data import load_dataset

from .conftest import SOAK_SECONDS, copy_data
from .load import Load
from .mix import Mix, Snapshot

CLIENTS = 16
PHASE = max(2.0, SOAK_SECONDS / 30)
EPISODE = "episodes/2026-02-cross-asset-crash.yaml"
# The episode's title, bitcoin's 6 Feb low moved to the close that its quote also states, and bitcoin's fall from
# its peak read as "about" rather than "more than" 48% (the file still validates): the layout, the path view and
# the from-peak drawdowns (which lose the open-ended mark of a bound) all change.
EDITS = (
    ("title: {en: 'Cross-asset crash, 6 Feb 2026',", "title: {en: 'Cross-asset crash of 6 February 2026',"),
    (
        "{id: btc-low, asset: btc, metric: low, date: 2026-02-06, value: 62841.90,",
        "{id: btc-low, asset: btc, metric: low, date: 2026-02-06, value: 63860,",
    ),
    (
        "{id: btc-from-peak, asset: btc, metric: change, window: from_peak, date: 2026-02-06, value: -48, bound: over,",
        "{id: btc-from-peak, asset: btc, metric: change, window: from_peak, date: 2026-02-06, value: -48,"
        " bound: approx,",
    ),
)
VIEWS = ({"window": "from_peak"}, {"window": "from_peak", "asset": "btc", "lang": "zh"})


def edited(text: str) -> str:
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def write_slowly(path, text: str, halfway) -> None:
    """Rewrite a file in place, as an editor without atomic saves does: truncate, then write it in pieces."""
    data = text.encode()
    pieces = [data[i : i + 2048] for i in range(0, len(data), 2048)]
    with open(path, "wb") as f:
        for i, piece in enumerate(pieces):
            f.write(piece)
            f.flush()
            if i == len(pieces) // 2:
                halfway()
            time.sleep(0.02)


def test_soak003_data_edited_while_serving(serve, tmp_path):
    served = copy_data(tmp_path / "served")
    new_dir = copy_data(tmp_path / "edited")
    new_text = edited((served / EPISODE).read_text(encoding="utf-8"))
    (new_dir / EPISODE).write_text(new_text, encoding="utf-8")
    old_data, new_data = load_dataset(served), load_dataset(new_dir)
    assert not old_data.rejected and not new_data.rejected  # the edit is valid data
    server = serve(served, warm=False)  # the new master loads the data under load: keep that short
    mix = Mix(
        server,
        {"old": Snapshot(old_data), "new": Snapshot(new_data)},
        VIEWS,
        ("drawdowns", "path"),
        {"layout": 2, "chart": 6, "embed": 2},
    )
    assert all(e["old"] != e["new"] for e in mix.expected.values())  # every chart drawn tells the two apart

    with Load(server.url, mix, CLIENTS) as load:
        load.run_for(PHASE)
        load.mark("edit")
        write_slowly(served / EPISODE, new_text, halfway=server.kill_worker)
        server.kill_worker()  # and a worker forked after the edit
        load.mark("edited")
        load.run_for(PHASE)
        load.mark("hup")
        server.hup()
        load.mark("hupped")
        load.run_for(PHASE)
        load.mark("upgrade")
        new_master = server.upgrade()
        load.mark("upgraded")
        load.run_for(PHASE)
        load.mark("retire")
        server.retire(new_master)
        load.mark("retired")
        load.run_for(PHASE)
    print(load.summary())

    assert not load.failures(), load.failures()  # every response is one whole snapshot, old or new
    assert not load.dropped_outside(("edit", "edited")), "a graceful restart (HUP, upgrade) dropped a request"
    before, after = load.between("start", "upgrade"), load.between("retired")
    assert all("old" in o.matched for o in before if o.result == "ok")
    assert all("new" in o.matched for o in after if o.result == "ok")
    for first, last, snapshot in (
        ("start", "edit", "old"),
        ("edited", "hup", "old"),
        ("hupped", "upgrade", "old"),
        ("retired", "end", "new"),
    ):  # and each phase did tell them apart
        assert any(o.matched == {snapshot} for o in load.between(first, last) if o.result == "ok"), (first, last)
