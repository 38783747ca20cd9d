"""Kept answers: a pure callback's outputs are computed once per key and sent again as the same JSON."""
from __future__ import annotations

import orjson
import pytest

import app
from callbacks import details, memo
from callbacks.context import AppData


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


def test_mm002_the_cache_is_bounded_first_in_first_out(data, monkeypatch):
    monkeypatch.setattr(memo, "CACHE_SIZE", 2)
    for key in ("a", "b", "c"):
        memo.kept(data, key, lambda key=key: key.upper())
    assert list(data.drawn) == ["b", "c"]


def test_mm003_a_kept_callback_answers_as_the_plain_function_does(dataset):
    """Through the real server: the sources and conflicts callback (kept) sends exactly what its pure function
    returns, the first time and from the cache."""
    dash_app = app.create_app()
    client = dash_app.server.test_client()
    view = {"episode": "jan-2026-sell-america", "classes": [], "window": "day", "lang": "en", "theme": "light"}
    body = {"output": "..conflicts.children...sources.children..",
            "outputs": [{"id": "conflicts", "property": "children"}, {"id": "sources", "property": "children"}],
            "inputs": [{"id": "view-state", "property": "data", "value": view},
                       {"id": "tab", "property": "value", "value": "crash"}],
            "changedPropIds": ["view-state.data"]}
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
