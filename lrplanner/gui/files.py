"""ProjectFiles: open, save, recent files, export, autosave and recovery."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lrplanner import storage
from lrplanner.core.errors import ProjectFileError
from lrplanner.gui.signals import emit
from lrplanner.gui.tasks import Task

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow
    from lrplanner.gui.tasks import TaskState

log = logging.getLogger(__name__)
OPEN_FILTER = "Route inputs (*.lrp *.xlsx *.xlsm);;All files (*)"
PROJECT_FILTER = "LR Planner project (*.lrp)"
AUTOSAVE_MS = 3 * 60 * 1000
MAX_RECENT = 8
EXPORTS = {
    "agenda": ("agenda workbook", "agenda.xlsx"),
    "costs": ("cost workbook", "costs.xlsx"),
    "map": ("route map", "map.html"),
    "pdf": ("printable agenda", "agenda.pdf"),
    "all": ("all plan files", ""),
}


def export_files(project: Project, kind: str, folder: Path) -> list[Path]:
    """Write one export (or all) of the project's plan into ``folder``."""
    import lrplanner.exporters as ex  # heavy (openpyxl, folium): load on use
    from lrplanner.services_edit import plan_check, plan_figures

    figures = plan_figures(project)
    if project.plan is None or figures is None:
        raise ValueError("the project has no plan yet: plan it first (F5)")
    folder.mkdir(parents=True, exist_ok=True)
    plan, target = project.plan, folder / EXPORTS[kind][1]
    # A plan edited by hand or one the planner could not repair: every file
    # written from it says which rules it breaks.
    failures = plan_check(project)
    costs, values = figures.costs, figures.indicators
    if kind == "all":
        return ex.export_all(
            project, plan, costs, values, folder, check_failures=failures
        )
    if kind == "agenda":
        ex.write_agenda_xlsx(
            project, plan, costs, values, target, check_failures=failures
        )
    elif kind == "costs":
        ex.write_costs_xlsx(project, costs, target, check_failures=failures)
    elif kind == "map":
        ex.write_map_html(project, plan, target, check_failures=failures)
    else:
        ex.write_agenda_pdf(project, plan, target, check_failures=failures)
    return [target]


class ProjectFiles(QObject):
    """The window's file jobs on its ProjectDocument: save, export, autosave."""

    def __init__(self, window: MainWindow, settings: QSettings, autosave: Path | None):
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._autosave = autosave
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()

    @property
    def autosave_path(self) -> Path:
        """Return the autosave file (in storage.autosave_dir() unless given)."""
        if self._autosave is None:
            self._autosave = storage.autosave_dir() / "autosave.lrp"
        return self._autosave

    def save(self, path: Path | None = None) -> bool:
        """Save to ``path`` (or the document's .lrp); True when saved."""
        document = self._window.document
        project = document.project
        if project is None:
            return False
        path = path or document.path
        if path is None or path.suffix.lower() != storage.SUFFIX:
            return self.save_as()
        try:
            storage.save_project(project, path)
        except OSError as exc:
            self._window.say(
                "Not saved",
                f"The project was not saved to {path}: {exc.strerror or exc}. "
                "Any earlier file there is unchanged.",
                error=True,
            )
            return False
        document.mark_saved(path)
        self.remember(path)
        self._window.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def save_as(self) -> bool:
        """Ask where to save the project, then save it there."""
        document = self._window.document
        start = document.path.with_suffix(storage.SUFFIX) if document.path else None
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Save project", str(start or "route.lrp"), PROJECT_FILTER
        )
        if not name:
            return False
        path = Path(name)
        return self.save(path if path.suffix else path.with_suffix(storage.SUFFIX))

    def remember(self, path: Path) -> None:
        """Put ``path`` first in the recent files and as the last project."""
        recent = [str(path)] + [p for p in self.recent() if p != str(path)]
        self._settings.setValue("recent", recent[:MAX_RECENT])
        self._settings.setValue("session/last", str(path))

    def recent(self) -> list[str]:
        """Return the recent files, newest first."""
        value = self._settings.value("recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def last_project(self) -> Path | None:
        """Return the last project opened, if it still exists."""
        value = self._settings.value("session/last", "")
        return Path(str(value)) if value and Path(str(value)).exists() else None

    def new_from_template(self) -> None:
        """Write the input template where the user says, then open it."""
        from lrplanner.importers import write_template

        name, _ = QFileDialog.getSaveFileName(
            self._window, "New route from template", "route.xlsx", "Workbook (*.xlsx)"
        )
        if not name:
            return
        try:
            write_template(Path(name))
        except OSError as exc:
            self._window.say("Template not written", str(exc), error=True)
            return
        self._window.open_path(Path(name))

    def export(self, kind: str, folder: Path | None = None) -> bool:
        """Write an export into ``folder`` (asked for when None) in the background."""
        project = self._window.document.project
        if project is None or project.plan is None:
            self._window.say("Nothing to export", "Plan the route first (F5).")
            return False
        if folder is None:
            name = QFileDialog.getExistingDirectory(
                self._window, f"Export the {EXPORTS[kind][0]} into folder"
            )
            if not name:
                return False
            folder = Path(name)

        def write(_state: TaskState) -> list[Path]:
            return export_files(project, kind, folder)

        self._window.statusBar().showMessage(f"Exporting the {EXPORTS[kind][0]}…")
        Task(self._window.runner, write).success(self._on_exported).failure(
            self._on_export_failed
        ).run()
        return True

    def _on_exported(self, paths: list[Path]) -> None:
        self.exported = paths
        names = ", ".join(p.name for p in paths)
        self._window.statusBar().showMessage(f"Exported {names} to {paths[0].parent}")
        emit(self._window.exported, paths)

    def _on_export_failed(self, error: BaseException) -> None:
        log.error("export failed", exc_info=error)
        self._window.statusBar().clearMessage()
        self._window.say(
            "Export failed",
            f"The files were not written: {error}. Earlier files are unchanged.",
            error=True,
        )

    def autosave_now(self) -> None:
        """Save an unsaved project to the autosave file (atomic)."""
        document = self._window.document
        if document.project is None or not document.is_dirty():
            return
        try:
            storage.save_project(document.project, self.autosave_path)
        except OSError:
            log.exception("autosave failed")

    def mark_clean_exit(self) -> None:
        """Record a clean exit: the autosave is not needed any more."""
        self._settings.setValue("session/clean_exit", time.time())
        self.autosave_path.unlink(missing_ok=True)

    def recoverable(self) -> Path | None:
        """Return the autosave if it is newer than the last clean exit."""
        path = self.autosave_path
        if not path.exists():
            return None
        clean = float(str(self._settings.value("session/clean_exit", 0) or 0))
        return path if path.stat().st_mtime > clean else None

    def offer_recovery(self) -> bool:
        """Offer to reopen an autosave left by a crash; True if recovered."""
        path = self.recoverable()
        if path is None:
            return False
        answer = self._window.ask(
            "Recover unsaved work?",
            "LR Planner did not close properly last time. Recover the project "
            "autosaved at "
            + time.strftime("%d %b %H:%M", time.localtime(path.stat().st_mtime))
            + "?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            project = storage.load_project(path)
        except ProjectFileError as exc:
            self._window.say("Not recovered", str(exc), error=True)
            return False
        self._window.document.open(project, None, clean=False)
        return True
