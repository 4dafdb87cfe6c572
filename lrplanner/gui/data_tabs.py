"""DataTabs: the project's input sheets, one tab each; Sites cells are editable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QTableView, QTabWidget, QWidget

from lrplanner.core.changes import PlanChanges
from lrplanner.core.ids import SiteId
from lrplanner.gui.models.sheets import route_settings_rows, sheet_models
from lrplanner.gui.models.sites_edit import SITES, SitesTableModel
from lrplanner.gui.signals import emit
from lrplanner.importers.project_rows import project_rows
from lrplanner.services_edit import edit_site

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.gui.document import ProjectDocument
    from lrplanner.gui.models.table_model import RecordTableModel


class DataTabs(QTabWidget):
    """Shows the Route settings and every record sheet of a core Project."""

    edit_refused = Signal(str)

    def __init__(self, document: ProjectDocument) -> None:
        super().__init__()
        self.setAccessibleName("Project inputs")
        self.setDocumentMode(True)
        self._document = document
        self.sites_model: SitesTableModel | None = None

    def show_project(self, project: Project | None) -> None:
        """Rebuild every tab from ``project``."""
        current = self.currentIndex()
        self.clear()
        self.addTab(_route_page(project), "Route")
        models = sheet_models(project)
        rows = project_rows(project).get("Sites", []) if project else []
        self.sites_model = SitesTableModel(rows, self._apply_site_edit)
        models["Sites"] = self.sites_model
        for name, model in models.items():
            self.addTab(self._table(name, model), f"{name} ({model.rowCount()})")
        self.setCurrentIndex(max(0, current))

    def _table(self, name: str, model: RecordTableModel) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        model.setParent(proxy)
        view = QTableView()
        view.setObjectName(f"{name.lower()}_table")
        view.setAccessibleName(f"{name} table")
        view.setModel(proxy)
        # No sort indicator: rows keep the order of the user's sheet.
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.resizeColumnsToContents()
        return view

    def _apply_site_edit(self, site: str, key: str, text: str) -> str | None:
        project = self._document.project
        model = self.sites_model
        if project is None or model is None:
            return "no project is open"
        try:
            changed = edit_site(project, SiteId(site), key, text)
        except (ValueError, KeyError) as exc:
            reason = str(exc).strip("'\"")
            emit(self.edit_refused, f"{site}: not changed, {reason}")
            return reason
        header = next(c.header for c in SITES.columns if c.key == key)
        number = model.row_of(site)
        model.replace_row(number, project_rows(changed)["Sites"][number])
        edit = PlanChanges(sites=True)
        self._document.apply(changed, f"Edit {header} of {site}", edit, model)
        return None


def _route_page(project: Project | None) -> QWidget:
    page = QWidget()
    form = QFormLayout(page)
    if project is None:
        form.addRow(QLabel("Open a workbook, CSV folder or project (File ▸ Open)."))
        return page
    for setting, value, help_text in route_settings_rows(project):
        label = QLabel(value)
        label.setToolTip(help_text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(f"{setting}:", label)
    return page
