"""The project file (``.lrp``): versioned JSON, saved atomically.

Layout::

    {"format": "lrplanner-project", "version": 1, "saved_by": "0.1.0",
     "project": {...every input, see core.codec...}}

A file written by a newer LR Planner (higher ``version``), a damaged file or
one whose records name things it does not contain raises
:class:`~lrplanner.core.errors.ProjectFileError` with a message for the user
(:class:`~lrplanner.core.errors.DamagedProjectError` names the JSON path); a
failed save raises :class:`~lrplanner.core.errors.SaveError`. The file on disk
is never modified by a failed load or save.
"""

from __future__ import annotations

import json
from dataclasses import fields as dataclass_fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lrplanner import __version__
from lrplanner.appfiles import autosave_dir as autosave_dir  # re-exported
from lrplanner.core.atomic import atomic_write
from lrplanner.core.codec import (
    JSON,
    DecodeError,
    construct,
    decode,
    decode_fields,
    encode,
    parse_json,
    show,
)
from lrplanner.core.errors import DamagedProjectError, ProjectFileError, SaveError
from lrplanner.core.programme import Programme
from lrplanner.core.project import Project

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping
    from typing import IO

    from lrplanner.core.plan import Itinerary
    from lrplanner.core.route import RouteSettings

T = TypeVar("T")
#: A reference in the file: its JSON path, the id it names, the kind of record.
Ref = tuple[str, str, str]

FORMAT = "lrplanner-project"
VERSION = 1
#: A programme file: several routes sharing sites, champions and places.
PROGRAMME_VERSION = 2
SUFFIX = ".lrp"
MAX_BYTES = 200 * 1024 * 1024
#: The importer's limits (importers.route_sheet, importers.crosscheck; that
#: package is a sibling layer, so they are repeated, not imported): a file may
#: not hold a route the importer would refuse.
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2100, 12, 31)
MAX_ROUTE_DAYS = 60
MAX_SITES = 1000


def project_to_json(project: Project) -> str:
    """Return the project file text for a project."""
    return _file_text("project", VERSION, project)


def _file_text(kind: str, version: int, value: object) -> str:
    """Return a file's text: the format, its version, and ``value`` as ``kind``."""
    document = {
        "format": FORMAT,
        "version": version,
        "saved_by": __version__,
        kind: encode(value),
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def project_from_json(text: str, source: str = "project file") -> Project:
    """Return the project stored in project file text.

    Raises
    ------
    ProjectFileError
        If the text is not a project file or is from a newer version;
        DamagedProjectError (a ProjectFileError) with the JSON path if a value
        is damaged or a record refers to something the file does not hold.
    """
    document = _read_document(text, source)
    try:
        fields = decode_fields(Project, document.get("project"), "project")
        check_limits(fields)
        check_references(fields)
        return construct(Project, fields, "project")
    except DecodeError as exc:
        expected = str(exc).removeprefix(f"{exc.path}: ")
        raise DamagedProjectError(source, exc.path, expected) from None
    except (ValueError, TypeError, ArithmeticError, LookupError, RecursionError) as exc:
        raise DamagedProjectError(source, "project", f"unreadable ({exc})") from exc


def _read_document(
    text: str, source: str, readable: int = VERSION
) -> dict[str, object]:
    try:
        document = parse_json(text)
    except RecursionError:
        raise ProjectFileError(
            f"{source} is damaged (not valid JSON: lists or objects nested too deeply)"
        ) from None
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise ProjectFileError(f"{source} is damaged (not valid JSON: {exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ProjectFileError(f"{source} is not an LR Planner project file")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectFileError(f"{source} has no valid format version")
    programme = version == PROGRAMME_VERSION and "programme" in document
    if programme and readable < PROGRAMME_VERSION:
        raise ProjectFileError(
            f"{source} holds a programme of several routes: open it in the "
            "app, or use 'lrplanner programme plan|check|summary' (the user "
            "guide, Programmes); 'plan' and 'validate' take one route"
        )
    if version > readable:
        saved_by = document.get("saved_by", "?")
        if not isinstance(saved_by, str) or not saved_by.isprintable():
            saved_by = "?"
        raise ProjectFileError(
            f"{source} was saved by a newer LR Planner (file format {version}, "
            f"saved by {saved_by[:20]}); "
            f"this version reads format {readable}. Update LR Planner to open it."
        )
    return document


def programme_to_json(programme: Programme) -> str:
    """Return the file text of a programme (format version 2)."""
    return _file_text("programme", PROGRAMME_VERSION, programme)


def programme_from_json(text: str, source: str = "project file") -> Programme:
    """Return the programme in a file's text; a version-1 project file is a
    programme of one route.

    Raises
    ------
    ProjectFileError
        As :func:`project_from_json`, naming the route for a damaged one.
    """
    document = _read_document(text, source, PROGRAMME_VERSION)
    if "programme" not in document:
        return Programme.of(project_from_json(text, source))
    try:
        programme = decode(Programme, document["programme"], "programme")
    except DecodeError as exc:
        expected = str(exc).removeprefix(f"{exc.path}: ")
        raise DamagedProjectError(source, exc.path, expected) from None
    except (ValueError, TypeError, ArithmeticError, LookupError, RecursionError) as exc:
        raise DamagedProjectError(source, "programme", f"unreadable ({exc})") from exc
    for index, name in enumerate(programme.names):
        project = programme.project(index)
        fields = {f.name: getattr(project, f.name) for f in dataclass_fields(project)}
        try:
            check_limits(fields)
            check_references(fields)
        except DecodeError as exc:
            where = f"programme.routes[{index}] ({name})"
            raise DamagedProjectError(source, where, str(exc)) from None
    return programme


def save_programme(programme: Programme, path: Path) -> None:
    """Save a programme atomically (as :func:`save_project` saves a project).

    Raises
    ------
    SaveError
        If it cannot be encoded or written; the old file is kept.
    """
    _save("programme", programme, programme_to_json, Path(path))


def load_programme(path: Path) -> Programme:
    """Load a programme file, or a project file as a one-route programme.

    Raises
    ------
    ProjectFileError
        If the file is missing, unreadable, too large, damaged or too new.
    """
    return programme_from_json(_read_text(Path(path)), printable(Path(path).name))


def save_project(project: Project, path: Path) -> None:
    """Save a project atomically: the old file survives any failure.

    Raises
    ------
    SaveError
        (a ProjectFileError and an OSError) with the path and the reason if the
        text cannot be encoded or the file cannot be written.
    """
    _save("project", project, project_to_json, Path(path))


def _save(kind: str, value: T, text: Callable[[T], str], path: Path) -> None:
    """Encode ``value`` with ``text`` and write it atomically to ``path``.

    Raises
    ------
    SaveError
        With the path and the reason (a character that cannot be stored and
        where, a value that cannot be written, the system's error).
    """
    shown = printable(str(path))
    try:
        data = text(value).encode("utf-8")
    except UnicodeEncodeError:
        where = first_bad_text(encode(value), kind) or "a text"
        raise SaveError(
            shown, f"{where} holds a character that cannot be stored"
        ) from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise SaveError(shown, f"the {kind} cannot be written ({exc})") from exc
    try:
        atomic_write(path, lambda stream: _write_all(stream, data))
    except OSError as exc:
        raise SaveError(shown, printable(exc.strerror or str(exc))) from exc


def printable(text: str) -> str:
    """Return ``text`` safe to show: undecodable bytes of a file name as escapes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _write_all(stream: IO[bytes], data: bytes) -> None:
    stream.write(data)


def load_project(path: Path) -> Project:
    """Load a project file.

    Raises
    ------
    ProjectFileError
        If the file is missing, unreadable, too large, damaged or too new.
    """
    path = Path(path)
    return project_from_json(_read_text(path), printable(path.name))


def _read_text(path: Path) -> str:
    name = printable(path.name)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ProjectFileError(f"{name} is larger than 200 MB; not a project")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectFileError(f"cannot read {name}: {printable(str(exc))}") from exc


def check_limits(fields: Mapping[str, object]) -> None:
    """Check the route's dates and length and the number of sites as the importer does.

    Raises
    ------
    DecodeError
        At the JSON path of the first value outside the limits.
    """
    route: RouteSettings | None = fields.get("route")  # type: ignore[assignment]
    if route is not None:
        for name in ("start_date", "end_date"):
            day: date = getattr(route, name)
            if not FIRST_DATE <= day <= LAST_DATE:
                raise DecodeError(
                    f"project.route.{name}",
                    f"expected a date between {FIRST_DATE} and {LAST_DATE}",
                    show(day.isoformat()),
                )
        if route.days > MAX_ROUTE_DAYS:
            raise DecodeError(
                "project.route.end_date",
                f"expected a route of at most {MAX_ROUTE_DAYS} days",
                f"{route.days:,} days",
            )
    sites = _field(fields, "sites")
    if len(sites) > MAX_SITES:
        raise DecodeError(
            "project.sites", f"expected at most {MAX_SITES} sites", f"{len(sites):,}"
        )


def check_references(fields: Mapping[str, object]) -> None:
    """Check the decoded ``Project`` fields as the importer checks its sheets.

    Ids are unique within each kind of record, and every place, site and
    champion a record names (route ends, site places and champions, link ends,
    locks, exclusions, the plan's events) is in the file; time zones are known.

    Raises
    ------
    DecodeError
        At the JSON path of the first repeated or unknown id.
    """
    # Loaded here: core.locations pulls in the calendar (holidays, timezonefinder).
    from lrplanner.core.locations import SITE_PREFIX

    known = {kind: _unique_ids(fields, kind) for kind in _KINDS}
    known["location"] = known["place"] | {SITE_PREFIX + s for s in known["site"]}
    for path, value, kind in _references(fields):
        if kind == "zone":
            _check_zone(path, value)
        elif value not in known[kind]:
            where = "project.places or site:<site id>" if kind == "location" else ""
            raise DecodeError(
                path,
                f"expected a {kind} id from {where or _KINDS[kind]}",
                show(value),
            )


_KINDS = {
    "place": "project.places",
    "site": "project.sites",
    "champion": "project.champions",
    "participant": "project.participants",
}


def _unique_ids(fields: Mapping[str, object], kind: str) -> set[str]:
    seen: dict[str, int] = {}
    for index, record in enumerate(_field(fields, f"{kind}s")):
        ident: str = record.id
        if ident in seen:
            raise DecodeError(
                f"project.{kind}s[{index}].id",
                f"expected a unique {kind} id ({ident!r} is already "
                f"project.{kind}s[{seen[ident]}].id)",
            )
        seen[ident] = index
    return set(seen)


def _references(fields: Mapping[str, object]) -> Iterator[Ref]:
    route: RouteSettings | None = fields.get("route")  # type: ignore[assignment]
    if route is not None:
        yield ("project.route.start_place", route.start_place, "place")
        yield ("project.route.end_place", route.end_place, "place")
        yield from _each("project.route.required_sites", route.required_sites, "site")
    for i, site in enumerate(_field(fields, "sites")):
        if site.place is not None:
            yield (f"project.sites[{i}].place", site.place, "place")
        yield from _each(f"project.sites[{i}].champions", site.champions, "champion")
    for i, champion in enumerate(_field(fields, "champions")):
        yield from _each(f"project.champions[{i}].sites", champion.sites, "site")
    for i, place in enumerate(_field(fields, "places")):
        if place.tz is not None:
            yield (f"project.places[{i}].tz", place.tz, "zone")
    for i, link in enumerate(_field(fields, "links")):
        yield (f"project.links[{i}].origin", link.origin, "place")
        yield (f"project.links[{i}].destination", link.destination, "place")
    for i, lock in enumerate(_field(fields, "locks")):
        yield (f"project.locks[{i}].site", lock.site, "site")
    yield from _each("project.excluded_sites", _field(fields, "excluded_sites"), "site")
    plan: Itinerary | None = fields.get("plan")  # type: ignore[assignment]
    if plan is not None:
        yield from _plan_references(plan)


def _field(fields: Mapping[str, object], name: str) -> Any:
    """Return a decoded field of the project (records of checked types), or ()."""
    return fields.get(name, ())


def _plan_references(plan: Itinerary) -> Iterator[Ref]:
    for d, day in enumerate(plan.days):
        at = f"project.plan.days[{d}]"
        if day.overnight is not None:
            yield (f"{at}.overnight", day.overnight, "location")
        for e, event in enumerate(day.events):
            here = f"{at}.events[{e}]"
            yield (f"{here}.tz", event.tz, "zone")
            for name in ("place", "origin", "destination"):
                value = getattr(event, name)
                if value is not None:
                    yield (f"{here}.{name}", value, "location")
            yield from _each(f"{here}.via", event.via, "location")
            if event.site is not None:
                yield (f"{here}.site", event.site, "site")
            yield from _each(f"{here}.champions", event.champions, "champion")
    for i, left in enumerate(plan.left_out):
        yield (f"project.plan.left_out[{i}].site", left.site, "site")


def _each(path: str, values: tuple[str, ...], kind: str) -> Iterator[Ref]:
    for i, value in enumerate(values):
        yield (f"{path}[{i}]", value, kind)


def _check_zone(path: str, name: str) -> None:
    from lrplanner.core.calendar import zone_named  # see check_references

    try:
        zone_named(name)
    except (ValueError, OSError):
        raise DecodeError(
            path, "expected an IANA time zone such as Asia/Phnom_Penh", show(name)
        ) from None


def first_bad_text(tree: JSON, path: str) -> str | None:
    """Return the JSON path of the first text in ``tree`` that UTF-8 cannot store.

    Walks without recursion, so any depth is safe.
    """
    stack: list[tuple[str, JSON]] = [(path, tree)]
    while stack:
        at, value = stack.pop()
        if isinstance(value, str) and not _encodable(value):
            return at
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                if not _encodable(str(key)):
                    return f"{at} (a field name)"
                stack.append((f"{at}.{key}", item))
        elif isinstance(value, (list, tuple)):
            stack.extend((f"{at}[{i}]", v) for i, v in reversed(list(enumerate(value))))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
