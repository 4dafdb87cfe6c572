"""Tests for the project file: round trip, versions, damage, atomic save."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest

from lrplanner import storage
from lrplanner.core.atomic import atomic_path
from lrplanner.core.errors import ProjectFileError
from lrplanner.core.ids import SiteId
from tests.helpers import small_project

if TYPE_CHECKING:
    from pathlib import Path


def test_project_round_trips_through_the_file(tmp_path: Path) -> None:
    """Tests that saving then loading gives an equal project (notes, money, sets)."""
    project = small_project()
    path = tmp_path / "route.lrp"
    storage.save_project(project, path)
    loaded = storage.load_project(path)
    assert loaded == project
    assert loaded.sites[1].notes["Remarks"] == "bring rain gear"
    assert str(loaded.participants[0].fare_to_start) == "420.50"
    assert loaded.links[0].weekdays == frozenset({0, 2, 4})


def test_money_is_stored_as_text_not_float(tmp_path: Path) -> None:
    """Tests that amounts are written as decimal strings in the JSON."""
    text = storage.project_to_json(small_project())
    document = json.loads(text)
    assert document["version"] == storage.VERSION
    assert document["project"]["route"]["budget_cap"] == "25000"


def test_newer_file_version_is_refused_with_advice(tmp_path: Path) -> None:
    """Tests that a file from a newer version says to update the app."""
    document = json.loads(storage.project_to_json(small_project()))
    document["version"] = storage.VERSION + 1
    path = tmp_path / "new.lrp"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProjectFileError, match="newer LR Planner"):
        storage.load_project(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "lrplanner-project", "version": 1, "proj', "not valid JSON"),
        ('{"hello": 1}', "not an LR Planner project"),
        (
            '{"format": "lrplanner-project", "version": 1, "project": {"route": 5}}',
            "damaged: project.route: expected an object",
        ),
    ],
)
def test_damaged_files_give_clear_errors(
    tmp_path: Path, text: str, message: str
) -> None:
    """Tests that truncated, foreign and malformed files raise ProjectFileError."""
    path = tmp_path / "bad.lrp"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProjectFileError, match=message):
        storage.load_project(path)


def test_invalid_value_in_file_names_its_path(tmp_path: Path) -> None:
    """Tests that a value failing validation is reported with its JSON path."""
    document = json.loads(storage.project_to_json(small_project()))
    document["project"]["sites"][0]["lat"] = 123.0
    path = tmp_path / "bad.lrp"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"project\.sites\[0\].*off the globe"):
        storage.load_project(path)


def test_missing_file_is_a_project_file_error(tmp_path: Path) -> None:
    """Tests that a missing file is reported, not raised as OSError."""
    with pytest.raises(ProjectFileError, match="cannot read"):
        storage.load_project(tmp_path / "absent.lrp")


def test_failed_save_keeps_the_old_file(tmp_path: Path) -> None:
    """Tests that an error during an atomic write leaves the old file intact."""
    path = tmp_path / "route.lrp"
    path.write_text("old", encoding="utf-8")

    def interrupted_save() -> None:
        with atomic_path(path) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        interrupted_save()
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["route.lrp"]


def test_atomic_save_gives_a_readable_file_mode(tmp_path: Path) -> None:
    """Tests that a new file gets umask permissions, not mkstemp's private 0600."""
    path = tmp_path / "route.lrp"
    old = os.umask(0o022)
    try:
        storage.save_project(small_project(), path)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_fixed_length_tuple_decodes_item_by_item() -> None:
    """Tests the codec on ``tuple[date, str]`` items (a site's days booked by
    another route): each item by its own hint, a wrong length refused."""
    from datetime import date

    from lrplanner.core import codec
    from lrplanner.core.sites import Site

    site = Site(
        id=SiteId("KH01"),
        name="Tram Kak",
        country="KH",
        lat=11.0,
        lon=104.8,
        booked=((date(2027, 3, 2), "booked by 'Route B'"),),
    )
    data = codec.encode(site)
    assert data["booked"] == [["2027-03-02", "booked by 'Route B'"]]
    assert codec.decode(Site, data) == site
    data["booked"] = [["2027-03-02"]]
    with pytest.raises(codec.DecodeError, match=r"booked\[0\]: expected 2 items"):
        codec.decode(Site, data)
