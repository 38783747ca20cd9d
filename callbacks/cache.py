"""The one cache of a process: callback answers, as the JSON Dash sends, and compressed response bodies.

Everything kept is a pure function of its key and of the loaded data, which never changes while the server runs,
so an entry is never stale, only evicted. Entries are grouped in kinds, each with its own bounds, so that one kind
of traffic cannot push another out:

    view     answers keyed by a validated view (charts, tables, CSV, sources, selection, embeds, slides): finitely
             many, and the ones readers ask for again
    address  answers keyed by free-form input a client sends (the address callback, the share boxes, the words of a
             language switch, which are keyed by the page's text ids)
    body     compressed callback responses, keyed by path and a digest of the request body (web/delivery.py)
    file     compressed static files, keyed by the file on disk they serve (web/delivery.py)

Each kind is bounded both by entry count and by bytes (an entry weighs its bytes and its key's), and drops its
least recently used entry first. Answers computed at start-up (callbacks.warm, inside `pinning()`) are pinned:
they sit outside the budgets and are never evicted, so no traffic can push the opening views out.

One lock guards every read and write: requests run in threads (gunicorn's gthread workers). Values are bytes or
tuples of bytes, which no thread can change once they are kept.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import NamedTuple

Value = bytes | tuple[bytes, ...]

VIEW, ADDRESS, BODY, FILE = KINDS = ("view", "address", "body", "file")
MIB = 1 << 20
SIZE_ENV = "CRASHBOARD_CACHE_MB"
DEFAULT_MB = 32  # per process: a chart's JSON is 5-80 kB, a compressed answer about a fifth of that; a flood that
# fills every kind then grows a worker by less than 50 MB (tests/soak/test_flood.py)
SHARES = {VIEW: 1 / 2, ADDRESS: 1 / 8, BODY: 1 / 4, FILE: 1 / 8}  # of the bytes; compressed files need ~2 MB
ENTRIES = {VIEW: 4096, ADDRESS: 4096, BODY: 4096, FILE: 256}  # bounds the keys' own memory too


class Budget(NamedTuple):
    """The most one kind may hold outside its pinned entries."""

    entries: int
    bytes: int


def budgets(megabytes: float = DEFAULT_MB) -> dict[str, Budget]:
    """Every kind's budget when the whole cache may hold `megabytes` (SHARES splits it)."""
    return {kind: Budget(ENTRIES[kind], int(megabytes * MIB * SHARES[kind])) for kind in KINDS}


def weigh(value: Value) -> int:
    """The bytes a value holds; anything but bytes or a tuple of bytes is refused."""
    if isinstance(value, bytes):
        return len(value)
    if isinstance(value, tuple) and all(isinstance(v, bytes) for v in value):
        return sum(len(v) for v in value)
    raise TypeError(f"a cache value is bytes or a tuple of bytes, not {type(value).__name__}")


def weigh_key(key: Hashable) -> int:
    """About the bytes a key holds: a key made of what a client sent could otherwise outweigh its value."""
    if isinstance(key, (bytes, str)):
        return len(key)
    if isinstance(key, tuple):
        return sum(weigh_key(k) + 8 for k in key)
    return 64  # a small object: a view state, a number


class _Part:
    """One kind's entries: pinned ones, and the rest in least-recently-used order (oldest first)."""

    __slots__ = ("budget", "entries", "pinned", "weight", "pinned_weight")

    def __init__(self, budget: Budget):
        self.budget = budget
        self.entries: OrderedDict[Hashable, tuple[Value, int]] = OrderedDict()
        self.pinned: dict[Hashable, Value] = {}
        self.weight = self.pinned_weight = 0

    def drop(self, key: Hashable) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.weight -= old[1]

    def evict(self) -> None:
        while self.entries and (len(self.entries) > self.budget.entries or self.weight > self.budget.bytes):
            self.weight -= self.entries.popitem(last=False)[1][1]


class AnswerCache:
    """Kept answers by kind and key, bounded per kind by count and bytes, with pinned start-up answers."""

    def __init__(self, limits: Mapping[str, Budget] | None = None):
        chosen = {**budgets(), **(limits or {})}
        self._parts = {kind: _Part(chosen[kind]) for kind in KINDS}
        self._lock = threading.Lock()
        self._local = threading.local()  # whether this thread is pinning (the warm-up's thread only)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> AnswerCache:
        """A cache of $CRASHBOARD_CACHE_MB megabytes (default 64) split between the kinds by SHARES."""
        return cls(budgets(float(environ.get(SIZE_ENV) or DEFAULT_MB)))

    def get(self, kind: str, key: Hashable) -> Value | None:
        """The value kept under `key`, or None; a hit becomes the most recently used of its kind."""
        part = self._parts[kind]
        with self._lock:
            value = part.pinned.get(key)
            if value is not None:
                return value
            hit = part.entries.get(key)
            if hit is None:
                return None
            part.entries.move_to_end(key)
            return hit[0]

    def put(self, kind: str, key: Hashable, value: Value) -> Value:
        """Keep `value` (pinned inside `pinning()`), dropping the kind's least recently used entries while it is
        over either bound; a value bigger than its kind's whole budget is not kept. Returns `value`."""
        weight = weigh(value) + weigh_key(key)
        part = self._parts[kind]
        pinning = getattr(self._local, "depth", 0) > 0
        with self._lock:
            if pinning:
                part.drop(key)
                part.pinned_weight += weight - (weigh(part.pinned[key]) + weigh_key(key) if key in part.pinned else 0)
                part.pinned[key] = value
            elif key not in part.pinned and weight <= part.budget.bytes:
                part.drop(key)
                part.entries[key] = (value, weight)
                part.weight += weight
                part.evict()
        return value

    @contextmanager
    def pinning(self) -> Iterator[None]:
        """Pin whatever this thread puts meanwhile: for the start-up warm-up, never for a client's request."""
        self._local.depth = getattr(self._local, "depth", 0) + 1
        try:
            yield
        finally:
            self._local.depth -= 1

    def keys(self, kind: str, pinned: bool = False) -> list:
        """The kind's unpinned keys, least recently used first; or its pinned keys."""
        with self._lock:
            part = self._parts[kind]
            return list(part.pinned if pinned else part.entries)

    def stats(self) -> dict[str, dict[str, int]]:
        """Per kind: entries and bytes held in the least-recently-used part, and pinned."""
        with self._lock:
            return {
                kind: {
                    "entries": len(p.entries),
                    "bytes": p.weight,
                    "pinned": len(p.pinned),
                    "pinned_bytes": p.pinned_weight,
                }
                for kind, p in self._parts.items()
            }
