"""The interface's words: one gettext catalogue per language, read with Babel once, at import.

    i18n/locale/<lang>/LC_MESSAGES/messages.po

A message id is a key such as `ctl.episode`; the English catalogue holds the English text, which is also what
any other language falls back to. A message may name parameters in str.format style (`{n} figures`), which
`t` fills. There are no compiled .mo files: the .po files are small, and reading them directly keeps one source.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from .languages import FALLBACK, LANGS

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


def read(path: Path) -> dict[str, str]:
    """Key -> text of one .po file; fuzzy and untranslated entries are left out, as gettext leaves them."""
    with path.open("rb") as f:
        catalog = read_po(f)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


MESSAGES: dict[str, dict[str, str]] = {lang: read(catalogue_path(lang)) for lang in LANGS}
KEYS: frozenset[str] = frozenset(MESSAGES[FALLBACK])


def has(key: str) -> bool:
    """Whether the catalogue has a message for `key` (keys built from data, such as a window, may not)."""
    return key in KEYS


def t(key: str, lang: str = FALLBACK, **params) -> str:
    """The message `key` in `lang` (English when the language or its translation is missing), with `params`
    filled in. An unknown key is a KeyError: it is a mistake in the code, not in the data."""
    text = MESSAGES.get(lang, {}).get(key) or MESSAGES[FALLBACK][key]
    return text.format(**params) if params else text
