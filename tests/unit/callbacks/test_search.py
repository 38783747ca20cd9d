"""Find by name (callbacks/search.py): every named thing with a figure is findable by its names in every language,
its ticker and its aliases; a pick the shown episode lacks names the episode that has it."""

from __future__ import annotations

import pytest

from callbacks import search
from callbacks.context import AppData

JAN, FEB = "jan-2026-sell-america", "feb-2026-crash"


@pytest.fixture(scope="module")
def data(dataset) -> AppData:
    return AppData.of(dataset)


def _option(data, value: str, lang: str = "en") -> dict:
    return next(o for o in search.options(data, lang) if o["value"] == value)


@pytest.mark.parametrize("word", ["MSTR", "Strategy", "MicroStrategy", "微策略"])
def test_se001_strategy_is_found_by_ticker_names_and_aliases(data, word):
    assert word.lower() in _option(data, "mstr")["search"].lower()


def test_se002_labels_follow_the_language_and_carry_the_ticker(data):
    assert _option(data, "mstr", "en")["label"].endswith("(MSTR)")
    assert "比特币" in _option(data, "btc", "zh")["label"]
    assert "Bitcoin" in _option(data, "btc", "zh")["search"]  # the other language's name still finds it


def test_se003_only_things_with_a_figure_are_offered(data):
    drawn = set(data.frames["records"]["entity"])
    assert {o["value"] for o in search.options(data, "en")} <= drawn


def test_se004_an_entity_of_the_other_episode_is_named_with_it(data):
    assert search.episodes_with(data, "mstr") == [JAN]
    selection, note, other = search.found(data, "mstr", {"episode": FEB})
    assert other == JAN and "20–21 Jan 2026" in note and "Strategy" in note


def test_se005_an_entity_of_the_shown_episode_is_selected(data):
    selection, note, other = search.found(data, "btc", {"episode": FEB})
    assert other is None and note == "" and selection["id"] == "btc" and selection["reveal"] is True


@pytest.mark.parametrize("junk", [None, 3, "no-such-thing", ["btc"]])
def test_se006_junk_is_ignored(data, junk):
    assert search.found(data, junk, {"episode": FEB})[1:] == ("", None)
