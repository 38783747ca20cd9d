"""How responses travel: compressed, and cached by the browser for as long as their URL cannot go stale.

- Compression (flask-compress): Brotli for browsers that take it, else gzip, for HTML, JSON (the layout and every
  callback response), JavaScript and CSS. A first visit is mostly JavaScript, which shrinks to about a quarter.
  A compressed body is kept for reuse (BodyCache), in the app's one cache.
- Long caching: Dash fingerprints its component bundles in the path, and adds the file's modification time to
  every asset URL (`/assets/style.css?m=1732...`). Either URL changes when the file does, so the browser may keep
  the file a year without asking again (`immutable`). Pages, the layout and callbacks are never cached: they
  carry the data, which changes when the server restarts with new files.
"""

from __future__ import annotations

import hashlib
import os
import sys

from dash.fingerprint import check_fingerprint
from flask import current_app, g, request
from flask_compress import Compress
from werkzeug.security import safe_join

from callbacks.cache import BODY, FILE, AnswerCache
from callbacks.memo import CACHE_STATUS

YEAR = 31536000
ALGORITHMS = ["br", "gzip"]  # Brotli where accepted (every current browser on http://localhost and https)
ASSETS = "assets/"
COMPONENT_SUITES = "_dash-component-suites/"
CALLBACK = "_dash-update-component"
VIEW_JSON = "api/view.json"  # web/api.py
FILE_KEY = "file:"  # body_key's prefix for a static file, keyed by its real path


def long_lived(path: str, args, max_age: int | None) -> bool:
    """Whether a response names a file version that can never change under the same URL: a component bundle
    Dash found fingerprinted (it sets a year itself), or an asset requested with its modification time."""
    return max_age == YEAR or (ASSETS in path and "m" in args)


class BodyCache:
    """flask-compress's cache of compressed bodies, kept in the app's one cache (callbacks/cache.py), so that the
    same answer is not compressed twice:
    - a static file, keyed by the file on disk it serves (kind "file"): plotly.js is compressed once per worker,
      not once per visitor, and no made-up URL adds an entry;
    - a callback's answer, keyed by its path and request body (kind "body", with its own budget): every callback
      is a pure function of what it is sent and of the data, which never changes while the server runs.
      Compressing a chart's JSON costs more than everything else in answering it from the cache, so this keeps
      a repeat as cheap as a no-op.
    Pages and anything else have an empty key and are compressed afresh."""

    def __init__(self, cache: AnswerCache):
        self._cache = cache

    def get(self, key: str) -> bytes | None:
        kind = _kind(key)
        return self._cache.get(kind, key) if kind else None

    def set(self, key: str, value: bytes) -> None:
        kind = _kind(key)
        if kind:
            self._cache.put(kind, key, value)


def _kind(key: str) -> str | None:
    """The cache kind of a flask-compress key ("<algorithm>;<body_key>"), or None when it is not kept."""
    kept = key.partition(";")[2]
    return FILE if kept.startswith(FILE_KEY) else BODY if kept else None


def body_key(req) -> str:
    """The cache key of a request: the file a static file's URL serves, the path and a digest of the body of a
    callback request, else empty (not cached)."""
    if req.method == "POST" and req.path.endswith(CALLBACK):
        return f"{req.path}:{hashlib.blake2b(req.get_data(), digest_size=16).hexdigest()}"
    if req.method == "GET" and req.path.endswith(VIEW_JSON):  # the charts of a view: kept like a callback's
        return f"{req.path}?{hashlib.blake2b(req.query_string, digest_size=16).hexdigest()}"
    if req.method == "GET":
        path = served_file(req.endpoint, req.blueprint, req.view_args)
        return FILE_KEY + path if path else ""
    return ""


def served_file(endpoint: str | None, blueprint: str | None, args: dict | None) -> str | None:
    """The real path of the file a GET request was routed to, or None: an asset (the static route of a Dash app's
    assets blueprint) or a component bundle, whatever fingerprint its URL carries (Dash serves the same file for
    any fingerprint string, and answers a file it did not register with an error, which is not compressed)."""
    args = args or {}
    if endpoint and endpoint.endswith(".static") and "filename" in args:
        folder = (current_app.blueprints[blueprint] if blueprint else current_app).static_folder
        path = safe_join(folder, args["filename"]) if folder else None
    elif endpoint and COMPONENT_SUITES in endpoint and {"package_name", "fingerprinted_path"} <= args.keys():
        package = sys.modules.get(args["package_name"])
        path_in_package = check_fingerprint(args["fingerprinted_path"])[0]
        folder = os.path.dirname(package.__file__) if getattr(package, "__file__", None) else None
        path = safe_join(folder, path_in_package) if folder else None
    else:
        return None
    return os.path.realpath(path) if path and os.path.isfile(path) else None


def install(server, cache: AnswerCache) -> None:
    """Compress the server's responses, keeping compressed bodies in `cache` (the app's one cache), and mark
    fingerprinted files as cacheable for a year."""
    server.config.setdefault("COMPRESS_ALGORITHM", ALGORITHMS)
    server.config.setdefault("COMPRESS_CACHE_BACKEND", lambda: BodyCache(cache))
    server.config.setdefault("COMPRESS_CACHE_KEY", body_key)
    Compress(server)

    @server.after_request  # runs before flask-compress's hook (Flask calls them last registered first)
    def _cache_headers(response):
        if response.direct_passthrough and response.status_code == 200:
            # a file sent as a stream could only be compressed by a streaming Brotli, and a browser on plain
            # http:// (not localhost) offers only gzip; read it whole so either applies
            response.direct_passthrough = False
            response.set_data(response.get_data())
        if (
            request.method == "GET"
            and response.status_code == 200
            and long_lived(request.path, request.args, response.cache_control.max_age)
        ):
            response.cache_control.no_cache = None  # Flask's static files default to "revalidate each time"
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
        hit = getattr(g, CACHE_STATUS, None)
        if hit is not None:  # a callback: was its answer kept (an operator's, and the flood test's, view of it)
            response.headers["X-Crashboard-Cache"] = "hit" if hit else "miss"
        return response
