"""Pydantic models of one record of each table, and of the registry, vocabulary and episode headers.

Models check shape and types only (strict: no coercion, unknown keys rejected, NaN and infinity rejected).
Rules that need other records or other files live in checks.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, StringConstraints, model_validator

from i18n import LANGS

from . import schema as S

Finite = Annotated[float, Field(allow_inf_nan=False)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
Weekday = Annotated[str, StringConstraints(pattern=r"^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$")]


@dataclass(frozen=True, order=True)
class DateSpec:
    """A date known to a day, a month ('2026-01') or a year ('2013')."""

    start: dt.date
    precision: str  # "day" | "month" | "year"

    def __str__(self) -> str:
        return {"day": self.start.isoformat(), "month": self.start.strftime("%Y-%m"), "year": str(self.start.year)}[
            self.precision
        ]


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def _datespec(raw: object) -> DateSpec:
    if isinstance(raw, DateSpec):
        return raw
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return DateSpec(raw, "day")
    if isinstance(raw, str):
        if m := _MONTH.match(raw):
            year, month = int(m[1]), int(m[2])
            if 1 <= month <= 12:
                return DateSpec(dt.date(year, month, 1), "month")
            raise ValueError(f"'{raw}' has no month {month}")
        if m := _YEAR.match(raw):
            return DateSpec(dt.date(int(m[1]), 1, 1), "year")
    if isinstance(raw, int) and not isinstance(raw, bool):
        raise ValueError(f"write a year as text: '{raw}'")
    raise ValueError("expected a date (2026-01-20), a month in quotes ('2026-01') or a year in quotes ('2013')")


When = Annotated[DateSpec, PlainValidator(_datespec)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Label(BaseModel):
    """Text in each language the interface speaks (i18n.LANGS): English is required, any other language is
    optional and reads English until it is written. A third language is then its catalogue plus these labels.

    `Label(en="Bitcoin", zh="比特币")`; `label.text("zh")`; `label.model_dump()` gives every language written."""

    model_config = ConfigDict(extra="allow", strict=True, frozen=True)
    __pydantic_extra__: dict[str, Text] = Field(init=False)  # the other languages, checked as text

    en: Text

    @model_validator(mode="after")
    def _known_languages(self) -> Label:
        unknown = sorted(set(self.__pydantic_extra__ or {}) - set(LANGS))
        if unknown:
            raise ValueError(
                f"unknown language {', '.join(repr(u) for u in unknown)}; the languages are {', '.join(LANGS)} (i18n)"
            )
        return self

    def text(self, lang: str) -> str:
        """The label in `lang`, or in English when it is not written in that language."""
        return (self.__pydantic_extra__ or {}).get(lang) or self.en


class Derive(Strict):
    """How code computes a derived figure from other records of the same table (by id)."""

    op: Literal[tuple(S.DERIVE_OPS)]  # type: ignore[valid-type]
    inputs: list[Id] = Field(min_length=1)
    total: Finite | None = None


class Record(Strict):
    id: Id
    note: Label | None = None
    source: Text | None = None
    outlet: Id | None = None
    quote: Text | None = None
    quote_en: Text | None = None  # a faithful English translation of the quote, required with it
    # another record of this table that states the same figure, in other words or with another date (a summary
    # table restating the text): this one is kept as a claim, the other is the one drawn
    restates: Id | None = None


class Dated(Record):
    date: When | None = None
    end: When | None = None
    date_basis: Literal[S.DATE_BASES] = "stated"  # type: ignore[valid-type]
    date_note: Text | None = None
    weekday: Weekday | None = None


class Figure(Dated):
    value: Finite | None = None
    low: Finite | None = None
    high: Finite | None = None
    bound: Literal[S.BOUNDS] = "exact"  # type: ignore[valid-type]
    unit: Literal[tuple(S.UNITS)]  # type: ignore[valid-type]
    derive: Derive | None = None


class MarketRow(Figure):
    """A move or level of one asset (moves and rates tables)."""

    asset: Id
    metric: Id
    window: Literal[S.WINDOWS] | None = None  # type: ignore[valid-type]


class LiquidationRow(Figure):
    dimension: Literal[S.LIQUIDATION_DIMENSIONS]  # type: ignore[valid-type]
    metric: Id
    exchange: Id | None = None
    side: Literal[S.SIDES] | None = None  # type: ignore[valid-type]
    leverage: Literal[S.LEVERAGE_BUCKETS] | None = None  # type: ignore[valid-type]
    window: Literal[S.WINDOWS] | None = None  # type: ignore[valid-type]


class FlowRow(Figure):
    """A fund flow over the period date..end (signed: negative is money out)."""

    fund: Id
    metric: Id


class MacroRow(Figure):
    """One value of a macro release: its actual, expected or prior figure for the reference period."""

    indicator: Id
    measure: Id
    period: When | None = None


class HoldingRow(Figure):
    """What a holder held of an asset, as of `date`."""

    holder: Id
    asset: Id
    metric: Id


class ForecastRow(Figure):
    by: Id
    subject: Id
    metric: Id
    kind: Literal[S.FORECAST_KINDS]  # type: ignore[valid-type]
    status: Literal[S.FORECAST_STATUS] = "current"  # type: ignore[valid-type]
    horizon: Label | None = None


class ScenarioRow(Figure):
    name: Label
    assumption: Label
    impact: Label
    metric: Literal["probability"] = "probability"


class EventRow(Dated):
    title: Label
    category: Literal[S.EVENT_CATEGORIES]  # type: ignore[valid-type]
    status: Literal[S.EVENT_STATUS] = "occurred"  # type: ignore[valid-type]
    assets: list[Id] = Field(default_factory=list)
    countries: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = Field(default_factory=list)


class ConflictRow(Strict):
    id: Id
    kind: Literal[S.CONFLICT_KINDS]  # type: ignore[valid-type]
    severity: Literal[S.CONFLICT_SEVERITY]  # type: ignore[valid-type]
    topic: Label
    claims: list[Annotated[str, StringConstraints(pattern=r"^([a-z0-9][a-z0-9_.-]*:)?[a-z0-9][a-z0-9_.-]*$")]] = Field(
        min_length=1
    )
    note: Label
    # arithmetic that shows the contradiction (a price span as a fall, points as a percentage), computed by code
    # from records of this episode and shown with the conflict: never drawn as a market move
    arithmetic: list[Derive] = Field(default_factory=list)


ROW_MODELS: dict[str, type[Strict]] = {
    "moves": MarketRow,
    "rates": MarketRow,
    "liquidations": LiquidationRow,
    "flows": FlowRow,
    "macro": MacroRow,
    "holdings": HoldingRow,
    "forecasts": ForecastRow,
    "scenarios": ScenarioRow,
    "events": EventRow,
    "conflicts": ConflictRow,
}


class EpisodeHeader(Strict):
    id: Id
    title: Label
    short: Label | None = None  # the title as the episode control shows it ('6 Feb 2026'); the title when absent
    summary: Label
    start: dt.date
    end: dt.date
    window_start: dt.date
    window_end: dt.date
    # the records the episode opens with, under its headline: stated figures (not restated, not derived)
    key_figures: list[Id] = Field(default_factory=list, max_length=6)


class EpisodeFile(Strict):
    """Top level of an episode file; the tables are lists checked record by record."""

    schema_version: Literal[1] = Field(alias="schema")
    episode: dict
    moves: list[dict] = Field(default_factory=list)
    rates: list[dict] = Field(default_factory=list)
    liquidations: list[dict] = Field(default_factory=list)
    flows: list[dict] = Field(default_factory=list)
    macro: list[dict] = Field(default_factory=list)
    holdings: list[dict] = Field(default_factory=list)
    forecasts: list[dict] = Field(default_factory=list)
    scenarios: list[dict] = Field(default_factory=list)
    events: list[dict] = Field(default_factory=list)
    conflicts: list[dict] = Field(default_factory=list)


# ---- registry and vocabulary --------------------------------------------------------------------------------


class Outlet(Strict):
    id: Id
    name: Label


class Source(Strict):
    file: Annotated[str, StringConstraints(pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")]
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    title: Label
    kind: Label
    date: dt.date | None = None
    date_note: Text | None = None
    outlets: list[Id] = Field(default_factory=list)


class SourcesFile(Strict):
    schema_version: Literal[1] = Field(alias="schema")
    sources: list[Source] = Field(min_length=1)
    outlets: list[Outlet] = Field(default_factory=list)


class AssetClass(Strict):
    id: Id
    label: Label


class Asset(Strict):
    id: Id
    asset_class: Id = Field(alias="class")
    label: Label
    short: Label | None = None
    ticker: Text | None = None
    aliases: list[Text] = Field(default_factory=list)  # other names a reader may search it by, in any language


class Named(Strict):
    """A fund, holder, indicator or exchange: an id, a label and (optionally) the asset class it belongs to."""

    id: Id
    label: Label
    asset_class: Id | None = Field(default=None, alias="class")
    aliases: list[Text] = Field(default_factory=list)  # other names a reader may search it by, in any language


# the lists of vocabulary.yaml; every one but `classes` names items that belong to an asset class
VOCABULARIES = ("classes", "assets", "funds", "holders", "indicators", "exchanges")


class VocabularyFile(Strict):
    schema_version: Literal[1] = Field(alias="schema")
    classes: list[AssetClass] = Field(min_length=1)
    assets: list[Asset] = Field(min_length=1)
    funds: list[Named] = Field(default_factory=list)
    holders: list[Named] = Field(default_factory=list)
    indicators: list[Named] = Field(default_factory=list)
    exchanges: list[Named] = Field(default_factory=list)
