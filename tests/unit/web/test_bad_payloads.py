"""Bad callback requests to each page's /_dash-update-component get a 4xx with a reason, never a 5xx or a traceback,
while every real call still works and a callback that raises is still a logged 500.

The real calls are built the way the Dash renderer builds them: from the page's /_dash-dependencies and the
components of its /_dash-layout."""

from __future__ import annotations

import copy
import json
import logging

import pytest

import app
import callbacks.share
from web import guard

PAGES = ("/", "/embed/", "/present/")
MANY = (["ALL"], ["ALLSMALLER"])
ODD_VALUES = [
    None,
    0,
    -1,
    1e308,
    True,
    "",
    "x",
    "\x00<script>",
    [],
    [1, 2],
    [[[]]],
    {},
    {"a": 1},
    {"episode": 5, "classes": "crypto", "window": [], "lang": {}, "theme": None},
    "?" + "&" * 5000,
]


@pytest.fixture(scope="module")
def client():
    return app.create_app().server.test_client()


def _components(node, out=None) -> list[dict]:
    """The props of every component of a layout that has an id, in page order."""
    out = [] if out is None else out
    if isinstance(node, dict):
        if "id" in node.get("props", {}):
            out.append(node["props"])
        for child in node.values():
            _components(child, out)
    elif isinstance(node, list):
        for child in node:
            _components(child, out)
    return out


def _pick(components, dep_id: str, prop: str, match: dict):
    """The payload entry for one dependency: the component's id, property and value, a list for ALL, or None."""
    pattern = json.loads(dep_id) if dep_id.startswith("{") else None

    def fits(cid) -> bool:
        if pattern is None:
            return cid == dep_id
        if not (isinstance(cid, dict) and cid.keys() == pattern.keys()) or any(
            not isinstance(v, list) and cid[k] != v for k, v in pattern.items()
        ):
            return False
        return all(match.setdefault(k, cid[k]) == cid[k] for k, v in pattern.items() if v == ["MATCH"])

    name = prop.split("@")[0]
    found = [
        {"id": c["id"], "property": prop, **({"value": c[name]} if name in c else {})}
        for c in components
        if fits(c["id"])
    ]
    if pattern is not None and any(v in MANY for v in pattern.values()):
        return found
    return found[0] if found else None


def real_calls(client, prefix: str) -> list[dict]:
    """The body the renderer would post for each server callback of a page whose components are in its layout."""
    components = _components(client.get(prefix + "_dash-layout").get_json())
    calls = []
    for dep in client.get(prefix + "_dash-dependencies").get_json():
        if dep["clientside_function"]:
            continue
        match, multi = {}, dep["output"].startswith("..")
        outs = [o.rsplit(".", 1) for o in (dep["output"][2:-2].split("...") if multi else [dep["output"]])]
        body = {
            "output": dep["output"],
            "outputs": [_pick(components, i, p, match) for i, p in outs],
            "inputs": [_pick(components, d["id"], d["property"], match) for d in dep["inputs"]],
            "state": [_pick(components, d["id"], d["property"], match) for d in dep["state"]],
            "changedPropIds": [],
        }
        if None in body["outputs"] + body["inputs"] + body["state"]:
            continue  # a component that a callback creates later
        body["outputs"] = body["outputs"] if multi else body["outputs"][0]
        calls.append(body)
    return calls


@pytest.fixture(scope="module")
def calls(client) -> dict[str, list[dict]]:
    return {prefix: real_calls(client, prefix) for prefix in PAGES}


def _post(client, prefix, body=None, data=None, content_type="application/json"):
    if body is not None:
        data = json.dumps(body)
    return client.post(prefix + "_dash-update-component", data=data, content_type=content_type)


def _assert_refused(r, caplog, what):
    assert 400 <= r.status_code < 500, (what, r.status_code, r.data[:300])
    assert b"Traceback" not in r.data and b'File "' not in r.data, what
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR], what


def test_bp001_every_real_call_is_answered(client, calls, caplog):
    assert [len(calls[p]) for p in PAGES] >= [12, 1, 3], "the pages' callbacks were found"
    for prefix, bodies in calls.items():
        for body in bodies:
            r = _post(client, prefix, body)
            assert r.status_code in (200, 204), (prefix, body["output"], r.data[:300])
            assert r.status_code == 204 or "response" in r.get_json()
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]


NOT_A_CALL = {
    "empty body": b"",
    "truncated": b'{"output": "window.options", "inputs": [',
    "not JSON": b"hello",
    "non-UTF-8 bytes": b"\xff\xfe\xfa\x00{",
    "a list": b"[1, 2]",
    "a string": b'"window.options"',
    "a number": b"3",
    "null": b"null",
    "an empty object": b"{}",
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep nesting in a value": b'{"output": "window.options", "inputs": [{"value": '
    + b"[" * 50_000
    + b"]" * 50_000
    + b"}]}",
}


@pytest.mark.parametrize("prefix", PAGES)
@pytest.mark.parametrize("what", sorted(NOT_A_CALL))
def test_bp002_a_body_that_is_not_a_call_is_refused(client, caplog, prefix, what):
    _assert_refused(_post(client, prefix, data=NOT_A_CALL[what]), caplog, what)


@pytest.mark.parametrize("prefix", PAGES)
def test_bp003_other_content_types_and_oversized_bodies_are_refused(client, caplog, prefix, calls):
    body = json.dumps(calls[prefix][0])
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""):
        _assert_refused(_post(client, prefix, data=body, content_type=content_type), caplog, content_type)
    _assert_refused(_post(client, prefix, data=b" " * (2 << 20)), caplog, "2 MiB")
    call = dict(calls[prefix][0], padding="x" * (2 << 20))  # a real call, valid JSON, over the cap
    r = _post(client, prefix, call)
    assert r.status_code == 413, (r.status_code, r.data[:200])
    _assert_refused(r, caplog, "2 MiB of JSON")


@pytest.mark.parametrize("prefix", PAGES)
def test_bp003b_a_huge_content_length_is_refused_before_the_body_is_read(client, caplog, prefix):
    r = client.post(
        prefix + "_dash-update-component",
        data=b"{}",
        content_type="application/json",
        environ_overrides={"CONTENT_LENGTH": str(200 << 20)},
    )
    assert r.status_code == 413 and b"at most 65,536 bytes" in r.data


def _first_dict(body, key):
    item = body[key][0] if isinstance(body[key], list) else body[key]
    return item[0] if isinstance(item, list) else item


MUTATIONS = {
    "no output": lambda b: b.pop("output"),
    "an unknown output": lambda b: b.update(output="nope.children"),
    "a clientside output": lambda b: b.update(output="page.className"),
    "output not a string": lambda b: b.update(output=["window.options"]),
    "no outputs": lambda b: b.pop("outputs"),
    "outputs of another component": lambda b: _first_dict(b, "outputs").update(id="nope"),
    "outputs of another property": lambda b: _first_dict(b, "outputs").update(property="title"),
    "outputs a string": lambda b: b.update(outputs="window.options"),
    "no inputs": lambda b: b.pop("inputs"),
    "inputs an object": lambda b: b.update(inputs={"id": "url"}),
    "an input too many": lambda b: b["inputs"].append(copy.deepcopy(b["inputs"][0])),
    "an input missing": lambda b: b["inputs"].pop(),
    "an input of another component": lambda b: _first_dict(b, "inputs").update(id="page"),
    "an input without its id": lambda b: _first_dict(b, "inputs").pop("id"),
    "an input id of another type": lambda b: _first_dict(b, "inputs").update(id=["url"]),
    "an input a number": lambda b: b["inputs"].__setitem__(0, 5),
    "state given to a callback without": lambda b: b.update(state=[{"id": "url", "property": "search"}]),
    "changedPropIds a string": lambda b: b.update(changedPropIds="url.search"),
    "changedPropIds of objects": lambda b: b.update(changedPropIds=[{"id": "url"}]),
}


@pytest.mark.parametrize("prefix", PAGES)
@pytest.mark.parametrize("what", sorted(MUTATIONS))
def test_bp004_a_call_that_matches_no_callback_is_refused_with_the_reason(client, calls, caplog, prefix, what):
    body = copy.deepcopy(next(c for c in calls[prefix] if not c["state"]))
    MUTATIONS[what](body)
    r = _post(client, prefix, body)
    _assert_refused(r, caplog, what)
    assert r.status_code == 400 and r.data.startswith(b"bad callback request: "), r.data[:200]


def _entries(body):
    for key in ("inputs", "state"):
        for item in body[key]:
            yield from (item if isinstance(item, list) else [item])


FORGED_IDS = [{"name": ["x"], "type": "data-toggle"}, {"name": "flows"}, {"name": {"$gt": ""}, "type": "x"}, "url"]


def test_bp005_pattern_ids_must_be_ids(client, calls, caplog):
    tried = 0
    for prefix, bodies in calls.items():
        for body in bodies:
            for n, entry in enumerate(_entries(body)):
                if isinstance(entry["id"], dict):  # a component of a MATCH or ALL dependency
                    for forged in FORGED_IDS:
                        odd = copy.deepcopy(body)
                        list(_entries(odd))[n]["id"] = forged
                        _assert_refused(_post(client, prefix, odd), caplog, (body["output"], forged))
                        tried += 1
    assert tried


def test_bp005b_an_id_property_must_be_the_components_id():
    """No page asks for a component's `id` property today; a callback that did would get only the real one."""
    declared = {"id": "tab", "property": "id"}
    assert guard._matches({"id": "tab", "property": "id", "value": "tab"}, declared)
    assert not guard._matches({"id": "tab", "property": "id", "value": "not its id"}, declared)
    assert guard._matches({"id": "tab", "property": "value", "value": "anything"}, {"id": "tab", "property": "value"})


@pytest.mark.parametrize("prefix", PAGES)
def test_bp006_odd_values_in_a_real_call_are_never_a_server_error(client, calls, caplog, prefix):
    tried = 0
    for body in calls[prefix]:
        for n in range(len(list(_entries(body)))):
            for value in ODD_VALUES:
                odd = copy.deepcopy(body)
                entry = list(_entries(odd))[n]
                entry["value"] = value
                r = _post(client, prefix, odd)
                assert r.status_code < 500, (body["output"][:80], entry["id"], entry["property"], value)
                tried += 1
    assert tried >= len(ODD_VALUES) * len(calls[prefix])
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]


def test_bp007_a_callback_that_raises_is_still_a_logged_server_error(client, calls, caplog, monkeypatch):
    def broken(view):
        raise RuntimeError("a real bug")

    monkeypatch.setattr(callbacks.share, "present_href", broken)
    body = next(c for c in calls["/"] if c["output"] == "present-link.href")
    r = _post(client, "/", body)
    assert r.status_code == 500
    assert b"a real bug" not in r.data and b"Traceback" not in r.data  # logged, not shown
    assert r.headers["X-Content-Type-Options"] == "nosniff"  # an error page carries the headers too
    assert any("a real bug" in str(rec.exc_info[1]) for rec in caplog.records if rec.exc_info)


def test_bp008_a_wildcards_lists_must_name_the_same_components():
    """An ALL list shorter in the outputs than in the inputs or state (a forged body) is refused, not Dash's 500."""
    pattern = json.dumps({"name": ["ALL"], "type": "card"}, separators=(",", ":"))
    declared = [{"id": pattern, "property": "children"}]

    def listed(*names):
        return [[{"id": {"type": "card", "name": n}, "property": "children"} for n in names]]

    same = [("outputs", listed("a", "b"), declared), ("state", listed("a", "b"), declared)]
    short = [("outputs", listed("a"), declared), ("state", listed("a", "b"), declared)]
    assert guard._same_components(same) and not guard._same_components(short)


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/dash/nope.js",
        "/_dash-component-suites/nope/x.js",
        "/_dash-component-suites/dash/dcc/../../x.js",
        "/_dash-component-suites/dash/x%0aINFO forged line.js",
        "/embed/_dash-component-suites/dash/nope.js",
    ],
)
def test_bp009_an_unknown_file_is_a_404_logged_in_one_escaped_line(client, caplog, path):
    caplog.clear()
    r = client.get(path)
    assert r.status_code == 404 and b"Traceback" not in r.data
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert all("\n" not in rec.getMessage() for rec in caplog.records)
