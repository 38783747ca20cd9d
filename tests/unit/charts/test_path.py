"""The price path: one asset's dated prices as markers, a dotted straight line through exact and approximate
points only, month-only dates spanning their month, episode bands and catalyst lines, on a date axis. Drawn from the
fixture (tests/fixtures/moves.py): bitcoin's seven dated prices across both episodes, ether's two, silver's two."""

from __future__ import annotations

import pandas as pd
import pytest

from charts import path
from charts.kit import events as ev
from charts.kit.palette import class_colour
from core.state import State
from data import select as sel
from data.columns import C
from i18n import t
from tests.fixtures import FEB, JAN

BTC = ["btc-peak", "btc-jan14", "btc-jan21", "btc-under-90k", "btc-low", "btc-above-60k", "btc-close"]


def dated_prices(frames, asset):
    m = frames["moves"]
    keep = (m[C.ASSET] == asset) & m[C.METRIC].isin([*sel.LEVEL_METRICS, "price_range"]) & m[C.DATE].notna()
    return m[keep & m[C.UNIT].isin(path.PRICE_UNITS)]


def record_traces(fig):
    """Traces that draw moves rows (not the event markers, which carry event ids)."""
    return [tr for tr in fig.data if tr.yaxis in (None, "y")]


def ids_in(tr):
    return [c[2] for c, x in zip(tr.customdata, tr.x, strict=True) if x is not None]


def quoted(quote, text) -> bool:
    """Some eight-character stretch of the quote appears in the hover (the hover shortens long quotes)."""
    quote, flat = " ".join(str(quote).replace("**", "").split()), text.replace("<br>", " ")
    return any(quote[i : i + 8] in flat for i in range(0, max(1, len(quote) - 8)))


def test_path001_default_asset_has_most_dated_points(fixture_frames):
    counts = {a: len(dated_prices(fixture_frames, a)) for a in fixture_frames["moves"][C.ASSET].unique()}
    assets = path.path_assets(fixture_frames)
    assert assets[0] == max(counts, key=counts.get) == "btc"
    assert set(assets) == {a for a, n in counts.items() if n >= 2}
    assert assets == ["btc", "eth", "silver_spot"]  # 7, 2 and 2 points, ties in data order; the Dow has one
    assert [counts[a] for a in assets] == sorted((counts[a] for a in assets), reverse=True)
    assert path.asset(fixture_frames, State()) == "btc"


def test_path002_rows_are_the_assets_dated_prices_in_both_episodes(fixture_frames):
    for episode in (FEB, JAN, "both"):
        df = path.rows(fixture_frames, State(episode=episode))
        assert set(df[C.ID]) == set(dated_prices(fixture_frames, "btc")[C.ID])
        assert list(df[C.ID]) == BTC  # by date; on 6 February the close comes last
        assert set(df[C.EPISODE].astype(str)) == {FEB, JAN}  # the path runs across both, whatever is selected
        assert (df[C.TABLE] == "moves").all() and (df[C.ENTITY] == "btc").all()
        assert df[C.DATE].is_monotonic_increasing


def test_path003_every_row_drawn_once_as_a_marker(fixture_frames):
    df = path.rows(fixture_frames, State())
    fig = path.figure(fixture_frames, State())
    month = t("path.month", "en")
    marks = [tr for tr in record_traces(fig) if "markers" in (tr.mode or "") and tr.name != month]
    drawn = [i for tr in marks for i in dict.fromkeys(ids_in(tr))]
    assert sorted(drawn) == sorted(df[C.ID])
    values = {c[2]: y for tr in marks for c, y in zip(tr.customdata, tr.y, strict=True) if y is not None}
    for r in df.to_dict("records"):
        assert values[r[C.ID]] == (r[C.VALUE] if pd.notna(r[C.VALUE]) else r[C.HIGH])


def test_path004_dotted_straight_line_never_through_bounds(fixture_frames):
    df = path.rows(fixture_frames, State()).set_index(C.ID)
    fig = path.figure(fixture_frames, State())
    assert all(tr.line.shape != "spline" for tr in fig.data)
    (line,) = [tr for tr in fig.data if tr.mode == "lines"]
    assert line.line.dash == "dot" and line.line.shape == "linear" and line.line.width <= 1.5
    joined = ids_in(line)
    assert set(df.loc[joined, C.BOUND]) <= {"exact", "approx"}
    assert set(joined) == set(df.index[df[C.BOUND].isin(["exact", "approx"]) & df[C.VALUE].notna()])
    assert joined == ["btc-peak", "btc-jan14", "btc-jan21", "btc-low", "btc-close"]
    assert list(line.x) == sorted(line.x)
    assert "nothing between them is known" in line.name


def test_path005_bounds_and_approximations_are_open_markers(fixture_frames):
    df = path.rows(fixture_frames, State()).set_index(C.ID)
    fig = path.figure(fixture_frames, State())
    symbols = {}
    for tr in record_traces(fig):
        if tr.mode == "markers+text":
            for c, s in zip(tr.customdata, tr.marker.symbol, strict=True):
                symbols[c[2]] = s
    assert symbols["btc-under-90k"] == "triangle-down-open" and symbols["btc-above-60k"] == "triangle-up-open"
    assert symbols["btc-close"] == "diamond-open"  # ≈ $64,500
    exact = df.index[df[C.BOUND] == "exact"]
    assert len(exact) == 4 and all(symbols[i] == "circle" for i in exact)


def test_path006_month_precision_spans_its_month(fixture_frames):
    df = path.rows(fixture_frames, State()).set_index(C.ID)
    months = df[df[C.DATE_PRECISION] == "month"]
    assert list(months.index) == ["btc-peak"]
    fig = path.figure(fixture_frames, State())
    (bar,) = [tr for tr in fig.data if tr.name == t("path.month", "en")]
    first = months.loc["btc-peak", C.DATE]
    assert (pd.Timestamp(bar.x[0]) + ev.HALF_DAY, pd.Timestamp(bar.x[1]) - ev.HALF_DAY) == (
        first,
        first + pd.offsets.MonthEnd(0),
    )
    assert bar.y[0] == bar.y[1] == months.loc["btc-peak", C.VALUE]
    # the marker sits in the middle of the month, not on the 1st
    marker_x = {
        c[2]: x
        for tr in record_traces(fig)
        if tr.mode == "markers+text"
        for c, x in zip(tr.customdata, tr.x, strict=True)
    }
    assert pd.Timestamp(marker_x["btc-peak"]).day in (15, 16)


def test_path007_selected_asset_eth_versus_default_btc(fixture_frames):
    eth = path.figure(fixture_frames, State(asset="eth"))
    btc = path.figure(fixture_frames, State())
    assert set(path.rows(fixture_frames, State(asset="eth"))[C.ASSET]) == {"eth"}
    assert eth.layout.title.text.startswith("Ether") and btc.layout.title.text.startswith("Bitcoin")
    assert "Ether" in path.summary(fixture_frames, State(asset="eth"))
    # an asset without a path (a single point) falls back to the default
    assert set(path.rows(fixture_frames, State(asset="djia"))[C.ASSET]) == {"btc"}


def test_path008_class_filter_and_no_data_empty_states(fixture_frames):
    fig = path.figure(fixture_frames, State(classes=("equity_index",)))
    assert fig.layout.annotations[0].text == t("empty.filtered", "en")
    assert path.figure(fixture_frames, State(classes=("crypto",))).data
    bare = dict(fixture_frames, moves=fixture_frames["moves"].iloc[0:0])
    assert path.figure(bare, State()).layout.annotations[0].text == t("empty.none", "en")


def test_path009_colour_hover_and_customdata(fixture_frames):
    df = path.rows(fixture_frames, State()).set_index(C.ID)
    fig = path.figure(fixture_frames, State())
    for tr in fig.data:
        assert len(tr.customdata) == len(tr.x)
    for tr in record_traces(fig):
        assert (tr.marker.color or tr.line.color) == class_colour("crypto")
        for c, text in zip(tr.customdata or [], tr.hovertext or [], strict=False):  # a trace may carry no hovertext
            if text:
                row = df.loc[c[2]]
                assert c[:2] == ["btc", "crypto"]
                assert str(row[C.SOURCE])[:3] in text
                assert quoted(row[C.QUOTE], text)


def test_path010_conflicting_range_is_flagged(fixture_frames):
    df = path.rows(fixture_frames, State(asset="silver_spot")).set_index(C.ID)
    fig = path.figure(fixture_frames, State(asset="silver_spot"))
    (rng,) = [tr for tr in fig.data if tr.name == t("path.range", "en")]
    row = df.loc["silver-range"]
    assert row[C.CONFLICT_IDS] and rng.text[0].endswith(" ⚠")
    assert (rng.y[0], rng.y[1]) == (row[C.HIGH], row[C.LOW]) == (75, 30) and rng.x[0] == rng.x[1]
    assert rng.text[0] == "$30/oz to $75/oz ⚠"  # conflict 'silver-range-vs-fall'


@pytest.mark.parametrize(
    "episode, starts", [(FEB, ["2026-02-06"]), (JAN, ["2026-01-20"]), ("both", ["2026-01-20", "2026-02-06"])]
)
def test_path011_episode_band_moves_with_the_episode(fixture_frames, episode, starts):
    fig = path.figure(fixture_frames, State(episode=episode))
    bands = [s for s in fig.layout.shapes if s.name == "episode-band"]
    assert sorted(pd.Timestamp(b.x0) + ev.HALF_DAY for b in bands) == [pd.Timestamp(s) for s in starts]


def test_path012_catalyst_lines_and_markers(fixture_frames):
    fig = path.figure(fixture_frames, State())
    (marks,) = [tr for tr in fig.data if tr.yaxis == "y9"]
    # the day-precision events of both files between the October peak and 7 February, in date order: not the
    # month-only ones, not the June summit
    expected = [
        "btc-etf-outflows-begin",
        "tariffs-announced",
        "akademiker-sale-b",
        "zerocap-report",
        "akademiker-sale-a",
        "davos-forum",
        "warsh-nomination",
        "jolts-release",
        "crash-day",
        "iran-talks",
    ]
    assert [c for c in marks.customdata] == [[i, "", i] for i in expected]
    events = fixture_frames["events"].set_index(C.ID)
    lines = {pd.Timestamp(s.x0) for s in fig.layout.shapes if s.name == "event-line"}
    assert lines == set(events.loc[expected, C.DATE]) and len(lines) == 9  # one line per day
    assert fig.layout.yaxis9.overlaying == "y" and fig.layout.yaxis9.visible is False


def test_path013_date_axis_summary_and_chinese(fixture_frames):
    fig = path.figure(fixture_frames, State(lang="zh"))
    assert fig.layout.xaxis.type == "date"
    assert fig.layout.title.text.startswith("比特币")
    assert "比特币" in path.summary(fixture_frames, State(lang="zh"))
    text = path.summary(fixture_frames, State())
    assert text.startswith("Bitcoin price path: 7 dated prices from the sources: $126,000 (Oct 2025); $98,000")
    assert "under $90,000 (21 Jan 2026)" in text and "$63,000 (6 Feb 2026)" in text and "≈ $64,500" in text
