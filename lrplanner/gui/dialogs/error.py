"""The dialog for an unexpected error: plain words, Copy details, project kept.

Installed as ``sys.excepthook`` by the app. Before anything is shown the open
project is autosaved (when it has unsaved changes), so even if the app is
closed from here nothing is lost; the traceback goes to the log file, and
"Copy details" puts it on the clipboard for a support message.
"""

from __future__ import annotations

import logging
import platform
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from lrplanner import __version__

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from types import TracebackType

log = logging.getLogger(__name__)
COPY = "Copy details"


def plain_words(error: BaseException) -> str:
    """Say what failed without a traceback: the kind of problem and its text."""
    if isinstance(error, MemoryError):
        return "the computer ran out of memory"
    if isinstance(error, PermissionError):
        return f"a file could not be opened because access was refused ({error})"
    if isinstance(error, FileNotFoundError):
        return f"a file the program needs was not found ({error})"
    if isinstance(error, OSError):
        return f"the computer refused a file or network operation ({error})"
    text = str(error).strip() or type(error).__name__
    return f"an internal step failed: {text}"


def error_details(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    """Return the text that "Copy details" puts on the clipboard."""
    header = (
        f"LR Planner {__version__}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}\n"
    )
    return header + "".join(traceback.format_exception(kind, error, tb))


def error_box(
    error: BaseException,
    details: str,
    *,
    kept: str,
    log_file: Path | None,
    parent: QWidget | None = None,
) -> QMessageBox:
    """Build (not show) the unexpected-error dialog."""
    where = f"\n\nThe details are also in the log file:\n{log_file}" if log_file else ""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "LR Planner: something went wrong",
        f"Something went wrong: {plain_words(error)}.\n\n{kept}{where}",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the error may quote user text
    box.setObjectName("error_dialog")
    box.setAccessibleName("Unexpected error")
    box.setDetailedText(details)
    copy = box.addButton(COPY, QMessageBox.ButtonRole.ActionRole)
    copy.setAccessibleName(COPY)
    # An ActionRole button would close the box; keep it open after copying.
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    return box


class ErrorHook:
    """``sys.excepthook`` for the app: autosave, log, then tell the user."""

    def __init__(
        self,
        keep_project: Callable[[], str],
        log_file: Path | None,
        parent: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        self._keep_project = keep_project
        self._log_file = log_file
        self._parent = parent
        self.last_box: QMessageBox | None = None
        self._showing = False

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))
        if issubclass(kind, KeyboardInterrupt):
            return
        try:
            kept = self._keep_project()
        except Exception:  # the hook itself must never fail
            log.exception("emergency autosave failed")
            kept = "Your open project was not changed; save it to be safe."
        if self._showing:  # an error while the dialog is up: the log has it
            return
        box = error_box(
            error,
            error_details(kind, error, tb),
            kept=kept,
            log_file=self._log_file,
            parent=self._parent(),
        )
        self.last_box = box
        self._showing = True
        try:
            box.exec()
        finally:
            self._showing = False
