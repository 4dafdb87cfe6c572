"""Noto fonts for the PDF agenda, and per-script font runs for reportlab.

reportlab draws each run of text in one font and does no fallback, so a name
like "ស្រី ពៅ (Sophea)" would show boxes in Noto Sans. :func:`markup` splits
text into runs by Unicode script and wraps each non-Latin run in the Noto
font for that script. reportlab does no complex-script shaping (no glyph
reordering, no conjunct or mark positioning): see ``docs/exports.md`` for what
that means for Khmer, Devanagari and Bengali.
"""

from __future__ import annotations

import functools
import re
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from lrplanner.appfiles import resources_dir

BASE = "NotoSans"
HAIR_SPACE = "\u200a"
#: Script font families and the code point blocks they cover.
SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("NotoSansKhmer", ((0x1780, 0x17FF), (0x19E0, 0x19FF))),
    ("NotoSansLao", ((0x0E80, 0x0EFF),)),
    ("NotoSansThai", ((0x0E00, 0x0E7F),)),
    ("NotoSansDevanagari", ((0x0900, 0x097F), (0xA8E0, 0xA8FF))),
    ("NotoSansBengali", ((0x0980, 0x09FF),)),
)


@functools.cache
def register_fonts() -> str:
    """Register the bundled Noto fonts with reportlab; return the base family.

    Raises
    ------
    FileNotFoundError
        If a font file is missing from ``resources/fonts``.
    """
    folder = resources_dir() / "fonts"
    for family in (BASE, *(name for name, _ in SCRIPTS)):
        bold = f"{family}-Bold"
        pdfmetrics.registerFont(TTFont(family, folder / f"{family}-Regular.ttf"))
        pdfmetrics.registerFont(TTFont(bold, folder / f"{family}-Bold.ttf"))
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, bold)
    return BASE


def script_font(char: str) -> str | None:
    """Return the font family for a character's script (None: the base font)."""
    code = ord(char)
    for family, blocks in SCRIPTS:
        if any(low <= code <= high for low, high in blocks):
            return family
    return None


def covers(family: str, char: str) -> bool:
    """Return whether a bundled font family has a glyph for a character."""
    register_fonts()
    return ord(char) in pdfmetrics.getFont(family).face.charToGlyph


def word_fonts(word: str) -> list[str | None]:
    """Return the font family of each character of one whitespace-free word.

    reportlab shapes a whole word with the font of its first run, so a word
    must not switch fonts: digits and punctuation in a word with script
    letters take that script's font whenever it has them.
    """
    scripts = [script_font(char) for char in word]
    word_family = next((f for f in scripts if f is not None), None)
    if word_family is None:
        return scripts
    return [
        family if family is not None or not covers(word_family, char) else word_family
        for char, family in zip(word, scripts, strict=True)
    ]


def script_runs(text: str) -> list[tuple[str | None, str]]:
    """Split text into (font family or None, run) by script, word by word."""
    runs: list[tuple[str | None, str]] = []
    for token in re.split(r"(\s+)", text):
        families = [None] * len(token) if token.isspace() else word_fonts(token)
        for index, (char, family) in enumerate(zip(token, families, strict=True)):
            if runs and runs[-1][0] == family:
                runs[-1] = (family, runs[-1][1] + char)
                continue
            if index:
                # A font switch inside a word: split the word there (reportlab
                # breaks words at U+200A) so each part is shaped with its font.
                runs[-1] = (runs[-1][0], runs[-1][1] + HAIR_SPACE)
            runs.append((family, char))
    return runs


def markup(text: str) -> str:
    """Return reportlab paragraph markup: escaped, script runs in their fonts."""
    parts = []
    for family, run in script_runs(text):
        safe = escape(run.replace("→", "to")).replace("\n", "<br/>")
        parts.append(f'<font name="{family}">{safe}</font>' if family else safe)
    return "".join(parts)
