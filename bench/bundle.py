"""Check and measure the PyInstaller bundle (make dist-check, make bench-bundle).

``python -m bench.bundle check dist/LRPlanner`` runs the built executable the
way a field laptop would: an empty HOME, a PATH with nothing on it (no virtual
environment, no Python), and no network (``unshare -rn``, where the machine
allows it). It plans the sample, checks every file ``plan`` wrote (and runs ``check`` on
them), opens the window with ``gui --plan --view map --screenshot`` and checks
that the map page loaded and the picture is not blank, and that settings and
the log went to the platform's folders inside that HOME. Exit 0 only if all
of it holds.

``python -m bench.bundle measure dist/LRPlanner --write docs/benchmarks-bundle.md``
reports the bundle size (and what dominates it), the time from starting the
program to the main window shown (bundle and source, median of several runs)
and the peak memory after planning the sample.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN_FILES = (
    "problem.json",
    "plan.json",
    "project.lrp",
    "agenda.xlsx",
    "costs.xlsx",
    "map.html",
    "agenda.pdf",
)
REPORT = "lrplanner-report"


@dataclass
class Checks:
    """What held and what did not; printed line by line."""

    failures: list[str] = field(default_factory=list)

    def expect(self, ok: bool, what: str) -> bool:
        print(("ok    " if ok else "FAIL  ") + what, flush=True)
        if not ok:
            self.failures.append(what)
        return ok


def executable(bundle: Path) -> Path:
    """Return the bundle's executable."""
    name = "LRPlanner.exe" if sys.platform == "win32" else "LRPlanner"
    return bundle / name


def bundled_sample(bundle: Path) -> Path:
    """Return the sample workbook shipped inside the bundle."""
    return bundle / "_internal" / "sample_data" / "mekong.xlsx"


def clean_env(home: Path) -> dict[str, str]:
    """A fresh user account with no venv, no Python and no display.

    The PATH is one empty folder: nothing, Python least of all, can be found
    on it, so the bundle must bring everything it runs.
    """
    empty = home / "empty-bin"
    empty.mkdir(exist_ok=True)
    return {
        "HOME": str(home),
        "PATH": str(empty),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "LRPLANNER_REPORT": "1",
    }


def no_network_prefix() -> list[str]:
    """Return ``unshare -rn`` if this machine can run commands without network."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return []
    probe = subprocess.run(
        [unshare, "-rn", "true"], capture_output=True, check=False, timeout=30
    )
    return [unshare, "-rn"] if probe.returncode == 0 else []


def run(
    command: list[str], env: dict[str, str], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run ``command``; a timeout becomes exit code 124 with a message."""
    try:
        return subprocess.run(
            command,
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(command, 124, "", f"timed out ({timeout} s)")


def png_size(path: Path) -> tuple[int, int]:
    """Return a PNG's width and height from its header (0, 0 if not a PNG)."""
    head = path.read_bytes()[:24] if path.exists() else b""
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return (0, 0)
    return (int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big"))


def distinct_colours(path: Path) -> int:
    """Count the distinct colours of a picture (a blank window has a handful)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        return 0
    step = 3
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def check_plan_folder(out: Path, checks: Checks) -> None:
    """Every file ``plan`` writes exists and is what it claims to be."""
    for name in PLAN_FILES:
        checks.expect((out / name).is_file() and (out / name).stat().st_size > 0, name)
    plan_file = out / "plan.json"
    if plan_file.is_file():
        plan = json.loads(plan_file.read_text(encoding="utf-8"))
        visits = [e for d in plan["days"] for e in d["events"] if e["kind"] == "visit"]
        checks.expect(
            bool(plan["days"]) and bool(visits), "plan.json has days and visits"
        )
    for name in ("agenda.xlsx", "costs.xlsx"):
        if (out / name).is_file():
            checks.expect(zipfile.is_zipfile(out / name), f"{name} is a workbook")
    pdf = out / "agenda.pdf"
    if pdf.is_file():
        checks.expect(pdf.read_bytes()[:5] == b"%PDF-", "agenda.pdf is a PDF")
    html = out / "map.html"
    if html.is_file():
        text = html.read_text(encoding="utf-8")
        remote = '<script src="http' in text or '<link href="http' in text
        checks.expect(not remote, "map.html loads no remote script or style")


def check(bundle: Path, seconds: float) -> int:
    """Run the bundle offline in a clean HOME; return 0 if everything held."""
    checks = Checks()
    exe = executable(bundle)
    if not checks.expect(exe.is_file(), f"executable {exe}"):
        return 1
    sample = bundled_sample(bundle)
    checks.expect(sample.is_file(), "sample workbook inside the bundle")
    prefix = no_network_prefix()
    print(
        "network: " + ("off (unshare -rn)" if prefix else "ON: unshare -rn refused"),
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="lrplanner-dist-") as scratch:
        work = Path(scratch)
        home = work / "home"
        home.mkdir()
        env = clean_env(home)
        out = work / "out"
        started = time.monotonic()
        done = run(
            [
                *prefix,
                str(exe),
                "plan",
                str(sample),
                "--out",
                str(out),
                "--seconds",
                str(seconds),
            ],
            env,
            work,
        )
        print(f"plan: exit {done.returncode} in {time.monotonic() - started:.1f} s")
        if not checks.expect(done.returncode == 0, "plan exits 0"):
            print(done.stdout[-2000:], done.stderr[-4000:], sep="\n")
        check_plan_folder(out, checks)
        checked = run([*prefix, str(exe), "check", str(out)], env, work)
        if not checks.expect(checked.returncode == 0, "check passes on the plan"):
            print(checked.stdout[-2000:], checked.stderr[-2000:], sep="\n")
        shot = work / "map.png"
        started = time.monotonic()
        gui = run(
            [
                *prefix,
                str(exe),
                "gui",
                "--plan",
                "--view",
                "map",
                "--screenshot",
                str(shot),
            ],
            env,
            work,
        )
        print(f"gui: exit {gui.returncode} in {time.monotonic() - started:.1f} s")
        if not checks.expect(gui.returncode == 0, "gui --plan --screenshot exits 0"):
            print(gui.stderr[-4000:])
        checks.expect(f"{REPORT} map-loaded True" in gui.stderr, "the map page loaded")
        width, height = png_size(shot)
        checks.expect(width >= 800 and height >= 500, f"screenshot {width}x{height}")
        colours = distinct_colours(shot) if width else 0
        checks.expect(colours > 600, f"screenshot is not blank ({colours} colours)")
        if shot.is_file():
            kept = ROOT / "dist" / "dist-check-map.png"
            shutil.copyfile(shot, kept)
            print(f"screenshot kept in {kept}")
        logs = list(home.rglob("lrplanner.log"))
        for log in logs:
            print(
                "".join(
                    f"  log: {line}\n" for line in log.read_text().splitlines()[-15:]
                )
            )
        checks.expect(bool(logs), "log file in the platform's log folder")
        settings = (
            list((home / ".config").rglob("*.ini")) if sys.platform == "linux" else []
        )
        if sys.platform == "linux":
            checks.expect(bool(settings), "settings in ~/.config/LRPlanner")
        checks.expect(
            not any(home.rglob("*.pyc")), "no Python byte code written into HOME"
        )
    print(
        f"\n{len(checks.failures)} failure(s)"
        + ("" if not checks.failures else ": " + "; ".join(checks.failures))
    )
    return 1 if checks.failures else 0


# --- measuring --------------------------------------------------------------


def _files(folder: Path) -> list[Path]:
    """Every file under ``folder``, not counting symbolic links twice."""
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def folder_size(folder: Path) -> int:
    """Return the bytes of every file under ``folder``."""
    return sum(p.stat().st_size for p in _files(folder))


def largest_parts(bundle: Path, count: int = 8) -> list[tuple[str, int]]:
    """Return the biggest files of the bundle, with their sizes."""
    files = [(p, p.stat().st_size) for p in _files(bundle)]
    files.sort(key=lambda item: -item[1])
    return [(str(p.relative_to(bundle)), size) for p, size in files[:count]]


def drop_caches() -> bool:
    """Empty the page cache (root only) so the next start reads from disk."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def time_to_window(
    command: list[str], env: dict[str, str], cwd: Path
) -> tuple[float, float]:
    """Seconds from starting ``command`` to its window shown, and to the sample
    project shown in it."""
    shot = cwd / "start.png"
    started = time.time()
    done = run([*command, "--screenshot", str(shot)], env, cwd, timeout=120)
    events = {}
    for line in done.stderr.splitlines():
        if line.startswith(f"{REPORT} "):
            _, event, stamp = line.split()
            events[event] = float(stamp) - started
    if "window-shown" not in events or "project-shown" not in events:
        raise RuntimeError(f"no window shown: {done.stderr[-2000:]}")
    return events["window-shown"], events["project-shown"]


def peak_after_plan(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """Peak memory (MB) of the app process after planning the sample."""
    shot = cwd / "plan.png"
    done = run([*command, "--plan", "--screenshot", str(shot)], env, cwd, timeout=300)
    for line in done.stderr.splitlines():
        if line.startswith(f"{REPORT} planned-peak-mb "):
            return float(line.split()[-1])
    raise RuntimeError(f"no plan: {done.stderr[-2000:]}")


def measure(bundle: Path, runs: int, target: Path | None) -> int:
    """Measure size, start-up and memory; print (and write) a Markdown page."""
    exe = executable(bundle)
    source = [str(ROOT / ".venv" / "bin" / "lrplanner"), "gui"]
    rows: list[str] = []
    with tempfile.TemporaryDirectory(prefix="lrplanner-measure-") as scratch:
        work = Path(scratch)
        home = work / "home"
        home.mkdir()
        env = clean_env(home)
        cold = drop_caches()
        app = [str(exe), "gui"]
        first = time_to_window(app, env, work)
        bundle_times = [time_to_window(app, env, work) for _ in range(runs)]
        source_env = {**env, "PATH": f"{ROOT / '.venv' / 'bin'}:{env['PATH']}"}
        source_first = (
            time_to_window(source, source_env, work) if drop_caches() else None
        )
        source_times = [time_to_window(source, source_env, work) for _ in range(runs)]
        bundle_peak = peak_after_plan(app, env, work)
        source_peak = peak_after_plan(source, source_env, work)
    size = folder_size(bundle)

    def pair(times: tuple[float, float] | None) -> str:
        return "n/a" if times is None else f"{times[0]:.2f} s / {times[1]:.2f} s"

    def median_pair(series: list[tuple[float, float]]) -> str:
        shown = statistics.median(t[0] for t in series)
        loaded = statistics.median(t[1] for t in series)
        return f"{shown:.2f} s / {loaded:.2f} s"

    rows.append("| measure | bundle | source (`.venv`) | target |")
    rows.append("|---|---|---|---|")
    rows.append(
        "| first start after emptying the page cache: window shown / sample shown"
        f" | {pair(first)}{'' if cold else ' (cache not emptied)'}"
        f" | {pair(source_first)} | window < 2 s |"
    )
    rows.append(
        f"| start, median of {runs}: window shown / sample shown | "
        f"{median_pair(bundle_times)} | {median_pair(source_times)} | window < 2 s |"
    )
    rows.append(
        f"| peak memory of the app after planning the sample | {bundle_peak:.0f} MB"
        f" | {source_peak:.0f} MB | |"
    )
    rows.append(
        f"| bundle size on disk | {size / 1e6:.0f} MB ({size / 2**20:.0f} MiB, as"
        " du -h and Windows Explorer count) | | < 500 MB |"
    )
    parts = [
        f"| `{name}` | {size_ / 1e6:.1f} MB |" for name, size_ in largest_parts(bundle)
    ]
    page = "\n".join(
        [
            "# Bundle: size, start-up and memory",
            "",
            f"* machine: {platform.system()} {platform.release()},"
            f" {platform.machine()},"
            f" {os.cpu_count()} cores, Python {platform.python_version()}",
            f"* command: `python -m bench.bundle measure {bundle}` (after `make dist`)",
            "* start-up (`gui --screenshot`, offscreen, empty HOME): from starting"
            " the process to the main window drawn, and to the Mekong sample read"
            " and shown in it; the map's web engine starts later, when the Map tab"
            " is first shown",
            "* memory: peak resident set of the app process after `gui --plan`"
            " (the web engine's own processes not counted)",
            "",
            *rows,
            "",
            "Largest files in the bundle:",
            "",
            "| file | size |",
            "|---|---|",
            *parts,
            "",
        ]
    )
    print(page)
    if target is not None:
        target.write_text(page, encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``check BUNDLE`` or ``measure BUNDLE``."""
    parser = argparse.ArgumentParser(prog="python -m bench.bundle")
    parser.add_argument("job", choices=("check", "measure"))
    parser.add_argument("bundle", type=Path, help="the one-folder build")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", type=Path, help="write the measure page here")
    args = parser.parse_args(argv)
    args.bundle = args.bundle.resolve()
    if args.job == "check":
        return check(args.bundle, args.seconds)
    return measure(args.bundle, args.runs, args.write)


if __name__ == "__main__":
    raise SystemExit(main())
