"""The drawing rule, on the curated data: every chart, in every episode, window and language, draws only what a
source states. Arithmetic that shows a contradiction is the conflict's, never a drawn record; a figure a summary
table restates is a claim, not a second bar; and no flow is drawn twice."""

from __future__ import annotations

import pytest

from charts.registry import REGISTRY
from core.state import BOTH, State
from data import refs
from data import select as sel
from data.columns import C

WINDOWS = tuple(sel.WINDOW_GROUPS)


def _views(frames):
    for episode in [*map(str, frames["episodes"][C.ID]), BOTH]:
        for window in WINDOWS:
            yield State(episode=episode, window=window)


@pytest.fixture(scope="module")
def claimed(frames) -> set[tuple[str, str]]:
    """(episode, id) of every record that is a claim of some conflict."""
    claims = frames["conflict_claims"]
    return set(zip(claims[C.CLAIM_EPISODE].astype(str), claims[C.CLAIM_ID].astype(str), strict=True))


@pytest.mark.parametrize("chart", REGISTRY, ids=[c.name for c in REGISTRY])
def test_dr001_no_drawn_row_is_implied_arithmetic_or_a_restated_claim(frames, claimed, chart):
    for state in _views(frames):
        rows = chart.rows(frames, state)
        if rows.empty:
            continue
        if C.RESTATES in rows:
            assert (rows[C.RESTATES] == "").all(), (chart.name, state, list(rows.loc[rows[C.RESTATES] != "", C.ID]))
        if C.DERIVED in rows:
            derived = rows[rows[C.DERIVED].astype(bool)]
            cited = [
                rid
                for ep, rid in zip(derived[C.EPISODE].astype(str), derived[C.ID], strict=True)
                if (ep, rid) in claimed
            ]
            assert not cited, (chart.name, state, cited)  # arithmetic in a conflict is shown with the conflict


def test_dr002_a_derived_figure_is_a_decomposition_of_a_stated_total(frames):
    """What stays derived and drawn splits or sums figures a source states (other exchanges = total − named ones,
    a share of a stated total); an implied market move (a price span as a fall, a peak-to-low change) is not."""
    records = frames["records"]
    derived = records[records[C.DERIVED].astype(bool)]
    moves = derived[derived[C.TABLE].isin(["moves", "rates"])]
    assert moves.empty, list(moves[C.ID])
    assert (derived[C.FORMULA] != "").all()  # each says how it was computed
    assert not derived[C.FORMULA].str.contains("of ").any()  # no range_span: a span is never a drawn move


def _flow_key(r) -> tuple:
    return (r[C.FUND], r[C.METRIC], r[C.VALUE], r[C.LOW], r[C.HIGH], r[C.BOUND], r[C.UNIT])


@pytest.mark.parametrize("episode", ["feb-2026-crash", BOTH])
def test_dr003_no_flow_is_drawn_twice(frames, episode):
    """The text's Monday inflow and the table's '2月3日（周一）' inflow are one flow with two claims about its
    date: it is drawn once. Whatever the markup says, no two drawn flows are the same fund, metric and figure."""
    flows = [c for c in REGISTRY if c.name == "flows"][0]
    rows = flows.rows(frames, State(episode=episode))
    keys = [_flow_key(r) for r in rows.to_dict("records")]
    twice = {k for k in keys if keys.count(k) > 1}
    assert not twice, twice
    everything = frames["flows"]
    restated = everything[everything[C.RESTATES] != ""]
    assert len(restated) >= 2  # the table's two re-dated flows are still in the data, as claims
    for (episode_id, rid), row in restated.set_index([C.EPISODE, C.ID]).iterrows():
        assert rid not in set(rows[C.ID])
        home = everything[(everything[C.EPISODE] == episode_id) & (everything[C.ID] == row[C.RESTATES])]
        assert len(home) == 1 and home.iloc[0][C.RESTATES] == ""
        shared = [
            k
            for k in refs.keys(row[C.CONFLICT_IDS], str(episode_id))
            if k in set(refs.keys(home.iloc[0][C.CONFLICT_IDS], str(episode_id)))
        ]
        assert shared, rid  # the date conflict is attached to the drawn flow too
