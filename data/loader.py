"""Load a data directory: the sources registry, the vocabulary, every episode file and every story file.

A bad file is reported and left out; the good ones are served. Loading is cached per process and keyed on the
files' names, sizes and modification times, so the same files give the same (shared, read-only) dataset.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ValidationError

from . import checks, safeyaml
from .columns import C
from .episode import EpisodeDoc, read_episode
from .errors import DataError, Issue
from .frames import build_frames
from .models import SourcesFile, VocabularyFile
from .stories import Story, placeholder_count, read_story
from .translate import issues_from

DEFAULT_DIR = Path(__file__).resolve().parent
SOURCES_FILE = "sources.yaml"
VOCABULARY_FILE = "vocabulary.yaml"
EPISODES_DIR = "episodes"
STORIES_DIR = "stories"


@dataclass
class FileReport:
    """What happened to one file: its counts when accepted, its issues when rejected."""

    path: str
    kind: str  # "sources" | "vocabulary" | "episode" | "story"
    issues: list[Issue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    episode: str | None = None

    @property
    def ok(self) -> bool:
        return not self.issues


@dataclass(frozen=True)
class Dataset:
    frames: dict[str, pd.DataFrame]
    reports: list[FileReport]
    data_dir: str
    stories: tuple[Story, ...] = ()  # in the order of frames["episodes"], then by id

    @property
    def rejected(self) -> list[FileReport]:
        return [r for r in self.reports if not r.ok]

    @property
    def episodes(self) -> pd.DataFrame:
        return self.frames["episodes"]


def _display(path: Path, root: Path) -> str:
    """The path as reports show it, from the data directory's parent; a symlink is named, not followed."""
    try:
        return str((path.parent.resolve() / path.name).relative_to(root.resolve().parent))
    except ValueError:
        return str(path)


def _read_model(path: Path, display: str, model: type[BaseModel], report: FileReport, check=None):
    try:
        located = safeyaml.load_file(path, display)
        parsed = model.model_validate(located.data)
    except DataError as exc:
        report.issues += exc.issues
        return None
    except ValidationError as exc:
        report.issues += issues_from(exc, (), located, display, model)
        return None
    except OSError as exc:
        report.issues.append(Issue(display, f"cannot read: {exc.strerror}"))
        return None
    if check:
        report.issues += [Issue(display, msg, *located.position(p), p) for p, msg in check(parsed)]
    return None if report.issues else parsed


def read_context(root: Path) -> tuple[checks.Context, SourcesFile | None, VocabularyFile | None, list[FileReport]]:
    """The registry and vocabulary of `root`, with a report for each."""
    reports = []
    rep_s = FileReport(_display(root / SOURCES_FILE, root), "sources")
    registry = _read_model(root / SOURCES_FILE, rep_s.path, SourcesFile, rep_s, checks.check_registry)
    if registry:
        rep_s.counts = {"sources": len(registry.sources), "outlets": len(registry.outlets)}
    rep_v = FileReport(_display(root / VOCABULARY_FILE, root), "vocabulary")
    vocab = _read_model(root / VOCABULARY_FILE, rep_v.path, VocabularyFile, rep_v, checks.check_vocabulary)
    if vocab:
        rep_v.counts = {
            "classes": len(vocab.classes),
            "assets": len(vocab.assets),
            "funds": len(vocab.funds),
            "holders": len(vocab.holders),
            "indicators": len(vocab.indicators),
        }
    reports += [rep_s, rep_v]
    return checks.Context.build(registry, vocab), registry, vocab, reports


def episode_files(root: Path) -> list[Path]:
    return _yaml_files(root / EPISODES_DIR)


def story_files(root: Path) -> list[Path]:
    return _yaml_files(root / STORIES_DIR)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def _read_into(report: FileReport, path: Path, read):
    """`read(bytes)` of the file, or None with why it failed added to its report."""
    try:
        return read(safeyaml.read_file(path, report.path))
    except DataError as exc:
        report.issues += exc.issues
    return None


def read_episodes(
    paths: list[Path], root: Path, ctx: checks.Context, context_ok: bool
) -> tuple[list[EpisodeDoc], list[FileReport]]:
    docs, reports, ids = [], [], {}
    for path in paths:
        report = FileReport(_display(path, root), "episode")
        reports.append(report)
        if not context_ok:
            report.issues.append(Issue(report.path, "not checked: the sources registry or vocabulary was rejected"))
            continue
        doc = _read_into(report, path, lambda raw, name=report.path: read_episode(raw, name, ctx))
        if doc is None:
            continue
        if doc.header.id in ids:
            report.issues.append(
                Issue(
                    report.path,
                    f"episode id '{doc.header.id}' is already used by {ids[doc.header.id]}",
                    *doc.id_at,
                    ("episode", "id"),
                )
            )
            continue
        ids[doc.header.id] = report.path
        report.episode = doc.header.id
        report.counts = {t: len(rows) for t, rows in doc.tables.items()}
        docs.append(doc)
    _check_cross_refs(docs, reports)
    by_file = {r.path: r for r in reports}
    for doc in docs:
        report = by_file[doc.file]
        report.counts["conflicts"] = len(doc.conflicts)
        report.counts["calendar conflicts"] = sum(c.kind == "calendar" for c in doc.conflicts)
        report.counts["derived"] = len(doc.derived)
    return docs, reports


def _check_cross_refs(docs: list[EpisodeDoc], reports: list[FileReport]) -> None:
    """A conflict may cite a record of another episode as 'episode-id:record-id'."""
    known = {d.header.id: {row.id for _, row in d.rows()} for d in docs}
    by_file = {r.path: r for r in reports}
    for doc in docs:
        for c in doc.conflicts:
            for ref in (r for r in c.claims if ":" in r):
                episode, record = ref.split(":", 1)
                if episode not in known:
                    by_file[doc.file].warnings.append(
                        f"conflict '{c.id}' cites {ref}, but episode '{episode}' is not loaded"
                    )
                elif record not in known[episode]:
                    by_file[doc.file].issues.append(
                        Issue(
                            doc.file,
                            f"conflict '{c.id}' cites {ref}, which does not exist",
                            doc.lines.get(c.id, 0),
                            1,
                            ("conflicts",),
                        )
                    )


def read_stories(
    paths: list[Path], root: Path, frames: dict, charts: tuple[str, ...] | None = None
) -> tuple[list[Story], list[FileReport]]:
    """Stories checked against the frames built from the accepted episodes; a story id is used once."""
    stories, reports, taken = [], [], {}
    for path in paths:
        report = FileReport(_display(path, root), "story")
        reports.append(report)
        story = _read_into(report, path, lambda raw, name=report.path: read_story(raw, name, frames, taken, charts))
        if story is None:
            continue
        taken[story.id] = report.path
        report.episode = story.episode
        report.counts = {"slides": len(story.slides), "placeholders": placeholder_count(story)}
        stories.append(story)
    order = {str(e): i for i, e in enumerate(frames["episodes"][C.ID])}
    return sorted(stories, key=lambda s: (order.get(s.episode, len(order)), s.id)), reports


def build(path: Path, stories: list[Path] | None = None, charts: tuple[str, ...] | None = None) -> Dataset:
    """Read and check every file of a data directory (uncached); `stories` replaces its story files, and
    `charts` names the charts a story's slide may show (None: not checked)."""
    ctx, registry, vocab, reports = read_context(path)
    docs, ep_reports = read_episodes(episode_files(path), path, ctx, registry is not None and vocab is not None)
    accepted = {r.path for r in ep_reports if r.ok}
    docs = [d for d in docs if d.file in accepted]
    frames = build_frames(docs, registry, vocab)
    told, story_reports = read_stories(story_files(path) if stories is None else stories, path, frames, charts)
    return Dataset(frames, reports + ep_reports + story_reports, str(path), tuple(told))


@functools.lru_cache(maxsize=8)
def _load(root: str, fingerprint: tuple, charts: tuple[str, ...] | None) -> Dataset:
    return build(Path(root), charts=charts)


def fingerprint(root: Path) -> tuple:
    files = [root / SOURCES_FILE, root / VOCABULARY_FILE, *episode_files(root), *story_files(root)]
    out = []
    for f in files:
        try:
            st = f.stat()
            out.append((f.name, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((f.name, -1, -1))
    return tuple(out)


def load_dataset(data_dir: str | Path = DEFAULT_DIR, charts: tuple[str, ...] | None = None) -> Dataset:
    """The dataset of `data_dir`, built once per process for a given set of files. `charts` names the charts
    a story may show (the app passes charts.registry.NAMES; None leaves them unchecked)."""
    root = Path(data_dir).resolve()
    return _load(str(root), fingerprint(root), tuple(charts) if charts is not None else None)
