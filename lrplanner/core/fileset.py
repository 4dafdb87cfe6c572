"""A set of files written as one: staged, stamped with an id, swapped in together.

A plan is several files (plan.json, project.lrp, the exports). Written one by
one, a failure halfway leaves a folder that mixes two plans. Here every file
is first written into a staging folder inside the target folder; only when
all of them are complete are they moved into place (the old ones set aside
and put back if a move fails). A manifest, ``files.json``, names each file
with its size and SHA-256 and the set's id, so a reader can tell a complete
set from a mixed or changed one::

    {"format": "lrplanner-file-set", "version": 1, "set_id": "...",
     "files": [{"name": "plan.json", "bytes": 1234, "sha256": "..."}, ...]}
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lrplanner.core.atomic import atomic_write_text, sync_folder

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

MANIFEST = "files.json"
FORMAT = "lrplanner-file-set"
VERSION = 1
#: Our own temporary names; leftovers of an interrupted write are removed by
#: the next complete one.
STAGING_PREFIX = ".lrplanner-new-"
BACKUP_PREFIX = ".lrplanner-old-"
PROBE_PREFIX = ".lrplanner-probe-"
_CHUNK = 1 << 20


def check_writable(folder: Path) -> None:
    """Create ``folder`` if missing and prove that a file can be made in it.

    Raises
    ------
    OSError
        If the folder cannot be created or written (read-only, a file in the
        way, no permission, disk full).
    """
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=PROBE_PREFIX, dir=folder)
    os.close(fd)
    os.unlink(name)


def write_file_set(
    folder: Path, set_id: str, write: Callable[[Path], Sequence[str]]
) -> list[Path]:
    """Write a set of files into ``folder`` as one, with a manifest.

    ``write(staging)`` writes the files into the staging folder it is given
    and returns their names. If it (or anything after it) fails, the files
    already in ``folder`` are left exactly as they were.

    Returns
    -------
    list[Path]
        The files now in ``folder``, the manifest last.

    Raises
    ------
    OSError
        If the folder cannot be written; whatever ``write`` raises.
    """
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    try:
        names = [*write(staging), MANIFEST]
        manifest = _manifest(staging, names[:-1], set_id)
        atomic_write_text(staging / MANIFEST, json.dumps(manifest, indent=1))
        _swap(staging, folder, names)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    sync_folder(folder)
    _remove_leftovers(folder)
    return [folder / name for name in names]


def _manifest(staging: Path, names: Iterable[str], set_id: str) -> dict[str, Any]:
    files = [_entry(staging / n) for n in names]
    return {"format": FORMAT, "version": VERSION, "set_id": set_id, "files": files}


def _entry(path: Path) -> dict[str, Any]:
    return {"name": path.name, "bytes": path.stat().st_size, "sha256": sha256(path)}


def sha256(path: Path) -> str:
    """Return the SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _swap(staging: Path, folder: Path, names: Sequence[str]) -> None:
    """Move the staged files into ``folder``; on any failure put the old ones back.

    The manifest (last in ``names``) is the first old file set aside and the
    last new file moved in, so a folder caught halfway (a killed process) has
    no manifest and is never taken for a complete set.
    """
    backup = Path(tempfile.mkdtemp(prefix=BACKUP_PREFIX, dir=folder))
    set_aside: list[str] = []
    placed: list[str] = []
    try:
        for name in reversed(names):
            if os.path.lexists(folder / name):
                os.replace(folder / name, backup / name)
                set_aside.append(name)
        for name in names:
            os.replace(staging / name, folder / name)
            placed.append(name)
    except BaseException:
        _undo(folder, staging, backup, placed, set_aside)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def _undo(
    folder: Path, staging: Path, backup: Path, placed: list[str], set_aside: list[str]
) -> None:
    # If putting an old file back fails too, the backup folder keeps it: it is
    # then not removed, so no old file is ever lost.
    for name in reversed(placed):
        os.replace(folder / name, staging / name)
    for name in reversed(set_aside):
        os.replace(backup / name, folder / name)
    shutil.rmtree(backup, ignore_errors=True)


def _remove_leftovers(folder: Path) -> None:
    """Remove staging, backup and probe folders left by an interrupted write."""
    for entry in folder.iterdir():
        if entry.name.startswith((STAGING_PREFIX, BACKUP_PREFIX)) and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(PROBE_PREFIX):
            entry.unlink(missing_ok=True)


class FileSetError(Exception):
    """Raised when a folder's manifest is missing or damaged."""


def read_manifest(folder: Path) -> dict[str, Any]:
    """Return the manifest of the file set in ``folder``.

    Raises
    ------
    FileSetError
        If ``files.json`` is missing, unreadable or not a file-set manifest.
    """
    path = folder / MANIFEST
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileSetError(
            f"{MANIFEST} is missing, so nothing shows that these files belong "
            "to one plan"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileSetError(f"{MANIFEST} cannot be read ({exc})") from exc
    if not _valid_manifest(document):
        raise FileSetError(f"{MANIFEST} is damaged or not an LR Planner file list")
    return dict(document)


def _valid_manifest(document: object) -> bool:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return False
    files = document.get("files")
    return (
        isinstance(document.get("set_id"), str)
        and isinstance(files, list)
        and all(_valid_entry(entry) for entry in files)
    )


def _valid_entry(entry: object) -> bool:
    if not isinstance(entry, dict):
        return False
    name, size, digest = entry.get("name"), entry.get("bytes"), entry.get("sha256")
    return (
        isinstance(name, str)
        and name == Path(name).name
        and name not in ("", ".", "..")
        and isinstance(size, int)
        and isinstance(digest, str)
    )


def set_problems(folder: Path, manifest: dict[str, Any]) -> list[tuple[str, str]]:
    """Return (file name, problem) for each listed file missing or changed."""
    problems: list[tuple[str, str]] = []
    for entry in manifest["files"]:
        path = folder / entry["name"]
        if not path.is_file():
            problems.append((entry["name"], "missing"))
        elif path.stat().st_size != entry["bytes"] or sha256(path) != entry["sha256"]:
            problems.append((entry["name"], "changed"))
    return problems
