"""A data directory with more episodes, for the benchmark's "does the page grow with the data" figures:

    python benchmarks/episodes.py OUT [--episodes 5]

OUT gets the project's data/ with copies of its episode files added until there are N episodes. A copy is its
original under another id and short name ("copy 1 · 6 Feb 2026"); its figures, quotes and conflicts are the
original's, so it validates like the original. Then `BENCH_DATA_DIR=OUT make bench` measures the app serving it."""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from itertools import cycle
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
HEADER_ID = re.compile(r"^(  id: )(\S+)$", re.M)
SHORT = re.compile(r"^(  short: \{en: ')", re.M)


def copy(text: str, n: int) -> str:
    """An episode file's text as copy `n`: a new id, and a short name that says it is a copy."""
    text, ids = HEADER_ID.subn(lambda m: f"{m.group(1)}{m.group(2)}-copy{n}", text, count=1)
    text, shorts = SHORT.subn(lambda m: f"{m.group(1)}copy {n} · ", text, count=1)
    if not (ids and shorts):
        raise ValueError("an episode header with an id and a short name was expected")
    return text


def build(out: Path, episodes: int) -> list[Path]:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(DATA, out, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    originals = sorted((out / "episodes").glob("*.yaml"))
    written = []
    for n, path in zip(range(1, episodes - len(originals) + 1), cycle(originals), strict=False):
        target = path.with_name(f"{path.stem}-copy{n}.yaml")
        target.write_text(copy(path.read_text(encoding="utf-8"), n), encoding="utf-8")
        written.append(target)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--episodes", type=int, default=5)
    args = parser.parse_args(argv)
    written = build(args.out, args.episodes)
    print(f"{args.out}: {len(written)} copies added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
