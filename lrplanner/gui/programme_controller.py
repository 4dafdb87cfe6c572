"""ProgrammeController: the route picker, the Programme tab, Add route and
Plan all routes.

A document holds a programme (one route for a project file). The route
picker at the right of the tab bar, shown for two routes or more, switches
the route every view shows; the Programme tab draws the routes' calendar and
conflicts; File ▸ Add route to programme… reads a workbook, CSV folder or
.lrp in the background, as File ▸ Open does, and adds its route(s) as one
undo step; File ▸ Remove route from programme… takes the route shown out
(after a question; one undo step). A double-click on a lane's day or on a
conflict shows that route's agenda on that day. Plan ▸ Plan all routes (or
the tab's button) runs
:func:`lrplanner.programme.plan_programme` on a worker thread: the tab says
which route is being planned, Stop ends it (the routes keep the plans they
had), and the planned programme becomes one undo step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from lrplanner import programme as planning
from lrplanner.gui import reading
from lrplanner.gui.loader import FileLoader
from lrplanner.gui.signals import emit
from lrplanner.gui.tasks import Task, TaskRunner
from lrplanner.gui.widgets.programme_panel import ProgrammePanel
from lrplanner.gui.widgets.route_picker import RoutePicker

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from lrplanner.core.programme import Programme
    from lrplanner.gui.document import ProjectDocument
    from lrplanner.gui.tasks import TaskState
    from lrplanner.importers import ImportResult
    from lrplanner.programme import ProgrammeOutcome

ADD_FILTER = "Route inputs (*.xlsx *.xlsm *.lrp *.csv);;All files (*)"
SHARED_HINT = (
    "Routes of a programme need different names (Route sheet, Name) and the "
    "same rows for every host site, champion, place, link, visa rule and rate "
    "they share."
)


class ProgrammeController(QObject):
    """Runs the programme parts of one window.

    ``say(title, text, error)`` is the window's message box; ``timing()``
    returns the planning seconds and seed (the app's Preferences). Signals:
    ``status(text, ms)`` a status-bar line, ``problems(result)`` an import's
    problems to list (the Problems panel), ``planned(outcome)`` when Plan
    all routes ends (a ProgrammeOutcome; cancelled or not), ``running(on)``
    when it starts and ends, ``day_shown(date)`` when a double-click chose a
    route's day (the window shows its agenda there). ``ask(title, text)``
    answers a yes/no question (None: always yes).
    """

    status = Signal(str, int)
    problems = Signal(object)
    planned = Signal(object)
    running = Signal(bool)
    day_shown = Signal(object)

    def __init__(
        self,
        document: ProjectDocument,
        say: Callable[[str, str, bool], None],
        dialogs: QWidget,
        timing: Callable[[], tuple[float, int]] = lambda: (10.0, 0),
        ask: Callable[[str, str], bool] | None = None,
    ) -> None:
        super().__init__(dialogs)
        self._document = document
        self._say = say
        self._ask = ask
        self._dialogs = dialogs
        self._timing = timing
        self.picker = RoutePicker()
        self.panel = ProgrammePanel()
        self.loader = FileLoader(self)
        self.runner = TaskRunner(self)
        self._planning: TaskState | None = None
        self._planned_from: Programme | None = None
        self.picker.chosen.connect(document.show_route)
        self.loader.loaded.connect(self.add_loaded)
        self.loader.failed.connect(self._on_failed)
        self.panel.plan_all.clicked.connect(self.plan_all)
        self.panel.stop.clicked.connect(self.stop)
        self.panel.day_chosen.connect(self.show_day)
        document.state_changed.connect(self.refresh)
        self.refresh()

    def picker_shown(self) -> bool:
        """Return whether the route picker is shown (two routes or more)."""
        return not self.picker.isHidden()

    def refresh(self) -> None:
        """Show the document's routes in the picker and the Programme tab."""
        programme = self._document.programme
        self.panel.show_programme(programme)
        names = programme.names if programme is not None else ()
        self.picker.show_routes(names, self._document.route)
        self.picker.setVisible(len(names) > 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        programme = self._document.programme
        busy = self.is_planning()
        several = programme is not None and len(programme.routes) > 1
        self.panel.plan_all.setEnabled(several and not busy)
        self.panel.stop.setEnabled(busy)

    def show_day(self, route: int, day: object) -> None:
        """Show route ``route`` and ask the window for its agenda on ``day``."""
        programme = self._document.programme
        if programme is None or not 0 <= route < len(programme.routes):
            return
        self._document.show_route(route)
        emit(self.day_shown, day)

    def remove_shown(self) -> bool:
        """Take the route shown out of the programme (after asking); False
        if there is one route only or the answer is no."""
        programme = self._document.programme
        if programme is None or len(programme.routes) < 2:
            self._say(
                "One route",
                "A programme keeps at least one route; this is its only one.",
                False,
            )
            return False
        if self.is_planning():
            self._say("Planning", "Stop Plan all routes first.", False)
            return False
        name = programme.names[self._document.route]
        question = (
            f"Remove the route {name} from the programme? Its settings, "
            "participants and plan go with it; the shared sites, champions and "
            "places stay. Edit ▸ Undo brings it back."
        )
        if self._ask is not None and not self._ask("Remove route", question):
            return False
        self._document.remove_route(self._document.route, f"Remove route {name}")
        emit(self.status, f"Removed {name} from the programme.", 8000)
        return True

    # --- plan all routes --------------------------------------------------
    def is_planning(self) -> bool:
        """Return whether Plan all routes is running."""
        return self._planning is not None

    def plan_all(self) -> bool:
        """Plan every route of the programme in the background; False if
        there is nothing to plan (one route: F5 plans it) or it is running."""
        programme = self._document.programme
        if programme is None or self.is_planning():
            return False
        if len(programme.routes) < 2:
            self._say(
                "One route",
                "Plan all routes is for a programme of several routes; F5 "
                "plans this one.",
                False,
            )
            return False
        seconds, seed = self._timing()
        count = len(programme.routes)
        plans = planning.ROUNDS * count + count  # rounds, then hand-overs
        total = plans * seconds
        self._plans, self._seconds = plans, seconds

        def work(state: TaskState) -> ProgrammeOutcome:
            done: list[str] = []

            def on_route(turn: int, index: int, shown: str) -> None:
                name = programme.names[index]
                done.append(f"round {turn + 1}, {name}: {shown}")
                state.report(tuple(done))  # on this worker thread

            return planning.plan_programme(
                programme,
                seconds=seconds,
                seed=seed,
                on_route=on_route,
                cancel=state.cancel,
            )

        self._planned_from = programme
        self.panel.status.setText(
            f"Planning {count} routes in turn, then hand-overs: up to {plans} "
            f"plans of {seconds:g} s (about {_minutes(total)}). Stop keeps the "
            "routes' plans as they are."
        )
        self._planning = (
            Task(self.runner, work, channel="programme")
            .with_progress(self._on_progress)
            .success(self._on_planned)
            .failure(self._on_plan_failed)
            .run()
        )
        self._update_buttons()
        emit(self.running, True)
        return True

    def stop(self) -> None:
        """Stop Plan all routes (the document keeps the plans it had)."""
        if self._planning is not None:
            self._planning.cancel.cancel()
            self.panel.status.setText("Stopping after the plan under way…")

    def _on_progress(self, progress: object) -> None:
        if self._planning is None or self._planning.cancel.cancelled:
            return
        assert isinstance(progress, tuple)
        self.panel.status.setText(
            f"{len(progress)} of up to {self._plans} plans done; last: {progress[-1]}"
        )

    def _ended(self) -> None:
        self._planning = None
        self._update_buttons()
        emit(self.running, False)

    def _on_planned(self, outcome: ProgrammeOutcome) -> None:
        started, self._planned_from = self._planned_from, None
        self._ended()
        if outcome.cancelled:
            text = "Plan all routes was stopped; the routes keep the plans they had."
            self.panel.status.setText(text)
            emit(self.status, text, 8000)
            emit(self.planned, outcome)
            return
        if self._document.programme is not started:
            self.panel.status.setText(
                "The programme was edited while it was planned; its plans "
                "were not taken. Plan all routes again."
            )
            emit(self.planned, outcome)
            return
        try:
            self._document.replace_programme(outcome.programme, "Plan all routes")
        except ValueError as exc:
            self._say("Plans not taken", f"The routes were not changed: {exc}.", True)
            emit(self.planned, outcome)
            return
        text = _summary(outcome)
        self.panel.status.setText(text)
        emit(self.status, text, 10000)
        emit(self.planned, outcome)

    def _on_plan_failed(self, error: BaseException) -> None:
        self._planned_from = None
        self._ended()
        self.panel.status.setText("Plan all routes failed; the routes are unchanged.")
        self._say("Plan all routes failed", f"The routes are unchanged: {error}", True)

    def choose_and_add(self) -> None:
        """Ask for another route's inputs and add them (read in the background).

        A folder of CSV files is picked by any of its CSV files.
        """
        if self._document.programme is None:
            self._say("No route open", "Open a route first, then add another.", False)
            return
        name, _ = QFileDialog.getOpenFileName(
            self._dialogs, "Add route to programme", "", ADD_FILTER
        )
        if name:
            path = Path(name)
            self.add_in_background(path.parent if path.suffix == ".csv" else path)

    def add_in_background(self, path: Path) -> None:
        """Read ``path`` off the main thread, then add its route(s)."""
        emit(self.status, f"Reading {path}…", 0)
        self.loader.load(path)

    def add_path(self, path: Path) -> ImportResult:
        """Read ``path`` and add its route(s) (blocking); return what was read."""
        result = reading.read(path)
        self.add_loaded(path, result)
        return result

    def add_loaded(self, path: Path, result: ImportResult) -> bool:
        """Add the route(s) of a finished read as one undo step; True if added.

        Import problems go to ``problems``; a route the programme cannot take
        (a name twice, a shared record that differs) is explained.
        """
        emit(self.status, "", 0)
        if result.errors or result.warnings:
            emit(self.problems, result)
        found = reading.projects(result)
        if not found:
            self._say(
                "Route not added",
                f"{path.name} could not be read: see the Problems panel.",
                True,
            )
            return False
        names = ", ".join(p.route.name for p in found)
        try:
            self._document.add_routes(found, f"Add route {names}")
        except ValueError as exc:
            self._say(
                "Route not added",
                f"{path.name} was not added to the programme: {exc}.\n\n{SHARED_HINT}",
                True,
            )
            return False
        emit(
            self.status,
            f"Added {names} to the programme; pick it under Route, right of the tabs.",
            10000,
        )
        return True

    def _on_failed(self, path: Path, message: str) -> None:
        emit(self.status, "", 0)
        self._say("Route not added", f"{path} could not be read: {message}", True)

    def shutdown(self) -> None:
        """End the reading and planning threads."""
        self.loader.shutdown()
        self.runner.shutdown()


def _minutes(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"


def _summary(outcome: ProgrammeOutcome) -> str:
    """Return what Plan all routes did, in a line."""
    planned = [r for r in outcome.routes if r.value is not None]
    parts = [
        f"Planned {len(planned)} of {len(outcome.routes)} routes, total value "
        f"{outcome.total_value:.1f}"
    ]
    unplanned = [f"{r.name} ({r.problem})" for r in outcome.routes if r.value is None]
    if unplanned:
        parts.append("no plan for " + "; ".join(unplanned))
    count = len(outcome.conflicts)
    parts.append("no conflict" if not count else f"{count} conflicts (listed below)")
    return "; ".join(parts) + ". Undo takes the plans back."
