"""Per-dataset precomputation, which is not a cache: the hover text of every record and every event in each
language, and the conflicts each event is a claim in. They are pure functions of the loaded frames, built once
where a dataset is prepared for serving (callbacks.context.AppData.of, through `prepared`) and handed to the
chart builders inside the frames dict, under hover.TEXTS. Builders given bare frames (the tests, the static
export) build each text as they draw it instead, with the same result.

A lookup first checks that the frames it is given hold the very tables the texts were built from, so a copy of
the frames with one table replaced never reads the texts of another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from charts.kit import events, hover


@dataclass(frozen=True)
class HoverTexts:
    """Hover texts by language, then by (episode, id); the conflict ids of each event; and the tables they
    were built from."""

    tables: Mapping[str, object]
    records: Mapping[str, Mapping[tuple[str, str], str]] = field(default_factory=dict)
    events: Mapping[str, Mapping[tuple[str, str], str]] = field(default_factory=dict)
    event_conflicts: Mapping[tuple[str, str], str] | None = None

    def _built_from(self, frames: dict) -> bool:
        return all(frames.get(name) is table for name, table in self.tables.items())

    def records_in(self, frames: dict, lang: str) -> Mapping[tuple[str, str], str] | None:
        return self.records.get(lang) if self._built_from(frames) else None

    def events_in(self, frames: dict, lang: str) -> Mapping[tuple[str, str], str] | None:
        return self.events.get(lang) if self._built_from(frames) else None

    def conflicts_in(self, frames: dict) -> Mapping[tuple[str, str], str] | None:
        return self.event_conflicts if self._built_from(frames) else None


def prepared(frames: dict, langs: Iterable[str]) -> dict:
    """`frames` (unchanged) plus, under hover.TEXTS, the hover texts of its records and events in `langs`."""
    tables = MappingProxyType({k: v for k, v in frames.items() if k != hover.TEXTS})
    index = HoverTexts(tables, event_conflicts=MappingProxyType(events.conflict_index(frames["conflict_claims"])))
    with_index = {**tables, hover.TEXTS: index}  # the event texts read the conflict index as they are built
    texts = HoverTexts(
        tables,
        records=MappingProxyType({lang: MappingProxyType(hover.record_texts(with_index, lang)) for lang in langs}),
        events=MappingProxyType({lang: MappingProxyType(events.event_texts(with_index, lang)) for lang in langs}),
        event_conflicts=index.event_conflicts,
    )
    return {**tables, hover.TEXTS: texts}
