"""Presenter stories: one YAML file per story under data/stories/, each a sequence of slides, each slide a title,
speaker notes and the dashboard state it shows. Models, placeholder parsing, checks and reading live here.

A story is checked against the loaded frames (episodes, classes, entities, records), so it is read after the
episodes. Its words carry no digits of their own: a figure is a placeholder naming a record of the data,
``{record-id}`` for its value and ``{date:record-id}`` for its date, so every number on screen comes from the data.
A bare id is a record of the slide's episode (the story's, for the story title); ``{episode-id:record-id}`` names
the episode, which must be one the slide shows. On a slide showing 'both' episodes a bare id may be a record of
either, and must then be written with its episode when both episodes have a record of that id.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import pandas as pd
from pydantic import Field

from i18n import LANGS  # the languages are listed once, in i18n

from . import safeyaml
from .columns import C
from .episode import validate_model
from .errors import DataError, Issue
from .models import Id, Label, Strict
from .select import BOTH, WINDOW_GROUPS

ENTITY_FRAMES = ("assets", "funds", "holders", "indicators", "exchanges")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_REF = re.compile(r"^(?:(date):)?(?:([a-z0-9][a-z0-9_.-]*):)?([a-z0-9][a-z0-9_.-]*)$")
_NUMBER = re.compile(r"\d(?:[\d.,，．]*\d)?")  # \d is every Unicode decimal digit: ASCII, fullwidth ...


# ---- models ---------------------------------------------------------------------------------------------------


class SlideState(Strict):
    episode: Id | None = None
    classes: list[Id] = Field(default_factory=list)
    asset: Id | None = None
    window: Literal[tuple(WINDOW_GROUPS)] | None = None  # type: ignore[valid-type]
    chart: Id  # one of the dashboard's charts (charts.registry), which the loader is given


class SlideModel(Strict):
    id: Id
    title: Label
    notes: Label
    state: SlideState


class StoryHeader(Strict):
    id: Id
    episode: Id
    title: Label
    slides: list[dict] = Field(min_length=1)  # checked slide by slide, so each error names its slide


class StoryFile(Strict):
    schema_version: Literal[1] = Field(alias="schema")
    story: dict


@dataclass(frozen=True)
class Slide:
    id: str
    title: dict[str, str]
    notes: dict[str, str]
    episode: str  # an episode id or 'both'
    classes: tuple[str, ...]  # in vocabulary order; empty: every class
    asset: str | None
    window: str | None
    chart: str


@dataclass(frozen=True)
class Story:
    id: str
    episode: str
    title: dict[str, str]
    slides: tuple[Slide, ...]
    file: str


# ---- placeholders ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """What a placeholder names: a record (of an episode, when written) and whether its value or date is shown."""

    record: str
    episode: str | None = None
    date: bool = False


def parse_ref(body: str) -> Ref | None:
    """The reference inside '{…}', or None when it is not one."""
    m = _REF.match(body.strip())
    return Ref(m[3], m[2], bool(m[1])) if m else None


def shown_episodes(episode: str, frames: dict) -> list[str]:
    loaded = [str(e) for e in frames["episodes"][C.ID]]
    return loaded if episode == BOTH else [episode]


def candidates(ref: Ref, episode: str, frames: dict) -> list[tuple[str, str]]:
    """The (episode, id) records a placeholder can mean on a view of `episode` ('both': every loaded episode)."""
    shown = shown_episodes(episode, frames)
    eps = [ref.episode] if ref.episode else shown
    index = frames["records"].index
    return [(ep, ref.record) for ep in eps if ep in shown and (ep, ref.record) in index]


def _text_problems(text: str, episode: str, frames: dict) -> Iterator[str]:
    loaded = shown_episodes(BOTH, frames)
    for m in PLACEHOLDER.finditer(text):
        ref = parse_ref(m[1])
        if ref is None:
            yield f"'{m[0]}' is not a placeholder: write {{record-id}}, {{date:record-id}} or {{episode-id:record-id}}"
            continue
        if episode not in loaded and episode != BOTH:
            continue  # the unknown episode is reported once, where it is named
        found = candidates(ref, episode, frames)
        if ref.episode and ref.episode not in shown_episodes(episode, frames):
            yield f"'{m[0]}' names episode '{ref.episode}', which is not shown here ({episode})"
        elif not found:
            where = ref.episode or episode
            known = [i for ep, i in frames["records"].index if ep == where or where == BOTH]
            yield _unknown("record", ref.record, known, f" in {where}")
        elif len(found) > 1:
            yield f"'{m[0]}' is a record of {' and '.join(ep for ep, _ in found)}: write {{{found[0][0]}:{ref.record}}}"
        else:
            row = frames["records"].loc[found[0]]
            if ref.date and pd.isna(row[C.DATE]):
                yield f"record '{ref.record}' has no date, so '{m[0]}' has nothing to show"
            elif not ref.date and pd.isna(row[C.VALUE]) and pd.isna(row[C.LOW]):
                yield f"record '{ref.record}' has no value, so '{m[0]}' has nothing to show"
    rest = PLACEHOLDER.sub(" ", text)
    if "{" in rest or "}" in rest:
        yield "unmatched brace: a placeholder is written {record-id}, with one brace on each side"
    numbers = _NUMBER.findall(rest)
    if numbers:
        more = f" (and {', '.join(repr(n) for n in numbers[1:])})" if numbers[1:] else ""
        yield f"digits must come from the data: write {{record-id}} instead of '{numbers[0]}'{more}"


def _unknown(kind: str, value: str, known, where: str = "") -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f"unknown {kind} '{value}'{where}" + (f"; did you mean '{close[0]}'?" if close else "")


# ---- checks ---------------------------------------------------------------------------------------------------


def _labels(label: Label, path: tuple, episode: str, frames: dict) -> Iterator[tuple[tuple, str]]:
    for lang in LANGS:
        for msg in _text_problems(label.text(lang), episode, frames):
            yield path + (lang,), msg


def _check(
    header: StoryHeader, slides: dict[int, SlideModel], frames: dict, charts: tuple[str, ...] | None
) -> Iterator[tuple[tuple, str]]:
    episodes = shown_episodes(BOTH, frames)
    if header.episode not in episodes:
        yield ("story", "episode"), _unknown("episode", header.episode, episodes) + " (it is not loaded)"
    yield from _labels(header.title, ("story", "title"), header.episode, frames)
    classes = [str(c) for c in frames["classes"][C.ID]]
    entities = {str(e) for name in ENTITY_FRAMES for e in frames[name][C.ID]}
    first: dict[str, int] = {}
    for i, slide in slides.items():
        at = ("story", "slides", i)
        if slide.id in first:
            yield at + ("id",), f"duplicate slide id '{slide.id}' (first used at story.slides[{first[slide.id]}])"
        first.setdefault(slide.id, i)
        state = slide.state
        episode = state.episode or header.episode
        if state.episode is not None and state.episode not in (*episodes, BOTH):
            yield at + ("state", "episode"), _unknown("episode", state.episode, (*episodes, BOTH))
        for k, cls in enumerate(state.classes):
            if cls not in classes:
                yield at + ("state", "classes", k), _unknown("class", cls, classes)
            elif cls in state.classes[:k]:
                yield at + ("state", "classes", k), f"class '{cls}' is listed twice"
        if charts is not None and state.chart not in charts:
            # worded like the schema's other closed lists (data.translate)
            yield (
                at + ("state", "chart"),
                (
                    f"'{state.chart}' is not allowed; expected "
                    + ", ".join(f"'{c}'" for c in charts[:-1])
                    + f" or '{charts[-1]}'"
                ),
            )
        if state.asset is not None and state.asset not in entities:
            yield at + ("state", "asset"), _unknown("asset, fund, holder, indicator or exchange", state.asset, entities)
        yield from _labels(slide.title, at + ("title",), episode, frames)
        yield from _labels(slide.notes, at + ("notes",), episode, frames)


# ---- reading --------------------------------------------------------------------------------------------------


def read_story(
    raw: bytes, name: str, frames: dict, taken: dict[str, str] | None = None, charts: tuple[str, ...] | None = None
) -> Story:
    """Parse and check one story file against the loaded frames. `taken` maps story ids already read to their
    files; `charts` names the charts a slide may show (the data package knows no charts; None: not checked).
    Raises DataError with every issue found."""
    located = safeyaml.load_bytes(raw, name)
    if not isinstance(located.data, dict):
        raise DataError([Issue(name, "the file must be a mapping with 'schema' and 'story'", 1, 1)])
    issues: list[Issue] = []
    top = validate_model(StoryFile, located.data, (), located, name, issues)
    header = top and validate_model(StoryHeader, top.story, ("story",), located, name, issues)
    if header is None:
        raise DataError(issues)
    slides = {
        i: s
        for i, raw_slide in enumerate(header.slides)
        if (s := validate_model(SlideModel, raw_slide, ("story", "slides", i), located, name, issues))
    }
    problems = list(_check(header, slides, frames, charts))
    if taken and header.id in taken:
        problems.append((("story", "id"), f"story id '{header.id}' is already used by {taken[header.id]}"))
    issues += [Issue(name, msg, *located.position(path), path) for path, msg in problems]
    if issues:
        raise DataError(sorted(issues, key=lambda i: (i.line, i.column)))
    return Story(
        header.id,
        header.episode,
        header.title.model_dump(),
        tuple(
            Slide(
                s.id,
                s.title.model_dump(),
                s.notes.model_dump(),
                s.state.episode or header.episode,
                _canonical(s.state.classes, frames),
                s.state.asset,
                s.state.window,
                s.state.chart,
            )
            for s in slides.values()
        ),
        name,
    )


def _canonical(classes: list[str], frames: dict) -> tuple[str, ...]:
    """Classes in vocabulary order, and none for all of them: the form the view state (and its URL) takes."""
    known = [str(c) for c in frames["classes"][C.ID]]
    ordered = tuple(c for c in known if c in classes)
    return () if len(ordered) == len(known) else ordered


def placeholder_count(story: Story) -> int:
    texts = [*story.title.values(), *(t for s in story.slides for d in (s.title, s.notes) for t in d.values())]
    return sum(len(PLACEHOLDER.findall(t)) for t in texts)
