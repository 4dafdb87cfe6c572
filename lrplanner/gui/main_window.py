"""MainWindow: the project's inputs in tabs, the import problems in a dock."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QWidget,
)

from lrplanner import services, storage
from lrplanner.gui.models.sheets import route_settings_rows, sheet_models

if TYPE_CHECKING:
    from lrplanner.core.project import Project
    from lrplanner.importers import ImportResult

OPEN_FILTER = "Route inputs (*.lrp *.xlsx *.xlsm);;All files (*)"


class MainWindow(QMainWindow):
    """Shows one Learning Route project: route settings, sheets, problems."""

    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.path: Path | None = None
        self.resize(1280, 720)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Project inputs")
        self.setCentralWidget(self.tabs)
        self.problems = QListWidget()
        self.problems.setAccessibleName("Import problems")
        dock = QDockWidget("Problems", self)
        dock.setObjectName("problems_dock")
        dock.setWidget(self.problems)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [140], Qt.Orientation.Vertical)
        self._build_menus()
        self.show_result(None)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        for label, shortcut, slot in (
            ("&Open…", QKeySequence.StandardKey.Open, self._on_open_triggered),
            ("Open CSV &folder…", None, self._on_open_folder_triggered),
            ("Save &As…", QKeySequence.StandardKey.SaveAs, self._on_save_as_triggered),
            ("Write input &template…", None, self._on_template_triggered),
            ("&Quit", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(label, self)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)

    def open_path(self, path: Path) -> ImportResult:
        """Load a project file, workbook or CSV folder and show it."""
        result = services.load_inputs(path)
        if result.project is not None:
            self.path = path
        self.show_result(result)
        return result

    def show_result(self, result: ImportResult | None) -> None:
        """Show the loaded project (or keep the old one) and every problem."""
        if result is not None and result.project is not None:
            self.project = result.project
        self._show_project()
        self.problems.clear()
        if result is not None:
            for error in result.errors:
                self.problems.addItem(f"Error: {error.message()}")
            for warning in result.warnings:
                self.problems.addItem(f"Warning: {warning.message()}")
        name = self.path.name if self.path else "no project"
        self.setWindowTitle(f"LR Planner — {name}")

    def _show_project(self) -> None:
        self.tabs.clear()
        self.tabs.addTab(self._route_page(), "Route")
        for name, model in sheet_models(self.project).items():
            proxy = QSortFilterProxyModel(self)
            proxy.setSourceModel(model)
            model.setParent(proxy)
            view = QTableView()
            view.setObjectName(f"{name.lower()}_table")
            view.setAccessibleName(f"{name} table")
            view.setModel(proxy)
            view.setSortingEnabled(True)
            view.resizeColumnsToContents()
            self.tabs.addTab(view, f"{name} ({model.rowCount()})")

    def _route_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        if self.project is None:
            form.addRow(QLabel("Open a workbook, CSV folder or project (File ▸ Open)."))
            return page
        for setting, value, help_text in route_settings_rows(self.project):
            label = QLabel(value)
            label.setToolTip(help_text)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{setting}:", label)
        return page

    def _on_open_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open route", "", OPEN_FILTER)
        if name:
            self.open_path(Path(name))

    def _on_open_folder_triggered(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Open a folder of CSV files")
        if name:
            self.open_path(Path(name))

    def _on_save_as_triggered(self) -> None:
        if self.project is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Save project", "route.lrp", "LR Planner project (*.lrp)"
        )
        if not name:
            return
        try:
            storage.save_project(self.project, Path(name))
        except OSError as exc:
            QMessageBox.warning(
                self,
                "Save failed",
                f"The project was not saved: {exc}. Any earlier file is unchanged.",
            )
            return
        self.path = Path(name)
        self.show_result(None)

    def _on_template_triggered(self) -> None:
        from lrplanner.importers import write_template

        name, _ = QFileDialog.getSaveFileName(
            self, "Write input template", "route_template.xlsx", "Workbook (*.xlsx)"
        )
        if name:
            try:
                write_template(Path(name))
            except OSError as exc:
                QMessageBox.warning(self, "Template not written", str(exc))
