"""A figure's hover gives the source's words: in English, the translation first, then the original; in Chinese,
the original alone; the source's ** emphasis is never shown as asterisks."""

from __future__ import annotations

from charts.kit.hover import build, quote_lines
from data.columns import C

ROW = {
    C.QUOTE: "根据数据，**比特币日内暴跌12.81%**",
    C.QUOTE_EN: "According to data, Bitcoin plunged 12.81% intraday",
    C.VALUE: -12.81,
}


def test_qt001_english_reads_the_translation_then_the_original():
    first, second = quote_lines(ROW, "en")
    assert first == "<i>Translation:</i> “According to data, Bitcoin plunged 12.81% intraday”"
    assert second == "<i>Original:</i> “根据数据，比特币日内暴跌12.81%”"


def test_qt002_chinese_reads_the_original_alone():
    assert quote_lines(ROW, "zh") == ["“根据数据，比特币日内暴跌12.81%”"]


def test_qt003_no_asterisks_and_no_quote_no_lines():
    assert "**" not in "".join(quote_lines(ROW, "en") + quote_lines(ROW, "zh"))
    assert quote_lines({C.QUOTE: ""}, "en") == []


def test_qt004_a_fixture_hover_carries_both(fixture_frames):
    records = fixture_frames["records"]
    row = records[records[C.QUOTE] != ""].iloc[0].to_dict()
    en, zh = build(row, fixture_frames, "en"), build(row, fixture_frames, "zh")
    assert en.index("Translation:") < en.index("Original:") and row[C.QUOTE_EN].split(":")[0] in en
    assert "Translation" not in zh and "译文" not in zh and "Original" not in zh
