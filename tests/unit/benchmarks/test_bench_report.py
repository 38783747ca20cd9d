"""The benchmark's judging (benchmarks/report.py): ratios against the no-op floor and the issue's targets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
import report  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)


def _cells(p95_by_clients: dict[int, float], errors=None) -> list[dict]:
    return [
        {"clients": c, "p50_ms": p / 2, "p95_ms": p, "rps": 100.0, "errors": errors or {}}
        for c, p in p95_by_clients.items()
    ]


def _results(callback_p95_at_4: float, errors=None, growth=(5.0, 9.9)) -> dict:
    floors = [
        {"kind": "noop", "name": "floor", "cells": _cells({1: 1.0, 4: p95, 16: 10.0})} for p95 in (2.0, 3.0, 100.0)
    ]  # the median of the floor's runs: 3.0 ms at 4 clients
    return {
        "server": floors
        + [{"kind": "callback", "name": "chart", "cells": _cells({1: 1.0, 4: callback_p95_at_4, 16: 50.0}, errors)}],
        "browser": {
            "page_loads": {"first_visit": {"compressed": 1_400_000}, "cold_ms": {"median": 2600.0}},
            "filter": {"ms": {"median": 300.0}},
        },
        "memory": {"workers": [{"rss_end_mb": 150.0, "growth_pct": g} for g in growth]},
    }


def test_br001_the_floor_is_the_median_of_its_runs():
    assert report.floor_cells(_results(6.0)["server"])[4]["p95_ms"] == 3.0


@pytest.mark.parametrize("p95, met", [(6.0, True), (6.3, False)])
def test_br002_a_callback_meets_its_target_at_twice_the_floor(p95, met):
    judged = report.judge(_results(p95))["callback_p95_ratio_4"]
    assert judged["value"] == round(p95 / 3.0, 2) and judged["met"] is met


def test_br003_a_callback_that_errs_misses_its_target_whatever_its_speed():
    assert report.judge(_results(1.0, errors={"500": 3}))["callback_p95_ratio_4"]["met"] is False


def test_br004_the_other_targets():
    judged = report.judge(_results(6.0))
    assert judged["first_visit_compressed_mb"]["met"] is True  # 1.4 MB <= 1.5
    assert judged["cold_draw_s"]["met"] is False  # 2.6 s > 2.5
    assert judged["filter_redraw_ms"]["met"] is True  # 300 ms <= 300
    assert judged["rss_mb"]["met"] is True
    assert judged["rss_growth_pct"] == {**judged["rss_growth_pct"], "value": 9.9, "met": True}
    assert report.judge(_results(6.0, growth=(10.0,)))["rss_growth_pct"]["met"] is False  # strictly below 10 %
