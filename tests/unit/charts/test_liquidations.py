"""The liquidations builder: headline tiles and five subplots that together show every row of the view, once
each where it belongs, with derived figures hatched, DeFi apart from the exchanges and the peak as a range. Drawn
from the fixture (tests/fixtures/liquidations.py): $2 bn in all, Binance 0.8, OKX 0.5, Bybit 0.3, the others 0.4."""

from __future__ import annotations

import pytest

from charts import liquidations
from charts.kit.figures import DERIVED_PATTERN
from charts.kit.palette import class_colour
from charts.kit.provenance import value_text
from core.state import State
from data.columns import C
from i18n import t
from tests.fixtures import FEB, JAN

from .. import figure_points as fp


@pytest.fixture(scope="module")
def feb(fixture_frames):
    state = State(episode=FEB)
    return (
        liquidations.rows(fixture_frames, state),
        liquidations.figure(fixture_frames, state),
        liquidations.extra(fixture_frames, state),
    )


def _tile_ids(component) -> list[str]:
    """Record ids named by the tiles (data-record), depth first."""
    found = []
    props = component.to_plotly_json().get("props", {}) if hasattr(component, "to_plotly_json") else {}
    if "data-record" in props:
        found.append(props["data-record"])
    children = props.get("children")
    for child in children if isinstance(children, list) else [children]:
        found += _tile_ids(child) if hasattr(child, "to_plotly_json") else []
    return found


def _text(component) -> str:
    if isinstance(component, str):
        return component
    children = component.to_plotly_json()["props"].get("children")
    return "".join(_text(c) for c in (children if isinstance(children, list) else [children]) if c is not None)


def test_lq001_every_row_is_shown_once_in_chart_or_tiles(fixture_frames, feb):
    rows, fig, extra = feb
    bars = [rid for *_, rid in fp.bars(fig)]
    tiles = [rid for tile in extra for rid in _tile_ids(tile)]
    shares = rows[(rows[C.DIMENSION] == "exchange") & (rows[C.METRIC] == "share")]
    # the exchanges' shares are drawn in their exchange bars' labels
    for share in shares.to_dict("records"):
        tr, i = fp.bar(fig, rows[(rows[C.EXCHANGE] == share[C.EXCHANGE]) & (rows[C.METRIC] == "amount")][C.ID].iloc[0])
        assert value_text(share, "en") in tr.text[i]
    shown = bars + tiles + list(shares[C.ID])
    assert len(bars) == len(set(bars)) and sorted(set(shown)) == sorted(rows[C.ID])
    assert sorted(tiles) == ["liq-long-share", "liq-total", "liq-total-cny", "liq-traders"]
    assert sorted(shares[C.ID]) == ["liq-binance-share", "liq-bybit-share-derived", "liq-okx-share-derived"]
    assert len(bars) == 11  # 4 exchanges, DeFi, 4 leverage buckets, the long share, the peak
    assert set(rows[C.ID]) == set(fixture_frames["liquidations"].query(f"{C.EPISODE} == @FEB")[C.ID])


def test_lq002_bars_have_the_row_values_and_the_crypto_colour(feb):
    rows, fig, _ = feb
    rows = rows.set_index(C.ID)
    for tr, i, rid in fp.bars(fig):
        row = rows.loc[rid]
        assert tr.marker.color[i] == class_colour(row[C.ASSET_CLASS]) == class_colour("crypto")
        if row[C.VALUE] == row[C.VALUE]:
            assert tr.x[i] == pytest.approx(row[C.VALUE]) and tr.base[i] == 0
    expected = {
        "liq-binance": 0.8,
        "liq-okx": 0.5,
        "liq-bybit": 0.3,
        "liq-others-derived": 0.4,
        "liq-defi": 0.45,
        "liq-lev-lt10-derived": 30,
        "liq-lev-10-20": 30,
        "liq-lev-20-50": 25,
        "liq-lev-gt50": 15,
        "liq-long-share": 90,
    }
    for rid, value in expected.items():
        tr, i = fp.bar(fig, rid)
        assert tr.x[i] == pytest.approx(value), rid


def test_lq003_peak_window_is_a_range_from_14_to_16_on_a_day_axis(fixture_frames, feb):
    rows, fig, _ = feb
    peak = rows[rows[C.DIMENSION] == "peak"].iloc[0]
    tr, i = fp.bar(fig, peak[C.ID])
    assert sorted([tr.base[i], tr.base[i] + tr.x[i]]) == [peak[C.LOW], peak[C.HIGH]] == [14, 16]
    assert list(fig.layout[tr.xaxis.replace("x", "xaxis")].range) == [0, 24]
    assert "14:00–16:00 UTC" in tr.text[i] and "9:00–11:00" in tr.hovertext[i]


def test_lq004_others_is_hatched_derived_and_names_its_inputs(fixture_frames, feb):
    rows, fig, _ = feb
    tr, i = fp.bar(fig, "liq-others-derived")
    assert tr.marker.pattern.shape[i] == DERIVED_PATTERN and "derived" in tr.text[i]
    hover = tr.hovertext[i]
    assert "Derived by Crashboard" in hover
    for rid in fixture_frames["liquidations"].set_index(C.ID).loc["liq-others-derived", C.INPUTS].split(","):
        assert rid in rows[C.ID].values
    for line in ("All liquidations $2 bn", "Binance $0.8 bn", "OKX $0.5 bn", "Bybit $0.3 bn"):
        assert f"from 102 · 6 Feb 2026: {line} (24 hours)" in hover  # each input named with its value
    assert tr.x[i] == pytest.approx(2.0 - 0.8 - 0.5 - 0.3) and tr.text[i] == "$0.4 bn (derived)"
    for tr, i, rid in fp.bars(fig):  # hatching on exactly the derived bars
        assert (tr.marker.pattern.shape[i] == DERIVED_PATTERN) == bool(rows.set_index(C.ID).loc[rid, C.DERIVED])


def test_lq005_shares_say_whether_they_are_stated_or_derived(feb):
    _, fig, _ = feb
    binance, okx, bybit = (fp.bar(fig, r) for r in ("liq-binance", "liq-okx", "liq-bybit"))
    assert binance[0].text[binance[1]] == "$0.8 bn<br>40% of total"  # stated
    assert okx[0].text[okx[1]] == "$0.5 bn<br>25% of total (derived)"  # 0.5 ÷ 2.0
    assert bybit[0].text[bybit[1]] == "$0.3 bn<br>15% of total (derived)"  # 0.3 ÷ 2.0
    for tr, i in (okx, bybit):
        assert "Derived by Crashboard" in tr.hovertext[i]
    assert "Derived by Crashboard" not in binance[0].hovertext[binance[1]]
    names = [rid for tr, i, rid in fp.bars(fig) if tr.xaxis == binance[0].xaxis]
    # largest first; the derived remainder after them, though $0.4 bn is more than Bybit's $0.3 bn
    assert names == ["liq-binance", "liq-okx", "liq-bybit", "liq-others-derived"]


def test_lq006_defi_is_not_in_the_exchange_subplot(feb):
    rows, fig, _ = feb
    defi, _i = fp.bar(fig, "liq-defi")
    exchange, _j = fp.bar(fig, "liq-binance")
    assert defi.xaxis != exchange.xaxis and defi.yaxis != exchange.yaxis
    assert "DeFi" not in " ".join(exchange.y) and "liq-defi" not in [c[2] for c in exchange.customdata]
    title = next(a.text for a in fig.layout.annotations if "DeFi" in a.text)
    assert "on-chain" in title and "not in the exchange total" in title
    # the same $ scale, so the two can be compared by eye
    assert fig.layout[defi.xaxis.replace("x", "xaxis")].range == fig.layout[exchange.xaxis.replace("x", "xaxis")].range


def test_lq007_leverage_buckets_in_order_with_lt10_hatched(feb):
    _, fig, _ = feb
    lev = [(tr, i, rid) for tr, i, rid in fp.bars(fig) if rid.startswith("liq-lev")]
    # in bucket order, though the file lists 20–50× first
    assert [rid for *_, rid in lev] == ["liq-lev-lt10-derived", "liq-lev-10-20", "liq-lev-20-50", "liq-lev-gt50"]
    assert [tr.y[i] for tr, i, _ in lev] == ["Under 10×", "10–20×", "20–50×", "Over 50×"]
    assert [tr.marker.pattern.shape[i] for tr, i, _ in lev] == [DERIVED_PATTERN, "", "", ""]


def test_lq008_long_share_is_a_bar_and_no_short_share_is_invented(fixture_frames, feb):
    rows, fig, _ = feb
    tr, i = fp.bar(fig, "liq-long-share")
    assert tr.x[i] == 90 and tr.text[i].startswith("over 90%")
    assert not any("short" in str(y).lower() for t in fig.data for y in (t.y or ()))
    assert any("shorts: not given" in a.text for a in fig.layout.annotations)
    assert "short share is not given" in liquidations.summary(fixture_frames, State(episode=FEB))


def test_lq009_tiles_show_the_headline_figures_with_provenance(fixture_frames, feb):
    rows, _, extra = feb
    text = " ".join(_text(tile) for tile in extra)
    by_id = rows.set_index(C.ID, drop=False)
    for rid in ("liq-total", "liq-total-cny", "liq-traders", "liq-long-share"):
        assert value_text(by_id.loc[rid].to_dict(), "en") in text
    assert "$2 bn" in text and "≈ 14 CNY bn" in text and "over 400,000 people" in text and "over 90%" in text
    total = extra[0].to_plotly_json()["props"]
    assert total["data-record"] == "liq-total"
    assert total["title"].startswith("Source: 102 · Fixture research report · via CoinGlass")
    assert "20亿美元" in total["title"] and "<" not in total["title"]
    allowed = {"Div", "Span", "Strong"}
    stack = list(extra)
    while stack:
        c = stack.pop()
        if hasattr(c, "to_plotly_json"):
            assert c.to_plotly_json()["type"] in allowed
            kids = c.to_plotly_json()["props"].get("children")
            stack += kids if isinstance(kids, list) else [kids]


def test_lq010_hover_names_source_outlet_and_quote(fixture_frames, feb):
    _, fig, _ = feb
    tr, i = fp.bar(fig, "liq-binance")
    row = fixture_frames["liquidations"].set_index(C.ID).loc["liq-binance"]
    assert row[C.SOURCE][:3] == "102" and "Source: 102" in tr.hovertext[i] and "via CoinGlass" in tr.hovertext[i]
    assert "“币安以8亿美元位居首位，占比40%”" in tr.hovertext[i]
    assert "<b>Binance</b> · of total<br>40% · 24 hours" in tr.hovertext[i]  # its share's hover follows


def test_lq011_conflicts_outlined_on_exactly_the_disputed_rows(feb):
    rows, fig, _ = feb
    rows = rows.set_index(C.ID)
    flagged = set()
    for tr, i, rid in fp.bars(fig):
        disputed = rows.loc[rid, C.CONFLICT_IDS] != ""
        assert tr.text[i].endswith("⚠") == disputed and (tr.marker.line.width[i] > 0) == disputed
        flagged |= {rid} if disputed else set()
    assert flagged == {"liq-defi"}  # conflict 'defi-in-total'; the total it disputes is a tile


def test_lq012_jan_episode_is_empty_and_both_shows_feb(fixture_frames):
    fig = liquidations.figure(fixture_frames, State(episode=JAN))
    assert not fig.data and fig.layout.annotations[0].text == t("empty.none", "en")
    assert liquidations.extra(fixture_frames, State(episode=JAN)) == []
    assert "no figures" in liquidations.summary(fixture_frames, State(episode=JAN))
    both = liquidations.rows(fixture_frames, State(episode="both"))
    assert set(both[C.EPISODE]) == {FEB} and len(both) == len(liquidations.rows(fixture_frames, State(episode=FEB)))
    assert len(fp.bars(liquidations.figure(fixture_frames, State(episode="both")))) == 11


def test_lq013_class_filter(fixture_frames):
    assert len(liquidations.rows(fixture_frames, State(episode=FEB, classes=("crypto",)))) == 17  # all crypto
    fig = liquidations.figure(fixture_frames, State(episode=FEB, classes=("fx",)))
    assert not fig.data and fig.layout.annotations[0].text == t("empty.filtered", "en")
    assert "selected classes" in fig.layout.annotations[0].text
    assert liquidations.extra(fixture_frames, State(episode=FEB, classes=("fx",))) == []


def test_lq014_chinese_labels_and_summary(fixture_frames):
    state = State(episode=FEB, lang="zh")
    fig = liquidations.figure(fixture_frames, state)
    labels = {y for tr in fig.data for y in tr.y}
    assert {"币安", "10倍以下"} <= labels
    assert fp.bar(fig, "liq-okx")[0].text[fp.bar(fig, "liq-okx")[1]].endswith("(推算)")
    summary = liquidations.summary(fixture_frames, state)
    assert "币安" in summary and "原文未给出空单占比" in summary


def test_lq015_summary_is_built_from_the_rows(fixture_frames, feb):
    rows, _, _ = feb
    text = liquidations.summary(fixture_frames, State(episode=FEB))
    for rid in ("liq-total", "liq-traders", "liq-binance", "liq-binance-share", "liq-defi"):
        assert value_text(rows.set_index(C.ID, drop=False).loc[rid].to_dict(), "en") in text
    assert "Binance $0.8 bn, 40% of total (the most)" in text and "Peak 14:00–16:00 UTC" in text
    assert "OKX $0.5 bn, 25% of total (derived)" in text and "Under 10× 30% (derived)" in text
    assert text.startswith("Crypto liquidations, 6 Feb: All liquidations $2 bn (≈ 14 CNY bn), 24 hours, 6 Feb 2026")


def test_lq016_customdata_matches_points(fixture_frames):
    for state in (State(episode=FEB), State(episode="both", theme="dark"), State(episode=FEB, lang="zh")):
        for tr in liquidations.figure(fixture_frames, state).data:
            assert len(tr.customdata) == len(tr.x) and all(len(c) == 3 for c in tr.customdata)
