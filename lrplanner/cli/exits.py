"""The command line's exit codes and its report of a file it could not write.

Kept apart from the package root so that the commands' modules
(:mod:`lrplanner.cli.plan`) import them without importing back the parser
that dispatches to them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_INVALID = 2
EXIT_INFEASIBLE = 3
EXIT_WRITE = 4
EXIT_TIME_UP = 5  # the time ran out before a first plan: not a verdict on the route
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a closed pipe


def report_write_error(path: Path, exc: Exception, kept: str = "") -> int:
    """Print why ``path`` could not be written (no traceback); return exit code 4.

    ``kept`` names what is left as it was (default: the file at ``path``).
    """
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    # A ProjectFileError already names the file; say it once.
    text = reason if str(path) in reason else f"could not write {path}: {reason}"
    kept = kept or "Any file already there was kept as it was."
    print(f"error: {text.rstrip('.')}. {kept}", file=sys.stderr)
    return EXIT_WRITE
