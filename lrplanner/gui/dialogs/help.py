"""HelpDialog: the user guide (docs/user-guide.md) rendered from Markdown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "user-guide.md"


def guide_text(path: Path = GUIDE) -> str:
    """Return the user guide's Markdown (a short note if it is missing)."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return "# LR Planner\n\nThe user guide was not found next to the program."


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
        self.browser.setMarkdown(guide_text())
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
