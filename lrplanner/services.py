"""Use-cases shared by the command line and the desktop app (no Qt here)."""

from __future__ import annotations

from pathlib import Path

from lrplanner import storage
from lrplanner.core.errors import InputError, ProjectFileError
from lrplanner.importers import ImportResult, read_inputs


def load_inputs(path: Path) -> ImportResult:
    """Load a project file (.lrp), a workbook or a CSV folder.

    Never raises for a bad file: problems come back as errors on the result.
    """
    path = Path(path)
    if path.suffix.lower() != storage.SUFFIX:
        return read_inputs(path)
    try:
        return ImportResult(project=storage.load_project(path))
    except ProjectFileError as exc:
        error = InputError(
            file=path.name,
            sheet="",
            row=None,
            column=None,
            value="",
            expected=f"a readable project file ({exc})",
        )
        return ImportResult(project=None, errors=(error,))
