"""The forecasts panel: one small panel per subject and unit, dots, range segments, revisions as arrows. Drawn from
the fixture (tests/fixtures/forecasts.py): six February forecasts in four panels, two in January."""

from __future__ import annotations

from collections import defaultdict
from html import escape

import pytest

from charts import forecasts
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import value_text
from core.state import State
from data.columns import C
from i18n import t
from tests.fixtures import FEB, JAN


def _frame(fixture_dataset, episode=None):
    df = fixture_dataset.frames["forecasts"]
    return (df if episode is None else df[df[C.EPISODE] == episode]).set_index(C.ID)


def _drawn(fig) -> dict:
    """record id -> list of (trace, point index)."""
    out = defaultdict(list)
    for tr in fig.data:
        for i, cd in enumerate(tr.customdata):
            out[cd[2]].append((tr, i))
    return out


@pytest.fixture(scope="module")
def feb(fixture_dataset):
    return forecasts.figure(fixture_dataset.frames, State(episode=FEB))


@pytest.mark.parametrize("episode, count", [(JAN, 2), (FEB, 6), ("both", 8)])
def test_fcs001_every_row_drawn_and_nothing_else(fixture_dataset, episode, count):
    fig = forecasts.figure(fixture_dataset.frames, State(episode=episode))
    rows = forecasts.rows(fixture_dataset.frames, State(episode=episode))
    assert set(_drawn(fig)) == set(rows[C.ID])
    assert (
        len(rows)
        == len(
            fixture_dataset.frames["forecasts"][
                fixture_dataset.frames["forecasts"][C.EPISODE].isin([JAN, FEB] if episode == "both" else [episode])
            ]
        )
        == count
    )
    for tr in fig.data:
        assert len(tr.customdata) == len(tr.x) == len(tr.y)


def test_fcs002_points_and_ranges_carry_the_frame_values(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    ranges = 0
    for rid, marks in _drawn(feb).items():
        r = frame.loc[rid]
        if r[C.VALUE] == r[C.VALUE]:  # a point
            ((tr, i),) = marks
            assert tr.x[i] == r[C.VALUE] and "lines" not in tr.mode
        else:  # a range: one segment from low to high
            (tr, _), (tr2, _) = marks
            assert tr is tr2 and list(tr.x) == [r[C.LOW], r[C.HIGH]] and "lines" in tr.mode
            ranges += 1
    assert ranges == int(frame[C.VALUE].isna().sum()) == 2  # bitcoin's support, Citi's silver target


def test_fcs003_revisions_drawn_hollow_with_an_arrow_to_the_current(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    arrows = {(a.ax, a.x) for a in feb.layout.annotations if a.showarrow}
    previous = frame[frame[C.STATUS] == "previous"]
    assert list(previous.index) == ["jpm-gold-previous"]
    for rid, r in previous.iterrows():
        current = frame[
            (frame[C.STATUS] == "current")
            & (frame[C.BY] == r[C.BY])
            & (frame[C.SUBJECT] == r[C.SUBJECT])
            & (frame[C.METRIC] == r[C.METRIC])
            & (frame[C.HORIZON_EN] == r[C.HORIZON_EN])
        ]
        assert len(current) == 1
        assert (r[C.VALUE], current.iloc[0][C.VALUE]) in arrows
        ((tr, _),) = _drawn(feb)[rid]
        assert tr.marker.symbol == "circle-open"
    assert (5400, 6300) in arrows  # JPMorgan's gold forecast, raised


def test_fcs004_colour_is_the_subjects_class(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    for rid, marks in _drawn(feb).items():
        for tr, _ in marks:
            assert tr.marker.color == class_colour(frame.loc[rid, C.ASSET_CLASS])


def test_fcs005_gold_conflict_marked_on_exactly_the_disputed_rows(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    outline = theme("light")["outline"]
    for rid, marks in _drawn(feb).items():
        tr, i = marks[-1]
        disputed = frame.loc[rid, C.CONFLICT_IDS] != ""
        assert tr.text[i].endswith("⚠") == disputed
        line = tr.marker.line.color
        assert ((line[i] if isinstance(line, tuple) else line) == outline) == disputed
    assert {r for r in frame.index if "gold-level-vs-targets" in frame.loc[r, C.CONFLICT_IDS]} == {
        "jpm-gold",
        "citi-gold-3m",
    }
    flagged = {rid for rid, marks in _drawn(feb).items() if marks[-1][0].text[marks[-1][1]].endswith("⚠")}
    assert flagged == {"jpm-gold", "citi-gold-3m"}  # not JPMorgan's previous target


def test_fcs006_a_panel_has_one_unit_and_percentages_split_by_metric(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    by_axis = defaultdict(set)
    for rid, marks in _drawn(feb).items():
        for tr, _ in marks:
            r = frame.loc[rid]
            by_axis[tr.xaxis].add((r[C.SUBJECT], r[C.UNIT], r[C.METRIC] if r[C.UNIT] == "pct" else ""))
    assert all(len(v) == 1 for v in by_axis.values())
    assert len(by_axis) == len({k for v in by_axis.values() for k in v}) == 4
    assert set().union(*by_axis.values()) == {
        ("gold", "usd_per_oz", ""),
        ("btc", "pct", "probability"),
        ("btc", "usd", ""),
        ("silver_spot", "usd_per_oz", ""),
    }


def test_fcs007_hover_and_lanes_name_who_and_when(fixture_dataset, feb):
    frame = _frame(fixture_dataset, FEB)
    names = fixture_dataset.frames["outlets"].set_index(C.ID)[C.NAME_EN]
    lanes = " ".join(a.text for a in feb.layout.annotations if not a.showarrow)
    for rid, marks in _drawn(feb).items():
        r = frame.loc[rid]
        tr, i = marks[0]
        assert r[C.BY] in names.index  # every forecaster is a named outlet
        who = escape(names[r[C.BY]], quote=False)  # as written: Plotly shows &quot; literally
        assert who in tr.hovertext[i] and who in lanes
        assert r[C.SOURCE][:3] in tr.hovertext[i]
        assert escape(r[C.QUOTE].replace("**", ""))[:8] in tr.hovertext[i].replace("<br>", "")
        if r[C.HORIZON_EN]:
            assert escape(r[C.HORIZON_EN], quote=False) in lanes


def test_fcs008_empty_states(fixture_dataset):
    filtered = forecasts.figure(fixture_dataset.frames, State(episode=FEB, classes=("macro",)))
    assert filtered.layout.annotations[0].text == t("empty.filtered", "en") and not filtered.data
    frames = dict(fixture_dataset.frames, forecasts=fixture_dataset.frames["forecasts"].iloc[0:0])
    none = forecasts.figure(frames, State(episode=JAN))
    assert none.layout.annotations[0].text == t("empty.none", "en") and not none.data
    crypto = forecasts.rows(fixture_dataset.frames, State(episode=FEB, classes=("crypto",)))
    assert set(crypto[C.ASSET_CLASS]) == {"crypto"}


def test_fcs009_chinese_and_summary(fixture_dataset):
    frame = _frame(fixture_dataset, FEB)
    fig = forecasts.figure(fixture_dataset.frames, State(episode=FEB, lang="zh"))
    text = " ".join(a.text for a in fig.layout.annotations if not a.showarrow)
    assert frame.loc["jpm-gold", C.LABEL_ZH] in text and frame.loc["jpm-gold", C.HORIZON_ZH] in text
    assert "<b>黄金</b>" in text and "<b>摩根大通</b> · 2026年底" in text
    summary = forecasts.summary(fixture_dataset.frames, State(episode=FEB))
    for rid in ("jpm-gold", "jpm-gold-previous"):
        assert value_text(frame.loc[rid].to_dict()) in summary
    assert "Revised: JPMorgan Gold $5,400/oz → $6,300/oz. 2 disputed by other figures." in summary
    assert "摩根大通" in forecasts.summary(fixture_dataset.frames, State(episode=FEB, lang="zh"))


def test_fcs010_ranges_and_bounds_read_as_the_sources_write_them(fixture_dataset, feb):
    texts = {rid: marks[-1][0].text[marks[-1][1]] for rid, marks in _drawn(feb).items()}
    assert texts["report-btc-support"] == "$60,000 – $65,000"  # a positive range, low to high
    assert texts["citi-silver-3m"] == "$60/oz – $80/oz"
    assert texts["polymarket-btc-60k"] == "80%"
    jan = _drawn(forecasts.figure(fixture_dataset.frames, State(episode=JAN)))
    assert jan["citi-selloff"][0][0].text[0] == "up to $130 bn"
    (tr, _), (_, i) = jan["citi-btc-correction"]
    assert list(tr.x) == [-20, -15] and tr.text[i] == "−15% to −20%"  # a fall, nearer zero first
