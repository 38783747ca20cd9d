"""The sources footnote of a chart: each seed file behind its figures, with title, kind, SHA-256 and the outlets
credited, as an HTML table for the page and as short Markdown for a wiki editor to paste under the image."""

from __future__ import annotations

from dataclasses import dataclass

from charts.kit.provenance import outlet_label
from dashboard import sources
from data.columns import C
from i18n import localized

from .markup import esc, md, md_code
from .words import w


@dataclass(frozen=True)
class Source:
    file: str
    title: str
    kind: str
    sha256: str
    figures: int
    outlets: tuple[str, ...]


def lines(frames: dict, rows, lang: str) -> list[Source]:
    """One Source per seed file behind `rows`, sorted by file name (`dashboard.sources.used`)."""
    meta = frames["sources"].set_index(C.FILE)
    out = []
    for r in sources.used(rows).sort_values(C.FILE).to_dict("records"):
        info = meta.loc[r[C.FILE]] if r[C.FILE] in meta.index else None

        def field(name, info=info):
            return "" if info is None else str(localized(info, name, lang))

        out.append(
            Source(
                file=str(r[C.FILE]),
                title=field("title"),
                kind=field("kind"),
                sha256="" if info is None else str(info["sha256"]),
                figures=int(r["figures"]),
                outlets=tuple(outlet_label(o, frames, lang) for o in str(r["outlets"]).split(",") if o),
            )
        )
    return out


def html_table(items: list[Source], lang: str) -> str:
    """The footnote section of a chart's page."""
    if not items:
        return (
            f'<section class="sources"><h2>{esc(w("sources", lang))}</h2><p>{esc(w("no_sources", lang))}</p></section>'
        )
    head = "".join(f"<th>{esc(w(k, lang))}</th>" for k in ("file", "title", "kind", "figures", "outlets"))
    body = "".join(
        f"<tr><td><code>{esc(s.file)}</code></td><td>{esc(s.title)}</td><td>{esc(s.kind)}</td>"
        f'<td class="num">{s.figures}</td><td>{esc(", ".join(s.outlets))}</td></tr>'
        f'<tr class="sha"><td colspan="5">SHA-256 <code>{esc(s.sha256)}</code></td></tr>'
        for s in items
    )
    return (
        f'<section class="sources"><h2>{esc(w("sources", lang))}</h2>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f'<p class="derived">{esc(w("derived", lang))}</p></section>'
    )


def markdown(items: list[Source], title: str, view: str, lang: str) -> str:
    """Short Markdown: a heading line, one bullet per seed file, the note on derived figures, the view."""
    out = [f"**{md(w('md_head', lang, title=title))}**", ""]
    if not items:
        out.append(md(w("no_sources", lang)))
    for s in items:
        out.append(
            "- "
            + w(
                "md_line",
                lang,
                title=md(s.title),
                kind=md(s.kind),
                file=md_code(s.file),
                sha=md_code(s.sha256),
                outlets=md(", ".join(s.outlets)) or "—",
            )
        )
    out += ["", md(w("derived", lang)), "", f"_{md(view)}_", ""]
    return "\n".join(out)
