"""The macro panel: actual, expected and prior per indicator, marked by pattern, every figure from the frame. Drawn
from the fixture (tests/fixtures/macro.py): JOLTS and jobless claims in February, the interest bill in January."""

from __future__ import annotations

from html import escape

import pytest

from charts import macro
from charts.kit.figures import DERIVED_PATTERN
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import label, value_text
from core.state import State
from data.columns import C
from i18n import t
from tests.fixtures import FEB, JAN

TRANSPARENT = "rgba(0,0,0,0)"


def _points(fig) -> dict:
    """record id -> what was drawn for it (value, text, fill, line, pattern, hover)."""
    out = {}
    for tr in fig.data:
        n = len(tr.x)

        def each(v, n=n):
            return list(v) if isinstance(v, (list, tuple)) else [v] * n

        for i, cd in enumerate(tr.customdata):
            out[cd[2]] = {
                "x": tr.x[i],
                "text": tr.text[i],
                "fill": each(tr.marker.color)[i],
                "line": each(tr.marker.line.color)[i],
                "width": each(tr.marker.line.width)[i],
                "pattern": each(tr.marker.pattern.shape)[i],
                "hover": tr.hovertext[i],
                "legend": tr.name,
            }
    return out


def _frame(fixture_dataset, episode):
    df = fixture_dataset.frames["macro"]
    return df[df[C.EPISODE] == episode].set_index(C.ID)


@pytest.fixture(scope="module")
def feb(fixture_dataset):
    return macro.figure(fixture_dataset.frames, State(episode=FEB))


def test_mac001_every_row_drawn_once_and_nothing_else(fixture_dataset, feb):
    rows = macro.rows(fixture_dataset.frames, State(episode=FEB))
    ids = [cd[2] for tr in feb.data for cd in tr.customdata]
    assert sorted(ids) == sorted(rows[C.ID]) == sorted(_frame(fixture_dataset, FEB).index)
    assert sorted(ids) == sorted(
        [
            "jolts-actual",
            "jolts-expected-text",
            "jolts-expected-table",
            "jolts-prior-revised",
            "claims-actual",
            "claims-change",
            "claims-expected",
            "claims-prior-derived",
        ]
    )


def test_mac002_values_are_the_frame_values(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    for rid, p in _points(feb).items():
        assert p["x"] == pytest.approx(frame.loc[rid, C.VALUE])
    assert _points(feb)["claims-prior-derived"]["x"] == 209000  # 231,000 − 22,000


def test_mac003_customdata_matches_point_count(fixture_dataset):
    for episode in (JAN, FEB, "both"):
        for tr in macro.figure(fixture_dataset.frames, State(episode=episode)).data:
            assert len(tr.customdata) == len(tr.x) == len(tr.y)


def test_mac004_one_class_colour_measures_told_by_marks(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    for rid, p in _points(feb).items():
        colour = class_colour(frame.loc[rid, C.ASSET_CLASS])
        measure = frame.loc[rid, C.MEASURE]
        if measure == "expected":  # outline only, no fill
            assert p["fill"] == TRANSPARENT and p["width"] > 0
        elif measure.startswith("prior") or measure == "year_ago":  # lighter: the class colour, translucent
            rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
            assert p["fill"].startswith("rgba({},{},{},".format(*rgb)) and not p["fill"].endswith(",1)")
        else:
            assert p["fill"] == colour
    points = _points(feb)
    assert points["jolts-prior-revised"]["fill"] == "rgba(170,68,153,0.4)"  # the macro class's #AA4499, lighter
    assert points["claims-change"]["fill"] == points["jolts-actual"]["fill"] == class_colour("macro")


def test_mac005_expected_and_derived_patterns_differ(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    points = _points(feb)
    for rid, p in points.items():
        assert p["pattern"] == (DERIVED_PATTERN if frame.loc[rid, C.DERIVED] else "")
    assert {rid for rid, p in points.items() if p["pattern"] == DERIVED_PATTERN} == {"claims-prior-derived"}
    expected = [p for rid, p in points.items() if frame.loc[rid, C.MEASURE] == "expected"]
    actual = [p for rid, p in points.items() if frame.loc[rid, C.MEASURE] == "actual"]
    assert expected and actual
    assert {p["fill"] for p in expected} == {TRANSPARENT}
    assert TRANSPARENT not in {p["fill"] for p in actual}
    assert {p["legend"] for p in expected}.isdisjoint({p["legend"] for p in actual})


def test_mac006_jolts_both_expectations_with_warning(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    points = _points(feb)
    for rid in ("jolts-expected-text", "jolts-expected-table"):
        assert points[rid]["x"] == frame.loc[rid, C.VALUE]
        assert points[rid]["text"].endswith(" ⚠")
        assert points[rid]["width"] == 2.5 and points[rid]["line"] == theme("light")["outline"]
    assert {points[r]["x"] for r in ("jolts-expected-text", "jolts-expected-table")} == {7_250_000, 7_000_000}


def test_mac007_conflict_marks_exactly_the_conflicting_rows(fixture_dataset):
    expected = {JAN: {"us-interest-a", "us-interest-b"}, FEB: {"jolts-expected-text", "jolts-expected-table"}}
    for episode in (JAN, FEB):
        frame = _frame(fixture_dataset, episode)
        flagged = set()
        for rid, p in _points(macro.figure(fixture_dataset.frames, State(episode=episode))).items():
            disputed = frame.loc[rid, C.CONFLICT_IDS] != ""
            assert p["text"].endswith("⚠") == disputed
            assert (p["width"] == 2.5) == disputed
            flagged |= {rid} if disputed else set()
        assert flagged == expected[episode]


def test_mac008_hover_has_source_quote_and_the_stated_figure(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    p = _points(feb)["jolts-actual"]
    assert str(frame.loc["jolts-actual", C.SOURCE])[:3] in p["hover"]
    assert escape(frame.loc["jolts-actual", C.QUOTE].replace("**", ""))[:12] in p["hover"].replace("<br>", "")
    assert value_text(frame.loc["jolts-actual"].to_dict()) in p["hover"]  # "6,542,000 jobs", while the bar says 6.542 m
    assert p["text"] == "6.542 m"
    derived = _points(feb)["claims-prior-derived"]
    assert escape(frame.loc["claims-prior-derived", C.FORMULA]) in derived["hover"]
    assert "claims-actual − claims-change" in derived["hover"] and derived["text"] == "209k"
    assert "<b>JOLTS job openings</b> · Actual · for Dec 2025" in p["hover"]  # the measure and its period


def test_mac009_jan_interest_rows_shown_with_their_conflict(fixture_dataset):
    points = _points(macro.figure(fixture_dataset.frames, State(episode=JAN)))
    frame = _frame(fixture_dataset, JAN)
    assert set(points) == set(frame.index) == {"us-interest-a", "us-interest-b"}
    assert points["us-interest-b"]["text"] == points["us-interest-a"]["text"] == "over $1 tn ⚠"
    assert points["us-interest-a"]["fill"] == TRANSPARENT  # "expected in 2026" reads as an expectation
    assert points["us-interest-b"]["fill"] == class_colour("macro")  # "already" reads as stated


def test_mac010_empty_states(fixture_dataset):
    filtered = macro.figure(fixture_dataset.frames, State(episode=FEB, classes=("crypto",)))
    assert filtered.layout.annotations[0].text == t("empty.filtered", "en") and not filtered.data
    frames = dict(fixture_dataset.frames, macro=fixture_dataset.frames["macro"].iloc[0:0])
    none = macro.figure(frames, State(episode=FEB, lang="zh"))
    assert none.layout.annotations[0].text == t("empty.none", "zh") and not none.data


def test_mac011_chinese_labels_from_the_data(fixture_dataset):
    fig = macro.figure(fixture_dataset.frames, State(episode=FEB, lang="zh"))
    titles = " ".join(a.text for a in fig.layout.annotations)
    for r in _frame(fixture_dataset, FEB).reset_index().to_dict("records"):
        assert label(r, "zh").split("（")[0] in titles
    assert {"预期", "预期 · 102 (a)", "前值 · 推算"} <= {y for tr in fig.data for y in tr.y}


def test_mac012_summary_names_figures_from_the_data(fixture_dataset):
    frame = _frame(fixture_dataset, FEB)
    text = macro.summary(fixture_dataset.frames, State(episode=FEB))
    for rid in ("jolts-actual", "jolts-expected-text", "jolts-expected-table"):
        assert value_text(frame.loc[rid].to_dict()) in text
    assert "JOLTS job openings: actual 6,542,000 jobs vs expected 7,250,000 jobs or 7,000,000 jobs" in text
    assert "Initial jobless claims: actual 231,000 jobs vs expected 212,000 jobs. 1 derived, 2 with conflicting" in text
    assert "JOLTS" in macro.summary(fixture_dataset.frames, State(episode=FEB, lang="zh"))
    jan = macro.summary(fixture_dataset.frames, State(episode=JAN))  # no actual figure: the figures are named
    assert "US federal interest outlays Expected over $1 tn; US federal interest outlays Level over $1 tn" in jan


def test_mac013_measures_in_order_and_one_measure_twice_named_by_source(fixture_dataset, feb):
    axes = [feb.layout[k].categoryarray for k in ("yaxis", "yaxis2")]
    assert list(axes[0]) == ["Actual", "Expected · 102 (a)", "Expected · 102 (b)", "Prior, revised"]
    assert list(axes[1]) == ["Actual", "Expected", "Prior · derived", "Change"]
    titles = [a.text for a in feb.layout.annotations]
    assert titles == ["<b>JOLTS job openings</b> · jobs", "<b>Initial jobless claims</b> · jobs"]
