"""The forecasts panel: one small panel per subject and unit, dots, range segments, revisions as arrows."""
from __future__ import annotations

from collections import defaultdict
from html import escape

import pytest

from charts import forecasts
from i18n import t
from charts.kit.palette import class_colour, theme
from charts.kit.provenance import value_text
from core.state import State
from data.columns import C

FEB, JAN = "feb-2026-crash", "jan-2026-sell-america"


def _frame(dataset, episode=None):
    df = dataset.frames["forecasts"]
    return (df if episode is None else df[df[C.EPISODE] == episode]).set_index(C.ID)


def _drawn(fig) -> dict:
    """record id -> list of (trace, point index)."""
    out = defaultdict(list)
    for tr in fig.data:
        for i, cd in enumerate(tr.customdata):
            out[cd[2]].append((tr, i))
    return out


@pytest.fixture(scope="module")
def feb(dataset):
    return forecasts.figure(dataset.frames, State(episode=FEB))


@pytest.mark.parametrize("episode", [JAN, FEB, "both"])
def test_fcs001_every_row_drawn_and_nothing_else(dataset, episode):
    fig = forecasts.figure(dataset.frames, State(episode=episode))
    rows = forecasts.rows(dataset.frames, State(episode=episode))
    assert set(_drawn(fig)) == set(rows[C.ID])
    assert len(rows) == len(dataset.frames["forecasts"][dataset.frames["forecasts"][C.EPISODE].isin(
        [JAN, FEB] if episode == "both" else [episode])])
    for tr in fig.data:
        assert len(tr.customdata) == len(tr.x) == len(tr.y)


def test_fcs002_points_and_ranges_carry_the_frame_values(dataset, feb):
    frame = _frame(dataset, FEB)
    ranges = 0
    for rid, marks in _drawn(feb).items():
        r = frame.loc[rid]
        if r[C.VALUE] == r[C.VALUE]:  # a point
            (tr, i), = marks
            assert tr.x[i] == r[C.VALUE] and "lines" not in tr.mode
        else:  # a range: one segment from low to high
            (tr, _), (tr2, _) = marks
            assert tr is tr2 and list(tr.x) == [r[C.LOW], r[C.HIGH]] and "lines" in tr.mode
            ranges += 1
    assert ranges == int(frame[C.VALUE].isna().sum()) >= 2


def test_fcs003_revisions_drawn_hollow_with_an_arrow_to_the_current(dataset, feb):
    frame = _frame(dataset, FEB)
    arrows = {(a.ax, a.x) for a in feb.layout.annotations if a.showarrow}
    previous = frame[frame[C.STATUS] == "previous"]
    assert len(previous) >= 2
    for rid, r in previous.iterrows():
        current = frame[(frame[C.STATUS] == "current") & (frame[C.BY] == r[C.BY]) & (frame[C.SUBJECT] == r[C.SUBJECT])
                        & (frame[C.METRIC] == r[C.METRIC]) & (frame[C.HORIZON_EN] == r[C.HORIZON_EN])]
        assert len(current) == 1
        assert (r[C.VALUE], current.iloc[0][C.VALUE]) in arrows
        (tr, _), = _drawn(feb)[rid]
        assert tr.marker.symbol == "circle-open"
    assert (5400, 6300) in arrows  # JPMorgan's gold forecast, raised


def test_fcs004_colour_is_the_subjects_class(dataset, feb):
    frame = _frame(dataset, FEB)
    for rid, marks in _drawn(feb).items():
        for tr, _ in marks:
            assert tr.marker.color == class_colour(frame.loc[rid, C.ASSET_CLASS])


def test_fcs005_gold_conflict_marked_on_exactly_the_disputed_rows(dataset, feb):
    frame = _frame(dataset, FEB)
    outline = theme("light")["outline"]
    for rid, marks in _drawn(feb).items():
        tr, i = marks[-1]
        disputed = frame.loc[rid, C.CONFLICT_IDS] != ""
        assert tr.text[i].endswith("⚠") == disputed
        line = tr.marker.line.color
        assert ((line[i] if isinstance(line, tuple) else line) == outline) == disputed
    assert {r for r in frame.index if "gold-level-vs-targets" in frame.loc[r, C.CONFLICT_IDS]} == \
        {"jpm-gold-2026", "citi-gold-0-3m"}


def test_fcs006_a_panel_has_one_unit_and_percentages_split_by_metric(dataset, feb):
    frame = _frame(dataset, FEB)
    by_axis = defaultdict(set)
    for rid, marks in _drawn(feb).items():
        for tr, _ in marks:
            r = frame.loc[rid]
            by_axis[tr.xaxis].add((r[C.SUBJECT], r[C.UNIT], r[C.METRIC] if r[C.UNIT] == "pct" else ""))
    assert all(len(v) == 1 for v in by_axis.values())
    assert len(by_axis) == len({k for v in by_axis.values() for k in v}) >= 10


def test_fcs007_hover_and_lanes_name_who_and_when(dataset, feb):
    frame = _frame(dataset, FEB)
    names = dataset.frames["outlets"].set_index(C.ID)[C.NAME_EN]
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


def test_fcs008_empty_states(dataset):
    filtered = forecasts.figure(dataset.frames, State(episode=FEB, classes=("macro",)))
    assert filtered.layout.annotations[0].text == t("empty.filtered", "en") and not filtered.data
    frames = dict(dataset.frames, forecasts=dataset.frames["forecasts"].iloc[0:0])
    none = forecasts.figure(frames, State(episode=JAN))
    assert none.layout.annotations[0].text == t("empty.none", "en") and not none.data
    crypto = forecasts.rows(dataset.frames, State(episode=FEB, classes=("crypto",)))
    assert set(crypto[C.ASSET_CLASS]) == {"crypto"}


def test_fcs009_chinese_and_summary(dataset):
    frame = _frame(dataset, FEB)
    fig = forecasts.figure(dataset.frames, State(episode=FEB, lang="zh"))
    text = " ".join(a.text for a in fig.layout.annotations if not a.showarrow)
    assert frame.loc["jpm-gold-2026", C.LABEL_ZH] in text and frame.loc["jpm-gold-2026", C.HORIZON_ZH] in text
    assert "摩根大通" in text
    summary = forecasts.summary(dataset.frames, State(episode=FEB))
    for rid in ("jpm-gold-2026", "jpm-gold-2026-previous"):
        assert value_text(frame.loc[rid].to_dict()) in summary
    assert "摩根大通" in forecasts.summary(dataset.frames, State(episode=FEB, lang="zh"))
