"""Validated documents to tidy, typed pandas frames: one per table, plus conflicts and the vocabularies.

Pure: the same documents give equal frames, in the same row order. Types: datetime64 dates, float64 values,
categorical episode and asset class, bool `derived`.
"""

from __future__ import annotations

import pandas as pd

from i18n import LANGS
from i18n import format as fmt

from . import refs
from . import schema as S
from .checks import Context
from .columns import (
    CLAIM_COLUMNS,
    ENTITY_KEY,
    VOCABULARY_KEY,
    C,
    conflict_columns,
    expand,
    field_kinds,
    lang_column,
    precision,
    record_columns,
    table_columns,
)
from .episode import EpisodeDoc
from .models import VOCABULARIES, Label, SourcesFile, VocabularyFile


def _text(label: Label | None, lang: str) -> str:
    return label.text(lang) if label is not None else ""


def _labels(name: str, label: Label | None) -> dict:
    """The columns of a text field, one per language."""
    return {lang_column(name, lang): _text(label, lang) for lang in LANGS}


def _worked(worked: list) -> dict:
    """A conflict's arithmetic in each language: 'formula = result', the result written as the language writes
    figures ('(26.8 ÷ 70.35 − 1) × 100 = −61.9%')."""
    return {
        lang_column(C.ARITHMETIC, lang): "; ".join(
            f"{w.formula} = {fmt.amount(w.value, w.unit, lang, S.UNITS[w.unit].factor)}" for w in worked
        )
        for lang in LANGS
    }


def _when(spec) -> tuple:
    return (pd.Timestamp(spec.start), spec.precision) if spec is not None else (pd.NaT, "")


def _entity(row, table: str, vocab: Context) -> tuple[str | None, Label | None]:
    """(asset class, label) of the thing a row is about, for the looked-up columns."""
    ref = getattr(row, VOCABULARY_KEY[table])
    kind = {
        C.ASSET: "assets",
        C.SUBJECT: "assets",
        C.FUND: "funds",
        C.INDICATOR: "indicators",
        C.HOLDER: "holders",
        C.EXCHANGE: "exchanges",
    }[VOCABULARY_KEY[table]]
    item = getattr(vocab, kind).get(ref)
    if item is None:
        return None, None
    cls = item.asset_class
    if table == "holdings":  # a holding is of the asset held, not of the holder
        cls = getattr(vocab.assets.get(row.asset), "asset_class", None)
    return cls, item.label


def _fields(doc: EpisodeDoc, table: str, row) -> dict:
    """The columns of a record's own fields, by each field's kind (data.columns); a derived figure takes its
    value, bound and sources from the derivation and has no quote."""
    derived = doc.derived.get(row.id)
    rec: dict = {}
    for name, kind in field_kinds(table).items():
        value = getattr(row, name)
        if kind == "label":
            rec.update(_labels(name, value))
        elif kind == "when":
            rec[name], rec[precision(name)] = _when(value)
        elif kind == "list":
            rec[name] = ",".join(value)
        elif kind == "derive":
            rec.update(
                {
                    C.DERIVED: derived is not None,
                    C.FORMULA: derived.formula if derived else "",
                    C.INPUTS: ",".join(derived.inputs) if derived else "",
                }
            )
        else:
            rec[name] = value
    if derived is not None:
        rec.update({C.VALUE: derived.value, C.BOUND: derived.bound, C.SOURCE: ",".join(derived.sources), C.QUOTE: ""})
    return rec


def _record(doc: EpisodeDoc, table: str, row, vocab: Context, conflict_ids: dict) -> dict:
    episode = doc.header.id
    rec = {C.EPISODE: episode, **_fields(doc, table, row)}
    if table in VOCABULARY_KEY:
        cls, label = _entity(row, table, vocab)
        rec[C.ASSET_CLASS] = cls or (S.LIQUIDATION_CLASS if table == "liquidations" else None)
        rec.update(_labels("label", label))
    rec[C.CONFLICT_IDS] = ",".join(refs.write(k, episode) for k in conflict_ids.get((episode, row.id), []))
    rec[C.FILE], rec[C.LINE] = doc.file, doc.lines.get(row.id, 0)
    return rec


def _typed(df: pd.DataFrame, episodes: list[str], classes: list[str], kinds: dict[str, str]) -> pd.DataFrame:
    """Types by column: dates datetime64, numbers float64, flags bool, lines int64, episode and asset class
    categorical, everything else text."""
    dates = {name for name, k in kinds.items() if k == "when"}
    numbers = {name for name, k in kinds.items() if k == "number"}
    for col in df.columns:
        if col in dates:
            df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
        elif col in numbers:
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
    """The conflicts, their claims, and (episode, record id) -> the (episode, conflict id) of each conflict the
    record is a claim in. Conflicts are keyed by their episode too: two episodes may reuse an id."""
    conflicts, claims, by_record = [], [], {}
    tables = {(d.header.id, row.id): t for d in docs for t, row in d.rows()}
    for doc in docs:
        ep = doc.header.id
        for c in doc.conflicts:
            conflicts.append(
                {
                    C.EPISODE: ep,
                    C.ID: c.id,
                    C.KIND: c.kind,
                    C.SEVERITY: c.severity,
                    **_labels("topic", c.topic),
                    **_labels("note", c.note),
                    **_worked(doc.worked.get(c.id, [])),
                    C.GENERATED: c.kind == "calendar" and c.id.startswith("calendar-"),
                }
            )
            for ref in c.claims:
                claim = refs.parse(ref, ep)
                if claim not in tables:
                    continue  # cites an episode that is not loaded
                claims.append(
                    {
                        C.EPISODE: ep,
                        C.CONFLICT_ID: c.id,
                        C.CLAIM_EPISODE: claim[0],
                        C.CLAIM_ID: claim[1],
                        C.TABLE: tables[claim],
                    }
                )
                by_record.setdefault(claim, []).append((ep, c.id))
    return conflicts, claims, by_record


def _vocab_frames(registry: SourcesFile | None, vocab: VocabularyFile | None) -> dict[str, pd.DataFrame]:
    out = {}
    sources = registry.sources if registry else []
    out["sources"] = pd.DataFrame(
        [
            {
                C.FILE: s.file,
                "sha256": s.sha256,
                **_labels("title", s.title),
                **_labels("kind", s.kind),
                C.DATE: pd.Timestamp(s.date) if s.date else pd.NaT,
                "outlets": ",".join(s.outlets),
            }
            for s in sources
        ],
        columns=[C.FILE, "sha256", *expand("title", "label"), *expand("kind", "label"), C.DATE, "outlets"],
    )
    out["outlets"] = pd.DataFrame(
        [{C.ID: o.id, **_labels("name", o.name)} for o in (registry.outlets if registry else [])],
        columns=[C.ID, *expand("name", "label")],
    )
    for name in VOCABULARIES:
        items = getattr(vocab, name) if vocab else []
        classed = name != "classes"  # every list but the classes names items of an asset class
        cols = [C.ID, *expand("label", "label")] + ([C.ASSET_CLASS, "ticker", "aliases"] if classed else [])
        rows = [
            {
                C.ID: i.id,
                **_labels("label", i.label),
                **(
                    {
                        C.ASSET_CLASS: i.asset_class or "",
                        "ticker": getattr(i, "ticker", None) or "",
                        "aliases": ",".join(i.aliases),
                    }
                    if classed
                    else {}
                ),
            }
            for i in items
        ]
        out[name] = pd.DataFrame(rows, columns=cols)
    return out


def _episodes(docs: list[EpisodeDoc]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                C.ID: d.header.id,
                **_labels("title", d.header.title),
                **_labels("short", d.header.short or d.header.title),
                **_labels("summary", d.header.summary),
                "start": pd.Timestamp(d.header.start),
                C.END: pd.Timestamp(d.header.end),
                "window_start": pd.Timestamp(d.header.window_start),
                "window_end": pd.Timestamp(d.header.window_end),
                "key_figures": ",".join(d.header.key_figures),
                C.FILE: d.file,
            }
            for d in docs
        ],
        columns=[
            C.ID,
            *expand("title", "label"),
            *expand("short", "label"),
            *expand("summary", "label"),
            "start",
            C.END,
            "window_start",
            "window_end",
            "key_figures",
            C.FILE,
        ],
    )


def build_frames(
    docs: list[EpisodeDoc], registry: SourcesFile | None, vocab: VocabularyFile | None
) -> dict[str, pd.DataFrame]:
    """Every frame of the dataset from accepted documents."""
    lookups = Context.build(registry, vocab)
    episodes = [d.header.id for d in docs]
    classes = [c.id for c in vocab.classes] if vocab else []
    conflicts, claims, by_record = _conflict_index(docs)
    frames: dict[str, pd.DataFrame] = {}
    for table in S.TABLES:
        rows = [_record(d, table, r, lookups, by_record) for d in docs for r in d.tables[table]]
        frames[table] = _typed(pd.DataFrame(rows, columns=table_columns(table)), episodes, classes, field_kinds(table))
    frames["conflicts"] = _typed(pd.DataFrame(conflicts, columns=conflict_columns()), episodes, classes, {})
    frames["conflict_claims"] = _typed(pd.DataFrame(claims, columns=CLAIM_COLUMNS), episodes, classes, {})
    frames["episodes"] = _episodes(docs)
    frames.update(_vocab_frames(registry, vocab))
    frames["records"] = _records(frames)
    return frames


def _records(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every figure of every table in one frame, indexed by (episode, id): for derivations and conflicts."""
    columns = record_columns(S.FIGURE_TABLES)
    kinds = {name: k for t in S.FIGURE_TABLES for name, k in field_kinds(t).items()}
    typed = {name for name, k in kinds.items() if k in ("when", "number")} | {C.DERIVED}
    parts = []
    for table in S.FIGURE_TABLES:
        df = frames[table]
        part = df.reindex(columns=columns)
        part[C.TABLE] = table
        part[C.ENTITY] = df[ENTITY_KEY[table]].astype(str) if len(df) else ""
        part[C.EPISODE] = df[C.EPISODE].astype(str)
        part[C.ASSET_CLASS] = df[C.ASSET_CLASS].astype(object).fillna("") if C.ASSET_CLASS in df else ""
        if table == "scenarios":  # a scenario is labelled by its name
            for lang in LANGS:
                part[lang_column("label", lang)] = df[lang_column("name", lang)]
        text = [c for c in part.columns if c not in typed]
        part[text] = part[text].astype(object).fillna("")
        parts.append(part)
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    for name, k in kinds.items():  # a column of one table only is empty elsewhere: keep its type
        if k == "when":
            out[name] = pd.to_datetime(out[name]).astype("datetime64[ns]")
        elif k == "number":
            out[name] = pd.to_numeric(out[name]).astype("float64")
    return out.set_index([C.EPISODE, C.ID], drop=False)
