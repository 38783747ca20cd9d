"""Rates and the dollar: levels as unjoined markers, changes as bars covering their day with window labels,
policy figures in their own panel, every axis a date axis, conflicts marked. Drawn from the fixture
(tests/fixtures/rates.py): three January figures and ten February ones."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from charts import rates
from charts.kit import events as ev
from charts.kit.figures import patterns
from charts.kit.palette import class_colour
from charts.kit.provenance import window_text
from core.state import State
from data.columns import C
from i18n import t
from tests.fixtures import FEB, JAN


@pytest.fixture(scope="module")
def both(fixture_frames):
    return rates.figure(fixture_frames, State())


def records(fig):
    """record id -> [(trace, point index)] over the traces that draw rates rows (not the catalyst markers)."""
    out = {}
    for tr in fig.data:
        if str(tr.yaxis).startswith("y1") and len(str(tr.yaxis)) > 2:
            continue
        for k, (c, x) in enumerate(zip(tr.customdata, tr.x, strict=True)):
            if x is not None:
                out.setdefault(c[2], []).append((tr, k))
    return out


def test_rt001_rows_follow_episode_and_classes(fixture_frames):
    r = fixture_frames["rates"]
    assert set(rates.rows(fixture_frames, State(episode=FEB))[C.ID]) == set(r.loc[r[C.EPISODE] == FEB, C.ID])
    assert set(rates.rows(fixture_frames, State())[C.ID]) == set(r[C.ID])
    fx = rates.rows(fixture_frames, State(classes=("fx",)))
    assert set(fx[C.ID]) == set(r.loc[r[C.ASSET_CLASS] == "fx", C.ID]) and (fx[C.TABLE] == "rates").all()
    assert set(fx[C.ID]) == {"dxy-2d", "dxy-jan", "dxy-1d", "dxy-110"}
    assert len(rates.rows(fixture_frames, State(episode=JAN))) == 3


def test_rt002_every_row_drawn_with_its_value(fixture_frames, both):
    df = rates.rows(fixture_frames, State()).set_index(C.ID)
    drawn = records(both)
    assert set(drawn) == set(df.index)
    for rid, marks in drawn.items():
        row = df.loc[rid]
        assert len({id(tr) for tr, _ in marks}) == 1 or row[C.DATE_PRECISION] != "day"
        ys = {tr.y[k] for tr, k in marks}
        assert ys == ({row[C.VALUE]} if pd.notna(row[C.VALUE]) else {row[C.LOW], row[C.HIGH]})


def test_rt003_every_x_axis_is_a_date_axis(fixture_frames):
    for state in (State(), State(episode=JAN), State(classes=("fx",))):
        fig = rates.figure(fixture_frames, state)
        axes = [k for k in fig.layout.to_plotly_json() if k.startswith("xaxis")]
        assert len(axes) >= 4 and all(fig.layout[k].type == "date" for k in axes)


def test_rt004_conflicting_2y_points_carry_warning_and_outline(fixture_frames, both):
    df = rates.rows(fixture_frames, State()).set_index(C.ID)
    two = df[(df[C.ASSET] == "ust_2y") & (df[C.METRIC] == "level")]
    assert sorted(two[C.VALUE]) == [3.46, 4.35] and (two[C.CONFLICT_IDS] != "").all()
    for rid, ((tr, k), *_) in records(both).items():
        if tr.type == "scatter" and tr.mode == "markers+text":
            flagged = bool(df.loc[rid, C.CONFLICT_IDS])
            assert tr.text[k].endswith(" ⚠") == flagged, rid
            assert (tr.marker.line.width[k] == 2.5) == flagged, rid


def test_rt005_levels_are_never_joined(both):
    for tr in both.data:
        if tr.type == "scatter" and "lines" in (tr.mode or ""):
            # only segments of one record each: a month bar or a low–high range, split by gaps
            pairs = [tuple(c[2] for c in tr.customdata[i : i + 2]) for i in range(0, len(tr.x), 3)]
            assert all(a == b for a, b in pairs) and all(x is None for x in tr.x[2::3])


def test_rt006_bounds_are_triangles_pointing_their_way(fixture_frames, both):
    df = rates.rows(fixture_frames, State()).set_index(C.ID)
    symbols = {}
    for rid, ((tr, k), *_) in records(both).items():
        if tr.type == "scatter" and tr.mode == "markers+text":
            symbols[rid] = tr.marker.symbol[k]
            if df.loc[rid, C.BOUND] == "over":
                assert tr.marker.symbol[k] == "triangle-up-open"
    assert symbols["dxy-110"] == symbols["ust10y-jan20"] == "triangle-up-open"  # over 110, over 4.3%
    assert "triangle" not in symbols["ust2y-jan30"]  # exact: the asset's own symbol


def test_rt007_changes_are_bars_covering_their_day(fixture_frames, both):
    df = rates.rows(fixture_frames, State()).set_index(C.ID)
    bars = [tr for tr in both.data if tr.type == "bar"]
    ids = [c[2] for tr in bars for c in tr.customdata]
    assert sorted(ids) == sorted(df.index[df[C.METRIC] == "change"])
    day_ms = 86_400_000
    spans = {}
    for tr in bars:
        for c, x, off, w, y in zip(tr.customdata, tr.x, tr.offset, tr.width, tr.y, strict=True):
            row = df.loc[c[2]]
            assert y == row[C.VALUE] and pd.Timestamp(x) == row[C.DATE]
            lo, hi = ev.span(row[C.DATE], row[C.DATE_PRECISION])
            start = pd.Timestamp(x) + pd.Timedelta(milliseconds=off)
            assert lo <= start and start + pd.Timedelta(milliseconds=w) <= hi + pd.Timedelta(milliseconds=1)
            if row[C.DATE_PRECISION] == "day":
                assert w <= day_ms
                spans.setdefault((tr.xaxis, x), []).append((start, start + pd.Timedelta(milliseconds=w)))
    for same_day in spans.values():  # bars of one day share it without overlapping
        same_day.sort()
        assert all(b[0] >= a[1] - pd.Timedelta(milliseconds=1) for a, b in itertools.pairwise(same_day))
    # 5 February has two changes (2-year −9 bp, 10-year −10 bp): each takes half the day
    (feb5,) = [v for (_, x), v in spans.items() if pd.Timestamp(x) == pd.Timestamp("2026-02-05")]
    assert [b - a for a, b in feb5] == [pd.Timedelta(hours=12)] * 2


def test_rt008_bar_labels_name_the_window(fixture_frames, both):
    df = rates.rows(fixture_frames, State())
    labels = [a.text for a in both.layout.annotations if a.name == "bar-label"]
    changes = df[df[C.METRIC] == "change"]
    assert len(labels) == len(changes)
    for r in changes.to_dict("records"):
        assert any(window_text(r[C.WINDOW], "en") in text for text in labels)
    assert any("(the month) ⚠" in text for text in labels) and any("UST 2Y" in text for text in labels)
    assert sorted(labels) == sorted(
        [
            "UST 2Y 25 bp (1 day)",
            "UST 2Y −9 bp (1 day)",
            "UST 10Y −10 bp (1 day)",
            "−1% (2 days)",
            "1.2% (1 day)",
            "−2.1% (the month) ⚠",
        ]
    )


def test_rt009_colours_patterns_and_customdata(fixture_frames, both):
    df = rates.rows(fixture_frames, State()).set_index(C.ID)
    for tr in both.data:
        assert len(tr.customdata) == len(tr.x)
    for rid, ((tr, k), *_) in records(both).items():
        colour = tr.marker.color if tr.type == "bar" or tr.mode == "markers+text" else tr.line.color
        assert colour == class_colour(df.loc[rid, C.ASSET_CLASS]), rid
        assert list(tr.customdata[k]) == [df.loc[rid, C.ASSET], df.loc[rid, C.ASSET_CLASS], rid]
    for tr in both.data:
        if tr.type == "bar":
            part = df.loc[[c[2] for c in tr.customdata]]
            assert list(tr.marker.pattern.shape) == patterns(part)


def test_rt010_policy_range_and_month_level(fixture_frames, both):
    drawn = records(both)
    (tr, k), (_, k2) = drawn["fed-funds-target"]
    assert (tr.y[k], tr.y[k2]) == (4.5, 4.25) and tr.x[k] == tr.x[k2]
    assert "policy" in rates.panel(fixture_frames["rates"].set_index(C.ID).loc["bank-reserves"].to_dict())
    ((tr, k),) = drawn["bank-reserves"]
    assert tr.xaxis == drawn["fed-funds-target"][0][0].xaxis  # one policy panel
    month = [m for m in drawn["jgb40y-jan"] if "lines" in m[0].mode]
    (tr, k), (_, k2) = month
    assert pd.Timestamp(tr.x[k]) + ev.HALF_DAY == pd.Timestamp("2026-01-01")
    assert pd.Timestamp(tr.x[k2]) - ev.HALF_DAY == pd.Timestamp("2026-01-31")


def test_rt011_hover_source_and_quote(fixture_frames, both):
    df = rates.rows(fixture_frames, State()).set_index(C.ID)
    for rid, ((tr, k), *_) in records(both).items():
        text = tr.hovertext[k]
        assert str(df.loc[rid, C.SOURCE])[:3] in text and "“" in text, rid
    ((tr, k),) = records(both)["ust2y-feb5"]
    assert "4.35%" in tr.hovertext[k] and "3.46%" in tr.hovertext[k]  # the conflicting claim is listed


def test_rt012_catalysts_only_over_subplots_with_traces(fixture_frames):
    for state in (State(), State(episode=JAN), State(classes=("fx",))):
        fig = rates.figure(fixture_frames, state)
        layout = fig.layout.to_plotly_json()
        overlays = {k: v for k, v in layout.items() if k.startswith("yaxis") and v.get("overlaying")}
        assert overlays
        base = {tr.yaxis for tr in fig.data}
        for name, axis in overlays.items():
            assert axis["overlaying"] in base  # plotly.js renders nothing when an overlay's subplot has no trace
            (marks,) = [tr for tr in fig.data if tr.yaxis == "y" + name[5:]]
            assert all(c[1] == "" and c[0] == c[2] for c in marks.customdata)
        assert any(s.name == "event-line" for s in fig.layout.shapes)


def test_rt013_bands_and_empty_panels(fixture_frames):
    fig = rates.figure(fixture_frames, State(episode=JAN))
    bands = {pd.Timestamp(s.x0) + ev.HALF_DAY for s in fig.layout.shapes if s.name == "episode-band"}
    assert bands == {pd.Timestamp("2026-01-20")}
    assert sum(a.text == t("rates.no_figures", "en") for a in fig.layout.annotations) == 2


def test_rt014_empty_states(fixture_frames):
    fig = rates.figure(fixture_frames, State(classes=("crypto",)))
    assert fig.layout.annotations[0].text == t("empty.filtered", "en")
    bare = dict(fixture_frames, rates=fixture_frames["rates"].iloc[0:0])
    assert rates.figure(bare, State()).layout.annotations[0].text == t("empty.none", "en")


def test_rt015_summary_and_chinese(fixture_frames):
    text = rates.summary(fixture_frames, State(episode=FEB))
    assert "4.35% ⚠" in text and "3.46% ⚠" in text and "over 110 pts" in text
    zh = rates.figure(fixture_frames, State(lang="zh"))
    assert "2年期美债收益率" in {tr.name for tr in zh.data}
    assert "国债收益率，%" in {a.text for a in zh.layout.annotations}
    assert "利率与美元" in rates.summary(fixture_frames, State(lang="zh"))
