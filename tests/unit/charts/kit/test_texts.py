"""Per-dataset hover texts: built once from the frames, equal to building each text as it is drawn, and never
read for frames that do not hold the tables they were built from."""

from __future__ import annotations

import pandas as pd
import pytest

from charts.kit import events as ev
from charts.kit import hover, texts
from charts.registry import CHARTS
from core.state import LANGS, State
from data import refs
from data.columns import C


@pytest.fixture(scope="module")
def frames(fixture_frames) -> dict:
    """The fixture's frames (tests/fixtures): chart-side tests do not read the curated data."""
    return fixture_frames


@pytest.fixture(scope="module")
def prepared(frames) -> dict:
    return texts.prepared(frames, LANGS)


def test_tx001_the_frames_stay_as_they_are_with_the_texts_beside_them(frames, prepared):
    assert prepared.keys() == frames.keys() | {hover.TEXTS} and hover.TEXTS not in frames
    assert all(prepared[name] is table for name, table in frames.items())


@pytest.mark.parametrize("lang", LANGS)
def test_tx002_every_record_and_event_text_is_the_one_built_from_its_row(frames, prepared, lang):
    records = frames["records"].reset_index(drop=True)
    for row in records.to_dict("records"):
        assert hover.hover(row, prepared, lang) == hover.build(row, frames, lang)
    for row in frames["events"].to_dict("records"):
        assert ev.event_hover(row, prepared, lang) == ev.build_event_hover(row, frames, lang)
    assert len(prepared[hover.TEXTS].records[lang]) == len(records)


def test_tx003_conflict_index_lists_each_events_conflicts_once_in_order():
    claims = pd.DataFrame(
        {
            C.EPISODE: ["jan", "jan", "jan", "jan", "feb"],  # the episode declaring the conflict
            C.CONFLICT_ID: ["c1", "c2", "c1", "c3", "c1"],
            C.TABLE: ["events", "events", "events", "moves", "events"],
            C.CLAIM_EPISODE: ["jan", "jan", "jan", "jan", "jan"],
            C.CLAIM_ID: ["a", "a", "a", "b", "a"],
        }
    )
    # February's c1 is another conflict than January's c1, named from the event's episode (data.refs)
    assert ev.conflict_index(claims) == {("jan", "a"): "c1,c2,feb:c1"}


def test_tx004_the_index_agrees_with_the_claims(frames, prepared):
    index = prepared[hover.TEXTS].event_conflicts
    claims = frames["conflict_claims"]
    assert index == ev.conflict_index(claims) and index
    for (episode, rid), ids in index.items():
        mine = claims[(claims[C.CLAIM_EPISODE].astype(str) == episode) & (claims[C.CLAIM_ID] == rid)]
        assert set(ids.split(",")) == {
            refs.write((home, cid), episode)
            for home, cid in zip(mine[C.EPISODE].astype(str), mine[C.CONFLICT_ID].astype(str), strict=True)
        }


@pytest.mark.parametrize("state", [State(), State(episode="both", lang="zh")], ids=["latest-en", "both-zh"])
def test_tx005_every_chart_draws_the_same_from_bare_and_prepared_frames(frames, prepared, state):
    for panel in CHARTS.values():
        assert panel.figure(prepared, state).to_json() == panel.figure(frames, state).to_json(), panel.name


def test_tx006_a_copy_with_another_table_reads_no_text_built_for_the_old_one(frames, prepared):
    events = frames["events"].copy()
    first_event = events[C.ID].iloc[0]
    events.loc[events[C.ID] == first_event, C.TITLE_EN] = "Another title"
    row = events[events[C.ID] == first_event].iloc[0]
    assert "Another title" in ev.event_hover(row, dict(prepared, events=events), "en")
    records = frames["records"].copy()
    records[C.QUOTE] = "changed"
    first = records.reset_index(drop=True).iloc[0].to_dict()
    changed = dict(frames, records=records)
    assert hover.hover(first, dict(prepared, records=records), "en") == hover.build(first, changed)
