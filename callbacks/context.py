"""What every callback needs from the dataset: the frames (with their hover texts built), the valid URL values
and the one cache of answers, built once per app."""

from __future__ import annotations

from dataclasses import dataclass, field

from charts.kit import texts
from charts.registry import NAMES
from core.state import BOTH, LANGS, Choices, State, from_values
from data.columns import C
from data.loader import Dataset

from .cache import VIEW, AnswerCache

VIEW_KEYS = ("episode", "classes", "window", "lang", "theme")  # what the charts depend on


@dataclass(frozen=True)
class AppData:
    frames: dict
    choices: Choices
    stories: tuple = ()  # presenter stories (data.stories.Story), in episode order
    cache: AnswerCache = field(default_factory=AnswerCache.from_env, compare=False, repr=False)  # see memo

    @classmethod
    def of(cls, dataset: Dataset, cache: AnswerCache | None = None) -> AppData:
        """The app's data for a loaded dataset. Every hover text of its records and events is built here, once
        (charts/kit/texts.py), rather than in the first requests; `cache` defaults to $CRASHBOARD_CACHE_MB."""
        frames = texts.prepared(dataset.frames, LANGS)
        choices = Choices.from_frames(dataset.frames, NAMES)
        return cls(
            frames, choices, tuple(getattr(dataset, "stories", ())), AnswerCache.from_env() if cache is None else cache
        )

    def state(self, view: dict | None, selection: dict | None = None, **extra) -> State:
        """The full state from the view store and the selection store (junk in either falls back to defaults)."""
        values = dict(view) if isinstance(view, dict) else {}
        values["asset"] = selection.get("id") if isinstance(selection, dict) else None
        values.update(extra)
        return from_values(values, self.choices)

    def selection(self, entity: str | None) -> dict | None:
        """The selection store's value: the entity and its class, which the browser uses to highlight."""
        if not isinstance(entity, str) or entity not in self.choices.entities:
            return None
        key = ("entity", entity)  # a frame lookup per click and per address otherwise; one per known entity
        kept = self.cache.get(VIEW, key)
        if kept is None:
            records = self.frames["records"]
            classes = records.loc[records[C.ENTITY] == entity, C.ASSET_CLASS]
            kept = self.cache.put(VIEW, key, (str(classes.iloc[0]) if len(classes) else "").encode())
        return {"id": entity, "class": kept.decode()}


def opening_views(data: AppData) -> list[dict]:
    """The view each episode (and both together) opens on, with no filter or selection, in every language."""
    return [view_of(State(episode=e, lang=lang)) for e in data.choices.episodes + (BOTH,) for lang in LANGS]


def view_of(state: State) -> dict:
    d = state.to_dict()
    return {k: d[k] for k in VIEW_KEYS}
