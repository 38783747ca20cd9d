"""The registry of chart panels, in page order. Each is a module with NAME, TAB, rows, figure and summary."""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

NAMES = ("drawdowns", "path", "liquidations", "flows", "timeline", "rates", "macro", "holders", "forecasts",
         "scenarios")


def _load() -> dict[str, ModuleType]:
    return {name: import_module(f"components.{name}") for name in NAMES}


PANELS: dict[str, ModuleType] = _load()


def on_tab(tab: str) -> list[ModuleType]:
    return [p for p in PANELS.values() if p.TAB == tab]


def uses_selection(panel: ModuleType) -> bool:
    """Panels whose figure depends on the selected asset (the path view) redraw on selection; others only
    highlight in the browser."""
    return getattr(panel, "USES_SELECTION", False)


def shown_rows(frames: dict, state, tab: str | None = None):
    """Every figure drawn by the panels of `tab` (all tabs when None), one frame: for the sources and conflicts."""
    import pandas as pd

    parts = [p.rows(frames, state) for p in PANELS.values() if tab is None or p.TAB == tab]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["episode", "id", "source",
                                                                                   "outlet"])
