"""Hover provenance: what a figure is, where it comes from, how it was derived, and who disagrees.

Bitcoin · Crypto
−12.81% · intraday · 6 Feb 2026
Source: 002 · In-depth research on … · via CoinGlass
“比特币日内暴跌12.81%……”
⚠ Sources disagree: …
  000 · 21 Jan 2026: −1.76%
"""

from __future__ import annotations

import pandas as pd

from charts.kit.provenance import (
    TRANSLATION_CHARS,
    date_text,
    label,
    number,
    outlet_label,
    safe,
    shorten,
    source_label,
    translation,
    value_text,
    window_text,
    wrap,
)
from data import refs
from data import select as sel
from data.columns import C
from i18n import localized, t

escape = safe  # Plotly shows &quot; as written, so quotes stay unescaped
TEXTS = "hover_texts"  # frames key of a dataset's precomputed hover texts (charts/kit/texts.py), when it has them


def _lookup(frames: dict, episode: str, record_id: str):
    records = frames["records"]
    key = (str(episode), str(record_id))
    return records.loc[key] if key in records.index else None


def claim_line(frames: dict, episode: str, record_id: str, lang: str, escape_html: bool = True) -> str:
    """'000 · 21 Jan 2026: −1.76% (1d)' for one claim of a conflict; HTML-escaped for Plotly unless the caller
    renders it as a text node (Dash components do)."""
    escape = safe if escape_html else str
    row = _lookup(frames, episode, record_id)
    if row is None:
        events = frames["events"]
        match = events[(events[C.EPISODE].astype(str) == episode) & (events[C.ID] == record_id)]
        if match.empty:
            return escape(record_id)
        ev = match.iloc[0]
        title = localized(ev, "title", lang)
        return escape(f"{str(ev[C.SOURCE])[:3]} · {date_text(ev, lang)}: {title}")
    src = "+".join(s[:3] for s in str(row[C.SOURCE]).split(",") if s)
    when = date_text(row, lang)
    window = f" ({window_text(row[C.WINDOW], lang)})" if row[C.WINDOW] else ""
    return escape(f"{src} · {when}: {label(row, lang)} {value_text(row, lang)}{window}")


def conflict_lines(frames: dict, conflict_ids: str, lang: str, home: str = "") -> list[str]:
    """For each conflict a record of episode `home` belongs to (data.refs): its question, then every claim with
    its source."""
    lines = []
    for key in refs.keys(conflict_ids, home):
        row = sel.conflict(frames, key)
        if row is None:
            continue
        topic = localized(row, "topic", lang)
        lines.append(f"<b>⚠ {escape(t('hover.conflict', lang))}:</b> {wrap(escape(topic))}")
        worked = localized(row, C.ARITHMETIC, lang)
        if worked:
            lines.append(f"<i>{escape(t('hover.arithmetic', lang))}:</i> {wrap(escape(worked), 60)}")
        for _, c in sel.claims_of(frames, key).iterrows():
            lines.append("  • " + claim_line(frames, str(c[C.CLAIM_EPISODE]), str(c[C.CLAIM_ID]), lang))
    return lines


def derived_lines(frames: dict, row, lang: str) -> list[str]:
    """'Derived by Crashboard: a − b', then each input with its value and source."""
    if not bool(row.get(C.DERIVED, False)):
        return []
    lines = [f"<i>{escape(t('hover.derived', lang))}:</i> {escape(str(row.get(C.FORMULA, '')))}"]
    for rid in [i for i in str(row.get(C.INPUTS, "")).split(",") if i]:
        lines.append("  " + escape(t("hover.from", lang)) + " " + claim_line(frames, str(row[C.EPISODE]), rid, lang))
    return lines


def hover(row, frames: dict, lang: str = "en", what: str = "") -> str:
    """The full hover text of one figure (a row of any table frame), safe for Plotly's HTML subset.
    Records of the loaded dataset come from the precomputed table; `what` is added to the first line."""
    key = (str(row.get(C.EPISODE, "")), str(row.get(C.ID, "")))
    table = _table(frames, lang)
    text = table.get(key) if table is not None else None
    if text is None:
        return build(row, frames, lang, what)
    if what:
        head, _, rest = text.partition("<br>")
        text = f"{head} · {escape(what)}<br>{rest}"
    return text


def quote_lines(row, lang: str) -> list[str]:
    """The source's words: in a language the source is not written in, its translation first, then the original;
    in the source's language, the original alone. Each is shortened around the figure."""
    quote = str(row.get(C.QUOTE, "") or "")
    if not quote:
        return []
    value = row.get(C.VALUE)
    around = number(abs(float(value))).replace(",", "") if value is not None and not pd.isna(value) else ""
    original = "“" + wrap(escape(shorten(quote, around))) + "”"
    english = translation(row, lang)
    if not english:
        return [original]
    shown = wrap(escape(shorten(english, around, TRANSLATION_CHARS)), 60)
    return [
        f"<i>{escape(t('hover.translation', lang))}:</i> “{shown}”",
        f"<i>{escape(t('hover.original', lang))}:</i> {original}",
    ]


def build(row, frames: dict, lang: str = "en", what: str = "") -> str:
    """Build the hover text of a row from scratch."""
    head = f"<b>{escape(label(row, lang))}</b>" + (f" · {escape(what)}" if what else "")
    when = " · ".join(
        p for p in (value_text(row, lang), window_text(str(row.get(C.WINDOW) or ""), lang), date_text(row, lang)) if p
    )
    lines = [head, escape(when)]
    source = source_label(str(row.get(C.SOURCE, "")), frames, lang)
    outlet = outlet_label(str(row.get(C.OUTLET, "") or ""), frames, lang)
    src = f"{t('hover.source', lang)}: {source}" + (f" · {t('hover.outlet', lang)} {outlet}" if outlet else "")
    lines.append(wrap(escape(src), 60))
    lines += quote_lines(row, lang)
    lines += derived_lines(frames, row, lang)
    lines += conflict_lines(frames, str(row.get(C.CONFLICT_IDS, "") or ""), lang, str(row.get(C.EPISODE, "")))
    note = str(localized(row, "note", lang))
    if note:
        lines.append("<i>" + wrap(escape(note), 60) + "</i>")
    return "<br>".join(lines)


def record_texts(frames: dict, lang: str) -> dict[tuple[str, str], str]:
    """(episode, record id) -> hover text of every record of the frames, in one language (hovers are pure
    functions of the record and the frames, and building them is the slow part of drawing a chart). Built once
    per dataset by charts/kit/texts.py."""
    return {
        (str(r[C.EPISODE]), str(r[C.ID])): build(r, frames, lang)
        for r in frames["records"].reset_index(drop=True).to_dict("records")
    }


def _table(frames: dict, lang: str) -> dict | None:
    """The precomputed hover texts of the frames' records (charts/kit/texts.py), or None for bare frames."""
    texts = frames.get(TEXTS)
    return texts.records_in(frames, lang) if texts is not None else None


def hovers(df: pd.DataFrame, frames: dict, lang: str = "en") -> list[str]:
    """The hover text of each row of a table frame, from the precomputed table."""
    table = _table(frames, lang) or {}
    out = []
    for ep, rid, row in zip(df[C.EPISODE].astype(str), df[C.ID].astype(str), range(len(df)), strict=True):
        text = table.get((ep, rid))
        out.append(text if text is not None else build(df.iloc[row].to_dict(), frames, lang))
    return out
