"""Tests for the command line: template, validate, import."""

from __future__ import annotations

from pathlib import Path

import pytest

from lrplanner import storage
from lrplanner.entry import main

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"


def test_template_then_validate_succeeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that the written template validates cleanly with its example rows."""
    path = tmp_path / "template.xlsx"
    assert main(["template", str(path)]) == 0
    assert main(["validate", str(path)]) == 0
    assert "Route" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["mekong.xlsx", "south_asia.xlsx", "mekong"])
def test_validate_samples_prints_a_summary(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that each sample validates with exit 0 and a summary of sites."""
    assert main(["validate", str(SAMPLES / name)]) == 0
    out = capsys.readouterr().out
    assert " sites in " in out
    assert "participants from" in out


def test_validate_reports_every_problem_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that a broken CSV folder exits 2 naming the sheet, row and column."""
    folder = tmp_path / "route"
    folder.mkdir()
    for csv in (SAMPLES / "mekong").glob("*.csv"):
        (folder / csv.name).write_text(
            csv.read_text(encoding="utf-8"), encoding="utf-8"
        )
    places = folder / "Places.csv"
    lines = places.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    lat = header.index("Lat")
    cells = lines[1].split(",")
    cells[lat] = "95.5"
    lines[1] = ",".join(cells)
    places.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["validate", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "sheet Places, row 2, column Lat" in err
    assert "nothing was loaded" in err


def test_import_writes_a_project_file_that_validates(tmp_path: Path) -> None:
    """Tests that import writes an .lrp equal to the workbook's project."""
    target = tmp_path / "south_asia.lrp"
    assert main(["import", str(SAMPLES / "south_asia.xlsx"), str(target)]) == 0
    project = storage.load_project(target)
    assert project.route.name.startswith("South Asia")
    assert main(["validate", str(target)]) == 0


def test_validate_damaged_project_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that a damaged project file is reported, not raised."""
    target = tmp_path / "bad.lrp"
    target.write_text("{", encoding="utf-8")
    assert main(["validate", str(target)]) == 2
    assert "bad.lrp" in capsys.readouterr().err
