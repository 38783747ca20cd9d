"""Columns come from the models: a field added to a model reaches its frame, the records frame and the CSV, with
no list to edit; a text field gets one column per language."""

from __future__ import annotations

import shutil

import pytest

from charts.registry import CHARTS
from core.state import State
from dashboard.card import csv_text, table_frame
from data import DEFAULT_DIR
from data.columns import C, csv_columns, kind, table_columns
from data.loader import build
from data.models import ROW_MODELS, Label, MarketRow, Text, When
from i18n import LANGS

from ..episode_text import MINIMAL


class MarketRowPlus(MarketRow):
    """A moves record with three fields the shipped schema does not have, one of each kind."""

    confidence: Text | None = None
    caveat: Label | None = None
    checked: When | None = None


@pytest.fixture
def plus_dir(tmp_path, monkeypatch):
    """A data directory whose moves model has the new fields, and one move that uses them."""
    monkeypatch.setitem(ROW_MODELS, "moves", MarketRowPlus)
    for name in ("sources.yaml", "vocabulary.yaml"):
        shutil.copy(DEFAULT_DIR / name, tmp_path / name)
    (tmp_path / "episodes").mkdir()
    text = MINIMAL.replace(
        "    unit: pct\n",
        "    unit: pct\n    confidence: high\n    caveat: {en: 'Intraday', zh: '盘中'}\n    checked: '2026-02'\n",
        1,
    )
    (tmp_path / "episodes" / "t.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_co001_a_new_field_reaches_the_frame_the_records_and_the_csv(plus_dir):
    ds = build(plus_dir)
    assert not ds.rejected, [str(i) for r in ds.rejected for i in r.issues]
    moves = ds.frames["moves"]
    row = moves.iloc[0]
    assert row["confidence"] == "high"
    assert (row["caveat_en"], row["caveat_zh"]) == ("Intraday", "盘中")
    assert str(row["checked"].date()) == "2026-02-01" and row["checked_precision"] == "month"
    assert ds.frames["records"].loc[("test-episode", "m1"), "confidence"] == "high"
    rows = CHARTS["drawdowns"].rows(ds.frames, State(episode="test-episode"))
    header, line = csv_text(rows, ds.frames, "zh").splitlines()[:2]
    assert {"confidence", "caveat", "checked"} <= set(header.split(","))
    shown = table_frame(rows, ds.frames, "zh").iloc[0]
    assert (shown["confidence"], shown["caveat"], shown["checked"]) == ("high", "盘中", "2026-02")


def test_co002_without_the_new_fields_there_are_no_such_columns():
    assert not {"confidence", "caveat_en", "checked"} & set(table_columns("moves"))


@pytest.mark.parametrize(
    "field,expected",
    [
        ("note", "label"),
        ("date", "when"),
        ("value", "number"),
        ("derive", "derive"),
        ("quote", "text"),
        ("bound", "text"),
        ("window", "text"),
    ],
)
def test_co003_kind_of_each_field(field, expected):
    assert kind(MarketRow.model_fields[field].annotation) == expected


def test_co004_a_text_field_has_a_column_per_language():
    cols = table_columns("events")
    assert [f"title_{lang}" for lang in LANGS] == [c for c in cols if c.startswith("title_")]
    assert [f"note_{lang}" for lang in LANGS] == [c for c in cols if c.startswith("note_")]


def test_co005_csv_reads_record_figure_dates_keys_provenance():
    names = [n for n, _ in csv_columns(("moves",))]
    assert names[:5] == [C.EPISODE, C.ID, C.TABLE, C.ENTITY, "label"]
    assert names.index("value_text") == names.index(C.UNIT) + 1
    assert names.index(C.DATE) < names.index(C.WINDOW) < names.index(C.SOURCE) < names.index("derive")
    assert names[-1] == C.CONFLICT_IDS
    assert "value_text" not in [n for n, _ in csv_columns(("events",))]  # events state no figure
