"""What Windows and macOS laptops need that a Linux test machine cannot show."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_time_zones_do_not_depend_on_the_system() -> None:
    """Tests that tzdata is a dependency and holds every zone the samples use.

    Windows has no IANA time-zone database: zoneinfo then reads ``tzdata``.
    """
    from importlib.resources import files
    from importlib.util import find_spec

    assert find_spec("tzdata") is not None  # installed, not only declared

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [
        d.split(">")[0].split("=")[0].strip()
        for d in project["project"]["dependencies"]
    ]
    assert "tzdata" in names
    zones = files("tzdata").joinpath("zoneinfo")
    for zone in (
        "Asia/Phnom_Penh",
        "Asia/Vientiane",
        "Asia/Ho_Chi_Minh",
        "Asia/Bangkok",
        "Asia/Kathmandu",
        "Asia/Dhaka",
        "Asia/Manila",
    ):
        assert zones.joinpath(*zone.split("/")).is_file(), zone


def test_a_windowed_start_has_no_console_streams() -> None:
    """Tests that a command runs with no stdout/stderr, as in a windowed exe.

    The entry point swaps missing streams for the null device, so code that
    writes to ``sys.stderr`` directly (libraries, warnings) cannot fail there.
    """
    sample = ROOT / "sample_data" / "south_asia.xlsx"
    code = (
        "import sys, runpy; sys.stdout = None; sys.stderr = None; "
        f"sys.argv = ['lrplanner', 'validate', {str(sample)!r}]; "
        "runpy.run_module('lrplanner', run_name='__main__')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()


@pytest.mark.parametrize("name", ["lrplanner.ico", "lrplanner.icns", "lrplanner.png"])
def test_bundle_icons_exist(name: str) -> None:
    """Tests that the icons planner.spec names for Windows and macOS are there."""
    path = ROOT / "resources" / "icons" / name
    assert name in (ROOT / "planner.spec").read_text(encoding="utf-8") or name.endswith(
        ".png"
    )
    head = path.read_bytes()[:8]
    magic = {".ico": b"\x00\x00\x01\x00", ".icns": b"icns", ".png": b"\x89PNG"}
    assert head.startswith(magic[path.suffix])


def test_the_bundle_workflow_builds_on_three_systems() -> None:
    """Tests that the CI workflow for bundles names Windows, macOS and Linux."""
    text = (ROOT / ".github" / "workflows" / "bundle.yml").read_text(encoding="utf-8")
    for runner in ("windows-latest", "macos-latest", "ubuntu-latest"):
        assert runner in text
    assert "pyinstaller --noconfirm --log-level WARN planner.spec" in text
