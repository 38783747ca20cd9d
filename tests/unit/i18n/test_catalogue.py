"""The catalogues: one per language and a language per catalogue, every key translated in every language with
the same placeholders, and every key the code asks for by name present."""

from __future__ import annotations

import re
import string
import subprocess
from pathlib import Path

import pytest

from i18n import KEYS, LANGS, LANGUAGES, has, localized, t
from i18n.catalogue import LOCALE_DIR, MESSAGES, catalogue_path, read
from i18n.format import PLACEHOLDERS

ROOT = Path(__file__).resolve().parents[3]
# t("key" ...) and t('key' ...) with a literal key; keys built at run time (f"panel.{name}") are tested by family
LITERAL = re.compile(r"""\bt\(\s*(['"])([a-z0-9_]+(?:\.[a-z0-9_\-]+)+)\1""")


def _source_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / p for p in listed.stdout.split() if not p.startswith(("tests/", "benchmarks/"))]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_i18n001_every_language_has_a_catalogue_and_every_catalogue_is_a_language():
    on_disk = {p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/messages.po")}
    assert on_disk == set(LANGS) == set(LANGUAGES)
    assert not list(LOCALE_DIR.glob("*/LC_MESSAGES/*.mo")), "no compiled catalogues in git: the .po is read"


@pytest.mark.parametrize("lang", LANGS)
def test_i18n002_every_key_is_translated_and_no_catalogue_has_keys_english_lacks(lang):
    own = read(catalogue_path(lang))
    assert sorted(KEYS - set(own)) == [], f"{lang} lacks these keys (or leaves them empty or fuzzy)"
    assert sorted(set(own) - KEYS) == [], f"{lang} has keys the English catalogue lacks"
    assert all(text.strip() for text in own.values())


def _allowed(key: str) -> set[str]:
    """The placeholders the code fills for a key: a pattern family's (i18n.format), else the English's."""
    family = next((names for prefix, names in PLACEHOLDERS.items() if key.startswith(prefix)), None)
    return set(family) if family is not None else _fields(MESSAGES["en"][key])


@pytest.mark.parametrize("lang", LANGS)
def test_i18n003_a_translation_uses_the_placeholders_the_code_fills(lang):
    """The same placeholders as the English; a pattern family (units, bounds) may use any of its own."""
    wrong = {
        k: (MESSAGES["en"][k], text)
        for k, text in MESSAGES[lang].items()
        if (_fields(text) - _allowed(k))
        or (not any(k.startswith(p) for p in PLACEHOLDERS) and _fields(text) != _allowed(k))
    }
    assert not wrong


def test_i18n004_every_literal_key_in_the_code_exists():
    used = {
        (path.relative_to(ROOT).as_posix(), m[2])
        for path in _source_files()
        for m in LITERAL.finditer(path.read_text(encoding="utf-8"))
    }
    assert len(used) > 50  # the pattern finds the calls
    assert sorted((f, k) for f, k in used if not has(k)) == []


@pytest.mark.parametrize(
    "key,lang,params,expected",
    [
        ("ctl.episode", "en", {}, "Episode"),
        ("ctl.episode", "zh", {}, "事件"),
        ("ctl.episode", "xx", {}, "Episode"),  # an unknown language reads English
        ("credit.more", "en", {"n": 2}, "and 2 more"),
        ("credit.more", "zh", {"n": 2}, "等2家"),
        ("credit.more", "en", {}, "and {n} more"),  # no parameters: the message as written
    ],
)
def test_i18n005_t(key, lang, params, expected):
    assert t(key, lang, **params) == expected


def test_i18n006_an_unknown_key_is_an_error():
    with pytest.raises(KeyError):
        t("no.such.key")


@pytest.mark.parametrize(
    "row,lang,expected",
    [
        ({"label_en": "Bitcoin", "label_zh": "比特币"}, "zh", "比特币"),
        ({"label_en": "Bitcoin", "label_zh": "比特币"}, "en", "Bitcoin"),
        ({"label_en": "Bitcoin", "label_zh": ""}, "zh", "Bitcoin"),  # empty: English
        ({"label_en": "Bitcoin", "label_zh": None}, "zh", "Bitcoin"),
        ({"label_en": "Bitcoin", "label_zh": float("nan")}, "zh", "Bitcoin"),
        ({"label_en": "Bitcoin"}, "de", "Bitcoin"),  # no column for the language: English
        ({}, "zh", ""),
    ],
)
def test_i18n007_localized(row, lang, expected):
    assert localized(row, "label", lang) == expected


def test_i18n008_the_languages_are_listed_once(frames):
    from core import ids, state
    from dashboard.controls import preferences
    from data import stories

    assert state.LANGS is LANGS and stories.LANGS is LANGS and tuple(LANGUAGES) == LANGS
    assert all(lang == lang.lower() and lang.isalpha() for lang in LANGS)  # URL values

    def find(node):
        if getattr(node, "id", None) == ids.LANG:
            return node
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list) else [children] if children is not None else []:
            hit = find(child)
            if hit is not None:
                return hit
        return None

    control = find(preferences(state.State()))
    assert control.options == [{"label": LANGUAGES[lang].name, "value": lang} for lang in LANGS]


def _families() -> list[str]:
    """Keys the code builds from the schema and the registry at run time (a regex cannot see them)."""
    from charts import rates
    from charts.registry import NAMES
    from core.state import TABS, THEMES
    from dashboard import sources
    from data import schema as S
    from data.select import WINDOW_GROUPS

    keys = [f"panel.{n}" for n in NAMES] + [f"tab.{x}" for x in TABS] + [f"theme.{x}" for x in THEMES]
    keys += [f"window.{w}" for w in WINDOW_GROUPS] + [f"win.{w}" for w in S.WINDOWS]
    keys += [f"unit.{u}" for u in S.UNITS] + [f"unit.name.{u}" for u in S.UNITS] + [f"bound.{b}" for b in S.BOUNDS]
    keys += [f"date.{p}" for p in ("day", "month", "year")] + [f"table.{x}" for x in S.TABLES]
    keys += [f"event.category.{c}" for c in S.EVENT_CATEGORIES] + [f"event.status.{s}" for s in S.EVENT_STATUS]
    keys += [f"measure.{m}" for m in S.METRIC_UNITS["macro"]]
    keys += [f"forecast.metric.{m}" for m in S.METRIC_UNITS["forecasts"]]
    keys += [f"dim.leverage.{b}" for b in S.LEVERAGE_BUCKETS] + [f"dim.side.{s}" for s in S.SIDES]
    keys += [f"rates.panel.{p}" for p in rates.PANELS] + [f"sources.{c}" for c in sources.COLUMNS]
    return keys


def test_i18n009_every_key_built_from_the_schema_exists():
    assert [k for k in _families() if not has(k)] == []


def test_i18n010_i18n_imports_nothing_from_the_project():
    """The leaf every room (data included) may import: its own modules, the standard library and Babel."""
    import ast

    rooms = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()} | {"app"}
    found = set()
    for path in (ROOT / "i18n").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level:
                found.add(str(node.module).split(".")[0])
    assert "babel" in found and not (found & (rooms - {"i18n"})), found & rooms
