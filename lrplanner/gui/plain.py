"""User text shown as text: Qt widgets guess "rich text" from a leading tag.

A ``QLabel``, ``QMessageBox`` or tooltip given ``<b>x</b>`` or ``<img …>``
renders it as HTML. Names, hosts and reasons come from the user's workbook,
so every widget that shows them is set to plain text here, and tooltips (which
have no format setting) get the text escaped inside a rich-text wrapper.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


def tooltip(text: str) -> str:
    """Return a tooltip that shows ``text`` exactly, whatever it contains."""
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """Return a label that never interprets its text as markup."""
    widget = QLabel(parent)
    widget.setTextFormat(PLAIN)
    widget.setText(text)
    return widget


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    parent: QWidget | None = None,
) -> QMessageBox:
    """Return a message box whose text (and details) are shown as plain text."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(PLAIN)
    return box
