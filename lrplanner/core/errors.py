"""Problems in the user's data, and requests that cannot be met."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True, slots=True, kw_only=True)
class InputError:
    """One problem found in the user's data, located as precisely as possible.

    ``row`` is the 1-based spreadsheet row (the header is row 1), or None for
    a sheet-level problem; ``column`` is the header as the user wrote it (or
    the expected header when it is missing).
    """

    file: str
    sheet: str
    row: int | None
    column: str | None
    value: str
    expected: str

    def location(self) -> str:
        """Return 'file, sheet Sites, row 7, column Lat' style text."""
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def message(self) -> str:
        """Return a one-line message a person can act on."""
        found = f"found {self.value!r}" if self.value else "found nothing"
        return f"{self.location()}: {found}; expected {self.expected}"

    def __str__(self) -> str:
        return self.message()


class InputErrors(Exception):  # noqa: N818 - it is a collection, read as a noun
    """Raised with every problem found in an input, never just the first."""

    def __init__(self, errors: Sequence[InputError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(e.message() for e in self.errors))


class InfeasibleRequest(Exception):  # noqa: N818 - the name says what the user asked
    """Raised when no plan can satisfy the hard rules; ``str()`` explains why."""


class PlanningStopped(InfeasibleRequest):
    """Raised when time ran out (or the user cancelled) before a first plan.

    Not a verdict on the route: with more time a plan may well exist.
    ``str()`` says how far planning got and what to do.
    """


class ProjectFileError(Exception):
    """Raised when a project file cannot be read (corrupt, newer version, ...)."""


class DamagedProjectError(ProjectFileError):
    """Raised when a project file holds a value that does not fit, or a reference
    to something it does not contain; ``json_path`` says where
    (e.g. ``project.sites[3].fee_per_group``) and ``expected`` what should be there.
    """

    def __init__(self, source: str, json_path: str, expected: str) -> None:
        self.source = source
        self.json_path = json_path
        self.expected = expected
        super().__init__(f"{source} is damaged: {json_path}: {expected}")


class SaveError(ProjectFileError, OSError):
    """Raised when a project cannot be saved; ``path`` and ``reason`` say why.

    It is an ``OSError`` too, so callers that catch write failures catch it;
    the file that was at ``path`` before the save is unchanged.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"could not save {path}: {reason}")

    def __str__(self) -> str:
        return f"could not save {self.path}: {self.reason}"
