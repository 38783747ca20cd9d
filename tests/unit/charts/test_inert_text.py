"""Text from the data never reaches Plotly as markup: labels, titles, legends and hovers show it as written. The text
is the fixture's (tests/fixtures), every label, title and quote prefixed with markup."""

from __future__ import annotations

import pytest

from charts.registry import CHARTS
from core.state import State
from tests.fixtures import FEB, JAN

from ..hostile import hostile_frames


@pytest.fixture(scope="module")
def hostile(fixture_dataset) -> dict:
    return hostile_frames(fixture_dataset)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _strings(value)


@pytest.mark.parametrize("name", sorted(CHARTS))
@pytest.mark.parametrize("episode", [JAN, FEB, "both"])
def test_it001_data_text_is_escaped_in_every_figure(hostile, name, episode):
    for lang in ("en", "zh"):
        fig = CHARTS[name].figure(hostile, State(episode=episode, lang=lang)).to_plotly_json()
        raw = [s for s in _strings(fig) if "<img" in s or "<b>bold" in s]
        assert not raw, raw[:3]
        shown = [s for s in _strings(fig) if "&lt;img src=x" in s]
        assert shown or not CHARTS[name].rows(hostile, State(episode=episode)).shape[0], "the text is still shown"
