"""The event timeline: every event of both files in category lanes on a date axis, month events as brackets,
status by fill, the selected episode banded, others faded (never removed), conflicts marked. Drawn from the
fixture (tests/fixtures/events.py): fifteen events of both files."""

from __future__ import annotations

import itertools
from html import escape

import pandas as pd
import pytest

from charts import timeline
from charts.kit import events as ev
from charts.kit.figures import DIMMED
from charts.kit.palette import class_colour, theme
from core.state import State
from data.columns import C
from data.schema import EVENT_CATEGORIES
from i18n import t
from tests.fixtures import FEB, JAN

# the events some sources disagree about: the Danish sale's two dates, ZeroCap against February's ETF outflows, and
# the talks whose "Friday" was a Saturday
DISPUTED = {"akademiker-sale-a", "akademiker-sale-b", "zerocap-report", "iran-talks"}


def drawn(fig):
    """event id -> list of (trace, point index) for every event point drawn (legend keys draw none)."""
    out = {}
    for tr in fig.data:
        for k, (c, x) in enumerate(zip(tr.customdata, tr.x, strict=True)):
            if x is not None:
                out.setdefault(c[2], []).append((tr, k))
    return out


def opacity(tr, k):
    op = tr.marker.opacity
    return op[k] if isinstance(op, (list, tuple)) else (tr.opacity if tr.opacity is not None else 1.0)


def test_tl001_rows_are_every_event_of_both_files(fixture_frames):
    for state in (State(), State(episode=FEB), State(episode=JAN, classes=("crypto",))):
        df = timeline.rows(fixture_frames, state)
        assert sorted(df[C.ID]) == sorted(fixture_frames["events"][C.ID]) and len(df) == 15
        assert (df[C.TABLE] == "events").all() and df[C.DATE].is_monotonic_increasing


def test_tl002_each_event_drawn_once_point_or_bracket(fixture_frames):
    events = fixture_frames["events"].set_index(C.ID)
    fig = timeline.figure(fixture_frames, State())
    points = drawn(fig)
    assert set(points) == set(events.index)
    for eid, marks in points.items():
        row = events.loc[eid]
        single = row[C.DATE_PRECISION] == "day" and pd.isna(row[C.END])
        assert len(marks) == (1 if single else 2) and len({id(tr) for tr, _ in marks}) == 1
        if single:  # no date is moved
            tr, k = marks[0]
            assert pd.Timestamp(tr.x[k]) == row[C.DATE]


def test_tl003_month_events_are_segments_across_the_month(fixture_frames):
    events = fixture_frames["events"].set_index(C.ID)
    points = drawn(timeline.figure(fixture_frames, State()))
    months = events[(events[C.DATE_PRECISION] == "month") & events[C.END].isna()]
    assert set(months.index) == {"fed-cut-december", "greenland-talks", "cme-margins"}
    for eid, row in months.iterrows():
        ((tr, _), _) = points[eid]
        assert "lines" in tr.mode and tr.marker.symbol == "line-ns"
        assert [pd.Timestamp(x) for x in tr.x] == [row[C.DATE], row[C.DATE] + pd.offsets.MonthEnd(0)]
        assert tr.y[0] == tr.y[1]


def test_tl004_events_with_an_end_date_span_start_to_end(fixture_frames):
    events = fixture_frames["events"].set_index(C.ID)
    points = drawn(timeline.figure(fixture_frames, State()))
    spans = events[events[C.END].notna()]
    assert set(spans.index) == {"davos-forum", "warsh-hearing"}
    (tr, _), _ = points["davos-forum"]
    assert [pd.Timestamp(x) for x in tr.x] == [pd.Timestamp("2026-01-22"), pd.Timestamp("2026-01-24")]
    assert tr.line.dash == "solid"  # it occurred
    (tr, _), _ = points["warsh-hearing"]  # February to March, both month precision
    assert [pd.Timestamp(x) for x in tr.x] == [pd.Timestamp("2026-02-01"), pd.Timestamp("2026-03-31")]
    assert tr.line.dash == "dot"  # expected, not yet occurred


def test_tl005_marker_fill_by_status(fixture_frames):
    events = fixture_frames["events"].set_index(C.ID)
    symbols = {}
    for eid, marks in drawn(timeline.figure(fixture_frames, State())).items():
        tr, _ = marks[0]
        if tr.mode.startswith("markers"):
            want = "circle" if events.loc[eid, C.STATUS] == "occurred" else "circle-open"
            assert tr.marker.symbol == want, eid
            symbols[eid] = tr.marker.symbol
    assert symbols["crash-day"] == "circle"
    assert symbols["g7-summit"] == symbols["iran-talks"] == "circle-open"  # scheduled


@pytest.mark.parametrize(
    "episode, starts", [(FEB, ["2026-02-06"]), (JAN, ["2026-01-20"]), ("both", ["2026-01-20", "2026-02-06"])]
)
def test_tl006_selected_episode_band_moves_with_the_episode(fixture_frames, episode, starts):
    fig = timeline.figure(fixture_frames, State(episode=episode))
    bands = [s for s in fig.layout.shapes if s.name == "episode-band"]
    assert sorted(pd.Timestamp(b.x0) + ev.HALF_DAY for b in bands) == [pd.Timestamp(s) for s in starts]
    ends = fixture_frames["episodes"].set_index(C.ID)[C.END]
    assert max(pd.Timestamp(b.x1) for b in bands) - ev.HALF_DAY == max(
        ends[e] for e in ([FEB, JAN] if episode == "both" else [episode])
    )


def test_tl007_other_episode_faded_not_removed(fixture_frames):
    events = fixture_frames["events"].set_index(C.ID)
    for episode in (FEB, JAN, "both"):
        points = drawn(timeline.figure(fixture_frames, State(episode=episode)))
        assert set(points) == set(events.index)
        for eid, ((tr, k), *_) in points.items():
            mine = episode == "both" or str(events.loc[eid, C.EPISODE]) == episode
            assert opacity(tr, k) == (1.0 if mine else DIMMED), (episode, eid)


def test_tl008_class_filter_fades_events_of_other_classes(fixture_frames):
    points = drawn(timeline.figure(fixture_frames, State(classes=("crypto",))))
    assert opacity(*points["crash-day"][0]) == 1.0  # btc among its assets
    assert opacity(*points["akademiker-sale-b"][0]) == DIMMED  # Treasuries only
    assert opacity(*points["cme-margins"][0]) == DIMMED  # metals only, a bracket
    assert opacity(*points["jolts-release"][0]) == 1.0  # names no asset: general
    assert len(points) == len(fixture_frames["events"])


def test_tl009_conflicts_marked_and_listed_in_hover(fixture_frames):
    events = fixture_frames["events"].set_index(C.ID)
    claims = fixture_frames["conflict_claims"]
    disputed = set(claims.loc[claims[C.TABLE] == "events", C.CLAIM_ID])
    assert disputed == DISPUTED
    topics = fixture_frames["conflicts"].set_index(C.ID)[C.TOPIC_EN]
    for eid, ((tr, k), *_) in drawn(timeline.figure(fixture_frames, State())).items():
        text = "".join(tr.text) if "lines" in tr.mode else tr.text[k]  # a bracket carries it at its end
        assert ("⚠" in text) == (eid in disputed), eid
        if eid in disputed:
            ids = ev.event_conflicts(fixture_frames, events.loc[eid].to_dict() | {C.ID: eid}).split(",")
            assert set(ids) == set(claims.loc[claims[C.CLAIM_ID] == eid, C.CONFLICT_ID])
            hover = tr.hovertext[k].replace("<br>", " ")
            assert all(escape(topics[i], quote=False)[:20] in hover for i in ids)
            assert hover.count("  • ") == claims[C.CONFLICT_ID].isin(ids).sum()  # every claim listed


def test_tl010_hover_title_date_source_quote(fixture_frames):
    events = fixture_frames["events"].set_index(C.ID)
    points = drawn(timeline.figure(fixture_frames, State()))
    ((tr, k),) = points["warsh-nomination"]
    row = events.loc["warsh-nomination"]
    text = tr.hovertext[k]
    assert row[C.TITLE_EN] in text.replace("<br>", " ") and "30 Jan 2026" in text
    assert "Trump nominates Kevin Warsh to chair the Federal Reserve" in text.replace("<br>", " ")
    assert "30 Jan 2026 · Federal Reserve · occurred" in text  # the date, the category's lane, the status
    assert "Source: 102 · Fixture research report" in text
    assert "“1月30日特朗普提名凯文·沃什出任美联储主席”" in text.replace("<br>", "")
    ((tr, k),) = drawn(timeline.figure(fixture_frames, State(lang="zh")))["warsh-nomination"]
    assert row[C.TITLE_ZH][:6] in tr.hovertext[k] and "美联储" in tr.hovertext[k]
    ((tr, k),) = points["iran-talks"]  # a generated calendar conflict, in the hover's words
    assert "The seed calls 2026-02-07 Friday; the calendar says Saturday" in tr.hovertext[k].replace("<br>", " ")


def test_tl011_hover_escapes_data_strings(fixture_frames):
    events = fixture_frames["events"].copy()
    events.loc[events[C.ID] == "crash-day", C.TITLE_EN] = "<b onmouseover=x>crash</b>"
    text = ev.event_hover(events[events[C.ID] == "crash-day"].iloc[0], dict(fixture_frames, events=events), "en")
    assert "&lt;b onmouseover=x&gt;" in text and "<b onmouseover" not in text


def test_tl012_customdata_first_asset_and_its_class(fixture_frames):
    classes = fixture_frames["assets"].set_index(C.ID)[C.ASSET_CLASS].astype(str)
    events = fixture_frames["events"].set_index(C.ID)
    fig = timeline.figure(fixture_frames, State())
    for tr in fig.data:
        assert len(tr.customdata) == len(tr.x)
    for eid, ((tr, k), *_) in drawn(fig).items():
        assets = [a for a in events.loc[eid, C.ASSETS].split(",") if a]
        want = [assets[0], classes[assets[0]], eid] if assets else [eid, "", eid]
        assert list(tr.customdata[k]) == want


def test_tl013_colour_is_the_class_colour_of_single_class_events(fixture_frames):
    points = drawn(timeline.figure(fixture_frames, State()))
    tr, k = points["btc-etf-outflows-begin"][0]
    assert tr.marker.color[k] == class_colour("crypto")
    tr, k = points["crash-day"][0]  # several classes: neutral ink
    assert tr.marker.color[k] not in {class_colour(c) for c in ("crypto", "equity_index")}
    assert tr.marker.color[k] == theme("light")["ink"]
    tr, _ = points["cme-margins"][0]  # a bracket of one class (silver and gold): that class's colour
    assert tr.line.color == class_colour("precious_metal")


def test_tl014_lanes_by_category_without_overlap(fixture_frames):
    fig = timeline.figure(fixture_frames, State())
    cats = [c for c in EVENT_CATEGORIES if c in set(fixture_frames["events"][C.CATEGORY])]
    assert list(fig.layout.yaxis.ticktext) == [t(f"event.category.{c}", "en") for c in cats]
    assert list(fig.layout.yaxis.ticktext) == [
        "Tariffs",
        "Geopolitics",
        "Pension funds",
        "Federal Reserve",
        "Data releases",
        "Markets",
        "Government policy",
        "Exchange rules",
        "Reports",
    ]
    zh = timeline.figure(fixture_frames, State(lang="zh"))
    assert list(zh.layout.yaxis.ticktext) == [t(f"event.category.{c}", "zh") for c in cats]
    rows = {}
    for marks in drawn(fig).values():
        xs = [pd.Timestamp(tr.x[k]) for tr, k in marks]
        rows.setdefault(marks[0][0].y[marks[0][1]], []).append((min(xs), max(xs)))
    for spans in rows.values():
        spans.sort()
        assert all(b[0] > a[1] for a, b in itertools.pairwise(spans))


def test_tl015_date_axis_focus_and_slider(fixture_frames):
    fig = timeline.figure(fixture_frames, State())
    assert fig.layout.xaxis.type == "date" and fig.layout.xaxis.rangeslider.visible
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert lo <= pd.Timestamp("2026-01-13") and hi >= pd.Timestamp("2026-02-15")
    events = fixture_frames["events"]
    outside = events[(events[C.DATE] < lo) | (events[C.DATE] > hi)]
    assert set(outside[C.ID]) == {"fed-cut-december", "g7-summit"}
    assert fig.layout.xaxis.title.text == "◀ 1 earlier · 1 later ▶: drag the slider"


def test_tl016_summary_and_empty(fixture_frames):
    text = timeline.summary(fixture_frames, State())
    assert f"{len(fixture_frames['events'])} events" in text and "20 Jan 2026" in text
    assert text == (
        "Event timeline: 15 events from both files, Dec 2025 to 15 Jun 2026; 15 in the selected episode "
        "and classes, the rest faded. Busiest day: 20 Jan 2026. 4 events have conflicting claims."
    )
    assert "; 7 in the selected episode" in timeline.summary(fixture_frames, State(episode=FEB))
    assert "事件" in timeline.summary(fixture_frames, State(lang="zh"))
    bare = dict(fixture_frames, events=fixture_frames["events"].iloc[0:0])
    assert timeline.figure(bare, State()).layout.annotations[0].text == t("empty.none", "en")
