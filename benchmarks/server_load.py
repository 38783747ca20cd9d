"""The load generator: N threads, each with one persistent HTTP/1.1 connection (http.client), sending an
endpoint's bodies in rotation as fast as the server answers (closed loop, no think time).

It runs on the same 2 cores as gunicorn, unpinned: at 16 clients its own CPU use is part of what is measured,
so each result also gives the generator's CPU time (as a share of one core). Latency is from sending the request
to reading the whole response; throughput is completed requests over the wall time of the run."""

from __future__ import annotations

import contextlib
import http.client
import itertools
import statistics
import threading
import time

import psutil

HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
RECONNECT = 50  # requests on one connection of a mixed run before it is replaced


class Counter:
    """Requests answered so far, by kind, counted as they complete (the memory figure is read when the
    callback count passes 10,000)."""

    def __init__(self):
        self.lock, self.by_kind = threading.Lock(), {}

    def add(self, kind: str, n: int) -> None:
        with self.lock:
            self.by_kind[kind] = self.by_kind.get(kind, 0) + n

    def get(self, kind: str) -> int:
        return self.by_kind.get(kind, 0)


def _send(conn, host, port, method, path, body, headers):
    """(status, connection): one request on a keep-alive connection; on a connection error, the error's name and
    a fresh connection for the next request."""
    try:
        conn.request(method, path, body=body or None, headers=headers)
        resp = conn.getresponse()
        resp.read()
        return resp.status, conn
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        return type(exc).__name__, http.client.HTTPConnection(host, port, timeout=60)


def _client(host, port, endpoint, headers, offset, clock, until_each, out, start, counter):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    lat, bad, i, n = [], {}, offset, len(endpoint.bodies)
    start.wait()
    while time.perf_counter() < clock["stop"] or i - offset < until_each:
        body = endpoint.bodies[i % n]
        i += 1
        t0 = time.perf_counter()
        status, conn = _send(conn, host, port, endpoint.method, endpoint.path, body, headers)
        lat.append(time.perf_counter() - t0)
        counter.add(endpoint.kind, 1)
        if status not in (200, 204):
            bad[str(status)] = bad.get(str(status), 0) + 1
    conn.close()
    out.append((lat, bad))


def run(
    base: str,
    endpoint,
    clients: int,
    duration: float,
    accept_encoding: str,
    counter: Counter,
    until_each: int = 0,
    workers=(),
) -> dict:
    """Load `endpoint` with `clients` connections for `duration` s (and until each client has sent
    `until_each` requests); p50/p95 in ms, throughput in requests per second, and the CPU seconds each of
    `workers` spent meanwhile (which shows whether the connections reached both)."""
    host, port = base.split("//")[1].split(":")
    headers = dict(HEADERS, **{"Accept-Encoding": accept_encoding})
    out, start, threads, clock = [], threading.Event(), [], {}
    for c in range(clients):
        t = threading.Thread(
            target=_client,
            daemon=True,
            args=(host, int(port), endpoint, headers, c * 7, clock, until_each, out, start, counter),
        )
        t.start()
        threads.append(t)
    served = worker_cpu(workers)
    cpu0, t0 = time.process_time(), time.perf_counter()
    clock["stop"] = t0 + duration
    start.set()
    for t in threads:
        t.join()
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    served = {pid: round(s - served[pid], 2) for pid, s in worker_cpu(workers).items() if pid in served}
    lat = sorted(x for latencies, _ in out for x in latencies)
    bad = {}
    for _, b in out:
        for k, v in b.items():
            bad[k] = bad.get(k, 0) + v
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else lat * 99
    return {
        "clients": clients,
        "requests": len(lat),
        "errors": bad,
        "wall_s": round(wall, 3),
        "p50_ms": round(q[49] * 1000, 2),
        "p95_ms": round(q[94] * 1000, 2),
        "rps": round(len(lat) / wall, 1),
        "loadgen_cpu_pct_of_one_core": round(100 * cpu / wall, 1),
        "worker_cpu_s": served,
    }


def worker_cpu(workers) -> dict[int, float]:
    """CPU seconds (user + system) of each worker so far."""
    out = {}
    for w in workers:
        with contextlib.suppress(psutil.Error):  # a worker that has just exited
            out[w.pid] = sum(w.cpu_times()[:2])
    return out


def warm(base: str, endpoint, accept_encoding: str, counter: Counter) -> None:
    """Every body at least twice over 4 connections (so that both workers are likely to have seen it)."""
    run(base, endpoint, 4, 0, accept_encoding, counter, until_each=max(2, len(endpoint.bodies) // 2))


def _mixer(host, port, endpoints, headers, ticket, total, counter, bad):
    conn, mine = http.client.HTTPConnection(host, port, timeout=60), 0
    while (k := next(ticket)) < total:
        mine += 1
        if mine % RECONNECT == 0:  # a new connection now and then, as browsers make: it may reach the other
            conn.close()  # worker, where one long-lived connection stays with one
            conn = http.client.HTTPConnection(host, port, timeout=60)
        ep = endpoints[k % len(endpoints)]
        body = ep.bodies[(k // len(endpoints)) % len(ep.bodies)]
        status, conn = _send(conn, host, port, ep.method, ep.path, body, headers)
        counter.add(ep.kind, 1)
        if status not in (200, 204):
            bad[f"{ep.name}: {status}"] = bad.get(f"{ep.name}: {status}", 0) + 1
    conn.close()


def mix(base: str, endpoints, clients: int, total: int, accept_encoding: str, counter: Counter, workers=()) -> dict:
    """Exactly `total` requests over `clients` connections, taking the endpoints in turn (each its bodies in
    rotation): every callback equally often, as each page view sends each of its callbacks about once."""
    host, port = base.split("//")[1].split(":")
    headers = dict(HEADERS, **{"Accept-Encoding": accept_encoding})
    ticket, bad, t0, served = itertools.count(), {}, time.perf_counter(), worker_cpu(workers)
    threads = [
        threading.Thread(
            target=_mixer, daemon=True, args=(host, int(port), endpoints, headers, ticket, total, counter, bad)
        )
        for _ in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    served = {pid: round(s - served[pid], 2) for pid, s in worker_cpu(workers).items() if pid in served}
    return {
        "requests": total,
        "clients": clients,
        "wall_s": round(time.perf_counter() - t0, 1),
        "errors": bad,
        "worker_cpu_s": served,
    }
