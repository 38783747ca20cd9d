"""A stand-in for a wiki: a page on another port (so another origin) that frames a Crashboard embed."""

from __future__ import annotations

import functools
import html
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "wiki"

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wiki page</title>
<link rel="icon" href="data:,"></head><body>
<h1>Internal wiki</h1><p>A chart from Crashboard:</p>
<iframe id="chart" src="{src}" title="Crashboard chart" width="100%" height="150" style="border:0"
 data-crashboard-embed></iframe>
<script src="record.js"></script>
<script src="{host_script}" async></script>
</body></html>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def wiki(tmp_path, port: int, src: str, host_script: str):
    """Serve a wiki page framing `src` at http://localhost:<port>/page.html for the duration of the block."""
    (tmp_path / "page.html").write_text(
        PAGE.format(src=html.escape(src), host_script=html.escape(host_script)), encoding="utf-8"
    )
    (tmp_path / "record.js").write_bytes((STATIC / "record.js").read_bytes())
    server = ThreadingHTTPServer(("localhost", port), functools.partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{port}/page.html"
    finally:
        server.shutdown()
        server.server_close()
