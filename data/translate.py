"""Pydantic errors in plain words, with hints for the YAML 1.1 traps that cause most of them."""

from __future__ import annotations

import difflib
import re
from typing import get_args

from pydantic import ValidationError

from .errors import Issue, Path
from .safeyaml import Located

_EXPECTED = {
    "string_type": "text",
    "float_type": "a number",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "date_type": "a date (YYYY-MM-DD)",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}
_BOOLISH = {"yes", "no", "on", "off", "y", "n", "true", "false"}
_PYYAML_EXP = re.compile(r"^[-+]?\d+(\.\d*)?[eE][-+]?\d+$")


def describe(value: object) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if value is None:
        return "nothing (null)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _hint(err_type: str, located: Located, path: Path) -> str:
    scalar = located.scalars.get(path)
    if scalar is None or scalar.quoted:
        return ""
    text = scalar.text
    if err_type == "string_type" and text.lower() in _BOOLISH:
        return f" (YAML 1.1 reads an unquoted {text} as a boolean; write '{text}')"
    if err_type == "string_type" and scalar.tag in ("int", "float"):
        return f" (YAML reads an unquoted {text} as a number; write '{text}' to keep it as written)"
    if err_type == "string_type" and scalar.tag == "timestamp":
        return f" (YAML reads an unquoted {text} as a date; quote it)"
    if err_type in ("float_type", "int_type") and _PYYAML_EXP.match(text):
        return f" (PyYAML reads {text} as text: exponents need a dot and a sign, like 2.5e+9)"
    return ""


def issues_from(exc: ValidationError, prefix: Path, located: Located, name: str, model=None) -> list[Issue]:
    """One Issue per pydantic error, located at the field (or at the key, for unknown fields)."""
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function"))))
        path = prefix + loc
        kind, given = err["type"], err.get("input")
        at_key = False
        if kind == "missing":
            msg = "is required but missing"
        elif kind == "extra_forbidden":
            at_key = True
            msg = f"unknown field '{loc[-1]}'" + _did_you_mean(str(loc[-1]), model, loc)
        elif kind in _EXPECTED:
            msg = f"expected {_EXPECTED[kind]}, got {describe(given)}" + _hint(kind, located, path)
        elif kind == "finite_number":
            msg = "NaN and infinity are not allowed; leave out a figure the seed does not give"
        elif kind == "literal_error":
            msg = f"{given!r} is not allowed; expected {err['ctx']['expected']}"
        elif kind == "string_pattern_mismatch":
            msg = f"{given!r} does not have the expected form ({err['ctx']['pattern']})"
        elif kind == "string_too_short":
            msg = "must not be empty"
        elif kind == "too_short":
            msg = f"needs at least {err['ctx']['min_length']} item(s)"
        elif kind == "value_error":
            msg = str(err["msg"]).removeprefix("Value error, ")
        else:
            msg = err["msg"]
        line, col = located.position(path, key=at_key)
        out.append(Issue(name, msg, line, col, path))
    return out


def _did_you_mean(key: str, model, loc: tuple) -> str:
    if model is None:
        return ""
    target = model
    for part in loc[:-1]:
        field = getattr(target, "model_fields", {}).get(part)
        inner = (
            [a for a in (field.annotation, *get_args(field.annotation)) if hasattr(a, "model_fields")]
            if field is not None
            else []
        )
        if not inner:
            return ""
        target = inner[0]
    names = [f.alias or n for n, f in target.model_fields.items()]
    close = difflib.get_close_matches(key, names, n=1)
    return f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(names)}"
