"""Frames whose every label, title and quote starts with markup, for the tests that check it stays text."""
from __future__ import annotations

from data.columns import C
from data.frames import _records

HOSTILE = '<img src=x onerror=alert(1)><b>bold</b>'


def hostile_frames(dataset, text: str = HOSTILE) -> dict:
    """A copy of the dataset's frames with `text` before every English and Chinese text and every quote."""
    frames = {name: df.copy() for name, df in dataset.frames.items() if name != "records"}
    for df in frames.values():
        for col in df.columns:
            if col.endswith(("_en", "_zh")) or col == C.QUOTE:
                df[col] = df[col].astype(object).map(lambda v: text + v if isinstance(v, str) and v else v)
    frames["records"] = _records(frames)
    return frames
