"""How responses travel: compressed, and cached by the browser for as long as their URL cannot go stale.

- Compression (flask-compress): Brotli for browsers that take it, else gzip, for HTML, JSON (the layout and every
  callback response), JavaScript and CSS. A first visit is mostly JavaScript, which shrinks to about a quarter.
  A compressed body is kept for reuse (BodyCache).
- Long caching: Dash fingerprints its component bundles in the path, and adds the file's modification time to
  every asset URL (`/assets/style.css?m=1732...`). Either URL changes when the file does, so the browser may keep
  the file a year without asking again (`immutable`). Pages, the layout and callbacks are never cached: they
  carry the data, which changes when the server restarts with new files.
"""
from __future__ import annotations

import hashlib
import threading

from flask import request
from flask_compress import Compress

YEAR = 31536000
ALGORITHMS = ["br", "gzip"]  # Brotli where accepted (every current browser on http://localhost and https)
ASSETS = "assets/"
COMPONENT_SUITES = "_dash-component-suites/"
CALLBACK = "_dash-update-component"
ANSWERS = 1024  # compressed callback answers kept per worker (a chart's is about 10 kB)


def long_lived(path: str, args, max_age: int | None) -> bool:
    """Whether a response names a file version that can never change under the same URL: a component bundle
    Dash found fingerprinted (it sets a year itself), or an asset requested with its modification time."""
    return max_age == YEAR or (ASSETS in path and "m" in args)


class BodyCache:
    """flask-compress's cache of compressed bodies, so that the same answer is not compressed twice:
    - a static file, keyed by its path (one entry per file and algorithm): plotly.js is compressed once per
      worker, not once per visitor;
    - a callback's answer, keyed by its request body: every callback is a pure function of what it is sent and
      of the data, which never changes while the server runs. Compressing a chart's JSON costs more than
      everything else in answering it from the cache, so this keeps a repeat as cheap as a no-op. At most
      ANSWERS of these are kept, first in first out.
    Pages and anything else have an empty key and are compressed afresh."""

    def __init__(self):
        self._files: dict[str, bytes] = {}
        self._answers: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        return self._files.get(key) or self._answers.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.endswith(";"):
            return
        if CALLBACK in key:
            with self._lock:  # requests run in threads
                self._answers.pop(key, None)
                if len(self._answers) >= ANSWERS:
                    self._answers.pop(next(iter(self._answers)), None)
                self._answers[key] = value
        else:
            self._files[key] = value


def body_key(req) -> str:
    """The cache key of a request: the path of a static file, the path and a digest of the body of a callback
    request, else empty (not cached)."""
    if req.method == "GET" and (COMPONENT_SUITES in req.path or ASSETS in req.path):
        return req.path
    if req.method == "POST" and req.path.endswith(CALLBACK):
        return f"{req.path}:{hashlib.blake2b(req.get_data(), digest_size=16).hexdigest()}"
    return ""


def install(server) -> None:
    """Compress the server's responses and mark fingerprinted files as cacheable for a year."""
    server.config.setdefault("COMPRESS_ALGORITHM", ALGORITHMS)
    server.config.setdefault("COMPRESS_CACHE_BACKEND", BodyCache)
    server.config.setdefault("COMPRESS_CACHE_KEY", body_key)
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
