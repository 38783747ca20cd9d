"""Derived figures: values the seeds imply but do not state, computed here and labelled as derived.

A derived record in YAML names an operation and the ids of its inputs; it never holds a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schema as S
from .models import Derive, Figure


@dataclass(frozen=True)
class Derived:
    value: float
    bound: str
    formula: str
    inputs: tuple[str, ...]
    sources: tuple[str, ...]


def compute(op: str, values: list[float], total: float | None = None) -> float:
    """The arithmetic of each operation, on plain numbers (ranges arrive as [low, high])."""
    if op == "difference":
        return values[0] - sum(values[1:])
    if op == "sum":
        return sum(values)
    if op == "complement":
        return total - sum(values)
    if op == "share":
        return values[0] / values[1] * 100
    if op == "pct_change":
        return (values[1] / values[0] - 1) * 100
    if op == "change_pct":
        return values[0] / (values[1] - values[0]) * 100
    if op == "range_span":
        return (values[0] / values[1] - 1) * 100
    if op == "base_from_growth":
        return values[0] / (1 + values[1] / 100)
    raise ValueError(f"unknown operation {op}")


def formula(d: Derive) -> str:
    """Human-readable formula over input ids, e.g. 'liq-total − liq-binance − liq-okx'."""
    template = S.DERIVE_OPS[d.op][2]
    ids = d.inputs
    return template.format(
        *ids,
        rest=" − ".join(ids[1:]),
        all=" + ".join(ids) if d.op == "sum" else " − ".join(ids),
        total=f"{d.total:g}" if d.total is not None else "",
    )


def derive_all(rows: list[Figure]) -> dict[str, Derived]:
    """Every derived record of one table, inputs first (checks.py has ruled out cycles)."""
    by_id = {r.id: r for r in rows}
    done: dict[str, Derived] = {}

    def resolve(rid: str) -> tuple[list[float], str, tuple[str, ...]]:
        """([value] or [low, high], bound, sources) of a record, deriving it first when needed."""
        row = by_id[rid]
        if row.derive is None:
            values = [row.value] if row.value is not None else [row.low, row.high]
            return values, row.bound, (row.source,)
        if rid not in done:
            done[rid] = derive_row(row, resolve)
        got = done[rid]
        return [got.value], got.bound, got.sources

    for row in rows:
        if row.derive is not None:
            resolve(row.id)
    return done


def derive_row(row: Figure, resolve) -> Derived:
    """Compute one derived record; `resolve(id)` gives (values, bound, sources) of an input."""
    d = row.derive
    inputs = [resolve(i) for i in d.inputs]
    values = inputs[0][0] if d.op == "range_span" else [vals[0] for vals, _, _ in inputs]
    value = compute(d.op, values, d.total)
    exact = all(bound == "exact" for _, bound, _ in inputs)
    bound = row.bound if row.bound != "exact" else ("exact" if exact else "approx")
    sources = tuple(dict.fromkeys(s for _, _, ss in inputs for s in ss))
    return Derived(value, bound, formula(d), tuple(d.inputs), sources)


RESULT_UNIT = {"share": "pct", "pct_change": "pct", "change_pct": "pct", "range_span": "pct"}  # else the inputs'


@dataclass(frozen=True)
class Worked:
    """A conflict's arithmetic, worked out: the formula with the stated figures put in, and the result in its
    unit ('pct' for the percentage operations, the first input's unit otherwise)."""

    formula: str
    value: float
    unit: str


def _figure_text(value: float) -> str:
    text = f"{abs(value):,.6f}".rstrip("0").rstrip(".")
    return ("\u2212" if value < 0 else "") + text


def work(d: Derive, rows_by_id: dict) -> Worked:
    """The arithmetic `d` over stated figures of one file (checks._check_arithmetic has checked them)."""
    inputs = [rows_by_id[i] for i in d.inputs]
    if d.op == "range_span":
        values = [inputs[0].low, inputs[0].high]
        shown = [_figure_text(v) for v in values]
        text = f"({shown[0]} ÷ {shown[1]} − 1) × 100"
    else:
        values = [r.value for r in inputs]
        shown = [_figure_text(v) for v in values]
        template = S.DERIVE_OPS[d.op][2]
        text = template.format(
            *shown,
            rest=" − ".join(shown[1:]),
            all=" + ".join(shown) if d.op == "sum" else " − ".join(shown),
            total=_figure_text(d.total) if d.total is not None else "",
        )
    text = text.replace("− \u2212", "+ ").replace("+ \u2212", "− ")  # a − −b reads a + b
    return Worked(text, compute(d.op, values, d.total), RESULT_UNIT.get(d.op, inputs[0].unit))
