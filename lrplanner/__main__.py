"""``python -m lrplanner`` runs the command line."""

from lrplanner.cli import main

raise SystemExit(main())
