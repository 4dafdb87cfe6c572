"""ProjectFiles: open, save, recent files, export, autosave and recovery."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lrplanner import appfiles, services, storage
from lrplanner.core.errors import ProjectFileError
from lrplanner.exporters import EXPORTS
from lrplanner.gui.signals import emit
from lrplanner.gui.tasks import Task

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from lrplanner.core.project import Project
    from lrplanner.core.report import PlanReport
    from lrplanner.gui.document import ProjectDocument
    from lrplanner.gui.tasks import TaskRunner, TaskState

    Button = QMessageBox.StandardButton
    Ask = Callable[[str, str, Button], Button]
    from lrplanner.planner.build import RouteModel

log = logging.getLogger(__name__)
OPEN_FILTER = "Route inputs (*.lrp *.xlsx *.xlsm);;All files (*)"
PROJECT_FILTER = "LR Planner project (*.lrp)"
WORKBOOK_FILTER = "Excel workbook (*.xlsx)"
AUTOSAVE_MS = 3 * 60 * 1000
MAX_RECENT = 8
#: The key of "Export all": every file ``lrplanner plan --out`` writes.
ALL = "all"


def export_kinds() -> list[tuple[str, str]]:
    """Return (key, label) of every export the menus offer: the registry's,
    then Export all."""
    return [(e.key, e.label) for e in EXPORTS] + [(ALL, "all plan files")]


def export_label(kind: str) -> str:
    """Return what an export is, in words."""
    return dict(export_kinds())[kind]


def export_files(
    project: Project,
    report: PlanReport | None,
    kind: str,
    folder: Path,
    model: RouteModel | None = None,
) -> list[Path]:
    """Write one export of the project's plan into ``folder``; ``ALL`` writes
    the set ``lrplanner plan --out`` writes (project file, plan.json,
    problem.json, every export and the manifest)."""
    if project.plan is None or report is None:
        raise ValueError("the project has no plan yet: plan it first (F5)")
    kinds = None if kind == ALL else (kind,)
    return services.export(project, report, kinds, folder, model=model)


def write_document(document: ProjectDocument, path: Path) -> None:
    """Save the document's programme to ``path``: a project file (format 1)
    for one route, as always, a programme file (format 2) for several.

    Raises
    ------
    SaveError
        If it cannot be written (the old file is kept).
    """
    programme, project = document.programme, document.project
    assert programme is not None
    assert project is not None
    if len(programme.routes) > 1:
        storage.save_programme(programme, path)
    else:
        storage.save_project(project, path)


class ProjectFiles(QObject):
    """The file jobs on a ProjectDocument: save, export, autosave, recovery.

    It knows the document, the task runner and the widget its dialogs belong
    to, never the window: what it has to tell goes out as signals.
    ``told(title, text, error)`` is a message for the user, ``status(text,
    ms)`` a status-bar line (0 ms: until replaced, an empty text clears it),
    ``exported(paths)`` a finished export, ``open_requested(path)`` a file
    to open (a new template). ``ask(title, text, buttons)`` asks the user a
    question and returns the button pressed (recovery asks it).
    """

    told = Signal(str, str, bool)
    status = Signal(str, int)
    exported = Signal(list)
    open_requested = Signal(object)

    def __init__(
        self,
        document: ProjectDocument,
        runner: TaskRunner,
        settings: QSettings,
        autosave: Path | None,
        dialogs: QWidget,
        ask: Ask,
    ) -> None:
        super().__init__(dialogs)
        self._document = document
        self._runner = runner
        self._dialogs = dialogs
        self._ask = ask
        self._settings = settings
        self._folder = autosave
        self._slot: appfiles.AutosaveSlot | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()
        document.state_changed.connect(self._on_document_state_changed)

    def _on_document_state_changed(self) -> None:
        # Saved, undone back to the file, or another project opened: a backup of
        # this window would only offer back what the user already has or dropped.
        if self._slot is not None and not self._document.is_dirty():
            self._slot.discard()

    @property
    def autosave_folder(self) -> Path:
        """Return the autosave folder (storage.autosave_dir() unless given)."""
        if self._folder is None:
            self._folder = storage.autosave_dir()
        return self._folder

    @property
    def slot(self) -> appfiles.AutosaveSlot:
        """Return this window's own autosave files (made on first use)."""
        if self._slot is None:
            self._slot = appfiles.AutosaveSlot(self.autosave_folder)
        return self._slot

    @property
    def autosave_path(self) -> Path:
        """Return this window's autosave file for the open project."""
        return self.slot.path_for(self._document.path)

    def save(self, path: Path | None = None) -> bool:
        """Save to ``path`` (or the document's .lrp); True when saved.

        A failure is shown to the user and the document stays unsaved.
        """
        document = self._document
        project = document.project
        if project is None:
            return False
        path = path or document.path
        if path is None or path.suffix.lower() != storage.SUFFIX:
            return self.save_as()
        try:
            write_document(document, path)
        except (ProjectFileError, OSError) as exc:
            log.warning("save failed: %s", exc)
            reason = (
                getattr(exc, "reason", None) or getattr(exc, "strerror", None) or exc
            )
            emit(
                self.told,
                "Not saved",
                f"The project was not saved to {path}: {reason}. "
                "Any earlier file there is unchanged.",
                True,
            )
            return False
        document.mark_saved(path)
        self.remember(path)
        self.slot.discard()  # the file on disk is newer than any backup
        emit(self.status, f"Saved {path}", 5000)
        return True

    def save_as(self) -> bool:
        """Ask where to save the project, then save it there."""
        document = self._document
        start = document.path.with_suffix(storage.SUFFIX) if document.path else None
        name, _ = QFileDialog.getSaveFileName(
            self._dialogs, "Save project", str(start or "route.lrp"), PROJECT_FILTER
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
            self._dialogs, "New route from template", "route.xlsx", "Workbook (*.xlsx)"
        )
        if not name:
            return
        try:
            write_template(Path(name))
        except OSError as exc:
            emit(self.told, "Template not written", str(exc), True)
            return
        emit(self.open_requested, Path(name))

    def export_workbook(self, path: Path | None = None) -> bool:
        """Write the inputs as one workbook at ``path`` (asked for when None):
        a Route sheet per route of a programme (Route, Route 2, ...), as a
        one-route project always was; True when written. The file is
        replaced only once fully written."""
        from lrplanner.importers import write_programme_workbook

        programme = self._document.programme
        if programme is None:
            emit(self.told, "Nothing to export", "Open a route first.", False)
            return False
        if path is None:
            path = self._ask_workbook()
            if path is None:
                return False
        try:
            write_programme_workbook(programme, path)
        except OSError as exc:
            log.warning("workbook export failed: %s", exc)
            text = f"{path} was not written: {exc}. Any earlier file is unchanged."
            emit(self.told, "Export failed", text, True)
            return False
        routes = len(programme.routes)
        what = f"{routes} routes" if routes > 1 else "the route"
        emit(self.status, f"Exported {what} to the workbook {path}", 0)
        emit(self.exported, [path])
        return True

    def _ask_workbook(self) -> Path | None:
        known = self._document.path
        start = known.with_suffix(".xlsx") if known else Path("route.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self._dialogs, "Export workbook", str(start), WORKBOOK_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".xlsx")

    def export(self, kind: str, folder: Path | None = None) -> bool:
        """Write an export into ``folder`` (asked for when None) in the background."""
        document = self._document
        project = document.project
        if project is None or project.plan is None:
            emit(self.told, "Nothing to export", "Plan the route first (F5).", False)
            return False
        label = export_label(kind)
        if folder is None:
            name = QFileDialog.getExistingDirectory(
                self._dialogs, f"Export the {label} into folder"
            )
            if not name:
                return False
            folder = Path(name)
        report = document.report()
        model = document.model()

        def write(_state: TaskState) -> list[Path]:
            return export_files(project, report, kind, folder, model)

        emit(self.status, f"Exporting the {label}…", 0)
        # its own channel: an export waits behind a running plan, never
        # replaces it (nor an export of another kind)
        Task(self._runner, write, channel=f"export:{kind}").success(
            self._on_exported
        ).failure(self._on_export_failed).run()
        return True

    def _on_exported(self, paths: list[Path]) -> None:
        names = ", ".join(p.name for p in paths)
        emit(self.status, f"Exported {names} to {paths[0].parent}", 0)
        emit(self.exported, paths)

    def _on_export_failed(self, error: BaseException) -> None:
        log.error("export failed", exc_info=error)
        emit(self.status, "", 0)
        emit(
            self.told,
            "Export failed",
            f"The files were not written: {error}. Earlier files are unchanged.",
            True,
        )

    def autosave_now(self) -> None:
        """Save an unsaved project to this window's autosave file (atomic).

        A project without unsaved changes needs no backup: this window's are
        removed. A failure is logged, never raised (it runs on a timer).
        """
        document = self._document
        try:
            if document.project is None or not document.is_dirty():
                self.slot.discard()
                return
            path = self.autosave_path
            write_document(document, path)
            self.slot.discard(keep=path)  # e.g. the backup under an older name
        except (ProjectFileError, OSError):
            log.exception("autosave failed")

    def mark_clean_exit(self) -> None:
        """Record a clean exit: this window's autosaves are not needed any more."""
        if self._slot is not None:
            self._slot.release()

    def recoverable(self) -> Path | None:
        """Return the newest autosave that no open window holds, if any."""
        orphans = appfiles.orphaned_autosaves(self.autosave_folder)
        return orphans[0] if orphans else None

    def offer_recovery(self) -> bool:
        """Offer each autosave left by a crash, newest first; True if one is recovered.

        An autosave is first moved into this window's own slot, so two windows
        starting at once never recover the same one. "No" deletes it.
        """
        appfiles.remove_stale_locks(self.autosave_folder)
        for orphan in appfiles.orphaned_autosaves(self.autosave_folder):
            claimed = self._claim(orphan)
            if claimed is not None and self._offer(claimed):
                return True
        return False

    def _claim(self, orphan: Path) -> Path | None:
        target = self.slot.path_for(None)
        try:
            os.replace(orphan, target)
        except OSError:
            return None  # another window took it first
        appfiles.forget_autosave(orphan)  # only its stale lock is left to remove
        return target

    def _offer(self, path: Path) -> bool:
        try:
            programme = storage.load_programme(path)
        except ProjectFileError as exc:
            path.replace(path.with_suffix(".damaged"))
            emit(self.told, "Not recovered", str(exc), True)
            return False
        saved_at = time.strftime("%d %b %H:%M", time.localtime(path.stat().st_mtime))
        answer = self._ask(
            "Recover unsaved work?",
            "LR Planner did not close properly. Recover the unsaved changes to "
            f"“{programme.name}” autosaved at {saved_at}? "
            "(No deletes this backup.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            path.unlink(missing_ok=True)
            return False
        self._document.open_programme(programme, None, clean=False)
        return True
