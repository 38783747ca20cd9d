"""The data report of the page (episodes, rejected files) in headless Chromium (dash_duo)."""

from __future__ import annotations

import pytest

import app
from tests.unit.episode_text import replace

from .dashboard import wait_for_charts

pytestmark = pytest.mark.browser


def test_pg001_page_lists_episodes_and_a_rejected_file(dash_duo, data_copy):
    (data_copy / "episodes" / "zz-bad.yaml").write_text(replace("asset: djia", "asset: dowjones"), encoding="utf-8")
    dash_duo.start_server(app.create_app(data_copy))
    dash_duo.find_element("#data-report-summary").click()  # the report is built when it is opened
    dash_duo.wait_for_contains_text("#episodes", "Cross-asset crash, 6 Feb 2026", timeout=10)
    episodes = dash_duo.find_element("#episodes").text
    assert len(dash_duo.driver.find_elements("css selector", "#episodes .card.episode")) == 2
    assert "“Sell America”, 20–21 Jan 2026" in episodes
    assert "Which day was the US selloff session of 000 and 001: 20 or 21 January?" in episodes
    rejected = dash_duo.find_element("#rejected-files")
    assert rejected.get_attribute("role") == "alert"
    assert "Rejected files (1)" in rejected.text
    assert "zz-bad.yaml:" in rejected.text and "moves[0].asset: unknown asset 'dowjones'" in rejected.text
    dash_duo.driver.execute_script("document.getElementById('sources').closest('details').open = true")
    dash_duo.wait_for_contains_text("#sources", "000_eb9b9b638c831f25.txt", timeout=20)
    wait_for_charts(dash_duo)  # and no request is left in flight when the server stops
    assert dash_duo.get_logs() == []


def test_pg002_clean_data_shows_no_rejections(dash_duo):
    dash_duo.start_server(app.create_app())
    dash_duo.find_element("#data-report-summary").click()
    dash_duo.wait_for_contains_text("#episodes", "Cross-asset crash, 6 Feb 2026", timeout=10)
    assert len(dash_duo.driver.find_elements("css selector", "#episodes .card.episode")) == 2
    assert not dash_duo.find_element("#rejected-files").is_displayed()
    wait_for_charts(dash_duo)
    assert dash_duo.get_logs() == []
