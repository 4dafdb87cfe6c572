"""Fixtures for the importer tests: the Mekong route as a workbook and CSVs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.importers.mekong import mekong_rows, write_csv_folder, write_workbook

if TYPE_CHECKING:
    from pathlib import Path

    from tests.importers.mekong import Rows


@pytest.fixture
def rows() -> Rows:
    """Return fresh rows of the Mekong route (tests may change them)."""
    return mekong_rows()


@pytest.fixture
def mekong_xlsx(tmp_path: Path) -> Path:
    """Return the Mekong route written as a workbook."""
    return write_workbook(mekong_rows(), tmp_path / "mekong.xlsx")


@pytest.fixture
def mekong_csv(tmp_path: Path) -> Path:
    """Return the Mekong route written as a folder of CSV files."""
    return write_csv_folder(mekong_rows(), tmp_path / "mekong_csv")
