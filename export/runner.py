"""Orchestration: check the options against the data, draw every chart once, write its files, report.

Exit codes of `command`: 0 every file written (or images skipped on purpose with --no-images); 1 the output
could not be written; 2 an option names an unknown episode, class or window; 3 everything but the PNG and
SVG images was written, because no browser could be started for kaleido.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import plotly.offline

from charts.registry import NAMES
from core.state import LANGS, THEMES, Choices, State, from_values
from data.select import BOTH, WINDOW_GROUPS
from i18n import language

from . import footnote, pages
from . import images as imaging
from .chart import build_all
from .words import view_line

STATIC = Path(__file__).resolve().parent / "static"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_IMAGES = 0, 1, 2, 3


@dataclass
class Report:
    out_dir: Path
    files: list[str] = field(default_factory=list)  # names inside out_dir, sorted
    bytes: int = 0
    seconds: float = 0.0
    images: str = "written"  # "written", "off" (--no-images) or "skipped" (no browser)
    image_error: str = ""

    def summary(self) -> str:
        return (
            f"export: {len(self.files)} files, {self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s "
            f"to {self.out_dir} (images {self.images})"
        )


class OptionError(ValueError):
    """An option names something the data does not have."""


def _check(kind: str, values: list[str], valid: list[str]) -> None:
    unknown = [v for v in values if v not in valid]
    if unknown:
        raise OptionError(f"unknown {kind} {', '.join(map(repr, unknown))}; valid: {', '.join(valid)}")


def state_from_options(
    frames: dict,
    episode: str | None = None,
    classes: str | None = None,
    window: str | None = None,
    lang: str = "en",
    theme: str = "light",
) -> State:
    """The view to export; unlike the dashboard's URL state, an unknown value is an error, never a fallback."""
    choices = Choices.from_frames(frames, NAMES)
    episode = episode or choices.default_episode
    wanted = [c.strip() for c in (classes or "").split(",") if c.strip()]
    _check("episode", [episode], [*choices.episodes, BOTH])
    _check("asset class", wanted, list(choices.classes))
    _check("window", [window] if window else [], list(WINDOW_GROUPS))
    _check("language", [lang], list(LANGS))
    _check("theme", [theme], list(THEMES))
    return from_values({"episode": episode, "classes": wanted, "window": window, "lang": lang, "theme": theme}, choices)


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))  # bytes: the same file on every platform, no newline translation


def run(dataset, out_dir, state: State, images: bool = True, log=print) -> Report:
    """Write every chart's files for `state` into `out_dir` and return what was written. Images that cannot be
    drawn are reported on stderr and in the Report; everything else is still written."""
    start = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames, lang = dataset.frames, state.lang
    charts = build_all(frames, state)
    view = view_line(frames, state)
    log(f"export: {len(charts)} charts to {out}")
    _write(out / pages.PLOTLY_JS, plotly.offline.get_plotlyjs())
    for name in (pages.LOADER_JS, pages.CSS):
        (out / name).write_bytes((STATIC / name).read_bytes())
    notes = {}
    for chart in charts:
        f = pages.files(chart.name)
        _write(out / f["csv"], chart.csv)
        notes[chart.name] = footnote.lines(frames, chart.rows, lang)
        _write(out / f["md"], footnote.markdown(notes[chart.name], chart.title, view, lang))
    report = Report(out_dir=out, images="written" if images else "off")
    imaging.remove(charts, out)
    if images and language(lang).cjk and imaging.cjk_font_missing():
        print(imaging.CJK_WARNING, file=sys.stderr)
    if images:
        try:
            imaging.write(charts, out)
        except Exception as exc:  # any failure of the browser step leaves the rest intact
            imaging.remove(charts, out)
            report.images, report.image_error = "skipped", imaging.skipped_message(exc)
            print(report.image_error, file=sys.stderr)
    drawn = report.images == "written"
    for chart in charts:
        _write(
            out / pages.files(chart.name)["html"],
            pages.chart_page(chart, footnote.html_table(notes[chart.name], lang), view, lang, state.theme, drawn),
        )
    _write(out / "index.html", pages.index_page(charts, view, lang, state.theme, drawn))
    names = {pages.PLOTLY_JS, pages.LOADER_JS, pages.CSS, "index.html"}
    for chart in charts:
        names.update(v for k, v in pages.files(chart.name).items() if drawn or k not in ("png", "svg"))
    report.files = sorted(names)
    report.bytes = sum((out / n).stat().st_size for n in report.files)
    report.seconds = time.perf_counter() - start
    return report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `export` subcommand's options."""
    parser.add_argument("--out", required=True, metavar="DIR", help="output directory (created if missing)")
    parser.add_argument("--episode", metavar="ID|both", help="episode id or 'both' (default: the latest)")
    parser.add_argument("--classes", metavar="A,B", help="comma-separated asset classes (default: all)")
    parser.add_argument("--window", metavar="W", help="drawdown window group (default: day)")
    parser.add_argument("--lang", default=LANGS[0], choices=LANGS, help="language (default: %(default)s)")
    parser.add_argument("--theme", default="light", choices=THEMES, help="theme (default: %(default)s)")
    parser.add_argument("--no-images", action="store_true", help="skip the PNG and SVG images (no browser needed)")


def command(args: argparse.Namespace, dataset) -> int:
    """Run the export for parsed options; print a short report; return the exit code (see the module docstring)."""
    try:
        state = state_from_options(dataset.frames, args.episode, args.classes, args.window, args.lang, args.theme)
    except OptionError as exc:
        print(f"export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        report = run(dataset, args.out, state, images=not args.no_images)
    except OSError as exc:
        print(f"export: cannot write to {args.out}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(report.summary())
    return EXIT_NO_IMAGES if report.images == "skipped" else EXIT_OK
