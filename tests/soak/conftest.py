"""Fixtures for the load and fault tests: gunicorn as `make serve` runs it, on a free loopback port in 8070-8079,
always stopped after the test; the data snapshots whose content the responses are checked against."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from data import DEFAULT_DIR, load_dataset

from .mix import Snapshot
from .server import Gunicorn

SOAK_SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))


@pytest.fixture
def serve(tmp_path):
    """serve(data_dir) launches gunicorn (2 workers) on that data and returns while it starts (`.ready()` waits);
    every server started is stopped afterwards, and its log printed (pytest shows it when the test fails).
    warm=False skips drawing the opening views at start (app.py, CRASHBOARD_WARM): a sooner start, for the
    tests about processes rather than first visits."""
    servers = []

    def start(data_dir: Path = DEFAULT_DIR, warm: bool = True) -> Gunicorn:
        workdir = tmp_path / f"gunicorn-{len(servers)}"
        workdir.mkdir()
        server = Gunicorn(data_dir, workdir, warm=warm)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()
        print(server.log.read_text(errors="replace")[-6000:])


@pytest.fixture(scope="session")
def shipped() -> dict[str, Snapshot]:
    """The shipped data, as the one snapshot every response of the load tests must match."""
    return {"shipped": Snapshot(load_dataset(DEFAULT_DIR))}


def copy_data(target: Path) -> Path:
    """A copy of every data file the app reads: registry, vocabulary, episodes and stories."""
    target.mkdir(parents=True)
    for name in ("sources.yaml", "vocabulary.yaml"):
        shutil.copy(DEFAULT_DIR / name, target / name)
    for sub in ("episodes", "stories"):
        shutil.copytree(DEFAULT_DIR / sub, target / sub)
    return target
