"""Atomic file writes: a reader never sees a half-written file.

Each write goes to a temporary file beside the target, named
``.{target name}.{8 random characters}.tmp``, which is flushed to disk
(``fsync``) and then moved over the target with ``os.replace``; the folder is
synced after the move, so the new name survives a power cut too.

A temporary file left behind by a killed process is removed on the next
write of the same target. While a write is in progress its temporary file
is locked (``flock`` on POSIX), so a second writer never removes it. Windows
has no such lock and cannot remove an open file anyway; there leftovers
older than ``STALE_SECONDS`` are removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: On Windows (no advisory lock), leftovers older than this are removed.
STALE_SECONDS = 60.0
_WINDOWS = os.name == "nt"
#: The random part ``tempfile.mkstemp`` puts in a name.
_RANDOM = re.compile(r"[a-z0-9_]{8}")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place on success.

    The temporary file lives in the same folder (so ``os.replace`` is atomic on
    one file system). If the body raises, the temporary file is removed and
    ``target`` is left exactly as it was. Leftovers of earlier, killed writes
    of ``target`` are removed first.
    """
    target = Path(target)
    remove_leftovers(target)
    fd, tmp = _locked_temp(target)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(target))
        os.fsync(fd)  # syncs the file's data, whichever handle wrote it
        if _WINDOWS:  # Windows cannot move a file that is still open
            os.close(fd)
            fd = -1
        os.replace(tmp, target)
        sync_folder(target.parent)
    finally:
        tmp.unlink(missing_ok=True)
        if fd >= 0:
            os.close(fd)


def _locked_temp(target: Path) -> tuple[int, Path]:
    """Create and lock a temporary file; retry if a cleaner removed it meanwhile."""
    for _attempt in range(5):
        fd, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        _lock(fd, wait=True)
        if _WINDOWS or os.fstat(fd).st_nlink > 0:
            return fd, Path(name)
        os.close(fd)  # removed between creation and lock: it was never ours
    raise OSError(errno.EAGAIN, "temporary files keep disappearing", str(target))


def _lock(fd: int, *, wait: bool) -> bool:
    """Take the exclusive advisory lock on ``fd``; False if another holds it."""
    if _WINDOWS:
        return True
    import fcntl  # POSIX only

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def leftovers(target: Path) -> list[Path]:
    """Return the temporary files of our naming beside ``target`` (any state)."""
    target = Path(target)
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    return [
        target.parent / name
        for name in sorted(names)
        if name.startswith(prefix)
        and name.endswith(".tmp")
        and _RANDOM.fullmatch(name[len(prefix) : -len(".tmp")])
    ]


def remove_leftovers(target: Path) -> int:
    """Remove temporary files of earlier writes of ``target`` no writer holds.

    Returns how many were removed; files that cannot be removed are left.
    """
    removed = 0
    for path in leftovers(target):
        with contextlib.suppress(OSError):
            removed += _remove_if_free(path)
    return removed


def _remove_if_free(path: Path) -> bool:
    if _WINDOWS:
        if time.time() - path.stat().st_mtime < STALE_SECONDS:
            return False
        path.unlink()
        return True
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        if not _lock(fd, wait=False):
            return False  # a live writer holds it
        path.unlink()
        return True
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk (skipped on Windows, which cannot open one)."""
    if _WINDOWS:
        return
    # Some file systems cannot sync a folder; the file itself is synced, and
    # the move has happened, so this is no reason to report a failed write.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _mode_for(target: Path) -> int:
    """Return the permission bits the file should get: the old file's, else umask's.

    ``mkstemp`` creates the temporary file as 0600; without this, every save
    would make the user's file private.
    """
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(target: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write ``target`` atomically through ``write(stream)``, synced to disk."""
    with atomic_path(target) as tmp, tmp.open("wb") as stream:
        write(stream)
        stream.flush()


def atomic_write_text(target: Path, text: str) -> None:
    """Write UTF-8 text to ``target`` atomically."""
    data = text.encode("utf-8")

    def write(stream: IO[bytes]) -> None:
        stream.write(data)

    atomic_write(target, write)
