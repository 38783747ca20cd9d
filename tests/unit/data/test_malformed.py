"""A corpus of broken data files. Each must be rejected with a plain message at the right line, while the
shipped episodes keep loading."""

from __future__ import annotations

import re

import pytest

from data import load_dataset
from data.safeyaml import MAX_BYTES, MAX_DEPTH
from data.validate import render, validate

from ..episode_text import MINIMAL, line_of, replace

BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]
"""

# (code, file text or bytes, expected message (regex), line of the bad text or a needle to find it)
CASES = [
    (
        "mal01-syntax",
        replace("title: {en: Test, zh: 测试}", "title: {en: Test, zh: 测试"),
        r"YAML syntax error",
        "summary:",
    ),
    ("mal02-tab", replace("    asset: djia", "\tasset: djia"), r"tab character where YAML needs spaces", "\tasset"),
    (
        "mal03-duplicate-key",
        replace("    unit: pct", "    unit: pct\n    value: -2"),
        r"duplicate key 'value' \(first set on line \d+\)",
        "value: -2",
    ),
    ("mal04-alias-bomb", BOMB, r"anchors are not allowed \(&a\)", 1),
    (
        "mal05-python-tag",
        replace("value: -1.76", "value: !!python/object/apply:os.system ['echo pwned']"),
        r"tag !!python/object/apply:os.system is not allowed",
        "!!python",
    ),
    (
        "mal06-wrong-type",
        replace("value: -1.76", "value: minus 1.76"),
        r"moves\[0\]\.value: expected a number, got the text 'minus 1.76'",
        "minus 1.76",
    ),
    (
        "mal07-unknown-field",
        replace("    unit: pct", "    unit: pct\n    valeu: 3"),
        r"unknown field 'valeu'; did you mean 'value'\?",
        "valeu",
    ),
    (
        "mal08-unknown-source",
        replace(
            "    source: 000_eb9b9b638c831f25.txt\n    quote: '道",
            "    source: 009_0000000000000000.txt\n    quote: '道",
        ),
        r"moves\[0\]\.source: unknown source '009_0000000000000000.txt'",
        "009_",
    ),
    ("mal09-nan", replace("value: -1.76", "value: .nan"), r"NaN and infinity are not allowed", ".nan"),
    (
        "mal10-bad-date",
        replace("    date: 2026-01-21", "    date: 2026-02-30"),
        r"2026-02-30 is not a date on the calendar",
        "2026-02-30",
    ),
    (
        "mal11-range-low-above-high",
        replace("    value: -1.76", "    low: -1.5\n    high: -1.9"),
        r"low \(-1.5\) is greater than high \(-1.9\)",
        "low: -1.5",
    ),
    ("mal12-empty", "", r"file is empty", 1),
    (
        "mal13-not-utf8",
        MINIMAL.replace("测试}", "\udcff}", 1).encode("utf-8", "surrogateescape"),
        r"not UTF-8: byte 0xff cannot be decoded",
        "title:",
    ),
    ("mal14-too-big", MINIMAL + "#" * MAX_BYTES, rf"the limit is {MAX_BYTES:,}", 0),
    (
        "mal15-yaml11-no",
        replace("countries: [DK, 'NO']", "countries: [DK, NO]"),
        r"events\[0\]\.countries\[1\]: expected text, got the boolean false \(YAML 1.1 reads an unquoted NO as a "
        r"boolean; write 'NO'\)",
        "[DK, NO]",
    ),
    (
        "mal16-yaml11-1.10",
        replace("title: {en: Tariffs announced,", "title: {en: 1.10,"),
        r"events\[0\]\.title\.en: expected text, got the number 1.1 \(YAML reads an unquoted 1.10 as a number",
        "{en: 1.10",
    ),
    (
        "mal17-base60",
        replace("    category: tariff", "    category: tariff\n    date_note: 14:00"),
        r"14:00 is read by YAML 1.1 as a base-60 number",
        "14:00",
    ),
    ("mal18-unknown-asset", replace("asset: djia", "asset: dow_jones"), r"unknown asset 'dow_jones'", "dow_jones"),
    ("mal19-wrong-unit", replace("    unit: pct", "    unit: usd_bn"), r"unit 'usd_bn' does not fit change", "usd_bn"),
    (
        "mal20-outside-window",
        replace("    date: 2026-01-21", "    date: 2025-06-01"),
        r"2025-06-01 is outside the episode window 2026-01-01..2026-06-30",
        "2025-06-01",
    ),
    (
        "mal21-missing-quote",
        replace("    quote: '道琼斯工业平均指数下跌1.76%'\n", ""),
        r"moves\[0\]\.quote: quote is required",
        "- id: m1",
    ),
    (
        "mal22-value-not-in-quote",
        replace("value: -1.76", "value: -1.67"),
        r"1.67 \(pct\) does not appear in the quote",
        "value: -1.67",
    ),
    ("mal23-infinity", replace("value: -1.76", "value: -.inf"), r"NaN and infinity are not allowed", "-.inf"),
    (
        "mal24-merge-key",
        replace("  - id: m1\n", "  - id: m1\n    <<: {unit: pct}\n"),
        r"merge keys \(<<\) are not allowed",
        "<<",
    ),
    ("mal25-duplicate-id", replace("  - id: e1", "  - id: m1"), r"duplicate id 'm1'", "- id: m1\n    date: 2026-01-17"),
    (
        "mal26-derived-with-value",
        replace(
            "    source: 000_eb9b9b638c831f25.txt\n    quote: '道",
            "    derive: {op: sum, inputs: [m1, m1]}\n    source: 000_eb9b9b638c831f25.txt\n    quote: '道",
        ),
        r"a derived figure takes its source from its inputs",
        "    source: 000_",
    ),
    (
        "mal27-bad-weekday-format",
        replace("    category: tariff", "    category: tariff\n    weekday: friday"),
        r"weekday: 'friday' does not have the expected form",
        "weekday: friday",
    ),
    ("mal28-top-level-list", "- just\n- a list\n", r"the file must be a mapping", 1),
    (
        "mal29-deep-nesting",
        MINIMAL + "extra: " + "[" * 10_000 + "]" * 10_000 + "\n",
        rf"nested more than {MAX_DEPTH} levels deep",
        "extra:",
    ),
]


def _line(text, where) -> int:
    if isinstance(where, int):
        return where
    if "\n" in where:  # a needle spanning lines: the line where it starts
        return text[: text.index(where)].count("\n") + 1
    return line_of(text, where)


@pytest.mark.parametrize("code,content,message,where", CASES, ids=[c[0] for c in CASES])
def test_malformed_file_is_rejected_with_located_message(data_copy, code, content, message, where):
    bad = data_copy / "episodes" / "zz-bad.yaml"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    reports = validate([str(bad)], data_copy)
    report = reports[-1]
    assert not report.ok, f"{code} was accepted"
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    expected_line = _line(text, where)
    matching = [i for i in report.issues if re.search(message, str(i))]
    assert matching, f"{code}: no issue matches {message!r}; got:\n" + "\n".join(map(str, report.issues))
    assert matching[0].line == expected_line, f"{code}: {matching[0]} (expected line {expected_line})"
    assert str(matching[0]).startswith(f"{report.path}:"), str(matching[0])


def test_minimal_episode_is_valid(data_copy):
    good = data_copy / "episodes" / "zz-good.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    (report,) = validate([str(good)], data_copy)
    assert report.ok, "\n".join(map(str, report.issues))
    assert report.counts["moves"] == 1 and report.counts["events"] == 1


def test_several_problems_in_one_file_are_all_reported(data_copy):
    text = replace("value: -1.76", "value: .nan").replace("unit: pct", "unit: pct\n    colour: red", 1)
    text = text.replace("category: tariff", "category: tarif", 1)
    bad = data_copy / "episodes" / "zz-bad.yaml"
    bad.write_text(text, encoding="utf-8")
    (report,) = validate([str(bad)], data_copy)
    messages = "\n".join(map(str, report.issues))
    assert "NaN" in messages and "unknown field 'colour'" in messages and "'tarif' is not allowed" in messages
    assert len({i.line for i in report.issues}) == 3


def test_alias_bomb_is_stopped_before_expansion(data_copy):
    """Ten levels of nine aliases would expand to 9**10 items; the first anchor already stops it."""
    levels = ['a0: &a0 ["x"]'] + [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 11)]
    bad = data_copy / "episodes" / "zz-bomb.yaml"
    bad.write_text("\n".join(levels), encoding="utf-8")
    (report,) = validate([str(bad)], data_copy)
    assert [i.line for i in report.issues] == [1]


def test_bad_file_leaves_the_good_episodes_served(data_copy):
    (data_copy / "episodes" / "zz-bad.yaml").write_text(replace("value: -1.76", "value: .nan"), encoding="utf-8")
    ds = load_dataset(data_copy)
    assert [r.path.split("/")[-1] for r in ds.rejected] == ["zz-bad.yaml"]
    assert set(ds.episodes["id"]) == {"jan-2026-sell-america", "feb-2026-crash"}


def test_broken_registry_rejects_everything_but_does_not_crash(data_copy):
    (data_copy / "sources.yaml").write_text("schema: 1\nsources: [\n", encoding="utf-8")
    ds = load_dataset(data_copy)
    assert ds.episodes.empty
    assert {r.kind for r in ds.rejected} == {"sources", "episode"}
    text, code = render(validate([], data_copy))
    assert code == 1 and "sources.yaml:3:1: YAML syntax error" in text
    assert "not checked: the sources registry or vocabulary was rejected" in text


def test_unknown_asset_class_in_vocabulary(data_copy):
    vocab = data_copy / "vocabulary.yaml"
    text = vocab.read_text(encoding="utf-8").replace("class: equity_stock, ticker: ORCL", "class: stocks, ticker: ORCL")
    vocab.write_text(text, encoding="utf-8")
    reports = validate([], data_copy)
    (bad,) = [r for r in reports if r.kind == "vocabulary"]
    (issue,) = bad.issues
    assert "unknown asset class 'stocks'" in issue.message and issue.line == line_of(text, "class: stocks")


def test_between_seeds_conflict_needs_two_sources(data_copy):
    text = (
        MINIMAL
        + """\
conflicts:
  - id: c1
    kind: between_seeds
    severity: contradiction
    topic: {en: T, zh: T}
    claims: [m1, e1]
    note: {en: N, zh: N}
"""
    )
    bad = data_copy / "episodes" / "zz-bad.yaml"
    bad.write_text(text, encoding="utf-8")
    (report,) = validate([str(bad)], data_copy)
    (issue,) = report.issues
    assert "between_seeds needs claims from at least two sources" in issue.message
