"""The unexpected-error dialog: plain words, Copy details, the project kept."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from lrplanner.gui.app import keep_project, show_view
from lrplanner.gui.dialogs.error import COPY, ErrorHook, error_box, plain_words

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow


def _raised() -> tuple[type[BaseException], BaseException, object]:
    try:
        hosts: dict[str, str] = {}
        print(hosts["Wat Phnom"])
    except KeyError:
        kind, error, tb = sys.exc_info()
        assert kind is not None
        assert error is not None
        return kind, error, tb
    raise AssertionError("unreachable")


def test_plain_words_say_what_failed() -> None:
    assert "out of memory" in plain_words(MemoryError())
    assert "access was refused" in plain_words(PermissionError("agenda.xlsx"))
    assert "not found" in plain_words(FileNotFoundError("map.html"))
    assert plain_words(ValueError("")) == "an internal step failed: ValueError"


def test_copy_details_copies_and_keeps_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    box = error_box(
        KeyError("Wat Phnom"),
        "Traceback: KeyError 'Wat Phnom'",
        kept="Your open project is unchanged.",
        log_file=tmp_path / "lrplanner.log",
    )
    qtbot.addWidget(box)
    box.show()
    assert "Something went wrong" in box.text()
    assert str(tmp_path / "lrplanner.log") in box.text()
    assert "Your open project is unchanged." in box.text()
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == COPY)
    QGuiApplication.clipboard().clear()
    copy.click()
    assert QGuiApplication.clipboard().text() == "Traceback: KeyError 'Wat Phnom'"
    assert box.isVisible()


def test_the_hook_autosaves_unsaved_work_before_telling(
    window: MainWindow, sample: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.document.open(sample, None, clean=False)
    assert window.document.is_dirty()
    autosave = window.files.autosave_path
    assert not autosave.exists()
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    hook = ErrorHook(lambda: keep_project(window), None, lambda: window)
    hook(*_raised())  # type: ignore[arg-type]
    assert autosave.exists()
    assert len(shown) == 1
    assert str(autosave) in shown[0]
    assert "Wat Phnom" in shown[0]
    assert hook.last_box is not None
    assert "KeyError" in hook.last_box.detailedText()
    assert window.project is sample  # the open project is untouched


def test_a_failing_autosave_still_shows_the_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> str:
        raise RuntimeError("disk gone")

    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    ErrorHook(broken, None, lambda: window)(*_raised())  # type: ignore[arg-type]
    assert len(shown) == 1
    assert "save it to be safe" in shown[0]


def test_keep_project_with_nothing_open_or_nothing_changed(
    window: MainWindow, sample: Project
) -> None:
    assert keep_project(window) == "No project was open."
    window.document.open(sample, None)
    assert "no unsaved changes" in keep_project(window)
    assert not window.files.autosave_path.exists()


def test_show_view_brings_a_view_to_the_front(window: MainWindow) -> None:
    show_view(window, "left-out")
    assert window.views.tabText(window.views.currentIndex()).startswith("Left out")
    show_view(window, "data")
    assert window.views.currentIndex() == 0
    with pytest.raises(ValueError, match="no view called"):
        show_view(window, "weather")
