"""The fixture dataset (tests/fixtures) loads through the real loader and holds every shape the chart tests rely on,
with the derived values its comments work out; a chart test that finds a shape missing would pass for nothing."""

from __future__ import annotations

import pandas as pd
import pytest

from data.columns import C
from data.schema import BOUNDS, LIQUIDATION_DIMENSIONS
from tests.fixtures import FEB, JAN


def _by_id(frames, table, episode):
    df = frames[table]
    return df[df[C.EPISODE] == episode].set_index(C.ID)


def test_fix001_every_file_is_accepted_and_january_comes_first(fixture_dataset):
    assert fixture_dataset.rejected == []
    assert [r.kind for r in fixture_dataset.reports] == ["sources", "vocabulary", "episode", "episode"]
    assert list(fixture_dataset.episodes[C.ID]) == [JAN, FEB]


def test_fix002_moves_have_every_bound_a_range_and_derived_figures(fixture_frames):
    changes = fixture_frames["moves"][fixture_frames["moves"][C.METRIC] == "change"]
    assert set(changes[C.BOUND]) == set(BOUNDS)
    ranges = changes[changes[C.VALUE].isna() & changes[C.LOW].notna()]
    assert set(ranges[C.ID]) == {"eth-intraday", "silver-intraday"}
    assert set(ranges[C.BOUND]) == {"exact", "over"}
    assert set(changes.loc[changes[C.DERIVED], C.ID]) == {"silver-span-derived", "btc-peak-to-low-derived"}


@pytest.mark.parametrize(
    "table, rid, value",
    [
        ("moves", "silver-span-derived", -60.0),  # (30 ÷ 75 − 1) × 100
        ("moves", "btc-peak-to-low-derived", -50.0),  # (63,000 ÷ 126,000 − 1) × 100
        ("liquidations", "liq-others-derived", 0.4),  # 2.0 − 0.8 − 0.5 − 0.3
        ("liquidations", "liq-okx-share-derived", 25.0),  # 0.5 ÷ 2.0 × 100
        ("liquidations", "liq-bybit-share-derived", 15.0),  # 0.3 ÷ 2.0 × 100
        ("liquidations", "liq-lev-lt10-derived", 30.0),  # 100 − 30 − 25 − 15
        ("macro", "claims-prior-derived", 209000.0),  # 231,000 − 22,000
        ("holdings", "china-ust-change-derived", -48.2576),  # (683 ÷ 1,320 − 1) × 100
    ],
)
def test_fix003_derived_values_are_what_the_comments_say(fixture_frames, table, rid, value):
    row = fixture_frames[table].set_index(C.ID).loc[rid]
    assert row[C.DERIVED] and row[C.VALUE] == pytest.approx(value, abs=1e-4)


def test_fix004_dates_at_every_precision(fixture_frames):
    assert _by_id(fixture_frames, "moves", FEB).loc["btc-peak", C.DATE_PRECISION] == "month"
    assert _by_id(fixture_frames, "rates", JAN).loc["jgb40y-jan", C.DATE_PRECISION] == "month"
    assert _by_id(fixture_frames, "flows", FEB).loc["btc-etf-in-btc", C.DATE_PRECISION] == "year"
    events = fixture_frames["events"].set_index(C.ID)
    assert {"fed-cut-december", "greenland-talks", "cme-margins"} <= set(
        events.index[(events[C.DATE_PRECISION] == "month") & events[C.END].isna()]
    )
    assert events.loc["warsh-hearing", C.END] == pd.Timestamp("2026-03-01")
    assert events.loc["davos-forum", C.END] == pd.Timestamp("2026-01-24")


def test_fix005_conflicts_of_every_kind_one_across_episodes_two_from_the_calendar(fixture_frames):
    conflicts = fixture_frames["conflicts"]
    assert set(conflicts[C.KIND]) == {"between_seeds", "within_seed", "arithmetic", "calendar"}
    generated = conflicts[conflicts[C.GENERATED]]
    assert set(generated[C.ID]) == {"calendar-btc-etf-feb3-table", "calendar-iran-talks"}
    claims = fixture_frames["conflict_claims"]
    across = claims[claims[C.EPISODE].astype(str) != claims[C.CLAIM_EPISODE].astype(str)]
    assert list(zip(across[C.CONFLICT_ID], across[C.CLAIM_ID], strict=True)) == [("etf-direction", "btc-etf-average")]
    flows = _by_id(fixture_frames, "flows", FEB)
    assert flows.loc["btc-etf-average", C.CONFLICT_IDS] == f"{JAN}:etf-direction"
    assert flows.loc["btc-etf-feb3-4-table", C.CONFLICT_IDS] == ""  # its weekdays fit the calendar


def test_fix006_the_february_tables_the_january_episode_lacks(fixture_frames):
    for table in ("liquidations", "flows", "scenarios"):
        assert set(fixture_frames[table][C.EPISODE].astype(str)) == {FEB}, table
    assert set(fixture_frames["holdings"][C.EPISODE].astype(str)) == {JAN}
    assert set(fixture_frames["liquidations"][C.DIMENSION]) == set(LIQUIDATION_DIMENSIONS)
    assert set(fixture_frames["flows"][C.UNIT]) == {"usd_bn", "usd_mn", "btc"}
    assert set(fixture_frames["forecasts"][C.STATUS]) == {"current", "previous"}
    assert set(fixture_frames["events"][C.STATUS]) == {"occurred", "scheduled", "expected"}
