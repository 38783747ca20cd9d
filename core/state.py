"""The view state and its URL form. Pure: `parse` never raises, and `parse(serialise(s)) == s`.

    ?episode=feb-2026-crash&classes=crypto,energy&asset=btc&window=day&tab=context&data=drawdowns&lang=zh&theme=dark

Every parameter is optional; a missing, unknown or malformed value falls back to its default, and the
canonical URL leaves defaults out. Valid values come from the loaded data (`Choices.from_frames`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from urllib.parse import parse_qs, urlencode

import pandas as pd

from data.columns import C
from data.select import BOTH, DEFAULT_WINDOW, WINDOW_GROUPS
from i18n import LANGS

THEMES = ("light", "dark")
TABS = ("crash", "context")
PARAMS = ("episode", "classes", "asset", "window", "tab", "data", "lang", "theme")
MAX_QUERY = 2048  # longer query strings are junk: fall back to defaults rather than parse them
_ENTITY_FRAMES = ("assets", "funds", "holders", "indicators", "exchanges")


@dataclass(frozen=True)
class Choices:
    """The values each parameter may take, from the loaded data."""

    episodes: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    charts: tuple[str, ...] = ()

    @classmethod
    def from_frames(cls, frames: dict[str, pd.DataFrame], charts: tuple[str, ...] = ()) -> Choices:
        entities = [i for name in _ENTITY_FRAMES for i in frames[name][C.ID]]
        return cls(
            tuple(frames["episodes"][C.ID]),
            tuple(frames["classes"][C.ID]),
            tuple(dict.fromkeys(entities)),
            tuple(charts),
        )

    @property
    def default_episode(self) -> str:
        return self.episodes[-1] if self.episodes else BOTH


@dataclass(frozen=True)
class State:
    episode: str = BOTH
    classes: tuple[str, ...] = ()  # empty: every class
    asset: str | None = None  # the selected asset, fund, exchange ... (cross-filter)
    window: str = DEFAULT_WINDOW
    tab: str = TABS[0]
    data: tuple[str, ...] = field(default=())  # charts whose data table is open
    lang: str = LANGS[0]
    theme: str = THEMES[0]

    def to_dict(self) -> dict:
        d = asdict(self)
        d["classes"], d["data"] = list(self.classes), list(self.data)
        return d

    def with_(self, **changes) -> State:
        return replace(self, **changes)


def default(choices: Choices) -> State:
    return State(episode=choices.default_episode)


def _one(value, allowed) -> str | None:
    return value if isinstance(value, str) and value in allowed else None


def _many(value, allowed) -> tuple[str, ...]:
    """Known items of a comma list (or list), deduplicated, in the canonical order of `allowed`."""
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, (list, tuple)):
        items = [v for v in value if isinstance(v, str)]
    else:
        return ()
    wanted = {i.strip() for i in items}
    return tuple(a for a in allowed if a in wanted)


def from_values(values: dict, choices: Choices) -> State:
    """A valid state from loose values (a parsed query or a control's output); unknown keys are ignored."""
    if not isinstance(values, dict):
        values = {}
    base = default(choices)
    episode = _one(values.get("episode"), (*choices.episodes, BOTH)) or base.episode
    classes = _many(values.get("classes"), choices.classes)
    if len(classes) == len(choices.classes):
        classes = ()  # all ticked is the same view as none ticked
    return State(
        episode=episode,
        classes=classes,
        asset=_one(values.get("asset"), choices.entities),
        window=_one(values.get("window"), WINDOW_GROUPS) or base.window,
        tab=_one(values.get("tab"), TABS) or base.tab,
        data=_many(values.get("data"), choices.charts),
        lang=_one(values.get("lang"), LANGS) or base.lang,
        theme=_one(values.get("theme"), THEMES) or base.theme,
    )


def parse(search: str | None, choices: Choices) -> State:
    """The state a query string asks for (with or without its leading '?')."""
    if not isinstance(search, str) or len(search) > MAX_QUERY:
        return default(choices)
    try:
        query = parse_qs(search.lstrip("?"), keep_blank_values=False, max_num_fields=len(PARAMS) * 4)
    except ValueError:
        return default(choices)
    return from_values({k: v[0] for k, v in query.items() if k in PARAMS and v}, choices)


def serialise(state: State, choices: Choices) -> str:
    """The canonical query string of a state, '?…' or '' when every value is the default."""
    base = default(choices)
    pairs = []
    for name in PARAMS:
        value = getattr(state, name)
        if value == getattr(base, name) or value in (None, ()):
            continue
        pairs.append((name, ",".join(value) if isinstance(value, tuple) else value))
    return "?" + urlencode(pairs, safe=",") if pairs else ""
