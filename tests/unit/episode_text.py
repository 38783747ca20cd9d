"""A minimal valid episode file, for tests that break it one way at a time."""

MINIMAL = """\
schema: 1
episode:
  id: test-episode
  title: {en: Test, zh: 测试}
  summary: {en: A test episode, zh: 测试}
  start: 2026-01-20
  end: 2026-01-21
  window_start: 2026-01-01
  window_end: 2026-06-30
moves:
  - id: m1
    asset: djia
    metric: change
    window: 1d
    date: 2026-01-21
    value: -1.76
    unit: pct
    source: 000_eb9b9b638c831f25.txt
    quote: '道琼斯工业平均指数下跌1.76%'
    quote_en: 'The Dow Jones Industrial Average fell 1.76%'
events:
  - id: e1
    date: 2026-01-17
    title: {en: Tariffs announced, zh: 宣布关税}
    category: tariff
    countries: [DK, 'NO']
    source: 000_eb9b9b638c831f25.txt
    quote: '此前,特朗普于1月17日宣布'
    quote_en: 'Earlier, Trump announced on 17 January'
"""


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    for n, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in text")


def replace(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)
