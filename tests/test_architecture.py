"""Tests for the package's layering: no Qt outside lrplanner.gui."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import lrplanner

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


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


def _contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    return {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}


def _top_level() -> set[str]:
    return {
        f"lrplanner.{m.name}"
        for m in pkgutil.iter_modules(lrplanner.__path__)
        if m.name != "__main__"
    }


def test_layers_contract_names_every_top_level_module() -> None:
    """Tests that every package and module under lrplanner sits in a layer."""
    layers = _contracts()["Layers"]["layers"]
    assert isinstance(layers, list)
    named = {name.strip() for layer in layers for name in layer.split("|")}
    assert _top_level() - named == set()
    assert "lrplanner.cli" in named
    assert {"lrplanner.cli_plan", "lrplanner.bench"}.isdisjoint(_top_level())


def test_qt_contract_names_every_module_but_the_gui_and_entry() -> None:
    """Tests that only lrplanner.gui and the executable's plug may import Qt."""
    sources = _contracts()["Only lrplanner.gui may import Qt"]["source_modules"]
    assert isinstance(sources, list)
    free = {"lrplanner.gui", "lrplanner.entry"}
    assert _top_level() - free - set(sources) == set()


def test_no_module_imports_back_what_imports_it() -> None:
    """Tests that the run-time imports between lrplanner's modules form no
    cycle (imports for type checking only are left out): called code never
    reaches back into its callers."""
    import grimp
    import networkx as nx

    graph = grimp.build_graph(
        "lrplanner", exclude_type_checking_imports=True, cache_dir=None
    )
    imports = nx.DiGraph(
        (module, imported)
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
    )
    assert imports.number_of_edges() > 100
    assert list(nx.simple_cycles(imports)) == []
