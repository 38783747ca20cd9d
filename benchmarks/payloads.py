"""What the load test sends: the two floors and every server callback, each with its rotation of request bodies.

The callbacks come from each Dash app's GET `<prefix>_dash-dependencies`; their bodies from `capture.py` (what
the browser sent). A callback is replayed with the bodies the server answered 200 (a drawn view); only when the
browser never got a 200 from it are its 204 (PreventUpdate) bodies used, and the table says so. Clientside
callbacks run in the browser and are listed as skipped; a server callback with no captured body is listed as
not covered."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import requests
from floor import DASH_PREFIX, FLASK_PATH, NOOP_IN, NOOP_OUT

APPS = {"/": "dashboard", "/embed/": "embed", "/present/": "present", DASH_PREFIX: "floor"}
ROUTE = "_dash-update-component"


@dataclass
class Endpoint:
    name: str
    kind: str  # "flask", "noop" or "callback"
    method: str
    path: str
    bodies: list = field(default_factory=list)  # bytes, sent in rotation
    sources: list = field(default_factory=list)  # where each body was captured
    note: str = ""


def _short(part: str) -> str:
    """'{"name":"drawdowns","type":"chart"}.figure' -> 'chart[drawdowns].figure'."""
    ident, prop = part.rsplit(".", 1)
    if ident.startswith("{"):
        d = json.loads(ident)
        rest = ",".join(v[0] if isinstance(v, list) else str(v) for k, v in sorted(d.items()) if k != "type")
        ident = f"{d.get('type', '')}[{rest}]"
    return f"{ident}.{prop}"


def label(prefix: str, output: str) -> str:
    """A readable name for a callback: its app and first output, and how many more outputs it has."""
    parts = output.split("@")[0].strip(".").split("...")
    more = f" +{len(parts) - 1}" if len(parts) > 1 else ""
    return f"{APPS.get(prefix, prefix)}: {_short(parts[0])}{more}"


def floors() -> list[Endpoint]:
    body = {
        "output": f"{NOOP_OUT}.children",
        "outputs": {"id": NOOP_OUT, "property": "children"},
        "inputs": [{"id": NOOP_IN, "property": "value", "value": "x"}],
        "changedPropIds": [f"{NOOP_IN}.value"],
    }
    return [
        Endpoint("bare Flask GET", "flask", "GET", FLASK_PATH, [b""], ["-"]),
        Endpoint(
            "Dash no-op callback (floor)",
            "noop",
            "POST",
            DASH_PREFIX + ROUTE,
            [json.dumps(body).encode()],
            ["synthetic"],
        ),
    ]


def dependencies(base: str, prefixes) -> dict[str, list]:
    out = {}
    for prefix in prefixes:
        r = requests.get(base + prefix + "_dash-dependencies", timeout=30)
        if r.ok:
            out[prefix] = r.json()
    return out


def build(captured, deps: dict[str, list]) -> tuple[list[Endpoint], dict]:
    """The callback endpoints, in page order, and the coverage: clientside skipped, server callbacks missing."""
    endpoints, coverage = [], {"clientside_skipped": [], "not_covered": []}
    for prefix, callbacks in deps.items():
        for cb in callbacks:
            name = label(prefix, cb["output"])
            if cb.get("clientside_function") or cb.get("clientside"):
                coverage["clientside_skipped"].append(name)
                continue
            seen = captured.calls.get((prefix, cb["output"]), {})
            ok = {b: s for b, (s, status) in seen.items() if status == 200}
            use = ok or {b: s for b, (s, status) in seen.items() if status == 204}
            if not use:
                coverage["not_covered"].append(name)
                continue
            note = "" if ok else "only 204 (PreventUpdate) seen"
            endpoints.append(
                Endpoint(name, "callback", "POST", prefix + ROUTE, [b.encode() for b in use], list(use.values()), note)
            )
    return endpoints, coverage
