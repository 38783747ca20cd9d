"""Pure selection over the frames: which records a view shows. Frame in, frame out; no Dash imports.

Every chart draws `shown(...)` rows, and its data table and CSV are the same rows, so what is drawn, what is
listed and what is downloaded cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import refs
from .columns import ENTITY_KEY, C

BOTH = "both"

# Window groups of the drawdown switch: the first groups the one-day moves however the seed words them.
WINDOW_GROUPS: dict[str, tuple[str, ...]] = {
    "day": ("1d", "intraday", "24h"),
    "2d": ("2d",),
    "3d": ("3d",),
    "5d": ("5d",),
    "7d": ("7d",),
    "3w": ("3w",),
    "month": ("month",),
    "ytd": ("ytd",),
    "from_peak": ("from_peak",),
    "overnight": ("overnight",),
    "unstated": ("unstated",),
}
DEFAULT_WINDOW = "day"

# metrics that are a price on a date: the points of a path view
LEVEL_METRICS = ("peak", "high", "level", "close", "low")


def episode_ids(choice: str, available: Iterable[str]) -> list[str]:
    """The episodes a view shows: one id, or every loaded episode for 'both'."""
    available = list(available)
    if choice == BOTH:
        return available
    return [choice] if choice in available else available[-1:]


def drawable(frames: dict, table: str) -> pd.DataFrame:
    """The records of `table` a chart may draw: all but those that restate another record's figure (a summary
    table restating the text, kept as a claim of a conflict). Every chart starts from here, so that one figure is
    never drawn twice; the restated claims stay in the records, the conflicts and the data package."""
    df = frames[table]
    return df[df[C.RESTATES] == ""] if C.RESTATES in df.columns else df


def in_episodes(df: pd.DataFrame, episodes: Iterable[str]) -> pd.DataFrame:
    return df[df[C.EPISODE].astype(str).isin(list(episodes))]


def in_classes(df: pd.DataFrame, classes: Iterable[str]) -> pd.DataFrame:
    """Rows of the given asset classes; no classes means no filter."""
    classes = list(classes)
    if not classes:
        return df
    return df[df[C.ASSET_CLASS].astype(str).isin(classes)]


def tag(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """A copy with `table` and `entity` columns, so rows from any table share one shape."""
    out = df.copy()
    out[C.TABLE] = table
    out[C.ENTITY] = out[ENTITY_KEY[table]].astype(str)
    return out


def pct_moves(moves: pd.DataFrame, window: str) -> pd.DataFrame:
    """Percentage changes over one window group (level moves in points and market-cap changes are elsewhere)."""
    windows = WINDOW_GROUPS.get(window, WINDOW_GROUPS[DEFAULT_WINDOW])
    keep = (moves[C.METRIC] == "change") & (moves[C.UNIT] == "pct") & moves[C.WINDOW].isin(windows)
    return moves[keep]


def windows_present(moves: pd.DataFrame) -> list[str]:
    """Window groups that have at least one percentage change, in switch order."""
    changes = moves[(moves[C.METRIC] == "change") & (moves[C.UNIT] == "pct")]
    have = set(changes[C.WINDOW])
    return [g for g, members in WINDOW_GROUPS.items() if have.intersection(members)]


def magnitude(df: pd.DataFrame) -> pd.Series:
    """The size a bar is sorted by: the value, or the far end of a range."""
    far = df[[C.LOW, C.HIGH]].abs().max(axis=1)
    return df[C.VALUE].abs().fillna(far)


def shared_entities(df: pd.DataFrame, episodes: list[str]) -> list[str]:
    """Entities with rows in every one of `episodes`, in first-seen order."""
    sets = [set(df.loc[df[C.EPISODE].astype(str) == ep, C.ENTITY]) for ep in episodes]
    common = set.intersection(*sets) if sets else set()
    return [e for e in dict.fromkeys(df[C.ENTITY]) if e in common]


def conflict(frames: dict, key: refs.Key) -> pd.Series | None:
    """The conflict (episode, id), or None when it is not loaded."""
    table = frames["conflicts"]
    hit = table[(table[C.EPISODE].astype(str) == key[0]) & (table[C.ID] == key[1])]
    return hit.iloc[0] if len(hit) else None


def claims_of(frames: dict, key: refs.Key) -> pd.DataFrame:
    """The claims of the conflict (episode, id), in the order its file lists them."""
    claims = frames["conflict_claims"]
    return claims[(claims[C.EPISODE].astype(str) == key[0]) & (claims[C.CONFLICT_ID] == key[1])]
