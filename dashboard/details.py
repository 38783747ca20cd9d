"""The selection panel (every figure and claim about the selected asset) and the conflicts panel (every
disagreement behind what is on screen, with each claim and its source)."""

from __future__ import annotations

import pandas as pd
from dash import html

from charts.kit.hover import claim_line
from charts.kit.provenance import label
from dashboard import episodes, quote
from dashboard.card import data_table
from data import select as sel
from data.columns import C
from i18n import localized, t


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
        return [html.P(t("details.none", lang), className="hint")]
    head = html.H3(t("details.figures", lang, label=label(rows.iloc[0].to_dict(), lang), n=len(rows)))
    return [head, data_table(rows, frames, lang), *conflicts(frames, rows, lang, empty_note=False)]


def _claimed(frames: dict, claim) -> dict:
    """The record or event a conflict's claim names, as a dict (empty when it is not loaded)."""
    key = (str(claim[C.CLAIM_EPISODE]), str(claim[C.CLAIM_ID]))
    if key in frames["records"].index:
        return frames["records"].loc[key].to_dict()
    events = frames["events"]
    hit = events[(events[C.EPISODE].astype(str) == key[0]) & (events[C.ID] == key[1])]
    return hit.iloc[0].to_dict() if len(hit) else {}


def conflicts(frames: dict, rows: pd.DataFrame, lang: str, empty_note: bool = True) -> list:
    """Each conflict that has a claim among `rows`: its question, its note, and every claim with its source."""
    claims = frames["conflict_claims"]
    shown = set(zip(rows[C.EPISODE].astype(str), rows[C.ID].astype(str), strict=True))
    hit = claims[[(str(e), str(i)) in shown for e, i in zip(claims[C.CLAIM_EPISODE], claims[C.CLAIM_ID], strict=True)]]
    items = []
    for key in dict.fromkeys(zip(hit[C.EPISODE].astype(str), hit[C.CONFLICT_ID].astype(str), strict=True)):
        c = sel.conflict(frames, key)
        lines = [
            html.Li(
                [
                    claim_line(frames, str(k[C.CLAIM_EPISODE]), str(k[C.CLAIM_ID]), lang, escape_html=False),
                    html.Div(quote.block(_claimed(frames, k), lang), className="claim-quote"),
                ]
            )
            for _, k in sel.claims_of(frames, key).iterrows()
        ]
        worked = localized(c, C.ARITHMETIC, lang)
        arithmetic = [html.P([html.Em(t("hover.arithmetic", lang) + ": "), worked], className="arithmetic")]
        items.append(
            html.Li(
                [
                    episodes.badge(str(c[C.KIND]), str(c[C.SEVERITY]), lang),
                    " ",
                    html.Strong(localized(c, "topic", lang)),
                    html.P(localized(c, "note", lang)),
                    *(arithmetic if worked else []),
                    html.Ul(lines),
                ]
            )
        )
    if not items:
        return [html.P(t("details.no_conflicts", lang), className="hint")] if empty_note else []
    return [html.Ul(items, className="conflicts")]
