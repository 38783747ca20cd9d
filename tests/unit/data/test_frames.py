"""Frames are built once per process, and building them is pure: same files, same frames."""

from __future__ import annotations

import pandas as pd

from data import DEFAULT_DIR, load_dataset
from data.frames import build_frames
from data.loader import episode_files, read_context, read_episodes


def _build(root):
    ctx, registry, vocab, _ = read_context(root)
    docs, _ = read_episodes(episode_files(root), root, ctx, True)
    return build_frames(docs, registry, vocab)


def test_same_input_gives_equal_frames():
    first, second = _build(DEFAULT_DIR), _build(DEFAULT_DIR)
    assert first.keys() == second.keys()
    for name in first:
        pd.testing.assert_frame_equal(first[name], second[name], check_exact=True)


def test_dataset_is_cached_per_process():
    assert load_dataset(DEFAULT_DIR) is load_dataset(str(DEFAULT_DIR))


def test_cache_follows_the_files(data_copy):
    before = load_dataset(data_copy)
    path = data_copy / "episodes" / "2026-02-cross-asset-crash.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = load_dataset(data_copy)
    assert after is not before
    pd.testing.assert_frame_equal(before.frames["moves"], after.frames["moves"])


def test_row_order_follows_the_files(dataset):
    moves = dataset.frames["moves"]
    assert list(moves["episode"].unique()) == ["jan-2026-sell-america", "feb-2026-crash"]
    jan = moves[moves["episode"] == "jan-2026-sell-america"]
    assert jan["line"].is_monotonic_increasing
