"""Every chart keeps the contract of charts/contract.py, and the registry is the one list of charts. The builders
are called on the fixture (tests/fixtures), which has every shape they draw; test_shipped_charts draws the shipped
data through every chart."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

import charts
from charts.contract import TABS, Chart
from charts.registry import CHARTS, NAMES, REGISTRY
from core.state import BOTH, LANGS, State
from data.columns import C
from i18n import t

VENDOR = Path(__file__).resolve().parents[3] / "assets" / "vendor"


def _views(frames):
    episodes = [*map(str, frames["episodes"][C.ID]), BOTH]
    return [State(episode=e, lang=lang) for e in episodes for lang in LANGS]


def test_ct001_the_registry_lists_every_chart_module_once():
    modules = sorted(
        p.stem for p in Path(charts.__file__).parent.glob("*.py") if p.stem not in ("__init__", "contract", "registry")
    )
    assert sorted(NAMES) == modules  # a chart module that is not registered is a chart nobody sees
    assert len(set(NAMES)) == len(REGISTRY) and all(isinstance(c, Chart) for c in REGISTRY)
    assert list(CHARTS) == list(NAMES) and all(CHARTS[c.name] is c for c in REGISTRY)


@pytest.mark.parametrize("chart", REGISTRY, ids=NAMES)
def test_ct002_declaration(chart):
    assert chart.tab in TABS
    for fn in (chart.rows, chart.figure, chart.summary) + ((chart.extra,) if chart.extra else ()):
        assert list(inspect.signature(fn).parameters)[:2] == ["frames", "state"], fn
    for lang in LANGS:
        assert t(chart.title_key, lang) != chart.title_key  # it has a title in every language


@pytest.mark.parametrize("chart", REGISTRY, ids=NAMES)
def test_ct003_builders_return_what_the_contract_says(chart, fixture_frames):
    drawn = set()
    for state in _views(fixture_frames):
        rows = chart.rows(fixture_frames, state)
        assert isinstance(rows, pd.DataFrame) and {C.EPISODE, C.ID} <= set(rows.columns)
        fig = chart.figure(fixture_frames, state)
        assert isinstance(fig, go.Figure)
        drawn |= {tr.type for tr in fig.data}
        assert isinstance(chart.summary(fixture_frames, state), str) and chart.summary(fixture_frames, state)
        if chart.extra is not None:
            assert isinstance(chart.extra(fixture_frames, state), list)
    assert drawn <= chart.traces, f"{chart.name} draws {drawn - chart.traces} without declaring them"


def test_ct004_declared_traces_are_in_the_bundled_plotly_js():
    listed = re.search(r"Contains trace modules (.+)\.", (VENDOR / "plotly-basic.README.md").read_text())
    bundled = set(re.findall(r"`(\w+)`", listed.group(1)))
    declared = set().union(*(c.traces for c in REGISTRY))
    assert declared <= bundled, declared - bundled


@pytest.mark.parametrize(
    "chart", [c for c in REGISTRY if not c.uses_selection], ids=[c.name for c in REGISTRY if not c.uses_selection]
)
def test_ct005_a_chart_that_ignores_the_selection_draws_the_same_with_one(chart, fixture_frames):
    """Only a chart declaring uses_selection is redrawn on a click; the others are highlighted in the browser,
    so their figure must not depend on the selected asset."""
    state = State(episode=str(fixture_frames["episodes"][C.ID].iloc[-1]))
    entity = str(fixture_frames["records"][C.ENTITY].iloc[0])
    assert chart.figure(fixture_frames, state) == chart.figure(fixture_frames, state.with_(asset=entity))


def test_ct006_a_bad_declaration_is_refused():
    noop = lambda frames, state: None  # noqa: E731
    with pytest.raises(ValueError, match="tab must be one of"):
        Chart("x", "elsewhere", noop, noop, noop, frozenset({"bar"}))
    with pytest.raises(ValueError, match="declare the plotly trace types"):
        Chart("x", "crash", noop, noop, noop, frozenset())
