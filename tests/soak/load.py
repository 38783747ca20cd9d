"""Concurrent clients replaying a request mix against a server, recording the outcome of every request.

Each client is a thread with its own keep-alive session (as a browser keeps its connections), so it has one
request in flight at a time. The load runs in the background while a test kills workers or edits data, and
`mark` records when those events happened, so outcomes can be split by the requests that started before or
after each one.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass

import requests

from .mix import Mix

TIMEOUT = 30  # seconds; a request that takes this long counts as failed


@dataclass(frozen=True)
class Outcome:
    client: int
    kind: str
    started: float  # time.monotonic()
    elapsed: float
    result: str  # ok, wrong, 5xx, 4xx, connection (failed or cut short), timeout, error
    matched: frozenset = frozenset()  # the snapshots the response is consistent with
    detail: str = ""


class Load:
    """`with Load(url, mix, clients) as load:` runs the clients until the block ends."""

    def __init__(self, url: str, mix: Mix, clients: int = 32, seed: int = 5):
        self.url, self.mix, self.clients, self.seed = url, mix, clients, seed
        self.outcomes: list[Outcome] = []
        self.marks: dict[str, float] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._client, args=(i,), daemon=True) for i in range(clients)]

    def __enter__(self) -> Load:
        self.marks["start"] = time.monotonic()
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(TIMEOUT + 5)
        self.marks["end"] = time.monotonic()

    def mark(self, name: str) -> None:
        self.marks[name] = time.monotonic()

    def run_for(self, seconds: float) -> None:
        self._stop.wait(seconds)

    def _client(self, client: int) -> None:
        rng = random.Random(self.seed * 1000 + client)
        with requests.Session() as session:
            while not self._stop.is_set():
                call = self.mix.pick(rng)
                try:
                    self._record(self._one(client, session, call))
                except Exception as exc:  # a bug of the test's own must show, not end the client quietly
                    self._record(Outcome(client, call.kind, time.monotonic(), 0.0, "error", detail=repr(exc)))

    def _one(self, client: int, session: requests.Session, call) -> Outcome:
        started = time.monotonic()
        try:
            r = session.request(call.method, self.url + call.path, json=call.body, timeout=TIMEOUT)
        except requests.RequestException as exc:
            return Outcome(client, call.kind, started, time.monotonic() - started, _failure(exc), detail=repr(exc))
        elapsed = time.monotonic() - started
        result, matched, detail = _judge(call, r)
        return Outcome(client, call.kind, started, elapsed, result, matched, detail)

    def _record(self, outcome: Outcome) -> None:
        with self._lock:
            self.outcomes.append(outcome)

    # --- reading the results -----------------------------------------------------------------------------------

    def between(self, first: str = "start", last: str = "end") -> list[Outcome]:
        """The outcomes of requests started after mark `first` and before mark `last`."""
        return [o for o in self.outcomes if self.marks[first] <= o.started < self.marks[last]]

    def dropped_outside(self, *events: tuple[str, str]) -> list[Outcome]:
        """Requests that failed at the connection level without being in flight during any of the events, each
        given as its (first, last) marks."""
        return [
            o
            for o in self.outcomes
            if o.result == "connection"
            and not any(
                o.started <= self.marks[last] and o.started + o.elapsed >= self.marks[first] for first, last in events
            )
        ]

    def results(self, outcomes=None) -> Counter:
        return Counter(o.result for o in (self.outcomes if outcomes is None else outcomes))

    def failures(self, results=("wrong", "5xx", "4xx", "timeout", "error"), limit: int = 5) -> list[str]:
        bad = [o for o in self.outcomes if o.result in results]
        return [f"{o.result} ({self.when(o)}): {o.detail}" for o in bad[:limit]] + (
            [f"... {len(bad)} in all"] if bad else []
        )

    def when(self, outcome: Outcome) -> str:
        """When a request ran, against the marks: 'started 0.12 s after hup, took 0.30 s'."""
        name, at = max(((n, t) for n, t in self.marks.items() if t <= outcome.started), key=lambda m: m[1])
        return f"started {outcome.started - at:.2f} s after {name}, took {outcome.elapsed:.2f} s"

    def summary(self) -> str:
        """Requests, throughput and latency, for the test's output (never asserted)."""
        seconds = self.marks["end"] - self.marks["start"]
        times = sorted(o.elapsed for o in self.outcomes if o.result == "ok") or [float("nan")]
        return (
            f"{len(self.outcomes)} requests from {self.clients} clients in {seconds:.0f} s "
            f"({len(self.outcomes) / seconds:.0f}/s), p50 {times[len(times) // 2] * 1000:.0f} ms, "
            f"p95 {times[int(0.95 * (len(times) - 1))] * 1000:.0f} ms; {dict(self.results())}; "
            f"by kind {dict(Counter(o.kind for o in self.outcomes))}"
        )


def _failure(exc: requests.RequestException) -> str:
    if isinstance(exc, requests.Timeout):
        return "timeout"
    if isinstance(exc, (requests.ConnectionError, requests.exceptions.ChunkedEncodingError)):
        return "connection"
    return "error"


def _judge(call, r: requests.Response) -> tuple[str, frozenset, str]:
    """(result, snapshots matched, detail) of a response."""
    length = r.headers.get("Content-Length")
    if length is not None and r.raw.tell() != int(length):
        # The connection closed mid-body. A browser rejects that (ERR_CONTENT_LENGTH_MISMATCH); urllib3 1.26
        # returns the truncated body silently, so it is checked here.
        return "connection", frozenset(), f"{call.path}: {r.raw.tell()} of {length} bytes"
    if r.status_code >= 400:
        return f"{r.status_code // 100}xx", frozenset(), f"{r.status_code} {call.path} {r.text[:300]}"
    try:
        matched, detail = call.check(r)
    except Exception as exc:  # an unparseable or incomplete response is a wrong one
        matched, detail = frozenset(), f"{call.kind} {call.path}: {exc!r}; {r.status_code} {r.content[:200]!r}"
    return ("ok" if matched else "wrong"), matched, detail
