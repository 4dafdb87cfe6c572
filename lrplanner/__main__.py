"""``python -m lrplanner`` runs the command line."""

from lrplanner.entry import main

raise SystemExit(main())
