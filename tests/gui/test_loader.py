"""Files are read off the main thread, with a busy bar and a Cancel that works."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from lrplanner import services
from tests.gui.conftest import LONG, MEKONG, SAMPLES

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from pytestqt.qtbot import QtBot

    from lrplanner.gui.main_window import MainWindow
    from lrplanner.importers import ImportResult


def test_open_reads_in_the_background(qtbot: QtBot, window: MainWindow) -> None:
    """Tests that Open returns at once, shows the busy bar, then the project."""
    window.show()
    with qtbot.waitSignal(window.loader.loaded, timeout=LONG) as blocker:
        window.open_checked(MEKONG)
        assert window.loader.is_loading()
        assert window.loader.progress.isVisible()
        assert "mekong.xlsx" in window.loader.progress.label.text()
    path, result = blocker.args
    assert path == MEKONG
    assert result.project is not None
    assert window.project == result.project
    assert window.path == MEKONG
    assert not window.loader.progress.isVisible()
    assert not window.loader.is_loading()


def _blocked_read(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[threading.Event, threading.Event]:
    """Make reading wait for ``release``; ``started`` is set once it waits."""
    started, release = threading.Event(), threading.Event()
    real = services.load_inputs

    def slow(path: Path) -> ImportResult:
        started.set()
        release.wait(timeout=60)
        return real(path)

    monkeypatch.setattr(services, "load_inputs", slow)
    return started, release


def test_cancel_gives_the_window_back_and_drops_the_result(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that Cancel during a slow read keeps the open project unchanged."""
    window.open_path(SAMPLES / "south_asia.xlsx")
    before = window.project
    started, release = _blocked_read(monkeypatch)
    cancelled: list[object] = []
    window.loader.cancelled.connect(cancelled.append)
    loaded: list[object] = []
    window.loader.loaded.connect(lambda *args: loaded.append(args))
    window.open_checked(MEKONG)
    assert started.wait(timeout=30)
    window.loader.progress.cancel.click()
    assert cancelled == [MEKONG]
    assert not window.loader.is_loading()
    assert not window.loader.progress.isVisible()
    release.set()
    # The abandoned read still ends on its thread; its result is dropped.
    qtbot.wait(500)
    window.loader.shutdown()
    qtbot.wait(100)
    assert loaded == []
    assert window.project is before
    assert "Stopped reading mekong.xlsx" in window.statusBar().currentMessage()


def test_a_read_that_raises_is_reported(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that an unexpected failure while reading becomes a message."""

    def broken(path: Path) -> ImportResult:
        raise OSError(5, "Input/output error", str(path))

    monkeypatch.setattr(services, "load_inputs", broken)
    with qtbot.waitSignal(window.loader.failed, timeout=LONG):
        window.open_checked(MEKONG)
    assert window.project is None
    assert window.last_message is not None
    title, text = window.last_message
    assert title == "Could not open the file"
    assert "Input/output error" in text
    assert str(MEKONG) in text


def test_a_new_read_replaces_the_one_under_way(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that opening a second file while the first is read shows the second."""
    started, release = _blocked_read(monkeypatch)
    loaded: list[Path] = []
    window.loader.loaded.connect(lambda path, _result: loaded.append(path))
    window.open_checked(MEKONG)
    assert started.wait(timeout=30)
    south_asia = SAMPLES / "south_asia.xlsx"
    with qtbot.waitSignal(window.loader.loaded, timeout=LONG):
        window.open_checked(south_asia)
        release.set()
    qtbot.wait(200)
    assert loaded == [south_asia]
    assert window.path == south_asia
