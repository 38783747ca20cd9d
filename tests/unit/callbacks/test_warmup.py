"""The one warm-up: every opening view drawn and pinned before the first visitor, out of any client's reach."""

from __future__ import annotations

import pytest

from callbacks import embed, memo, render, warm
from callbacks.cache import MIB, VIEW, AnswerCache, Budget
from callbacks.context import AppData, opening_views
from charts.registry import CHARTS
from core.state import LANGS, TABS, THEMES


@pytest.fixture(scope="module")
def warmed(dataset) -> tuple[AppData, int]:
    data = AppData.of(dataset, AnswerCache({VIEW: Budget(64, MIB)}))
    return data, warm(data)


def test_wu001_every_opening_view_and_what_is_behind_it_is_pinned(warmed):
    data, count = warmed
    pinned = set(data.cache.keys(VIEW, pinned=True))
    assert count == sum(kind["pinned"] for kind in data.cache.stats().values()) and count >= len(pinned)
    assert data.cache.keys(VIEW) == []  # nothing the warm-up kept is left to evict
    for view in opening_views(data):
        state = data.state(view)
        assert {(p.name, state.with_(asset=None)) for p in CHARTS.values()} <= pinned
        assert {("behind", data.state(view, tab=tab)) for tab in TABS} <= pinned
    assert {("unknown", lang, theme) for lang in LANGS for theme in THEMES} <= pinned


def test_wu002_pinned_views_survive_a_flood_of_20000_client_keys(warmed):
    data, _ = warmed
    pinned = {key: data.cache.get(VIEW, key) for key in data.cache.keys(VIEW, pinned=True)}
    for i in range(20_000):
        memo.kept(data, ("client", i), lambda: b"x" * 1000)
    assert len(data.cache.keys(VIEW)) == 64
    assert all(data.cache.get(VIEW, key) is value for key, value in pinned.items())
    view = opening_views(data)[0]
    assert render.drawn_json(CHARTS["drawdowns"], data, view) is pinned[("drawdowns", data.state(view))]


def test_wu003_a_client_view_after_the_warm_up_is_not_pinned(warmed):
    data, _ = warmed
    before = len(data.cache.keys(VIEW, pinned=True))
    render.drawn_json(CHARTS["flows"], data, {"episode": "both", "window": "ytd", "theme": "dark"})
    embed.unknown_figure(data, "en", "light")
    assert len(data.cache.keys(VIEW, pinned=True)) == before
