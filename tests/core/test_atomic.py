"""Tests for atomic saves: fsync order, leftover temp files, kill -9, save errors."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lrplanner import storage
from lrplanner.core import atomic
from lrplanner.core.errors import ProjectFileError, SaveError
from lrplanner.core.ids import SiteId
from tests.helpers import small_project

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(os.name == "nt", reason="flock and kill -9 are POSIX")


def test_the_file_is_synced_before_the_move_and_the_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that fsync runs on the temp file, then os.replace, then the folder."""
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        kind = "folder" if os.path.isdir(f"/proc/self/fd/{fd}") else "file"
        events.append(f"fsync {kind}")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell a folder from a file")
    atomic.atomic_write_text(tmp_path / "route.lrp", "new")
    assert events == ["fsync file", "replace", "fsync folder"]
    assert (tmp_path / "route.lrp").read_text(encoding="utf-8") == "new"


def test_windows_skips_the_folder_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests that the folder is not opened where folders cannot be (Windows)."""
    opened: list[object] = []
    monkeypatch.setattr(atomic, "_WINDOWS", True)
    monkeypatch.setattr(os, "open", lambda *a, **_k: opened.append(a))
    atomic.sync_folder(tmp_path)
    assert opened == []


def make_leftovers(folder: Path, count: int) -> list[Path]:
    """Create ``count`` temp files named as a killed save of route.lrp leaves them."""
    paths = [folder / f".route.lrp.ab{i:02d}cd_x.tmp" for i in range(count)]
    for path in paths:
        path.write_text("half", encoding="utf-8")
    return paths


def test_leftovers_are_removed_on_the_next_save(tmp_path: Path) -> None:
    """Tests that our temp files go, and others' files (other names) stay."""
    make_leftovers(tmp_path, 3)
    others = [
        tmp_path / ".route.lrp.notes.tmp",  # not mkstemp's 8 characters
        tmp_path / ".other.lrp.abcdefgh.tmp",  # another target's
        tmp_path / "route.lrp.abcdefgh.tmp",  # no leading dot
    ]
    for path in others:
        path.write_text("keep", encoding="utf-8")
    storage.save_project(small_project(), tmp_path / "route.lrp")
    assert atomic.leftovers(tmp_path / "route.lrp") == []
    assert all(path.exists() for path in others)
    assert storage.load_project(tmp_path / "route.lrp") == small_project()


@POSIX
def test_a_temp_file_a_live_writer_holds_is_kept(tmp_path: Path) -> None:
    """Tests that a temp file locked by another writer is not removed under it."""
    import fcntl

    (held,) = make_leftovers(tmp_path, 1)
    fd = os.open(held, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert atomic.remove_leftovers(tmp_path / "route.lrp") == 0
        assert held.exists()
    finally:
        os.close(fd)
    assert atomic.remove_leftovers(tmp_path / "route.lrp") == 1
    assert not held.exists()


def test_stale_leftovers_go_on_windows_fresh_ones_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests the Windows rule: no lock there, so leftovers go once 60 s old."""
    monkeypatch.setattr(atomic, "_WINDOWS", True)
    fresh, stale = make_leftovers(tmp_path, 2)
    old = time.time() - atomic.STALE_SECONDS - 5
    os.utime(stale, (old, old))
    assert atomic.remove_leftovers(tmp_path / "route.lrp") == 1
    assert fresh.exists()
    assert not stale.exists()


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from lrplanner import storage
    from lrplanner.core.atomic import atomic_write_text
    from tests.helpers import small_project

    project = small_project()
    sites = project.sites + tuple(
        site.__class__(**{**{f: getattr(site, f) for f in site.__slots__
                             if not f.startswith("_")}, "id": f"S{i}"})
        for i, site in enumerate(project.sites * 300)
    )
    big = project.with_changes(sites=sites)
    # "write": encoded once, so the loop spends its time writing (where a kill
    # hurts); "save": the whole of save_project each time.
    text = storage.project_to_json(big)
    print("ready", flush=True)
    while True:
        if sys.argv[2] == "write":
            atomic_write_text(Path(sys.argv[1]), text)
        else:
            storage.save_project(big, Path(sys.argv[1]))
    """
)


def kill_during_saves(
    target: Path, trials: int, seed: int = 0, mode: str = "write"
) -> dict[str, int]:
    """Kill a child that saves ``target`` in a loop (kill -9), ``trials`` times.

    After each kill: the file must load; then one save must leave no temp file.
    Returns counts: trials with temp files left by the kill, and files removed.
    """
    import random

    pick = random.Random(seed)
    counts = {"trials": 0, "left_by_kill": 0, "temp_files": 0}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(trials):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(target), mode],
            stdout=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(pick.uniform(0.0, 0.2))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        storage.load_project(target)  # never half a file
        left = atomic.leftovers(target)
        counts["trials"] += 1
        counts["left_by_kill"] += bool(left)
        counts["temp_files"] += len(left)
        storage.save_project(small_project(), target)
        assert atomic.leftovers(target) == []
    return counts


@POSIX
def test_kill_9_during_saves_never_loses_the_file_or_leaves_temps(
    tmp_path: Path,
) -> None:
    """Tests 20 kill -9 during repeated saves: always loadable, 0 temps after a save."""
    target = tmp_path / "route.lrp"
    storage.save_project(small_project(), target)
    counts = kill_during_saves(target, trials=int(os.environ.get("LRP_KILLS", 20)))
    print(counts)
    assert counts["trials"] >= 20
    assert counts["left_by_kill"] > 0  # the kills did land inside saves


def disk_full(*_args: object) -> None:
    """Stand in for os.fsync on a full disk."""
    raise OSError(errno.ENOSPC, "No space left on device")


def no_permission(*_args: object, **_kwargs: object) -> None:
    """Stand in for tempfile.mkstemp in a read-only folder."""
    raise PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.parametrize(
    ("module", "name", "fake", "reason"),
    [
        (os, "fsync", disk_full, "No space left on device"),
        (tempfile, "mkstemp", no_permission, "Permission denied"),
    ],
    ids=["disk full", "read-only folder"],
)
def test_a_failed_save_is_a_save_error_and_keeps_the_old_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    name: str,
    fake: Callable[..., None],
    reason: str,
) -> None:
    """Tests that write failures raise SaveError with path and reason, nothing else."""
    target = tmp_path / "route.lrp"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(module, name, fake)
    with pytest.raises(SaveError) as raised:
        storage.save_project(small_project(), target)
    assert str(raised.value) == f"could not save {target}: {reason}"
    assert isinstance(raised.value, ProjectFileError)
    assert isinstance(raised.value, OSError)  # callers catching OSError still do
    assert target.read_text(encoding="utf-8") == "old"
    assert atomic.leftovers(target) == []


@pytest.mark.skipif(
    os.name == "nt" or os.geteuid() == 0, reason="root writes to read-only folders"
)
def test_a_read_only_folder_is_a_save_error(tmp_path: Path) -> None:
    """Tests a real read-only folder (as a normal user)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="Permission denied"):
            storage.save_project(small_project(), folder / "route.lrp")
    finally:
        folder.chmod(0o700)


def test_a_missing_folder_is_a_save_error(tmp_path: Path) -> None:
    """Tests that saving into a folder that does not exist is reported."""
    target = tmp_path / "gone" / "route.lrp"
    with pytest.raises(SaveError, match=f"could not save {target}: No such file"):
        storage.save_project(small_project(), target)


def test_a_lone_surrogate_is_a_save_error_naming_the_field(tmp_path: Path) -> None:
    """Tests that text UTF-8 cannot hold is reported with its path, not raised raw."""
    project = small_project()
    bad = project.sites[1].__class__(
        **{
            name: getattr(project.sites[1], name)
            for name in ("country", "place", "champions")
        },
        id=SiteId("VN-BT1"),
        name="Bến Tre \udc80",
    )
    project = project.with_changes(sites=(project.sites[0], bad))
    target = tmp_path / "route.lrp"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(SaveError) as raised:
        storage.save_project(project, target)
    assert str(raised.value) == (
        f"could not save {target}: project.sites[1].name holds a character "
        "that cannot be stored"
    )
    assert target.read_text(encoding="utf-8") == "old"
