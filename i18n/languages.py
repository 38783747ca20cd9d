"""The languages of the interface: the one list of them, with the locale that formats their numbers and dates.

A language here needs a catalogue, `i18n/locale/<code>/LC_MESSAGES/messages.po` (a test checks both ways), and
labels in the YAML data; nothing else in the code names a language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    locale: str  # the Babel (CLDR) locale of its numbers, dates and weekday names
    name: str  # its own name, as the language control shows it
    tag: str  # its BCP 47 tag, for <html lang> (screen readers, fonts, hyphenation, translation offers)
    cjk: bool = False  # its text needs a CJK font, which the export checks for before drawing images


LANGUAGES: dict[str, Language] = {
    # "en", not "en_GB": British CLDR data abbreviates September "Sept", and the interface has always written
    # "Sep"; the order of day, month and year comes from the catalogue's date patterns, not the locale
    "en": Language(locale="en", name="English", tag="en"),
    "zh": Language(locale="zh_Hans_CN", name="中文", tag="zh-Hans", cjk=True),
}
LANGS: tuple[str, ...] = tuple(LANGUAGES)  # URL values, in the order the language control lists them
FALLBACK = "en"  # the catalogues' source language: a missing translation or data label falls back to it


def language(lang: str) -> Language:
    """The language of a code, English for an unknown one."""
    return LANGUAGES.get(lang, LANGUAGES[FALLBACK])
