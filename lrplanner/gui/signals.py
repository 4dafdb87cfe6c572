"""emit(): emit a Qt signal from Python without PySide6 6.12's reference leak.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit`` without taking a
reference to it, so every call from Python drops one reference to ``True``.
After a few thousand emits (a long planning session polls progress ten times a
second) Python aborts with "bool_dealloc: deallocating True or False". This
helper gives the reference back when, and only when, the installed PySide6
has the defect (checked once). Qt's own C++ emits are not affected.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import SignalInstance


class _Probe(QObject):
    """A QObject with one signal, used to test PySide6 for the defect."""

    pinged = Signal()


@cache
def emit_drops_a_reference() -> bool:
    """Return whether ``SignalInstance.emit`` loses a reference to its result."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(3):
        probe.pinged.emit()
    return sys.getrefcount(True) < before


def emit(signal: SignalInstance, *args: object) -> None:
    """Emit ``signal`` with ``args``; keep Python's reference counts right."""
    send: Callable[..., object] = signal.emit  # the stubs say None; it is a bool
    result = send(*args)
    if isinstance(result, bool) and emit_drops_a_reference():
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
