"""Presenter mode in headless Chromium: the keys step slides and toggle classes, the URL follows, N shows the
notes. Each test ends with an empty browser console."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

import app
from callbacks.context import AppData
from data import load_dataset
from presenter.story_text import resolve

from .dashboard import wait_until

pytestmark = pytest.mark.browser


@pytest.fixture
def presenter(dash_duo):
    dash_duo.start_server(app.create_app())
    return dash_duo


@pytest.fixture(scope="module")
def story():
    data = AppData.of(load_dataset())
    return next(s for s in data.stories if s.episode == "feb-2026-crash"), data.frames


def _press(dash_duo, key):
    ActionChains(dash_duo.driver).send_keys(key).perform()


def _query(dash_duo) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(dash_duo.driver.current_url).query).items()}


def _title(story, frames, n, lang="en"):
    slide = story.slides[n - 1]
    return resolve(slide.title[lang], frames, slide.episode, lang)


def _pressed(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('#present-classes .class-toggle[aria-pressed=true]'))"
        ".map(b => b.textContent)"
    )


def _trace_classes(dash_duo) -> set:
    return set(
        dash_duo.driver.execute_script(
            "var gd = document.querySelector('#present .js-plotly-plot');"
            "return [].concat.apply([], (gd.data || []).map(t => (t.customdata || []).map(c => c[1])));"
        )
    ) - {""}


def test_pm001_keys_step_slides_and_the_url_follows(presenter, story):
    story, frames = story
    presenter.driver.get(presenter.server_url + f"/present/?story={story.id}&slide=1")
    presenter.wait_for_text_to_equal("#present-title", _title(story, frames, 1))
    presenter.wait_for_text_to_equal("#present-counter", f"1 / {len(story.slides)}")
    for key, slide in (
        (Keys.ARROW_RIGHT, 2),
        (Keys.PAGE_DOWN, 3),
        (Keys.PAGE_UP, 2),
        (Keys.ARROW_LEFT, 1),
        (Keys.ARROW_LEFT, 1),
    ):
        _press(presenter, key)
        presenter.wait_for_text_to_equal("#present-title", _title(story, frames, slide))
        assert _query(presenter) in ({"story": story.id, "slide": str(slide)}, {})  # {}: never left slide 1
    presenter.driver.back()  # the browser's history follows the slides too
    presenter.wait_for_text_to_equal("#present-title", _title(story, frames, 2))
    assert presenter.get_logs() == []


def test_pm002_number_keys_toggle_classes_and_zero_clears(presenter, story):
    story, frames = story
    n, slide = next((n, s) for n, s in enumerate(story.slides, 1) if s.chart == "drawdowns" and len(s.classes) == 1)
    presenter.driver.get(presenter.server_url + f"/present/?story={story.id}&slide={n}")
    presenter.wait_for_text_to_equal("#present-title", _title(story, frames, n))
    own = slide.classes[0]
    wait_until(lambda: _trace_classes(presenter) == {own})
    labels = presenter.driver.execute_script(
        "return Array.from(document.querySelectorAll('#present-classes .class-toggle')).map(b => [b.dataset.key, b.id])"
    )
    key, other = next((k, json.loads(i)["class"]) for k, i in labels if json.loads(i)["class"] != own)
    _press(presenter, key)
    wait_until(lambda: set(_query(presenter).get("classes", "").split(",")) == {own, other})
    wait_until(lambda: _trace_classes(presenter) == {own, other})
    assert len(_pressed(presenter)) == 2
    _press(presenter, "0")
    wait_until(lambda: _query(presenter).get("classes") == "all")
    wait_until(lambda: len(_trace_classes(presenter)) > 2)
    assert _pressed(presenter) == []
    assert presenter.find_element("#present-clear").get_attribute("aria-pressed") == "true"
    _press(presenter, Keys.ARROW_RIGHT)  # a new slide brings its own classes
    wait_until(lambda: "classes" not in _query(presenter) and _query(presenter).get("slide") == str(n + 1))
    assert presenter.get_logs() == []


def test_pm003_n_shows_and_hides_the_notes(presenter, story):
    story, frames = story
    presenter.driver.get(presenter.server_url + f"/present/?story={story.id}&slide=2&lang=zh")
    presenter.wait_for_text_to_equal("#present-title", _title(story, frames, 2, "zh"))
    notes = presenter.find_element("#present-notes")
    assert not notes.is_displayed()
    _press(presenter, "n")
    wait_until(lambda: notes.is_displayed())
    slide = story.slides[1]
    assert notes.text == resolve(slide.notes["zh"], frames, slide.episode, "zh")
    assert presenter.find_element("#present-notes-button").get_attribute("aria-pressed") == "true"
    _press(presenter, "N")
    wait_until(lambda: not notes.is_displayed())
    assert presenter.get_logs() == []


def test_pm004_the_dashboards_mode_present_opens_the_episodes_story(presenter, story):
    story, frames = story
    presenter.driver.get(presenter.server_url + "/?mode=present&episode=feb-2026-crash")
    presenter.wait_for_text_to_equal("#present-title", _title(story, frames, 1))
    assert urlsplit(presenter.driver.current_url).path == "/present/"
    keys = presenter.find_element("#present-keys").text
    assert "PageUp/PageDown" in keys and "N" in keys  # the key legend is on screen
    assert presenter.find_element("#present-chart .main-svg").is_displayed()
    assert presenter.get_logs() == []
