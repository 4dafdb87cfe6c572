"""Tests that the shipped sample workbooks import cleanly and match their CSVs."""

from __future__ import annotations

from pathlib import Path

import pytest

from lrplanner.importers import read_inputs, write_project_workbook

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


@pytest.mark.parametrize(
    ("name", "sites", "countries"),
    [("mekong", 40, "KH, LA, TH, VN"), ("south_asia", 22, "BD, NP")],
)
def test_sample_workbook_imports(name: str, sites: int, countries: str) -> None:
    """Tests that a sample workbook loads without errors and equals its CSV folder."""
    result = read_inputs(SAMPLES / f"{name}.xlsx")
    assert result.errors == (), [e.message() for e in result.errors]
    assert result.project is not None
    assert len(result.project.sites) == sites
    assert f"{sites} sites in {countries}." in result.summary()
    assert read_inputs(SAMPLES / name).project == result.project


@pytest.mark.parametrize("name", ["mekong", "south_asia"])
def test_sample_round_trip(name: str, tmp_path: Path) -> None:
    """Tests that a sample Project written back reads as the same Project."""
    project = read_inputs(SAMPLES / f"{name}.xlsx").project
    assert project is not None
    write_project_workbook(project, tmp_path / "again.xlsx")
    assert read_inputs(tmp_path / "again.xlsx").project == project
