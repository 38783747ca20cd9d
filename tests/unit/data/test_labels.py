"""Text written per language: English is required, another language is optional and reads English until it is
written, and a language the interface does not speak is refused where it is written."""

from __future__ import annotations

import shutil

import pytest

from data import DEFAULT_DIR
from data.columns import C
from data.loader import build
from data.models import Label

from ..episode_text import MINIMAL, line_of, replace


@pytest.fixture
def data_dir(tmp_path):
    for name in ("sources.yaml", "vocabulary.yaml"):
        shutil.copy(DEFAULT_DIR / name, tmp_path / name)
    (tmp_path / "episodes").mkdir()
    return tmp_path


def _load(data_dir, text):
    (data_dir / "episodes" / "t.yaml").write_text(text, encoding="utf-8")
    return build(data_dir)


def test_la001_a_missing_language_reads_english(data_dir):
    ds = _load(data_dir, replace("title: {en: Tariffs announced, zh: 宣布关税}", "title: {en: Tariffs announced}"))
    assert not ds.rejected
    event = ds.frames["events"].iloc[0]
    assert (event[C.TITLE_EN], event[C.TITLE_ZH]) == ("Tariffs announced", "Tariffs announced")


def test_la002_english_is_required(data_dir):
    ds = _load(data_dir, replace("title: {en: Tariffs announced, zh: 宣布关税}", "title: {zh: 宣布关税}"))
    (report,) = ds.rejected
    assert any("events[0].title.en: is required but missing" in str(i) for i in report.issues), report.issues


def test_la003_an_unknown_language_is_refused_at_its_line(data_dir):
    text = replace("title: {en: Tariffs announced, zh: 宣布关税}", "title: {en: Tariffs announced, fr: Tarifs}")
    ds = _load(data_dir, text)
    (report,) = ds.rejected
    (issue,) = report.issues
    assert issue.line == line_of(text, "fr: Tarifs") and "events[0].title" in str(issue)
    assert "unknown language 'fr'; the languages are en, zh" in issue.message


def test_la004_label_text_falls_back_to_english():
    assert Label(en="Bitcoin", zh="比特币").text("zh") == "比特币"
    assert Label(en="Bitcoin").text("zh") == "Bitcoin"
    assert Label(en="Bitcoin", zh="比特币").model_dump() == {"en": "Bitcoin", "zh": "比特币"}


def test_la005_minimal_is_valid(data_dir):
    assert not _load(data_dir, MINIMAL).rejected
