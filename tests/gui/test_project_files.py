"""ProjectFiles and the actions work on a document and a runner, not a window:
what they have to say goes out as signals."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from lrplanner.gui.actions import ACTIONS, build_actions
from lrplanner.gui.document import ProjectDocument
from lrplanner.gui.files import ProjectFiles, export_kinds
from lrplanner.gui.tasks import TaskRunner
from tests.gui.conftest import LONG

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project


@pytest.fixture
def files(qtbot: QtBot, tmp_path: Path) -> Iterator[ProjectFiles]:
    """Return ProjectFiles on a bare document, runner and widget."""
    widget = QWidget()
    qtbot.addWidget(widget)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner(widget)
    yield ProjectFiles(
        ProjectDocument(widget),
        runner,
        settings,
        tmp_path / "autosave",
        widget,
        lambda *_args: QMessageBox.StandardButton.No,
    )
    runner.shutdown()


def test_exporting_nothing_is_told_as_a_signal(
    qtbot: QtBot, files: ProjectFiles
) -> None:
    """Tests that an export without a plan says so through ``told``."""
    with qtbot.waitSignal(files.told) as blocker:
        assert not files.export("costs")
    assert blocker.args == ["Nothing to export", "Plan the route first (F5).", False]


def test_an_export_reports_status_and_paths(
    qtbot: QtBot, files: ProjectFiles, planned: Project, tmp_path: Path
) -> None:
    """Tests that an export of a planned project emits the status lines and
    the paths written, in the background."""
    files._document.open(planned, None)
    lines: list[str] = []
    files.status.connect(lambda text, _ms: lines.append(text))
    with qtbot.waitSignal(files.exported, timeout=LONG) as blocker:
        assert files.export("costs", tmp_path / "out")
    assert [p.name for p in blocker.args[0]] == ["costs.xlsx"]
    assert lines[0] == "Exporting the cost workbook…"
    assert lines[-1].startswith("Exported costs.xlsx to ")


def test_the_actions_come_from_the_handlers(qtbot: QtBot) -> None:
    """Tests that every action calls its own handler, that each export of
    the registry gets an action, and that a missing handler is an error."""
    widget = QWidget()
    qtbot.addWidget(widget)
    called: list[str] = []
    handlers = {name: (lambda n=name: called.append(n)) for name, *_ in ACTIONS}
    exported: list[str] = []
    acts = build_actions(widget, handlers, exported.append)
    for name, *_ in ACTIONS:
        acts[name].trigger()
    assert called == [name for name, *_ in ACTIONS]
    for kind, _label in export_kinds():
        acts[f"export_{kind}"].trigger()
    assert exported == [kind for kind, _label in export_kinds()]
    del handlers["save"]
    with pytest.raises(KeyError):
        build_actions(widget, handlers, exported.append)
