"""Kept answers: a pure callback's outputs are computed once per key and sent again as the same JSON."""

from __future__ import annotations

import orjson
import pytest
from dash import no_update

import app
from callbacks import details, language, memo, share, url_state
from callbacks.cache import MIB, VIEW, AnswerCache, Budget
from callbacks.context import AppData
from charts.registry import NAMES


@pytest.fixture
def data(dataset) -> AppData:
    return AppData.of(dataset)


def test_mm001_an_answer_is_computed_once_and_sent_as_its_json(data):
    calls = []

    def answer():
        calls.append(1)
        return ({"a": [1, 2]}, "text")

    first = memo.sent(data, ("k",), answer)
    again = memo.sent(data, ("k",), answer)
    assert len(calls) == 1 and all(isinstance(f, orjson.Fragment) for f in again)
    assert orjson.loads(orjson.dumps(list(again))) == [{"a": [1, 2]}, "text"] == orjson.loads(orjson.dumps(list(first)))


def test_mm002_the_cache_is_bounded_first_in_first_out(dataset):
    data = AppData.of(dataset, AnswerCache({VIEW: Budget(2, MIB)}))
    for key in ("a", "b", "c"):
        memo.kept(data, key, lambda key=key: key.upper().encode())
    assert data.cache.keys(VIEW) == ["b", "c"]


def test_mm003_a_kept_callback_answers_as_the_plain_function_does(dataset):
    """Through the real server: the sources and conflicts callback (kept) sends exactly what its pure function
    returns, the first time and from the cache."""
    dash_app = app.create_app()
    client = dash_app.server.test_client()
    view = {"episode": "jan-2026-sell-america", "classes": [], "window": "day", "lang": "en", "theme": "light"}
    body = {
        "output": "..conflicts.children...sources.children..",
        "outputs": [{"id": "conflicts", "property": "children"}, {"id": "sources", "property": "children"}],
        "inputs": [
            {"id": "view-state", "property": "data", "value": view},
            {"id": "tab", "property": "value", "value": "crash"},
        ],
        "changedPropIds": ["view-state.data"],
    }
    answers = [client.post("/_dash-update-component", json=body).get_json() for _ in range(2)]
    expected = details.behind(AppData.of(dataset), view, "crash")
    want = orjson.loads(memo.as_json(list(expected)))
    for answer in answers:
        got = answer["response"]
        assert [got["conflicts"]["children"], got["sources"]["children"]] == want


@pytest.mark.parametrize("values", [({"b": 1, "a": [1, 2]}, "x"), (10**30, None), ([{"z": 1.5}],)])
def test_mm004_any_callback_input_makes_a_key(values):
    key = memo.key_of(*values)
    assert isinstance(key, bytes) and key == memo.key_of(*values)
    assert memo.key_of({"a": 1, "b": 2}) == memo.key_of({"b": 2, "a": 1})


def _wire(outputs) -> list:
    """What Dash sends for a callback's outputs: their JSON, with no_update left out as Dash leaves it."""

    def one(value):
        if value is no_update:
            return "<no_update>"
        if isinstance(value, list):
            return [one(v) for v in value]
        return (
            orjson.loads(orjson.dumps(value))
            if isinstance(value, orjson.Fragment)
            else orjson.loads(memo.as_json(value))
        )

    return [one(v) for v in outputs]


@pytest.mark.parametrize(
    "from_url, search, controls, tools, selection, view",
    [
        (True, "?episode=both&asset=btc&data=flows&lang=zh", [None] * 6, None, None, None),
        (True, "", [None] * 6, "flows", {"id": "btc"}, {"episode": "feb-2026-crash"}),
        (False, "?episode=both", ["feb-2026-crash", ["crypto"], "3d", "context", "en", "dark"], "rates", None, None),
    ],
)
def test_mm005_kept_address_answers_are_the_plain_functions_answers(
    data, from_url, search, controls, tools, selection, view
):
    new_search, values, new_tools, new_selection, new_view = url_state.sync(
        data, from_url, search, controls, tools, selection, view
    )
    plain = _wire((new_search, *values, new_tools, new_selection, new_view))
    for _ in range(2):  # computed, then kept
        assert _wire(url_state.synced(data, from_url, search, controls, tools, selection, view)) == plain


def test_mm006_kept_share_boxes_and_words_are_the_plain_functions_answers(data):
    for name in (*NAMES, "no-such", None):
        out = share.box(data, "?lang=zh", "http://host/x", name)
        for _ in range(2):
            assert _wire(share.sent_box(data, "?lang=zh", "http://host/x", name)) == list(out)
    keys = ("ctl.episode", "no.such.key", "ctl.window")
    said = language.words(data, "zh", list(keys))
    plain = _wire(
        (
            said["texts"],
            said["episodes"],
            said["classes"],
            said["tabs"],
            said["themes"],
            said["clear"],
            [said["tools"]] * 3,
            said["download"],
            said["switch"],
            said["lang"],
        )
    )
    for _ in range(2):
        assert _wire(language.sent_words(data, "zh", keys, 3)) == plain
