"""``python -m lrplanner`` (and the bundled executable) runs the command line."""

import multiprocessing
import os
import sys

from lrplanner.entry import main

if __name__ == "__main__":
    # A windowed executable (Windows, macOS) has no console: print() and
    # logging to stderr would fail on None streams, so they go nowhere.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    # the solver's helper processes are spawned: in the frozen app they start
    # this executable again, and freeze_support turns that into the helper
    multiprocessing.freeze_support()
    raise SystemExit(main())
