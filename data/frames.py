"""Validated documents to tidy, typed pandas frames: one per table, plus conflicts and the vocabularies.

Pure: the same documents give equal frames, in the same row order. Types: datetime64 dates, float64 values,
categorical episode and asset class, bool `derived`.
"""
from __future__ import annotations

import pandas as pd

from . import schema as S
from .columns import CLAIM_COLUMNS, CONFLICT_COLUMNS, C, table_columns
from .episode import EpisodeDoc
from .select import ENTITY_KEY
from .checks import Context
from .models import VOCABULARIES, Label, SourcesFile, VocabularyFile


def _label(label: Label | None, lang: str) -> str:
    return getattr(label, lang) if label is not None else ""


def _when(spec) -> tuple:
    return (pd.Timestamp(spec.start), spec.precision) if spec is not None else (pd.NaT, "")


def _entity(row, table: str, vocab: Context) -> tuple[str | None, str | None, Label | None]:
    """(id, asset class, label) of the thing a row is about, for the label columns."""
    key = {"moves": "asset", "rates": "asset", "flows": "fund", "macro": "indicator", "holdings": "holder",
           "forecasts": "subject", "liquidations": "exchange"}.get(table)
    if key is None:
        return None, None, None
    ref = getattr(row, key)
    kind = {"asset": "assets", "subject": "assets", "fund": "funds", "indicator": "indicators",
            "holder": "holders", "exchange": "exchanges"}[key]
    item = getattr(vocab, kind).get(ref)
    if item is None:
        return ref, None, None
    cls = item.asset_class
    if table == "holdings":
        cls = getattr(vocab.assets.get(row.asset), "asset_class", None)
    return ref, cls, item.label


def _record(doc: EpisodeDoc, table: str, row, vocab: Context, conflict_ids: dict) -> dict:
    start, precision = _when(getattr(row, "date", None))
    end, end_precision = _when(getattr(row, "end", None))
    rec = {C.EPISODE: doc.header.id, C.ID: row.id, C.DATE: start, C.END: end, C.DATE_PRECISION: precision,
           C.END_PRECISION: end_precision,
           C.DATE_BASIS: row.date_basis, C.DATE_NOTE: row.date_note or "", C.WEEKDAY: row.weekday or "",
           C.OUTLET: row.outlet or "", C.NOTE_EN: _label(row.note, "en"), C.NOTE_ZH: _label(row.note, "zh"),
           C.CONFLICT_IDS: ",".join(conflict_ids.get((doc.header.id, row.id), [])),
           C.FILE: doc.file, C.LINE: doc.lines.get(row.id, 0)}
    ref, cls, label = _entity(row, table, vocab)
    rec[C.ASSET_CLASS] = cls if cls or table != "liquidations" else S.LIQUIDATION_CLASS
    rec[C.LABEL_EN], rec[C.LABEL_ZH] = _label(label, "en"), _label(label, "zh")
    if table == "events":
        rec.update({C.TITLE_EN: row.title.en, C.TITLE_ZH: row.title.zh, C.CATEGORY: row.category,
                    C.STATUS: row.status, C.ASSETS: ",".join(row.assets), C.COUNTRIES: ",".join(row.countries),
                    C.SOURCE: row.source, C.QUOTE: row.quote})
        return rec
    derived = doc.derived.get(row.id)
    rec.update({C.VALUE: derived.value if derived else row.value, C.LOW: row.low, C.HIGH: row.high,
                C.BOUND: derived.bound if derived else row.bound, C.UNIT: row.unit, C.DERIVED: derived is not None,
                C.FORMULA: derived.formula if derived else "", C.INPUTS: ",".join(derived.inputs) if derived else "",
                C.SOURCE: ",".join(derived.sources) if derived else row.source,
                C.QUOTE: "" if derived else row.quote})
    for name in ("metric", "window", "dimension", "exchange", "side", "leverage", "fund", "indicator", "measure",
                 "holder", "asset", "by", "subject", "kind", "status"):
        if hasattr(row, name):
            rec[name] = getattr(row, name)
    if table == "macro":
        rec[C.PERIOD], rec[C.PERIOD_PRECISION] = _when(row.period)
    if table == "forecasts":
        rec[C.HORIZON_EN], rec[C.HORIZON_ZH] = _label(row.horizon, "en"), _label(row.horizon, "zh")
    if table == "scenarios":
        rec.update({C.NAME_EN: row.name.en, C.NAME_ZH: row.name.zh, C.ASSUMPTION_EN: row.assumption.en,
                    C.ASSUMPTION_ZH: row.assumption.zh, C.IMPACT_EN: row.impact.en, C.IMPACT_ZH: row.impact.zh})
    return rec


def _typed(df: pd.DataFrame, episodes: list[str], classes: list[str]) -> pd.DataFrame:
    for col in df.columns:
        if col in (C.DATE, C.END, C.PERIOD):
            df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
        elif col in (C.VALUE, C.LOW, C.HIGH):
            df[col] = pd.to_numeric(df[col]).astype("float64")
        elif col in (C.DERIVED, C.GENERATED):
            df[col] = df[col].astype(bool)
        elif col == C.LINE:
            df[col] = df[col].astype("int64")
        elif col == C.EPISODE:
            df[col] = pd.Categorical(df[col], categories=episodes)
        elif col == C.ASSET_CLASS:
            df[col] = pd.Categorical(df[col], categories=classes)
        else:
            df[col] = df[col].fillna("").astype(str)
    return df


def _conflict_index(docs: list[EpisodeDoc]) -> tuple[list[dict], list[dict], dict]:
    conflicts, claims, by_record = [], [], {}
    tables = {(d.header.id, row.id): t for d in docs for t, row in d.rows()}
    for doc in docs:
        ep = doc.header.id
        for c in doc.conflicts:
            conflicts.append({C.EPISODE: ep, C.ID: c.id, C.KIND: c.kind, C.SEVERITY: c.severity,
                              C.TOPIC_EN: c.topic.en, C.TOPIC_ZH: c.topic.zh, C.NOTE_EN: c.note.en,
                              C.NOTE_ZH: c.note.zh, C.GENERATED: c.kind == "calendar" and c.id.startswith("calendar-")})
            for ref in c.claims:
                claim_ep, claim_id = ref.split(":", 1) if ":" in ref else (ep, ref)
                if (claim_ep, claim_id) not in tables:
                    continue  # cites an episode that is not loaded
                claims.append({C.EPISODE: ep, C.CONFLICT_ID: c.id, C.CLAIM_EPISODE: claim_ep, C.CLAIM_ID: claim_id,
                               C.TABLE: tables[(claim_ep, claim_id)]})
                by_record.setdefault((claim_ep, claim_id), []).append(c.id)
    return conflicts, claims, by_record


def _vocab_frames(registry: SourcesFile | None, vocab: VocabularyFile | None) -> dict[str, pd.DataFrame]:
    out = {}
    out["sources"] = pd.DataFrame([{C.FILE: s.file, "sha256": s.sha256, C.TITLE_EN: s.title.en,
                                    C.TITLE_ZH: s.title.zh, "kind_en": s.kind.en, "kind_zh": s.kind.zh,
                                    C.DATE: pd.Timestamp(s.date) if s.date else pd.NaT,
                                    "outlets": ",".join(s.outlets)} for s in (registry.sources if registry else [])],
                                  columns=[C.FILE, "sha256", C.TITLE_EN, C.TITLE_ZH, "kind_en", "kind_zh", C.DATE,
                                           "outlets"])
    out["outlets"] = pd.DataFrame([{C.ID: o.id, "name_en": o.name.en, "name_zh": o.name.zh}
                                   for o in (registry.outlets if registry else [])],
                                  columns=[C.ID, "name_en", "name_zh"])
    for name in VOCABULARIES:
        items = getattr(vocab, name) if vocab else []
        cols = [C.ID, C.LABEL_EN, C.LABEL_ZH] + ([] if name == "classes" else [C.ASSET_CLASS])
        rows = [{C.ID: i.id, C.LABEL_EN: i.label.en, C.LABEL_ZH: i.label.zh,
                 **({} if name == "classes" else {C.ASSET_CLASS: i.asset_class or ""})} for i in items]
        out[name] = pd.DataFrame(rows, columns=cols)
    return out


def build_frames(docs: list[EpisodeDoc], registry: SourcesFile | None,
                 vocab: VocabularyFile | None) -> dict[str, pd.DataFrame]:
    """Every frame of the dataset from accepted documents."""
    lookups = Context.build(registry, vocab)
    episodes = [d.header.id for d in docs]
    classes = [c.id for c in vocab.classes] if vocab else []
    conflicts, claims, by_record = _conflict_index(docs)
    frames: dict[str, pd.DataFrame] = {}
    for table in S.TABLES:
        cols = table_columns(table)
        rows = [_record(d, table, r, lookups, by_record) for d in docs for r in d.tables[table]]
        frames[table] = _typed(pd.DataFrame(rows, columns=cols), episodes, classes)
    frames["conflicts"] = _typed(pd.DataFrame(conflicts, columns=CONFLICT_COLUMNS), episodes, classes)
    frames["conflict_claims"] = _typed(pd.DataFrame(claims, columns=CLAIM_COLUMNS), episodes, classes)
    frames["episodes"] = pd.DataFrame(
        [{C.ID: d.header.id, C.TITLE_EN: d.header.title.en, C.TITLE_ZH: d.header.title.zh,
          "summary_en": d.header.summary.en, "summary_zh": d.header.summary.zh,
          "start": pd.Timestamp(d.header.start), C.END: pd.Timestamp(d.header.end),
          "window_start": pd.Timestamp(d.header.window_start), "window_end": pd.Timestamp(d.header.window_end),
          C.FILE: d.file} for d in docs],
        columns=[C.ID, C.TITLE_EN, C.TITLE_ZH, "summary_en", "summary_zh", "start", C.END, "window_start",
                 "window_end", C.FILE])
    frames.update(_vocab_frames(registry, vocab))
    frames["records"] = _records(frames)
    return frames


RECORD_COLUMNS = [C.EPISODE, C.ID, C.TABLE, C.ENTITY, C.ASSET_CLASS, C.LABEL_EN, C.LABEL_ZH, C.METRIC, C.WINDOW,
                  C.DIMENSION, C.SIDE, C.LEVERAGE,
                  C.DATE, C.END, C.DATE_PRECISION, C.END_PRECISION, C.VALUE, C.LOW, C.HIGH, C.BOUND, C.UNIT,
                  C.DERIVED, C.FORMULA, C.INPUTS, C.SOURCE, C.OUTLET, C.QUOTE, C.NOTE_EN, C.NOTE_ZH, C.CONFLICT_IDS]


def _records(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every figure of every table in one frame, indexed by (episode, id): for derivations and conflicts."""
    parts = []
    for table in S.FIGURE_TABLES:
        df = frames[table]
        part = df.reindex(columns=RECORD_COLUMNS)
        part[C.TABLE] = table
        part[C.ENTITY] = df[ENTITY_KEY[table]].astype(str) if len(df) else ""
        part[C.EPISODE] = df[C.EPISODE].astype(str)
        part[C.ASSET_CLASS] = df[C.ASSET_CLASS].astype(object).fillna("") if C.ASSET_CLASS in df else ""
        if table == "scenarios":  # a scenario is labelled by its name
            part[C.LABEL_EN], part[C.LABEL_ZH] = df[C.NAME_EN], df[C.NAME_ZH]
        text = [c for c in part.columns if c not in (C.DATE, C.END, C.VALUE, C.LOW, C.HIGH, C.DERIVED)]
        part[text] = part[text].astype(object).fillna("")
        parts.append(part)
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=RECORD_COLUMNS)
    return out.set_index([C.EPISODE, C.ID], drop=False)
