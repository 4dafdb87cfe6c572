"""Command line: ``lrplanner template|validate|import|plan|check|gui``.

This package's root holds the parser, ``main`` and the crash report; the
exit codes and the write-error report are in :mod:`lrplanner.cli.exits`;
``plan`` and ``check`` live in :mod:`lrplanner.cli.plan`; the benchmark
command line is :mod:`lrplanner.cli.bench` (``python -m lrplanner.cli.bench``).

Exit codes (``EXIT_*`` in :mod:`lrplanner.cli.exits`): 0 success (a checked
plan), 1 a plan was written but fails the independent check (or ``check``
found violations), 2 invalid input (every problem printed on stderr), 3 no
plan can satisfy the hard rules (the explanation is printed), 4 a file could
not be written (the path and the system's reason are printed; the files
already there are kept), 5 the time (``--seconds``) ran out before a first
plan was found (more time may well give one), 70 an unexpected internal
error (one paragraph on stderr, the traceback in the log file), 130
interrupted (Ctrl-C) before any plan was found, 141 the reader of the output
went away (a closed pipe). No command prints a traceback. Heavy modules are
imported inside the commands so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lrplanner import __version__
from lrplanner.cli.exits import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    report_write_error,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TypeAlias

    from lrplanner.core.project import Project
    from lrplanner.importers.report import ImportResult

    GuiRunner: TypeAlias = Callable[[Path | None, Path | None, bool, str | None], int]

#: The main window's views, by the names ``gui --view`` takes.
VIEWS = ("data", "agenda", "map", "budget", "indicators", "left-out")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with one sub-command per job."""
    parser = argparse.ArgumentParser(
        prog="lrplanner",
        description="Plan Learning Routes: multi-day, multi-country study journeys.",
    )
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True)
    template = commands.add_parser(
        "template", help="write the empty, documented input workbook"
    )
    template.add_argument("path", type=Path, help="where to write the .xlsx")
    validate = commands.add_parser(
        "validate", help="check a workbook, CSV folder or project file"
    )
    validate.add_argument("inputs", type=Path, help=".xlsx, CSV folder or .lrp")
    convert = commands.add_parser(
        "import",
        help="import a workbook or CSV folder into a project file (several "
        "Route sheets: a programme file)",
    )
    convert.add_argument("inputs", type=Path, help=".xlsx or CSV folder")
    convert.add_argument("project", type=Path, help="the .lrp file to write")
    plan = commands.add_parser(
        "plan",
        help="plan a route and write the plan files (a workbook of several "
        "Route sheets: use 'programme plan')",
    )
    plan.add_argument("inputs", type=Path, help=".xlsx, CSV folder or .lrp")
    plan.add_argument("--out", type=Path, required=True, help="output folder")
    plan.add_argument(
        "--seconds",
        type=float,
        default=10.0,
        help="time for the whole planning: preparing the route, then the search",
    )
    plan.add_argument("--seed", type=int, default=0, help="random seed")
    plan.add_argument(
        "--keep-visits",
        action="store_true",
        help="(a .lrp with a plan) lock every visit of its plan to its day, "
        "then plan: only visits can be added",
    )
    variants = commands.add_parser(
        "scenarios",
        help="plan variants of a route side by side (and a budget curve) "
        "into scenarios.xlsx",
    )
    variants.add_argument("inputs", type=Path, help=".xlsx, CSV folder or .lrp")
    variants.add_argument("--out", type=Path, required=True, help="output folder")
    variants.add_argument(
        "--scenario",
        action="append",
        default=[],
        metavar="TEXT",
        help="'NAME: Setting=value; ...' with Route settings (End date, Budget "
        "cap, Start place...), 'Exclude countries=LA' or 'Exclude sites=KH01'; "
        "repeat for more",
    )
    variants.add_argument(
        "--curve",
        type=int,
        default=0,
        metavar="POINTS",
        help="also plan the route at POINTS budget caps, cheapest plan to no cap",
    )
    variants.add_argument(
        "--seconds", type=float, default=10.0, help="time for each plan"
    )
    variants.add_argument("--seed", type=int, default=0, help="random seed")
    programme = commands.add_parser(
        "programme", help="several routes sharing hosts and champions"
    )
    jobs = programme.add_subparsers(dest="job", required=True)
    new = jobs.add_parser("new", help="build a programme file from route workbooks")
    new.add_argument("path", type=Path, help="the programme file (.lrp) to write")
    new.add_argument(
        "inputs",
        type=Path,
        nargs="+",
        help="one workbook, CSV folder or .lrp per route, or one workbook with "
        "a Route sheet per route (Route, Route 2, ...), or a mix",
    )
    new.add_argument("--name", default="", help="the programme's name")
    vet = jobs.add_parser(
        "check", help="list hosts and champions two routes book on one day"
    )
    vet.add_argument(
        "path", type=Path, help="a programme (or project) file, or a workbook"
    )
    brief = jobs.add_parser(
        "summary", help="write programme.xlsx: routes, hosts, champions' shares"
    )
    brief.add_argument(
        "path", type=Path, help="a programme (or project) file, or a workbook"
    )
    brief.add_argument("--out", type=Path, required=True, help="the .xlsx to write")
    joint = jobs.add_parser(
        "plan", help="plan every route, none booking what another has booked"
    )
    joint.add_argument(
        "path",
        type=Path,
        help="a programme (or project) file, or a workbook of several Route sheets",
    )
    joint.add_argument("--out", type=Path, required=True, help="output folder")
    joint.add_argument("--seconds", type=float, default=10.0, help="time per plan")
    joint.add_argument("--seed", type=int, default=0, help="random seed")
    joint.add_argument(
        "--moves",
        type=int,
        default=None,
        help="host hand-overs to try after the two rounds (default: one per route)",
    )
    check = commands.add_parser(
        "check", help="check a planned folder's plan against every hard rule"
    )
    check.add_argument("folder", type=Path, help="a folder written by 'plan'")
    gui = commands.add_parser("gui", help="open the desktop application")
    gui.add_argument("project", type=Path, nargs="?", help="file to open")
    gui.add_argument(
        "--screenshot", type=Path, help="render the main window to PNG and exit"
    )
    gui.add_argument("--plan", action="store_true", help="plan the route on opening")
    gui.add_argument(
        "--view",
        choices=VIEWS,
        help="with --screenshot: the view to show (the map waits for the page)",
    )
    return parser


def main(argv: Sequence[str] | None = None, run_gui: GuiRunner | None = None) -> int:
    """Run the command line and return the process exit code.

    ``run_gui`` opens the desktop app; it is passed in by
    :mod:`lrplanner.entry` because this layer never imports the GUI. Nothing
    escapes as a traceback: an unexpected error is logged and reported in one
    paragraph with exit code 70.
    """
    args = build_parser().parse_args(argv)
    try:
        return _run(args, run_gui)
    except KeyboardInterrupt:
        print("\nInterrupted; nothing more was written.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``lrplanner validate x | head``): stop quietly,
        # as other command-line tools do, without a second error at exit.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # noqa: BLE001 - the last guard: logged and reported
        return _report_crash(args.command, exc)


def _silence_stdout() -> None:
    """Point stdout at the null device so Python's exit flush cannot fail."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _run(args: argparse.Namespace, run_gui: GuiRunner | None) -> int:
    if args.command == "gui":
        if run_gui is None:
            print("The desktop app is not available here.", file=sys.stderr)
            return EXIT_INVALID
        return run_gui(args.project, args.screenshot, args.plan, args.view)
    if args.command == "template":
        return _template(args.path)
    if args.command == "check":
        from lrplanner.cli.plan import check_folder

        return check_folder(args.folder)
    if args.command == "programme":
        return _programme(args)
    result = _load_and_report(args.inputs)
    if result.project is None:
        return EXIT_INVALID
    if args.command == "import" and result.routes > 1:
        return _import_programme(result, args.project)
    if args.command in {"plan", "scenarios"} and result.routes > 1:
        return _one_route_only(args.command, args.inputs, result.routes)
    if args.command == "plan":
        return _plan(args, result.project)
    if args.command == "import":
        return _import(result.project, args.project)
    if args.command == "scenarios":
        from lrplanner.cli.scenarios import scenarios_command

        return scenarios_command(
            result.project,
            args.out,
            args.scenario,
            curve=args.curve,
            seconds=args.seconds,
            seed=args.seed,
        )
    return EXIT_OK


def _programme(args: argparse.Namespace) -> int:
    from lrplanner.cli import programme

    if args.job == "new":
        return programme.new_command(args.path, args.inputs, args.name)
    if args.job == "check":
        return programme.check_command(args.path)
    if args.job == "summary":
        return programme.summary_command(args.path, args.out)
    return programme.plan_command(
        args.path, args.out, args.seconds, args.seed, args.moves
    )


def _template(path: Path) -> int:
    from lrplanner.importers import write_template

    try:
        write_template(path)
    except OSError as exc:
        return report_write_error(path, exc)
    print(f"Wrote the input template to {path}")
    return EXIT_OK


def _import(project: Project, path: Path) -> int:
    from lrplanner.core.errors import ProjectFileError
    from lrplanner.storage import save_project

    try:
        save_project(project, path)
    except (OSError, ProjectFileError) as exc:
        return report_write_error(path, exc)
    print(f"Saved the project to {path}")
    return EXIT_OK


def _plan(args: argparse.Namespace, project: Project) -> int:
    from lrplanner.cli.plan import plan_command
    from lrplanner.services_edit.planning import lock_all_visits

    if args.keep_visits:
        if project.plan is None:
            print(
                "--keep-visits needs a project file (.lrp) that holds a plan.",
                file=sys.stderr,
            )
            return EXIT_INVALID
        project = lock_all_visits(project)
    return plan_command(project, args.out, args.seconds, args.seed)


def _one_route_only(command: str, inputs: Path, routes: int) -> int:
    """Refuse a workbook of several routes: planning one alone would book
    hosts and champions the others need."""
    print(
        f"error: {inputs} holds a programme of {routes} routes (Route sheets); "
        f"'lrplanner {command}' plans one route. Plan them together with "
        f"'lrplanner programme plan {inputs} --out DIR', or keep one Route "
        "sheet in a copy of the workbook.",
        file=sys.stderr,
    )
    return EXIT_INVALID


def _import_programme(result: ImportResult, path: Path) -> int:
    from lrplanner.core.errors import ProjectFileError
    from lrplanner.storage import save_programme

    assert result.programme is not None
    try:
        save_programme(result.programme, path)
    except (OSError, ProjectFileError) as exc:
        return report_write_error(path, exc)
    print(f"Saved the programme of {result.routes} routes to {path}")
    return EXIT_OK


def _report_crash(command: str, exc: BaseException) -> int:
    """Log the traceback and print one paragraph about it; return exit code 70."""
    log = _log_traceback(command, exc)
    detail = str(exc)
    if len(detail) > 300:
        detail = detail[:300] + "..."
    where = (
        f"The details are in {log}; please send that file with a note of what you did."
        if log is not None
        else "The details could not be saved to a log file."
    )
    print(
        f"error: 'lrplanner {command}' stopped on an unexpected problem "
        f"({type(exc).__name__}: {detail}). This is a bug in LR Planner, not in "
        f"your files; files are only replaced once complete, so what was "
        f"already on disk is intact. {where}",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _log_traceback(command: str, exc: BaseException) -> Path | None:
    """Append the traceback to the log file; return it (None if nowhere works)."""
    import tempfile

    from lrplanner import appfiles

    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(exc))
    record = f"{stamp} ERROR lrplanner.cli: 'lrplanner {command}' failed\n{text}"
    for folder in (appfiles.log_dir, lambda: Path(tempfile.gettempdir())):
        try:
            path = folder() / appfiles.LOG_NAME
            with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
                log.write(record)
        except OSError:
            continue
        return path
    return None


def _load_and_report(inputs: Path) -> ImportResult:
    """Load inputs; print warnings and errors on stderr, the summary on stdout."""
    from lrplanner.services import load_inputs

    result = load_inputs(inputs)
    for warning in result.warnings:
        print(f"warning: {warning.message()}", file=sys.stderr)
    for error in result.errors:
        print(f"error: {error.message()}", file=sys.stderr)
    if result.project is None:
        print(
            f"{len(result.errors)} problem(s) in {inputs}; nothing was loaded.",
            file=sys.stderr,
        )
    else:
        print(result.summary())
    return result
