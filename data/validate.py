"""`python app.py validate [PATH ...]`: check files and print one line per file.

A PATH may be a data directory, an episode file (checked against the registry and vocabulary of the data
directory), a story file (checked against the data directory's episodes), or a sources/vocabulary file.
"""

from __future__ import annotations

from pathlib import Path

from . import safeyaml
from .errors import DataError, Issue
from .loader import (
    SOURCES_FILE,
    STORIES_DIR,
    VOCABULARY_FILE,
    FileReport,
    build,
    episode_files,
    read_context,
    read_episodes,
    story_files,
)


def validate(paths: list[str], data_dir: Path, charts: tuple[str, ...] | None = None) -> list[FileReport]:
    """Reports for `paths` (or for the whole of `data_dir` when no path is given); `charts` names the charts a
    story may show."""
    data_dir = Path(data_dir)
    targets = [Path(p) for p in paths] or [data_dir]
    reports: list[FileReport] = []
    for target in targets:
        root = target if target.is_dir() else data_dir
        ctx, registry, vocab, context_reports = read_context(root)
        if target.is_dir():
            reports += build(root, charts=charts).reports
        elif target.name in (SOURCES_FILE, VOCABULARY_FILE) and target.resolve().parent == root.resolve():
            reports += [r for r in context_reports if r.path.endswith(target.name)]
        elif not target.exists():
            reports.append(FileReport(str(target), "episode", [Issue(str(target), "no such file")]))
        elif _is_story(target):
            # checked against the data directory's episodes, and after its other stories so that a clash of
            # story ids is reported on this file
            others = [p for p in story_files(root) if p.resolve() != target.resolve()]
            ds = build(root, [*others, target], charts)
            reports += [r for r in ds.reports if not r.ok and r.kind != "story"]
            reports += [r for r in ds.reports if r.kind == "story"][-1:]
        else:
            # checked together with the data directory's other episodes, so cross-episode references resolve
            others = [p for p in episode_files(root) if p.resolve() != target.resolve()]
            bad_context = [r for r in context_reports if not r.ok]
            _, eps = read_episodes([target, *others], root, ctx, not bad_context)
            reports += bad_context + eps[:1]
    return reports


def _is_story(path: Path) -> bool:
    """A file in a stories folder, or one whose top level has a 'story' (a draft kept elsewhere)."""
    if path.resolve().parent.name == STORIES_DIR:
        return True
    try:
        data = safeyaml.load_file(path, str(path)).data
    except DataError:
        return False
    return isinstance(data, dict) and "story" in data


def summary_line(report: FileReport) -> str:
    """'data/episodes/x.yaml: moves 24, rates 3, ... conflicts 11 (0 calendar)'."""
    counts = dict(report.counts)
    if report.kind == "story":
        return (
            f"{report.path} (story of {report.episode}): {counts.get('slides', 0)} slides, "
            f"{counts.get('placeholders', 0)} placeholders"
        )
    if report.kind != "episode":
        return f"{report.path}: " + ", ".join(f"{n} {k}" for k, n in counts.items())
    conflicts = counts.pop("conflicts", 0)
    calendar = counts.pop("calendar conflicts", 0)
    derived = counts.pop("derived", 0)
    tables = ", ".join(f"{k} {n}" for k, n in counts.items())
    return f"{report.path} [{report.episode}]: {tables}; derived {derived}; conflicts {conflicts} ({calendar} calendar)"


def render(reports: list[FileReport]) -> tuple[str, int]:
    """The text `validate` prints and its exit code."""
    lines, failed = [], False
    for r in reports:
        if r.ok:
            lines.append(summary_line(r))
            lines += [f"  warning: {w}" for w in r.warnings]
        else:
            failed = True
            lines.append(f"{r.path}: REJECTED ({len(r.issues)} problem{'s' if len(r.issues) != 1 else ''})")
            lines += [f"  {issue}" for issue in r.issues]
    lines.append("FAILED" if failed else "OK")
    return "\n".join(lines), 1 if failed else 0
