"""Pure selection: episodes, classes, windows, sizes and the assets two episodes share."""

from __future__ import annotations

import pandas as pd
import pytest

from data import select as sel
from data.columns import C

EPS = ["jan-2026-sell-america", "feb-2026-crash"]


@pytest.mark.parametrize(
    "choice, expected",
    [
        ("both", EPS),
        ("jan-2026-sell-america", EPS[:1]),
        ("feb-2026-crash", EPS[1:]),
        ("nonsense", EPS[1:]),
    ],
)
def test_se001_episode_ids(choice, expected):
    assert sel.episode_ids(choice, EPS) == expected


def test_se002_no_classes_means_no_filter(dataset):
    moves = dataset.frames["moves"]
    assert len(sel.in_classes(moves, ())) == len(moves)
    energy = sel.in_classes(moves, ("energy",))
    assert len(energy) and set(energy[C.ASSET_CLASS]) == {"energy"}


def test_se003_window_groups_cover_every_schema_window():
    from data.schema import WINDOWS

    grouped = {w for members in sel.WINDOW_GROUPS.values() for w in members}
    assert grouped == set(WINDOWS)


def test_se004_windows_present_follow_the_episode(dataset):
    moves = dataset.frames["moves"]
    jan = sel.windows_present(sel.in_episodes(moves, EPS[:1]))
    feb = sel.windows_present(sel.in_episodes(moves, EPS[1:]))
    assert jan == ["day", "7d"]
    assert {"day", "3d", "5d", "3w", "ytd", "from_peak"} <= set(feb)


def test_se005_magnitude_uses_the_far_end_of_a_range():
    df = pd.DataFrame({C.VALUE: [-5.0, None], C.LOW: [None, -23.0], C.HIGH: [None, -13.1]})
    assert list(sel.magnitude(df)) == [5.0, 23.0]


def test_se006_shared_entities():
    df = pd.DataFrame({C.EPISODE: ["a", "a", "b", "b"], C.ENTITY: ["x", "y", "y", "z"]})
    assert sel.shared_entities(df, ["a", "b"]) == ["y"]
    assert sel.shared_entities(df, ["a"]) == ["x", "y"]


def test_se007_tag_adds_table_and_entity(dataset):
    tagged = sel.tag(dataset.frames["flows"], "flows")
    assert (tagged[C.TABLE] == "flows").all()
    assert list(tagged[C.ENTITY]) == list(dataset.frames["flows"][C.FUND])
