"""The rejected-files panel: which data files were left out, and every problem found in each."""

from __future__ import annotations

from dash import html

from core import ids
from data.loader import Dataset


def panel(ds: Dataset) -> html.Div:
    rejected = ds.rejected
    warnings = [(r.path, w) for r in ds.reports for w in r.warnings]
    if not rejected and not warnings:
        return html.Div(id=ids.REJECTED, hidden=True)
    blocks = [html.H2(f"Rejected files ({len(rejected)})")] if rejected else []
    for report in rejected:
        blocks.append(
            html.Section(
                [
                    html.H3(html.Code(report.path)),
                    html.P("This file was left out; the rest of the data is served.", className="hint"),
                    html.Ul([html.Li(html.Code(str(issue))) for issue in report.issues], className="issues"),
                ],
                className="card rejected",
            )
        )
    if warnings:
        blocks.append(html.Ul([html.Li(f"{path}: {w}") for path, w in warnings], className="warnings"))
    return html.Div(blocks, id=ids.REJECTED, role="alert")
