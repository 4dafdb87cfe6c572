"""DataTabs: the project's inputs, one tab each: the Route form and the sheets."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget

from lrplanner import services_edit as edit
from lrplanner.core.changes import PlanChanges
from lrplanner.core.columns import ROUTE
from lrplanner.gui.models.sheet_edit import SheetTableModel
from lrplanner.gui.models.sheets import RECORD_SHEETS
from lrplanner.gui.route_form import RouteForm
from lrplanner.gui.sheet_tab import SheetTab
from lrplanner.gui.signals import emit
from lrplanner.importers.project_rows import project_rows

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.gui.document import ProjectDocument

# what the Route form shows: the settings, the place names, the group size
ROUTE_FLAGS = ("route", "places", "participants")


class DataTabs(QTabWidget):
    """Shows the Route settings and every record sheet of a core Project.

    Every cell, row and setting edit goes through ``services_edit`` (the
    importer's rules) and the ProjectDocument (one undo step each).
    ``edit_refused(reason)`` and ``edited(description)`` are for the status bar.
    """

    edit_refused = Signal(str)
    edited = Signal(str)

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__()
        self.setAccessibleName("Project inputs")
        self.setDocumentMode(True)
        self._document = document
        self.route_form = RouteForm(self._apply_route)
        self.addTab(self.route_form, "Route")
        self.pages: dict[str, SheetTab] = {}
        for spec in RECORD_SHEETS:
            model = SheetTableModel(spec, partial(self._apply_cell, spec.name))
            page = SheetTab(
                model,
                partial(self.add_row, spec.name),
                partial(self.delete_row, spec.name),
            )
            self.pages[spec.name] = page
            self.addTab(page, spec.name)

    @property
    def models(self) -> dict[str, SheetTableModel]:
        """Return the table model of each record sheet, by sheet name."""
        return {name: page.model for name, page in self.pages.items()}

    def show_project(self, project: Project | None) -> None:
        """Show every tab of ``project`` afresh."""
        self.refresh(project, PlanChanges.everything(), None)

    def refresh(
        self, project: Project | None, changes: PlanChanges, initiator: object
    ) -> None:
        """Show what ``changes`` names; a table that made the edit is up to date."""
        if any(getattr(changes, flag) for flag in ROUTE_FLAGS):
            self.route_form.show_project(project)
        rows = project_rows(project) if project is not None else {}
        for name, page in self.pages.items():
            page.set_enabled(project is not None)
            if (
                getattr(changes, edit.SHEETS[name].field)
                and page.model is not initiator
            ):
                page.model.set_rows(rows.get(name, []))
                page.view.resizeColumnsToContents()
            count = page.model.rowCount()
            self.setTabText(self.indexOf(page), f"{name} ({count})")

    # --- edits ----------------------------------------------------------
    def _commit(
        self, new: Project, description: str, initiator: object, note: str = ""
    ) -> None:
        old = self._document.project
        assert old is not None
        self._document.apply(new, description, initiator)
        emit(self.edited, description + note)

    def _refuse(self, message: str, reason: str) -> str:
        emit(self.edit_refused, f"{message}: {reason}")
        return reason

    def _apply_cell(self, sheet: str, number: int, key: str, text: str) -> str | None:
        project = self._document.project
        if project is None:
            return "no project is open"
        label = edit.record_label(project, sheet, number)
        header = edit.SHEETS[sheet].spec.column(key).header
        try:
            changed = edit.edit_cell(project, sheet, number, key, text)
        except ValueError as exc:
            return self._refuse(f"{label}: {header} not changed", str(exc))
        model = self.pages[sheet].model
        model.replace_row(number, project_rows(changed)[sheet][number])
        self._commit(changed, f"Edit {header} of {label}", model)
        return None

    def _apply_route(self, key: str, text: str) -> str | None:
        project = self._document.project
        if project is None:
            return "no project is open"
        header = ROUTE.column(key).header
        try:
            changed = edit.edit_route(project, key, text)
        except ValueError as exc:
            return self._refuse(f"Route: {header} not changed", str(exc))
        self._commit(changed, f"Edit {header} of the route", self.route_form)
        return None

    def add_row(self, sheet: str) -> None:
        """Add a row with a new id and loadable defaults to ``sheet``."""
        project = self._document.project
        if project is None:
            return
        try:
            changed = edit.add_record(project, sheet)
        except ValueError as exc:
            self._refuse(f"No row added to {sheet}", str(exc))
            return
        number = len(getattr(changed, edit.SHEETS[sheet].field)) - 1
        self._commit(changed, f"Add {edit.record_label(changed, sheet, number)}", None)
        self.pages[sheet].select_row(number)

    def delete_row(self, sheet: str, number: int) -> None:
        """Delete row ``number`` of ``sheet``, unless other records refer to it."""
        project = self._document.project
        if project is None:
            return
        label = edit.record_label(project, sheet, number)
        try:
            changed = edit.delete_record(project, sheet, number)
        except ValueError as exc:
            self._refuse("Not deleted", str(exc))
            return
        cleared = project.plan is not None and changed.plan is None
        note = "; the plan named it and was cleared" if cleared else ""
        self._commit(changed, f"Delete {label}", None, note)
