"""Where LR Planner's files live: shipped files, settings, autosave and logs.

Shipped files (``resources/``, ``sample_data/``, ``docs/``) sit next to the
package in a source checkout and inside the bundle of a frozen build
(PyInstaller sets ``sys._MEIPASS``). The user's own files go to the
platform's standard folders, as ``platformdirs`` names them:

- settings (preferences, recent files): ``~/.config/LRPlanner/`` on Linux,
  ``%LOCALAPPDATA%\\LRPlanner`` on Windows;
- autosave: ``~/.local/share/LRPlanner/autosave``
  (Windows: ``...\\LRPlanner\\autosave``), one file per window and project
  (see :class:`AutosaveSlot`);
- logs: ``~/.local/state/LRPlanner/log`` (Windows: ``...\\LRPlanner\\Logs``).

(macOS: ``~/Library/Application Support/LRPlanner`` and ``~/Library/Logs``.)
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

import platformdirs

#: The folder name under the platform's standard folders.
APP_NAME = "LRPlanner"
#: Set to a folder to load resources (fonts, Leaflet, basemap) from elsewhere.
RESOURCES_ENV = "LRPLANNER_RESOURCES"
#: The log file, its size before it rolls over, and how many old ones are kept.
LOG_NAME = "lrplanner.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 4
_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def is_frozen() -> bool:
    """Return True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def install_root() -> Path:
    """Return the folder holding ``resources/``, ``sample_data/`` and ``docs/``."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    """Return the folder holding fonts, Leaflet and the basemap.

    ``$LRPLANNER_RESOURCES`` wins; otherwise the shipped ``resources/``.
    """
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    return install_root() / "resources"


def sample_workbook() -> Path:
    """Return the Mekong sample workbook the app opens on first start."""
    return install_root() / "sample_data" / "mekong.xlsx"


def user_guide() -> Path:
    """Return the user guide (Markdown; its screenshots are beside it in img/)."""
    return install_root() / "docs" / "user-guide.md"


def config_base() -> Path:
    """Return the platform's folder for settings (LRPlanner/ goes inside)."""
    return Path(platformdirs.user_config_dir(appauthor=False))


def data_dir() -> Path:
    """Return (and create) the folder for the app's own data files."""
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def autosave_dir() -> Path:
    """Return (and create) the folder where the app keeps autosaves."""
    folder = data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


#: Autosave files are ``<project key>-<window id>.lrp``; the window holds
#: ``<window id>.lock`` locked while it is open.
AUTOSAVE_SUFFIX = ".lrp"
LOCK_SUFFIX = ".lock"
UNSAVED_KEY = "unsaved"


class AutosaveSlot:
    """One window's autosave files, kept apart from every other window's.

    The window's backup of the project at ``project_path`` is
    ``<key>-<window id>.lrp``, where the key is a hash of the project's path
    (``unsaved`` for a project never saved). The window holds an OS lock on
    ``<window id>.lock`` from its first autosave until it closes; a crash or
    ``kill -9`` releases the lock, which is how :func:`orphaned_autosaves`
    tells a backup left by a crash from one a live window still keeps.
    """

    def __init__(self, folder: Path, window_id: str | None = None) -> None:
        self.folder = Path(folder)
        self.window_id = window_id or f"{os.getpid()}-{secrets.token_hex(4)}"
        self._lock: IO[bytes] | None = None

    def path_for(self, project_path: Path | None) -> Path:
        """Return this window's autosave file for a project (and hold the lock)."""
        self.hold()
        return self.folder / f"{project_key(project_path)}-{self.window_id}.lrp"

    def hold(self) -> None:
        """Create the folder and take this window's lock (once).

        Raises
        ------
        OSError
            If the folder cannot be made or the lock file cannot be opened.
        """
        if self._lock is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = try_lock(self.folder / f"{self.window_id}{LOCK_SUFFIX}")
            if self._lock is None:
                raise OSError(f"autosave lock {self.window_id} is held elsewhere")

    def files(self) -> list[Path]:
        """Return this window's autosave files."""
        return [p for p in _autosaves(self.folder) if window_of(p) == self.window_id]

    def discard(self, keep: Path | None = None) -> None:
        """Remove this window's autosave files, except ``keep``."""
        for path in self.files():
            if path != keep:
                with contextlib.suppress(OSError):
                    path.unlink()

    def release(self) -> None:
        """Remove this window's autosaves and its lock (a clean close)."""
        self.discard()
        if self._lock is not None:
            lock_file = self.folder / f"{self.window_id}{LOCK_SUFFIX}"
            with contextlib.suppress(OSError):
                lock_file.unlink()
            self._lock.close()
            self._lock = None

    def abandon(self) -> None:
        """Drop the lock but leave every file, as a crash does (for tests)."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def project_key(project_path: Path | None) -> str:
    """Return the autosave key of a project: a hash of its path, or ``unsaved``."""
    if project_path is None:
        return UNSAVED_KEY
    text = str(Path(project_path).absolute())
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def window_of(autosave: Path) -> str | None:
    """Return the window id in an autosave file's name (None for other names)."""
    key, dash, window = autosave.stem.partition("-")
    return window if dash and key and window else None


def _autosaves(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == AUTOSAVE_SUFFIX)
    except OSError:
        return []


def orphaned_autosaves(folder: Path) -> list[Path]:
    """Return the autosaves no open window holds (left by a crash), newest first.

    A file whose name carries no window id (the single ``autosave.lrp`` of
    earlier versions) counts as left by a crash.
    """
    found = []
    for path in _autosaves(folder):
        window = window_of(path)
        if window is None or not is_locked(folder / f"{window}{LOCK_SUFFIX}"):
            with contextlib.suppress(OSError):
                found.append((path.stat().st_mtime, path))
    return [path for _mtime, path in sorted(found, reverse=True)]


def forget_autosave(path: Path) -> None:
    """Remove an orphaned autosave, and its window's stale lock file if unused."""
    with contextlib.suppress(OSError):
        path.unlink()
    window = window_of(path)
    if window is None or any(window_of(p) == window for p in _autosaves(path.parent)):
        return
    lock_file = path.parent / f"{window}{LOCK_SUFFIX}"
    if not is_locked(lock_file):
        with contextlib.suppress(OSError):
            lock_file.unlink()


def remove_stale_locks(folder: Path) -> int:
    """Remove lock files of windows that are gone and left no autosave.

    Returns how many were removed.
    """
    used = {window_of(p) for p in _autosaves(folder)}
    removed = 0
    for lock_file in sorted(folder.glob(f"*{LOCK_SUFFIX}")):
        if lock_file.stem not in used and not is_locked(lock_file):
            with contextlib.suppress(OSError):
                lock_file.unlink()
                removed += 1
    return removed


def try_lock(path: Path) -> IO[bytes] | None:
    """Open ``path`` and take an exclusive OS lock; None if another holds it.

    The lock lasts while the returned stream is open, and ends with the
    process however it ends (``flock`` on POSIX, ``msvcrt.locking`` on Windows).
    """
    stream = path.open("a+b")
    try:
        if sys.platform == "win32":
            import msvcrt

            stream.seek(0)
            msvcrt.locking(stream.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        stream.close()
        return None
    return stream


def is_locked(path: Path) -> bool:
    """Return whether a live process holds the lock on ``path``."""
    if not path.exists():
        return False
    try:
        stream = try_lock(path)
    except OSError:
        return True  # cannot even open it: do not touch its files
    if stream is None:
        return True
    stream.close()
    return False


def log_dir() -> Path:
    """Return (and create) the folder for the log files."""
    folder = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send log records to a rotating file in ``folder`` (the log folder).

    Calling it again does not add a second handler for the same file.
    Returns the log file. If the folder cannot be written, logging goes to
    stderr only and the path is still returned (nothing here may stop the app).
    """
    target = (folder if folder is not None else log_dir()) / LOG_NAME
    root = logging.getLogger()
    root.setLevel(min(root.level or level, level))
    if any(
        getattr(known, "baseFilename", None) == str(target.resolve())
        for known in root.handlers
    ):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            target, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(_LOG_FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    return target
