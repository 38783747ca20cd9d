"""Crashboard: the Dash app factory and the command line.

    python app.py [serve] [--host 127.0.0.1] [--port 8050] [--data DIR]
    python app.py validate [PATH ...] [--data DIR]

WSGI servers import `app:server`; it is built on first use from $CRASHBOARD_DATA (default: data/).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dash import Dash

import callbacks
from components import layout
from data import DEFAULT_DIR, load_dataset
from data.validate import render, validate

ROOT = Path(__file__).resolve().parent


def create_app(data_dir: str | Path = DEFAULT_DIR) -> Dash:
    """A Dash app serving the datasets of `data_dir`; files that fail validation are reported on the page."""
    dataset = load_dataset(data_dir)
    app = Dash(__name__, title="Crashboard", assets_folder=str(ROOT / "assets"), update_title=None)
    app.layout = layout.page(dataset)
    callbacks.register(app, dataset)
    return app


def __getattr__(name: str):
    """`server` for WSGI servers, built lazily so that importing this module builds no app."""
    if name == "server":
        global server
        server = create_app(os.environ.get("CRASHBOARD_DATA", DEFAULT_DIR)).server
        return server
    raise AttributeError(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="app.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="serve the dashboard (the default)")
    check = sub.add_parser("validate", help="check data files and print their counts")
    check.add_argument("paths", nargs="*", metavar="PATH", help="data directories or YAML files")
    for p in (parser, serve, check):
        p.add_argument("--data", default=str(DEFAULT_DIR), help="data directory (default: %(default)s)")
    for p in (parser, serve):
        p.add_argument("--host", default="127.0.0.1", help="interface to bind (default: %(default)s)")
        p.add_argument("--port", type=int, default=8050, help="port (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.command == "validate":
        text, code = render(validate(args.paths, Path(args.data)))
        print(text)
        return code
    create_app(args.data).run(host=args.host, port=args.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
