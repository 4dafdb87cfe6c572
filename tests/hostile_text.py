"""A copy of the South Asia sample with a probe in front of every text cell.

Probes are template syntax (``{{ 7*7 }}``, ``{#``, ``{% raw %}``), markup
(``<script>``) and a formula (``=1+1``): text that must come back literally
from every export and every view.
"""

from __future__ import annotations

import csv
from pathlib import Path

from lrplanner.core.columns import SHEETS, Kind

SAMPLE = Path(__file__).parents[1] / "sample_data" / "south_asia"
PROBES = ("{{ 7*7 }}", "{#", "{% raw %}", "<script>alert(1)</script>", "=1+1")
ROUTE_NAME = "Probe {{ 7*7 }} route {#2027} {% raw %} <script>x</script>"
# Lists of free words (not lists of ids, which must name real records).
FREE_LISTS = {"themes", "languages"}


def hostile_folder(folder: Path) -> None:
    """Rewrite the CSV sample in ``folder``: a probe in front of every text cell."""
    for spec in SHEETS:
        path = folder / f"{spec.name}.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        if spec.key_value:
            for row in rows[1:]:
                if row and row[0].strip().lower() == "route name":
                    row[1] = ROUTE_NAME
        else:
            columns = {c.header: c for c in spec.columns}
            for col, header in enumerate(rows[0]):
                column = columns.get(header)
                if column is None:
                    continue
                if column.kind is not Kind.TEXT and column.key not in FREE_LISTS:
                    continue
                for number, row in enumerate(rows[1:]):
                    if col < len(row) and row[col].strip():
                        probe = PROBES[number % len(PROBES)]
                        row[col] = _with_probe(probe, row[col], column.kind)
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows(rows)


def _with_probe(probe: str, text: str, kind: Kind) -> str:
    if kind is Kind.LIST:
        # Lists are ';'-separated: the probe becomes one more item.
        return f"{text}; {probe} extra"
    return f"{probe} {text}"
