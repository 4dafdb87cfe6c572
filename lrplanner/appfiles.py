"""Where LR Planner's files live: shipped files, settings, autosave and logs.

Shipped files (``resources/``, ``sample_data/``, ``docs/``) sit next to the
package in a source checkout and inside the bundle of a frozen build
(PyInstaller sets ``sys._MEIPASS``). The user's own files go to the
platform's standard folders, as ``platformdirs`` names them:

- settings (preferences, recent files): ``~/.config/LRPlanner/`` on Linux,
  ``%LOCALAPPDATA%\\LRPlanner`` on Windows;
- autosave: ``~/.local/share/LRPlanner/autosave``
  (Windows: ``...\\LRPlanner\\autosave``);
- logs: ``~/.local/state/LRPlanner/log`` (Windows: ``...\\LRPlanner\\Logs``).

(macOS: ``~/Library/Application Support/LRPlanner`` and ``~/Library/Logs``.)
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

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
