"""What reaches a Dash callback: a POST to `<page>/_dash-update-component` whose body has the shape the Dash
renderer sends for one of that page's server callbacks. Anything else is answered `400` with a one-line reason
before Dash sees it.

Dash 4 answers a body that is not JSON with 400 (415 for another content type), but any JSON that parses reaches
its dispatcher: a list, a string, a missing or unknown `output`, inputs that do not match the callback, or nesting
deep enough to exhaust the decoder's recursion all end in a 500 and a logged traceback, a client's mistake
reported as a server fault. The shape is checked here against the callback's own declaration, so that 5xx keeps
meaning a real fault: a well-formed call whose callback raises is still a 500, and is logged.

Values are not checked, but for the `id` property, which is the component's id: any other value is whatever a
component may hold, and each callback falls back to its defaults for values it does not understand.
"""

from __future__ import annotations

import json
import logging

from dash.exceptions import DependencyException
from flask import Response, request

log = logging.getLogger(__name__)

ROUTE = "_dash-update-component"
MAX_BODY = 64 << 10  # bytes; the largest call the pages send is about 7 kB (the address sync): 64 KiB leaves room,
# and parsing a larger body only lets a client grow a worker's memory (a flood of 0.8 MB bodies grew each by 80 MB)
MANY = (["ALL"], ["ALLSMALLER"])  # wildcards whose payload item is a list of matching components


def problem(body, callback_map: dict) -> str | None:
    """Why `body` is not a call of one of the server callbacks in `callback_map` (Dash's), or None if it is."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    output = body.get("output")
    spec = callback_map.get(output) if isinstance(output, str) else None
    if spec is None or "callback" not in spec:  # clientside callbacks are in the map too, without a function
        return "'output' names no server callback of this page"
    declared, sent = spec["output"], body.get("outputs")
    if isinstance(declared, list):
        declared = [o.to_dict() for o in declared]
    else:
        declared, sent = [declared.to_dict()], [sent]
    groups = (
        ("outputs", sent, declared),
        ("inputs", body.get("inputs"), spec["inputs"]),
        ("state", body.get("state", []), spec["state"]),
    )
    for key, items, want in groups:
        if not _all_match(items, want):
            return f"'{key}' does not match the callback's declaration"
    if not _same_components(groups):
        return "a wildcard's components differ between outputs, inputs and state"
    changed = body.get("changedPropIds", [])
    if not (isinstance(changed, list) and all(isinstance(c, str) for c in changed)):
        return "'changedPropIds' is not a list of strings"
    return None


def _same_components(groups) -> bool:
    """Every ALL/ALLSMALLER dependency of one id pattern lists the same components, in the same order: the page
    sends each the components it holds, and a callback answers one output per component of its inputs, so
    lists of different lengths can only be forged (Dash would then fail the answer with a 500)."""
    seen: dict[str, list] = {}
    for _, items, declared in groups:
        for item, want in zip(items, declared, strict=True):  # lengths checked by _all_match
            if isinstance(item, list):
                ids = [one.get("id") for one in item]
                if seen.setdefault(want["id"], ids) != ids:
                    return False
    return True


def _all_match(items, declared: list[dict]) -> bool:
    return (
        isinstance(items, list)
        and len(items) == len(declared)
        and all(_matches(item, want) for item, want in zip(items, declared, strict=True))
    )


def _matches(item, declared: dict) -> bool:
    """Whether one payload entry is the declared dependency: one component, or a list of them for ALL."""
    pattern = json.loads(declared["id"]) if declared["id"].startswith("{") else None
    many = pattern is not None and any(w in MANY for w in pattern.values())
    if many and not isinstance(item, list):
        return False
    return all(
        isinstance(one, dict)
        and _prop(one.get("property")) == _prop(declared["property"])
        and _id_matches(one.get("id"), declared["id"], pattern)
        and (declared["property"] != "id" or one.get("value") == one["id"])  # a component's id is its id
        for one in (item if many else [item])
    )


def _prop(name) -> str | None:
    """A property name without the '@hash' Dash appends to outputs that allow duplicates."""
    return name.split("@", 1)[0] if isinstance(name, str) else None


def _id_matches(sent, declared: str, pattern: dict | None) -> bool:
    if pattern is None:
        return sent == declared
    return (
        isinstance(sent, dict)
        and sent.keys() == pattern.keys()
        and all(
            isinstance(sent[k], (str, int, float, bool)) if isinstance(v, list) else sent[k] == v
            for k, v in pattern.items()
        )
    )


def _read_json():
    """The request's JSON, or None when it is not JSON (bad syntax, bad bytes, nesting past the recursion limit)."""
    try:
        return request.get_json(silent=True)
    except RecursionError:
        return None


def install(server, apps) -> None:
    """Refuse, with 400 and the reason, a callback request to any of `apps` that none of its callbacks could take,
    and any request body over MAX_BODY with 413 before it is read; answer a request for a file no app serves with
    404, logged in one escaped line."""
    # Flask's default config already holds the key (as None), so setdefault would leave the cap off
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    routes = {app.config.routes_pathname_prefix + ROUTE: app for app in apps}

    @server.errorhandler(DependencyException)
    def _unknown_file(_exc):
        # Dash raises this for a bundle path it does not serve; its message holds the decoded path, so a %0a
        # in the request wrote a forged line into the log. One line, with the path escaped.
        log.warning("no such file: %r", request.path)
        return Response("no such file\n", 404, mimetype="text/plain")

    @server.before_request
    def _guard_callbacks():
        app = routes.get(request.path) if request.method == "POST" else None
        if app is None:
            return None
        if request.content_length is not None and request.content_length > MAX_BODY:
            return Response(f"a callback request is at most {MAX_BODY:,} bytes", 413, mimetype="text/plain")
        if not request.is_json:
            return Response("a callback request is JSON (Content-Type: application/json)", 415, mimetype="text/plain")
        reason = problem(_read_json(), app.callback_map)
        return Response(f"bad callback request: {reason}", 400, mimetype="text/plain") if reason else None
