"""Rules that need more than one record: references, units, dates, provenance, derivations, conflicts.

Each check yields ``(path, message)``; the loader turns paths into file:line:column.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import schema as S
from .models import (
    VOCABULARIES,
    Derive,
    EpisodeHeader,
    EventRow,
    Figure,
    FlowRow,
    ForecastRow,
    HoldingRow,
    LiquidationRow,
    MacroRow,
    MarketRow,
    SourcesFile,
    VocabularyFile,
)
from .quotes import quote_supports, translation_supports

Problem = tuple[tuple, str]


@dataclass
class Context:
    """What episode files are checked against: the registry and the shared vocabulary."""

    sources: dict = field(default_factory=dict)  # file name -> Source
    outlets: dict = field(default_factory=dict)  # id -> Outlet
    classes: dict = field(default_factory=dict)
    assets: dict = field(default_factory=dict)
    funds: dict = field(default_factory=dict)
    holders: dict = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)
    exchanges: dict = field(default_factory=dict)

    @classmethod
    def build(cls, registry: SourcesFile | None, vocab: VocabularyFile | None) -> Context:
        ctx = cls()
        if registry:
            ctx.sources = {s.file: s for s in registry.sources}
            ctx.outlets = {o.id: o for o in registry.outlets}
        if vocab:
            for name in VOCABULARIES:
                setattr(ctx, name, {item.id: item for item in getattr(vocab, name)})
        return ctx


def _unknown(kind: str, value: str, known) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {kind} '{value}'{hint}"


def check_registry(reg: SourcesFile) -> Iterator[Problem]:
    outlet_ids = [o.id for o in reg.outlets]
    yield from _duplicates(outlet_ids, ("outlets",), "id")
    yield from _duplicates([s.file for s in reg.sources], ("sources",), "file")
    for i, src in enumerate(reg.sources):
        for j, outlet in enumerate(src.outlets):
            if outlet not in outlet_ids:
                yield ("sources", i, "outlets", j), _unknown("outlet", outlet, outlet_ids)


def check_vocabulary(voc: VocabularyFile) -> Iterator[Problem]:
    class_ids = [c.id for c in voc.classes]
    for name in VOCABULARIES:
        yield from _duplicates([x.id for x in getattr(voc, name)], (name,), "id")
    for name in VOCABULARIES[1:]:
        for i, item in enumerate(getattr(voc, name)):
            if item.asset_class is not None and item.asset_class not in class_ids:
                yield (name, i, "class"), _unknown("asset class", item.asset_class, class_ids)


def _duplicates(ids: list[str], path: tuple, key: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, x in enumerate(ids):
        if x in seen:
            yield path + (i, key), f"duplicate {key} '{x}' (first at [{seen[x]}])"
        seen.setdefault(x, i)


def check_header(h: EpisodeHeader) -> Iterator[Problem]:
    if h.start > h.end:
        yield ("episode", "end"), f"end {h.end} is before start {h.start}"
    if not (h.window_start <= h.start and h.end <= h.window_end):
        yield ("episode", "window_start"), "the window must contain the episode's start and end"


def check_key_figures(h: EpisodeHeader, figures: dict) -> Iterator[Problem]:
    """The figures an episode opens with are stated ones of its own file: a reader takes them as the story."""
    for i, rid in enumerate(h.key_figures):
        row, at = figures.get(rid), ("episode", "key_figures", i)
        if row is None:
            yield at, _unknown("figure", rid, figures)
        elif row.derive is not None or row.restates is not None:
            yield (
                at,
                f"'{rid}' is {'derived' if row.derive is not None else 'a restated claim'}: open on a stated figure",
            )
        elif h.key_figures.index(rid) != i:
            yield at, f"'{rid}' is listed twice"


def check_provenance(row, path: tuple, ctx: Context) -> Iterator[Problem]:
    derived = isinstance(row, Figure) and row.derive is not None
    if derived:
        for name in ("source", "outlet", "quote", "quote_en"):
            if getattr(row, name) is not None:
                yield path + (name,), f"a derived figure takes its {name} from its inputs; remove '{name}'"
        return
    if row.source is None:
        yield path + ("source",), "source is required: the seed file the figure comes from"
    elif row.source not in ctx.sources:
        yield path + ("source",), _unknown("source", row.source, ctx.sources)
    if row.quote is None:
        yield path + ("quote",), "quote is required: the seed's exact words"
    elif row.quote_en is None:
        yield path + ("quote_en",), "quote_en is required: a faithful English translation of the quote"
    if row.quote_en is not None and "**" in row.quote_en:
        yield path + ("quote_en",), "the translation is plain text: leave out the source's ** emphasis"
    if row.outlet is not None:
        if row.outlet not in ctx.outlets:
            yield path + ("outlet",), _unknown("outlet", row.outlet, ctx.outlets)
        elif row.source in ctx.sources and row.outlet not in ctx.sources[row.source].outlets:
            yield path + ("outlet",), f"outlet '{row.outlet}' is not among the outlets {row.source} cites"


def check_figure(row: Figure, table: str, path: tuple) -> Iterator[Problem]:
    metric = getattr(row, "measure", None) or getattr(row, "metric", None)
    allowed = S.METRIC_UNITS[table]
    if metric not in allowed:
        yield (
            path + ("measure" if table == "macro" else "metric",),
            f"unknown {table} metric '{metric}'; expected one of: {', '.join(sorted(allowed))}",
        )
    elif row.unit not in allowed[metric]:
        yield (
            path + ("unit",),
            f"unit '{row.unit}' does not fit {metric}; expected one of: {', '.join(sorted(allowed[metric]))}",
        )
    if (table, metric) in S.NEEDS_WINDOW and getattr(row, "window", None) is None:
        yield path + ("window",), f"a {metric} needs the window it was measured over"
    has_point, has_range = row.value is not None, row.low is not None or row.high is not None
    if row.derive is not None:
        if has_point or has_range:
            yield path + ("value",), "a derived figure is computed by code; remove its value"
        return
    if has_point and has_range:
        yield path + ("value",), "give either value or low/high, not both"
    elif not has_point and not has_range:
        yield path + ("value",), "value is required (or low and high for a range)"
    elif has_range:
        if row.low is None or row.high is None:
            yield path + ("low" if row.low is None else "high",), "a range needs both low and high"
        elif row.low > row.high:
            yield path + ("low",), f"low ({row.low:g}) is greater than high ({row.high:g})"
    if row.quote is not None:
        factor = S.UNITS[row.unit].factor
        for name in ("value", "low", "high"):
            v = getattr(row, name)
            if v is not None and not quote_supports(row.quote, v, factor):
                yield path + (name,), f"{abs(v):g} ({row.unit}) does not appear in the quote"
            elif v is not None and row.quote_en is not None and not translation_supports(row.quote_en, v, factor):
                yield (
                    path + ("quote_en",),
                    (
                        f"{abs(v):g} ({row.unit}) does not appear in the translation: keep the "
                        "source's figure (20.69亿美元 is $2.069 billion)"
                    ),
                )


def check_dates(row, table: str, path: tuple, h: EpisodeHeader) -> Iterator[Problem]:
    when, end = getattr(row, "date", None), getattr(row, "end", None)
    if when is not None:
        if table in ("holdings", "forecasts"):
            if when.start > h.end:
                yield path + ("date",), f"{when} is after the episode ends ({h.end})"
        elif not (h.window_start <= when.start <= h.window_end):
            yield path + ("date",), f"{when} is outside the episode window {h.window_start}..{h.window_end}"
    if end is not None:
        if when is None:
            yield path + ("end",), "end needs a date to start from"
        elif end.start < when.start:
            yield path + ("end",), f"end {end} is before date {when}"
        elif table not in ("holdings", "forecasts") and end.start > h.window_end:
            yield path + ("end",), f"{end} is outside the episode window {h.window_start}..{h.window_end}"
    weekday = getattr(row, "weekday", None)
    if weekday is not None:
        if when is None or when.precision != "day":
            yield path + ("weekday",), "a stated weekday needs a date given to the day"
        elif ("-" in weekday) != (end is not None):
            yield path + ("weekday",), "a weekday range (tue-wed) goes with a date range (date and end)"
    if getattr(row, "date_basis", "stated") != "stated" and getattr(row, "date_note", None) is None:
        yield path + ("date_note",), "a date that is not stated in the seed needs a date_note saying how it was set"


def check_refs(row, table: str, path: tuple, ctx: Context) -> Iterator[Problem]:
    refs = {
        MarketRow: [("asset", ctx.assets, "asset")],
        HoldingRow: [("asset", ctx.assets, "asset"), ("holder", ctx.holders, "holder")],
        ForecastRow: [("subject", ctx.assets, "asset"), ("by", ctx.outlets, "outlet")],
        FlowRow: [("fund", ctx.funds, "fund")],
        MacroRow: [("indicator", ctx.indicators, "indicator")],
        LiquidationRow: [("exchange", ctx.exchanges, "exchange")],
    }.get(type(row), [])
    for name, known, kind in refs:
        value = getattr(row, name)
        if value is not None and value not in known:
            yield path + (name,), _unknown(kind, value, known)
    if isinstance(row, EventRow):
        for i, asset in enumerate(row.assets):
            if asset not in ctx.assets:
                yield path + ("assets", i), _unknown("asset", asset, ctx.assets)
    if isinstance(row, LiquidationRow):
        needs = {"exchange": "exchange", "side": "side", "leverage": "leverage"}
        for dim, name in needs.items():
            given = getattr(row, name) is not None
            if (row.dimension == dim) != given:
                verb = "needs" if row.dimension == dim else "cannot have"
                yield path + (name,), f"a '{row.dimension}' liquidation row {verb} a {name}"


def check_derive(row: Figure, path: tuple, by_id: dict) -> Iterator[Problem]:
    d: Derive = row.derive
    low, high, _ = S.DERIVE_OPS[d.op]
    if not low <= len(d.inputs) <= high:
        yield path + ("derive", "inputs"), f"{d.op} takes {low}..{high} inputs, got {len(d.inputs)}"
        return
    if (d.op == "complement") != (d.total is not None):
        yield path + ("derive", "total"), "complement needs a total; other operations take none"
    for i, ref in enumerate(d.inputs):
        other = by_id.get(ref)
        p = path + ("derive", "inputs", i)
        if other is None:
            yield p, f"no record '{ref}' in this table to derive from"
        elif other.derive is not None:
            if d.op == "range_span":
                yield p, f"range_span needs a stated range; '{ref}' is derived"
            elif _cycle(row.id, ref, by_id):
                yield p, f"'{ref}' is derived from this record: the derivation goes round in a circle"
        elif d.op == "range_span" and (other.low is None or other.high is None):
            yield p, f"range_span needs a range; '{ref}' has none"
        elif d.op != "range_span" and other.value is None:
            yield p, f"'{ref}' is a range; derive from single figures"
        elif other.bound in ("over", "under", "up_to"):
            yield p, f"'{ref}' is a bound ({other.bound}); a bound cannot be computed with"


def _cycle(start: str, ref: str, by_id: dict, seen: frozenset = frozenset()) -> bool:
    if ref == start:
        return True
    row = by_id.get(ref)
    if row is None or row.derive is None or ref in seen:
        return False
    return any(_cycle(start, nxt, by_id, seen | {ref}) for nxt in row.derive.inputs)


def check_conflict(c, path: tuple, rows_by_id: dict) -> Iterator[Problem]:
    local = [ref for ref in c.claims if ":" not in ref]
    for i, ref in enumerate(c.claims):
        if ":" not in ref and ref not in rows_by_id:
            yield path + ("claims", i), f"no record '{ref}' in this file"
        elif ":" not in ref and getattr(rows_by_id[ref], "derive", None) is not None:
            yield (
                path + ("claims", i),
                (
                    f"'{ref}' is derived: arithmetic that shows a contradiction is not a claim "
                    "and is never drawn; give it as the conflict's arithmetic instead"
                ),
            )
    for i, d in enumerate(c.arithmetic):
        yield from _check_arithmetic(d, path + ("arithmetic", i), rows_by_id)
    if c.kind != "calendar" and len(c.claims) < 2:
        yield path + ("claims",), "a conflict needs at least two claims (a calendar conflict may have one)"
    sources = {getattr(rows_by_id.get(r), "source", None) for r in local if r in rows_by_id} - {None}
    if c.kind == "between_seeds" and len(sources) < 2 and len(local) == len(c.claims):
        yield path + ("kind",), "between_seeds needs claims from at least two sources"
    if c.kind == "within_seed" and len(sources) > 1:
        yield path + ("kind",), f"within_seed claims come from {len(sources)} sources; use between_seeds"


def _check_arithmetic(d: Derive, path: tuple, rows_by_id: dict) -> Iterator[Problem]:
    """A conflict's arithmetic takes stated figures of its own file (any table), as a derived figure would."""
    low, high, _ = S.DERIVE_OPS[d.op]
    if not low <= len(d.inputs) <= high:
        yield path + ("inputs",), f"{d.op} takes {low}..{high} inputs, got {len(d.inputs)}"
        return
    if (d.op == "complement") != (d.total is not None):
        yield path + ("total",), "complement needs a total; other operations take none"
    for i, ref in enumerate(d.inputs):
        other, p = rows_by_id.get(ref), path + ("inputs", i)
        if other is None or not isinstance(other, Figure):
            yield p, f"no figure '{ref}' in this file"
        elif other.derive is not None:
            yield p, f"'{ref}' is derived; work from stated figures"
        elif d.op == "range_span" and (other.low is None or other.high is None):
            yield p, f"range_span needs a range; '{ref}' has none"
        elif d.op != "range_span" and other.value is None:
            yield p, f"'{ref}' is a range; work from single figures"


def check_restates(row, path: tuple, by_id: dict, conflicts: list) -> Iterator[Problem]:
    """A record that restates another is a claim about the same figure: the other is of the same table, is drawn,
    and a conflict names both (otherwise the two say the same and one of them is not needed)."""
    if row.restates is None:
        return
    other = by_id.get(row.restates)
    if other is None:
        yield path + ("restates",), f"no record '{row.restates}' in this table"
    elif other.restates is not None:
        yield path + ("restates",), f"'{row.restates}' restates '{other.restates}' itself: name the drawn record"
    elif not any({row.id, other.id} <= set(c.claims) for c in conflicts):
        yield (
            path + ("restates",),
            (
                f"no conflict names both '{row.id}' and '{row.restates}': a restated figure is "
                "kept for what it says differently"
            ),
        )
