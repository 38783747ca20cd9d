"""The holders panel: amounts converted to $ bn by the schema's factors on a log axis, other units as tiles. Drawn
from the fixture (tests/fixtures/holdings.py): eight January holdings, from $0.1 bn to $30.9 tn."""

from __future__ import annotations

from html import escape

import pytest

from charts import holders
from charts.kit.figures import DERIVED_PATTERN
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import label, value_text
from core.state import State
from data.columns import C
from data.schema import AMOUNT_UNITS, UNITS
from i18n import t
from tests.fixtures import FEB, JAN


def _points(fig) -> dict:
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
                "axis": tr.xaxis,
                "line": each(tr.marker.line.color)[i],
                "width": each(tr.marker.line.width)[i],
                "pattern": each(tr.marker.pattern.shape)[i],
                "hover": tr.hovertext[i],
            }
    return out


@pytest.fixture(scope="module")
def frame(fixture_dataset):
    df = fixture_dataset.frames["holdings"]
    return df[df[C.EPISODE] == JAN].set_index(C.ID)


@pytest.fixture(scope="module")
def jan(fixture_dataset):
    return holders.figure(fixture_dataset.frames, State(episode=JAN))


def test_hol001_every_row_drawn_once(fixture_dataset, jan, frame):
    ids = [cd[2] for tr in jan.data for cd in tr.customdata]
    assert len(ids) == 8
    assert sorted(ids) == sorted(holders.rows(fixture_dataset.frames, State(episode=JAN))[C.ID]) == sorted(frame.index)
    for tr in jan.data:
        assert len(tr.customdata) == len(tr.x) == len(tr.y)


def test_hol002_amounts_converted_by_unit_factors(jan, frame):
    points = _points(jan)
    amounts = frame[frame[C.UNIT].isin(AMOUNT_UNITS)]
    assert {"usd_tn", "usd_bn"} <= set(amounts[C.UNIT])
    for rid, r in amounts.iterrows():
        factor = UNITS[r[C.UNIT]].factor / UNITS["usd_bn"].factor
        assert points[rid]["x"] == pytest.approx(r[C.VALUE] * factor)
        converted = r[C.UNIT] != "usd_bn"
        assert ("converted" in points[rid]["text"]) == converted
        assert ("converted" in points[rid]["hover"]) == converted
        assert value_text(r.to_dict()) in points[rid]["hover"]  # the figure as stated
    assert points["foreign-us-securities"]["x"] == pytest.approx(30.9 * 1000)  # $30.9 tn
    assert points["foreign-us-securities"]["text"] == "$30.9 tn (converted)"
    assert points["china-ust-2025-11"]["text"] == "$683 bn"


def test_hol003_amounts_sorted_largest_first_on_a_log_axis(fixture_dataset, jan, frame):
    rows = holders.rows(fixture_dataset.frames, State(episode=JAN))
    amounts = rows[rows[C.UNIT].isin(AMOUNT_UNITS)]
    sizes = list(holders.in_bn(amounts))
    assert sizes == sorted(sizes, reverse=True)
    assert list(amounts[C.ID]) == [
        "foreign-us-securities",
        "china-ust-peak-a",
        "china-ust-peak-b",
        "china-ust-2025-11",
        "akademiker-ust-b",
        "akademiker-ust-a",
    ]  # ties in file order
    assert list(jan.layout.xaxis.ticktext) == ["0.1", "", "10", "", "1,000", "", "100,000"]  # from 0.1 to 30,900
    assert jan.layout.xaxis.type == "log" and "log" in jan.layout.xaxis.title.text


def test_hol004_other_units_are_tiles_in_their_own_panel(jan, frame):
    points = _points(jan)
    others = frame[~frame[C.UNIT].isin(AMOUNT_UNITS)]
    assert set(others[C.UNIT]) == {"moz", "pct"}
    assert points["pboc-gold"]["text"] == "≈ 74.15 mn oz" and points["china-ust-change-derived"]["text"] == "−48.26%"
    for rid, r in others.iterrows():
        assert points[rid]["axis"] == "x2" and points[rid]["x"] == 1.0
        assert points[rid]["text"].startswith(value_text(r.to_dict()))
    assert jan.layout.xaxis2.visible is False


def test_hol005_colour_is_the_asset_class(jan, frame):
    for rid, p in _points(jan).items():
        colour = class_colour(frame.loc[rid, C.ASSET_CLASS])
        if p["axis"] == "x":
            assert p["fill"] == colour
        else:
            rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
            assert p["fill"].startswith("rgba({},{},{},".format(*rgb))
    assert {frame.loc[r, C.ASSET_CLASS] for r in _points(jan)} == {"govt_bond", "us_assets", "precious_metal"}


def test_hol006_china_peak_conflict_both_shown_and_only_they_flagged(jan, frame):
    points = _points(jan)
    assert {points["china-ust-peak-a"]["x"], points["china-ust-peak-b"]["x"]} == {1320, 1300}
    for rid, p in points.items():
        disputed = frame.loc[rid, C.CONFLICT_IDS] != ""
        assert p["text"].endswith("⚠") == disputed
        assert (p["width"] == 2.5 and p["line"] == theme("light")["outline"]) == disputed
    assert "⚠" in points["china-ust-peak-b"]["hover"]
    assert {rid for rid, p in points.items() if p["text"].endswith("⚠")} == {"china-ust-peak-a", "china-ust-peak-b"}


def test_hol007_derived_change_hatched(jan, frame):
    for rid, p in _points(jan).items():
        assert p["pattern"] == (DERIVED_PATTERN if frame.loc[rid, C.DERIVED] else "")
    assert frame.loc["china-ust-change-derived", C.DERIVED]
    assert {rid for rid, p in _points(jan).items() if p["pattern"] == DERIVED_PATTERN} == {"china-ust-change-derived"}


def test_hol008_akademiker_from_two_sources_with_quotes(jan, frame):
    points = _points(jan)
    ak = frame[frame[C.HOLDER] == "akademiker"]
    assert len(ak) == 2 and {s[:3] for s in ak[C.SOURCE]} == {"100", "101"}
    lanes = [a.text for a in jan.layout.annotations if a.text.startswith("<b>AkademikerPension")]
    assert sorted(lane[-3:] for lane in lanes) == ["100", "101"]  # one holder's repeated figure names its source
    for rid, r in ak.iterrows():
        assert points[rid]["x"] == pytest.approx(0.1)
        assert r[C.SOURCE][:3] in points[rid]["hover"]
        assert escape(r[C.QUOTE].replace("**", ""))[:8] in points[rid]["hover"].replace("<br>", "")


def test_hol009_empty_states(fixture_dataset):
    feb = holders.figure(fixture_dataset.frames, State(episode=FEB))
    assert feb.layout.annotations[0].text == t("empty.none", "en") and not feb.data
    filtered = holders.figure(fixture_dataset.frames, State(episode=JAN, classes=("crypto",)))
    assert filtered.layout.annotations[0].text == t("empty.filtered", "en") and not filtered.data
    both = holders.rows(fixture_dataset.frames, State(episode="both"))
    assert len(both) == len(holders.rows(fixture_dataset.frames, State(episode=JAN))) == 8


def test_hol010_chinese_labels_and_summary(fixture_dataset, frame):
    fig = holders.figure(fixture_dataset.frames, State(episode=JAN, lang="zh"))
    names = " ".join(a.text for a in fig.layout.annotations)
    for r in frame.reset_index().to_dict("records"):
        assert label(r, "zh") in names
    assert "十亿美元" in names
    text = holders.summary(fixture_dataset.frames, State(episode=JAN))
    assert value_text(frame.loc["foreign-us-securities"].to_dict()) in text
    assert value_text(frame.loc["pboc-gold"].to_dict()) in text
    assert text == (
        "Who holds US Treasuries: 8 figures. Largest: Foreign holders $30.9 tn; China $1,320 bn; China "
        "nearly $1,300 bn; China $683 bn; AkademikerPension (Denmark) over $0.1 bn. In other units: China "
        "−48.26%; People's Bank of China ≈ 74.15 mn oz. 1 derived, 2 with conflicting claims."
    )
