"""The drawdowns builder: one bar per figure of the window, coloured by class, with ranges, bounds,
derivations and conflicts shown, and provenance in every hover. Drawn from the fixture (tests/fixtures/moves.py)."""

from __future__ import annotations

import pytest

from charts import drawdowns
from charts.kit.figures import DERIVED_PATTERN
from charts.kit.palette import class_colour, theme
from core.state import State
from data.columns import C
from i18n import t
from tests.fixtures import FEB, JAN

from .. import figure_points as fp

# the February figures of the 1-day window, largest first: silver's derived −60% and its 19–20% range, ether's
# 13.1–23% range, AMD over 17%, bitcoin 12.81%, gold up to 10%, Nvidia under 3%, the Dow about 1.2%
FEB_DAY = [
    "silver-span-derived",
    "silver-intraday",
    "eth-intraday",
    "amd-1d",
    "btc-intraday",
    "gold-intraday",
    "nvda-1d",
    "djia-1d",
]


def test_dd001_every_shown_row_is_one_bar_with_its_value(fixture_frames):
    state = State(episode=FEB)
    rows = drawdowns.rows(fixture_frames, state).set_index(C.ID)
    bars = fp.bars(drawdowns.figure(fixture_frames, state))
    assert sorted(rid for *_, rid in bars) == sorted(rows.index) == sorted(FEB_DAY)
    spans = fp.spans(drawdowns.figure(fixture_frames, state))
    for tr, i, rid in bars:
        row = rows.loc[rid]
        assert tr.base[i] == 0  # every bar starts at zero, so its length is the size of the move
        if row[C.VALUE] == row[C.VALUE]:  # a point: a bar to it
            assert tr.x[i] == pytest.approx(row[C.VALUE]) and rid not in spans
        else:  # a range: a solid bar to its nearer end, a marked span on to its farther end
            assert tr.x[i] == pytest.approx(row[C.HIGH])
            assert spans[rid] == pytest.approx((row[C.HIGH], row[C.LOW]))
    tr, i = fp.bar(drawdowns.figure(fixture_frames, state), "eth-intraday")  # ether fell 13.1–23%
    assert (tr.base[i], tr.x[i], *spans["eth-intraday"]) == pytest.approx((0, -13.1, -13.1, -23))


def test_dd002_window_picks_the_rows(fixture_frames):
    day = drawdowns.rows(fixture_frames, State(episode=FEB, window="day"))
    assert set(day[C.WINDOW]) == {"1d", "intraday"} and (day[C.UNIT] == "pct").all()
    jan = drawdowns.rows(fixture_frames, State(episode=JAN, window="day"))  # a 24-hour move counts as a day's
    assert set(jan[C.ID]) == {"djia-1d-a", "djia-1d-b", "ixic-1d", "btc-24h"}
    peak = drawdowns.rows(fixture_frames, State(episode=FEB, window="from_peak"))
    assert set(peak[C.ID]) == {"btc-from-peak", "btc-peak-to-low-derived"}


def test_dd003_bars_take_their_class_colour(fixture_frames):
    fig = drawdowns.figure(fixture_frames, State(episode=FEB))
    rows = drawdowns.rows(fixture_frames, State(episode=FEB)).set_index(C.ID)
    for tr, _, rid in fp.bars(fig):
        assert tr.marker.color == class_colour(rows.loc[rid, C.ASSET_CLASS])
    expected = {
        "btc-intraday": "crypto",
        "djia-1d": "equity_index",
        "amd-1d": "equity_stock",
        "gold-intraday": "precious_metal",
    }
    for rid, cls in expected.items():
        assert fp.bar(fig, rid)[0].marker.color == class_colour(cls)
    assert len({tr.marker.color for tr in fig.data if tr.type == "bar"}) == 4  # bars (and spans) by class
    assert {tr.marker.color for tr in fig.data if tr.type == "scatter"} == {theme("light")["ink"]}  # bound marks


def test_dd004_hover_names_source_outlet_and_quote(fixture_frames):
    fig = drawdowns.figure(fixture_frames, State(episode=FEB))
    tr, i = fp.bar(fig, "btc-intraday")
    text = tr.hovertext[i]
    assert "Source: 102 · Fixture research report" in text and "via CoinGlass" in text and "−12.81%" in text
    assert "“据CoinGlass数据，比特币日内暴跌12.81%”" in text and "intraday · 6 Feb 2026" in text


def test_dd005_conflicts_are_outlined_and_flagged(fixture_frames):
    state = State(episode=JAN)
    fig = drawdowns.figure(fixture_frames, state)
    rows = drawdowns.rows(fixture_frames, state).set_index(C.ID)
    flagged = set()
    for tr, i, rid in fp.bars(fig):
        disputed = rows.loc[rid, C.CONFLICT_IDS] != ""
        assert tr.text[i].endswith("⚠") == disputed
        assert (tr.marker.line.width[i] > 0) == disputed
        flagged |= {rid} if disputed else set()
    assert flagged == {"djia-1d-a", "djia-1d-b"}  # conflict 'dow-date'
    dow = [tr.hovertext[i] for tr, i, rid in fp.bars(fig) if rid.startswith("djia-1d")]
    assert len(dow) == 2 and all("20 Jan 2026" in h and "21 Jan 2026" in h for h in dow)


def test_dd006_derived_bars_are_hatched_and_say_so(fixture_frames):
    fig = drawdowns.figure(fixture_frames, State(episode=FEB))
    hatched = {rid for tr, i, rid in fp.bars(fig) if tr.marker.pattern.shape[i] == DERIVED_PATTERN}
    assert hatched == {"silver-span-derived"}
    tr, i = fp.bar(fig, "silver-span-derived")
    assert tr.x[i] == pytest.approx(-60) and tr.y[i] == "Spot silver · derived"
    hover = tr.hovertext[i]
    assert "Derived by Crashboard:</i> (low ÷ high − 1) × 100 of silver-range" in hover
    assert "from 102 · 6 Feb 2026: Spot silver $30/oz to $75/oz" in hover  # its input, with value and source


@pytest.mark.parametrize(
    "episode, rid, words",
    [
        (FEB, "btc-intraday", "−12.81%"),
        (FEB, "djia-1d", "≈ −1.2%"),
        (FEB, "amd-1d", "over −17%"),
        (FEB, "nvda-1d", "under −3%"),
        (FEB, "gold-intraday", "up to −10%"),
        (JAN, "btc-24h", "nearly −3%"),
        (FEB, "eth-intraday", "−13.1% to −23%"),
        (FEB, "silver-intraday", "over −19% to −20%"),
    ],
)
def test_dd007_bounds_keep_the_source_words(fixture_frames, episode, rid, words):
    """A point's words sit at its bar's end; a range's at its far end, after the dotted span (its bar says nothing)."""
    fig = drawdowns.figure(fixture_frames, State(episode=episode))
    tr, i = fp.bar(fig, rid)
    spans = [
        (s, j) for s in fig.data if s.name == drawdowns.SPAN_NAME for j, c in enumerate(s.customdata) if c[2] == rid
    ]
    if spans:
        ((span, j),) = spans
        assert tr.text[i] == "" and span.text[j] in (words, words + " ⚠")
    else:
        assert tr.text[i] in (words, words + " ⚠")


def test_dd008_sorted_by_size(fixture_frames):
    rows = drawdowns.rows(fixture_frames, State(episode=FEB))
    assert list(rows[C.ID]) == FEB_DAY  # by each asset's largest figure; an asset's figures together, largest first
    fig = drawdowns.figure(fixture_frames, State(episode=FEB))
    assert list(fig.layout.yaxis.categoryarray)[:3] == ["Spot silver · derived", "Spot silver · 102", "Ether"]


def test_dd009_both_episodes_side_by_side_for_shared_assets(fixture_frames):
    state = State(episode="both")
    rows = drawdowns.rows(fixture_frames, state)
    jan = set(rows.loc[rows[C.EPISODE] == JAN, C.ENTITY])
    feb = set(rows.loc[rows[C.EPISODE] == FEB, C.ENTITY])
    assert jan == feb == {"djia", "btc"}  # January's Nasdaq and February's ether, AMD ... are in one episode only
    fig = drawdowns.figure(fixture_frames, state)
    assert {tr.xaxis for tr in fig.data} == {"x", "x2"}
    assert fig.layout.yaxis2.matches == "y"  # one asset axis for both panels
    assert [a.text for a in fig.layout.annotations[:2]] == [
        "Fixture selloff, 20–21 Jan 2026",
        "Fixture crash, 6 Feb 2026",
    ]


def test_dd010_class_filter_and_empty_states(fixture_frames):
    crypto = drawdowns.rows(fixture_frames, State(episode=FEB, classes=("crypto",)))
    assert set(crypto[C.ID]) == {"btc-intraday", "eth-intraday"}
    fig = drawdowns.figure(fixture_frames, State(episode=JAN, window="ytd"))
    assert not fig.data and fig.layout.annotations[0].text == t("empty.none", "en")
    assert "no figures" in fig.layout.annotations[0].text
    fx = drawdowns.figure(fixture_frames, State(episode=FEB, classes=("fx",)))
    assert not fx.data and fx.layout.annotations[0].text == t("empty.filtered", "en")
    summary = drawdowns.summary(fixture_frames, State(episode=JAN, window="ytd"))
    assert summary == f"Drawdowns (Year to date): {t('empty.none', 'en')}"


def test_dd011_chinese_labels_and_summary(fixture_frames):
    state = State(episode=FEB, lang="zh")
    fig = drawdowns.figure(fixture_frames, state)
    labels = {y for tr in fig.data for y in tr.y}
    assert {"比特币", "以太坊", "现货白银 · 推算"} <= labels
    assert "现货白银" in drawdowns.summary(fixture_frames, state)
    en = drawdowns.summary(fixture_frames, State(episode=FEB))
    assert "8 figures. Largest: Spot silver −60%; Spot silver over −19% to −20%; Ether" in en
    assert "1 derived, 1 with conflicting claims" in en  # silver's 19–20%; the span's arithmetic is the conflict's


def test_dd012_customdata_matches_points(fixture_frames):
    for tr in drawdowns.figure(fixture_frames, State(episode="both")).data:
        assert len(tr.customdata) == len(tr.x)
        assert all(len(c) == 3 for c in tr.customdata)
    tr, i = fp.bar(drawdowns.figure(fixture_frames, State(episode=FEB)), "amd-1d")
    assert list(tr.customdata[i]) == ["amd", "equity_stock", "amd-1d"]


def test_dd013_an_asset_with_several_figures_names_each_figures_source(fixture_frames):
    fig = drawdowns.figure(fixture_frames, State(episode=JAN))
    names = {rid: tr.y[i] for tr, i, rid in fp.bars(fig)}
    assert names["djia-1d-a"] == "Dow Jones Industrial Average · 100"
    assert names["djia-1d-b"] == "Dow Jones Industrial Average · 101"
    assert names["btc-24h"] == "Bitcoin"  # one figure: no source in its name
    shown = {a.text for a in fig.layout.annotations}  # the names are drawn above the bars
    assert {"Dow Jones Industrial Average · 100", "Dow Jones Industrial Average · 101"} <= shown


def test_dd014_a_bound_leaves_its_bar_open_the_way_the_move_may_go(fixture_frames):
    """ "Over 17%" may be more: a triangle at the bar's end points outward; "under 3%" and "up to 10%" are
    ceilings: it points back towards zero; an approximation is a word in the label only."""
    fig = drawdowns.figure(fixture_frames, State(episode=FEB))
    marks = {
        tr.customdata[i][2]: (tr.x[i], tr.marker.symbol[i])
        for tr in fig.data
        if tr.type == "scatter" and tr.name == drawdowns.BOUND_NAME
        for i in range(len(tr.x))
    }
    assert marks == {
        "amd-1d": (-17, "triangle-left"),  # a fall of over 17%: open to the left, away from zero
        "nvda-1d": (-3, "triangle-right"),  # under 3%: at most, back towards zero
        "gold-intraday": (-10, "triangle-right"),  # up to 10%
        "silver-intraday": (-20, "triangle-left"),  # over 19–20%: open beyond the range's farther end
    }
