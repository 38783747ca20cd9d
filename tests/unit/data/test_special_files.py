"""A data directory can hold things that are not files to read: a FIFO, a link to a device, a huge sparse
file. Each is refused at once with a plain reason, nothing blocks or fills memory, and the other episodes are
still served (the README's promise: a bad file is left out and the rest served)."""

from __future__ import annotations

import os
import resource
import threading
from pathlib import Path

import pytest

from app import main
from data import load_dataset
from data.validate import validate


def _finishes(fn, seconds: float = 20.0):
    """fn()'s result, failing the test (instead of hanging it) when fn has not returned in `seconds`."""
    out: list = []
    worker = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert out, f"did not return within {seconds} s"
    return out[0]


def _served(data_copy) -> set[str]:
    return set(load_dataset(data_copy).episodes["id"])


def test_sf001_a_fifo_is_refused_without_blocking(data_copy):
    fifo = data_copy / "episodes" / "x.yaml"
    os.mkfifo(fifo)
    (report,) = _finishes(lambda: validate([str(fifo)], data_copy))
    assert "not a regular file (a FIFO)" in str(report.issues[0])
    assert _finishes(lambda: _served(data_copy)) == {"jan-2026-sell-america", "feb-2026-crash"}


def test_sf002_a_link_to_dev_zero_is_refused(data_copy):
    link = data_copy / "episodes" / "zero.yaml"
    link.symlink_to("/dev/zero")
    (report,) = _finishes(lambda: validate([str(link)], data_copy))
    assert "not a regular file (a character device)" in str(report.issues[0])
    assert _finishes(lambda: _served(data_copy)) == {"jan-2026-sell-america", "feb-2026-crash"}


def test_sf003_a_huge_sparse_file_is_refused_before_it_is_read(data_copy):
    big = data_copy / "episodes" / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(2 << 30)  # 2 GiB of holes: reading it would cost 2 GiB of memory
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    (report,) = _finishes(lambda: validate([str(big)], data_copy))
    assert "file is 2,147,483,648 bytes; the limit is" in str(report.issues[0])
    assert _finishes(lambda: _served(data_copy)) == {"jan-2026-sell-america", "feb-2026-crash"}
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024


def test_sf004_validate_lists_every_special_file_and_exits_1(data_copy, capsys):
    os.mkfifo(data_copy / "episodes" / "fifo.yaml")
    (data_copy / "episodes" / "zero.yaml").symlink_to("/dev/zero")
    (data_copy / "episodes" / "deep.yaml").write_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    code = _finishes(lambda: main(["validate", "--data", str(data_copy)]))
    out = capsys.readouterr().out
    assert code == 1
    assert "fifo.yaml: not a regular file (a FIFO)" in out
    assert "zero.yaml: not a regular file (a character device)" in out
    assert "deep.yaml:1:" in out and "levels deep" in out
    assert "Traceback" not in out


@pytest.mark.parametrize("name", ["sources.yaml", "vocabulary.yaml"])
def test_sf005_a_special_registry_file_is_reported_too(data_copy, name):
    target = data_copy / name
    target.unlink()
    os.mkfifo(target)
    ds = _finishes(lambda: load_dataset(data_copy))
    assert any("not a regular file (a FIFO)" in str(i) for r in ds.rejected for i in r.issues)
    assert Path(target).exists()
