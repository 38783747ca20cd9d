"""Every quote has its English translation, and the translation keeps the source's figure: 20.69亿美元 is written
$2.069 billion, 43万人 430,000 people, 超过48% more than 48%."""

from __future__ import annotations

import pytest

from data import schema as S
from data.columns import C
from data.quotes import english_numbers, translation_supports

# Records whose figure the translation may not carry, with the reason. None today: every figure is carried.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _quoted(frames):
    records = frames["records"]
    return records[records[C.QUOTE] != ""]


def test_tr001_every_quote_is_translated(frames):
    quoted = _quoted(frames)
    events = frames["events"]
    missing = [*quoted.index[quoted[C.QUOTE_EN] == ""], *events.loc[events[C.QUOTE_EN] == "", C.ID]]
    assert len(quoted) > 200 and not missing, missing


def test_tr002_each_translation_carries_its_records_figure(frames):
    bad = []
    for (episode, rid), row in _quoted(frames).iterrows():
        if (episode, rid) in EXCEPTIONS:
            continue
        factor = S.UNITS[row[C.UNIT]].factor
        for v in (row[C.VALUE], row[C.LOW], row[C.HIGH]):
            if v == v and not translation_supports(row[C.QUOTE_EN], v, factor):
                bad.append((rid, v, row[C.QUOTE_EN]))
    assert not bad, bad[:5]


def test_tr003_translations_are_plain_text(frames):
    for text in [*frames["records"][C.QUOTE_EN], *frames["events"][C.QUOTE_EN]]:
        assert "**" not in text and text == text.strip()


@pytest.mark.parametrize(
    "text, value, factor, found",
    [
        ("a record $2.069 billion of liquidations", 2.069, 1e9, True),  # 20.69亿美元 as usd_bn
        ("net inflow of $562 million", 0.562, 1e9, True),  # 5.62亿美元 as usd_bn, written in millions
        ("more than 430,000 people", 430000, 1, True),
        ("a decline of more than 48%", -48, 1, True),
        ("$1.3 trillion", 1300, 1e9, True),  # 1.3万亿 as usd_bn
        ("fell 1.67%", -1.76, 1, False),  # a mistyped figure is caught
        ("$2.07 billion", 2.069, 1e9, False),  # so is a rounded one
    ],
)
def test_tr004_figures_are_read_from_english(text, value, factor, found):
    assert translation_supports(text, value, factor) is found


def test_tr005_numbers_and_their_scale_words():
    assert english_numbers("$2.069 billion and 430,000 people, 7.25 million jobs") == [
        2.069,
        2.069e9,
        430000,
        7.25,
        7.25e6,
    ]
