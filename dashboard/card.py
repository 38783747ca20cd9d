"""The frame every chart sits in: title, graph, text alternative, data table toggle and CSV download.

`table_frame` and `csv_text` turn the rows a chart draws into the table a reader sees and the file they
download, so the three always agree.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from charts.kit.provenance import date_text, label, outlet_label, value_text, window_text
from core import ids
from dashboard import quote
from data import csvsafe
from data.columns import C, csv_columns, precision
from data.schema import FIGURE_TABLES
from i18n import localized, t

GRAPH_CONFIG = {
    "displaylogo": False,
    "showSendToCloud": False,  # no "edit in Chart Studio": nothing leaves the site
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "zoom2d", "pan2d", "sendChartToCloud"],
}


def iso_date(ts, precision) -> str:
    """'2026-02-06', or '2026-01' / '2025' when the source gives only the month or the year."""
    if ts is None or pd.isna(ts):
        return ""
    return ts.strftime({"year": "%Y", "month": "%Y-%m"}.get(str(precision or "day"), "%Y-%m-%d"))


def tables_of(rows: pd.DataFrame) -> tuple[str, ...]:
    """The tables `rows` come from (every figure table when they do not say)."""
    named = tuple(dict.fromkeys(rows[C.TABLE].astype(str))) if C.TABLE in rows and len(rows) else ()
    return named or FIGURE_TABLES


def _column(records: list[dict], name: str, kind: str, lang: str) -> list:
    """One CSV column of `records`, by its field's kind (data.columns.csv_columns)."""
    if name == "label":
        return [label(r, lang) for r in records]
    if name == "value_text":
        return [value_text(r, lang) for r in records]
    if kind == "label":  # text written per language: the CSV's language, English where it is not written
        return [localized(r, name, lang) for r in records]
    if kind == "when":  # an end date without its own precision has its start's
        return [iso_date(r.get(name), r.get(precision(name)) or r.get(C.DATE_PRECISION)) for r in records]
    if kind == "derive":
        return [bool(r.get(C.DERIVED)) if r.get(C.DERIVED) is not None else False for r in records]
    return [r.get(name) for r in records]


def table_frame(rows: pd.DataFrame, frames: dict, lang: str = "en") -> pd.DataFrame:
    """The rows a chart shows, one line per figure, with the columns of the CSV: every field of the rows'
    tables, from their models (data.columns.csv_columns), so a new field reaches the CSV by itself."""
    records = rows.to_dict("records")
    out = {}
    for name, kind in csv_columns(tables_of(rows)):
        if kind == "derive":
            out[C.DERIVED] = _column(records, name, kind, lang)
            out[C.FORMULA] = [r.get(C.FORMULA, "") for r in records]
            out[C.INPUTS] = [r.get(C.INPUTS, "") for r in records]
        else:
            out[name] = _column(records, name, kind, lang)
    frame = pd.DataFrame(out, index=rows.index)
    text = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) in ("str", "string")]
    frame[text] = frame[text].fillna("")
    return frame


def csv_text(rows: pd.DataFrame, frames: dict, lang: str = "en") -> str:
    """CSV of exactly the figures a chart draws, with their provenance; no cell can run as a spreadsheet
    formula (data.csvsafe)."""
    return csvsafe.to_csv(table_frame(rows, frames, lang))


def data_table(rows: pd.DataFrame, frames: dict, lang: str) -> html.Table:
    """The table behind a chart, as text (every cell is a string, never HTML)."""
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(k, lang))
                for k in ("col.label", "col.value", "col.date", "col.source", "col.outlet", "col.quote")
            ]
        )
    )
    body = []
    for r in rows.to_dict("records"):
        when = " · ".join(p for p in (date_text(r, lang), window_text(str(r.get(C.WINDOW) or ""), lang)) if p)
        body.append(
            html.Tr(
                [
                    html.Td(label(r, lang)),
                    html.Td(value_text(r, lang), className="num"),
                    html.Td(when),
                    html.Td(str(r.get(C.SOURCE, ""))[:3] or "", title=str(r.get(C.SOURCE, ""))),
                    html.Td(outlet_label(str(r.get(C.OUTLET) or ""), frames, lang)),
                    html.Td(
                        "= " + str(r.get(C.FORMULA) or "") if r.get(C.DERIVED) else quote.block(r, lang),
                        className="quote",
                    ),
                ]
            )
        )
    return html.Table([head, html.Tbody(body)], className="data-table")


def card(name: str, lang: str, extra: bool = False) -> html.Section:
    """One chart's section: its title, the slot assets/charts.js draws it into (with its headline tiles, where it
    has them), its text alternative, and the button that opens the data / download / share panel for it."""
    return html.Section(
        [
            html.Div(
                [
                    html.H2(t(f"panel.{name}", lang), id=ids.text(f"panel.{name}")),
                    html.Button(
                        t("tools.open", lang), id=ids.tools_button(name), className="button tools-open", n_clicks=0
                    ),
                ],
                className="card-head",
            ),
            html.Div(id=ids.extra(name), className="extra") if extra else None,
            html.Div(
                id=ids.chart(name),
                className="chart-slot",
                role="img",
                **{"aria-describedby": ids.summary(name), "data-chart": name},
            ),
            html.P(id=ids.summary(name), className="summary", **{"aria-live": "polite"}),
        ],
        id=ids.panel(name),
        className="card panel",
    )
