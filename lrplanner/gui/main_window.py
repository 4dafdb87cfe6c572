"""MainWindow: the open project's inputs, its plan, and every action on them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QTabWidget,
)

from lrplanner import __version__
from lrplanner import services_edit as edit
from lrplanner.gui import plain, reading
from lrplanner.gui.actions import build_actions, build_menus
from lrplanner.gui.data_tabs import DataTabs
from lrplanner.gui.document import ProjectDocument
from lrplanner.gui.files import OPEN_FILTER, ProjectFiles
from lrplanner.gui.loader import FileLoader
from lrplanner.gui.programme_controller import ProgrammeController
from lrplanner.gui.results import ResultsViews
from lrplanner.gui.scenarios_controller import ScenariosController
from lrplanner.gui.solve_controller import PlanController
from lrplanner.gui.tasks import TaskRunner
from lrplanner.gui.widgets.plan_progress import PlanProgress

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from lrplanner.core.changes import PlanChanges
    from lrplanner.core.project import Project
    from lrplanner.importers import ImportResult
    from lrplanner.planner.plan import PlanOutcome

Button = QMessageBox.StandardButton
YES_NO = Button.Yes | Button.No


class MainWindow(QMainWindow):
    """Shows one Learning Route Project (a ProjectDocument): data, plan, actions."""

    exported = Signal(list)

    def __init__(
        self, settings: QSettings | None = None, autosave: Path | None = None
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.document = ProjectDocument(self)
        self.runner = TaskRunner(self)
        self.planner = PlanController(self.document, self.runner, self)
        self.files = ProjectFiles(
            self.document,
            self.runner,
            self.settings,
            autosave,
            self,
            lambda title, text, buttons: self.ask(title, text, buttons),
        )
        self.last_message: tuple[str, str] | None = None
        self.resize(1280, 720)
        self.setMinimumSize(900, 560)
        self._build_views()
        self.actions_by_name = build_actions(self, self._handlers(), self.files.export)
        build_menus(self, self.actions_by_name, self.files.recent, self.open_checked)
        self.progress = PlanProgress(self.cancel_plan)
        self.statusBar().addPermanentWidget(self.progress)
        self.loader = FileLoader(self)
        self.statusBar().addPermanentWidget(self.loader.progress)
        self.statusBar().addPermanentWidget(self.routes.loader.progress)
        self._load_preferences()
        self._connect()
        self.tabs.show_project(None)
        self._on_state_changed()

    @property
    def project(self) -> Project | None:
        """Return the open project."""
        return self.document.project

    @property
    def path(self) -> Path | None:
        """Return the file the project came from or was saved to."""
        return self.document.path

    def _build_views(self) -> None:
        self.views = QTabWidget()
        self.views.setObjectName("main_tabs")
        self.views.setAccessibleName("Project views")
        self.tabs = DataTabs(self.document)
        self.tabs.edit_refused.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.tabs.edited.connect(self._on_input_edited)
        self.views.addTab(self.tabs, "Data")
        self.results = ResultsViews(self.views, self.document)
        self.scenarios = ScenariosController(
            self.document,
            lambda: (self.planner.seconds, self.planner.seed),
            lambda title, text, buttons: self.ask(title, text, buttons),
            lambda title, text, error: self.say(title, text, error=error),
            self,
        )
        self.views.addTab(self.scenarios.panel, "Scenarios")
        self.routes = ProgrammeController(
            self.document,
            lambda title, text, error: self.say(title, text, error=error),
            self,
            lambda: (self.planner.seconds, self.planner.seed),
            lambda title, text: self.ask(title, text, YES_NO) == Button.Yes,
        )
        self.views.addTab(self.routes.panel, "Programme")
        self.views.setCornerWidget(self.routes.picker, Qt.Corner.TopRightCorner)
        self.setCentralWidget(self.views)
        self.problems = QListWidget()
        self.problems.setAccessibleName("Import problems")
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problems_dock")
        self.problems_dock.setWidget(self.problems)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [120], Qt.Orientation.Vertical)

    def _connect(self) -> None:
        self.document.changed.connect(self._on_document_changed)
        self.loader.loaded.connect(self._show_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.loader.cancelled.connect(self._on_load_cancelled)
        self.document.state_changed.connect(self._on_state_changed)
        self.planner.started.connect(self._on_plan_started)
        self.planner.progressed.connect(self.progress.show_progress)
        self.planner.finished.connect(self._on_plan_finished)
        self.planner.failed.connect(self._on_plan_failed)
        self.files.told.connect(
            lambda title, text, error: self.say(title, text, error=error)
        )
        self.files.status.connect(self._show_status)
        self.scenarios.status.connect(self._show_status)
        self.routes.status.connect(self._show_status)
        self.routes.problems.connect(self.show_result)
        self.routes.running.connect(lambda _on: self._on_state_changed())
        self.routes.day_shown.connect(self._show_agenda_day)
        self.document.refused.connect(lambda m: self.say("Not changed", m, error=True))
        self.files.exported.connect(self.exported)
        self.files.open_requested.connect(self.open_path)
        self.results.lock_edit.connect(self._on_edit_requested)
        self.results.move_edit.connect(self._on_move_requested)

    def _handlers(self) -> dict[str, Callable[[], object]]:
        """Return what each action of ``actions.ACTIONS`` does."""
        files = self.files
        return {
            "new": files.new_from_template,
            "open": self.choose_and_open,
            "import_workbook": self.choose_workbook,
            "open_folder": self.choose_folder,
            "add_route": self.routes.choose_and_add,
            "remove_route": self.routes.remove_shown,
            "save": files.save,
            "save_as": files.save_as,
            "export_workbook": files.export_workbook,
            "quit": self.close,
            "undo": self.undo,
            "redo": self.redo,
            "plan": self.plan,
            "cancel": self.cancel_plan,
            "plan_fresh": self.plan_fresh,
            "plan_all": self.routes.plan_all,
            "lock_all": self.lock_all_visits,
            "unlock_all": self.unlock_all,
            "rules": self.edit_rules,
            "prefs": self.edit_preferences,
            "help": self.show_help,
            "about": self.show_about,
        }

    # --- messages -------------------------------------------------------
    def say(self, title: str, text: str, *, error: bool = False) -> None:
        """Tell the user something without blocking (the box is window-modal)."""
        self.last_message = (title, text)
        icon = QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information
        box = plain.message_box(icon, title, text, Button.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _show_status(self, text: str, ms: int) -> None:
        if text:
            self.statusBar().showMessage(text, ms)
        else:
            self.statusBar().clearMessage()

    def ask(self, title: str, text: str, buttons: Button) -> Button:
        """Ask a question and wait for the answer (tests replace this)."""
        box = plain.message_box(QMessageBox.Icon.Question, title, text, buttons, self)
        return Button(box.exec())

    # --- opening --------------------------------------------------------
    def open_path(self, path: Path) -> ImportResult:
        """Load a project file, workbook or CSV folder and show it (blocking)."""
        result = reading.read(path)
        self._show_loaded(path, result)
        return result

    def open_in_background(self, path: Path) -> None:
        """Read ``path`` off the main thread (busy bar, Cancel), then show it."""
        self.statusBar().showMessage(f"Reading {path}…")
        self.loader.load(path)

    def _on_load_failed(self, path: Path, message: str) -> None:
        self.statusBar().clearMessage()
        self.say("Could not open the file", f"{path} could not be read: {message}")

    def _on_load_cancelled(self, path: Path) -> None:
        self.statusBar().showMessage(f"Stopped reading {path.name}.", 8000)

    def _show_loaded(self, path: Path, result: ImportResult) -> None:
        """Show a finished read: the project (if any) and every problem."""
        self.statusBar().clearMessage()
        if isinstance(result, reading.ProgrammeResult):
            self.document.open_programme(result.programme, path)
            self.files.remember(path)
            names = result.programme.names
            self.statusBar().showMessage(
                f"Opened a programme of {len(names)} routes; showing {names[0]} "
                "(pick another under Route, right of the tabs).",
                15000,
            )
        elif result.project is not None:
            self.document.open(result.project, path)
            self.files.remember(path)
            hint = "" if result.project.plan else " Press F5 to plan."
            first_line = result.summary().splitlines()[0]
            self.statusBar().showMessage(f"{first_line}{hint}", 15000)
        self.show_result(result)

    def open_checked(self, path: Path) -> None:
        """Open ``path`` after offering to save unsaved changes."""
        if self.confirm_discard():
            self.open_in_background(path)

    def open_initial(self, path: Path | None, sample: Path) -> None:
        """Open ``path``, else recover an autosave, else the last project or sample."""
        if path is not None:
            self.open_in_background(path)
            return
        if not self.files.offer_recovery():
            target = self.files.last_project() or sample
            if target.exists():
                self.open_in_background(target)
                return
        self.loader.settled.emit()  # nothing to read: the window is ready

    def show_result(self, result: ImportResult | None) -> None:
        """List every problem of an import (the project, if any, is already open)."""
        self.problems.clear()
        if result is not None:
            for error in result.errors:
                self.problems.addItem(f"Error: {error.message()}")
            for warning in result.warnings:
                self.problems.addItem(f"Warning: {warning.message()}")
        self.problems_dock.setVisible(self.problems.count() > 0)
        self._on_state_changed()

    def choose_and_open(self) -> None:
        """Ask for a workbook or project file and open it."""
        name, _ = QFileDialog.getOpenFileName(self, "Open route", "", OPEN_FILTER)
        if name:
            self.open_checked(Path(name))

    def choose_workbook(self) -> None:
        """Ask for an Excel workbook (the template's sheets) and import it."""
        name, _ = QFileDialog.getOpenFileName(
            self, "Import a workbook", "", "Excel workbooks (*.xlsx *.xlsm)"
        )
        if name:
            self.open_checked(Path(name))

    def choose_folder(self) -> None:
        """Ask for a folder of CSV files and open it."""
        name = QFileDialog.getExistingDirectory(self, "Open a folder of CSV files")
        if name:
            self.open_checked(Path(name))

    # --- document -------------------------------------------------------
    def _show_agenda_day(self, day: object) -> None:
        """Show the Agenda tab at ``day`` (a double-click in the Programme tab)."""
        agenda = self.results.agenda
        self.views.setCurrentWidget(agenda)
        if isinstance(day, date) and not agenda.show_day(day):
            self.statusBar().showMessage(
                f"{day:%a} {day.day} {day:%b} has no plan in this route yet.", 8000
            )

    def _on_document_changed(self, changes: PlanChanges, initiator: object) -> None:
        self.tabs.refresh(self.project, changes, initiator)
        self.results.refresh(changes)

    def _on_input_edited(self, description: str) -> None:
        project = self.project
        hint = ". Press F5 to re-plan." if project and project.plan else ""
        self.statusBar().showMessage(f"{description}{hint}", 8000)

    def _on_state_changed(self) -> None:
        history = self.document.history
        acts = getattr(self, "actions_by_name", None)
        if acts is not None:
            undo = history.undo_label() if history else None
            redo = history.redo_label() if history else None
            acts["undo"].setEnabled(undo is not None)
            acts["redo"].setEnabled(redo is not None)
            for name, label in (("undo", undo), ("redo", redo)):
                # the menu names the edit; the toolbar button stays one word
                # (a long edit's name would push the other buttons off it)
                word = name.capitalize()
                acts[name].setText(f"&{word} {label}" if label else f"&{word}")
                acts[name].setIconText(word)
                acts[name].setToolTip(f"{word} {label}" if label else word)
            acts["save"].setEnabled(self.project is not None)
            acts["export_workbook"].setEnabled(self.project is not None)
            acts["plan"].setEnabled(self.project is not None)
            acts["cancel"].setEnabled(self.planner.is_running())
            acts["add_route"].setEnabled(self.project is not None)
            programme = self.document.programme
            several = programme is not None and len(programme.routes) > 1
            acts["remove_route"].setEnabled(several)
            acts["plan_all"].setEnabled(
                programme is not None
                and len(programme.routes) > 1
                and not self.routes.is_planning()
            )
        self.routes.picker.setEnabled(not self.planner.is_running())
        name = self.path.name if self.path else "no project"
        if self.project is not None and self.path is None:
            name = "recovered project"
        programme = self.document.programme
        if programme is not None and len(programme.routes) > 1:
            name += f" — {programme.names[self.document.route]}"
        star = "*" if self.document.is_dirty() else ""
        self.setWindowTitle(f"LR Planner — {name}{star}")

    def undo(self) -> None:
        """Undo the last edit of the project."""
        done = self.document.undo()
        if done:
            self.statusBar().showMessage(f"Undone: {done}", 5000)

    def redo(self) -> None:
        """Redo the last undone edit."""
        done = self.document.redo()
        if done:
            self.statusBar().showMessage(f"Redone: {done}", 5000)

    def _on_edit_requested(self, project: Project, description: str) -> None:
        self.document.apply(project, description, self.results)
        self.statusBar().showMessage(f"{description}. Press F5 to re-plan.", 8000)

    def _on_move_requested(self, project: Project, description: str) -> None:
        """Lock the visit to its new day and re-plan, together one undo step."""
        self.document.apply(project, description, self.results)
        self.planner.start(amend=True)

    # --- planning -------------------------------------------------------
    def plan(self) -> bool:
        """Plan the project in the background (a running plan is cancelled),
        keeping the current plan's visits where the rules allow."""
        return self.planner.start()

    def plan_fresh(self) -> bool:
        """Plan the project from scratch (the current plan is not kept)."""
        return self.planner.start(fresh=True)

    def lock_all_visits(self) -> None:
        """Lock every visit of the current plan to its day (one undo step)."""
        project = self.document.project
        if project is None or project.plan is None:
            self.statusBar().showMessage("There is no plan to lock yet.", 5000)
            return
        locked = edit.lock_all_visits(project)
        if locked is project:
            self.statusBar().showMessage("Every visit is locked already.", 5000)
            return
        self._on_edit_requested(locked, "Lock all current visits")

    def unlock_all(self) -> None:
        """Release every lock (one undo step)."""
        project = self.document.project
        if project is None or not project.locks:
            self.statusBar().showMessage("No visit is locked.", 5000)
            return
        self._on_edit_requested(edit.unlock_all(project), "Unlock all visits")

    def cancel_plan(self) -> None:
        """Stop planning; the best plan found so far is kept."""
        if self.planner.is_running():
            self.planner.cancel()
            self.progress.show_cancelling()

    def _on_plan_started(self) -> None:
        self.statusBar().clearMessage()  # the progress label needs the room
        self.progress.start(self.planner.seconds)
        self._on_state_changed()

    def _on_plan_finished(self, outcome: PlanOutcome) -> None:
        self.progress.stop()
        self._on_state_changed()
        report = outcome.report
        value = report.indicators.value
        note = (
            " (cancelled: the best plan found so far)"
            if report.status == "cancelled"
            else ""
        )
        changes = self.planner.last_changes
        summary = f"; {len(changes)} change(s), see Changes" if changes else ""
        self.statusBar().showMessage(
            f"Planned: learning value {value:.1f}{note}{summary}", 10000
        )
        self.results.show_changes(changes)
        violations = report.violations
        if violations:
            found = "\n".join(f"• {v.day}: {v.message}" for v in violations[:8])
            self.say(
                "Check the plan",
                f"The independent check found {len(violations)} problem(s) in "
                f"this plan:\n{found}\n\nPlan again with more time "
                "(Edit ▸ Preferences).",
                error=True,
            )
        self.views.setCurrentWidget(self.results.agenda)

    def _on_plan_failed(self, message: str) -> None:
        self.progress.stop()
        self._on_state_changed()
        history = self.document.history
        label = history.undo_label() if history is not None else None
        hint = ""
        if label and label not in ("Plan", "Re-plan"):
            hint = f"\n\nUse Edit ▸ Undo to take back “{label}”."
        self.say("No plan", message + hint, error=True)

    # --- dialogs --------------------------------------------------------
    def _load_preferences(self) -> None:
        self.planner.seconds = float(str(self.settings.value("plan/seconds", 10.0)))
        self.planner.seed = int(str(self.settings.value("plan/seed", 0)))

    def edit_preferences(self) -> None:
        """Edit the planning time and seed."""
        from lrplanner.gui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.planner.seconds, self.planner.seed, self)
        if dialog.exec():
            self.settings.setValue("plan/seconds", dialog.seconds.value())
            self.settings.setValue("plan/seed", dialog.seed.value())
            self._load_preferences()

    def edit_rules(self) -> bool:
        """Edit the project's planning rules (one undo step); True if changed."""
        from lrplanner.gui.dialogs.rules import RulesDialog

        project = self.project
        if project is None:
            return False
        dialog = RulesDialog(project.rules, self)
        if not dialog.exec() or dialog.rules() == project.rules:
            return False
        self._on_edit_requested(
            project.with_changes(rules=dialog.rules()), "Change planning rules"
        )
        return True

    def show_help(self) -> None:
        """Show the user guide."""
        from lrplanner.gui.dialogs.help import HelpDialog

        HelpDialog(self).show()

    def show_about(self) -> None:
        """Show what LR Planner is."""
        QMessageBox.about(
            self,
            "About LR Planner",
            f"<b>LR Planner {__version__}</b><p>Plans Learning Routes: multi-day, "
            "multi-country study journeys with host sites and local champions.</p>",
        )

    # --- closing --------------------------------------------------------
    def confirm_discard(self) -> bool:
        """Offer to save unsaved changes; False if the user cancels."""
        if not self.document.is_dirty():
            return True
        answer = self.ask(
            "Unsaved changes",
            "The project has changes that are not saved. Save them?",
            Button.Save | Button.Discard | Button.Cancel,
        )
        if answer == Button.Save:
            return self.files.save()
        return answer == Button.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self.runner.shutdown()
        self.scenarios.shutdown()
        self.loader.shutdown()
        self.routes.shutdown()
        self.files.timer.stop()
        self.files.mark_clean_exit()
        self.results.close_files()
        event.accept()
