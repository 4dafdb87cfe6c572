"""Command line: ``lrplanner template|validate|import|plan|check|gui``.

Exit codes: 0 success, 1 a plan fails the independent check, 2 invalid input
(every problem printed on stderr), 3 no plan can satisfy the hard rules (the
explanation is printed). Heavy modules are imported inside the commands so
``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lrplanner import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TypeAlias

    from lrplanner.importers.report import ImportResult

    GuiRunner: TypeAlias = Callable[[Path | None, Path | None, bool, str | None], int]

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_INVALID = 2
EXIT_INFEASIBLE = 3
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
        "import", help="import a workbook or CSV folder into a project file"
    )
    convert.add_argument("inputs", type=Path, help=".xlsx or CSV folder")
    convert.add_argument("project", type=Path, help="the .lrp file to write")
    plan = commands.add_parser("plan", help="plan a route and write the plan files")
    plan.add_argument("inputs", type=Path, help=".xlsx, CSV folder or .lrp")
    plan.add_argument("--out", type=Path, required=True, help="output folder")
    plan.add_argument("--seconds", type=float, default=10.0, help="search time")
    plan.add_argument("--seed", type=int, default=0, help="random seed")
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
    :mod:`lrplanner.entry` because this layer never imports the GUI.
    """
    args = build_parser().parse_args(argv)
    if args.command == "gui":
        if run_gui is None:
            print("The desktop app is not available here.", file=sys.stderr)
            return EXIT_INVALID
        return run_gui(args.project, args.screenshot, args.plan, args.view)
    if args.command == "template":
        return _template(args.path)
    if args.command == "check":
        from lrplanner.cli_plan import check_folder

        return check_folder(args.folder)
    result = _load_and_report(args.inputs)
    if result.project is None:
        return EXIT_INVALID
    if args.command == "plan":
        from lrplanner.cli_plan import plan_command

        return plan_command(result.project, args.out, args.seconds, args.seed)
    if args.command == "import":
        from lrplanner.storage import save_project

        save_project(result.project, args.project)
        print(f"Saved the project to {args.project}")
    return EXIT_OK


def _template(path: Path) -> int:
    from lrplanner.importers import write_template

    write_template(path)
    print(f"Wrote the input template to {path}")
    return EXIT_OK


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
