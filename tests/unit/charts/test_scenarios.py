"""The scenarios panel: the source's four probabilities, in its order, with assumption and impact on hover. Drawn
from the fixture (tests/fixtures/scenarios.py): 30, 40, 20 and 10%, in that order."""

from __future__ import annotations

from html import escape

import pytest

from charts import scenarios
from charts.kit.palette import CLASS_COLOURS, theme
from core.state import State
from data.columns import C
from i18n import t
from tests.fixtures import FEB, JAN


@pytest.fixture(scope="module")
def frame(fixture_dataset):
    df = fixture_dataset.frames["scenarios"]
    return df[df[C.EPISODE] == FEB]


def _bar(fig):
    (bar,) = fig.data
    return bar


def test_sce001_four_bars_with_the_frame_values_in_order(fixture_dataset, frame):
    bar = _bar(scenarios.figure(fixture_dataset.frames, State(episode=FEB)))
    assert list(bar.x) == list(frame[C.VALUE]) and len(frame) == 4
    assert list(bar.x) == [30, 40, 20, 10]  # the report's order, not sorted by size
    assert list(bar.text) == ["30%", "40%", "20%", "10%"]
    assert [cd[2] for cd in bar.customdata] == list(frame[C.ID])
    assert [y.replace("<br>", " ") for y in bar.y] == list(frame[C.NAME_EN])
    assert list(bar.y) == ["Soft landing", "Stagflation", "Recession", "Liquidity crisis"]
    assert len(bar.customdata) == len(bar.x) == len(bar.y)


def test_sce002_no_derived_total(fixture_dataset, frame):
    rows = scenarios.rows(fixture_dataset.frames, State(episode=FEB))
    assert len(rows) == len(frame) and not rows[C.DERIVED].any()
    assert rows[C.VALUE].sum() == 100  # they add up as given, so no total is derived
    assert sum(len(tr.x) for tr in scenarios.figure(fixture_dataset.frames, State(episode="both")).data) == len(frame)


def test_sce003_hover_has_assumption_impact_source_and_quote(fixture_dataset, frame):
    for lang in ("en", "zh"):
        bar = _bar(scenarios.figure(fixture_dataset.frames, State(episode=FEB, lang=lang)))
        for text, r in zip(bar.hovertext, frame.to_dict("records"), strict=True):
            flat = text.replace("<br>", "")
            suffix = "_zh" if lang == "zh" else "_en"
            assert escape(r["assumption" + suffix]).replace(" ", "") in flat.replace(" ", "")
            assert escape(r["impact" + suffix]).replace(" ", "") in flat.replace(" ", "")
            assert r[C.SOURCE][:3] in text and escape(r["name" + suffix]) in text
            assert r[C.QUOTE].replace("**", "")[:6] in flat


def test_sce004_hover_escapes_the_data(fixture_dataset, frame):
    hostile = fixture_dataset.frames["scenarios"].copy()
    hostile.loc[hostile.index[0], C.ASSUMPTION_EN] = "<img src=x onerror=alert(1)>"
    text = _bar(scenarios.figure(dict(fixture_dataset.frames, scenarios=hostile), State(episode=FEB))).hovertext[0]
    assert "<img" not in text and "&lt;img" in text


@pytest.mark.parametrize("name", ["light", "dark"])
def test_sce005_theme_ink_not_a_class_colour(fixture_dataset, name):
    bar = _bar(scenarios.figure(fixture_dataset.frames, State(episode=FEB, theme=name)))
    assert bar.marker.color == theme(name)["muted"]
    assert bar.marker.color not in CLASS_COLOURS.values()


def test_sce006_empty_states(fixture_dataset):
    jan = scenarios.figure(fixture_dataset.frames, State(episode=JAN))
    assert jan.layout.annotations[0].text == t("empty.none", "en") and not jan.data
    filtered = scenarios.figure(fixture_dataset.frames, State(episode=FEB, classes=("crypto",)))
    assert filtered.layout.annotations[0].text == t("empty.filtered", "en") and not filtered.data


def test_sce007_chinese_names_and_summary(fixture_dataset, frame):
    bar = _bar(scenarios.figure(fixture_dataset.frames, State(episode=FEB, lang="zh")))
    assert [y.replace("<br>", "") for y in bar.y] == list(frame[C.NAME_ZH])
    text = scenarios.summary(fixture_dataset.frames, State(episode=FEB))
    for r in frame.to_dict("records"):
        assert f"{r[C.NAME_EN]} {r[C.VALUE]:g}%" in text
    assert frame.iloc[0][C.NAME_ZH] in scenarios.summary(fixture_dataset.frames, State(episode=FEB, lang="zh"))
    items = "Soft landing 30%; Stagflation 40%; Recession 20%; Liquidity crisis 10%"
    assert text == f"{t('panel.scenarios', 'en')}: {items}."
