"""Column names of every frame, in one place. Charts and tests use these constants, never bare strings."""
from __future__ import annotations


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
    CONFLICT_ID = "conflict_id"
    CLAIM = "claim"
    CLAIM_EPISODE = "claim_episode"
    CLAIM_ID = "claim_id"
    TABLE = "table"
    # added by data.select for every shown record
    ENTITY = "entity"


C = Col

PROVENANCE = [C.DERIVED, C.FORMULA, C.INPUTS, C.SOURCE, C.OUTLET, C.QUOTE, C.NOTE_EN, C.NOTE_ZH,
              C.CONFLICT_IDS, C.FILE, C.LINE]
DATES = [C.DATE, C.END, C.DATE_PRECISION, C.END_PRECISION, C.DATE_BASIS, C.DATE_NOTE, C.WEEKDAY]
VALUES = [C.VALUE, C.LOW, C.HIGH, C.BOUND, C.UNIT]

# The documented columns of each table frame, in order (README "Data model" lists the same).
KEYS: dict[str, list[str]] = {
    "moves": [C.ASSET, C.ASSET_CLASS, C.LABEL_EN, C.LABEL_ZH, C.METRIC, C.WINDOW],
    "rates": [C.ASSET, C.ASSET_CLASS, C.LABEL_EN, C.LABEL_ZH, C.METRIC, C.WINDOW],
    "liquidations": [C.DIMENSION, C.EXCHANGE, C.ASSET_CLASS, C.LABEL_EN, C.LABEL_ZH, C.SIDE, C.LEVERAGE, C.METRIC, C.WINDOW],
    "flows": [C.FUND, C.ASSET_CLASS, C.LABEL_EN, C.LABEL_ZH, C.METRIC],
    "macro": [C.INDICATOR, C.ASSET_CLASS, C.LABEL_EN, C.LABEL_ZH, C.MEASURE, C.PERIOD, C.PERIOD_PRECISION],
    "holdings": [C.HOLDER, C.ASSET, C.ASSET_CLASS, C.LABEL_EN, C.LABEL_ZH, C.METRIC],
    "forecasts": [C.BY, C.SUBJECT, C.ASSET_CLASS, C.LABEL_EN, C.LABEL_ZH, C.METRIC, C.KIND, C.STATUS,
                  C.HORIZON_EN, C.HORIZON_ZH],
    "scenarios": [C.NAME_EN, C.NAME_ZH, C.ASSUMPTION_EN, C.ASSUMPTION_ZH, C.IMPACT_EN, C.IMPACT_ZH, C.METRIC],
    "events": [C.TITLE_EN, C.TITLE_ZH, C.CATEGORY, C.STATUS, C.ASSETS, C.COUNTRIES],
}


def table_columns(table: str) -> list[str]:
    """All columns of a table frame, in order."""
    values = [] if table == "events" else VALUES
    provenance = [c for c in PROVENANCE if table != "events" or c not in (C.DERIVED, C.FORMULA, C.INPUTS)]
    return [C.EPISODE, C.ID, *KEYS[table], *DATES, *values, *provenance]


CONFLICT_COLUMNS = [C.EPISODE, C.ID, C.KIND, C.SEVERITY, C.TOPIC_EN, C.TOPIC_ZH, C.NOTE_EN, C.NOTE_ZH, C.GENERATED]
CLAIM_COLUMNS = [C.EPISODE, C.CONFLICT_ID, C.CLAIM_EPISODE, C.CLAIM_ID, C.TABLE]
