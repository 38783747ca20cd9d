"""Chart tests draw the fixture (tests/fixtures, the `fixture_frames` and `fixture_dataset` fixtures), never the
shipped data, so that editing the curated YAML cannot break them. What the shipped data says through the charts is
checked in tests/unit/data/test_shipped_charts.py; asking for the shipped frames here is an error that says so."""

from __future__ import annotations

import pytest

WHY = (
    "chart tests draw fixture_frames or fixture_dataset (tests/fixtures); checks of the curated data go in "
    "tests/unit/data/test_shipped_charts.py"
)


@pytest.fixture(scope="session")
def dataset():
    pytest.fail(WHY)


@pytest.fixture(scope="session")
def frames():
    pytest.fail(WHY)
