"""Core objects to files: agenda and cost workbooks, the route map, the PDF
agenda, the calendar (.ics), the phone agenda (HTML) and the logistics
workbooks (rooms, meals, arrivals).

:data:`EXPORTS` is the one registry of the files a plan can be exported to
(key, label, file name, writer): the command line's ``plan --out``, the
app's Export menu and its Export all are all built from it, so a new format
is one entry here plus its writer module and tests.

Every writer takes the core objects and a target path, writes to a temporary
file beside it and moves it into place only when complete, so a failed export
never leaves a half-written file or destroys the previous one. The writer
modules (openpyxl, folium, reportlab, icalendar) take a second to import: this module
loads them only when a file is written, so the app's menus cost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project
    from lrplanner.core.report import PlanReport

    Writer = Callable[[Project, Itinerary, PlanReport, Path], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class Export:
    """One kind of export file.

    Attributes
    ----------
    key
        Short name (``agenda``, ``costs``, ...), used by menus and channels.
    label
        What it is, in words ("agenda workbook").
    file_name
        The file it writes in a folder ("agenda.xlsx").
    write
        ``write(project, itinerary, report, path)``. Every file of a plan
        that fails the check says so where its reader looks first (a first
        sheet, the map legend, the top of each page).
    """

    key: str
    label: str
    file_name: str
    write: Writer


def _agenda_xlsx(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.agenda_xlsx import write_agenda_xlsx

    write_agenda_xlsx(
        project,
        itinerary,
        report.costs,
        report.indicators,
        path,
        check_failures=report.failures(),
    )


def _costs_xlsx(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.costs_xlsx import write_costs_xlsx

    write_costs_xlsx(project, report.costs, path, check_failures=report.failures())


def _map_html(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.map_html import write_map_html

    write_map_html(project, itinerary, path, check_failures=report.failures())


def _agenda_pdf(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.agenda_pdf import write_agenda_pdf

    write_agenda_pdf(project, itinerary, path, check_failures=report.failures())


def _rooms_xlsx(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.rooms_xlsx import write_rooms_xlsx

    write_rooms_xlsx(project, itinerary, path, check_failures=report.failures())


def _meals_xlsx(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.meals_xlsx import write_meals_xlsx

    write_meals_xlsx(project, itinerary, path, check_failures=report.failures())


def _visas_xlsx(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.visas_xlsx import write_visas_xlsx

    write_visas_xlsx(project, itinerary, path, check_failures=report.failures())


def _agenda_ics(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.agenda_ics import write_agenda_ics

    write_agenda_ics(project, itinerary, path, check_failures=report.failures())


def _agenda_html(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.agenda_html import write_agenda_html

    write_agenda_html(project, itinerary, path, check_failures=report.failures())


def _arrivals_xlsx(
    project: Project, itinerary: Itinerary, report: PlanReport, path: Path
) -> None:
    from lrplanner.exporters.arrivals_xlsx import write_arrivals_xlsx

    write_arrivals_xlsx(project, itinerary, path, check_failures=report.failures())


#: Every export, in the order menus list them and ``plan --out`` writes them.
EXPORTS: tuple[Export, ...] = (
    Export(
        key="agenda",
        label="agenda workbook",
        file_name="agenda.xlsx",
        write=_agenda_xlsx,
    ),
    Export(
        key="costs", label="cost workbook", file_name="costs.xlsx", write=_costs_xlsx
    ),
    Export(key="map", label="route map", file_name="map.html", write=_map_html),
    Export(
        key="pdf", label="printable agenda", file_name="agenda.pdf", write=_agenda_pdf
    ),
    Export(
        key="rooms", label="rooming list", file_name="rooms.xlsx", write=_rooms_xlsx
    ),
    Export(
        key="meals",
        label="meal and diet counts",
        file_name="meals.xlsx",
        write=_meals_xlsx,
    ),
    Export(
        key="visas",
        label="visas by participant",
        file_name="visas.xlsx",
        write=_visas_xlsx,
    ),
    Export(key="calendar", label="calendar", file_name="route.ics", write=_agenda_ics),
    Export(
        key="phone",
        label="phone agenda",
        file_name="agenda.html",
        write=_agenda_html,
    ),
    Export(
        key="arrivals",
        label="arrivals and departures",
        file_name="arrivals.xlsx",
        write=_arrivals_xlsx,
    ),
)
BY_KEY = {export.key: export for export in EXPORTS}

__all__ = ["BY_KEY", "EXPORTS", "Export", "write_exports"]


def write_exports(
    project: Project,
    itinerary: Itinerary,
    report: PlanReport,
    out_dir: Path,
    keys: Iterable[str] | None = None,
) -> list[Path]:
    """Write the exports named by ``keys`` (all of :data:`EXPORTS` when None)
    of a plan into ``out_dir`` (created if missing).

    Returns
    -------
    list[Path]
        The files written, in the order asked (registry order for None).

    Raises
    ------
    KeyError
        If a key names no export.
    """
    chosen = EXPORTS if keys is None else tuple(BY_KEY[key] for key in keys)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for export in chosen:
        path = out_dir / export.file_name
        export.write(project, itinerary, report, path)
        paths.append(path)
    return paths
