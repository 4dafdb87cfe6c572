"""Tests that the command line reports failures by exit code, never by traceback.

Covers write failures (read-only or impossible folders, a full disk), plan
files written as one set and checked as one, the last-resort guard, and the
bounds on route dates, route length and the number of sites.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest

from lrplanner import appfiles, services
from lrplanner.cli import main
from lrplanner.core import fileset
from lrplanner.core.errors import InfeasibleRequest
from lrplanner.core.validate import Violation

if TYPE_CHECKING:
    from lrplanner.planner.plan import PlanOutcome

SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
MEKONG = SAMPLES / "mekong.xlsx"
SET_NAMES = [
    "problem.json",
    "plan.json",
    "project.lrp",
    "agenda.xlsx",
    "costs.xlsx",
    "map.html",
    "agenda.pdf",
    "rooms.xlsx",
    "meals.xlsx",
    "visas.xlsx",
    "route.ics",
    "agenda.html",
    "arrivals.xlsx",
    "files.json",
]
SLOW = ("--seconds", "120")
DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture(scope="module")
def outcome() -> PlanOutcome:
    """Return one plan of the Mekong sample, shared by the tests of this module."""
    project = services.load_inputs(MEKONG).project
    assert project is not None
    return services.plan_project(project, seconds=5, seed=1)


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Send the crash log to a temporary folder."""
    folder = tmp_path / "logs"
    folder.mkdir()
    monkeypatch.setattr(appfiles, "log_dir", lambda: folder)
    return folder


@pytest.fixture
def planned(outcome: PlanOutcome, monkeypatch: pytest.MonkeyPatch) -> PlanOutcome:
    """Make ``plan`` return the shared plan at once instead of searching."""
    monkeypatch.setattr(services, "plan_project", lambda *a, **k: outcome)
    return outcome


def _blocker(tmp_path: Path) -> Path:
    """Return a folder path that cannot exist: it lies under a plain file."""
    wall = tmp_path / "a-file"
    wall.write_text("not a folder", encoding="utf-8")
    return wall / "out"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _no_traceback(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "Traceback" not in captured.out
    return captured.err


# --- exit 4: could not write -------------------------------------------------


def test_template_into_an_impossible_folder_exits_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that template under a plain file exits 4 naming the path."""
    target = _blocker(tmp_path) / "template.xlsx"
    assert main(["template", str(target)]) == 4
    err = _no_traceback(capsys)
    assert f"could not write {target}" in err


def test_template_on_a_full_disk_exits_4_and_keeps_the_old_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that a disk full halfway through template keeps the old workbook."""
    target = tmp_path / "template.xlsx"
    assert main(["template", str(target)]) == 0
    before = target.read_bytes()

    def half_then_full(self: object, filename: str | Path) -> None:
        Path(filename).write_bytes(b"PK half a workbook")
        raise DISK_FULL

    monkeypatch.setattr(openpyxl.Workbook, "save", half_then_full)
    assert main(["template", str(target)]) == 4
    err = _no_traceback(capsys)
    assert "No space left on device" in err
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["template.xlsx"]


def test_import_on_a_full_disk_exits_4_and_keeps_the_old_project(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that import exits 4 with the path and reason when the disk is full."""
    target = tmp_path / "mekong.lrp"
    target.write_text("the old project", encoding="utf-8")

    def full(fd: int) -> None:
        raise DISK_FULL

    monkeypatch.setattr(os, "fsync", full)
    assert main(["import", str(MEKONG), str(target)]) == 4
    err = _no_traceback(capsys)
    assert f"{target}: No space left on device" in err
    assert "could not" in err
    assert target.read_text(encoding="utf-8") == "the old project"
    assert [p.name for p in tmp_path.iterdir()] == ["mekong.lrp"]


def test_import_into_an_impossible_folder_exits_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that import under a plain file exits 4, not with a traceback."""
    target = _blocker(tmp_path) / "mekong.lrp"
    assert main(["import", str(MEKONG), str(target)]) == 4
    err = _no_traceback(capsys)
    assert f"{target}: Not a directory" in err
    assert err.startswith("error: could not")


def test_plan_into_an_impossible_folder_fails_before_the_search(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that plan --out under a plain file exits 4 without searching."""
    searched: list[bool] = []
    monkeypatch.setattr(services, "plan_project", lambda *a, **k: searched.append(True))
    out = _blocker(tmp_path)
    assert main(["plan", str(MEKONG), "--out", str(out), "--seconds", "30"]) == 4
    err = _no_traceback(capsys)
    assert f"could not write {out}" in err
    assert "Nothing was planned or written" in err
    assert searched == []


def test_plan_into_a_read_only_folder_fails_before_the_search(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that a folder refusing new files fails at once with exit 4."""
    searched: list[bool] = []
    monkeypatch.setattr(services, "plan_project", lambda *a, **k: searched.append(True))

    def read_only(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    out = tmp_path / "out"
    assert main(["plan", str(MEKONG), "--out", str(out)]) == 4
    assert "Read-only file system" in _no_traceback(capsys)
    assert searched == []


def test_plan_command_subprocess_exits_4_at_once(tmp_path: Path) -> None:
    """Tests the real executable: exit 4 and no traceback, well before --seconds."""
    out = _blocker(tmp_path)
    started = time.monotonic()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "lrplanner",
            "plan",
            str(MEKONG),
            "--out",
            str(out),
            *SLOW,
        ],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert run.returncode == 4
    assert "Traceback" not in run.stderr
    assert f"could not write {out}" in run.stderr
    assert time.monotonic() - started < 60


# --- a plan's files are one set ---------------------------------------------


def test_plan_writes_one_stamped_set_that_check_accepts(
    tmp_path: Path, planned: PlanOutcome, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that plan writes every file with a manifest and check exits 0."""
    out = tmp_path / "new" / "out"
    assert main(["plan", str(MEKONG), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(SET_NAMES)
    manifest = json.loads((out / "files.json").read_text(encoding="utf-8"))
    plan = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    assert plan["plan_id"] == manifest["set_id"]
    assert [f["name"] for f in manifest["files"]] == SET_NAMES[:-1]
    capsys.readouterr()
    assert main(["check", str(out)]) == 0
    assert "The plan meets every hard rule." in capsys.readouterr().out


def test_failed_export_keeps_the_old_complete_set(
    tmp_path: Path,
    planned: PlanOutcome,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that a writer failing midway leaves the old set, byte for byte."""
    out = tmp_path / "out"
    assert main(["plan", str(MEKONG), "--out", str(out)]) == 0
    before = _snapshot(out)

    def full(*args: object, **kwargs: object) -> None:
        raise DISK_FULL

    monkeypatch.setattr("lrplanner.exporters.map_html.write_map_html", full)
    capsys.readouterr()
    assert main(["plan", str(MEKONG), "--out", str(out)]) == 4
    err = _no_traceback(capsys)
    assert f"could not write {out}: No space left on device" in err
    assert "were kept" in err
    assert _snapshot(out) == before
    assert main(["check", str(out)]) == 0


def test_a_crashing_exporter_exits_70_and_keeps_the_old_set(
    tmp_path: Path,
    planned: PlanOutcome,
    log_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that a bug in an exporter is reported (exit 70) and changes nothing."""
    out = tmp_path / "out"
    assert main(["plan", str(MEKONG), "--out", str(out)]) == 0
    before = _snapshot(out)

    def bug(*args: object, **kwargs: object) -> None:
        raise TypeError("unexpected value in the PDF layout")

    monkeypatch.setattr("lrplanner.exporters.agenda_pdf.write_agenda_pdf", bug)
    capsys.readouterr()
    assert main(["plan", str(MEKONG), "--out", str(out)]) == 70
    assert "TypeError: unexpected value" in _no_traceback(capsys)
    assert _snapshot(out) == before
    assert "Traceback" in (log_folder / appfiles.LOG_NAME).read_text(encoding="utf-8")


def test_failed_move_puts_the_old_set_back(
    tmp_path: Path, outcome: PlanOutcome, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that a move failing halfway through the swap restores the old set."""
    out = tmp_path / "out"
    services.write_outcome(outcome, out)
    before = _snapshot(out)
    real_replace = os.replace
    moves_in: list[str] = []

    def flaky(src: Any, dst: Any) -> None:
        if fileset.STAGING_PREFIX in str(src):
            moves_in.append(Path(dst).name)
            if len(moves_in) == 4:
                raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(PermissionError):
        services.write_outcome(outcome, out)
    monkeypatch.setattr(os, "replace", real_replace)
    assert len(moves_in) == 4
    assert _snapshot(out) == before


def test_a_new_set_replaces_every_file_and_leaves_no_temporary_folder(
    tmp_path: Path, outcome: PlanOutcome
) -> None:
    """Tests that a second write replaces the set and cleans our leftovers."""
    out = tmp_path / "out"
    first = services.write_outcome(outcome, out)
    old_id = json.loads((out / "files.json").read_text(encoding="utf-8"))["set_id"]
    (out / f"{fileset.STAGING_PREFIX}killed").mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    second = services.write_outcome(outcome, out)
    assert [p.name for p in second] == [p.name for p in first] == SET_NAMES
    new_id = json.loads((out / "plan.json").read_text(encoding="utf-8"))["plan_id"]
    assert new_id != old_id
    assert sorted(p.name for p in out.iterdir()) == sorted([*SET_NAMES, "notes.txt"])


@pytest.fixture(scope="module")
def two_sets(
    outcome: PlanOutcome, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """Write the shared plan twice (two plan ids), once for the module:
    writing a set (PDF, workbooks, map) is most of a check test's time."""
    base = tmp_path_factory.mktemp("sets")
    first, second = base / "first", base / "second"
    services.write_outcome(outcome, first)
    services.write_outcome(outcome, second)
    return first, second


def _two_sets(tmp_path: Path, made: tuple[Path, Path]) -> tuple[Path, Path]:
    """Return a test's own copies of the two sets."""
    copies = tmp_path / "first", tmp_path / "second"
    for written, copy in zip(made, copies, strict=True):
        shutil.copytree(written, copy)
    return copies


def test_check_names_a_file_from_another_plan(
    tmp_path: Path,
    two_sets: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that check exits 2 when plan.json comes from another plan."""
    first, second = _two_sets(tmp_path, two_sets)
    shutil.copy(first / "plan.json", second / "plan.json")
    first_id = json.loads((first / "plan.json").read_text(encoding="utf-8"))
    assert main(["check", str(second)]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert f"plan.json is from another plan (plan id {first_id['plan_id']}" in (
        captured.err
    )
    assert "meets every hard rule" not in captured.out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("delete agenda.pdf", "agenda.pdf is missing (files.json lists it)"),
        ("copy map.html", "map.html is not the file written with plan"),
        ("delete files.json", "files.json is missing"),
        ("damage files.json", "files.json cannot be read"),
    ],
)
def test_check_refuses_an_incomplete_or_mixed_set(
    tmp_path: Path,
    two_sets: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    change: str,
    expected: str,
) -> None:
    """Tests that check exits 2 naming the missing, foreign or damaged file."""
    first, second = _two_sets(tmp_path, two_sets)
    verb, name = change.split()
    if verb == "delete":
        (second / name).unlink()
    elif verb == "copy":
        (second / name).write_bytes((first / name).read_bytes() + b"<!-- -->")
    else:
        (second / name).write_text("{", encoding="utf-8")
    assert main(["check", str(second)]) == 2
    captured = capsys.readouterr()
    assert expected in captured.err
    assert "not one complete plan" in captured.err
    assert "Traceback" not in captured.err
    assert "meets every hard rule" not in captured.out


# --- exit codes 1, 3, 70, 130 ------------------------------------------------


def test_plan_failing_the_check_is_written_with_exit_1(
    tmp_path: Path,
    outcome: PlanOutcome,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that a written plan with violations exits 1, apart from other codes."""
    broken = replace(
        outcome,
        report=replace(
            outcome.report,
            violations=(Violation(rule="lunch", message="no lunch", day="D1"),),
        ),
    )
    monkeypatch.setattr(services, "plan_project", lambda *a, **k: broken)
    out = tmp_path / "out"
    assert main(["plan", str(MEKONG), "--out", str(out)]) == 1
    assert "CHECK FAILED: D1 lunch: no lunch" in capsys.readouterr().err
    assert (out / "files.json").is_file()


def test_no_plan_possible_exits_3(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that an infeasible request exits 3 and writes nothing."""

    def infeasible(*args: Any, **kwargs: Any) -> None:
        raise InfeasibleRequest("the budget is too small")

    monkeypatch.setattr(services, "plan_project", infeasible)
    out = tmp_path / "out"
    assert main(["plan", str(MEKONG), "--out", str(out)]) == 3
    assert "No plan possible: the budget is too small" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_ctrl_c_before_any_plan_exits_130(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that a search cancelled before its first plan exits 130."""

    def cancelled(*args: Any, cancel: Any, **kwargs: Any) -> None:
        cancel.cancel()
        raise InfeasibleRequest("no plan found")

    monkeypatch.setattr(services, "plan_project", cancelled)
    out = tmp_path / "out"
    assert main(["plan", str(MEKONG), "--out", str(out)]) == 130
    assert "Interrupted before any plan was found" in _no_traceback(capsys)
    assert list(out.iterdir()) == []


def test_ctrl_c_while_loading_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that Ctrl-C outside the search exits 130 without a traceback."""

    def interrupted(path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(services, "load_inputs", interrupted)
    assert main(["validate", str(MEKONG)]) == 130
    _no_traceback(capsys)


def test_an_unexpected_error_is_one_paragraph_and_a_logged_traceback(
    log_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests the last guard: exit 70, one line on stderr, the traceback in the log."""

    def broken(path: Path) -> None:
        raise RuntimeError("a bug deep inside")

    monkeypatch.setattr(services, "load_inputs", broken)
    assert main(["validate", str(MEKONG)]) == 70
    err = _no_traceback(capsys)
    log = log_folder / appfiles.LOG_NAME
    assert err.count("\n") == 1
    assert "RuntimeError: a bug deep inside" in err
    assert str(log) in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text
    assert "RuntimeError: a bug deep inside" in text


def test_the_guard_still_reports_when_no_log_can_be_written(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Tests that an unwritable log folder changes the message, not the exit code."""
    monkeypatch.setattr(appfiles, "log_dir", lambda: _blocker(tmp_path))
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(_blocker(tmp_path)))

    def broken(path: Path) -> None:
        raise ValueError("odd")

    monkeypatch.setattr(services, "load_inputs", broken)
    assert main(["validate", str(MEKONG)]) == 70
    assert "could not be saved to a log file" in _no_traceback(capsys)


# --- bounds on the inputs ------------------------------------------------------


def _mekong_copy(tmp_path: Path, edit: Any) -> Path:
    book = openpyxl.load_workbook(MEKONG)
    edit(book)
    target = tmp_path / "edited.xlsx"
    book.save(target)
    return target


def _route_cell(book: Any, setting: str) -> Any:
    sheet = book["Route"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == setting:
            return row[1]
    raise AssertionError(setting)


def _set_route(setting: str, value: object) -> Any:
    def edit(book: Any) -> None:
        cell = _route_cell(book, setting)
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = "yyyy-mm-dd"

    return edit


@pytest.mark.parametrize(
    ("setting", "value", "row", "expected"),
    [
        ("Start date", datetime(1900, 2, 28), 3, "2000-01-01"),
        ("Start date", datetime(1900, 2, 28), 3, "2100-12-31"),
        ("End date", datetime(2101, 1, 1), 4, "2000-01-01"),
        (
            "End date",
            datetime(2027, 5, 1),
            4,
            "a route of at most 60 days: an end date on or before 2027-04-29 "
            "(2027-03-01 to 2027-05-01 is 62 days)",
        ),
    ],
)
def test_route_dates_out_of_bounds_exit_2_naming_the_cell(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    setting: str,
    value: object,
    row: int,
    expected: str,
) -> None:
    """Tests that a slipped date or an over-long route is refused at its cell."""
    workbook = _mekong_copy(tmp_path, _set_route(setting, value))
    assert main(["validate", str(workbook)]) == 2
    err = _no_traceback(capsys)
    assert f"sheet Route, row {row}, column {setting}" in err
    assert expected in err


def test_a_sixty_day_route_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that the bound is inclusive: 2027-03-01 to 2027-04-29 is 60 days."""
    workbook = _mekong_copy(tmp_path, _set_route("End date", datetime(2027, 4, 29)))
    assert main(["validate", str(workbook)]) == 0
    assert "(60 days)" in capsys.readouterr().out


def test_more_than_1000_sites_exit_2_at_the_first_row_too_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that a Sites sheet with 1,001 sites is refused, naming row 1002."""

    def many_sites(book: Any) -> None:
        sheet = book["Sites"]
        template = [cell.value for cell in sheet[2]]
        for number in range(sheet.max_row - 1, 1001):
            sheet.append([f"ZZ{number:04d}", *template[1:]])

    workbook = _mekong_copy(tmp_path, many_sites)
    assert main(["validate", str(workbook)]) == 2
    err = _no_traceback(capsys)
    assert "sheet Sites, row 1002" in err
    assert "at most 1,000 sites in one route (this sheet has 1,001" in err


def test_a_closed_pipe_ends_quietly() -> None:
    """Tests that ``validate | head`` closing the pipe gives 141 and no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "lrplanner", "validate", str(MEKONG)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader goes away before anything is read
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert "Traceback" not in err
    assert "BrokenPipe" not in err


def test_time_running_out_before_a_first_plan_exits_5(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests that a budget too short to prepare the route is not 'no plan possible'."""
    out = tmp_path / "out"
    assert main(["plan", str(MEKONG), "--out", str(out), "--seconds", "0.001"]) == 5
    err = _no_traceback(capsys)
    assert "No plan yet: The time limit ran out" in err
    assert "No plan possible" not in err
    assert "--seconds 60" in err
    assert not (out / "plan.json").exists()
