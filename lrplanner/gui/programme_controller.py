"""ProgrammeController: the route picker, the Programme tab and Add route.

A document holds a programme (one route for a project file). The route
picker at the right of the tab bar, shown for two routes or more, switches
the route every view shows; the Programme tab draws the routes' calendar and
conflicts; File ▸ Add route to programme… reads a workbook, CSV folder or
.lrp in the background, as File ▸ Open does, and adds its route(s) as one
undo step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from lrplanner.gui import reading
from lrplanner.gui.loader import FileLoader
from lrplanner.gui.signals import emit
from lrplanner.gui.widgets.programme_panel import ProgrammePanel
from lrplanner.gui.widgets.route_picker import RoutePicker

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from lrplanner.gui.document import ProjectDocument
    from lrplanner.importers import ImportResult

ADD_FILTER = "Route inputs (*.xlsx *.xlsm *.lrp *.csv);;All files (*)"
SHARED_HINT = (
    "Routes of a programme need different names (Route sheet, Name) and the "
    "same rows for every host site, champion, place, link, visa rule and rate "
    "they share."
)


class ProgrammeController(QObject):
    """Runs the programme parts of one window.

    ``say(title, text, error)`` is the window's message box. Signals:
    ``status(text, ms)`` a status-bar line, ``problems(result)`` an import's
    problems to list (the Problems panel).
    """

    status = Signal(str, int)
    problems = Signal(object)

    def __init__(
        self,
        document: ProjectDocument,
        say: Callable[[str, str, bool], None],
        dialogs: QWidget,
    ) -> None:
        super().__init__(dialogs)
        self._document = document
        self._say = say
        self._dialogs = dialogs
        self.picker = RoutePicker()
        self.panel = ProgrammePanel()
        self.loader = FileLoader(self)
        self.picker.chosen.connect(document.show_route)
        self.loader.loaded.connect(self.add_loaded)
        self.loader.failed.connect(self._on_failed)
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
        """End the reading thread."""
        self.loader.shutdown()
