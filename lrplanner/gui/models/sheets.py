"""Columns and cell text of the input sheets, read from core.columns."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from typing import TYPE_CHECKING

from lrplanner.core.columns import SHEETS
from lrplanner.gui.models.table_model import Column

if TYPE_CHECKING:
    from lrplanner.core.columns import SheetSpec

Row = Mapping[str, object]


def _in_app(spec: SheetSpec) -> SheetSpec:
    """Return a sheet as the app's tables show it: without the Route column
    (the app shows one route at a time; its rows are that route's)."""
    columns = tuple(c for c in spec.columns if c.key != "route")
    return replace(spec, columns=columns)


RECORD_SHEETS = tuple(_in_app(s) for s in SHEETS if not s.key_value)


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
