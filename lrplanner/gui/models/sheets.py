"""Table models for the input sheets, with columns from core.columns."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, time
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.columns import SHEETS, SheetSpec
from lrplanner.gui.models.table_model import Column, RecordTableModel
from lrplanner.importers.project_rows import project_rows

if TYPE_CHECKING:
    from lrplanner.core.project import Project

Row = Mapping[str, object]
RECORD_SHEETS = tuple(s for s in SHEETS if not s.key_value)


def cell_text(value: object) -> str:
    """Return how a workbook cell value is shown in a table."""
    if value is None:
        return ""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def sheet_columns(spec: SheetSpec) -> list[Column[Row]]:
    """Return one table column per column of a sheet spec."""
    return [
        Column(label=c.header, tooltip=c.help, text=_getter(c.key))
        for c in spec.columns
    ]


def _getter(key: str) -> Callable[[Row], str]:
    def text(row: Row) -> str:
        return cell_text(row.get(key))

    return text


def sheet_models(project: Project | None) -> dict[str, RecordTableModel[Row]]:
    """Return a model per record sheet (Sites, Champions, ...) of a project."""
    rows = project_rows(project) if project is not None else {}
    return {
        spec.name: RecordTableModel(sheet_columns(spec), rows.get(spec.name, []))
        for spec in RECORD_SHEETS
    }


def route_settings_rows(project: Project) -> list[tuple[str, str, str]]:
    """Return (setting, value, help) for the Route sheet of a project."""
    route_spec = next(s for s in SHEETS if s.key_value)
    values = project_rows(project)["Route"][0]
    return [
        (c.header, cell_text(values.get(c.key)), c.help) for c in route_spec.columns
    ]
