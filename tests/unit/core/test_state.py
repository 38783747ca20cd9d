"""URL state: parse and serialise are pure, round-trip, and turn junk into defaults without raising."""

from __future__ import annotations

import pytest

from charts.registry import NAMES
from core.state import MAX_QUERY, Choices, State, default, from_values, parse, serialise


@pytest.fixture(scope="module")
def choices(dataset) -> Choices:
    return Choices.from_frames(dataset.frames, NAMES)


def test_st001_defaults_are_the_latest_episode_and_an_empty_query(choices):
    state = parse("", choices)
    assert state == default(choices)
    assert state.episode == choices.episodes[-1]
    assert serialise(state, choices) == ""


@pytest.mark.parametrize(
    "state",
    [
        State(episode="jan-2026-sell-america"),
        State(
            episode="both",
            classes=("crypto", "energy"),
            asset="btc",
            window="from_peak",
            tab="context",
            data=("drawdowns", "flows"),
            lang="zh",
            theme="dark",
        ),
        State(episode="feb-2026-crash", classes=("precious_metal",), window="ytd", lang="zh"),
        State(episode="feb-2026-crash", asset="binance", data=("liquidations",)),
    ],
)
def test_st002_round_trip(choices, state):
    assert parse(serialise(state, choices), choices) == state


def test_st003_serialised_form_is_canonical(choices):
    state = State(episode="both", classes=("energy", "crypto"), lang="zh")
    query = serialise(from_values(state.to_dict(), choices), choices)
    assert query == "?episode=both&classes=crypto,energy&lang=zh"  # vocabulary order, defaults left out


@pytest.mark.parametrize(
    "query",
    [
        "?episode=nope",
        "?classes=,,,",
        "?classes=crypto,crypto",
        "?window=10y",
        "?lang=fr",
        "?theme=neon",
        "?tab=../../etc",
        "?asset=<script>alert(1)</script>",
        "?data=nothing",
        "?%zz=%zz",
        "?episode=both&episode=x",
        "?" + "a" * (MAX_QUERY + 1),
        "?classes=" + ",".join(["crypto"] * 500),
        "?lang[]=zh",
        "?asset=",
        "&&&===",
        None,
        42,
        "?episode=%00",
        "?classes=CRYPTO",
        "?window=day%20",
        "?x=1&y=2",
    ],
)
def test_st004_junk_falls_back_to_defaults(choices, query):
    state = parse(query, choices)
    assert isinstance(state, State)
    base = default(choices)
    assert state.lang in ("en", "zh") and state.theme in ("light", "dark")
    assert state.episode in (*choices.episodes, "both")
    assert set(state.classes) <= set(choices.classes)
    assert state.asset is None or state.asset in choices.entities
    if query in (None, 42, "?episode=nope", "?lang=fr", "?theme=neon", "?x=1&y=2", "?asset=<script>alert(1)</script>"):
        assert state == base


def test_st005_known_parts_survive_next_to_junk(choices):
    state = parse("?episode=both&lang=klingon&classes=crypto,bogus&asset=nobody&window=3d", choices)
    assert state == State(episode="both", classes=("crypto",), window="3d", lang="en")


def test_st006_every_class_ticked_is_no_filter(choices):
    assert from_values({"classes": list(choices.classes)}, choices).classes == ()


def test_st007_choices_come_from_the_data(dataset, choices):
    assert choices.episodes == tuple(dataset.episodes["id"])
    assert "btc" in choices.entities and "binance" in choices.entities and "us_btc_spot_etfs" in choices.entities
    assert set(choices.charts) == set(NAMES)
