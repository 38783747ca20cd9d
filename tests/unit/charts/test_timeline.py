"""The event timeline: every event of both files in category lanes on a date axis, month events as brackets,
status by fill, the selected episode banded, others faded (never removed), conflicts marked."""
from __future__ import annotations

from html import escape

import pandas as pd
import pytest

from charts.kit import events as ev
from charts import timeline
from charts.kit.figures import DIMMED
from i18n import t
from charts.kit.palette import class_colour
from core.state import State
from data.columns import C
from data.schema import EVENT_CATEGORIES

FEB, JAN = "feb-2026-crash", "jan-2026-sell-america"


def drawn(fig):
    """event id -> list of (trace, point index) for every event point drawn (legend keys draw none)."""
    out = {}
    for tr in fig.data:
        for k, (c, x) in enumerate(zip(tr.customdata, tr.x)):
            if x is not None:
                out.setdefault(c[2], []).append((tr, k))
    return out


def opacity(tr, k):
    op = tr.marker.opacity
    return op[k] if isinstance(op, (list, tuple)) else (tr.opacity if tr.opacity is not None else 1.0)


def test_tl001_rows_are_every_event_of_both_files(frames):
    for state in (State(), State(episode=FEB), State(episode=JAN, classes=("crypto",))):
        df = timeline.rows(frames, state)
        assert sorted(df[C.ID]) == sorted(frames["events"][C.ID])
        assert (df[C.TABLE] == "events").all() and df[C.DATE].is_monotonic_increasing


def test_tl002_each_event_drawn_once_point_or_bracket(frames):
    events = frames["events"].set_index(C.ID)
    fig = timeline.figure(frames, State())
    points = drawn(fig)
    assert set(points) == set(events.index)
    for eid, marks in points.items():
        row = events.loc[eid]
        single = row[C.DATE_PRECISION] == "day" and pd.isna(row[C.END])
        assert len(marks) == (1 if single else 2) and len({id(tr) for tr, _ in marks}) == 1
        if single:  # no date is moved
            tr, k = marks[0]
            assert pd.Timestamp(tr.x[k]) == row[C.DATE]


def test_tl003_month_events_are_segments_across_the_month(frames):
    events = frames["events"].set_index(C.ID)
    points = drawn(timeline.figure(frames, State()))
    months = events[(events[C.DATE_PRECISION] == "month") & events[C.END].isna()]
    assert len(months) >= 10
    for eid, row in months.iterrows():
        ((tr, _), _) = points[eid]
        assert "lines" in tr.mode and tr.marker.symbol == "line-ns"
        assert [pd.Timestamp(x) for x in tr.x] == [row[C.DATE], row[C.DATE] + pd.offsets.MonthEnd(0)]
        assert tr.y[0] == tr.y[1]


def test_tl004_events_with_an_end_date_span_start_to_end(frames):
    events = frames["events"].set_index(C.ID)
    points = drawn(timeline.figure(frames, State()))
    spans = events[events[C.END].notna()]
    assert {"bessent-davos-s003", "warsh-hearing"} <= set(spans.index)
    (tr, _), _ = points["bessent-davos-s003"]
    assert [pd.Timestamp(x) for x in tr.x] == [pd.Timestamp("2026-01-22"), pd.Timestamp("2026-01-24")]
    (tr, _), _ = points["warsh-hearing"]  # February to March, both month precision
    assert [pd.Timestamp(x) for x in tr.x] == [pd.Timestamp("2026-02-01"), pd.Timestamp("2026-03-31")]
    assert tr.line.dash == "dot"  # expected, not yet occurred


def test_tl005_marker_fill_by_status(frames):
    events = frames["events"].set_index(C.ID)
    for eid, marks in drawn(timeline.figure(frames, State())).items():
        tr, _ = marks[0]
        if tr.mode.startswith("markers"):
            want = "circle" if events.loc[eid, C.STATUS] == "occurred" else "circle-open"
            assert tr.marker.symbol == want, eid


@pytest.mark.parametrize("episode, starts", [(FEB, ["2026-02-06"]), (JAN, ["2026-01-20"]),
                                             ("both", ["2026-01-20", "2026-02-06"])])
def test_tl006_selected_episode_band_moves_with_the_episode(frames, episode, starts):
    fig = timeline.figure(frames, State(episode=episode))
    bands = [s for s in fig.layout.shapes if s.name == "episode-band"]
    assert sorted(pd.Timestamp(b.x0) + ev.HALF_DAY for b in bands) == [pd.Timestamp(s) for s in starts]
    ends = frames["episodes"].set_index(C.ID)[C.END]
    assert max(pd.Timestamp(b.x1) for b in bands) - ev.HALF_DAY == max(
        ends[e] for e in ([FEB, JAN] if episode == "both" else [episode]))


def test_tl007_other_episode_faded_not_removed(frames):
    events = frames["events"].set_index(C.ID)
    for episode in (FEB, JAN, "both"):
        points = drawn(timeline.figure(frames, State(episode=episode)))
        assert set(points) == set(events.index)
        for eid, ((tr, k), *_) in points.items():
            mine = episode == "both" or str(events.loc[eid, C.EPISODE]) == episode
            assert opacity(tr, k) == (1.0 if mine else DIMMED), (episode, eid)


def test_tl008_class_filter_fades_events_of_other_classes(frames):
    points = drawn(timeline.figure(frames, State(classes=("crypto",))))
    assert opacity(*points["crash-day"][0]) == 1.0          # btc among its assets
    assert opacity(*points["akademiker-s001"][0]) == DIMMED  # Treasuries only
    assert opacity(*points["adp-release"][0]) == 1.0         # names no asset: general
    assert len(points) == len(frames["events"])


def test_tl009_conflicts_marked_and_listed_in_hover(frames):
    events = frames["events"].set_index(C.ID)
    claims = frames["conflict_claims"]
    disputed = set(claims.loc[claims[C.TABLE] == "events", C.CLAIM_ID])
    topics = frames["conflicts"].set_index(C.ID)[C.TOPIC_EN]
    for eid, ((tr, k), *_) in drawn(timeline.figure(frames, State())).items():
        text = "".join(tr.text) if "lines" in tr.mode else tr.text[k]  # a bracket carries it at its end
        assert ("⚠" in text) == (eid in disputed), eid
        if eid in disputed:
            ids = ev.event_conflicts(frames, events.loc[eid].to_dict() | {C.ID: eid}).split(",")
            assert set(ids) == set(claims.loc[claims[C.CLAIM_ID] == eid, C.CONFLICT_ID])
            hover = tr.hovertext[k].replace("<br>", " ")
            assert all(escape(topics[i], quote=False)[:20] in hover for i in ids)
            assert hover.count("  • ") == claims[C.CONFLICT_ID].isin(ids).sum()  # every claim listed


def test_tl010_hover_title_date_source_quote(frames):
    events = frames["events"].set_index(C.ID)
    points = drawn(timeline.figure(frames, State()))
    (tr, k), = points["warsh-nomination"]
    row = events.loc["warsh-nomination"]
    text = tr.hovertext[k]
    assert row[C.TITLE_EN] in text.replace("<br>", " ") and "30 Jan 2026" in text
    assert str(row[C.SOURCE])[:3] in text and "Federal Reserve" in text and "occurred" in text
    assert str(row[C.QUOTE])[:8] in text.replace("<br>", "")
    (tr, k), = drawn(timeline.figure(frames, State(lang="zh")))["warsh-nomination"]
    assert row[C.TITLE_ZH][:6] in tr.hovertext[k] and "美联储" in tr.hovertext[k]


def test_tl011_hover_escapes_data_strings(frames):
    events = frames["events"].copy()
    events.loc[events[C.ID] == "crash-day", C.TITLE_EN] = "<b onmouseover=x>crash</b>"
    text = ev.event_hover(events[events[C.ID] == "crash-day"].iloc[0], dict(frames, events=events), "en")
    assert "&lt;b onmouseover=x&gt;" in text and "<b onmouseover" not in text


def test_tl012_customdata_first_asset_and_its_class(frames):
    classes = frames["assets"].set_index(C.ID)[C.ASSET_CLASS].astype(str)
    events = frames["events"].set_index(C.ID)
    fig = timeline.figure(frames, State())
    for tr in fig.data:
        assert len(tr.customdata) == len(tr.x)
    for eid, ((tr, k), *_) in drawn(fig).items():
        assets = [a for a in events.loc[eid, C.ASSETS].split(",") if a]
        want = [assets[0], classes[assets[0]], eid] if assets else [eid, "", eid]
        assert list(tr.customdata[k]) == want


def test_tl013_colour_is_the_class_colour_of_single_class_events(frames):
    points = drawn(timeline.figure(frames, State()))
    tr, k = points["btc-etf-outflows-begin"][0]
    assert tr.marker.color[k] == class_colour("crypto")
    tr, k = points["crash-day"][0]  # several classes: neutral ink
    assert tr.marker.color[k] not in {class_colour(c) for c in ("crypto", "equity_index")}


def test_tl014_lanes_by_category_without_overlap(frames):
    fig = timeline.figure(frames, State())
    cats = [c for c in EVENT_CATEGORIES if c in set(frames["events"][C.CATEGORY])]
    assert list(fig.layout.yaxis.ticktext) == [t(f"event.category.{c}", "en") for c in cats]
    zh = timeline.figure(frames, State(lang="zh"))
    assert list(zh.layout.yaxis.ticktext) == [t(f"event.category.{c}", "zh") for c in cats]
    rows = {}
    for eid, marks in drawn(fig).items():
        xs = [pd.Timestamp(tr.x[k]) for tr, k in marks]
        rows.setdefault(marks[0][0].y[marks[0][1]], []).append((min(xs), max(xs)))
    for spans in rows.values():
        spans.sort()
        assert all(b[0] > a[1] for a, b in zip(spans, spans[1:]))


def test_tl015_date_axis_focus_and_slider(frames):
    fig = timeline.figure(frames, State())
    assert fig.layout.xaxis.type == "date" and fig.layout.xaxis.rangeslider.visible
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert lo <= pd.Timestamp("2026-01-13") and hi >= pd.Timestamp("2026-02-15")
    outside = frames["events"][(frames["events"][C.DATE] < lo) | (frames["events"][C.DATE] > hi)]
    assert len(outside) == 2 and "1 earlier" in fig.layout.xaxis.title.text


def test_tl016_summary_and_empty(frames):
    text = timeline.summary(frames, State())
    assert f"{len(frames['events'])} events" in text and "20 Jan 2026" in text
    assert "事件" in timeline.summary(frames, State(lang="zh"))
    bare = dict(frames, events=frames["events"].iloc[0:0])
    assert timeline.figure(bare, State()).layout.annotations[0].text == t("empty.none", "en")
