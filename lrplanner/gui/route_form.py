"""RouteForm: the Route settings as an editable form, one undo step per change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from lrplanner.core.columns import ROUTE, ColumnSpec, Kind
from lrplanner.gui import plain
from lrplanner.gui.models.sheets import cell_text
from lrplanner.importers.project_rows import project_rows

if TYPE_CHECKING:
    from collections.abc import Callable

    from lrplanner.core.project import Project

# The form's boxes; settings not named here go to the last box.
GROUPS = (
    ("Route", ("name", "start_date", "end_date", "start_place", "end_place")),
    (
        "Day",
        (
            "day_start",
            "day_end",
            "lunch_start",
            "lunch_minutes",
            "transfer_buffer_min",
            "rest_days",
        ),
    ),
    (
        "Limits",
        (
            "max_visits_per_day",
            "max_travel_hours_per_day",
            "estimated_flights",
            "required_sites",
        ),
    ),
    ("Budget", ("budget_cap", "currency", "contingency_pct")),
)
ERROR_STYLE = "color: #b00020;"


class RouteForm(QScrollArea):
    """Shows a core Project's RouteSettings as fields; a committed field is an edit.

    A field commits when it loses the focus or Enter is pressed (a date also
    when picked in the calendar, a place when chosen). A refused value stays
    in its field with the reason, in red, next to it.
    """

    def __init__(self, apply: Callable[[str, str], str | None]) -> None:
        # apply(setting key, text) -> None when applied, else why it was refused
        super().__init__()
        self.setObjectName("route_form")
        self.setAccessibleName("Route settings")
        self.setWidgetResizable(True)
        self._apply = apply
        self._shown: dict[str, str] = {}
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.group_size = plain.label()
        self._page = self._build()
        self.setWidget(self._page)

    def _build(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        placed = {key for _title, keys in GROUPS for key in keys}
        rest = tuple(c.key for c in ROUTE.columns if c.key not in placed)
        groups = (*GROUPS, ("Group and daily costs", rest))
        for number, (title, keys) in enumerate(groups):
            box = QGroupBox(title)
            form = QFormLayout(box)
            for key in keys:
                column = ROUTE.column(key)
                form.addRow(f"{column.header}:", self._field(column))
            if title == groups[-1][0]:
                form.addRow("Group size:", self.group_size)
            grid.addWidget(box, number // 2, number % 2, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(grid.rowCount(), 1)
        return page

    def _field(self, column: ColumnSpec) -> QWidget:
        editor = _editor(column)
        editor.setObjectName(f"route_{column.key}")
        editor.setToolTip(column.help)
        editor.setAccessibleName(column.header)
        _on_commit(editor, lambda: self.commit(column.key))
        error = plain.label()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.editors[column.key], self.errors[column.key] = editor, error
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor)
        layout.addWidget(error, 1)
        return row

    def show_project(self, project: Project | None) -> None:
        """Show the route settings of ``project`` (an empty, disabled form if None)."""
        self._page.setEnabled(project is not None)
        if project is None:
            self.group_size.setText("")
            return
        for combo in self.editors.values():
            if isinstance(combo, QComboBox):
                _fill_places(combo, project)
        values = project_rows(project)["Route"][0]
        for key, editor in self.editors.items():
            self._shown[key] = cell_text(values.get(key))
            _show(editor, self._shown[key])
            self.errors[key].hide()
        route = project.route
        self.group_size.setText(
            f"{project.group_size} travellers: {len(project.participants)} "
            f"participants, {route.facilitators} facilitators, "
            f"{route.interpreters} interpreters"
        )

    def commit(self, key: str) -> bool:
        """Apply the value now in field ``key``; False (and the reason) if refused."""
        text = _text(self.editors[key])
        error = None if text == self._shown.get(key) else self._apply(key, text)
        self.errors[key].setText(error or "")
        self.errors[key].setVisible(error is not None)
        return error is None

    def error_text(self, key: str) -> str:
        """Return the reason shown next to field ``key`` ('' when none)."""
        return self.errors[key].text() if self.errors[key].isVisibleTo(self) else ""


def _editor(column: ColumnSpec) -> QWidget:
    """Return the field for a Route setting; numbers keep to the column's
    bounds, the importer's own."""
    kind = column.kind
    low, high = column.bounds or (0, 999)
    if kind is Kind.DATE:
        date = QDateEdit()
        date.setCalendarPopup(True)
        date.setDisplayFormat("yyyy-MM-dd")
        return date
    if kind is Kind.TIME:
        time = QTimeEdit()
        time.setDisplayFormat("HH:mm")
        return time
    if kind is Kind.ID:
        return QComboBox()
    if kind is Kind.INT:
        whole = QSpinBox()
        whole.setRange(int(low), int(high))
        return whole
    if kind is Kind.NUMBER:
        number = QDoubleSpinBox()
        number.setRange(low, high)
        number.setDecimals(1)
        number.setSingleStep(0.5)
        return number
    return QLineEdit()


def _on_commit(editor: QWidget, commit: Callable[[], object]) -> None:
    if isinstance(editor, QComboBox):
        editor.activated.connect(lambda _index: commit())
        return
    if isinstance(editor, QDateEdit):
        editor.calendarWidget().clicked.connect(lambda _date: commit())
    editor.editingFinished.connect(commit)  # type: ignore[attr-defined]


def _fill_places(combo: QComboBox, project: Project) -> None:
    combo.clear()
    for place in project.places:
        combo.addItem(f"{place.name} ({place.id})", place.id)


def _text(editor: QWidget) -> str:
    if isinstance(editor, QDateEdit):
        return editor.date().toString(Qt.DateFormat.ISODate)
    if isinstance(editor, QTimeEdit):
        return editor.time().toString("HH:mm")
    if isinstance(editor, QComboBox):
        return str(editor.currentData() or "")
    if isinstance(editor, QDoubleSpinBox):
        return f"{editor.value():g}"
    if isinstance(editor, QSpinBox):
        return str(editor.value())
    assert isinstance(editor, QLineEdit)
    return editor.text()


def _show(editor: QWidget, text: str) -> None:
    if isinstance(editor, QDateEdit):
        editor.setDate(QDate.fromString(text, Qt.DateFormat.ISODate))
    elif isinstance(editor, QTimeEdit):
        editor.setTime(QTime.fromString(text, "HH:mm"))
    elif isinstance(editor, QComboBox):
        if editor.findData(text) < 0:
            editor.addItem(text, text)
        editor.setCurrentIndex(editor.findData(text))
    elif isinstance(editor, QDoubleSpinBox):
        editor.setValue(float(text))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(text))
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(text)
        editor.setCursorPosition(0)
