"""What an import produced: the project (or not), every problem, a summary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from lrplanner.core.errors import InputError
from lrplanner.core.people import Gender
from lrplanner.core.programme import Programme
from lrplanner.core.project import Project


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A blank row between data rows, skipped (and reported) by the importer."""

    sheet: str
    row: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """The outcome of reading a workbook or CSV folder.

    ``project`` is None exactly when ``errors`` is not empty. A workbook
    of several Route sheets gives ``programme``, every route with the shared
    records, and ``project`` is its first route's; an import of one route
    gives a programme of one (a project file read: None). ``counts``
    holds the number of data rows read per sheet and ``extra_columns`` the
    headers (or Route settings) LR Planner does not know, kept as notes.
    """

    project: Project | None
    programme: Programme | None = None
    errors: tuple[InputError, ...] = ()
    warnings: tuple[InputError, ...] = ()
    skipped: tuple[SkippedRow, ...] = ()
    extra_columns: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    counts: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def ok(self) -> bool:
        """Return whether a project was loaded."""
        return self.project is not None

    @property
    def routes(self) -> int:
        """Return the number of routes read (0 if nothing loaded)."""
        if self.programme is not None:
            return len(self.programme.routes)
        return 1 if self.project is not None else 0

    def summary(self) -> str:
        """Return a short human summary of what was loaded and what was not."""
        lines = _project_lines(self.project) if self.project else []
        if self.programme is not None and len(self.programme.routes) > 1:
            lines = _programme_lines(self.programme) + lines
        if self.errors:
            lines.append(
                f"Nothing loaded: {_plural(len(self.errors), 'problem')} found."
            )
            lines.extend(f"  - {e.message()}" for e in self.errors[:20])
            if len(self.errors) > 20:
                lines.append(f"  ... and {len(self.errors) - 20} more")
        if self.warnings:
            lines.append(f"{_plural(len(self.warnings), 'warning')}:")
            lines.extend(f"  - {w.message()}" for w in self.warnings)
        if self.skipped:
            where = ", ".join(f"{s.sheet} row {s.row}" for s in self.skipped[:10])
            more = ", ..." if len(self.skipped) > 10 else ""
            lines.append(
                f"Skipped {_plural(len(self.skipped), 'blank row')}: {where}{more}."
            )
        for sheet, headers in self.extra_columns.items():
            lines.append(f"Kept as notes on {sheet}: {', '.join(headers)}.")
        return "\n".join(lines)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "0 %"


def _programme_lines(programme: Programme) -> list[str]:
    lines = [f"A programme of {len(programme.routes)} routes (the first below):"]
    for number, own in enumerate(programme.routes, start=1):
        route = own.route
        lines.append(
            f"  {number}. {route.name!r}: {route.start_date} to {route.end_date}, "
            f"{_plural(len(own.participants), 'participant')}."
        )
    return lines


def _project_lines(project: Project) -> list[str]:
    route = project.route
    countries = sorted({s.country for s in project.sites})
    champions = project.champions
    women = sum(c.gender is Gender.FEMALE for c in champions)
    youth = sum(c.is_youth(route.start_date) for c in champions)
    homes = {p.country for p in project.participants}
    n_champions = len(champions)
    return [
        f"Route {route.name!r}: {route.start_date} to {route.end_date} "
        f"({_plural(route.days, 'day')}), {route.start_place} to {route.end_place}.",
        f"{_plural(len(project.sites), 'site')} in {', '.join(countries) or '-'}.",
        f"{_plural(n_champions, 'champion')} ({_percent(women, n_champions)} women, "
        f"{_percent(youth, n_champions)} youth).",
        f"{_plural(len(project.participants), 'participant')} from "
        f"{len(homes)} {'country' if len(homes) == 1 else 'countries'}.",
        f"{_plural(len(project.places), 'place')}, "
        f"{_plural(len(project.links), 'link')}.",
    ]
