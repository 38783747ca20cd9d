"""The requests a reader's browser makes, and what each response must contain.

A data snapshot is a dataset loaded in the test process. For every request the mix knows the correct response
under each snapshot, computed here with the pure builders (`CHARTS[name].figure(frames, state)`), and a check
returns the snapshots a response is consistent with: none means a wrong response, and a response that mixes two
snapshots (an old figure with a new summary, old titles beside new ones) matches none.
"""

from __future__ import annotations

import base64
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import requests
from plotly.io.json import to_json_plotly

from callbacks.context import AppData
from charts.registry import CHARTS, NAMES
from core import ids
from core.state import TABS, State, from_values, serialise

Check = Callable[[requests.Response], "tuple[frozenset[str], str]"]
CONFIG = re.compile(r'<script id="_dash-config" type="application/json">(.*?)</script>', re.S)

# Views a reader asks for: URL-style values, made valid by the real parser.
VIEWS = (
    {},
    {"episode": "jan-2026-sell-america"},
    {"episode": "both", "lang": "zh"},
    {"classes": "crypto", "asset": "btc", "theme": "dark"},
    {"classes": "crypto,precious_metal", "window": "from_peak"},
    {"episode": "both", "classes": "equity_index,govt_bond", "window": "2d"},
    {"lang": "zh", "theme": "dark", "asset": "eth"},
    {"window": "3w", "asset": "silver_spot"},
)
# Relative frequencies: a page load costs one index, one layout and one dependencies request, then the charts of
# a view (api/view.json: every chart of the open tab in one answer, which the browser draws); a view of the other
# tab holds none of this tab's charts. Embeds and slides are visited too.
WEIGHTS = {
    "page": 3,
    "layout": 3,
    "dependencies": 3,
    "chart": 55,
    "hidden_chart": 5,
    "embed_page": 4,
    "embed": 20,
    "present_page": 3,
}


class Snapshot:
    """One version of the data, and what each chart draws from it (kept, as a test session reuses views)."""

    def __init__(self, dataset):
        self.data = AppData.of(dataset)
        self._drawn: dict[tuple, tuple] = {}

    def expect(self, name: str, state: State) -> tuple:
        """(traces, summary) of a panel drawn for a state, as the server's JSON carries them."""
        if (name, state) not in self._drawn:
            panel = CHARTS[name]
            figure = json.loads(to_json_plotly(panel.figure(self.data.frames, state)))
            self._drawn[(name, state)] = (traces(figure), panel.summary(self.data.frames, state))
        return self._drawn[(name, state)]


@dataclass(frozen=True)
class Call:
    kind: str
    method: str
    path: str
    check: Check
    body: dict | None = None


def plain(value):
    """A figure array as a list: Plotly may send numbers as base64 typed arrays ({"dtype", "bdata"})."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if "shape" in value:
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array.tolist()
    return value


def traces(figure: dict) -> list[tuple]:
    """What a figure draws: each trace's type, name, x and y."""
    return [(t.get("type"), t.get("name"), plain(t.get("x")), plain(t.get("y"))) for t in figure.get("data", [])]


def key(component_id) -> str:
    """A component id as Dash keys it in a callback response."""
    return (
        json.dumps(component_id, sort_keys=True, separators=(",", ":"))
        if isinstance(component_id, dict)
        else component_id
    )


def outputs(spec: str) -> list[dict]:
    """A dependency's output string ('..a.x...b.y..' when several) as a request's `outputs` list."""
    parts = spec[2:-2].split("...") if spec.startswith("..") else [spec]
    out = []
    for part in parts:
        cid, prop = part.rsplit(".", 1)
        out.append({"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop})
    return out


def strings(node) -> str:
    """Every string of a JSON tree, one per line."""
    if isinstance(node, str):
        return node
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    return "\n".join(strings(n) for n in children)


class Mix:
    """Weighted random calls over `views` and `charts`, each with its check against every snapshot. Every call is
    built up front, so a payload the server's callbacks do not accept fails here, not in a client thread. The
    expected figures are drawn while the server starts; the payloads then come from its callbacks."""

    def __init__(self, server, snapshots: dict[str, Snapshot], views=VIEWS, charts=NAMES, weights=WEIGHTS):
        self.weights = {k: w for k, w in weights.items() if w}
        first = next(iter(snapshots.values())).data
        states = [from_values(v, first.choices) for v in views]
        self.titles = {k: set(snap.data.frames["episodes"]["title_en"]) for k, snap in snapshots.items()}
        self.expected = {
            (n, drawn(n, s)): {k: snap.expect(n, drawn(n, s)) for k, snap in snapshots.items()}
            for n in charts
            for s in states
        }
        base = server.ready().url
        embed_dep = _drawing(
            requests.get(base + "/embed/_dash-dependencies", timeout=30).json(), {"embed": ids.EMBED_CHART}
        )["embed"]
        every = frozenset(snapshots)
        pages = [("page", "/", "Crashboard", "/")]
        pages += [
            ("embed_page", f"/embed/{n}{serialise(s, first.choices)}", "Crashboard chart", "/embed/")
            for n in charts
            for s in states
        ]
        pages += [
            ("present_page", f"/present/?story={story.id}&slide={i}", "Crashboard: presenter mode", "/present/")
            for story in first.stories
            for i in range(1, len(story.slides) + 1)
        ]
        self.calls: dict[str, list[Call]] = {kind: [] for kind in self.weights}
        for kind, path, title, prefix in pages:
            self._add(Call(kind, "GET", path, _page_check(title, prefix, every)))
        self._add(Call("layout", "GET", "/_dash-layout", self._layout))
        self._add(Call("dependencies", "GET", "/_dash-dependencies", _dependencies_check(every)))
        for name in charts:
            tab = CHARTS[name].tab
            for state in states:
                expected = self.expected[(name, drawn(name, state))]
                search = serialise(state.with_(tab=tab), first.choices) or "?"
                other = serialise(state.with_(tab=_other(tab)), first.choices) or "?"
                self._add(Call("chart", "GET", f"/api/view.json{search}", _chart_check(name, expected)))
                self._add(Call("hidden_chart", "GET", f"/api/view.json{other}", _not_in_view_check(name, every)))
                self._add(
                    Call(
                        "embed",
                        "POST",
                        "/embed/_dash-update-component",
                        _embed_check(name, expected),
                        _body(
                            embed_dep,
                            {
                                (ids.URL, "pathname"): f"/embed/{name}",
                                (ids.URL, "search"): serialise(state, first.choices),
                            },
                        ),
                    )
                )

    def _add(self, call: Call) -> None:
        if call.kind in self.calls:
            self.calls[call.kind].append(call)

    def pick(self, rng: random.Random) -> Call:
        kind = rng.choices(list(self.weights), weights=list(self.weights.values()))[0]
        return rng.choice(self.calls[kind])

    def _layout(self, r) -> tuple[frozenset, str]:
        """The dashboard's layout names every episode: all of one snapshot's titles, and none of another's."""
        text = strings(r.json())
        present = {t for t in set().union(*self.titles.values()) if t in text}
        return frozenset(s for s, own in self.titles.items() if present == own), f"episode titles {present}"


def drawn(name: str, state: State) -> State:
    """The state a panel is drawn for: only the path view draws the selection; others highlight it."""
    return state if CHARTS[name].uses_selection else state.with_(asset=None)


def _other(tab: str) -> str:
    return next(t for t in TABS if t != tab)


def _drawing(deps: list[dict], graphs: dict[str, object]) -> dict[str, dict]:
    """The server-side callback that draws each graph's figure."""
    found = {
        name: dep
        for name, graph in graphs.items()
        for dep in deps
        if not dep.get("clientside_function") and {"id": graph, "property": "figure"} in outputs(dep["output"])
    }
    assert set(found) == set(graphs), f"no callback draws {set(graphs) - set(found)}"
    return found


def _body(dep: dict, browser: dict) -> dict:
    """The request the renderer sends for a callback, its inputs and state taken from what the browser holds."""

    def values(items):
        missing = [f"{i['id']}.{i['property']}" for i in items if (i["id"], i["property"]) not in browser]
        assert not missing, f"the load test does not know what the browser sends for {missing}"
        return [dict(i, value=browser[(i["id"], i["property"])]) for i in items]

    inputs, outs = values(dep["inputs"]), outputs(dep["output"])
    return {
        "output": dep["output"],
        "outputs": outs if len(outs) > 1 else outs[0],
        "inputs": inputs,
        "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"],
        "state": values(dep.get("state", [])),
    }


def _chart_check(name: str, expected: dict) -> Check:
    """A view's answer draws the chart, figure and summary, as one of the snapshots does."""

    def check(r):
        chart = r.json()["charts"][name]
        got = (traces(chart["figure"]), chart["summary"])
        return frozenset(s for s, e in expected.items() if got == e), f"{name}: figure or summary"

    return check


def _not_in_view_check(name: str, every: frozenset) -> Check:
    """A view of the other tab holds none of this tab's charts: the browser asks for them when the tab opens."""
    return lambda r: (every if name not in r.json()["charts"] else frozenset(), f"{name} sent with the other tab")


def _embed_check(name: str, expected: dict) -> Check:
    def check(r):
        got = traces(r.json()["response"][ids.EMBED_CHART]["figure"])
        return frozenset(s for s, e in expected.items() if got == e[0]), f"embed {name}: figure"

    return check


def _dependencies_check(every: frozenset) -> Check:
    """The dashboard's callbacks: the address sync among them (the charts are drawn from api/view.json)."""
    wanted = [{"id": ids.URL, "property": "search"}]

    def check(r):
        found = [o for dep in r.json() for o in outputs(dep["output"])]
        missing = [w for w in wanted if w not in found]
        return (frozenset() if missing else every), f"no callback for {missing}"

    return check


def _page_check(title: str, prefix: str, every: frozenset) -> Check:
    """A Dash index page: its title, and the renderer's config pointing its requests at its own prefix."""

    def check(r):
        config = CONFIG.search(r.text)
        ok = (
            r.status_code == 200
            and f"<title>{title}</title>" in r.text
            and config is not None
            and json.loads(config.group(1)).get("requests_pathname_prefix") == prefix
        )
        return (every if ok else frozenset()), f"index page {prefix}"

    return check
