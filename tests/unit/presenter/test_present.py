"""Presenter mode without a browser: the place in a story and its URL, the keys' effects, and each slide's view."""

from __future__ import annotations

import json

import plotly
import pytest

from callbacks import present as present_cb
from callbacks.context import AppData
from core.state import State
from i18n import t
from presenter import deck
from presenter import page as present


@pytest.fixture(scope="module")
def data(dataset) -> AppData:
    return AppData.of(dataset)


def _json(fig) -> str:
    return json.dumps(fig.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, sort_keys=True)


def _story(data, episode):
    return next(s for s in data.stories if s.episode == episode)


def test_pr001_url_round_trip(data):
    story = data.stories[-1]
    for d in (deck.Deck(story.id, 1), deck.Deck(story.id, 3, ("crypto",), "zh", "dark"), deck.Deck(story.id, 2, ())):
        assert deck.parse(deck.serialise(d), data.stories, data.choices) == d
    assert deck.serialise(deck.Deck(story.id, 2, ())) == f"?story={story.id}&slide=2&classes=all"


@pytest.mark.parametrize(
    "search, slide",
    [
        ("", 1),
        ("?slide=0", 1),
        ("?slide=-3", 1),
        ("?slide=9999999", 1),
        ("?slide=x", 1),
        ("?slide=2.5", 1),
        ("?slide=99", None),
        ("?story=nope&slide=2", 2),
        (None, 1),
        ("?" + "slide=2&" * 5000, 1),
        ("?%ff%00=1", 1),
    ],
)
def test_pr002_junk_falls_back(data, search, slide):
    d = deck.parse(search, data.stories, data.choices)
    story = deck.find(data.stories, d.story)
    assert story is data.stories[0]
    assert d.slide == (slide or len(story.slides))  # past the end: the last slide


def test_pr003_the_dashboards_episode_picks_its_story(data):
    d = deck.parse("?episode=feb-2026-crash&lang=zh", data.stories, data.choices)
    assert d.story == _story(data, "feb-2026-crash").id and d.lang == "zh" and d.slide == 1


def test_pr004_stepping_stays_in_the_story_and_resets_the_classes(data):
    story = data.stories[0]
    d = deck.Deck(story.id, 1, ("fx",))
    assert deck.step(d, data.stories, -1) == deck.Deck(story.id, 1)
    last = deck.Deck(story.id, len(story.slides))
    assert deck.step(last, data.stories, 1) == last
    assert deck.step(deck.Deck(story.id, 2), data.stories, 1).slide == 3


def test_pr005_number_keys_toggle_and_zero_clears(data):
    story = _story(data, "feb-2026-crash")
    d = deck.Deck(story.id, 1)  # the first slide shows crypto only
    slide = deck.slide_of(d, data.stories)
    assert deck.classes_of(d, data.stories) == slide.classes == ("crypto",)
    order = data.choices.classes
    added = deck.toggle(d, data.stories, "energy", order)
    assert set(added.classes) == {"crypto", "energy"}
    removed = deck.toggle(added, data.stories, "crypto", order)
    assert removed.classes == ("energy",)
    assert deck.toggle(removed, data.stories, "energy", order).classes == ()  # none left: every class
    assert deck.clear(added).classes == ()
    assert deck.state(deck.clear(added), data.stories, data.choices).classes == ()


def test_pr006_navigate_writes_the_address(data):
    story = _story(data, "feb-2026-crash")
    first = f"?story={story.id}&slide=1"
    assert present_cb.navigate(data, first, "next", data.choices.classes) == f"?story={story.id}&slide=2"
    assert present_cb.navigate(data, first, "prev", data.choices.classes) == first
    assert present_cb.navigate(data, first, "energy", data.choices.classes).endswith("classes=crypto,energy")
    assert present_cb.navigate(data, first, "clear", data.choices.classes).endswith("classes=all")
    assert present_cb.navigate(data, first, "not-a-class", data.choices.classes) == first


def test_pr007_every_slide_draws_its_chart_with_text_from_the_data(data):
    for story in data.stories:
        for n, slide in enumerate(story.slides, start=1):
            for lang in ("en", "zh"):
                out = present_cb.view(data, f"?story={story.id}&slide={n}&lang={lang}")
                assert out["counter"] == f"{n} / {len(story.slides)}"
                assert out["figure"]["data"], (story.id, slide.id)
                assert out["title"] and "{" not in out["title"] and "{" not in out["notes"]
                assert out["credit"], (story.id, slide.id)
                assert out["lang"] == lang and out["exit"].endswith(f"#panel-{slide.chart}")
                assert out["words"][0] == t("present.prev", lang)  # the page's own words follow the slide


def test_pr008_class_buttons_are_the_charts_classes_numbered(data):
    story = _story(data, "feb-2026-crash")
    out = present_cb.view(data, f"?story={story.id}&slide=1&classes=all")
    keys = [b.to_plotly_json()["props"]["data-key"] for b in out["classes"]]
    assert keys == [str(i) for i in range(1, len(keys) + 1)][:9] + [""] * max(0, len(keys) - 9)
    pressed = [b.to_plotly_json()["props"]["aria-pressed"] for b in out["classes"]]
    assert set(pressed) == {"false"} and out["clear_pressed"] == "true"
    crypto = present_cb.view(data, f"?story={story.id}&slide=1")
    on = [b.id["class"] for b in crypto["classes"] if b.to_plotly_json()["props"]["aria-pressed"] == "true"]
    assert on == ["crypto"] and crypto["clear_pressed"] == "false"


def test_pr009_projected_figures_are_bigger_and_leave_the_cache_alone(data):
    from charts.registry import CHARTS

    fig = CHARTS["drawdowns"].figure(data.frames, State(episode="feb-2026-crash"))
    before = _json(fig)
    big = present.projected(fig)
    assert big["layout"]["font"]["size"] == present.FONT_SIZE
    assert big["layout"]["height"] >= present.MIN_HEIGHT
    sizes = [a["font"]["size"] for a in fig.to_plotly_json()["layout"]["annotations"]]  # the bars' labels
    big_sizes = [a["font"]["size"] for a in big["layout"]["annotations"]]
    assert sizes and [round(float(s) * present.SCALE, 1) for s in sizes] == [float(s) for s in big_sizes]
    assert _json(fig) == before


def test_pr010_no_stories(dataset):
    empty = AppData(dataset.frames, AppData.of(dataset).choices, ())
    out = present_cb.view(empty, "?story=x&slide=2")
    assert "data/stories/" in out["title"] and not out["figure"].data
