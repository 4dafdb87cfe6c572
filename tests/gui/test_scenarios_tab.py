"""The Scenarios tab: scenario edits as undo steps, the comparison, promote,
the budget curve and its export (fast fakes for the planning but one test)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import openpyxl
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QMessageBox

from lrplanner import scenarios
from lrplanner.gui.dialogs.scenario import AS_THE_ROUTE, ScenarioDialog
from lrplanner.gui.widgets.budget_panel import money
from lrplanner.scenarios import CurvePoint, Scenario, ScenarioResult
from tests.gui.conftest import LONG, MEKONG

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    import pytest
    from PySide6.QtWidgets import QTableView
    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project
    from lrplanner.gui.main_window import MainWindow

HOSTILE = "<b>x</b>"


def _answer(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[ScenarioDialog], None]
) -> None:
    """Make the scenario dialog fill itself with ``fill`` and press OK."""

    def run(dialog: ScenarioDialog) -> int:
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ScenarioDialog, "exec", run)


def _select(view: QTableView, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().select(
        view.model().index(row, 0), flags.ClearAndSelect | flags.Rows
    )


def _names(window: MainWindow) -> list[str]:
    project = window.project
    assert project is not None
    return [s.name for s in project.scenarios]


def _fake_results(project: Project, wanted: Sequence[Scenario]) -> list[ScenarioResult]:
    """One planned row per scenario, all with the project's own plan."""
    return [
        ScenarioResult(
            name=s.name,
            changes=s.describe(),
            value=100.0 + n,
            visits=10 + n,
            themes=("finance",),
            countries=("KH", "VN"),
            travel_hours=20.5,
            hotel_changes=4,
            cost=Decimal(50_000 + 1000 * n),
            cost_per_participant=Decimal(2500),
            women_share=0.5,
            youth_share=0.25,
            plan=project.plan,
        )
        for n, s in enumerate(wanted)
    ]


def _fake_compare(monkeypatch: pytest.MonkeyPatch, planned: Project) -> list[str]:
    calls: list[str] = []

    def fake(
        project: Project, wanted: Sequence[Scenario], **kwargs: object
    ) -> list[ScenarioResult]:
        calls.append(f"{kwargs['seconds']}")
        rows = _fake_results(planned, wanted)
        done = kwargs["on_done"]
        for index, row in enumerate(rows):
            done(index, row)  # type: ignore[operator]
        return rows

    monkeypatch.setattr(scenarios, "run_scenarios", fake)
    return calls


def _answer_promote(
    window: MainWindow, answer: QMessageBox.StandardButton
) -> list[str]:
    """Answer the promote question with ``answer`` (any other: Discard)."""
    asked: list[str] = []

    def ask(title: str, text: str, _buttons: object) -> QMessageBox.StandardButton:
        if title != "Promote scenario":
            return QMessageBox.StandardButton.Discard
        asked.append(text)
        return answer

    window.ask = ask  # type: ignore[method-assign, assignment]
    return asked


def _compare(qtbot: QtBot, window: MainWindow) -> list[ScenarioResult]:
    with qtbot.waitSignal(window.scenarios.comparison_done, timeout=LONG) as done:
        assert window.scenarios.compare()
    return done.args[0]  # type: ignore[no-any-return]


def test_adding_editing_and_deleting_a_scenario_are_undo_steps(
    window: MainWindow, planned: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests add, edit and delete through the dialog, each undone and redone."""
    window.document.open(planned, None)
    controller, panel = window.scenarios, window.scenarios.panel

    def short(dialog: ScenarioDialog) -> None:
        dialog.name.setText("8 days")
        dialog.ticks["end_date"].setChecked(True)
        dialog.days.setValue(8)
        dialog.ticks["budget_cap"].setChecked(True)
        dialog.budget_cap.setText("60000")
        dialog.countries.item(1).setCheckState(Qt.CheckState.Checked)

    _answer(monkeypatch, short)
    assert controller.add()
    project = window.project
    assert project is not None
    (added,) = project.scenarios
    assert added.settings == (("end_date", "2027-03-08"), ("budget_cap", "60000"))
    assert added.countries == ("LA",)
    assert panel.scenario_model.rowCount() == 1
    assert "Add scenario 8 days" in window.actions_by_name["undo"].text()
    _select(panel.list, 0)

    def renamed(dialog: ScenarioDialog) -> None:
        assert dialog.days.value() == 8
        dialog.name.setText("8 days, no cap")
        dialog.budget_cap.setText("")

    _answer(monkeypatch, renamed)
    assert controller.edit()
    assert _names(window) == ["8 days, no cap"]
    window.undo()
    assert _names(window) == ["8 days"]
    window.redo()
    assert _names(window) == ["8 days, no cap"]
    _select(panel.list, 0)
    assert controller.delete()
    assert _names(window) == []
    assert panel.scenario_model.rowCount() == 0
    window.undo()
    assert _names(window) == ["8 days, no cap"]
    window.undo()
    window.undo()
    assert _names(window) == []
    window.redo()
    assert _names(window) == ["8 days"]


def test_the_dialog_shows_why_a_scenario_is_refused(
    window: MainWindow, planned: Project
) -> None:
    """Tests that an end before the start and a taken name keep the dialog open
    with the service's reason."""
    window.document.open(planned, None)
    dialog = window.scenarios.dialog(None)
    dialog.name.setText("late start")
    dialog.ticks["start_date"].setChecked(True)
    dialog.start_date.setDate(dialog.start_date.date().addDays(30))
    dialog.accept()
    assert not dialog.result()
    assert "on or after the start" in dialog.error.text()
    assert dialog.error.textFormat() is Qt.TextFormat.PlainText
    dialog.name.setText(AS_THE_ROUTE)
    dialog.ticks["start_date"].setChecked(False)
    dialog.accept()
    assert "route's own row" in dialog.error.text()
    kept = scenarios.with_scenario(planned, Scenario(name="A"))
    window.document.apply(kept, "Add")
    dialog = window.scenarios.dialog(None)
    dialog.name.setText("A")
    dialog.accept()
    assert "already called 'A'" in dialog.error.text()


def test_compare_fills_the_table_and_promote_is_one_undo_step(
    qtbot: QtBot,
    window: MainWindow,
    planned: Project,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tests that Compare plans the route and each scenario (with the app's
    planning time), fills one row each, and that Promote replaces the route
    after asking, undone in one step."""
    calls = _fake_compare(monkeypatch, planned)
    cheap = Scenario(name="cheap", settings=(("budget_cap", "50000"),))
    start = scenarios.with_scenario(planned.with_changes(plan=None), cheap)
    window.document.open(start, None)
    results = _compare(qtbot, window)
    assert calls == ["4"]
    assert [r.name for r in results] == [AS_THE_ROUTE, "cheap"]
    model = window.scenarios.panel.comparison_model
    assert model.rowCount() == 2
    row = [model.index(1, c).data() for c in range(model.columnCount())]
    assert row[:5] == ["cheap", "Budget cap=50000", "101.0", "11", "1"]
    assert "51,000" in row
    asked = _answer_promote(window, QMessageBox.StandardButton.Ok)
    _select(window.scenarios.panel.comparison, 1)
    assert window.scenarios.promote()
    assert "Budget cap=50000" in asked[0]
    project = window.project
    assert project is not None
    assert project.route.budget_cap == Decimal(50000)
    assert project.plan == planned.plan
    window.undo()
    assert window.project is start


def test_a_scenario_without_a_plan_says_why(
    qtbot: QtBot, window: MainWindow, planned: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that a row with no plan shows its reason in the Note column and
    cannot be promoted."""

    def fake(
        project: Project, wanted: Sequence[Scenario], **_kw: object
    ) -> list[ScenarioResult]:
        return [
            ScenarioResult(name=s.name, changes="", problem="no room") for s in wanted
        ]

    monkeypatch.setattr(scenarios, "run_scenarios", fake)
    window.document.open(planned, None)
    _compare(qtbot, window)
    model = window.scenarios.panel.comparison_model
    assert model.index(0, model.columnCount() - 1).data() == "no room"
    assert model.index(0, 2).data() == "\u2013"
    window.say = lambda *_a, **_k: None  # type: ignore[method-assign]
    assert not window.scenarios.promote(0)


def test_the_budget_curve_is_drawn_and_exported(
    qtbot: QtBot,
    window: MainWindow,
    planned: Project,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Tests that Budget curve asks for 8 points, draws every planned point
    labelled by its cap, lists them, and that Export writes both sheets."""
    _fake_compare(monkeypatch, planned)
    asked: list[int] = []

    def fake(project: Project, *, points: int, **_kw: object) -> list[CurvePoint]:
        asked.append(points)
        caps = [Decimal(40_000), Decimal(50_000), None]
        return [
            CurvePoint(
                cap=cap,
                result=ScenarioResult(
                    name="c",
                    changes="",
                    value=50.0 + 10 * n,
                    visits=5 + n,
                    cost=Decimal(39_000 + 10_000 * n),
                ),
            )
            for n, cap in enumerate(caps)
        ]

    monkeypatch.setattr(scenarios, "budget_curve", fake)
    window.document.open(planned, None)
    with qtbot.waitSignal(window.scenarios.curve_done, timeout=LONG):
        assert window.scenarios.budget_curve()
    assert asked == [8]
    chart = window.scenarios.panel.chart
    assert [(p.label, p.cost, p.value) for p in chart.points] == [
        ("40,000", 39_000.0, 50.0),
        ("50,000", 49_000.0, 60.0),
        ("no cap", 59_000.0, 70.0),
    ]
    chart.resize(500, 300)
    assert not chart.grab().isNull()  # paints without error
    assert window.scenarios.panel.curve_model.rowCount() == 3
    _compare(qtbot, window)
    path = tmp_path / "scenarios.xlsx"
    assert window.scenarios.export(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Comparison", "Budget curve"]


def test_a_hostile_scenario_name_shows_literally(
    qtbot: QtBot, window: MainWindow, planned: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that a scenario called '<b>x</b>' is shown as typed in the list,
    its tooltip, the comparison and the promote question."""
    _fake_compare(monkeypatch, planned)
    window.document.open(planned, None)
    _answer(monkeypatch, lambda dialog: dialog.name.setText(HOSTILE))
    assert window.scenarios.add()
    panel = window.scenarios.panel
    model = panel.scenario_model
    assert model.index(0, 0).data() == HOSTILE
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert QTextDocumentFragment.fromHtml(tip).toPlainText() == HOSTILE
    _compare(qtbot, window)
    assert panel.comparison_model.index(1, 0).data() == HOSTILE
    for label in window.findChildren(QLabel):
        if HOSTILE in label.text():
            assert label.textFormat() is Qt.TextFormat.PlainText
    asked = _answer_promote(window, QMessageBox.StandardButton.Cancel)
    assert not window.scenarios.promote(1)
    assert f"“{HOSTILE}”" in asked[0]


def test_a_real_comparison_of_the_mekong_sample(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Tests Compare end to end: the Mekong sample and one scenario planned
    for real (2 s each, one worker), both with a plan in the table."""
    window.open_path(MEKONG)
    project = window.project
    assert project is not None
    fewer = Scenario(name="no Laos", countries=("LA",))
    window.document.apply(scenarios.with_scenario(project, fewer), "Add scenario")
    window.planner.seconds = 2
    window.scenarios.workers = 1
    results = _compare(qtbot, window)
    assert [r.name for r in results] == [AS_THE_ROUTE, "no Laos"]
    assert all(r.plan is not None and r.value > 0 for r in results), results
    assert "LA" not in results[1].countries
    model = window.scenarios.panel.comparison_model
    assert [model.index(r, 0).data() for r in range(2)] == [AS_THE_ROUTE, "no Laos"]
    assert window.scenarios.panel.buttons["compare"].isEnabled()


def test_stop_ends_a_comparison_and_says_which_rows_were_stopped(
    qtbot: QtBot, window: MainWindow, sample: Project
) -> None:
    """Tests Stop on a real comparison (30 s a plan, one at a time): the plan
    under way ends, the next never starts, both rows say so, and the buttons
    come back."""
    cheap = Scenario(name="cheap", settings=(("budget_cap", "50000"),))
    window.document.open(scenarios.with_scenario(sample, cheap), None)
    window.planner.seconds = 30
    window.scenarios.workers = 1
    buttons = window.scenarios.panel.buttons
    assert not buttons["stop"].isEnabled()
    with qtbot.waitSignal(window.scenarios.comparison_done, timeout=LONG) as done:
        assert window.scenarios.compare()
        assert buttons["stop"].isEnabled()
        assert not buttons["compare"].isEnabled()
        buttons["stop"].click()
        assert not buttons["stop"].isEnabled()
    results = done.args[0]
    assert [r.problem for r in results] == [scenarios.STOPPED] * 2
    status = window.scenarios.panel.status.text()
    assert status.startswith("Comparison stopped: 0 of 2 planned")
    assert buttons["compare"].isEnabled()
    assert not buttons["stop"].isEnabled()
    model = window.scenarios.panel.comparison_model
    assert model.rowCount() == 2
    # a stopped row still says the cap it was to plan under
    caps = [model.index(r, 10).data() for r in range(2)]
    route_cap = sample.route.budget_cap
    assert caps[0] == ("no cap" if route_cap is None else money(route_cap))
    assert caps[1] == money(Decimal(50000))
    assert not window.scenarios.stop()  # nothing runs any more


def test_caps_with_the_same_plan_are_one_labelled_point(qtbot: QtBot) -> None:
    """Tests the chart of a curve where a higher cap shows a cheaper cap's
    plan (more money never buys less): one dot, labelled with both caps, not
    two labels drawn over each other."""
    from lrplanner.gui.widgets.budget_curve import CurveChart
    from lrplanner.gui.widgets.budget_curve import CurvePoint as Dot

    chart = CurveChart()
    qtbot.addWidget(chart)
    chart.set_points(
        [
            Dot("66,520", 66_450.0, 79.4),
            Dot("65,926", 65_579.0, 70.8),
            Dot("67,114", 66_450.0, 79.4),
            Dot("no cap", 68_897.0, 108.6),
        ],
        "USD",
    )
    assert [(p.label, p.cost, p.value) for p in chart.points] == [
        ("65,926", 65_579.0, 70.8),
        ("66,520 / 67,114", 66_450.0, 79.4),
        ("no cap", 68_897.0, 108.6),
    ]
    chart.resize(500, 300)
    assert not chart.grab().isNull()
