"""Screenshots of the main views for the user guide.

Run ``python -m lrplanner.gui.screenshots OUT_DIR [WORKBOOK]`` under a display
(e.g. ``xvfb-run -s "-screen 0 1366x768x24"``): it opens the workbook, plans it
and saves ``app-data.png``, ``app-agenda.png``, ``app-map.png`` and
``app-budget.png`` (plus indicators and left out) into OUT_DIR, compares two
scenarios and draws the budget curve for ``app-scenarios.png``, adds a second
route starting a day later, planned alone, for ``app-programme.png``,
then opens a copy of the workbook with three typing mistakes for
``app-problems.png``.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDateEdit, QMessageBox

from lrplanner import scenarios, services
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.scenario import Scenario
from lrplanner.gui.app import SAMPLE, use_bundled_fonts
from lrplanner.gui.main_window import MainWindow

#: The scenarios the Scenarios picture compares (on the Mekong sample).
SCENARIOS = (
    Scenario(name="10 days", settings=(("end_date", "2027-03-10"),)),
    Scenario(name="Cap 66,000", settings=(("budget_cap", "66000"),)),
    Scenario(name="No Laos", countries=("LA",)),
)
#: The second route of the Programme picture: the sample, days later.
#: (Its required sites fit one day later, not 2 or 7.)
SECOND_ROUTE = ("Mekong Learning Route, second group", timedelta(days=1))
MAP_WAIT_MS = 4000  # the web engine draws the map tiles asynchronously
SIZE = (1366, 740)  # a 1366 x 768 laptop screen less the window frame


class ScreenshotTour:
    """Opens and plans a workbook in a MainWindow, then grabs each view."""

    def __init__(self, out: Path, workbook: Path, seconds: float) -> None:
        scratch = Path(tempfile.mkdtemp(prefix="lrp-shots-"))
        settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(settings=settings, autosave=scratch / "autosave.lrp")
        self.window.resize(*SIZE)
        self.window.planner.seconds = seconds
        self.out = out
        self.workbook = workbook
        results = self.window.results
        self.views = [
            ("agenda", results.agenda),
            ("budget", results.budget),
            ("indicators", results.indicators),
            ("left-out", results.left_out),
            ("map", results.map),
        ]
        self.window.planner.finished.connect(lambda _outcome: self.next_view(0))
        self.window.planner.failed.connect(lambda _message: self.finish())
        runs = self.window.scenarios
        runs.comparison_done.connect(lambda _rows: runs.budget_curve())
        runs.curve_done.connect(lambda _points: self._grab_scenarios())

    def start(self) -> None:
        """Show the window with the workbook's Sites, grab it, then plan."""
        self.out.mkdir(parents=True, exist_ok=True)
        self.window.show()
        self.window.open_path(self.workbook)
        self.window.tabs.setCurrentIndex(1)
        QTimer.singleShot(300, self._grab_data_and_plan)

    def _grab_data_and_plan(self) -> None:
        self.grab("data")
        tabs = self.window.tabs
        # The Route form with a refused end date (before the start)...
        tabs.setCurrentWidget(tabs.route_form)
        end = tabs.route_form.editors["end_date"]
        assert isinstance(end, QDateEdit)
        end.setDate(end.date().addDays(-15))
        tabs.route_form.commit("end_date")
        QApplication.processEvents()
        self.grab("route-form")
        # ... and a refused cell in the Champions table.
        champions = tabs.models["Champions"]
        tabs.setCurrentWidget(tabs.pages["Champions"])
        column = next(
            c
            for c in range(champions.columnCount())
            if champions.headerData(c, Qt.Orientation.Horizontal) == "Gender"
        )
        champions.setData(champions.index(1, column), "female?")
        QApplication.processEvents()
        self.grab("edit-table")
        tabs.setCurrentIndex(1)
        self.window.plan()

    def grab(self, name: str) -> None:
        """Save the window as ``app-<name>.png``."""
        self.window.grab().save(str(self.out / f"app-{name}.png"))

    def next_view(self, number: int) -> None:
        """Show view ``number``, grab it once drawn, and go on to the next."""
        if number == len(self.views):
            self.finish()
            return
        name, widget = self.views[number]
        self.window.views.setCurrentWidget(widget)
        wait = MAP_WAIT_MS if name == "map" else 300
        QTimer.singleShot(wait, lambda: self._grab_and_go_on(name, number + 1))

    def _grab_and_go_on(self, name: str, following: int) -> None:
        self.grab(name)
        if following == len(self.views):
            self._compare_scenarios()
            return
        self.next_view(following)

    def _compare_scenarios(self) -> None:
        """Add the sample's scenarios, compare them, then draw the curve."""
        project = self.window.project
        assert project is not None
        for scenario in SCENARIOS:
            project = scenarios.with_scenario(project, scenario)
        self.window.document.apply(project, "Add scenarios")
        self.window.views.setCurrentWidget(self.window.scenarios.panel)
        self.window.scenarios.compare()

    def _grab_scenarios(self) -> None:
        self.window.scenarios.panel.comparison.selectRow(1)
        QTimer.singleShot(500, self._grab_scenarios_and_go_on)

    def _grab_scenarios_and_go_on(self) -> None:
        self.grab("scenarios")
        self._show_programme()

    def _show_programme(self) -> None:
        """Add a second route, planned alone: the Programme tab shows both
        lanes and the days both book one host."""
        project = self.window.project
        assert project is not None
        name, shift = SECOND_ROUTE
        route = project.route
        later = dataclasses.replace(
            route,
            name=name,
            start_date=route.start_date + shift,
            end_date=route.end_date + shift,
            rest_days=tuple(d + shift for d in route.rest_days),
        )
        second = project.with_changes(route=later, plan=None, scenarios=())
        try:
            outcome = services.plan_project(second, seconds=self.window.planner.seconds)
        except InfeasibleRequest:
            self._open_broken_copy()  # no picture rather than no tour
            return
        second = second.with_changes(plan=outcome.itinerary)
        self.window.document.add_routes([second], f"Add route {name}")
        self.window.views.setCurrentWidget(self.window.routes.panel)
        QTimer.singleShot(500, self._grab_programme_and_go_on)

    def _grab_programme_and_go_on(self) -> None:
        self.grab("programme")
        self._open_broken_copy()

    def _open_broken_copy(self) -> None:
        """Open the workbook with typing mistakes: the Problems panel lists them."""
        import openpyxl  # only for this picture

        book = openpyxl.load_workbook(self.workbook)
        mistakes = (
            ("Sites", "Visit minutes", "two hours"),
            ("Champions", "Gender", "female?"),
            ("Links", "Mode", "helicopter"),
        )
        for sheet, header, value in mistakes:
            table = book[sheet]
            column = next(c.column for c in table[1] if c.value == header)
            table.cell(row=3, column=column, value=value)
        broken = Path(tempfile.mkdtemp(prefix="lrp-shots-")) / self.workbook.name
        book.save(broken)
        self.window.views.setCurrentIndex(0)
        self.window.open_path(broken)
        QTimer.singleShot(300, self._grab_problems_and_finish)

    def _grab_problems_and_finish(self) -> None:
        self.grab("problems")
        self.finish()

    def finish(self) -> None:
        """Close without asking to save (nothing the user typed) and quit."""
        self.window.ask = lambda *_a: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
        self.window.close()
        QApplication.quit()


def take_screenshots(out: Path, workbook: Path = SAMPLE, seconds: float = 5) -> int:
    """Open ``workbook``, plan it, save one PNG per view into ``out``."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv)
    use_bundled_fonts()

    def fail(kind: type[BaseException], error: BaseException, tb: object) -> None:
        # a step that raised (e.g. a workbook without the Mekong sample's
        # countries for the scenarios) ends the tour, not just that step
        sys.__excepthook__(kind, error, tb)  # type: ignore[arg-type]
        app.exit(1)

    sys.excepthook = fail
    tour = ScreenshotTour(out, workbook, seconds)
    tour.start()
    return app.exec()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/img")
    source = Path(sys.argv[2]) if len(sys.argv) > 2 else SAMPLE
    sys.exit(take_screenshots(target, source))
