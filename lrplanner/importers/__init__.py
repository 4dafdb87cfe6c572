"""Read the input workbook or CSV folder, and write the documented template."""

from __future__ import annotations

from lrplanner.importers.inputs import read_inputs
from lrplanner.importers.report import ImportResult, SkippedRow
from lrplanner.importers.template import (
    write_programme_workbook,
    write_project_workbook,
    write_template,
)

__all__ = [
    "ImportResult",
    "SkippedRow",
    "read_inputs",
    "write_programme_workbook",
    "write_project_workbook",
    "write_template",
]
