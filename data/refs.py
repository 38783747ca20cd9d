"""References between records and conflicts, scoped by episode.

Record and conflict ids are unique within their episode only, so two episodes may both have a `btc-low` or a
`calendar-dow` conflict. A reference names another episode's record or conflict as `episode-id:id`; a bare id is
one of the referring record's own episode. A record's `conflict_ids` column lists its conflicts this way, so a
lookup never mixes the claims of two episodes.
"""

from __future__ import annotations

Key = tuple[str, str]  # (episode, id)


def parse(ref: str, home: str) -> Key:
    """(episode, id) of a reference written in episode `home`."""
    episode, sep, rid = str(ref).partition(":")
    return (episode, rid) if sep else (str(home), episode)


def write(key: Key, home: str) -> str:
    """A reference to `key` as written in episode `home`: bare when it is home's own."""
    episode, rid = key
    return rid if str(episode) == str(home) else f"{episode}:{rid}"


def keys(refs: str, home: str) -> list[Key]:
    """Every (episode, id) of a comma-separated list of references written in `home`."""
    return [parse(r, home) for r in str(refs or "").split(",") if r]
