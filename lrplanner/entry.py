"""The ``lrplanner`` executable: the command line, with the GUI plugged in.

The command line never imports Qt; this top-level module hands it a function
that opens the desktop app, imported only when ``lrplanner gui`` runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner import cli

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


def run_gui(project: Path | None, screenshot: Path | None, plan: bool = False) -> int:
    """Open the desktop app (Qt is imported here, on demand)."""
    from lrplanner.gui.app import run_app

    return run_app(project, screenshot=screenshot, plan=plan)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``lrplanner`` and return its exit code."""
    return cli.main(argv, run_gui=run_gui)
