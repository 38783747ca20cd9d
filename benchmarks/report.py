"""The printed table and the targets of issue 5. Ratios ("x floor") are a p95 over the Dash no-op callback's
p95 at the same number of clients in the same run (the median of the floor's runs, which are spread over the
run). Browser targets are judged on the median of repeated runs (the max is printed beside it), memory on the
worst worker after the first 10,000 callback requests."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

CLIENTS = (1, 4, 16)
MB = 1_000_000
TARGETS = {  # key: (figure, limit, unit)
    "callback_p95_ratio_4": ("p95 of every callback at 4 clients", 2.0, "x no-op p95"),
    "first_visit_compressed_mb": ("first-visit transfer, compressed", 1.5, "MB"),
    "cold_draw_s": ("all charts drawn, cold (median)", 2.5, "s"),
    "filter_redraw_ms": ("filter change until every chart redrawn (median)", 300, "ms"),
    "cold_vs_static_floor": ("cold draw over the static page of the same figures (medians)", 1.5, "x floor"),
    "filter_vs_react_floor": ("filter redraw over Plotly.react of the changed figures (medians)", 1.5, "x floor"),
    "rss_mb": ("RSS per worker (worst, after 10k callbacks)", 200, "MB"),
    "rss_growth_pct": ("RSS growth over 10k callbacks (worst worker)", 10, "%"),
}


def floor_cells(server: list[dict]) -> dict[int, dict]:
    """The no-op floor by client count: the median of its runs, cell by cell."""
    runs = [r for r in server if r["kind"] == "noop"]
    out = {}
    for c in CLIENTS:
        cells = [cell for r in runs for cell in r["cells"] if cell["clients"] == c]
        if cells:
            out[c] = {k: statistics.median(cell[k] for cell in cells) for k in ("p50_ms", "p95_ms", "rps")}
            out[c]["errors"] = {}
    return out


def _ratio(cell: dict, floor: dict | None) -> float | None:
    return cell["p95_ms"] / floor["p95_ms"] if floor and floor["p95_ms"] else None


def floor_ratio(b: dict, which: str) -> float | None:
    """A browser figure over its floor from the same run: the cold visit over the static page's, the filter's
    redraw over Plotly.react of the changed figures (None when either is missing)."""
    if which == "cold":
        ms = ((b.get("page_loads") or {}).get("cold_ms") or {}).get("median")
        floor = ((b.get("static_floor") or {}).get("cold_ms") or {}).get("median")
    else:
        ms = ((b.get("filter") or {}).get("ms") or {}).get("median")
        floor = ((b.get("react_floor") or {}).get("ms") or {}).get("median")
    return ms / floor if ms and floor else None


def judge(results: dict) -> dict:
    """Each target: value, limit, met (None when not measured)."""
    server = results.get("server") or []
    floors = floor_cells(server)
    ratios = [
        _ratio(cell, floors.get(4))
        for r in server
        if r["kind"] == "callback"
        for cell in r["cells"]
        if cell["clients"] == 4
    ]
    ratios = [x for x in ratios if x is not None]
    failing = [r["name"] for r in server if r["kind"] == "callback" and any(c["errors"] for c in r["cells"])]
    b, mem = results.get("browser") or {}, results.get("memory") or {}
    loads, workers = b.get("page_loads") or {}, mem.get("workers") or []
    loads = loads if loads.get("first_visit") else {}
    growths = [w["growth_pct"] for w in workers if w["growth_pct"] is not None]
    values = {
        "callback_p95_ratio_4": max(ratios) if ratios else None,
        "first_visit_compressed_mb": loads["first_visit"]["compressed"] / MB if loads else None,
        "cold_draw_s": loads["cold_ms"]["median"] / 1000 if loads else None,
        "filter_redraw_ms": (b.get("filter") or {}).get("ms", {}).get("median"),
        "cold_vs_static_floor": floor_ratio(b, "cold"),
        "filter_vs_react_floor": floor_ratio(b, "filter"),
        "rss_mb": max(w["rss_end_mb"] for w in workers) if workers else None,
        "rss_growth_pct": max(growths) if growths else None,
    }
    out = {}
    for key, (what, limit, unit) in TARGETS.items():
        v = values[key]
        met = None if v is None else (v < limit if key == "rss_growth_pct" else v <= limit)
        if key == "callback_p95_ratio_4" and failing:
            met, what = False, f"{what} ({len(failing)} answered with errors)"
        out[key] = {"what": what, "value": None if v is None else round(v, 2), "limit": limit, "unit": unit, "met": met}
    return out


def _mark(met) -> str:
    return "not measured" if met is None else ("met" if met else "MISSED")


def _row(name: str, cells: dict, floors: dict, target: str = "", n="") -> str:
    row = f"{name[:40]:<40} {n:>3}"
    for c in CLIENTS:
        cell = cells.get(c)
        if cell is None:
            row += " |" + " " * 29
            continue
        ratio = _ratio(cell, floors.get(c))
        flag = "!" if cell["errors"] else " "
        row += f" | {cell['p50_ms']:6.1f} {cell['p95_ms']:6.1f}{flag}{cell['rps']:6.0f} " + (
            f"{ratio:6.1f}" if ratio is not None else f"{'-':>6}"
        )
    return row + (f" | {target}" if target else "")


def server_table(server: list[dict], notes: list[str]) -> list[str]:
    floors, limit = floor_cells(server), TARGETS["callback_p95_ratio_4"][1]
    group = "".join(f" | {str(c) + (' client' if c == 1 else ' clients'):<29}" for c in CLIENTS)
    head = f"{'':<44}{group} |"
    sub = (
        f"{'endpoint':<40} {'in':>3}"
        + " | {:>6} {:>6} {:>6} {:>6}".format("p50", "p95", "req/s", "xfloor") * 3
        + " | target"
    )
    lines = [head, sub, "-" * len(sub)]
    noops = [r for r in server if r["kind"] == "noop"]
    for r in server:
        if r["kind"] == "noop":
            continue
        cells = {cell["clients"]: cell for cell in r["cells"]}
        target = ""
        if r["kind"] == "callback":
            ratio = _ratio(cells[4], floors.get(4)) if 4 in cells else None
            target = _mark(None if ratio is None else ratio <= limit)
            target = "ERRORS" if any(cell["errors"] for cell in r["cells"]) else target
        lines.append(_row(r["name"], cells, floors, target, r["payloads"] if r["kind"] == "callback" else ""))
        if r["kind"] == "flask":
            lines.append(_row(f"Dash no-op callback: floor ({len(noops)} runs)", floors, floors))
        if r.get("note"):
            notes.append(f"{r['name']}: {r['note']}")
        if any(cell["errors"] for cell in r["cells"]):
            notes.append(f"{r['name']}: non-2xx answers {[cell['errors'] for cell in r['cells']]} (marked !)")
    multi = [cell for r in server for cell in r["cells"] if cell["clients"] > 1 and cell.get("worker_cpu_s")]
    alone = [cell for cell in multi if sorted(cell["worker_cpu_s"].values())[0] < 0.01]
    if alone:
        notes.append(
            f"{len(alone)} of {len(multi)} runs with 4 or 16 clients were served by one worker only: "
            f"gunicorn hands each keep-alive connection to one worker, whichever accepts it"
        )
    spread = {c: [cell["p95_ms"] for n in noops for cell in n["cells"] if cell["clients"] == c] for c in CLIENTS}
    notes.append("floor p95 runs (ms), by clients: " + "; ".join(f"{c}: {v}" for c, v in spread.items()))
    return lines


def _parts(p: dict | None) -> str:
    if not p:
        return ""
    return (
        f"; medians: {p['callback_requests']:g} callback requests, the last answered at "
        f"{p['last_callback_answered_ms']:.0f} ms, then {p['after_last_answer_ms']:.0f} ms in the browser"
    )


def _browser(b: dict) -> list[str]:
    lines = []
    pl = b.get("page_loads")
    for error in (pl or {}).get("errors", []):
        lines.append(f"  page load failed: {error}")
    if pl and pl.get("first_visit"):
        fv = pl["first_visit"]
        lines += [
            f"Browser: headless Chromium {pl['chromium']}, {pl['url']}, Accept-Encoding '{fv['accept_encoding']}'",
            f"  first visit: {fv['compressed'] / MB:.2f} MB on the wire, {fv['uncompressed'] / MB:.2f} MB "
            f"decoded, {fv['requests']} requests ({fv['aborted']} callback requests aborted by Dash, "
            f"{fv['failed']} failed)",
        ]
        for kind, t in sorted(fv["by_type"].items(), key=lambda kv: -kv[1]["compressed"]):
            lines.append(
                f"    {kind:<11} {t['requests']:>3} requests {t['compressed'] / MB:6.3f} MB wire "
                f"{t['uncompressed'] / MB:6.3f} MB decoded"
            )
        for key, what in (("cold_ms", "all charts drawn, cold"), ("warm_ms", "all charts drawn, warm")):
            if pl[key]:
                lines.append(
                    f"  {what}: median {pl[key]['median']:.0f} ms, max {pl[key]['max']:.0f} ms "
                    f"({pl[key]['runs']} runs){_parts(pl.get(key.replace('_ms', '_parts')))}"
                )
    f = b.get("filter") or {}
    if f.get("ms"):
        lines.append(
            f"  filter change until every chart redrawn: median {f['ms']['median']:.0f} ms, max "
            f"{f['ms']['max']:.0f} ms ({f['ms']['runs']} clicks: {', '.join(f['clicks'])})"
            f"{_parts(f.get('parts'))}"
        )
    if f.get("error"):
        lines.append(f"  filter change: {f['error']}")
    for key, what, ratio in (
        ("static_floor", "floor: static page of the same figures, cold", floor_ratio(b, "cold")),
        ("react_floor", "floor: Plotly.react of the changed figures", floor_ratio(b, "filter")),
    ):
        fl = b.get(key) or {}
        ms = fl.get("cold_ms") or fl.get("ms")
        if ms:
            vs = f"; the dashboard takes {ratio:.2f}x" if ratio else ""
            lines.append(f"  {what}: median {ms['median']:.0f} ms, max {ms['max']:.0f} ms ({ms['runs']} runs){vs}")
        elif fl.get("error"):
            lines.append(f"  {what}: {fl['error']}")
    return lines


def _inputs(i: dict) -> str:
    if "views" not in i:
        return f"Inputs: {i.get('payloads', '?')}."
    return (
        f"Inputs: callback bodies as headless Chromium sent them on the dashboard at {', '.join(i['views'])} "
        f"(each on both tabs); at {i['first_page']} and the clicks {', '.join(i['clicks_on_first_page'])}; "
        f"the embed of {i['embeds']}; presenter mode at {', '.join(i['stories'])} with "
        f"{', '.join(i['presenter_clicks'])}. Bodies answered 200 are replayed (a 204-only callback says so)."
    )


def text(results: dict) -> str:
    m, notes = results["machine"], []
    lines = [
        f"Crashboard benchmark: {m['app_dir']} (commit {(m['git_commit'] or 'none')[:12]}, source "
        f"{m['source_sha256']}), {results.get('took_s', '?')} s",
        f"{m['cores']} cores ({m['cpu']}), Python {m['python']}, dash {m['packages']['dash']}, plotly "
        f"{m['packages']['plotly']}, gunicorn {m['packages']['gunicorn']}; load average "
        f"{m['load_average_at_start'][0]} at start, {m.get('load_average_at_end', ['?'])[0]} at end",
        f"Server: {results.get('gunicorn')}, loopback.",
        f"Load generator: {results['loadgen']}.",
        _inputs(results.get("inputs") or {}),
        "",
    ]
    if results.get("server"):
        lines += [
            "Latency in ms, throughput in req/s; xfloor = p95 / the Dash no-op p95 at the same clients "
            "(target: <= 2 at 4 clients); in = distinct request bodies replayed in rotation"
        ]
        lines += server_table(results["server"], notes)
        cov = results.get("coverage", {})
        lines += [
            "",
            "Clientside callbacks (run in the browser; not server callbacks, skipped): "
            + (", ".join(cov.get("clientside_skipped", [])) or "none"),
            "Server callbacks without a captured payload (not measured): "
            + (", ".join(cov.get("not_covered", [])) or "none"),
        ]
        notes += [f"capture: {s}" for s in cov.get("capture_skipped", [])]
    if results.get("browser"):
        lines += [""] + _browser(results["browser"])
    mem = results.get("memory")
    if mem:
        lines += [
            "",
            f"Memory per worker: after one page, after {mem['callback_requests']} callback requests taking "
            f"every callback in turn ({mem['mix']['wall_s']} s; worker CPU s {mem['mix']['worker_cpu_s']}), and at "
            f"the end of the run "
            f"({mem['end']['callback_requests']} callback requests)",
        ]
        if mem["mix"]["errors"]:
            notes.append(f"memory phase: non-2xx answers {mem['mix']['errors']}")
        for w, e in zip(mem["workers"], mem["end"]["workers"], strict=True):
            lines.append(
                f"  pid {w['pid']}: RSS {w['rss_start_mb']} -> {w['rss_end_mb']} MB ({w['growth_pct']:+}%), "
                f"end {e['rss_end_mb']} MB ({e['growth_pct']:+}%); USS {w['uss_start_mb']} -> "
                f"{w['uss_end_mb']} MB"
            )
    lines += ["", "Targets (issue 5):"]
    for t in results["targets"].values():
        value = "-" if t["value"] is None else f"{t['value']:g}"
        op = "<" if "growth" in t["what"] else "<="
        lines.append(f"  {_mark(t['met']):<12} {t['what']}: {value} (target {op} {t['limit']:g} {t['unit']})")
    if notes:
        lines += ["", "Notes:"] + [f"  {n}" for n in notes]
    return "\n".join(lines)


def write(results: dict, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.json"
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str))
    return path
