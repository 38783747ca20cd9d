"""The WSGI app the benchmark serves (`wsgi:server`): the project's `create_app(data_dir)` from $BENCH_APP_DIR
(default: this checkout), with the floors of floor.py on the same Flask server.

Only `create_app(data_dir)` and Dash's standard routes are relied on, so an older checkout of the project is
measured the same way (before and after)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import floor

APP_DIR = Path(os.environ.get("BENCH_APP_DIR", Path(__file__).resolve().parents[1])).resolve()


def build():
    sys.path.insert(0, str(APP_DIR))
    import app as project  # the project under test, from APP_DIR

    print(f"benchmark: serving {project.__file__}", file=sys.stderr, flush=True)
    data = Path(os.environ.get("BENCH_DATA_DIR") or APP_DIR / "data")  # e.g. five episodes (episodes.py)
    server = project.create_app(data).server
    floor.mount(server, APP_DIR)
    return server


server = build()
