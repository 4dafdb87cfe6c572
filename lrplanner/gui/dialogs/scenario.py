"""ScenarioDialog: a named copy of the route with some settings changed.

Each change is a ticked row (end date or number of days, start date, start
or end place, budget cap) or a ticked country or site to leave out. The
dialog makes a :class:`~lrplanner.core.scenario.Scenario` whose settings
are Route column keys with the texts the Route sheet would hold, and checks
it with :func:`lrplanner.scenarios.with_scenario` before it closes: a
refused scenario stays open with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from lrplanner import scenarios
from lrplanner.core.scenario import Scenario
from lrplanner.gui import plain

if TYPE_CHECKING:
    from datetime import date

    from lrplanner.core.project import Project

#: The comparison's own row: the route as it is.
AS_THE_ROUTE = "as the route"
#: The settings this dialog edits; others a scenario has are kept as they are.
EDITED = ("start_date", "end_date", "start_place", "end_place", "budget_cap")
ERROR_STYLE = "color: #b00020;"
Checked = Qt.CheckState.Checked


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _text(day: QDate) -> str:
    return day.toString("yyyy-MM-dd")


class ScenarioDialog(QDialog):
    """Edits one scenario of ``project`` (``scenario`` None: a new one).

    After ``exec()`` returns true, :attr:`project` is the project keeping
    the scenario (one undo step for the caller) and :attr:`scenario` it.
    """

    def __init__(
        self,
        project: Project,
        scenario: Scenario | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit scenario" if scenario else "Add scenario")
        self._route = project.route
        self._old = scenario.name if scenario else ""
        self._source = project
        self._kept = tuple(
            (k, v)
            for k, v in (scenario.settings if scenario else ())
            if k not in EDITED
        )
        self.project: Project | None = None
        self.scenario: Scenario | None = None
        self.ticks: dict[str, QCheckBox] = {}
        form = QFormLayout(self)
        self.name = QLineEdit(scenario.name if scenario else "")
        self.name.setAccessibleName("Scenario name")
        self.name.setPlaceholderText("such as: 10 days, no Laos")
        form.addRow("Name:", self.name)
        self._build_dates(form)
        self.start_place = self._places(project, "start_place", "Start place", form)
        self.end_place = self._places(project, "end_place", "End place", form)
        self.budget_cap = QLineEdit()
        self.budget_cap.setPlaceholderText("empty: no cap")
        self._row(form, "budget_cap", "Budget cap", self.budget_cap)
        self.countries = self._checklist(
            [(c, c) for c in sorted({s.country for s in project.sites})],
            "Countries to leave out",
        )
        form.addRow("Leave out countries:", self.countries)
        self.sites = self._checklist(
            [(s.id, f"{s.id} — {s.name}") for s in project.sites], "Sites to leave out"
        )
        form.addRow("Leave out sites:", self.sites)
        if self._kept:
            kept = Scenario(name="kept", settings=self._kept).describe()
            form.addRow("Also kept:", plain.label(kept))
        self.error = plain.label()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Why the scenario is refused")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if scenario is not None:
            self.show_scenario(scenario)

    # --- building -------------------------------------------------------
    def _row(self, form: QFormLayout, key: str, label: str, editor: QWidget) -> None:
        tick = QCheckBox(label)
        tick.setAccessibleName(f"Change the {label.lower()}")
        editor.setEnabled(False)
        editor.setAccessibleName(label)
        tick.toggled.connect(editor.setEnabled)
        self.ticks[key] = tick
        form.addRow(tick, editor)

    def _build_dates(self, form: QFormLayout) -> None:
        self.start_date = QDateEdit(_qdate(self._route.start_date))
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat("yyyy-MM-dd")
        self._row(form, "start_date", "Start date", self.start_date)
        self.end_date = QDateEdit(_qdate(self._route.end_date))
        self.end_date.setCalendarPopup(True)
        self.end_date.setDisplayFormat("yyyy-MM-dd")
        self.days = QSpinBox()
        self.days.setRange(1, 366)
        self.days.setSuffix(" days")
        self.days.setAccessibleName("Number of days")
        end = QWidget()
        row = QHBoxLayout(end)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.end_date)
        row.addWidget(plain.label("or"))
        row.addWidget(self.days)
        self._row(form, "end_date", "End date", end)
        self.end_date.dateChanged.connect(self._end_to_days)
        self.start_date.dateChanged.connect(self._end_to_days)
        self.days.valueChanged.connect(self._days_to_end)
        self.ticks["start_date"].toggled.connect(self._end_to_days)
        self._end_to_days()

    def _first_day(self) -> QDate:
        if self.ticks["start_date"].isChecked():
            return self.start_date.date()
        return _qdate(self._route.start_date)

    def _end_to_days(self) -> None:
        days = self._first_day().daysTo(self.end_date.date()) + 1
        self.days.blockSignals(True)
        self.days.setValue(max(1, days))
        self.days.blockSignals(False)

    def _days_to_end(self, days: int) -> None:
        self.end_date.setDate(self._first_day().addDays(days - 1))

    def _places(
        self, project: Project, key: str, label: str, form: QFormLayout
    ) -> QComboBox:
        box = QComboBox()
        for place in project.places:
            box.addItem(f"{place.name} ({place.id})", place.id)
        box.setCurrentIndex(max(0, box.findData(getattr(project.route, key))))
        self._row(form, key, label, box)
        return box

    @staticmethod
    def _checklist(items: list[tuple[str, str]], name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setMaximumHeight(120)
        for key, text in items:
            item = QListWidgetItem(text)  # plain text: never markup
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(item)
        return widget

    # --- reading and writing --------------------------------------------
    def show_scenario(self, scenario: Scenario) -> None:
        """Put ``scenario``'s changes in the fields."""
        self.name.setText(scenario.name)
        settings = dict(scenario.settings)
        for key, tick in self.ticks.items():
            tick.setChecked(key in settings)
        if "start_date" in settings:
            self.start_date.setDate(
                QDate.fromString(settings["start_date"], "yyyy-MM-dd")
            )
        if "end_date" in settings:
            self.end_date.setDate(QDate.fromString(settings["end_date"], "yyyy-MM-dd"))
        for key, box in (
            ("start_place", self.start_place),
            ("end_place", self.end_place),
        ):
            if key in settings:
                box.setCurrentIndex(max(0, box.findData(settings[key])))
        self.budget_cap.setText(settings.get("budget_cap", ""))
        _check(self.countries, scenario.countries)
        _check(self.sites, scenario.sites)

    def settings(self) -> tuple[tuple[str, str], ...]:
        """Return the ticked changes as (Route column key, text), in an order
        the Route sheet accepts (a later start after a later end)."""
        texts = {
            "start_date": _text(self.start_date.date()),
            "end_date": _text(self.end_date.date()),
            "start_place": str(self.start_place.currentData()),
            "end_place": str(self.end_place.currentData()),
            "budget_cap": self.budget_cap.text().strip(),
        }
        order = list(EDITED)
        if texts["start_date"] > self._route.end_date.isoformat():
            order[0:2] = ["end_date", "start_date"]
        ticked = [(k, texts[k]) for k in order if self.ticks[k].isChecked()]
        return (*ticked, *self._kept)

    def make_scenario(self) -> Scenario:
        """Return the scenario the fields describe.

        Raises
        ------
        ValueError
            If the name is blank or taken by the route's own row.
        """
        name = self.name.text().strip()
        if name.casefold() == AS_THE_ROUTE:
            raise ValueError(
                f"{AS_THE_ROUTE!r} is the route's own row: choose another name"
            )
        return Scenario(
            name=name,
            settings=self.settings(),
            countries=_checked(self.countries),
            sites=_checked(self.sites),
        )

    def accept(self) -> None:
        """Close if the scenario applies to the route, else say why not."""
        try:
            scenario = self.make_scenario()
            self.project = scenarios.with_scenario(self._source, scenario, self._old)
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.scenario = scenario
        super().accept()


def _check(widget: QListWidget, keys: tuple[str, ...]) -> None:
    for row in range(widget.count()):
        item = widget.item(row)
        wanted = item.data(Qt.ItemDataRole.UserRole) in keys
        item.setCheckState(Checked if wanted else Qt.CheckState.Unchecked)


def _checked(widget: QListWidget) -> tuple[str, ...]:
    items = (widget.item(row) for row in range(widget.count()))
    return tuple(
        str(i.data(Qt.ItemDataRole.UserRole))
        for i in items
        if i.checkState() == Checked
    )
