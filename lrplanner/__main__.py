"""``python -m lrplanner`` (and the bundled executable) runs the command line."""

import multiprocessing

from lrplanner.entry import main

if __name__ == "__main__":
    # the solver's helper processes are spawned: in the frozen app they start
    # this executable again, and freeze_support turns that into the helper
    multiprocessing.freeze_support()
    raise SystemExit(main())
