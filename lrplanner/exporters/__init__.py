"""Core objects to files: agenda and cost workbooks, the route map, the PDF agenda.

Every writer takes the core objects and a target path, writes to a temporary
file beside it and moves it into place only when complete, so a failed export
never leaves a half-written file or destroys the previous one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.exporters.agenda_pdf import write_agenda_pdf
from lrplanner.exporters.agenda_xlsx import write_agenda_xlsx
from lrplanner.exporters.costs_xlsx import write_costs_xlsx
from lrplanner.exporters.map_html import write_map_html

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from lrplanner.core.costs import CostBreakdown
    from lrplanner.core.indicators import Indicators
    from lrplanner.core.plan import Itinerary
    from lrplanner.core.project import Project

AGENDA_XLSX = "agenda.xlsx"
COSTS_XLSX = "costs.xlsx"
MAP_HTML = "map.html"
AGENDA_PDF = "agenda.pdf"

__all__ = [
    "export_all",
    "write_agenda_pdf",
    "write_agenda_xlsx",
    "write_costs_xlsx",
    "write_map_html",
]


def export_all(
    project: Project,
    itinerary: Itinerary,
    costs: CostBreakdown,
    indicators: Indicators,
    out_dir: Path,
    *,
    check_failures: Sequence[str] = (),
) -> list[Path]:
    """Write agenda.xlsx, costs.xlsx, map.html and agenda.pdf into a folder.

    Parameters
    ----------
    project
        The inputs.
    itinerary
        The plan.
    costs
        The plan's cost breakdown.
    indicators
        The plan's indicators.
    out_dir
        The folder (created if missing).
    check_failures
        The hard rules the plan breaks, in words; empty for a checked plan.
        Every file of a plan that fails the check says so where its reader
        looks first (a first sheet, the map legend, the top of each page).

    Returns
    -------
    list[Path]
        The files written, in the order above.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / name for name in (AGENDA_XLSX, COSTS_XLSX, MAP_HTML, AGENDA_PDF)]
    failures = tuple(check_failures)
    write_agenda_xlsx(
        project, itinerary, costs, indicators, paths[0], check_failures=failures
    )
    write_costs_xlsx(project, costs, paths[1], check_failures=failures)
    write_map_html(project, itinerary, paths[2], check_failures=failures)
    write_agenda_pdf(project, itinerary, paths[3], check_failures=failures)
    return paths
