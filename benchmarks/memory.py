"""Each gunicorn worker's memory (psutil): RSS, and USS (the pages only that worker holds; with preload_app the
workers share the app's pages with the master until they write to them, and RSS counts those shared pages in
every worker)."""

from __future__ import annotations

import psutil

MB = 1024 * 1024


def snapshot(workers: list[psutil.Process]) -> list[dict]:
    out = []
    for w in workers:
        try:
            info = w.memory_full_info()
        except psutil.Error:
            continue
        out.append({"pid": w.pid, "rss_mb": round(info.rss / MB, 1), "uss_mb": round(info.uss / MB, 1)})
    return sorted(out, key=lambda x: x["pid"])


def growth(before: list[dict], after: list[dict]) -> list[dict]:
    """Per worker, RSS before and after and the growth in %; a worker replaced meanwhile has no growth figure."""
    old = {b["pid"]: b for b in before}
    out = []
    for a in after:
        b = old.get(a["pid"])
        out.append(
            {
                "pid": a["pid"],
                "rss_start_mb": b["rss_mb"] if b else None,
                "rss_end_mb": a["rss_mb"],
                "uss_start_mb": b["uss_mb"] if b else None,
                "uss_end_mb": a["uss_mb"],
                "growth_pct": round(100 * (a["rss_mb"] / b["rss_mb"] - 1), 1) if b else None,
            }
        )
    return out
