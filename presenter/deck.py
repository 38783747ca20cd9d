"""Presenter mode's place in a story, and its URL form. Pure: `parse` never raises.

    /present/?story=feb-2026-crash-story&slide=3&classes=crypto,energy&lang=zh&theme=dark

`story` and `slide` (counted from 1) say where the presenter is; `classes` is present only when the presenter
changed the slide's own class filter (`classes=all` for every class). The dashboard's `?mode=present` lands
here with its own parameters, so `episode` picks that episode's story.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import parse_qs, urlencode

from core.state import LANGS, MAX_QUERY, THEMES, Choices, State, _many
from data.select import DEFAULT_WINDOW

ALL = "all"


@dataclass(frozen=True)
class Deck:
    story: str | None = None
    slide: int = 1  # 1-based
    classes: tuple[str, ...] | None = None  # None: the slide's own filter; (): every class
    lang: str = LANGS[0]
    theme: str = THEMES[0]


def find(stories, story_id: str | None):
    return next((s for s in stories if s.id == story_id), None)


def _int(value) -> int:
    try:
        return int(value) if str(value).isdigit() and len(str(value)) < 6 else 1
    except ValueError:
        return 1


def parse(search: str | None, stories, choices: Choices) -> Deck:
    """The place a presenter URL asks for; junk falls back per parameter (first story, first slide)."""
    if not isinstance(search, str) or len(search) > MAX_QUERY:
        search = ""
    try:
        q = {k: v[0] for k, v in parse_qs(search.lstrip("?"), max_num_fields=40).items() if v}
    except ValueError:
        q = {}
    story = find(stories, q.get("story")) or next((s for s in stories if s.episode == q.get("episode")), None)
    story = story or (stories[0] if stories else None)
    slide = min(max(_int(q.get("slide", 1)), 1), len(story.slides)) if story else 1
    raw = q.get("classes")
    classes = None if raw is None else () if raw == ALL else _many(raw, choices.classes) or None
    return Deck(
        story.id if story else None,
        slide,
        classes,
        q.get("lang") if q.get("lang") in LANGS else LANGS[0],
        q.get("theme") if q.get("theme") in THEMES else THEMES[0],
    )


def serialise(deck: Deck) -> str:
    pairs = [("story", deck.story), ("slide", str(deck.slide))] if deck.story else []
    if deck.classes is not None:
        pairs.append(("classes", ",".join(deck.classes) or ALL))
    pairs += [
        (k, getattr(deck, k)) for k, base in (("lang", LANGS[0]), ("theme", THEMES[0])) if getattr(deck, k) != base
    ]
    return "?" + urlencode(pairs, safe=",") if pairs else ""


def step(deck: Deck, stories, delta: int) -> Deck:
    """The next or previous slide (staying at the ends); the new slide brings its own class filter."""
    story = find(stories, deck.story)
    if story is None:
        return deck
    return replace(deck, slide=min(max(deck.slide + delta, 1), len(story.slides)), classes=None)


def slide_of(deck: Deck, stories):
    story = find(stories, deck.story)
    return story.slides[deck.slide - 1] if story else None


def classes_of(deck: Deck, stories) -> tuple[str, ...]:
    """The class filter in force: the presenter's, else the slide's."""
    slide = slide_of(deck, stories)
    if deck.classes is not None:
        return deck.classes
    return tuple(slide.classes) if slide else ()


def toggle(deck: Deck, stories, asset_class: str, order: tuple[str, ...]) -> Deck:
    """A number key: add the class to the filter, or take it out (none left means every class)."""
    current = set(classes_of(deck, stories))
    current ^= {asset_class}
    return replace(deck, classes=tuple(c for c in order if c in current))


def clear(deck: Deck) -> Deck:
    """Key 0: every class."""
    return replace(deck, classes=())


def state(deck: Deck, stories, choices: Choices) -> State:
    """The dashboard state the current slide shows."""
    slide = slide_of(deck, stories)
    if slide is None:
        return State(episode=choices.default_episode, lang=deck.lang, theme=deck.theme)
    return State(
        episode=slide.episode,
        classes=classes_of(deck, stories),
        asset=slide.asset,
        window=slide.window or DEFAULT_WINDOW,
        lang=deck.lang,
        theme=deck.theme,
    )
