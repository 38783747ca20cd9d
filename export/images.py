"""PNG and SVG images of the charts, drawn by kaleido 1.x in the system's Chromium.

All images come from one `plotly.io.write_images` call, so one browser is started for the whole export.
SVGs are made byte-stable: Plotly names clip paths, defs and patterns after a random per-plot id (replaced
afterwards by an id derived from the chart's name) and groups after random per-trace ids (fixed beforehand by
giving every trace a `uid` from the chart's name and its position).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from .chart import Chart
from .pages import IMAGE_WIDTH, files

PNG_SCALE = 2
_UID = re.compile(r'id="defs-([0-9a-f]{6})"')


def stable_id(name: str) -> str:
    return "cb" + re.sub(r"[^a-z0-9]", "", name.lower())


def stable_svg(text: str, name: str) -> str:
    """The SVG with Plotly's random plot id replaced wherever it names an element or a reference to one
    (`defs-1a7544`, `clip1a7544x2y`, `url(#legend1a7544)`, `p1a7544-…` patterns); colours are left alone."""
    found = _UID.search(text)
    if not found:
        return text
    uid = found.group(1)
    return re.sub(r'(id="|#)([A-Za-z]+-?)' + uid, lambda m: m.group(1) + m.group(2) + stable_id(name), text)


def _with_trace_ids(chart: Chart) -> go.Figure:
    """A copy for the images only: the page keeps the dashboard's figure unchanged."""
    fig = go.Figure(chart.figure)
    for i, trace in enumerate(fig.data):
        trace.uid = f"{stable_id(chart.name)}t{i}"
    return fig


def write(charts: list[Chart], out_dir: Path) -> list[Path]:
    """Write `<name>.png` (IMAGE_WIDTH × PNG_SCALE wide) and `<name>.svg` for every chart, at each figure's own
    height. Raises whatever kaleido raises when it cannot start a browser."""
    figs, paths, heights, scales = [], [], [], []
    for chart in charts:
        fig = _with_trace_ids(chart)
        for kind, scale in (("png", PNG_SCALE), ("svg", 1)):
            figs.append(fig)
            paths.append(out_dir / files(chart.name)[kind])
            heights.append(chart.height)
            scales.append(scale)
    pio.write_images(figs, paths, width=IMAGE_WIDTH, height=heights, scale=scales)
    for chart in charts:
        svg = out_dir / files(chart.name)["svg"]
        svg.write_bytes(stable_svg(svg.read_text(encoding="utf-8"), chart.name).encode("utf-8"))
    return paths


def cjk_font_missing() -> bool:
    """True when fontconfig knows no font with Chinese glyphs (Chromium would draw Chinese labels as boxes).
    False when that cannot be told (no fc-list): the export then says nothing rather than guess."""
    if shutil.which("fc-list") is None:
        return False
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return listed.returncode == 0 and not listed.stdout.strip()


CJK_WARNING = (
    "export: no CJK font is installed, so the Chinese labels in the PNG and SVG images will show as "
    "boxes. Install one (sudo apt-get install fonts-wqy-microhei, or fonts-noto-cjk) and export again."
)


def remove(charts: list[Chart], out_dir: Path) -> None:
    """Delete this export's own images left by an earlier run, so no stale picture outlives its data."""
    for chart in charts:
        for kind in ("png", "svg"):
            (out_dir / files(chart.name)[kind]).unlink(missing_ok=True)


def _first_sentence(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".")[:160]


def skipped_message(exc: BaseException) -> str:
    """One paragraph for stderr: what was skipped, why (the error and its first cause, one sentence each: their
    own advice to download Chrome is left out), and how to fix it."""
    causes, e = [], exc
    while e is not None and len(causes) < 2:
        first = _first_sentence(e)
        causes.append(f"{type(e).__name__}: {first}" if first else type(e).__name__)
        e = e.__cause__ or e.__context__
    return (
        "export: PNG and SVG images were skipped: kaleido could not draw them in a browser ("
        + "; ".join(causes)
        + "). Install Debian's Chromium and a CJK font (sudo apt-get install chromium "
        "fonts-wqy-microhei), or set BROWSER_PATH to a Chrome or Chromium executable, then export again. "
        "The HTML pages, CSV files, sources notes and index were written."
    )
