"""Callback logic called directly: URL sync, cross-filter, data view and CSV, drawing with junk state."""

from __future__ import annotations

import io

import orjson
import pandas as pd
import pytest
from dash import no_update

from callbacks import cross_filter, data_view, details, language, render, url_state
from callbacks.cache import MIB, VIEW, AnswerCache, Budget
from callbacks.context import AppData
from charts.registry import CHARTS, NAMES
from core.state import State
from dashboard import card as panel
from data.columns import C


@pytest.fixture(scope="module")
def data(dataset) -> AppData:
    return AppData.of(dataset)


def _click(entity, cls="crypto"):
    return {"points": [{"customdata": [entity, cls, "x"]}]}


def test_cb001_url_sets_every_control(data):
    search, controls, tools, selection, view = url_state.sync(
        data,
        True,
        "?episode=both&classes=crypto&asset=btc&window=7d&tab=context&data=flows&lang=zh&theme=dark",
        [None] * 6,
        None,
        None,
        None,
    )
    assert search is no_update  # already canonical
    assert controls == ["both", ["crypto"], "7d", "context", "zh", "dark"]
    assert tools == "flows"  # the address's data panel opens the tools panel for that chart
    assert selection == {"id": "btc", "class": "crypto"}
    assert view == {"episode": "both", "classes": ["crypto"], "window": "7d", "lang": "zh", "theme": "dark"}


def test_cb002_junk_url_is_canonicalised_to_defaults(data):
    search, controls, tools, selection, view = url_state.sync(
        data, True, "?episode=<b>&lang=xx&junk=1&data=<script>", [None] * 6, None, None, None
    )
    assert search == "" and selection is no_update and tools is no_update
    assert controls[0] == data.choices.default_episode and view["lang"] == "en"


def test_cb003_controls_write_the_url_and_keep_their_values(data):
    view = {"episode": "feb-2026-crash", "classes": [], "window": "day", "lang": "en", "theme": "light"}
    search, controls, tools, _, new_view = url_state.sync(
        data, False, "", ["feb-2026-crash", ["energy"], "day", "crash", "en", "light"], None, None, view
    )
    assert search == "?classes=energy"
    assert controls == [no_update] * 6 and tools is no_update
    assert new_view["classes"] == ["energy"]


def test_cb004_tab_and_tools_changes_do_not_redraw_charts(data):
    view = {"episode": "feb-2026-crash", "classes": [], "window": "day", "lang": "en", "theme": "light"}
    search, _, _, _, new_view = url_state.sync(
        data, False, "", ["feb-2026-crash", [], "day", "context", "en", "light"], "drawdowns", None, view
    )
    assert search == "?tab=context&data=drawdowns" and new_view is no_update


@pytest.mark.parametrize(
    "current, click, expected",
    [
        (None, _click("btc"), {"id": "btc", "class": "crypto"}),
        ({"id": "btc", "class": "crypto"}, _click("btc"), None),  # again: reset
        ({"id": "btc", "class": "crypto"}, _click("eth"), {"id": "eth", "class": "crypto"}),
        (None, _click("binance"), {"id": "binance", "class": "crypto"}),  # an exchange bar
        (None, _click("crash-day", ""), no_update),  # an event: not an asset
        (None, {"points": []}, no_update),
        (None, None, no_update),
        (None, {"points": [{"x": 1}]}, no_update),
    ],
)
def test_cb005_click_toggles_the_selection(data, current, click, expected):
    assert cross_filter.toggle(data, current, click) == expected


def test_cb006_csv_is_exactly_the_chart_rows(data):
    view = {"episode": "feb-2026-crash", "classes": ["crypto"], "window": "day", "lang": "en", "theme": "light"}
    sent = data_view.download(data, "drawdowns", view)
    assert sent["filename"] == "crashboard-drawdowns-feb-2026-crash.csv"
    csv = pd.read_csv(io.StringIO(sent["content"]), keep_default_na=False)
    rows = CHARTS["drawdowns"].rows(data.frames, data.state(view))
    assert list(csv[C.ID]) == list(rows[C.ID])
    assert {"value", "unit", "date", "source", "outlet", "quote"} <= set(csv.columns)
    btc = csv.set_index(C.ID).loc["btc-intraday"]
    assert float(btc[C.VALUE]) == -12.81 and btc[C.UNIT] == "pct" and btc[C.DATE] == "2026-02-06"
    assert btc[C.OUTLET] == "coinglass" and btc[C.SOURCE].startswith("002_") and "12.81%" in btc[C.QUOTE]


def test_cb007_csv_of_a_derived_figure_names_its_formula(data):
    rows = CHARTS["liquidations"].rows(data.frames, State(episode="feb-2026-crash"))
    csv = pd.read_csv(io.StringIO(panel.csv_text(rows, data.frames)), keep_default_na=False).set_index(C.ID)
    derived = csv.loc["liq-others-derived"]  # other exchanges = total − Binance − OKX − Bybit
    assert bool(derived[C.DERIVED]) and "liq-bybit" in derived[C.FORMULA] and derived[C.QUOTE] == ""


def test_cb008_the_tools_table_is_the_charts_rows(data):
    view = {"episode": "feb-2026-crash"}
    assert data_view.table(data, "nothing", view) == [] and data_view.table(data, None, view) == []
    (table,) = data_view.table(data, "drawdowns", view)
    assert len(table.children[1].children) == len(CHARTS["drawdowns"].rows(data.frames, data.state(view)))


@pytest.mark.parametrize("view", [{}, {"episode": 5}, {"classes": "x"}, {"window": None, "lang": ["zh"]}, "junk"])
@pytest.mark.parametrize("name", NAMES)
def test_cb009_every_chart_draws_from_any_view(data, name, view):
    fig, summary, *_ = [orjson.loads(b) for b in render.drawn_json(CHARTS[name], data, view, {"id": "nobody"})]
    assert fig["layout"]["paper_bgcolor"] and isinstance(summary, str)


def test_cb010_language_switches_words_and_options(data):
    zh = language.words(data, "zh", ["ctl.episode", "panel.drawdowns"])
    assert zh["texts"] == ["事件", "跌幅"] and zh["lang"] == "zh-Hans"  # the page's lang attribute
    assert any("2026年2月6日" in str(o["label"]) for o in zh["episodes"])  # the short name, its title on hover
    assert language.words(data, "??", ["ctl.episode"])["texts"] == ["Episode"]


def test_cb011_sources_and_conflicts_follow_the_view(data):
    conflicts, sources = details.behind(data, {"episode": "jan-2026-sell-america"}, "crash")
    text = str(sources)
    assert "000_eb9b9b638c831f25.txt" in text and "001_6ac7a830a60ef09d.txt" in text
    assert "Which day was the US selloff session of 000 and 001: 20 or 21 January?" in str(conflicts)
    _, feb_sources = details.behind(data, {"episode": "feb-2026-crash"}, "context")
    assert "002_59fce7a1fe3a6f0e.txt" in str(feb_sources) and "000_eb9b9b638c831f25.txt" not in str(feb_sources)


def test_cb012_selection_panel_lists_every_claim(data):
    detail, label = details.selection(data, {}, {"id": "djia"})
    assert label == "Dow Jones Industrial Average"
    # 002: nearly 600 points, about 1.2%, about 41,850, 4.8% over five days, and the summary table's 1.2%, 600
    # points and 41,850 (kept as claims); 000 and 001: the same -1.76% on 21 and 20 January
    assert "9 figures" in str(detail) and "20 or 21 January" in str(detail)


def test_cb013_a_hidden_tab_is_drawn_when_it_opens(data):
    from dash.exceptions import PreventUpdate

    with pytest.raises(PreventUpdate):
        render.draw_on_tab(CHARTS["rates"], data, {"episode": "both"}, "crash")
    fig, *_ = render.draw_on_tab(CHARTS["rates"], data, {"episode": "both"}, "context")
    assert isinstance(fig, orjson.Fragment)  # the JSON Dash sends as it is
    assert orjson.loads(render.drawn_json(CHARTS["rates"], data, {"episode": "both"})[0])["data"]


def test_cb014_csv_dates_keep_their_precision(data):
    rows = CHARTS["path"].rows(data.frames, State(episode="both"))
    csv = pd.read_csv(io.StringIO(panel.csv_text(rows, data.frames)), keep_default_na=False).set_index(C.ID)
    assert csv.loc["btc-peak", C.DATE] == "2025-10"  # "October 2025": no day is given
    assert csv.loc["btc-low", C.DATE] == "2026-02-06"


def test_cb015_drawn_views_are_kept_and_bounded(dataset):
    fresh = AppData.of(dataset, AnswerCache({VIEW: Budget(3, MIB)}))
    first = render.drawn_json(CHARTS["drawdowns"], fresh, {"episode": "both"})
    assert render.drawn_json(CHARTS["drawdowns"], fresh, {"episode": "both"})[0] is first[0]  # kept
    for window in ("3d", "5d", "ytd", "from_peak"):
        render.drawn_json(CHARTS["drawdowns"], fresh, {"episode": "feb-2026-crash", "window": window})
    assert len(fresh.cache.keys(VIEW)) == 3
    again = render.drawn_json(CHARTS["drawdowns"], fresh, {"episode": "both"})  # evicted, drawn again, the same
    assert again[0] is not first[0] and again == first


@pytest.mark.parametrize("episode", ["jan-2026-sell-america", "feb-2026-crash", "both"])
@pytest.mark.parametrize("name", NAMES)
def test_cb016_shapes_sit_only_on_subplots_with_traces(data, name, episode):
    """plotly.js draws a shape on a subplot without traces with NaN coordinates (console errors)."""
    fig = orjson.loads(render.drawn_json(CHARTS[name], data, {"episode": episode})[0])
    traced = {tr.get("xaxis", "x") for tr in fig["data"]}
    for shape in fig["layout"].get("shapes", []):
        xref = shape.get("xref", "x").removesuffix(" domain")
        assert xref == "paper" or xref in traced, (shape.get("name"), xref, traced)
