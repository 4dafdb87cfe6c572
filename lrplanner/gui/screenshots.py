"""Screenshots of the main views for the user guide.

Run ``python -m lrplanner.gui.screenshots OUT_DIR [WORKBOOK]`` under a display
(e.g. ``xvfb-run -s "-screen 0 1366x768x24"``): it opens the workbook, plans it
and saves ``app-data.png``, ``app-agenda.png``, ``app-map.png`` and
``app-budget.png`` (plus indicators and left out) into OUT_DIR.
"""

from __future__ import annotations

import sys
import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from lrplanner.gui.app import SAMPLE
from lrplanner.gui.main_window import MainWindow

MAP_WAIT_MS = 4000  # the web engine draws the map tiles asynchronously


def take_screenshots(out: Path, workbook: Path = SAMPLE, seconds: float = 5) -> int:
    """Open ``workbook``, plan it, save one PNG per view into ``out``."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv)
    scratch = Path(tempfile.mkdtemp(prefix="lrp-shots-"))
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, autosave=scratch / "autosave.lrp")
    window.resize(1366, 740)
    window.show()
    window.open_path(workbook)
    window.tabs.setCurrentIndex(1)
    window.planner.seconds = seconds
    out.mkdir(parents=True, exist_ok=True)
    views = [
        ("agenda", window.results.agenda),
        ("budget", window.results.budget),
        ("indicators", window.results.indicators),
        ("left-out", window.results.left_out),
        ("map", window.results.map),
    ]

    def shoot(name: str) -> None:
        window.grab().save(str(out / f"app-{name}.png"))

    def step(number: int = 0) -> None:
        if number == len(views):
            window.document.mark_saved(scratch / "shots.lrp")
            window.close()
            app.quit()
            return
        name, widget = views[number]
        window.views.setCurrentWidget(widget)
        wait = MAP_WAIT_MS if name == "map" else 300
        QTimer.singleShot(wait, partial(shoot_then, name, number + 1))

    def shoot_then(name: str, following: int) -> None:
        shoot(name)
        step(following)

    def start() -> None:
        shoot("data")
        window.plan()

    window.planner.finished.connect(lambda _outcome: step())
    window.planner.failed.connect(lambda _message: app.quit())
    QTimer.singleShot(300, start)
    return app.exec()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/img")
    source = Path(sys.argv[2]) if len(sys.argv) > 2 else SAMPLE
    sys.exit(take_screenshots(target, source))
