"""The user guide (Help menu): every heading shown, every link and picture found."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import openpyxl
import pytest
from PySide6.QtGui import QTextDocument

from lrplanner.appfiles import sample_workbook
from lrplanner.gui.dialogs.help import GUIDE, HelpDialog, guide_html, guide_text
from lrplanner.services import load_inputs

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

SAMPLE = sample_workbook()
MARKDOWN = guide_text()


def test_every_heading_survives_rendering(qtbot: QtBot) -> None:
    """A stray <tag> in the Markdown swallows the rest of the guide in Qt."""
    document = QTextDocument()
    document.setMarkdown(MARKDOWN)
    lines = set(document.toPlainText().splitlines())
    headings = [
        line.lstrip("#").strip() for line in MARKDOWN.splitlines() if line[:1] == "#"
    ]
    assert len(headings) > 10
    assert [h for h in headings if h not in lines] == []


def test_every_internal_link_has_its_anchor(qtbot: QtBot) -> None:
    html = guide_html(MARKDOWN)
    anchors = set(re.findall(r'<a name="([^"]+)"', html))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links
    assert links <= anchors


def test_every_picture_is_shipped() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", MARKDOWN)
    assert len(pictures) >= 8
    missing = [p for p in pictures if not (GUIDE.parent / p).is_file()]
    assert missing == []


def test_the_three_jobs_and_troubleshooting_are_there() -> None:
    for heading in (
        "## 1. Plan a route (logistics officer)",
        "## 2. Print the daily agendas (facilitator)",
        "## 3. Work with the cost sheet (budget holder)",
        "## Troubleshooting",
    ):
        assert heading in MARKDOWN


def test_the_dialog_jumps_to_a_section(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    browser = dialog.browser
    assert browser.verticalScrollBar().value() == 0
    browser.scrollToAnchor("troubleshooting")
    assert browser.verticalScrollBar().value() > 0


MISTAKES = [
    ("Champions", "Gender", "female?"),
    ("Links", "Mode", "helicopter"),
    ("Champions", "Honorarium", "$120"),
    ("Links", "Departures", "after breakfast"),
    ("Places", "Lat", "95.5"),
]


@pytest.mark.parametrize(("sheet", "header", "value"), MISTAKES)
def test_import_messages_quoted_in_the_guide_are_real(
    tmp_path: Path, sheet: str, header: str, value: str
) -> None:
    """The troubleshooting table quotes what the importer really says."""
    book = openpyxl.load_workbook(SAMPLE)
    table = book[sheet]
    column = next(c.column for c in table[1] if c.value == header)
    table.cell(row=2, column=column, value=value)
    broken = tmp_path / "broken.xlsx"
    book.save(broken)
    result = load_inputs(broken)
    assert result.project is None
    [error] = result.errors
    message = error.message()
    assert f"column {header}: found '{value}'" in message
    assert message.split("; ", 1)[1] in MARKDOWN
