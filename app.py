"""Crashboard: the Dash app factory and the command line.

    python app.py [serve] [--host 127.0.0.1] [--port 8050] [--data DIR] [--frame-ancestors ORIGINS]
    python app.py validate [PATH ...] [--data DIR]
    python app.py export --out DIR [--episode ID] [--lang en|zh] [--no-images]

WSGI servers import `app:server`; it is built on first use from $CRASHBOARD_DATA (default: data/), with the
framing allowlist from $CRASHBOARD_FRAME_ANCESTORS. Both `serve` and `app:server` draw the opening views before
serving; CRASHBOARD_WARM=0 skips that (a faster start, slower first visits).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from dash import Dash

import callbacks
import export
from charts.registry import NAMES
from dashboard import layout
from data import DEFAULT_DIR, load_dataset
from data.validate import render as render_report
from data.validate import validate
from web import apps as pages
from web import framing

log = logging.getLogger("crashboard")
WARM_ENV = "CRASHBOARD_WARM"


def create_app(data_dir: str | Path = DEFAULT_DIR, frame_ancestors: str | None = None, warm: bool = False) -> Dash:
    """The dashboard serving the data of `data_dir` (files that fail validation are reported on the page), with
    the chart embeds and presenter mode on the same server. `frame_ancestors` lists the origins that may frame
    the embeds (default: $CRASHBOARD_FRAME_ANCESTORS; none). `warm` draws every episode's opening view in
    every language before serving and pins it in the answer cache (callbacks.warm), as the production server
    does."""
    dataset = load_dataset(data_dir, NAMES)
    app = pages.Page(__name__, title="Crashboard", **pages.dash_options())
    app.layout = layout.page(dataset)
    data = callbacks.register(app, dataset)
    pages.mount(app, data, framing.from_env(frame_ancestors))
    if warm:
        started = time.perf_counter()
        count = callbacks.warm(data)
        log.info("pinned %d answers for first visits in %.1f s", count, time.perf_counter() - started)
    return app


def __getattr__(name: str):
    """`server` for WSGI servers, built lazily so that importing this module builds no app. It draws the
    opening views first unless CRASHBOARD_WARM=0 (under gunicorn that happens once, in the master)."""
    if name == "server":
        global server
        warm = os.environ.get(WARM_ENV, "1") != "0"
        server = create_app(os.environ.get("CRASHBOARD_DATA", DEFAULT_DIR), warm=warm).server
        return server
    raise AttributeError(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="app.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="serve the dashboard (the default)")
    check = sub.add_parser("validate", help="check data files and print their counts")
    check.add_argument("paths", nargs="*", metavar="PATH", help="data directories or YAML files")
    out = sub.add_parser("export", help="write every chart as offline HTML, PNG, SVG and CSV, for wikis")
    export.add_arguments(out)
    for p in (parser, serve, check, out):
        p.add_argument("--data", default=str(DEFAULT_DIR), help="data directory (default: %(default)s)")
    for p in (parser, serve):
        p.add_argument("--host", default="127.0.0.1", help="interface to bind (default: %(default)s)")
        p.add_argument("--port", type=int, default=8050, help="port (default: %(default)s)")
        p.add_argument(
            "--frame-ancestors",
            default=None,
            metavar="ORIGINS",
            help=f"origins that may frame the chart embeds (default: ${framing.ENV}, else none)",
        )
    args = parser.parse_args(argv)
    if args.command == "validate":
        text, code = render_report(validate(args.paths, Path(args.data), NAMES))
        print(text)
        return code
    if args.command == "export":
        return export.command(args, load_dataset(args.data, NAMES))
    try:
        app = create_app(args.data, args.frame_ancestors, warm=os.environ.get(WARM_ENV, "1") != "0")
    except framing.FramingError as exc:
        parser.error(str(exc))
    app.run(host=args.host, port=args.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
