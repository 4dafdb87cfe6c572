"""Tests of the command line with a workbook of several Route sheets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lrplanner.cli import main
from lrplanner.cli.exits import EXIT_INVALID
from lrplanner.storage import load_programme

if TYPE_CHECKING:
    import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
PROGRAMME = SAMPLES / "mekong_programme.xlsx"


def test_programme_new_takes_one_workbook_of_routes(tmp_path: Path) -> None:
    """Tests that one workbook of three Route sheets gives three routes, and
    that a further one-route workbook adds its route after them."""
    path = tmp_path / "p.lrp"
    assert main(["programme", "new", str(path), str(PROGRAMME)]) == 0
    assert len(load_programme(path).routes) == 3
    south = SAMPLES / "south_asia.xlsx"
    assert main(["programme", "new", str(path), str(PROGRAMME), str(south)]) == 0
    assert len(load_programme(path).routes) == 4


def test_plan_refuses_a_workbook_of_routes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that 'plan' does not plan the first route alone, and says what to use."""
    out = tmp_path / "out"
    code = main(["plan", str(PROGRAMME), "--out", str(out)])
    assert code == EXIT_INVALID
    assert "lrplanner programme plan" in capsys.readouterr().err
    assert not out.exists()
    code = main(["scenarios", str(PROGRAMME), "--out", str(out)])
    assert code == EXIT_INVALID


def test_import_writes_a_programme_file(tmp_path: Path) -> None:
    """Tests that 'import' of a workbook of routes keeps every route."""
    path = tmp_path / "p.lrp"
    assert main(["import", str(PROGRAMME), str(path)]) == 0
    assert len(load_programme(path).routes) == 3


def test_programme_check_takes_the_workbook(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that 'programme check' reads a workbook of routes directly."""
    assert main(["programme", "check", str(PROGRAMME)]) == 0
    assert "3 routes, 0 with a plan." in capsys.readouterr().out
