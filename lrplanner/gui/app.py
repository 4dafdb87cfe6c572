"""QApplication start-up: settings, log file, error dialog, main window."""

from __future__ import annotations

import logging
import os
import sys
import time
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from lrplanner import appfiles
from lrplanner.gui.dialogs.error import ErrorHook
from lrplanner.gui.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import SignalInstance

log = logging.getLogger(__name__)
SAMPLE = appfiles.sample_workbook()
#: Set to 1 to print start-up and memory figures on stderr (bench/bundle.py).
REPORT_ENV = "LRPLANNER_REPORT"


def use_standard_folders() -> None:
    """Keep QSettings (preferences, recent files) in the platform's config folder."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(appfiles.config_base()),
    )


def use_bundled_fonts() -> int:
    """Register the shipped Noto fonts, so Khmer, Lao, Thai, Devanagari and
    Bengali names show on a laptop that has no such fonts; return how many."""
    added = 0
    for font in sorted((appfiles.resources_dir() / "fonts").glob("*.ttf")):
        added += QFontDatabase.addApplicationFont(str(font)) >= 0
    return added


def keep_project(window: MainWindow) -> str:
    """Autosave unsaved work after an unexpected error; say where it is."""
    if window.project is None:
        return "No project was open."
    if not window.document.is_dirty():
        return "Your open project is unchanged and has no unsaved changes."
    window.files.autosave_now()
    path = window.files.autosave_path
    if path.exists():
        return (
            f"Your unsaved changes were autosaved to {path}; if you restart "
            "LR Planner it offers to recover them. The window stays open."
        )
    return "Your open project is still open: save it (Ctrl+S) before you go on."


def run_app(
    path: Path | None = None,
    *,
    screenshot: Path | None = None,
    plan: bool = False,
    view: str | None = None,
) -> int:
    """Open the main window on ``path`` (else the Mekong sample) and run Qt.

    With ``plan`` the route is planned at once; with ``screenshot`` the window
    is saved as a PNG (after the plan, if planning) and the app quits; ``view``
    names the view shown in it (see ``cli.VIEWS``; the map waits for its page).
    """
    log_file = appfiles.setup_logging()
    log.info("LR Planner starting (frozen=%s)", appfiles.is_frozen())
    # The map's web engine needs shared OpenGL contexts set before the app.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("LR Planner")
    app.setOrganizationName("LRPlanner")
    app.setWindowIcon(QIcon(str(appfiles.resources_dir() / "icons" / "lrplanner.svg")))
    use_standard_folders()
    use_bundled_fonts()
    window = MainWindow()
    sys.excepthook = ErrorHook(partial(keep_project, window), log_file, lambda: window)
    window.show()
    # Draw the empty window at once, then read the project (about half a
    # second for a workbook) with the window already on screen.
    app.processEvents()
    reporting = bool(os.environ.get(REPORT_ENV))
    if reporting:
        _report("window-shown")
        window.planner.finished.connect(lambda _o: _report_memory())
    window.statusBar().showMessage("Opening the project…")
    QTimer.singleShot(0, partial(_open_first, window, path))
    if screenshot is not None:
        grab = partial(_show_and_grab, window, screenshot, view)
        if plan:
            window.planner.finished.connect(lambda _o: QTimer.singleShot(300, grab))
            window.planner.failed.connect(lambda _m: QTimer.singleShot(300, grab))
        else:
            _once(window.loader.settled, lambda: QTimer.singleShot(300, grab))
    if plan:
        # The file is read in the background: plan once it is shown.
        _once(window.loader.settled, window.plan)
    if reporting:
        _once(window.loader.settled, lambda: _report("project-shown"))
    return app.exec()


def _once(signal: SignalInstance, slot: Callable[[], object]) -> None:
    """Call ``slot`` the first time ``signal`` fires, never again."""
    fired = False

    def call() -> None:
        nonlocal fired
        if not fired:
            fired = True
            slot()

    signal.connect(call)


def _open_first(window: MainWindow, path: Path | None) -> None:
    window.statusBar().clearMessage()
    window.open_initial(path, SAMPLE)


def _report(event: str) -> None:
    """Print the wall-clock time of ``event`` for the start-up benchmark."""
    print(f"lrplanner-report {event} {time.time():.3f}", file=sys.stderr)  # noqa: T201


def _report_memory() -> None:
    """Print the peak resident memory after a plan, in MB."""
    try:
        import resource  # Unix only
    except ImportError:
        return
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"lrplanner-report planned-peak-mb {peak:.0f}", file=sys.stderr)  # noqa: T201


def show_view(window: MainWindow, view: str) -> None:
    """Bring the view named ``view`` ("data", "map", "left-out"...) to the front."""
    for index in range(window.views.count()):
        title = window.views.tabText(index).replace("&", "").split(" (")[0]
        if title.lower().replace(" ", "-") == view:
            window.views.setCurrentIndex(index)
            return
    raise ValueError(f"no view called {view!r}")


def _show_and_grab(window: MainWindow, target: Path, view: str | None) -> None:
    if view is None:
        _grab_and_quit(window, target)
        return
    show_view(window, view)
    web = window.results.map.web if view == "map" else None
    if web is None:
        QTimer.singleShot(300, partial(_grab_and_quit, window, target))
        return
    waited = QTimer(window)  # grab anyway if the page never finishes
    waited.setSingleShot(True)
    waited.timeout.connect(partial(_grab_and_quit, window, target))

    def loaded(ok: bool) -> None:
        if os.environ.get(REPORT_ENV):
            print(f"lrplanner-report map-loaded {ok}", file=sys.stderr)  # noqa: T201
        waited.start(1500)  # let Leaflet draw the tiles and outlines

    web.loadFinished.connect(loaded)
    waited.start(30_000)


def _grab_and_quit(window: MainWindow, target: Path) -> None:
    if not window.isVisible():
        return  # already grabbed
    window.grab().save(str(target))
    window.ask = lambda *_a: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.close()
    QApplication.quit()
