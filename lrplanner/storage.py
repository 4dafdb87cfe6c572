"""The project file (``.lrp``): versioned JSON, saved atomically.

Layout::

    {"format": "lrplanner-project", "version": 1, "saved_by": "0.1.0",
     "project": {...every input, see core.codec...}}

A file written by a newer LR Planner (higher ``version``) or a damaged file
raises :class:`~lrplanner.core.errors.ProjectFileError` with a message for the
user; the file on disk is never modified by a failed load or save.
"""

from __future__ import annotations

import json
from pathlib import Path

from lrplanner import __version__
from lrplanner.appfiles import autosave_dir as autosave_dir  # re-exported
from lrplanner.core.atomic import atomic_write_text
from lrplanner.core.codec import decode, encode
from lrplanner.core.errors import ProjectFileError
from lrplanner.core.project import Project

FORMAT = "lrplanner-project"
VERSION = 1
SUFFIX = ".lrp"
MAX_BYTES = 200 * 1024 * 1024


def project_to_json(project: Project) -> str:
    """Return the project file text for a project."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "saved_by": __version__,
        "project": encode(project),
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def project_from_json(text: str, source: str = "project file") -> Project:
    """Return the project stored in project file text.

    Raises
    ------
    ProjectFileError
        If the text is not a project file, is from a newer version, or is damaged.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(f"{source} is damaged (not valid JSON: {exc})") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ProjectFileError(f"{source} is not an LR Planner project file")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise ProjectFileError(f"{source} has no valid format version")
    if version > VERSION:
        raise ProjectFileError(
            f"{source} was saved by a newer LR Planner (file format {version}, "
            f"saved by {document.get('saved_by', '?')}); this version reads "
            f"format {VERSION}. Update LR Planner to open it."
        )
    try:
        return decode(Project, document.get("project"), "project")
    except (ValueError, TypeError) as exc:
        raise ProjectFileError(f"{source} is damaged: {exc}") from exc


def save_project(project: Project, path: Path) -> None:
    """Save a project atomically: the old file survives any failure."""
    atomic_write_text(Path(path), project_to_json(project))


def load_project(path: Path) -> Project:
    """Load a project file.

    Raises
    ------
    ProjectFileError
        If the file is missing, unreadable, too large, damaged or too new.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ProjectFileError(f"{path.name} is larger than 200 MB; not a project")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectFileError(f"cannot read {path.name}: {exc}") from exc
    return project_from_json(text, path.name)
