"""Shared fixtures: the shipped data, the small fixture dataset built in code (tests/fixtures), the seed documents,
throwaway data directories, and Chromium options."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from data import DEFAULT_DIR, load_dataset

from . import fixtures

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("CRASHBOARD_SEEDS", ROOT.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(DEFAULT_DIR)


@pytest.fixture(scope="session")
def frames(dataset) -> dict:
    """The shipped dataset's frames, for the figure builders."""
    return dataset.frames


@pytest.fixture(scope="session")
def fixture_dataset(tmp_path_factory):
    """The small dataset of tests/fixtures, written as YAML and read by the real loader: what the chart tests draw,
    so that editing the curated data cannot break them."""
    return fixtures.load(tmp_path_factory.mktemp("fixture-data"))


@pytest.fixture(scope="session")
def fixture_frames(fixture_dataset) -> dict:
    """The fixture dataset's frames, for the figure builders."""
    return fixture_dataset.frames


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """Seed file name -> text. Skips when the documents are absent, unless CRASHBOARD_REQUIRE_SEEDS is set (CI)."""
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        if os.environ.get("CRASHBOARD_REQUIRE_SEEDS"):
            pytest.fail(f"seed documents required but not found in {SEEDS}")
        pytest.skip(f"seed documents not found in {SEEDS} (set CRASHBOARD_SEEDS)")
    return {f.name: f.read_text(encoding="utf-8") for f in files}


@pytest.fixture(scope="session")
def seed_bytes(seeds) -> dict[str, bytes]:
    return {name: (SEEDS / name).read_bytes() for name in seeds}


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the shipped data directory."""
    target = tmp_path / "data"
    target.mkdir()
    for name in ("sources.yaml", "vocabulary.yaml"):
        shutil.copy(DEFAULT_DIR / name, target / name)
    shutil.copytree(DEFAULT_DIR / "episodes", target / "episodes")
    return target


def pytest_setup_options():
    """Chromium flags for a machine without network or display (the dash[testing] hook)."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for flag in (
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-default-apps",
        "--window-size=1280,1000",
    ):
        options.add_argument(flag)
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    return options
