"""The raw sheets a workbook or CSV folder yielded, before any parsing."""

from __future__ import annotations

from dataclasses import dataclass, field

from lrplanner.core.columns import SHEETS, SheetSpec, normalise_header
from lrplanner.core.errors import InputError
from lrplanner.importers.table import RawSheet

#: Files larger than this are refused before they are opened.
MAX_BYTES = 20 * 1024 * 1024
#: Data rows per sheet at most (a real route has a few hundred); more is an error.
MAX_ROWS = 5_000
#: Columns read per row at most.
MAX_COLUMNS = 200


@dataclass(slots=True)
class Source:
    """Raw sheets by sheet spec name (a further Route sheet by its own name:
    see :func:`is_more_route`), plus problems found while reading them."""

    file: str
    csv: bool = False
    sheets: dict[str, RawSheet] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)

    def fail(self, expected: str, *, sheet: str = "", value: str = "") -> Source:
        """Record a file- or sheet-level problem and return self."""
        self.errors.append(
            InputError(
                file=self.file,
                sheet=sheet,
                row=None,
                column=None,
                value=value,
                expected=expected,
            )
        )
        return self


def match_sheet(name: str) -> SheetSpec | None:
    """Return the sheet spec a sheet (or CSV file stem) name means, if any."""
    wanted = normalise_header(name)
    for spec in SHEETS:
        if wanted in {normalise_header(n) for n in (spec.name, *spec.synonyms)}:
            return spec
    return None


def is_more_route(name: str) -> bool:
    """Return whether a sheet (or CSV file stem) holds a further route of a
    programme: "Route" and a name after a space, ``_`` or ``-`` ("Route 2",
    "Route Nov"). Such sheets are kept in ``Source.sheets`` under their own
    name, after the sheets :data:`SHEETS` names."""
    folded = normalise_header(name)
    return folded.startswith("route ") and match_sheet(name) is None


def more_routes(source: Source) -> list[RawSheet]:
    """Return the further Route sheets of a source, in the order read."""
    return [raw for key, raw in source.sheets.items() if is_more_route(key)]


def check_size(source: Source, size: int) -> bool:
    """Return whether a file of ``size`` bytes may be opened (else report it)."""
    if size <= MAX_BYTES:
        return True
    found = f"{size / (1024 * 1024):.0f} MB"
    limit = f"{MAX_BYTES // (1024 * 1024)} MB"
    source.fail(
        f"a file of at most {limit} ({found} is too large; the limit is {limit}; "
        "remove images and unused sheets)",
        value=found,
    )
    return False
