"""The contract every chart keeps: a typed declaration the registry lists, instead of a module probed by name.

A chart is three pure functions of the frames and a view state (core.state.State):

    rows(frames, state)    -> pd.DataFrame  exactly the records drawn; the data table and the CSV show these
    figure(frames, state)  -> go.Figure     the chart itself (plotly.graph_objects, no plotly.express)
    summary(frames, state) -> str           its text alternative

plus, optionally, `extra(frames, state)` for headline tiles above the chart (Dash html, text only). `traces`
names the plotly trace types the figure may draw: the page ships plotly.js's basic bundle, and a test checks
that every declared type is in it and that every drawn trace was declared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

TABS = ("crash", "context")  # the dashboard's tabs, in order; core.state takes them from here

Frames = dict[str, pd.DataFrame]
Builder = Callable[[Frames, Any], Any]


@dataclass(frozen=True)
class Chart:
    name: str  # its id in addresses, embeds, stories and the catalogue
    tab: str  # the dashboard tab it sits on: one of TABS
    rows: Callable[[Frames, Any], pd.DataFrame]
    figure: Callable[[Frames, Any], go.Figure]
    summary: Callable[[Frames, Any], str]
    traces: frozenset[str]  # plotly trace types the figure draws
    extra: Builder | None = None  # headline tiles above the chart, if it has any
    uses_selection: bool = False  # redrawn (not just highlighted) when the selection changes

    def __post_init__(self) -> None:
        if self.tab not in TABS:
            raise ValueError(f"chart {self.name!r}: tab must be one of {TABS}, not {self.tab!r}")
        if not self.traces:
            raise ValueError(f"chart {self.name!r}: declare the plotly trace types it draws")

    @property
    def title_key(self) -> str:
        """Its title in the catalogue."""
        return f"panel.{self.name}"
