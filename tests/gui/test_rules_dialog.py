"""Plan ▸ Planning rules: the project's rules, edited as one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.core.rules import PlanningRules
from lrplanner.gui.dialogs.rules import RulesDialog

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow


def test_the_dialog_shows_and_returns_rules(qtbot: QtBot) -> None:
    """Tests that the fields start at the rules given, give back what they
    hold, and that Restore defaults puts the defaults back."""
    dialog = RulesDialog(PlanningRules())
    qtbot.addWidget(dialog)
    assert dialog.rules() == PlanningRules()
    dialog.minutes["reflection_min"].setValue(45)
    dialog.theme_decay.setValue(0.8)
    rules = dialog.rules()
    assert rules.sessions.reflection_min == 45
    assert rules.value.theme_decay == 0.8
    dialog.show_rules(PlanningRules())
    assert dialog.rules() == PlanningRules()


def test_changing_the_rules_is_one_undo_step(
    window: MainWindow, sample: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that OK in the dialog puts the rules on the project, undoably,
    and that Cancel or no change leaves the project alone."""
    window.document.open(sample, None)

    def accept(dialog: RulesDialog) -> bool:
        dialog.minutes["closing_min"].setValue(90)
        return True

    monkeypatch.setattr(RulesDialog, "exec", accept)
    assert window.edit_rules()
    assert window.project is not None
    assert window.project.rules.sessions.closing_min == 90
    assert window.document.is_dirty()
    assert window.document.undo() == "Change planning rules"
    assert window.project.rules == PlanningRules()
    monkeypatch.setattr(RulesDialog, "exec", lambda _dialog: False)
    assert not window.edit_rules()
    monkeypatch.setattr(RulesDialog, "exec", lambda _dialog: True)
    assert not window.edit_rules()  # nothing changed: no undo step
