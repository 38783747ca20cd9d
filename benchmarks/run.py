"""Crashboard's benchmark (`make bench`): server latency and throughput against the framework floor, browser
figures, and worker memory, on loopback, printed as a table and written to DIR/report.json.

    python benchmarks/run.py [--out DIR] [--app-dir DIR] [--duration S] [--skip-browser] [--quick]
                             [--payloads FILE]

It is a measurement, not a test: it exits 0 whether or not the targets are met, and non-zero only when the
harness itself fails. See README, "Performance"."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture  # noqa: E402
import floor  # noqa: E402
import machine  # noqa: E402
import memory  # noqa: E402
import payloads  # noqa: E402
import report  # noqa: E402
import requests  # noqa: E402
import server_load  # noqa: E402
import visit  # noqa: E402
from server import Gunicorn  # noqa: E402

CALLBACKS_FOR_MEMORY = 10_000
FILTER_CLASSES = ("crypto", "energy", "equity_index")
LOADGEN = (
    "threads with persistent HTTP/1.1 connections (http.client), closed loop, unpinned: "
    "it shares the machine's cores with gunicorn"
)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="bench-out", help="directory for report.json (default: %(default)s)")
    parser.add_argument(
        "--app-dir",
        default=str(HERE.parent),
        help="checkout of the app to measure (default: this one); needs app.create_app(data_dir)",
    )
    parser.add_argument(
        "--duration",
        type=float,
        default=None,
        help="seconds per endpoint and client count (default: 2, or 0.4 with --quick)",
    )
    parser.add_argument(
        "--skip-browser",
        action="store_true",
        help="no browser figures (payloads still come from a browser, unless --payloads)",
    )
    parser.add_argument("--quick", action="store_true", help="fewer views, shorter runs, fewer repeats (~2 min)")
    parser.add_argument("--payloads", help="reuse the callback payloads of an earlier run (its payloads.json)")
    args = parser.parse_args(argv)
    args.duration = args.duration or (0.4 if args.quick else 2.0)
    args.repeat = 3 if args.quick else 5
    return args


def serve_one_page(base: str, page_calls, workers) -> dict:
    """Serve the first page (HTML, layout, dependencies and the callbacks its first visit sends) over fresh
    connections until every worker has served it (its CPU time moved), so that "after start" is a worker that
    has loaded everything and answered one page. Returns the callbacks' statuses (payloads reused from another
    version of the app may no longer fit it)."""
    cpu, statuses = {w.pid: sum(w.cpu_times()[:2]) for w in workers}, {}
    for _ in range(10):
        with requests.Session() as s:
            for path in ("/", "/_dash-layout", "/_dash-dependencies"):
                s.get(base + path, timeout=60).raise_for_status()
            for path, body in page_calls:
                status = s.post(base + path, data=body, headers=server_load.HEADERS, timeout=60).status_code
                statuses[status] = statuses.get(status, 0) + 1
        if all(sum(w.cpu_times()[:2]) - cpu[w.pid] > 0.05 for w in workers):
            break
    return statuses


def saved_payloads(path: str) -> capture.Captured:
    saved = json.loads(Path(path).read_text())
    captured = capture.Captured(skipped=saved["skipped"], accept_encoding=saved["accept_encoding"])
    for c in saved["calls"]:
        captured.add(c["prefix"], c["body"], c["source"], c["status"])
    return captured


def plan(args) -> dict:
    """What the browser opens to capture payloads; --quick opens two views (still both episodes, both languages,
    a filter and none, with the first page), four embeds and one story."""
    return {
        "views": capture.VIEWS[1:3] if args.quick else capture.VIEWS,
        "embeds": 4 if args.quick else None,
        "stories": capture.STORIES[:1] if args.quick else capture.STORIES,
    }


def captured_payloads(args, app_dir: Path, out: Path, log) -> capture.Captured:
    """Payloads from a browser driven against a gunicorn of its own (stopped after), saved to payloads.json."""
    gunicorn, p = Gunicorn(app_dir, out / "gunicorn-capture.log"), plan(args)
    log(f"capturing callback payloads: headless Chromium against gunicorn on {gunicorn.base}")
    try:
        base = gunicorn.start().base
        names = capture.chart_names(requests.get(base + "/_dash-layout", timeout=60).json())
        captured = capture.capture(base, names[: p["embeds"]], p["views"], p["stories"], log)
    finally:
        gunicorn.stop()
    calls = [
        {"prefix": p, "output": o, "body": b, "source": s, "status": st}
        for (p, o), bodies in captured.calls.items()
        for b, (s, st) in bodies.items()
    ]
    (out / "payloads.json").write_text(
        json.dumps({"skipped": captured.skipped, "calls": calls, "accept_encoding": captured.accept_encoding}, indent=1)
    )
    return captured


class Load:
    """Runs the endpoints one after another: a short warm-up (the memory phase has already sent every body many
    times), then 1, 4 and 16 clients each. The no-op floor is measured
    at the start, after every FLOOR_EVERY callbacks and at the end, since other work on the machine drifts; the
    workers' memory is read after each endpoint."""

    FLOOR_EVERY = 8

    def __init__(self, base, args, encoding, workers, counter, log):
        self.base, self.args, self.encoding, self.workers, self.log = base, args, encoding, workers, log
        self.counter, self.rows, self.memory = counter, [], []

    def bench(self, ep) -> None:
        server_load.warm(self.base, ep, self.encoding, self.counter)
        cells = [
            server_load.run(self.base, ep, c, self.args.duration, self.encoding, self.counter, workers=self.workers)
            for c in report.CLIENTS
        ]
        self.rows.append(
            {
                "name": ep.name,
                "kind": ep.kind,
                "path": ep.path,
                "payloads": len(ep.bodies),
                "captured_on": sorted(set(ep.sources)),
                "note": ep.note,
                "cells": cells,
            }
        )
        self.remember()
        self.log(f"  {ep.name}: p95 at 4 clients {cells[1]['p95_ms']} ms")

    def remember(self) -> None:
        self.memory.append(
            {"callback_requests": self.counter.get("callback"), "workers": memory.snapshot(self.workers)}
        )

    def all(self, endpoints) -> None:
        flask, noop = payloads.floors()
        self.bench(flask)
        self.bench(noop)
        for i, ep in enumerate(endpoints):
            if i and i % self.FLOOR_EVERY == 0:
                self.bench(noop)
            self.bench(ep)
        self.bench(noop)


def memory_phase(base, endpoints, encoding, workers, counter, log) -> dict:
    """RSS after one page, then after 10,000 callback requests taking every callback in turn (before the latency
    load, which then sends many more; the end-of-run reading is kept too)."""
    before = memory.snapshot(workers)
    log(f"memory: {CALLBACKS_FOR_MEMORY} callback requests, every callback in turn, 8 clients")
    sent = server_load.mix(base, endpoints, 8, CALLBACKS_FOR_MEMORY, encoding, counter, workers)
    return {
        "start": before,
        "workers": memory.growth(before, memory.snapshot(workers)),
        "callback_requests": counter.get("callback"),
        "mix": sent,
        "note": "start: after serving one page and its callbacks",
    }


def inputs(args) -> dict:
    """What the browser did to capture the payloads (the inputs the load replays), and what it measured."""
    if args.payloads:
        return {"payloads": f"reused from {args.payloads}"}
    p = plan(args)
    return {
        "views": p["views"],
        "tabs": ["crash", "context"],
        "first_page": capture.PAGE,
        "clicks_on_first_page": [c for c, _ in capture.CLICKS],
        "embeds": f"first {p['embeds']} charts" if p["embeds"] else "every chart",
        "stories": p["stories"],
        "presenter_clicks": [c for c, _ in capture.PRESENTER_CLICKS],
        "browser_figures": {"page": "/", "filter_page": capture.PAGE, "filter_classes": FILTER_CLASSES},
    }


def measure(args, log=print) -> dict:
    app_dir, out = Path(args.app_dir).resolve(), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results, phases = {"machine": machine.info(app_dir), "args": vars(args), "loadgen": LOADGEN}, {}
    results["inputs"] = inputs(args)
    t = time.time()
    captured = saved_payloads(args.payloads) if args.payloads else captured_payloads(args, app_dir, out, log)
    phases["capture"] = round(time.time() - t, 1)
    t = time.time()
    gunicorn = Gunicorn(app_dir, out / "gunicorn.log")  # a fresh server for the figures
    try:
        workers = gunicorn.start().workers()
        results["gunicorn"] = f"gunicorn, {len(workers)} workers, {gunicorn.config}"
        results["first_page_statuses"] = serve_one_page(gunicorn.base, capture.first_page(captured), workers)
        prefixes = sorted({p for p, _ in captured.calls} | {"/"})
        endpoints, results["coverage"] = payloads.build(captured, payloads.dependencies(gunicorn.base, prefixes))
        results["coverage"]["capture_skipped"] = captured.skipped
        encoding = captured.accept_encoding or "gzip, deflate"
        results["loadgen"] += f"; Accept-Encoding '{encoding}' as Chromium sent it"
        counter = server_load.Counter()
        results["memory"] = memory_phase(gunicorn.base, endpoints, encoding, workers, counter, log)
        log(f"load: {len(endpoints)} callbacks and the floors, {args.duration} s per client count")
        load = Load(gunicorn.base, args, encoding, workers, counter, log)
        load.all(endpoints)
        results["server"], results["requests_sent"] = load.rows, counter.by_kind
        results["memory"].update(
            after_each_endpoint=load.memory,
            end={
                "workers": memory.growth(results["memory"]["start"], load.memory[-1]["workers"]),
                "callback_requests": counter.get("callback"),
            },
        )
        if {w.pid for w in gunicorn.workers()} != {w.pid for w in workers}:
            results["memory"]["note"] += ". A worker was replaced during the run: its figures stop there"
        phases["server"] = round(time.time() - t, 1)
        if not args.skip_browser:
            t = time.time()
            log("browser: cold and warm page loads, filter redraws")
            episode_query = capture.PAGE.removeprefix("/")
            results["browser"] = {
                "page_loads": visit.page_loads(gunicorn.base + "/", args.repeat),
                "static_floor": visit.static_floor(gunicorn.base + floor.STATIC_PATH, args.repeat),
                "filter": visit.filter_redraws(gunicorn.base + capture.PAGE, FILTER_CLASSES, 2 * args.repeat),
                "react_floor": visit.react_floor(
                    gunicorn.base + capture.PAGE, episode_query, FILTER_CLASSES, 2 * args.repeat
                ),
            }
            phases["browser"] = round(time.time() - t, 1)
    finally:
        gunicorn.stop()
    results["phases_s"] = phases
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["targets"] = report.judge(results)
    return results


def main(argv=None) -> int:
    args = parse_args(argv)
    t0 = time.time()
    try:
        results = measure(args, log=lambda s: print(s, file=sys.stderr, flush=True))
    except Exception:  # noqa: BLE001 - the harness failed: say where, exit non-zero
        traceback.print_exc()
        return 1
    results["took_s"] = round(time.time() - t0, 1)
    print(report.text(results))
    print(f"\nwrote {report.write(results, Path(args.out))} in {results['took_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
