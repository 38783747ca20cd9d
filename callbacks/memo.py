"""How callbacks keep their answers in the one cache (callbacks/cache.py, held by AppData), as the JSON Dash sends.
Every server callback is a pure function of its inputs and the loaded data, which never changes while the server
runs; so an answer computed once can be sent again as it is.

A kept answer is bytes (its JSON), or a tuple of them (one per output), wrapped in orjson.Fragment on the way out:
Dash's serialiser (plotly's to_json_plotly over orjson) copies a fragment without walking it. Outputs matched with
ALL must stay lists for Dash to check their length, and a page may read a value itself; those are decoded from
their JSON on the way out (`loaded`), which for their size costs microseconds.

Each answer goes under a kind with its own budget: cache.VIEW (the default) for answers keyed by a validated view,
cache.ADDRESS for answers keyed by free-form input, so that a flood of distinct addresses cannot push a drawn
chart out."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable

import orjson
from flask import g, has_request_context
from plotly.io.json import to_json_plotly

from .cache import VIEW, Value
from .context import AppData


def as_json(value) -> bytes:
    return to_json_plotly(value).encode()


CACHE_STATUS = "crashboard_cache_hit"  # flask.g: whether every answer of this request came from the cache


def kept(data: AppData, key: Hashable, answer: Callable[[], Value], kind: str = VIEW) -> Value:
    """The value kept under `key`, computed by `answer()` (bytes, or a tuple of bytes) and kept the first time.
    A request notes whether it was answered from the cache (web/delivery.py sends it as X-Crashboard-Cache)."""
    value = data.cache.get(kind, key)
    if has_request_context():
        setattr(g, CACHE_STATUS, getattr(g, CACHE_STATUS, True) and value is not None)
    return value if value is not None else data.cache.put(kind, key, answer())


def sent(data: AppData, key: Hashable, answer: Callable[[], tuple], kind: str = VIEW) -> tuple:
    """The outputs of a callback (a tuple) for `key`, as ready-made JSON fragments."""
    return tuple(orjson.Fragment(b) for b in kept(data, key, lambda: tuple(as_json(v) for v in answer()), kind))


def loaded(data: AppData, key: Hashable, answer: Callable[[], object], kind: str = VIEW):
    """A plain value for `key`, kept as its JSON and decoded afresh for each caller."""
    return orjson.loads(kept(data, key, lambda: as_json(answer()), kind))


def key_of(*values) -> bytes:
    """A hashable key for JSON values as a callback receives them (lists, dicts): a 16-byte digest of their JSON,
    so that a key made of what a client sent weighs the same however much it sent."""
    try:
        text = orjson.dumps(values, option=orjson.OPT_SORT_KEYS)
    except (TypeError, orjson.JSONEncodeError):  # e.g. an integer beyond 64 bits: still a key, if a rarer hit
        text = repr(values).encode()
    return hashlib.blake2b(text, digest_size=16).digest()
