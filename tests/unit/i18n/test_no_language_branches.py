"""No code branches on the language: words come from the catalogues, numbers and dates from the locale, and data
fields through i18n.localized. A branch that reappears fails here, with its file and line.

The budget is per file, each with the reason it is needed; today no file needs one.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from i18n import LANGS

ROOT = Path(__file__).resolve().parents[3]
CODES = "|".join(map(re.escape, LANGS))
BRANCHES = {
    # `== "zh"`, `!= "en"`, `"zh" == lang` ...: the code of a language compared
    "compares a language code": re.compile(rf"""(==|!=)\s*['"]({CODES})['"]|['"]({CODES})['"]\s*(==|!=)"""),
    # `lang == x`, `state.lang != y`: the language compared with anything but through a lookup
    "compares the language": re.compile(r"""\blang\s*(==|!=)|(==|!=)\s*(\w+\.)?lang\b"""),
    # `C.LABEL_ZH if ... else C.LABEL_EN`, `"name_zh" if ...`: a data column picked by language
    "picks a column by language": re.compile(rf"""(_(?:{CODES})\b|_(?:{CODES})['"])\s+if\b""", re.IGNORECASE),
}
BUDGET: dict[str, int] = {}  # "path/of/file.py": allowed count, with a comment saying why


def _source() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [p for p in listed.stdout.split() if not p.startswith(("tests/", "benchmarks/"))]


def _branches() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in _source():
        for n, line in enumerate((ROOT / path).read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            for why, pattern in BRANCHES.items():
                if pattern.search(code):
                    found.setdefault(path, []).append(f"{path}:{n}: {why}: {line.strip()}")
    return found


def test_nb001_no_code_branches_on_the_language():
    over = [hit for path, hits in _branches().items() if len(hits) > BUDGET.get(path, 0) for hit in hits]
    assert over == [], "\n".join(over)


def test_nb002_the_patterns_find_what_they_look_for():
    samples = [
        'if lang == "zh":',
        'x = a if state.lang != "en" else b',
        'names[lang == "zh"]',
        '1 if lang == "zh" else 0',
        "r[C.LABEL_ZH if zh else C.LABEL_EN]",
        '"name_zh" if zh else "name_en"',
        'if "zh" == lang:',
    ]
    assert all(any(p.search(s) for p in BRANCHES.values()) for s in samples)
    innocent = [
        "lang = lang if lang in LANGS else FALLBACK",
        't("ctl.lang", lang)',
        "language(lang).cjk",
        "slang == 1",
        'localized(row, "label", lang)',
    ]
    assert not any(p.search(s) for s in innocent for p in BRANCHES.values())
