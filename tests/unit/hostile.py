"""Frames, and data directories, whose every label, title and quote starts with markup, for the tests that check
it stays text."""

from __future__ import annotations

from pathlib import Path

import yaml

from data.columns import C
from data.frames import _records

HOSTILE = "<img src=x onerror=alert(1)><b>bold</b>"


def hostile_frames(dataset, text: str = HOSTILE) -> dict:
    """A copy of the dataset's frames with `text` before every English and Chinese text and every quote."""
    frames = {name: df.copy() for name, df in dataset.frames.items() if name != "records"}
    for df in frames.values():
        for col in df.columns:
            if col.endswith(("_en", "_zh")) or col == C.QUOTE:
                df[col] = df[col].astype(object).map(lambda v: text + v if isinstance(v, str) and v else v)
    frames["records"] = _records(frames)
    return frames


# Markup, a script, an event handler, javascript: links in HTML and markdown, and an entity, with no digit and no
# brace, so that story files (whose words may hold neither) accept it too. Any of it that ran would set __pwned.
HOSTILE_TEXT = (
    "<script>__pwned=true</script><img src=x onerror=__pwned=true>"
    '<a href="javascript:__pwned=true">link</a>[md](javascript:__pwned=true) **b** &amp; '
)
TEXT_FIELDS = ("quote", "date_note", "ticker")  # free text outside the {en, zh} labels


def _poison(node, text: str):
    if isinstance(node, dict):
        if set(node) == {"en", "zh"} and all(isinstance(v, str) for v in node.values()):
            return {lang: text + v for lang, v in node.items()}
        return {k: text + v if k in TEXT_FIELDS and isinstance(v, str) else _poison(v, text) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(v, text) for v in node]
    return node


def hostile_data(source: Path, target: Path, text: str = HOSTILE_TEXT) -> Path:
    """A copy of the data directory `source` at `target` with `text` before every label (English and Chinese:
    titles, summaries, notes, names, topics, assumptions, slide titles and notes) and every quote, date note and
    ticker. Ids, numbers and dates are untouched, so every file still validates."""
    for path in sorted(source.rglob("*.yaml")):
        out = target / path.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        data = _poison(yaml.safe_load(path.read_text(encoding="utf-8")), text)
        out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return target
