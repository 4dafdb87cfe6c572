"""Tests for the emit() helper that keeps Python's reference counts right."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from lrplanner.gui.signals import emit
from tests.gui.conftest import MEKONG

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from lrplanner.gui.main_window import MainWindow


class _Sender(QObject):
    """A QObject with a signal carrying a value."""

    sent = Signal(object)


def _true_refs() -> int:
    gc.collect()
    return sys.getrefcount(True)


def test_emit_keeps_the_reference_to_true() -> None:
    """Tests that many emits through the helper do not drop references to True."""
    sender = _Sender()
    received: list[object] = []
    sender.sent.connect(received.append)
    before = _true_refs()
    for number in range(200):
        emit(sender.sent, number)
    assert _true_refs() >= before
    assert received == list(range(200))


def test_window_work_keeps_the_reference_to_true(window: MainWindow) -> None:
    """Tests that opening, editing and undoing leave True's references intact."""
    window.open_path(MEKONG)
    before = _true_refs()
    for _ in range(20):
        window.open_path(MEKONG)
        window.progress.show_progress(1.0)
        window.undo()
    assert _true_refs() >= before


def _refs(value: object) -> int:
    gc.collect()
    return sys.getrefcount(value)


def test_qt_calls_keep_the_references_to_none_and_true(qtbot: QtBot) -> None:
    """Tests the installed PySide6 for the defect of 6.12.0 (hence the pin
    below 6.12 in pyproject.toml): every call of a Qt method that returns
    nothing dropped a reference to None, and every disconnect one to True,
    so a long session ended in "deallocating None" (Python aborts)."""
    label = QLabel()
    qtbot.addWidget(label)
    sender = _Sender()
    before = (_refs(None), _refs(True))
    for number in range(200):
        label.setText(f"{number}")
        label.setEnabled(True)
        connection = sender.sent.connect(label.setText)
        sender.sent.disconnect(connection)
    assert (_refs(None), _refs(True)) >= before
    assert label.text() == "199"
