"""The one answer cache: bounded per kind by count and by bytes, least recently used out first, pinned entries
out of any client's reach, and consistent under concurrent writers."""

from __future__ import annotations

import random
import sys
import threading

import pytest

from callbacks import render, url_state
from callbacks.cache import (
    ADDRESS,
    BODY,
    KINDS,
    MIB,
    SIZE_ENV,
    VIEW,
    AnswerCache,
    Budget,
    budgets,
    weigh,
    weigh_key,
)
from callbacks.context import AppData
from callbacks.memo import key_of
from charts.registry import CHARTS


def _consistent(cache: AnswerCache) -> dict:
    """The cache's stats, after checking every kind is within its budget and its byte count adds up."""
    stats = cache.stats()
    for kind, part in cache._parts.items():
        assert len(part.entries) <= part.budget.entries and part.weight <= part.budget.bytes, kind
        held = sum(weigh(v) + weigh_key(k) for k, (v, _) in part.entries.items())
        assert part.weight == held == stats[kind]["bytes"], kind
        assert part.pinned_weight == sum(weigh(v) + weigh_key(k) for k, v in part.pinned.items()), kind
    return stats


@pytest.mark.parametrize("value, weight", [(b"", 0), (b"abc", 3), ((b"ab", b"cde"), 5), ((), 0)])
def test_ca001_an_entry_weighs_its_bytes(value, weight):
    assert weigh(value) == weight


@pytest.mark.parametrize("value", ["text", {"a": 1}, [b"x"], (b"x", "y"), None])
def test_ca002_only_bytes_or_tuples_of_bytes_are_kept(value):
    with pytest.raises(TypeError, match="bytes or a tuple of bytes"):
        AnswerCache().put(VIEW, "k", value)


def test_ca003_bounded_by_count_least_recently_used_first():
    cache = AnswerCache({VIEW: Budget(3, MIB)})
    for key in "abc":
        cache.put(VIEW, key, key.encode())
    assert cache.get(VIEW, "a") == b"a"  # now the most recently used
    cache.put(VIEW, "d", b"d")
    assert cache.keys(VIEW) == ["c", "a", "d"] and cache.get(VIEW, "b") is None
    cache.put(VIEW, "c", b"C")  # a put refreshes too
    cache.put(VIEW, "e", b"e")
    assert cache.keys(VIEW) == ["d", "c", "e"] and cache.get(VIEW, "c") == b"C"
    _consistent(cache)


def test_ca004_bounded_by_bytes():
    cache = AnswerCache({VIEW: Budget(100, 10)})
    cache.put(VIEW, "a", b"1234")
    cache.put(VIEW, "b", (b"12", b"34"))
    cache.put(VIEW, "c", b"123")
    # a key's own bytes count too (a one-letter key weighs 1): a 5 + b 5 + c 4 > 10, so a goes
    assert cache.keys(VIEW) == ["b", "c"] and cache.stats()[VIEW]["bytes"] == 9
    cache.put(VIEW, "big", b"x" * 11)  # more than the whole budget: answered, not kept
    assert cache.keys(VIEW) == ["b", "c"]
    cache.put(VIEW, "c", b"1234567")  # a replaced entry is weighed again: c 8 + b 5 > 10
    assert cache.keys(VIEW) == ["c"] and cache.stats()[VIEW]["bytes"] == 8
    _consistent(cache)


def test_ca005_each_kind_has_its_own_budget():
    cache = AnswerCache({VIEW: Budget(2, MIB), ADDRESS: Budget(2, MIB)})
    cache.put(VIEW, "chart", b"{}")
    for i in range(1000):
        cache.put(ADDRESS, f"?junk={i}", b"x")
    assert cache.get(VIEW, "chart") == b"{}" and cache.keys(ADDRESS) == ["?junk=998", "?junk=999"]
    assert cache.get(ADDRESS, "chart") is None  # the same key in another kind is another entry


def test_ca006_pinned_entries_survive_a_flood_of_client_keys():
    cache = AnswerCache({VIEW: Budget(64, 4096)})
    with cache.pinning():
        for i in range(100):
            cache.put(VIEW, ("opening", i), b"o" * 100)  # more than the budget: pinned entries sit outside it
    for i in range(20_000):
        key = ("opening", i % 100) if i % 7 == 0 else ("client", i)
        if cache.get(VIEW, key) is None:
            cache.put(VIEW, key, b"c" * 50)
    assert all(cache.get(VIEW, ("opening", i)) == b"o" * 100 for i in range(100))
    stats = _consistent(cache)[VIEW]
    assert stats["pinned"] == 100 and stats["pinned_bytes"] == 100 * (
        100 + 87
    )  # ("opening", i): 7+8 + 64+8 and stats["entries"] <= 64


def test_ca007_only_the_pinning_thread_pins():
    cache = AnswerCache({VIEW: Budget(1, MIB)})
    inside, go = threading.Event(), threading.Event()

    def warm():
        with cache.pinning():
            cache.put(VIEW, "warm", b"w")
            inside.set()
            go.wait(5)

    thread = threading.Thread(target=warm)
    thread.start()
    inside.wait(5)
    cache.put(VIEW, "client", b"c")  # while the warm-up pins, in another thread
    cache.put(VIEW, "client2", b"c")
    go.set()
    thread.join()
    assert cache.stats()[VIEW]["pinned"] == 1 and cache.keys(VIEW) == ["client2"]
    cache.put(VIEW, "warm", b"other")  # a client cannot replace a pinned answer either
    assert cache.get(VIEW, "warm") == b"w"


def test_ca008_concurrent_writers_keep_every_invariant():
    cache = AnswerCache({kind: Budget(500, 20_000) for kind in KINDS})
    with cache.pinning():
        for i in range(50):
            cache.put(VIEW, ("pinned", i), b"p" * i)
    errors = []
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible

    def client(seed: int):
        rng = random.Random(seed)
        try:
            for _ in range(5_000):
                kind, key = rng.choice((VIEW, ADDRESS, BODY)), rng.randrange(3_000)
                value = bytes(rng.randrange(1, 200))
                assert cache.put(kind, key, value) is value
                kept = cache.get(kind, key)
                assert kept is None or isinstance(kept, bytes)  # evicted meanwhile, or whatever was put last
        except Exception as exc:  # reported below: an assertion in a thread would vanish
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(seed,)) for seed in range(8)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    stats = _consistent(cache)
    assert stats[VIEW]["pinned"] == 50 and all(cache.get(VIEW, ("pinned", i)) == b"p" * i for i in range(50))
    assert all(stats[kind]["entries"] > 0 for kind in (VIEW, ADDRESS, BODY))


def test_ca009_the_size_is_settable_and_split_between_the_kinds():
    whole = budgets()
    assert sum(b.bytes for b in whole.values()) == 32 * MIB  # the default, 32 MB a process
    assert whole[VIEW].bytes > whole[BODY].bytes > whole[ADDRESS].bytes
    small = AnswerCache.from_env({SIZE_ENV: "8"})
    assert {k: p.budget for k, p in small._parts.items()} == budgets(8)
    assert {k: p.budget for k, p in AnswerCache.from_env({})._parts.items()} == whole


@pytest.fixture(scope="module")
def data(dataset) -> AppData:
    return AppData.of(dataset, AnswerCache({ADDRESS: Budget(50, MIB)}))


def test_ca010_a_flood_of_addresses_does_not_evict_a_drawn_chart(data):
    view = {"episode": "both", "window": "3d"}
    drawn = render.drawn_json(CHARTS["drawdowns"], data, view)
    for i in range(2_000):
        url_state.synced(data, True, f"?episode=both&junk={i}", [None] * 6, None, None, None)
    assert render.drawn_json(CHARTS["drawdowns"], data, view)[0] is drawn[0]  # still the kept bytes
    assert len(data.cache.keys(ADDRESS)) == 50


def test_ca011_the_selection_is_kept_in_the_cache(data):
    entity = data.choices.entities[0]
    assert data.selection(entity) == data.selection(entity) and data.selection("no-such") is None
    assert ("entity", entity) in data.cache.keys(VIEW)


def test_ca012_a_key_weighs_what_it_holds():
    """A key made of what a client sent (long text ids, say) counts against the budget, like the value."""
    cache = AnswerCache({ADDRESS: Budget(1000, 10_000)})
    for n in range(50):
        cache.put(ADDRESS, ("words", "en", ("x" * 1000 + str(n),)), b"{}")
    assert cache.stats()[ADDRESS]["bytes"] <= 10_000 and len(cache.keys(ADDRESS)) < 10
    _consistent(cache)


def test_ca013_a_key_of_client_input_is_a_small_digest():
    big = key_of("?" + "x" * 100_000, [{"a": list(range(1000))}])
    assert len(big) == 16 and big != key_of("?" + "x" * 99_999, [{"a": list(range(1000))}])
    assert key_of({"b": 1, "a": 2}) == key_of({"a": 2, "b": 1})  # the same JSON in another order
