"""Tests for per-window autosaves: locks, recovery of crashed windows' backups."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from lrplanner import appfiles, storage
from lrplanner.core.errors import SaveError
from lrplanner.core.ids import SiteId
from lrplanner.gui.main_window import MainWindow
from tests.helpers import small_project

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from lrplanner.core.project import Project

Button = QMessageBox.StandardButton
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Callable[[], MainWindow]:
    """Return a factory of windows sharing one settings file and autosave folder."""

    def make() -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(settings=settings, autosave=tmp_path / "autosave")
        win.ask = lambda *_args: Button.Discard  # type: ignore[method-assign]
        qtbot.addWidget(win)
        return win

    return make


def answering(window: MainWindow, *answers: Button) -> list[str]:
    """Make ``window`` give ``answers`` in turn, then Discard; return what it asked."""
    texts: list[str] = []
    queue = list(answers)

    def ask(_title: str, text: str, _buttons: object) -> Button:
        texts.append(text)
        return queue.pop(0) if queue else Button.Discard

    window.ask = ask  # type: ignore[method-assign,assignment]
    return texts


def dirty(window: MainWindow, project: Project, name: str) -> Project:
    """Open ``project`` renamed to ``name`` as unsaved work; return it."""
    renamed = project.with_changes(route=dataclasses.replace(project.route, name=name))
    window.document.open(renamed, None, clean=False)
    return renamed


def test_two_windows_keep_separate_backups(
    make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    """Tests that closing one window cleanly leaves the other's backup alone."""
    first, second = make_window(), make_window()
    dirty(first, small_project(), "First route")
    dirty(second, small_project(), "Second route")
    first.files.autosave_now()
    second.files.autosave_now()
    first_backup, second_backup = first.files.autosave_path, second.files.autosave_path
    assert first_backup != second_backup
    assert first_backup.exists()
    assert second_backup.exists()
    first.close()
    assert not first_backup.exists()
    assert storage.load_project(second_backup).route.name == "Second route"
    assert appfiles.orphaned_autosaves(tmp_path / "autosave") == []
    second.close()
    assert list((tmp_path / "autosave").iterdir()) == []


def test_a_live_windows_backup_is_not_offered(
    make_window: Callable[[], MainWindow],
) -> None:
    """Tests that a window starting next to a live one offers nothing to recover."""
    live = make_window()
    dirty(live, small_project(), "Live route")
    live.files.autosave_now()
    late = make_window()
    asked = answering(late, Button.Yes)
    assert late.files.recoverable() is None
    assert not late.files.offer_recovery()
    assert asked == []
    assert live.files.autosave_path.exists()


def test_a_crashed_windows_backup_is_recovered_once(
    make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    """Tests that a new window recovers a crashed window's backup and owns it."""
    crashed = make_window()
    work = dirty(crashed, small_project(), "Crashed route")
    crashed.files.autosave_now()
    backup = crashed.files.autosave_path
    crashed_id = crashed.files.slot.window_id
    crashed.files.slot.abandon()
    rescuer = make_window()
    texts = answering(rescuer, Button.Yes)
    assert rescuer.files.offer_recovery()
    assert "“Crashed route”" in texts[0]
    assert rescuer.project == work
    assert rescuer.document.is_dirty()
    assert not backup.exists()
    assert not (tmp_path / "autosave" / f"{crashed_id}.lock").exists()
    owned = rescuer.files.slot.files()
    assert [appfiles.window_of(p) for p in owned] == [rescuer.files.slot.window_id]
    third = make_window()
    assert third.files.recoverable() is None  # the rescuer holds it now


def test_no_deletes_each_backup_newest_first(
    make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    """Tests that several crash backups are offered newest first; No deletes one."""
    crashed_windows = [make_window(), make_window()]  # kept alive: Qt owns them
    for index, name in enumerate(("Old route", "New route")):
        crashed = crashed_windows[index]
        dirty(crashed, small_project(), name)
        crashed.files.autosave_now()
        moment = time.time() - 100 + index
        os.utime(crashed.files.autosave_path, (moment, moment))
        crashed.files.slot.abandon()
    rescuer = make_window()
    texts = answering(rescuer, Button.No, Button.Yes)
    assert rescuer.files.offer_recovery()
    assert ["New route" in texts[0], "Old route" in texts[1]] == [True, True]
    assert rescuer.project is not None
    assert rescuer.project.route.name == "Old route"
    assert appfiles.orphaned_autosaves(tmp_path / "autosave") == []
    assert len(list((tmp_path / "autosave").glob("*.lrp"))) == 1


def test_locks_of_gone_windows_without_backups_are_removed(
    make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    """Tests that a crashed window's lock with no backup goes; a live one stays."""
    live, crashed = make_window(), make_window()
    live_lock = live.files.autosave_path.with_name(f"{live.files.slot.window_id}.lock")
    crashed.files.slot.hold()
    crashed.files.slot.abandon()
    stale = tmp_path / "autosave" / f"{crashed.files.slot.window_id}.lock"
    assert stale.exists()
    assert not make_window().files.offer_recovery()
    assert not stale.exists()
    assert live_lock.exists()


def test_a_damaged_backup_is_set_aside_and_reported(
    make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    """Tests that an unreadable crash backup is not offered again and is reported."""
    folder = tmp_path / "autosave"
    folder.mkdir()
    (folder / "unsaved-99-dead.lrp").write_text("{broken", encoding="utf-8")
    rescuer = make_window()
    assert not rescuer.files.offer_recovery()
    assert rescuer.last_message is not None
    assert rescuer.last_message[0] == "Not recovered"
    assert "not valid JSON" in rescuer.last_message[1]
    assert rescuer.files.recoverable() is None
    assert len(list(folder.glob("*.damaged"))) == 1


def test_the_single_autosave_of_earlier_versions_is_offered(
    make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    """Tests that an ``autosave.lrp`` left by an older version counts as a crash."""
    folder = tmp_path / "autosave"
    folder.mkdir()
    storage.save_project(small_project(), folder / "autosave.lrp")
    rescuer = make_window()
    answering(rescuer, Button.Yes)
    assert rescuer.files.offer_recovery()
    assert rescuer.project == small_project()
    assert not (folder / "autosave.lrp").exists()


def test_the_backup_follows_the_project_path(
    make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    """Tests one backup per project: a save removes it, a new path renames it."""
    window = make_window()
    dirty(window, small_project(), "Route")
    window.files.autosave_now()
    unsaved = window.files.autosave_path
    assert unsaved.name.startswith("unsaved-")
    assert window.files.save(tmp_path / "route.lrp")
    assert window.files.slot.files() == []  # saved: the backup is stale
    edited = small_project().with_changes(excluded_sites=(SiteId("KH-TK1"),))
    window.document.apply(edited, "Exclude")
    window.files.autosave_now()
    keyed = window.files.autosave_path
    assert keyed.name.startswith(appfiles.project_key(tmp_path / "route.lrp"))
    assert window.files.slot.files() == [keyed]


def test_opening_a_clean_project_drops_the_backup(
    make_window: Callable[[], MainWindow],
) -> None:
    """Tests that work the user discarded (another project opened) is not kept."""
    window = make_window()
    dirty(window, small_project(), "Route")
    window.files.autosave_now()
    assert window.files.slot.files() != []
    window.document.open(small_project(), None)
    assert window.files.slot.files() == []


def test_a_save_error_is_shown_and_the_project_stays_unsaved(
    make_window: Callable[[], MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tests that any SaveError (here a full disk) is shown, not raised."""
    window = make_window()
    dirty(window, small_project(), "Route")

    def full(_project: object, path: Path) -> None:
        raise SaveError(str(path), "No space left on device")

    monkeypatch.setattr(storage, "save_project", full)
    assert not window.files.save(tmp_path / "route.lrp")
    assert window.last_message is not None
    assert window.last_message[0] == "Not saved"
    assert "No space left on device" in window.last_message[1]
    assert window.document.is_dirty()
    window.files.autosave_now()  # logged, never raised


def test_a_name_utf8_cannot_hold_is_a_shown_error(
    make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    """Tests that a lone surrogate in a name gives a message naming the field."""
    window = make_window()
    dirty(window, small_project(), "Route \ud800")
    assert not window.files.save(tmp_path / "route.lrp")
    assert window.last_message is not None
    assert (
        "project.route.name holds a character that cannot be stored"
        in (window.last_message[1])
    )
    assert not (tmp_path / "route.lrp").exists()
    assert window.document.is_dirty()


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from lrplanner import appfiles, storage
    from tests.helpers import small_project

    slot = appfiles.AutosaveSlot(Path(sys.argv[1]))
    storage.save_project(small_project(), slot.path_for(None))
    print(slot.window_id, flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(os.name == "nt", reason="kill -9 is POSIX")
def test_a_killed_process_leaves_a_backup_others_can_take(tmp_path: Path) -> None:
    """Tests the lock with a real kill -9: held while alive, free once killed."""
    folder = tmp_path / "autosave"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder)],
        stdout=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert child.stdout is not None
    window_id = child.stdout.readline().decode().strip()
    try:
        assert appfiles.is_locked(folder / f"{window_id}.lock")
        assert appfiles.orphaned_autosaves(folder) == []
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    (orphan,) = appfiles.orphaned_autosaves(folder)
    assert appfiles.window_of(orphan) == window_id
    assert storage.load_project(orphan) == small_project()
    appfiles.forget_autosave(orphan)
    assert list(folder.iterdir()) == []
