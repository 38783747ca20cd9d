"""The strict YAML reader on its own: positions, dates, tags and the traps it refuses."""

from __future__ import annotations

import datetime as dt

import pytest

from data.errors import DataError
from data.safeyaml import MAX_DEPTH, load_bytes, parse


def test_positions_of_values_and_keys():
    located = parse("a:\n  b: [1, 2]\n  c: x\n", "f.yaml")
    assert located.data == {"a": {"b": [1, 2], "c": "x"}}
    assert located.marks[("a", "b", 1)] == (2, 10)
    assert located.key_marks[("a", "c")] == (3, 3)
    assert located.position(("a", "missing")) == (2, 3)


def test_dates_become_dates_and_months_stay_text():
    located = parse("d: 2026-01-20\nm: '2026-01'\n", "f.yaml")
    assert located.data == {"d": dt.date(2026, 1, 20), "m": "2026-01"}


@pytest.mark.parametrize(
    "text,message",
    [
        ("d: 2026-01-20 10:00:00\n", "without a time"),
        ("x: !!binary aGVsbG8=\n", "tag !!binary is not allowed"),
        ("x: !custom 1\n", "tag !custom is not allowed"),
        ("x: !!set {a, b}\n", "tag !!set is not allowed"),
        ("? [a, b]\n: c\n", "keys must be plain names"),
        ("1: a\n", "keys must be plain names"),
        ("a: 1\n---\nb: 2\n", "expected a single document"),
        ("a: *x\n", "aliases are not allowed"),
    ],
)
def test_refused(text, message):
    with pytest.raises(DataError) as err:
        parse(text, "f.yaml")
    assert message in str(err.value)


def test_duplicate_keys_reported_at_every_repeat():
    with pytest.raises(DataError) as err:
        parse("a: 1\nb: 2\na: 3\nb: 4\n", "f.yaml")
    assert [(i.line, i.message.split(" (")[0]) for i in err.value.issues] == [
        (3, "duplicate key 'a'"),
        (4, "duplicate key 'b'"),
    ]


def test_quoted_and_plain_scalars_are_told_apart():
    located = parse("a: 'NO'\nb: NO\n", "f.yaml")
    assert located.data == {"a": "NO", "b": False}
    assert located.scalars[("a",)].quoted and not located.scalars[("b",)].quoted


def test_byte_order_mark_is_accepted():
    assert load_bytes("\ufeffa: 1\n".encode("utf-8"), "f.yaml").data == {"a": 1}


def test_non_utf8_is_located():
    with pytest.raises(DataError) as err:
        load_bytes(b"a: 1\nb: caf\xe9\n", "f.yaml")
    (issue,) = err.value.issues
    assert (issue.line, issue.column) == (2, 7) and "0xe9" in issue.message


def test_size_cap_checked_before_parsing():
    with pytest.raises(DataError) as err:
        load_bytes(b"a: 1\n" * 10, "f.yaml", max_bytes=20)
    assert "the limit is 20" in str(err.value)


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 10_000 + "]" * 10_000 + "\n",  # flow style: 20 KB
        "a:\n" + "".join(" " * i + "-\n" for i in range(0, 200, 2)),  # block style
        "a: " + "{b: " * 5_000 + "1" + "}" * 5_000 + "\n",  # mappings
    ],
)
def test_nesting_is_bounded_before_it_exhausts_the_stack(text):
    with pytest.raises(DataError) as err:
        parse(text, "f.yaml")
    (issue,) = err.value.issues
    assert f"nested more than {MAX_DEPTH} levels deep" in issue.message and issue.line >= 1


def test_nesting_the_data_needs_is_fine():
    assert parse("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", "f.yaml").data
