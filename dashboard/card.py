"""The frame every chart sits in: title, graph, text alternative, data table toggle and CSV download.

`table_frame` and `csv_text` turn the rows a chart draws into the table a reader sees and the file they
download, so the three always agree.
"""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from charts.kit.provenance import date_text, label, outlet_label, value_text, window_text
from core import ids
from dashboard import quote, share
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


def card(name: str, lang: str, open_data: bool = False, extra: bool = False) -> html.Section:
    """One chart's section. Its figure, summary, table and download are filled by callbacks."""
    return html.Section(
        [
            html.H2(t(f"panel.{name}", lang), id=ids.text(f"panel.{name}")),
            html.Div(id=ids.extra(name), className="extra") if extra else None,
            html.Div(
                dcc.Graph(
                    id=ids.chart(name),
                    className="chart",
                    config=GRAPH_CONFIG,
                    responsive=True,
                    style={"height": "320px"},
                ),
                role="figure",
                **{"aria-describedby": ids.summary(name)},
            ),
            html.P(id=ids.summary(name), className="summary", **{"aria-live": "polite"}),
            html.Div(
                [
                    dcc.Checklist(
                        id=ids.data_toggle(name),
                        options=[{"label": t("ctl.show_data", lang), "value": "on"}],
                        value=["on"] if open_data else [],
                        className="toggle",
                        inline=True,
                    ),
                    html.Button(t("ctl.download", lang), id=ids.download_button(name), className="button", n_clicks=0),
                    dcc.Download(id=ids.download(name)),
                    share.box(name, lang),
                ],
                className="chart-tools",
            ),
            html.Div(id=ids.table(name), className="table-wrap", hidden=not open_data),
            dcc.Store(id=ids.table_view(name)),
        ],
        id=ids.panel(name),
        className="card panel",
    )
