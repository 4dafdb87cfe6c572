"""A quick text scan of a sheet's XML: the first row with data, and merges.

Used after a long run of empty rows, where parsing every element with
openpyxl would take minutes: a sheet may hold a million rows of blank or
styled cells. The scan reads the part in chunks with regular expressions and
errs on the side of "data": an unreadable cell counts as holding some.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import IO

_CHUNK = 1 << 20
_NS = r"(?:[\w.-]+:)?"
_TOKEN = re.compile(rf"<{_NS}c\b(?P<cell>[^>]*?)(?:/>|>(?P<body>.*?)</{_NS}c>)", re.S)
#: Any text content and any formula: the only spots that may hold data (one
#: pattern each: an alternation of them is many times slower).
_CANDIDATES = (
    re.compile(r">[ \t\r\n]*[^< \t\r\n]"),
    re.compile(r"<f[\s/>]"),
    re.compile(r":f[\s/>]"),
)
_MERGES = (re.compile(r"<mergeCell\b([^>]*)>"), re.compile(r":mergeCell\b([^>]*)>"))
_ROW_REF = re.compile(r"""\br=["'](\d+)["']""")
_CELL_REF = re.compile(r"""\br=["'][A-Za-z]*(\d+)["']""")
_TYPE = re.compile(r"""\bt=["'](\w+)["']""")
_MERGE_REF = re.compile(r"""\bref=["']([^"']+)["']""")
_VALUE = re.compile(rf"<{_NS}v>(.*?)</{_NS}v>", re.S)
_TEXT = re.compile(rf"<{_NS}t\b[^>]*>(.*?)</{_NS}t>", re.S)
_FORMULA = re.compile(rf"<{_NS}f\b")


#: The row of data whose number cannot be read (reported as "past the blank run").
UNKNOWN_ROW = sys.maxsize


@dataclass(slots=True)
class Tail:
    """The first row after ``after`` holding data (0 if none), and all merges.

    ``row`` is ``UNKNOWN_ROW`` for data whose row number the file does not give.
    """

    row: int = 0
    merges: list[str] = field(default_factory=list)


def scan_text(stream: IO[bytes], shared: Sequence[object], after: int) -> Tail:
    """Return the first row past ``after`` with a non-blank cell, and the merges."""
    tail, state = Tail(), _State(shared)
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    carry = ""
    while chunk := stream.read(_CHUNK):
        text = carry + decoder.decode(chunk)
        cut = _safe_end(text)
        carry = text[cut:]
        if state.feed(text[:cut], tail, after):
            return tail
    state.feed(carry + decoder.decode(b"", final=True), tail, after)
    return tail


def _safe_end(text: str) -> int:
    """Return where to cut ``text`` so that no cell or row tag is split."""
    end = text.rfind("</row>")
    if end < 0:
        end = text.rfind("<")  # one huge row: cut before the last tag
        return max(end, 0) if len(text) > 16 * _CHUNK else 0
    return end + len("</row>")


class _State:
    """The shared strings that count as blank, found on first need."""

    def __init__(self, shared: Sequence[object]) -> None:
        self.shared = shared
        self.blank: set[int] | None = None

    def feed(self, text: str, tail: Tail, after: int) -> bool:
        """Scan one piece; return True once a row with data past ``after`` is found.

        Only spots that may hold a value are looked at closely: a ``<v>`` or
        ``<t>`` with text, or a formula; blank and styled cells cost nothing.
        """
        for merges in _MERGES:
            for merge in merges.finditer(text):
                ref = _MERGE_REF.search(merge[1])
                tail.merges.extend([ref[1]] if ref else [])
        spots = sorted(m.start() for p in _CANDIDATES for m in p.finditer(text))
        for at in spots:
            row = self._row_with_data(text, at)
            if row > after:
                tail.row = row
                return True
        return False

    def _row_with_data(self, text: str, at: int) -> int:
        """Return the row of the cell around ``at`` if it holds data, else 0.

        A spot inside something that does not read as a cell counts as data
        on the current row (a cell cut short, odd markup): never a miss.
        """
        start = max(text.rfind(tag, 0, at) for tag in ("<c ", "<c>", ":c ", ":c>"))
        if start < 0:
            return 0  # before any cell of this piece: not sheet data
        start = text.rfind("<", 0, start + 1)
        cell = _TOKEN.match(text, start)
        if cell is None:
            return self._current_row(text, start)
        if cell.end() <= at or not self._holds_data(cell):
            return 0  # between cells (a header, a list), or a blank cell
        found = _CELL_REF.search(cell["cell"])
        return int(found[1]) if found else self._current_row(text, start)

    @staticmethod
    def _current_row(text: str, before: int) -> int:
        start = max(text.rfind("<row", 0, before), text.rfind(":row", 0, before))
        row = _ROW_REF.search(text, start + 1, before) if start >= 0 else None
        return int(row[1]) if row else UNKNOWN_ROW

    def _holds_data(self, match: re.Match[str]) -> bool:
        body, kind = match["body"], _TYPE.search(match["cell"])
        if body is None or _FORMULA.search(body):
            return True
        if kind and kind[1] == "inlineStr":
            return any(t.strip() for t in _TEXT.findall(body))
        value = _VALUE.search(body)
        if value is None or not value[1].strip():
            return False
        if kind and kind[1] == "s":
            return not self._blank_string(value[1])
        return True

    def _blank_string(self, index: str) -> bool:
        if self.blank is None:
            self.blank = {
                i for i, s in enumerate(self.shared) if not str(s or "").strip()
            }
        try:
            return int(index) in self.blank
        except ValueError:
            return False
