"""A slide's words as shown: its placeholders replaced by the figures and dates of the records they name.

`{record-id}` becomes the record's value text ("−12.81%", "≈ $63,860"), `{date:record-id}` its date text
("6 Feb 2026"), and `{episode-id:record-id}` names the episode (see data/stories.py for the rules). The result is
plain text, to be rendered as text (never as HTML). Stories are checked when loaded, so every placeholder of a
shipped story resolves; one that does not (a story written against other data) shows as a dash, never as braces.
"""

from __future__ import annotations

from charts.kit.provenance import date_text, value_text
from data.stories import PLACEHOLDER, candidates, parse_ref

MISSING = "—"


def resolve(text: str, frames: dict, episode: str, lang: str) -> str:
    """`text` with each placeholder replaced, for a view of `episode` (an episode id or 'both') in `lang`."""

    def one(match) -> str:
        ref = parse_ref(match[1])
        found = candidates(ref, episode, frames) if ref else []
        if not found:
            return MISSING
        row = frames["records"].loc[found[0]]
        return (date_text(row, lang) if ref.date else value_text(row, lang)) or MISSING

    return PLACEHOLDER.sub(one, str(text)).replace("{", "").replace("}", "")
