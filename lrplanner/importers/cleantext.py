"""Clean the text of a cell, and let parsers note what they changed.

Text pasted from e-mails and web pages carries characters nobody sees:
zero-width spaces and joiners, byte-order marks, soft hyphens and the
bidirectional controls (U+200E/F, U+202A-202E, U+2066-2069). In an id they
make ``KH01`` and ``KH01`` two different sites, so they are removed from ids
(with a warning); from other text they are removed at the ends only, since
joiners inside Indic and Arabic words are meaningful.

Parsers call :func:`note` to report such a change; :class:`Fields` collects
the notes with :func:`collect_notes` and turns them into located warnings.
"""

from __future__ import annotations

import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

#: Invisible characters: zero-width, BOM, soft hyphen, bidirectional controls.
INVISIBLE = frozenset(
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063"
    "\u2064\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
_EDGES = _SPACES + "".join(sorted(INVISIBLE))

_NOTES: ContextVar[list[str] | None] = ContextVar("cell_notes", default=None)


def clean(text: str) -> str:
    """Return text without spaces or invisible characters at its ends, in NFC."""
    stripped = text.strip(_EDGES)
    if stripped.isascii():
        return stripped
    return unicodedata.normalize("NFC", stripped)


def invisible_in(text: str) -> list[str]:
    """Return the invisible characters inside a text, named (``U+200B ...``)."""
    found = dict.fromkeys(c for c in text if c in INVISIBLE)
    return [f"U+{ord(c):04X} {unicodedata.name(c, 'format character')}" for c in found]


def without_invisible(text: str) -> str:
    """Return text with every invisible character removed."""
    return "".join(c for c in text if c not in INVISIBLE)


def note(text: str) -> None:
    """Report a change made to the cell being parsed (kept as a warning)."""
    notes = _NOTES.get()
    if notes is not None:
        notes.append(text)


@contextmanager
def collect_notes() -> Iterator[list[str]]:
    """Collect the notes of the parsers called inside the ``with`` block."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)
