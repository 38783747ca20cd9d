"""Interface words and locale formatting, for every language of the app. Data labels come from the data; the
app's own words come from the catalogues in `locale/`, and numbers and dates are written by `format` (Babel).

This package imports nothing from the project, so that every room (data included) may use it.

    languages.py  the languages (LANGUAGES, LANGS) and their locales
    catalogue.py  t(key, lang, **params): a message of the gettext catalogues
    fields.py     localized(row, field, lang): a row's `<field>_<lang>` value, English when missing
    format.py     numbers, units, bounds and dates as each language writes them
"""

from __future__ import annotations

from .catalogue import KEYS, has, t
from .fields import localized, localized_column
from .languages import FALLBACK, LANGS, LANGUAGES, Language, language

__all__ = [
    "FALLBACK",
    "KEYS",
    "LANGS",
    "LANGUAGES",
    "Language",
    "has",
    "language",
    "localized",
    "localized_column",
    "t",
]
