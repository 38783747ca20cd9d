"""The answers of pure callbacks, kept as the JSON Dash sends. Every server callback is a pure function of its
inputs and the loaded data, which never changes while the server runs; so an answer computed once can be sent
again as it is. One bounded cache per app (AppData.drawn, first in first out) holds the drawn charts and these.

A kept answer is bytes (its JSON), wrapped in orjson.Fragment on the way out: Dash's serialiser (plotly's
to_json_plotly over orjson) copies a fragment without walking it. Outputs matched with ALL must stay lists for
Dash to check their length, so those callbacks keep plain values instead (see `kept`)."""
from __future__ import annotations

from collections.abc import Callable, Hashable

import orjson
from plotly.io.json import to_json_plotly

from .context import AppData

CACHE_SIZE = 512  # answers kept per app; a chart's is tens of kilobytes, most others a few


def as_json(value) -> bytes:
    return to_json_plotly(value).encode()


def keep(data: AppData, key: Hashable, value, store: str = "drawn"):
    """Store `value` under `key` in one of the app's caches, evicting the oldest entry when full."""
    cache = getattr(data, store)
    with data.lock:  # requests run in threads: evicting while another thread inserts must not fail
        if len(cache) >= CACHE_SIZE:
            cache.pop(next(iter(cache)), None)
        cache[key] = value
    return value


def kept(data: AppData, key: Hashable, answer: Callable[[], object], store: str = "drawn"):
    """The value kept under `key`, computed by `answer()` (and kept) the first time. `store="answers"` is for
    answers keyed by free-form input (an address, a page's href), so that a flood of distinct addresses
    cannot push the drawn charts out."""
    value = getattr(data, store).get(key)
    return value if value is not None else keep(data, key, answer(), store)


def key_of(*values) -> bytes:
    """A hashable key for JSON values as a callback receives them (lists, dicts)."""
    try:
        return orjson.dumps(values, option=orjson.OPT_SORT_KEYS)
    except (TypeError, orjson.JSONEncodeError):  # e.g. an integer beyond 64 bits: still a key, if a rarer hit
        return repr(values).encode()


def sent(data: AppData, key: Hashable, answer: Callable[[], tuple]) -> tuple:
    """The outputs of a callback (a tuple) for `key`, as ready-made JSON fragments."""
    return tuple(orjson.Fragment(b) for b in kept(data, key, lambda: tuple(as_json(v) for v in answer())))
