"""Tests for the emit() helper that keeps Python's reference counts right."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from lrplanner.gui.signals import emit
from tests.gui.conftest import MEKONG

if TYPE_CHECKING:
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
