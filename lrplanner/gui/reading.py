"""Reading what the app opens: a workbook, a CSV folder, a project or programme file.

:func:`read` is ``services.load_inputs`` but for a ``.lrp`` file, which is read
as a programme (a version-1 project file is a programme of one route), so the
app opens a programme file of several routes too. Qt-free: it runs on the
loader's worker thread.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lrplanner import services, storage
from lrplanner.core.errors import ProjectFileError
from lrplanner.core.programme import Programme
from lrplanner.importers import ImportResult

if TYPE_CHECKING:
    from lrplanner.core.project import Project


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeResult(ImportResult):
    """A programme file, or a workbook of several Route sheets, read:
    ``project`` is its first route's."""

    programme: Programme


def read(path: Path) -> ImportResult:
    """Return what ``path`` holds; a programme of several routes (a programme
    file, or a workbook of several Route sheets) as a :class:`ProgrammeResult`.
    Never raises for a bad file: problems come back as errors on the result."""
    path = Path(path)
    if path.suffix.lower() != storage.SUFFIX:
        result = services.load_inputs(path)
        if result.programme is None or result.routes == 1:
            return result
        fields = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
        return ProgrammeResult(**fields | {"programme": result.programme})
    try:
        programme = storage.load_programme(path)
    except ProjectFileError as exc:
        return services.unreadable(path, exc)
    if len(programme.routes) == 1:
        return ImportResult(project=programme.project(0))
    return ProgrammeResult(project=programme.project(0), programme=programme)


def projects(result: ImportResult) -> list[Project]:
    """Return every route's project a result holds (none if it failed)."""
    if isinstance(result, ProgrammeResult):
        programme = result.programme
        return [programme.project(i) for i in range(len(programme.routes))]
    return [result.project] if result.project is not None else []
