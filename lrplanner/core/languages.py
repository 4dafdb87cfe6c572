"""Language names as officers type them, folded to one name per language.

The Champions and Participants sheets take languages as free text
(``Khmer; English``). The same language is often written several ways: in
capitals or not, by its ISO 639-1 or 639-2 code (``en``, ``khm``), by an
older or local name (``Laotian``, ``Bangla``, ``Tagalog``). Those are folded
to one name (:data:`NAMES`); any other language stays as written (spaces
trimmed and collapsed) and is matched without regard to capitals, so
``Tharu`` and ``tharu`` are one language.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

_ALIASES: dict[str, tuple[str, ...]] = {
    "English": ("en", "eng"),
    "Khmer": ("km", "khm", "cambodian", "ភាសាខ្មែរ", "ខ្មែរ"),
    "Lao": ("lo", "lao", "laotian", "ລາວ", "ພາສາລາວ"),
    "Vietnamese": ("vi", "vie", "viet", "tiếng việt", "tieng viet"),
    "Thai": ("th", "tha", "ไทย", "ภาษาไทย"),
    "Nepali": ("ne", "nep", "nepalese", "नेपाली"),
    "Bengali": ("bn", "ben", "bangla", "বাংলা"),
    "Filipino": ("fil", "tl", "tgl", "tagalog", "pilipino"),
    "Indonesian": ("id", "ind", "bahasa indonesia"),
    "Malay": ("ms", "msa", "bahasa melayu", "bahasa malaysia"),
    "Burmese": ("my", "mya", "myanmar"),
    "Sinhala": ("si", "sin", "sinhalese"),
    "Tamil": ("ta", "tam"),
    "Hindi": ("hi", "hin"),
    "Urdu": ("ur", "urd"),
    "Chinese": ("zh", "zho", "mandarin", "mandarin chinese"),
    "French": ("fr", "fra", "fre"),
    "Spanish": ("es", "spa"),
    "Portuguese": ("pt", "por"),
    "Arabic": ("ar", "ara"),
    "Newari": ("nepal bhasa", "newar"),
}

#: Every accepted spelling (lower case) -> the one name shown.
NAMES: Mapping[str, str] = MappingProxyType(
    {
        alias: name
        for name, aliases in _ALIASES.items()
        for alias in (name.casefold(), *aliases)
    }
)


def language_name(text: str) -> str:
    """Return the one name of a language as typed (``"en"`` -> ``"English"``).

    Case and spaces do not matter, nor a trailing word ``language``; a
    language not in :data:`NAMES` comes back as written, spaces collapsed
    (``"Tharu"``). Blank text gives ``""``.
    """
    cleaned = " ".join(text.split())
    key = cleaned.casefold()
    if key.endswith(" language"):
        key = key.removesuffix(" language")
    return NAMES.get(key, cleaned)


def language_key(text: str) -> str:
    """Return what two spellings of one language share (for comparing)."""
    return language_name(text).casefold()


def spoken(languages: Iterable[str]) -> tuple[str, ...]:
    """Return a person's languages named once each, in their order, blanks out."""
    seen: dict[str, str] = {}
    for text in languages:
        name = language_name(text)
        if name:
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())
