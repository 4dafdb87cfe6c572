"""Tests for the package's layering: no Qt outside lrplanner.gui."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_non_gui_modules_do_not_import_qt() -> None:
    """Tests that importing every non-GUI module leaves PySide6 unloaded."""
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import lrplanner
        names = [m.name for m in pkgutil.walk_packages(lrplanner.__path__, "lrplanner.")
                 if not m.name.startswith("lrplanner.gui")
                 and m.name != "lrplanner.__main__"]
        for name in names:
            importlib.import_module(name)
        assert "lrplanner.storage" in sys.modules
        qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
        print(len(names), qt)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    count, qt = done.stdout.split(" ", 1)
    assert int(count) >= 10
    assert qt.strip() == "[]"


def test_package_import_is_light() -> None:
    """Tests that ``import lrplanner`` loads neither Qt, OR-Tools nor openpyxl."""
    script = (
        "import sys, lrplanner; print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in {'PySide6', 'ortools', 'openpyxl', 'pyvrp'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
