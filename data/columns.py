"""Column names of every frame, derived from the pydantic models (data.models), and constants for code to use.

A table frame's columns come from its row model: a new field in a model is a new column of its frame, of the
records frame and of the CSV, with no list to edit. A field becomes columns by its kind:

    a Label (text per language)   `<field>_<lang>` for each language of i18n.LANGS (English fills a gap)
    a When (date at a precision)  `<field>` (its first day) and `<field>_precision` ('day', 'month', 'year')
    a list (assets, countries)    `<field>`, comma-separated
    `derive`                      `derived` (bool), `formula`, `inputs`
    anything else                 `<field>`

Every table frame starts with `episode`, and after the fields carries what the loader looks up or locates:
`asset_class` and `label_<lang>` of the thing a row is about (tables naming one, see VOCABULARY_KEY),
`conflict_ids`, and where the record is written: `file` and `line`.

Charts and tests name columns through the constants of `C`, never bare strings.
"""

from __future__ import annotations

import types
import typing

from i18n import LANGS

from .models import ROW_MODELS, ConflictRow, DateSpec, Derive, Label


class Col:
    EPISODE = "episode"
    ID = "id"
    ASSET = "asset"
    ASSET_CLASS = "asset_class"
    LABEL_EN = "label_en"
    LABEL_ZH = "label_zh"
    METRIC = "metric"
    WINDOW = "window"
    DATE = "date"
    END = "end"
    DATE_PRECISION = "date_precision"
    END_PRECISION = "end_precision"
    DATE_BASIS = "date_basis"
    DATE_NOTE = "date_note"
    WEEKDAY = "weekday"
    VALUE = "value"
    LOW = "low"
    HIGH = "high"
    BOUND = "bound"
    UNIT = "unit"
    DERIVED = "derived"
    FORMULA = "formula"
    INPUTS = "inputs"
    SOURCE = "source"
    OUTLET = "outlet"
    QUOTE = "quote"
    QUOTE_EN = "quote_en"
    RESTATES = "restates"
    NOTE_EN = "note_en"
    NOTE_ZH = "note_zh"
    CONFLICT_IDS = "conflict_ids"
    FILE = "file"
    LINE = "line"
    # table-specific keys
    DIMENSION = "dimension"
    EXCHANGE = "exchange"
    SIDE = "side"
    LEVERAGE = "leverage"
    FUND = "fund"
    INDICATOR = "indicator"
    MEASURE = "measure"
    PERIOD = "period"
    PERIOD_PRECISION = "period_precision"
    HOLDER = "holder"
    BY = "by"
    SUBJECT = "subject"
    KIND = "kind"
    STATUS = "status"
    HORIZON_EN = "horizon_en"
    HORIZON_ZH = "horizon_zh"
    NAME_EN = "name_en"
    NAME_ZH = "name_zh"
    ASSUMPTION_EN = "assumption_en"
    ASSUMPTION_ZH = "assumption_zh"
    IMPACT_EN = "impact_en"
    IMPACT_ZH = "impact_zh"
    TITLE_EN = "title_en"
    TITLE_ZH = "title_zh"
    CATEGORY = "category"
    ASSETS = "assets"
    COUNTRIES = "countries"
    # conflicts
    SEVERITY = "severity"
    TOPIC_EN = "topic_en"
    TOPIC_ZH = "topic_zh"
    GENERATED = "generated"
    ARITHMETIC = "arithmetic"
    CONFLICT_ID = "conflict_id"
    CLAIM = "claim"
    CLAIM_EPISODE = "claim_episode"
    CLAIM_ID = "claim_id"
    TABLE = "table"
    # added by data.select for every shown record
    ENTITY = "entity"


C = Col

# The column naming the thing each table's rows are about (an asset, a fund, an exchange ...); scenarios and
# events are about themselves. The others name a thing of the vocabulary, whose class and label rows carry.
ENTITY_KEY = {
    "moves": C.ASSET,
    "rates": C.ASSET,
    "liquidations": C.EXCHANGE,
    "flows": C.FUND,
    "macro": C.INDICATOR,
    "holdings": C.HOLDER,
    "forecasts": C.SUBJECT,
    "scenarios": C.ID,
    "events": C.ID,
}
VOCABULARY_KEY = {t: k for t, k in ENTITY_KEY.items() if k != C.ID}
DERIVATION = [C.DERIVED, C.FORMULA, C.INPUTS]
LOCATION = [C.FILE, C.LINE]


def lang_column(field: str, lang: str) -> str:
    """The column holding a text field in one language: lang_column('label', 'zh') == 'label_zh'."""
    return f"{field}_{lang}"


def precision(field: str) -> str:
    """The column holding the precision of a date field: 'date' -> 'date_precision'."""
    return f"{field}_precision"


def _unwrap(annotation) -> set:
    """The types an annotation admits, without None and constraints: `When | None` -> {DateSpec}."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return {t for a in typing.get_args(annotation) if a is not type(None) for t in _unwrap(a)}
    return {annotation}


def kind(annotation) -> str:
    """How a model field becomes columns: 'label', 'when', 'list', 'derive', 'number' or 'text'."""
    admitted = _unwrap(annotation)
    if Label in admitted:
        return "label"
    if DateSpec in admitted:
        return "when"
    if Derive in admitted:
        return "derive"
    if any(typing.get_origin(a) is list for a in admitted):
        return "list"
    if float in admitted:
        return "number"
    return "text"


def fields(model) -> list[tuple[str, str]]:
    """(field, kind) of every field of a model, in declaration order."""
    return [(name, kind(f.annotation)) for name, f in model.model_fields.items()]


def expand(name: str, field_kind: str, langs=LANGS) -> list[str]:
    """The frame columns of one field."""
    if field_kind == "label":
        return [lang_column(name, lang) for lang in langs]
    if field_kind == "when":
        return [name, precision(name)]
    if field_kind == "derive":
        return list(DERIVATION)
    return [name]


def table_columns(table: str) -> list[str]:
    """All columns of a table frame, in order: episode, the model's fields, then what the loader adds."""
    model = ROW_MODELS[table]
    out = [C.EPISODE]
    for name, field_kind in fields(model):
        out += expand(name, field_kind)
    if table in VOCABULARY_KEY:
        out += [C.ASSET_CLASS, *expand("label", "label")]
    return out + [C.CONFLICT_IDS, *LOCATION]


def field_kinds(table: str) -> dict[str, str]:
    """Field name -> kind for a table's model (the loader fills a frame's columns by it)."""
    return dict(fields(ROW_MODELS[table]))


def conflict_columns() -> list[str]:
    """The conflicts frame: its fields (the claims are their own frame; the arithmetic, worked out, is written
    in each language: `arithmetic_<lang>`), and whether code found the conflict (`generated`)."""
    out = [C.EPISODE]
    for name, field_kind in fields(ConflictRow):
        if name == C.ARITHMETIC:
            out += expand(name, "label")
        elif name != "claims":
            out += expand(name, field_kind)
    return out + [C.GENERATED]


CLAIM_COLUMNS = [C.EPISODE, C.CONFLICT_ID, C.CLAIM_EPISODE, C.CLAIM_ID, C.TABLE]


def record_columns(tables: tuple[str, ...]) -> list[str]:
    """The records frame (every figure of every table, for lookups): each table's columns, first seen first,
    with `table` and `entity` after the id."""
    out = [C.EPISODE, C.ID, C.TABLE, C.ENTITY]
    for table in tables:
        out += [c for c in table_columns(table) if c not in out]
    return out


def csv_columns(tables) -> list[tuple[str, str]]:
    """(column, kind) of a CSV of rows from `tables`: which record it is, what the dashboard calls it, then
    every field of the tables' models, grouped for reading: the figure (value, bounds, unit, and 'value_text',
    the figure as the dashboard words it), when (dates), what (the table's own keys), where it comes from
    (source, outlet, quote, notes), how a derived figure was computed, and the conflicts it is a claim in.
    Within a group, fields keep their model's order. The group of a field is the model class declaring it."""
    from .models import Dated, Figure, Record  # the layers of every row model, base first

    def group(model, name: str) -> int:
        if name == "derive":
            return 4
        owner = next(cls for cls in reversed(model.__mro__) if name in getattr(cls, "__annotations__", {}))
        return {Figure: 0, Dated: 1, Record: 3}.get(owner, 2)

    seen: dict[str, tuple[int, int, str]] = {}
    for table in tables:
        model = ROW_MODELS[table]
        for i, (name, field_kind) in enumerate(fields(model)):
            if name != C.ID and name not in seen:
                seen[name] = (group(model, name), i, field_kind)
    ordered = sorted(seen.items(), key=lambda kv: kv[1][:2])
    out = [(C.EPISODE, "text"), (C.ID, "text"), (C.TABLE, "text"), (C.ENTITY, "text"), ("label", "shown")]
    figure = [(n, k) for n, (g, _, k) in ordered if g == 0]
    out += figure + [("value_text", "shown")] * bool(figure)
    out += [(n, k) for n, (g, _, k) in ordered if g > 0]
    if "derive" not in seen:  # events: every CSV says whether a row is derived, and these are not
        out.append(("derive", "derive"))
    return out + [(C.CONFLICT_IDS, "text")]
