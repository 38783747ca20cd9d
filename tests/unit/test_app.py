"""The app factory and the page it serves, checked without a browser."""

from __future__ import annotations

import json

import plotly

import app
from dashboard import episodes
from data import DEFAULT_DIR, load_dataset

from .episode_text import replace


def _text(layout) -> str:
    return json.dumps(layout, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def test_page_lists_both_episodes_with_counts():
    dash_app = app.create_app()
    page = _text(dash_app.layout)
    assert "20–21 Jan 2026" in page and "Cross-asset crash, 6 Feb 2026" in page  # the control; the opening headline
    assert "Rejected files" not in page
    report = _text(episodes.panel(load_dataset(DEFAULT_DIR).frames, "en"))  # built when the reader opens it
    assert "“Sell America”, 20–21 Jan 2026" in report and "Cross-asset crash, 6 Feb 2026" in report
    assert "Which day was the US selloff session of 000 and 001: 20 or 21 January?" in report


def test_page_shows_a_rejected_file_and_serves_the_rest(data_copy):
    (data_copy / "episodes" / "zz.yaml").write_text(replace("asset: djia", "asset: dowjones"), encoding="utf-8")
    page = _text(app.create_app(data_copy).layout)
    assert "Rejected files (1)" in page
    assert "moves[0].asset: unknown asset 'dowjones'" in page
    assert "Cross-asset crash, 6 Feb 2026" in page


def test_app_starts_with_no_usable_data(tmp_path):
    page = _text(app.create_app(tmp_path).layout)
    assert "No episode could be loaded" in page
    assert "cannot read" in page


def test_server_is_a_flask_app_for_wsgi(monkeypatch, data_copy):
    monkeypatch.setenv("CRASHBOARD_DATA", str(data_copy))
    try:
        response = app.server.test_client().get("/")
        assert response.status_code == 200 and b"react-entry-point" in response.data
        assert app.server is app.server  # built once
    finally:
        vars(app).pop("server", None)
