"""QApplication start-up: main window, error dialog, optional screenshot."""

from __future__ import annotations

import logging
import sys
import traceback
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from lrplanner.gui.main_window import MainWindow

if TYPE_CHECKING:
    from types import TracebackType

log = logging.getLogger(__name__)
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "mekong.xlsx"


def _show_unexpected_error(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Tell the user in plain words; the traceback goes to the log only."""
    log.error("unexpected error", exc_info=(kind, error, tb))
    details = "".join(traceback.format_exception(kind, error, tb))
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "LR Planner",
        f"Something went wrong: {error}\n\nYour open project was not changed.",
    )
    box.setDetailedText(details)
    box.exec()


def run_app(
    path: Path | None = None, *, screenshot: Path | None = None, plan: bool = False
) -> int:
    """Open the main window on ``path`` (else the Mekong sample) and run Qt.

    With ``plan`` the route is planned at once; with ``screenshot`` the window
    is saved as a PNG (after the plan, if planning) and the app quits.
    """
    # The map's web engine needs shared OpenGL contexts set before the app.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("LR Planner")
    app.setOrganizationName("LRPlanner")
    sys.excepthook = _show_unexpected_error
    window = MainWindow()
    window.show()
    window.open_initial(path, SAMPLE)
    if screenshot is not None:
        grab = partial(_grab_and_quit, window, screenshot)
        if plan:
            window.planner.finished.connect(lambda _o: QTimer.singleShot(300, grab))
            window.planner.failed.connect(lambda _m: QTimer.singleShot(300, grab))
        else:
            QTimer.singleShot(300, grab)
    if plan:
        QTimer.singleShot(0, window.plan)
    return app.exec()


def _grab_and_quit(window: MainWindow, target: Path) -> None:
    window.grab().save(str(target))
    window.ask = lambda *_a: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.close()
    QApplication.quit()
