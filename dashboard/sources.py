"""The sources panel: every seed document behind the figures on screen, with its SHA-256 and the outlets it
credits for them."""

from __future__ import annotations

import pandas as pd
from dash import html

from charts.kit.provenance import outlet_label
from data.columns import C
from i18n import localized, t

COLUMNS = ("file", "title", "kind", "figures", "outlets", "sha256")  # heads: sources.<column>


def used(rows: pd.DataFrame) -> pd.DataFrame:
    """One line per source file behind `rows`: how many figures it gives and which outlets it credits.
    A derived figure counts for every source of its inputs."""
    if rows.empty:
        return pd.DataFrame(columns=[C.FILE, "figures", "outlets"])
    files = rows[C.SOURCE].astype(str).str.split(",")
    exploded = rows.assign(**{C.FILE: files}).explode(C.FILE)
    exploded = exploded[exploded[C.FILE] != ""]
    out = exploded.groupby(C.FILE, sort=True).agg(
        figures=(C.ID, "size"), outlets=(C.OUTLET, lambda s: ",".join(sorted({o for o in s.astype(str) if o})))
    )
    return out.reset_index()


def children(frames: dict, rows: pd.DataFrame, lang: str) -> list:
    """The panel's content for the figures on screen (text only)."""
    counts = used(rows)
    meta = frames["sources"].set_index(C.FILE)
    body = []
    for r in counts.to_dict("records"):
        f = r[C.FILE]
        info = meta.loc[f] if f in meta.index else None
        title = "" if info is None else localized(info, "title", lang)
        kind = "" if info is None else localized(info, "kind", lang)
        sha = "" if info is None else info["sha256"]
        outlets = ", ".join(outlet_label(o, frames, lang) for o in r["outlets"].split(",") if o)
        body.append(
            html.Tr(
                [
                    html.Td(html.Code(f)),
                    html.Td(title),
                    html.Td(kind),
                    html.Td(str(r["figures"]), className="num"),
                    html.Td(outlets),
                    html.Td(html.Code(sha[:12] + "…", title=sha)),
                ]
            )
        )
    head = html.Thead(html.Tr([html.Th(t(f"sources.{c}", lang)) for c in COLUMNS]))
    return [html.Table([head, html.Tbody(body)], className="sources")]


def credit(frames: dict, rows: pd.DataFrame, lang: str, most: int = 3) -> str:
    """One line naming the sources behind `rows`, for an embed or a slide: 'Source: <title> (002, Research
    report, 2026-02-06) · via CoinGlass, Farside and 2 more'."""
    counts = used(rows)
    if counts.empty:
        return ""
    meta = frames["sources"].set_index(C.FILE)
    files = [f for f in counts[C.FILE] if f in meta.index]
    if len(files) == 1:
        info = meta.loc[files[0]]
        title, kind = localized(info, "title", lang), localized(info, "kind", lang)
        day = pd.Timestamp(info["date"]).strftime("%Y-%m-%d") if pd.notna(info["date"]) else ""
        detail = ", ".join(p for p in (files[0][:3], kind, day) if p)
        text = f"{t('credit.source', lang)}{t('punct.colon', lang)}{title} ({detail})"
    else:
        text = f"{t('credit.sources', lang)}{t('punct.colon', lang)}" + ", ".join(f[:3] for f in files)
    outlets = sorted({o for line in counts["outlets"] for o in str(line).split(",") if o})
    if outlets:
        names = [outlet_label(o, frames, lang) for o in outlets[:most]]
        more = len(outlets) - most
        text += f" · {t('credit.via', lang)} " + ", ".join(names)
        text += (" " + t("credit.more", lang).format(n=more)) if more > 0 else ""
    return text
