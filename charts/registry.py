"""The registry: every chart of the dashboard, in page order, as declared by its module (charts.contract).

This is the one list of chart names. The address, the embeds, the presenter's stories, the export and the
benchmark all take the charts from here.
"""

from __future__ import annotations

import pandas as pd

from . import drawdowns, flows, forecasts, holders, liquidations, macro, path, rates, scenarios, timeline
from .contract import Chart

REGISTRY: tuple[Chart, ...] = (
    drawdowns.CHART,
    path.CHART,
    liquidations.CHART,
    flows.CHART,
    timeline.CHART,
    rates.CHART,
    macro.CHART,
    holders.CHART,
    forecasts.CHART,
    scenarios.CHART,
)
CHARTS: dict[str, Chart] = {c.name: c for c in REGISTRY}
NAMES: tuple[str, ...] = tuple(CHARTS)


def on_tab(tab: str) -> list[Chart]:
    return [c for c in REGISTRY if c.tab == tab]


def shown_rows(frames: dict, state, tab: str | None = None) -> pd.DataFrame:
    """Every figure drawn by the charts of `tab` (all tabs when None), one frame: for the sources and conflicts."""
    parts = [c.rows(frames, state) for c in REGISTRY if tab is None or c.tab == tab]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["episode", "id", "source", "outlet"])
