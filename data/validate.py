"""`python app.py validate [PATH ...]`: check files and print one line per file.

A PATH may be a data directory, an episode file (checked against the registry and vocabulary of the data
directory), or a sources/vocabulary file.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Issue
from .loader import (SOURCES_FILE, VOCABULARY_FILE, FileReport, episode_files, read_context, read_episodes)


def validate(paths: list[str], data_dir: Path) -> list[FileReport]:
    """Reports for `paths` (or for the whole of `data_dir` when no path is given)."""
    data_dir = Path(data_dir)
    targets = [Path(p) for p in paths] or [data_dir]
    reports: list[FileReport] = []
    for target in targets:
        root = target if target.is_dir() else data_dir
        ctx, registry, vocab, context_reports = read_context(root)
        if target.is_dir():
            _, eps = read_episodes(episode_files(root), root, ctx, registry is not None and vocab is not None)
            reports += context_reports + eps
        elif target.name in (SOURCES_FILE, VOCABULARY_FILE) and target.resolve().parent == root.resolve():
            reports += [r for r in context_reports if r.path.endswith(target.name)]
        elif not target.exists():
            reports.append(FileReport(str(target), "episode", [Issue(str(target), "no such file")]))
        else:
            # checked together with the data directory's other episodes, so cross-episode references resolve
            others = [p for p in episode_files(root) if p.resolve() != target.resolve()]
            bad_context = [r for r in context_reports if not r.ok]
            _, eps = read_episodes([target, *others], root, ctx, not bad_context)
            reports += bad_context + eps[:1]
    return reports


def summary_line(report: FileReport) -> str:
    """'data/episodes/x.yaml: moves 24, rates 3, ... conflicts 11 (0 calendar)'."""
    counts = dict(report.counts)
    if report.kind != "episode":
        return f"{report.path}: " + ", ".join(f"{n} {k}" for k, n in counts.items())
    conflicts = counts.pop("conflicts", 0)
    calendar = counts.pop("calendar conflicts", 0)
    derived = counts.pop("derived", 0)
    tables = ", ".join(f"{k} {n}" for k, n in counts.items())
    return (f"{report.path} [{report.episode}]: {tables}; derived {derived}; "
            f"conflicts {conflicts} ({calendar} calendar)")


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
