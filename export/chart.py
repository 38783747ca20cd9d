"""One chart of the export: everything its files are made from, drawn once from the frames and the view."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from charts.registry import CHARTS, NAMES
from dashboard.card import csv_text
from i18n import t

from . import markup


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    figure: go.Figure
    summary: str
    rows: pd.DataFrame
    extra_html: str  # the headline tiles as escaped HTML ('' when the panel has none)
    csv: str

    @property
    def height(self) -> int:
        return int(self.figure.layout.height or 450)


def build(frames: dict, state, name: str) -> Chart:
    """Draw one panel for the view with the dashboard's own builders: same figure, summary, tiles and CSV."""
    panel = CHARTS[name]
    rows = panel.rows(frames, state)
    extra = markup.component(panel.extra(frames, state)) if panel.extra is not None else ""
    return Chart(
        name=name,
        title=t(f"panel.{name}", state.lang),
        figure=panel.figure(frames, state),
        summary=panel.summary(frames, state),
        rows=rows,
        extra_html=extra,
        csv=csv_text(rows, frames, state.lang),
    )


def build_all(frames: dict, state) -> list[Chart]:
    """Every chart, in the dashboard's page order."""
    return [build(frames, state, name) for name in NAMES]
