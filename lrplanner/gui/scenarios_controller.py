"""ScenariosController: scenario edits, comparisons and the budget curve.

Edits of the project's scenarios are undo steps of the document. Compare
and Budget curve plan in the background on a worker thread of their own
(so F5 does not wait behind them) with :func:`lrplanner.scenarios.run_scenarios`
and :func:`lrplanner.scenarios.budget_curve`; their ``on_done`` runs on that
thread and only records what finished, which the panel polls (the task
runner's queued signal brings the final rows to the main thread). Stop
cancels the task's token: the plans under way stop in every process, the
rows planned so far stay and the others say they were stopped.
"""

from __future__ import annotations

import logging
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lrplanner import scenarios
from lrplanner.core.changes import PlanChanges, diff
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.scenario import Scenario
from lrplanner.exporters.scenarios_xlsx import write_scenarios_xlsx
from lrplanner.gui.dialogs.scenario import AS_THE_ROUTE, ScenarioDialog
from lrplanner.gui.signals import emit
from lrplanner.gui.tasks import Task, TaskRunner
from lrplanner.gui.widgets.scenarios_panel import ScenariosPanel

if TYPE_CHECKING:
    from collections.abc import Callable

    from lrplanner.core.project import Project
    from lrplanner.gui.document import ProjectDocument
    from lrplanner.gui.tasks import TaskState
    from lrplanner.scenarios import CurvePoint, ScenarioResult

log = logging.getLogger(__name__)
Button = QMessageBox.StandardButton
#: Budget-curve points: the cheapest plan, the uncapped plan and 6 between.
CURVE_POINTS = scenarios.CURVE_POINTS
FILE = "scenarios.xlsx"
Finished = tuple[tuple[int, "ScenarioResult"], ...]


class ScenariosController(QObject):
    """Runs the Scenarios tab of one document.

    ``timing()`` returns the planning seconds and seed (the app's
    Preferences); ``ask`` and ``say`` are the window's message boxes.
    ``workers`` is how many processes plan at once (None: one per core).
    """

    status = Signal(str, int)
    #: A comparison (list of ScenarioResult) or curve (list of CurvePoint) is in.
    comparison_done = Signal(list)
    curve_done = Signal(list)

    def __init__(
        self,
        document: ProjectDocument,
        timing: Callable[[], tuple[float, int]],
        ask: Callable[[str, str, Button], Button],
        say: Callable[[str, str, bool], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._timing = timing
        self._ask = ask
        self._say = say
        self.runner = TaskRunner(self)
        self.panel = ScenariosPanel()
        self.workers: int | None = None
        self.results: list[ScenarioResult] = []
        self.compared: tuple[Scenario, ...] = ()
        self.compared_on: Project | None = None
        self.points: list[CurvePoint] = []
        self._running = ""
        self._task: TaskState | None = None
        self._stopping = False
        self._curve_total = CURVE_POINTS - 1
        for name, slot in (
            ("add", self.add),
            ("edit", self.edit),
            ("delete", self.delete),
            ("compare", self.compare),
            ("promote", self.promote),
            ("curve", self.budget_curve),
            ("stop", self.stop),
            ("export", self.choose_and_export),
        ):
            self.panel.buttons[name].clicked.connect(lambda _c=False, s=slot: s())
        self.panel.list.doubleClicked.connect(lambda _index: self.edit())
        for view in (self.panel.list, self.panel.comparison):
            view.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        document.changed.connect(self._on_changed)
        self._on_changed(PlanChanges.everything(), None)

    # --- the list -------------------------------------------------------
    def _on_changed(self, changes: PlanChanges, _initiator: object) -> None:
        project = self._document.project
        if changes == PlanChanges.everything():  # another project: start afresh
            self.results, self.compared, self.compared_on = [], (), None
            self.points = []
            self.panel.show_comparison([])
            self.panel.show_curve([])
        self.panel.show_scenarios(project.scenarios if project else ())
        self._update()

    def _update(self) -> None:
        project = self._document.project
        has = project is not None
        chosen = self.panel.selected_scenario() is not None
        idle = not self._running
        enabled = {
            "add": has,
            "edit": has and chosen,
            "delete": has and chosen,
            "compare": has and idle,
            "promote": idle and self.panel.selected_comparison() is not None,
            "curve": has and idle,
            "stop": not idle and not self._stopping,
            "export": bool(self.results or self.points),
        }
        for name, on in enabled.items():
            self.panel.buttons[name].setEnabled(on)
        if idle:
            self.panel.status.setText(self._idle_text())

    def _idle_text(self) -> str:
        project = self._document.project
        if project is None:
            return "Open a route to compare scenarios of it."
        if self.compared_on is not None and diff(self.compared_on, project).inputs:
            return "The route changed since this comparison: Compare again."
        if not self.results:
            return (
                "Add scenarios (copies of the route with changed settings), then "
                "Compare plans the route and each of them side by side."
            )
        return "Select a compared scenario and Promote it to make it the route."

    def _edit_document(self, project: Project, description: str) -> None:
        self._document.apply(project, description, self)
        emit(self.status, description, 5000)

    def add(self) -> bool:
        """Ask for a new scenario and keep it (one undo step); True if added."""
        return self._open_dialog(None)

    def edit(self) -> bool:
        """Edit the selected scenario (one undo step); True if changed."""
        scenario = self.panel.selected_scenario()
        return scenario is not None and self._open_dialog(scenario)

    def dialog(self, scenario: Scenario | None) -> ScenarioDialog:
        """Return the dialog for ``scenario`` (tests drive it)."""
        project = self._document.project
        assert project is not None
        return ScenarioDialog(project, scenario, self.panel)

    def _open_dialog(self, scenario: Scenario | None) -> bool:
        if self._document.project is None:
            return False
        dialog = self.dialog(scenario)
        if not dialog.exec() or dialog.project is None or dialog.scenario is None:
            return False
        if dialog.project is self._document.project:
            return False
        verb = "Edit" if scenario else "Add"
        self._edit_document(dialog.project, f"{verb} scenario {dialog.scenario.name}")
        return True

    def delete(self) -> bool:
        """Delete the selected scenario (one undo step); True if deleted."""
        project = self._document.project
        scenario = self.panel.selected_scenario()
        if project is None or scenario is None:
            return False
        kept = scenarios.without_scenario(project, scenario.name)
        self._edit_document(kept, f"Delete scenario {scenario.name}")
        return True

    # --- background runs ------------------------------------------------
    def is_running(self) -> bool:
        """Return whether a comparison or budget curve is being planned."""
        return bool(self._running)

    def _eta(self, count: int, seconds: float) -> str:
        workers = min(count, self.workers or os.cpu_count() or 1)
        rounds = math.ceil(count / max(1, workers))
        return f"about {rounds * seconds + 5:.0f} s"

    def _start(
        self,
        what: str,
        text: str,
        work: Callable[[TaskState], list[Any]],
        handlers: tuple[Callable[[object], None], Callable[[list[Any]], None]],
    ) -> None:
        """Run ``work`` on the scenarios' worker thread (``handlers``: its
        progress and its result) and say ``text`` meanwhile."""
        self._running = what
        self.panel.status.setText(text)
        on_progress, on_success = handlers
        self._task = (
            Task(self.runner, work, channel="scenarios")
            .with_progress(on_progress)
            .success(on_success)
            .failure(self._on_failed)
            .run()
        )
        self._update()

    def _stop(self) -> None:
        self._running = ""
        self._task = None
        self._stopping = False
        self._update()

    def stop(self) -> bool:
        """Stop the comparison or curve under way; False if none runs."""
        if self._task is None or self._stopping:
            return False
        self._task.cancel.cancel()
        self._stopping = True
        self.panel.status.setText(
            "Stopping: the plans under way end with what they have…"
        )
        self._update()
        return True

    def compare(self) -> bool:
        """Plan the route and every scenario in the background; False if busy."""
        project = self._document.project
        if project is None or self._running:
            return False
        seconds, seed = self._timing()
        wanted = (Scenario(name=AS_THE_ROUTE), *project.scenarios)
        workers = self.workers

        def work(state: TaskState) -> list[ScenarioResult]:
            done: list[tuple[int, ScenarioResult]] = []

            def on_done(index: int, result: ScenarioResult) -> None:
                done.append((index, result))  # on this worker thread
                state.report(tuple(done))

            return scenarios.run_scenarios(
                project,
                wanted,
                seconds=seconds,
                seed=seed,
                workers=workers,
                on_done=on_done,
                cancel=state.cancel,
            )

        self.results, self.compared, self.compared_on = [], wanted, project
        self._show_results({})
        self._start(
            "compare",
            self._compare_text(0, seconds),
            work,
            (self._on_compare_progress, self._on_compared),
        )
        return True

    def _compare_text(self, done: int, seconds: float) -> str:
        count = len(self.compared)
        return (
            f"Comparing: {done} of {count} planned, {seconds:g} s each "
            f"({self._eta(count, seconds)} in all). Stop ends it; you can go "
            "on working meanwhile."
        )

    def _on_compare_progress(self, progress: object) -> None:
        finished: Finished = progress  # type: ignore[assignment]
        self._show_results(dict(finished))
        if not self._stopping:
            text = self._compare_text(len(finished), self._timing()[0])
            self.panel.status.setText(text)

    def _show_results(self, done: dict[int, ScenarioResult]) -> None:
        waiting = [
            scenarios.ScenarioResult(
                name=s.name, changes=s.describe(), problem="planning…"
            )
            for s in self.compared
        ]
        rows = [done.get(i, w) for i, w in enumerate(waiting)]
        self.panel.show_comparison([scenarios.comparison_row(r) for r in rows])

    def _on_compared(self, results: list[ScenarioResult]) -> None:
        self.results = results
        self.panel.show_comparison([scenarios.comparison_row(r) for r in results])
        stopped = sum(1 for r in results if r.problem == scenarios.STOPPED)
        self._stop()
        if stopped:
            text = (
                f"Comparison stopped: {len(results) - stopped} of {len(results)} "
                "planned; the others say they were stopped. Compare plans them all "
                "again."
            )
            self.panel.status.setText(text)
            emit(self.status, text, 8000)
        else:
            emit(self.status, f"Compared {len(results)} scenario(s).", 8000)
        emit(self.comparison_done, results)

    def _on_failed(self, error: BaseException) -> None:
        what = self._running
        self._stop()
        if isinstance(error, InfeasibleRequest | ValueError):
            self._say(
                "No budget curve" if what == "curve" else "No comparison",
                str(error),
                True,
            )
            return
        log.error("scenario run failed", exc_info=error)
        self._say(
            "Scenarios", f"Planning stopped with an unexpected problem: {error}", True
        )

    def budget_curve(self, points: int = CURVE_POINTS) -> bool:
        """Plan the route at ``points`` budget caps in the background."""
        project = self._document.project
        if project is None or self._running:
            return False
        seconds, seed = self._timing()
        workers = self.workers
        self._curve_total = points - 1

        def work(state: TaskState) -> list[CurvePoint]:
            done: list[int] = []

            def on_done(index: int, _result: ScenarioResult) -> None:
                done.append(index)
                state.report(len(done))

            return scenarios.budget_curve(
                project,
                points=points,
                seconds=seconds,
                seed=seed,
                workers=workers,
                on_done=on_done,
                cancel=state.cancel,
            )

        eta = self._eta(points - 1, seconds)
        eta = f"{seconds:g} s for the uncapped plan, then {eta}"
        self._start(
            "curve",
            f"Budget curve: planning the route without a cap first ({eta}). "
            "Stop ends it with the points planned so far.",
            work,
            (self._on_curve_progress, self._on_curved),
        )
        return True

    def _on_curve_progress(self, progress: object) -> None:
        if self._stopping:
            return
        self.panel.status.setText(
            f"Budget curve: {progress} of {self._curve_total} capped plans done. "
            "Stop ends it with the points planned so far."
        )

    def _on_curved(self, points: list[CurvePoint]) -> None:
        self.points = points
        project = self._document.project
        currency = project.route.currency if project else ""
        self.panel.show_curve([scenarios.curve_row(p) for p in points], currency)
        stopped = self._stopping
        self._stop()
        if stopped:
            text = (
                f"Budget curve stopped: {len(points)} points planned to the end "
                "are shown. Budget curve plans them all again."
            )
            self.panel.status.setText(text)
            emit(self.status, text, 8000)
        else:
            emit(self.status, f"Budget curve: {len(points)} points.", 8000)
        emit(self.curve_done, points)

    # --- promote and export ---------------------------------------------
    def promote(self, row: int | None = None) -> bool:
        """Make compared scenario ``row`` (None: the selected one) the route,
        after asking; one undo step. True if promoted."""
        row = self.panel.selected_comparison() if row is None else row
        project = self._document.project
        if row is None or project is None or not 0 <= row < len(self.results):
            emit(self.status, "Select a compared scenario to promote.", 5000)
            return False
        scenario, result = self.compared[row], self.results[row]
        refusal = self._refusal(project, scenario, result)
        if refusal:
            self._say("Cannot promote", refusal, True)
            return False
        text = self._promote_text(project, scenario, result)
        answer = self._ask("Promote scenario", text, Button.Ok | Button.Cancel)
        if answer != Button.Ok:
            return False
        promoted = scenarios.promote(project, scenario, result)
        self._edit_document(promoted, f"Promote scenario {scenario.name}")
        self.compared_on = promoted if scenario.name == AS_THE_ROUTE else project
        self._update()
        return True

    def _refusal(
        self, project: Project, scenario: Scenario, result: ScenarioResult
    ) -> str:
        if result.plan is None:
            return f"“{scenario.name}” has no plan: {result.problem}"
        assert self.compared_on is not None
        if diff(self.compared_on, project).inputs:
            return "The route changed since this comparison. Compare again first."
        current = {s.name: s for s in project.scenarios}
        if scenario.name != AS_THE_ROUTE and current.get(scenario.name) != scenario:
            return f"“{scenario.name}” changed since it was compared. Compare again."
        return ""

    @staticmethod
    def _promote_text(
        project: Project, scenario: Scenario, result: ScenarioResult
    ) -> str:
        changes = scenario.describe()
        route = (
            "The route's settings stay as they are"
            if changes == AS_THE_ROUTE
            else f"The route changes: {changes}"
        )
        locks = " Every lock is released." if project.locks else ""
        return (
            f"Promote “{scenario.name}” to the route?\n\n{route}.\n"
            f"The plan becomes this scenario's: learning value {result.value:.1f}, "
            f"{result.visits} visits, cost {result.cost:,.0f} "
            f"{project.route.currency}.{locks}\n\nEdit ▸ Undo takes it back."
        )

    def choose_and_export(self) -> bool:
        """Ask where to write scenarios.xlsx and write it; True if written."""
        folder = self._document.path.parent if self._document.path else Path.home()
        name, _ = QFileDialog.getSaveFileName(
            self.panel,
            "Export scenarios",
            str(folder / FILE),
            "Excel workbooks (*.xlsx)",
        )
        return bool(name) and self.export(Path(name))

    def export(self, path: Path) -> bool:
        """Write the last comparison and curve to ``path``; True if written."""
        project = self._document.project
        if project is None or not (self.results or self.points):
            return False
        try:
            write_scenarios_xlsx(
                path,
                [scenarios.comparison_row(r) for r in self.results],
                [scenarios.curve_row(p) for p in self.points],
                route=project.route.name,
                currency=project.route.currency,
            )
        except OSError as exc:
            self._say("Could not export", f"{path} could not be written: {exc}", True)
            return False
        emit(self.status, f"Wrote {path}", 8000)
        return True

    def shutdown(self) -> None:
        """Stop a running comparison or curve and wait for it to end."""
        self.stop()
        self.runner.shutdown()
