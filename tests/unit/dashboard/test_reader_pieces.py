"""The reader's dashboard's pure pieces: windows offered only where they draw, both episodes aligned by asset,
flows on their own scales, Chinese date ticks and the page's language on <html>."""

from __future__ import annotations

import pytest

from charts import drawdowns, flows
from charts.kit.figures import date_ticks
from core.state import State
from dashboard import controls
from data import select as sel
from data.columns import C

JAN, FEB = "jan-2026-sell-america", "feb-2026-crash"


def _offered(frames, episode: str) -> set[str]:
    return {o["value"] for o in controls.window_options(frames, State(episode=episode)) if not o["disabled"]}


def test_rp001_a_window_is_offered_only_where_drawdowns_draws_something(frames):
    for episode in (JAN, FEB, "both"):
        for w in sel.WINDOW_GROUPS:
            empty = drawdowns.rows(frames, State(episode=episode, window=w)).empty
            assert (w in _offered(frames, episode)) is not empty, (episode, w)
    assert _offered(frames, "both") < _offered(frames, FEB)  # some of February's windows have no January figure


def test_rp002_both_episodes_put_an_asset_in_one_lane(frames):
    state = State(episode="both")
    fig = drawdowns.figure(frames, state)
    lanes = {}
    for tr in fig.data:
        if tr.type != "bar":
            continue
        for y, c in zip(tr.y, tr.customdata, strict=True):
            lanes.setdefault(c[0], set()).add(y)
    rows = drawdowns.rows(frames, state)
    for entity in set(rows[C.ENTITY]):
        per_episode = rows[rows[C.ENTITY] == entity].groupby(C.EPISODE, observed=True).size()
        assert len(lanes[entity]) == per_episode.max(), entity  # the first figures of both share a lane


def test_rp003_flows_sit_in_panels_with_their_own_scales(frames):
    fig = flows.figure(frames, State(episode=FEB))
    axes = {tr.xaxis for tr in fig.data}
    assert len(axes) == 3  # daily bitcoin ETF flows, their longer totals and averages, other funds
    daily = [tr for tr in fig.data if tr.xaxis == "x"]
    biggest_daily = max(abs(v) for tr in daily for v in tr.x)
    assert fig.layout.xaxis.range[1] == pytest.approx(biggest_daily * 2.6)  # not the ±$18 bn of other funds
    assert biggest_daily < 1


def test_rp004_flow_groups():
    assert flows.group({C.FUND: "us_btc_spot_etfs", C.METRIC: "net_flow"}) == "daily"
    assert flows.group({C.FUND: "us_btc_spot_etfs", C.METRIC: "cumulative_net_flow"}) == "period"
    assert flows.group({C.FUND: "gold_etfs", C.METRIC: "net_flow"}) == "other"


def test_rp005_date_ticks_read_in_the_language():
    zh = [s["value"] for s in date_ticks("zh")["tickformatstops"]]
    en = [s["value"] for s in date_ticks("en")["tickformatstops"]]
    assert zh == ["%-m月%-d日", "%Y年%-m月", "%Y年"] and en == ["%-d %b", "%b %Y", "%Y"]


@pytest.fixture(scope="module")
def client():
    import app

    return app.create_app().server.test_client()


@pytest.mark.parametrize("query,tag", [("?lang=zh", "zh-Hans"), ("?lang=en", "en"), ("?lang=xx", "en"), ("", "en")])
def test_rp006_the_html_element_names_the_language(client, query, tag):
    page = client.get("/" + query).get_data(as_text=True)
    assert f'<html lang="{tag}">' in page
