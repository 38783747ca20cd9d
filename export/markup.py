"""Text made safe for where it lands: HTML text and attributes, JSON inside a <script> element, Markdown, and
a small writer of Dash html components (the panels' headline tiles) to escaped HTML."""

from __future__ import annotations

import html
import re

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")
_ATTR_NAME = re.compile(r"(data|aria)-[a-z0-9-]+\Z")
# Dash html components the tiles may use, and the tag each becomes; anything else is written as a <span>.
_TAGS = {
    "Div": "div",
    "Span": "span",
    "Strong": "strong",
    "Em": "em",
    "B": "b",
    "I": "i",
    "Small": "small",
    "Code": "code",
    "P": "p",
    "Br": "br",
    "Ul": "ul",
    "Ol": "ol",
    "Li": "li",
    "Sup": "sup",
    "Sub": "sub",
}
_VOID = {"br"}


def esc(text) -> str:
    """Text or an attribute value for HTML (quotes included)."""
    return html.escape(str(text), quote=True)


def script_json(text: str) -> str:
    """JSON text that can sit inside <script type="application/json">: '<', '>' and '&' become JSON escapes
    (so '</script>' or '<!--' in data cannot end the element), as do the two line separators JavaScript once
    refused. The result parses to the same value."""
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def md(text) -> str:
    """Data text for Markdown: HTML-escaped (a wiki may render raw HTML) and Markdown punctuation backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def md_code(text) -> str:
    """A value for a Markdown code span (file names, hashes): no backticks, no line breaks."""
    return " ".join(str(text).replace("`", "'").split())


def _attrs(props: dict) -> str:
    out = []
    if props.get("className"):
        out.append(("class", props["className"]))
    if props.get("title"):
        out.append(("title", props["title"]))
    out += [(k, v) for k, v in props.items() if _ATTR_NAME.match(k) and v is not None]
    return "".join(f' {k}="{esc(v)}"' for k, v in sorted(out))


def component(node) -> str:
    """Escaped HTML for a tree of Dash html components, strings and numbers. Only text, class, title and
    data-/aria- attributes are written: no styles, no event handlers, no links."""
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, (list, tuple)):
        return "".join(component(n) for n in node)
    if isinstance(node, (str, int, float)):
        return esc(node)
    props = node.to_plotly_json()["props"] if hasattr(node, "to_plotly_json") else {"children": str(node)}
    tag = _TAGS.get(type(node).__name__, "span")
    if tag in _VOID:
        return f"<{tag}>"
    return f"<{tag}{_attrs(props)}>{component(props.get('children'))}</{tag}>"
