"""How responses travel: compressed, and cached by the browser for as long as their URL cannot go stale.

- Compression (flask-compress): Brotli for browsers that take it, else gzip, for HTML, JSON (the layout and every
  callback response), JavaScript and CSS. A first visit is mostly JavaScript, which shrinks to about a quarter.
- Long caching: Dash fingerprints its component bundles in the path, and adds the file's modification time to
  every asset URL (`/assets/style.css?m=1732...`). Either URL changes when the file does, so the browser may keep
  the file a year without asking again (`immutable`). Pages, the layout and callbacks are never cached: they
  carry the data, which changes when the server restarts with new files.
"""
from __future__ import annotations

from flask import request
from flask_compress import Compress

YEAR = 31536000
ALGORITHMS = ["br", "gzip"]  # Brotli where accepted (every current browser on http://localhost and https)
ASSETS = "assets/"
COMPONENT_SUITES = "_dash-component-suites/"


def long_lived(path: str, args, max_age: int | None) -> bool:
    """Whether a response names a file version that can never change under the same URL: a component bundle
    Dash found fingerprinted (it sets a year itself), or an asset requested with its modification time."""
    return max_age == YEAR or (ASSETS in path and "m" in args)


class FileCache:
    """flask-compress's cache of compressed bodies, kept for static files only (keyed by path, so it holds at
    most one entry per file and algorithm): plotly.js is compressed once per worker, not once per visitor.
    Everything else (pages, callbacks) has an empty key and is compressed afresh."""

    def __init__(self):
        self._bodies: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self._bodies.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";"):
            self._bodies[key] = value


def file_key(req) -> str:
    """The cache key of a request: its path for a GET of a static file, else empty (not cached)."""
    static = COMPONENT_SUITES in req.path or ASSETS in req.path
    return req.path if req.method == "GET" and static else ""


def install(server) -> None:
    """Compress the server's responses and mark fingerprinted files as cacheable for a year."""
    server.config.setdefault("COMPRESS_ALGORITHM", ALGORITHMS)
    server.config.setdefault("COMPRESS_CACHE_BACKEND", FileCache)
    server.config.setdefault("COMPRESS_CACHE_KEY", file_key)
    Compress(server)

    @server.after_request  # runs before flask-compress's hook (Flask calls them last registered first)
    def _cache_headers(response):
        if response.direct_passthrough and response.status_code == 200:
            # a file sent as a stream could only be compressed by a streaming Brotli, and a browser on plain
            # http:// (not localhost) offers only gzip; read it whole so either applies
            response.direct_passthrough = False
            response.set_data(response.get_data())
        if request.method == "GET" and response.status_code == 200 and \
                long_lived(request.path, request.args, response.cache_control.max_age):
            response.cache_control.no_cache = None  # Flask's static files default to "revalidate each time"
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
        return response
