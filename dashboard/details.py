"""The selection panel (every figure and claim about the selected asset) and the conflicts panel (every
disagreement behind what is on screen, with each claim and its source)."""
from __future__ import annotations

import pandas as pd
from dash import html

from data import select as sel
from data.columns import C

from charts.kit.hover import claim_line
from i18n import t
from dashboard.card import data_table
from charts.kit.provenance import label

_WORDS = {"none": ("Nothing selected. Click a bar or a point in any chart.", "未选择。点击任一图表中的柱或点。"),
          "no_conflicts": ("The sources agree on everything shown here.", "此处显示的内容，资料之间没有分歧。"),
          "figures": ("figures", "个数字")}


def _w(key: str, lang: str) -> str:
    en, zh = _WORDS[key]
    return zh if lang == "zh" else en


def selection_rows(frames: dict, entity: str | None) -> pd.DataFrame:
    """Every figure about `entity`, in every episode and table."""
    records = frames["records"]
    if not entity:
        return records.iloc[0:0]
    return records[records[C.ENTITY] == entity].reset_index(drop=True)


def selection_label(frames: dict, entity: str | None, lang: str) -> str:
    rows = selection_rows(frames, entity)
    if rows.empty:
        return t("ctl.none_selected", lang)
    return label(rows.iloc[0].to_dict(), lang)


def detail(frames: dict, entity: str | None, lang: str) -> list:
    rows = selection_rows(frames, entity)
    if rows.empty:
        return [html.P(_w("none", lang), className="hint")]
    head = html.H3(f"{label(rows.iloc[0].to_dict(), lang)} · {len(rows)} {_w('figures', lang)}")
    return [head, data_table(rows, frames, lang), *conflicts(frames, rows, lang, empty_note=False)]


def conflicts(frames: dict, rows: pd.DataFrame, lang: str, empty_note: bool = True) -> list:
    """Each conflict that has a claim among `rows`: its question, its note, and every claim with its source."""
    claims = frames["conflict_claims"]
    shown = set(zip(rows[C.EPISODE].astype(str), rows[C.ID].astype(str)))
    hit = claims[[(str(e), str(i)) in shown for e, i in zip(claims[C.CLAIM_EPISODE], claims[C.CLAIM_ID])]]
    items = []
    for key in dict.fromkeys(zip(hit[C.EPISODE].astype(str), hit[C.CONFLICT_ID].astype(str))):
        c = sel.conflict(frames, key)
        lines = [html.Li(claim_line(frames, str(k[C.CLAIM_EPISODE]), str(k[C.CLAIM_ID]), lang, escape_html=False))
                 for _, k in sel.claims_of(frames, key).iterrows()]
        items.append(html.Li([
            html.Span(str(c[C.KIND]).replace("_", " "), className=f"badge {c[C.SEVERITY]}"), " ",
            html.Strong(c[C.TOPIC_ZH if lang == "zh" else C.TOPIC_EN]),
            html.P(c[C.NOTE_ZH if lang == "zh" else C.NOTE_EN]), html.Ul(lines),
        ]))
    if not items:
        return [html.P(_w("no_conflicts", lang), className="hint")] if empty_note else []
    return [html.Ul(items, className="conflicts")]
