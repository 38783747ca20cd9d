"""The drawdowns builder: one bar per figure of the window, coloured by class, with ranges, bounds,
derivations and conflicts shown, and provenance in every hover."""
from __future__ import annotations

import pytest

from charts import drawdowns
from charts.kit.figures import DERIVED_PATTERN
from charts.kit.palette import class_colour
from core.state import State
from data.columns import C

from .. import figure_points as fp

FEB, JAN = "feb-2026-crash", "jan-2026-sell-america"


def test_dd001_every_shown_row_is_one_bar_with_its_value(frames):
    state = State(episode=FEB)
    rows = drawdowns.rows(frames, state).set_index(C.ID)
    bars = fp.bars(drawdowns.figure(frames, state))
    assert sorted(rid for *_, rid in bars) == sorted(rows.index)
    for tr, i, rid in bars:
        row = rows.loc[rid]
        if row[C.VALUE] == row[C.VALUE]:  # a point: a bar from zero
            assert tr.x[i] == pytest.approx(row[C.VALUE]) and tr.base[i] == 0
        else:  # a range: a floating bar from one end to the other
            assert tr.base[i] == pytest.approx(row[C.HIGH])
            assert tr.base[i] + tr.x[i] == pytest.approx(row[C.LOW])


def test_dd002_window_picks_the_rows(frames):
    day = drawdowns.rows(frames, State(episode=FEB, window="day"))
    assert set(day[C.WINDOW]) <= {"1d", "intraday", "24h"} and (day[C.UNIT] == "pct").all()
    peak = drawdowns.rows(frames, State(episode=FEB, window="from_peak"))
    assert set(peak[C.ID]) == {"btc-from-peak", "btc-peak-to-low-derived"}


def test_dd003_bars_take_their_class_colour(frames):
    fig = drawdowns.figure(frames, State(episode=FEB))
    rows = drawdowns.rows(frames, State(episode=FEB)).set_index(C.ID)
    for tr, _, rid in fp.bars(fig):
        assert tr.marker.color == class_colour(rows.loc[rid, C.ASSET_CLASS])


def test_dd004_hover_names_source_outlet_and_quote(frames):
    fig = drawdowns.figure(frames, State(episode=FEB))
    btc = next((tr, i) for tr, i, rid in fp.bars(fig) if rid == "btc-intraday")
    text = btc[0].hovertext[btc[1]]
    row = frames["moves"].set_index(C.ID).loc["btc-intraday"]
    assert row[C.SOURCE][:3] in text and "CoinGlass" in text and "12.81%" in text
    assert "比特币日内暴跌12.81%" in text and row[C.QUOTE].replace("**", "")[-20:] in text.replace("<br>", "")


def test_dd005_conflicts_are_outlined_and_flagged(frames):
    state = State(episode=JAN)
    fig = drawdowns.figure(frames, state)
    rows = drawdowns.rows(frames, state).set_index(C.ID)
    for tr, i, rid in fp.bars(fig):
        disputed = rows.loc[rid, C.CONFLICT_IDS] != ""
        assert tr.text[i].endswith("⚠") == disputed
        assert (tr.marker.line.width[i] > 0) == disputed
    dow = [tr.hovertext[i] for tr, i, rid in fp.bars(fig) if rid.startswith("djia-1d")]
    assert len(dow) == 2 and all("20 Jan 2026" in h and "21 Jan 2026" in h for h in dow)


def test_dd006_derived_bars_are_hatched_and_say_so(frames):
    fig = drawdowns.figure(frames, State(episode=FEB))
    rows = drawdowns.rows(frames, State(episode=FEB)).set_index(C.ID)
    for tr, i, rid in fp.bars(fig):
        assert (tr.marker.pattern.shape[i] == DERIVED_PATTERN) == bool(rows.loc[rid, C.DERIVED])
    silver = next((tr, i) for tr, i, rid in fp.bars(fig) if rid == "silver-range-span-derived")
    assert "Derived by Crashboard" in silver[0].hovertext[silver[1]] and "derived" in silver[0].y[silver[1]]


def test_dd007_bounds_keep_the_source_words(frames):
    fig = drawdowns.figure(frames, State(episode=FEB))
    amd = next((tr, i) for tr, i, rid in fp.bars(fig) if rid == "amd-1d")
    assert amd[0].text[amd[1]].startswith("over ")
    dow = next((tr, i) for tr, i, rid in fp.bars(fig) if rid == "djia-1d")
    assert dow[0].text[dow[1]].startswith("≈ ")


def test_dd008_sorted_by_size(frames):
    rows = drawdowns.rows(frames, State(episode=FEB))
    sizes = rows[C.VALUE].abs().fillna(rows[[C.LOW, C.HIGH]].abs().max(axis=1))
    per_asset = sizes.groupby(rows[C.ENTITY], sort=False).max()
    assert list(per_asset) == sorted(per_asset, reverse=True)


def test_dd009_both_episodes_side_by_side_for_shared_assets(frames):
    state = State(episode="both")
    rows = drawdowns.rows(frames, state)
    jan = set(rows.loc[rows[C.EPISODE] == JAN, C.ENTITY])
    feb = set(rows.loc[rows[C.EPISODE] == FEB, C.ENTITY])
    assert jan == feb and {"djia", "spx", "ixic", "btc"} <= jan
    fig = drawdowns.figure(frames, state)
    assert {tr.xaxis for tr in fig.data} == {"x", "x2"}


def test_dd010_class_filter_and_empty_states(frames):
    crypto = drawdowns.rows(frames, State(episode=FEB, classes=("crypto",)))
    assert set(crypto[C.ASSET_CLASS]) == {"crypto"}
    fig = drawdowns.figure(frames, State(episode=JAN, window="ytd"))
    assert not fig.data and "no figures" in fig.layout.annotations[0].text


def test_dd011_chinese_labels_and_summary(frames):
    state = State(episode=FEB, lang="zh")
    fig = drawdowns.figure(frames, state)
    labels = {y for tr in fig.data for y in tr.y}
    assert any("比特币" in y for y in labels)
    assert "现货白银" in drawdowns.summary(frames, state)
    en = drawdowns.summary(frames, State(episode=FEB))
    assert "Largest: Spot silver" in en and "derived" in en


def test_dd012_customdata_matches_points(frames):
    for tr in drawdowns.figure(frames, State(episode="both")).data:
        assert len(tr.customdata) == len(tr.x)
        assert all(len(c) == 3 for c in tr.customdata)
