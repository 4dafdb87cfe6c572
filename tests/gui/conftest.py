"""GUI test fixtures: isolated settings, a window, a planned sample, a thread guard."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from lrplanner import services
from lrplanner.gui.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project
    from lrplanner.planner.plan import PlanOutcome

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
MEKONG = SAMPLES / "mekong.xlsx"
LONG = 60_000  # ms: generous, the machine is shared


@pytest.fixture(autouse=True)
def no_dangling_threads() -> Iterator[None]:
    """Fail a test that leaves a worker thread running (napari's guard)."""
    before = set(threading.enumerate())
    yield
    left = [
        t
        for t in threading.enumerate()
        if t not in before and t.is_alive() and t.name.startswith("lrp")
    ]
    assert not left, f"worker threads left running: {left}"


@pytest.fixture(scope="session")
def sample() -> Project:
    """Return the Mekong sample project, without a plan."""
    project = services.load_inputs(MEKONG).project
    assert project is not None
    return project


@pytest.fixture(scope="session")
def outcome(sample: Project) -> PlanOutcome:
    """Return a 2-second plan of the Mekong sample (computed once)."""
    return services.plan_project(sample, seconds=4, seed=1)


@pytest.fixture(scope="session")
def planned(sample: Project, outcome: PlanOutcome) -> Project:
    """Return the Mekong sample with its plan."""
    return sample.with_changes(plan=outcome.itinerary)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """Return a main window with its own settings and autosave file."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings=settings, autosave=tmp_path / "autosave.lrp")
    win.ask = lambda *_args: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    win.planner.seconds = 4
    qtbot.addWidget(win)
    yield win
    win.close()
