"""HelpDialog: the user guide (docs/user-guide.md) rendered from Markdown."""

from __future__ import annotations

import re
from html import unescape
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from lrplanner.appfiles import user_guide

if TYPE_CHECKING:
    from pathlib import Path

IMAGE_WIDTH = 680  # screenshots are 1366 px wide; the dialog is 760
GUIDE = user_guide()


def guide_text(path: Path = GUIDE) -> str:
    """Return the user guide's Markdown (a short note if it is missing)."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return "# LR Planner\n\nThe user guide was not found next to the program."


def heading_anchor(title: str) -> str:
    """Return GitHub's anchor for a heading: "1. Plan it" -> "1-plan-it"."""
    kept = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return kept.replace(" ", "-")


def _with_anchors(html: str) -> str:
    """Put a named anchor in each heading so the guide's ``#...`` links work."""

    def anchor(match: re.Match[str]) -> str:
        name = heading_anchor(unescape(re.sub(r"<[^>]+>", "", match.group(2))))
        return f'{match.group(1)}<a name="{name}"></a>{match.group(2)}'

    return re.sub(r"(<h[1-4][^>]*>)(.*?)(?=</h[1-4]>)", anchor, html, flags=re.S)


def guide_html(markdown: str, image_width: int = IMAGE_WIDTH) -> str:
    """Return the guide as HTML: screenshots scaled to fit, headings anchored."""
    document = QTextDocument()
    document.setMarkdown(markdown)
    html = document.toHtml().replace("<img src=", f'<img width="{image_width}" src=')
    return _with_anchors(html)


class HelpDialog(QDialog):
    """Shows the user guide (a Markdown file) in a text browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("LR Planner user guide")
        self.resize(760, 600)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(GUIDE.parent)])  # for the screenshots
        self.browser.setHtml(guide_html(guide_text()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
