"""The ``lrplanner`` executable: the command line, with the GUI plugged in.

The command line never imports Qt; this top-level module hands it a function
that opens the desktop app, imported only when ``lrplanner gui`` runs.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from lrplanner import cli
from lrplanner.appfiles import is_frozen

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


def run_gui(
    project: Path | None,
    screenshot: Path | None,
    plan: bool = False,
    view: str | None = None,
) -> int:
    """Open the desktop app (Qt is imported here, on demand)."""
    from lrplanner.gui.app import run_app

    return run_app(project, screenshot=screenshot, plan=plan, view=view)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``lrplanner`` and return its exit code.

    The bundled app started with no arguments (a double-click) opens the
    window; from a terminal it is the same command line as ``lrplanner``.
    """
    if argv is None:
        argv = sys.argv[1:]
    if not argv and is_frozen():
        argv = ["gui"]
    return cli.main(argv, run_gui=run_gui)
