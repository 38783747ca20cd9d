"""Read one episode file: parse safely, validate every record, run the cross-record checks, derive figures.

Either every record of the file is usable, or the file is rejected with every problem found in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ValidationError

from . import checks, safeyaml
from . import schema as S
from .calendar import calendar_conflicts
from .derive import Derived, Worked, derive_all, work
from .errors import DataError, Issue
from .models import ROW_MODELS, ConflictRow, EpisodeFile, EpisodeHeader, Figure
from .translate import issues_from


@dataclass(frozen=True)
class EpisodeDoc:
    file: str
    header: EpisodeHeader
    tables: dict[str, list]  # table -> validated rows, in file order
    lines: dict[str, int]  # record id -> line in the file
    id_at: tuple[int, int] = (1, 1)  # line and column of the episode's id
    derived: dict[str, Derived] = field(default_factory=dict)
    conflicts: list[ConflictRow] = field(default_factory=list)  # declared, then found by the calendar check
    worked: dict[str, list[Worked]] = field(default_factory=dict)  # conflict id -> its arithmetic, worked out

    def rows(self):
        """Every record of every table, with its table name."""
        for table in S.TABLES:
            for row in self.tables[table]:
                yield table, row


def validate_model(model: type[BaseModel], raw, path, located, name, issues: list[Issue]):
    """The model of `raw`, or None with its problems added to `issues` (located in the file)."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        issues.extend(issues_from(exc, path, located, name, model))
        return None


def read_episode(raw: bytes, name: str, ctx: checks.Context, max_bytes: int = safeyaml.MAX_BYTES) -> EpisodeDoc:
    """Parse and check one episode file. Raises DataError with every issue found."""
    located = safeyaml.load_bytes(raw, name, max_bytes)
    if not isinstance(located.data, dict):
        raise DataError([Issue(name, "the file must be a mapping with 'schema', 'episode' and tables", 1, 1)])
    issues: list[Issue] = []
    top = validate_model(EpisodeFile, located.data, (), located, name, issues)
    if top is None:
        raise DataError(issues)
    header = validate_model(EpisodeHeader, top.episode, ("episode",), located, name, issues)
    tables: dict[str, list] = {}
    indexed: dict[str, list[tuple[int, object]]] = {}
    for table, model in ROW_MODELS.items():
        rows = [
            (i, validate_model(model, r, (table, i), located, name, issues)) for i, r in enumerate(getattr(top, table))
        ]
        indexed[table] = [(i, r) for i, r in rows if r is not None]
        tables[table] = [r for _, r in indexed[table]]
    problems: list[tuple] = []
    if header is not None:
        problems += list(checks.check_header(header))
        problems += list(_check_rows(indexed, header, ctx))
    issues += [Issue(name, msg, *located.position(path), path) for path, msg in problems]
    if issues:
        raise DataError(sorted(issues, key=lambda i: (i.line, i.column)))
    lines = {row.id: located.position((table, i))[0] for table, rows in indexed.items() for i, row in rows}
    derived = _derive(indexed, located, name)
    declared = tables.pop("conflicts")
    found = calendar_conflicts(row for t in S.TABLES for row in tables[t])
    figures = {row.id: row for t in S.FIGURE_TABLES for row in tables[t]}
    try:
        worked = {c.id: [work(d, figures) for d in c.arithmetic] for c in declared if c.arithmetic}
    except ZeroDivisionError:
        raise DataError([Issue(name, "a conflict's arithmetic divides by zero", 1, 1, ("conflicts",))]) from None
    return EpisodeDoc(
        name, header, tables, lines, located.position(("episode", "id")), derived, declared + found, worked
    )


def _check_rows(indexed: dict, header: EpisodeHeader, ctx: checks.Context):
    first_at: dict[str, tuple] = {}
    for table in (*S.TABLES, "conflicts"):
        for i, row in indexed[table]:
            path = (table, i)
            if row.id in first_at:
                yield (
                    path + ("id",),
                    f"duplicate id '{row.id}' (first used at {first_at[row.id][0]}[{first_at[row.id][1]}])",
                )
            first_at.setdefault(row.id, path)
            if table == "conflicts":
                continue
            yield from checks.check_provenance(row, path, ctx)
            yield from checks.check_dates(row, table, path, header)
            yield from checks.check_refs(row, table, path, ctx)
            if isinstance(row, Figure):
                yield from checks.check_figure(row, table, path)
    conflicts = [c for _, c in indexed["conflicts"]]
    for table in S.TABLES:
        by_id = {row.id: row for _, row in indexed[table]}
        for i, row in indexed[table]:
            if getattr(row, "derive", None) is not None:
                yield from checks.check_derive(row, (table, i), by_id)
            yield from checks.check_restates(row, (table, i), by_id, conflicts)
    everything = {row.id: row for t in S.TABLES for _, row in indexed[t]}
    yield from checks.check_key_figures(header, {row.id: row for t in S.FIGURE_TABLES for _, row in indexed[t]})
    for i, conflict in indexed["conflicts"]:
        yield from checks.check_conflict(conflict, ("conflicts", i), everything)


def _derive(indexed: dict, located, name: str) -> dict[str, Derived]:
    out: dict[str, Derived] = {}
    for table in S.FIGURE_TABLES:
        try:
            out.update(derive_all([row for _, row in indexed[table]]))
        except ZeroDivisionError:
            raise DataError(
                [Issue(name, f"a derived figure in {table} divides by zero", *located.position((table,)), (table,))]
            ) from None
    return out
