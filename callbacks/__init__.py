"""Dash callbacks, one module per interaction. Each module keeps its logic in plain functions that tests call
directly, and `register(app, dataset)` attaches thin wrappers to the app.

    url_state     the address <-> every control, and the view the charts draw
    render        one callback per chart: figure, text alternative, headline figures
    cross_filter  a click on any chart selects that asset everywhere; again, or Clear, resets it
    data_view     each chart's table toggle and CSV download
    language      interface words and control options in the chosen language
    details       the selection, conflicts and sources panels
    clientside    highlighting, hover sync, tabs and theme, in assets/crashboard.js
"""
from __future__ import annotations

from data.loader import Dataset

from . import clientside, cross_filter, data_view, details, language, render, url_state
from .context import AppData

MODULES = (url_state, render, cross_filter, data_view, language, details, clientside)


def register(app, dataset: Dataset) -> None:
    """Attach every callback to `app`, serving `dataset`."""
    data = AppData.of(dataset)
    for module in MODULES:
        module.register(app, data)
