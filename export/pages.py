"""The HTML files: one interactive page per chart and the index. Static text only: the figure travels as JSON in a
<script type="application/json"> element, and the shared `crashboard-export.js` draws it with the shared
`plotly.min.js`, so no page carries executable inline script or its own copy of plotly.js."""

from __future__ import annotations

from .chart import Chart
from .markup import esc, script_json
from .words import w

PLOTLY_JS = "plotly.min.js"
LOADER_JS = "crashboard-export.js"
CSS = "export.css"
IMAGE_WIDTH = 1000  # layout pixels of the exported images; the PNG is drawn at twice this


def files(name: str) -> dict[str, str]:
    """The file names written for one chart, by kind."""
    return {
        "html": f"{name}.html",
        "png": f"{name}.png",
        "svg": f"{name}.svg",
        "csv": f"{name}.csv",
        "md": f"{name}-sources.md",
    }


def _head(title: str, lang: str, theme: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{esc(title)}</title>\n<link rel="stylesheet" href="{CSS}">\n</head>\n'
        f'<body class="theme-{esc(theme)}">\n<main>\n'
    )


def _links(name: str, lang: str, images: bool, page: bool) -> str:
    kinds = (["html"] if page else []) + (["png", "svg"] if images else []) + ["csv", "md"]
    f = files(name)
    return " · ".join(f'<a href="{esc(f[k])}">{esc(w("page" if k == "html" else k, lang))}</a>' for k in kinds)


def chart_page(chart: Chart, footnote_html: str, view: str, lang: str, theme: str, images: bool) -> str:
    """A self-contained page for one chart: title, headline tiles, the chart, its text alternative, sources,
    links to its other files, and the view line."""
    n = esc(chart.name)
    figure = script_json(chart.figure.to_json())
    extra = f'<div class="extra">{chart.extra_html}</div>\n' if chart.extra_html else ""
    return (
        _head(f"{chart.title} · Crashboard", lang, theme)
        + f"<h1>{esc(chart.title)}</h1>\n{extra}"
        + f'<figure class="chart-frame">\n<div id="chart-{n}" class="chart" '
        f'aria-describedby="summary-{n}"></div>\n'
        + f'<figcaption id="summary-{n}" class="summary">{esc(chart.summary)}</figcaption>\n</figure>\n'
        + f'<script type="application/json" id="figure-{n}">{figure}</script>\n'
        + footnote_html
        + "\n"
        + f'<p class="links">{_links(chart.name, lang, images, page=False)} · '
        f'<a href="index.html">{esc(w("all", lang))}</a></p>\n'
        + f'<p class="view">{esc(view)}</p>\n</main>\n'
        + f'<script src="{PLOTLY_JS}"></script>\n<script src="{LOADER_JS}"></script>\n</body>\n</html>\n'
    )


def _entry(chart: Chart, lang: str, images: bool) -> str:
    f = files(chart.name)
    if images:
        picture = (
            f'<a href="{esc(f["html"])}"><img src="{esc(f["png"])}" alt="{esc(chart.summary)}" '
            f'width="{IMAGE_WIDTH}" height="{chart.height}" loading="lazy"></a>'
        )
    else:
        picture = f'<p class="note">{esc(w("no_images", lang))}</p>'
    return (
        f'<section class="entry" id="{esc(chart.name)}">\n<h2><a href="{esc(f["html"])}">{esc(chart.title)}'
        f'</a></h2>\n{picture}\n<p class="links">{_links(chart.name, lang, images, page=True)}</p>\n'
        "</section>\n"
    )


def index_page(charts: list[Chart], view: str, lang: str, theme: str, images: bool) -> str:
    """Every chart with its title, its PNG (alt text: the chart's text alternative) and links to its files."""
    return (
        _head(w("index", lang), lang, theme)
        + f"<h1>{esc(w('index', lang))}</h1>\n<p>{esc(w('intro', lang))}</p>\n"
        + f'<p class="view">{esc(view)}</p>\n'
        + "".join(_entry(c, lang, images) for c in charts)
        + "</main>\n</body>\n</html>\n"
    )
