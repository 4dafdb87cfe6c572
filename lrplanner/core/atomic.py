"""Atomic file writes: a reader never sees a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place on success.

    The temporary file lives in the same folder (so ``os.replace`` is atomic on
    one file system). If the body raises, the temporary file is removed and
    ``target`` is left exactly as it was.
    """
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


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
    """Write ``target`` atomically through ``write(stream)``, flushed to disk."""
    with atomic_path(target) as tmp, tmp.open("wb") as stream:
        write(stream)
        stream.flush()
        os.fsync(stream.fileno())


def atomic_write_text(target: Path, text: str) -> None:
    """Write UTF-8 text to ``target`` atomically."""
    data = text.encode("utf-8")

    def write(stream: IO[bytes]) -> None:
        stream.write(data)

    atomic_write(target, write)
