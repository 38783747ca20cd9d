"""Quotes in tables and panels: translation first where the reader's language is not the source's, the
original's ** emphasis as <strong>, and every string a text node."""

from __future__ import annotations

from dash import html

from dashboard import quote
from data.columns import C

ROW = {C.QUOTE: "根据数据，**比特币日内暴跌12.81%**", C.QUOTE_EN: "Bitcoin plunged 12.81% intraday"}


def _text(node) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(_text(n) for n in node)
    return _text(node.children or "")


def test_qu001_emphasis_becomes_strong():
    parts = quote.emphasised("根据数据，**比特币日内暴跌12.81%**")
    assert (
        parts[0] == "根据数据，" and isinstance(parts[1], html.Strong) and parts[1].children == "比特币日内暴跌12.81%"
    )
    assert quote.emphasised("odd ** star") == ["odd  star"]  # an unmatched ** is dropped, not shown


def test_qu002_english_shows_the_translation_first():
    block = quote.block(ROW, "en")
    text = _text(block)
    assert text.index("Translation: Bitcoin plunged") < text.index("Original: 根据数据")
    assert "**" not in text


def test_qu003_chinese_shows_the_original_only():
    (only,) = quote.block(ROW, "zh")
    assert _text(only) == "根据数据，比特币日内暴跌12.81%"
