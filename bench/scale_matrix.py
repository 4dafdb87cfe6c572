"""Scale matrix: generated routes of 20-400 candidate sites over 7/14/21 days.

For each size a fresh process (so its peak RSS is its own) builds
``generated(sample("mekong"), SITES, DAYS)`` (jittered Mekong sites, seed 0,
no cap), plans it with ``plan_route(seconds=BUDGET)`` and records the wall
time and the peak RSS. The reference is the best of ``--long-runs`` plans of
``--long-seconds`` each (seeds 0, 1, ..., each in a process of its own). The
issue's targets: wall within budget + 10 %, peak under 1 GB at 400 sites over
21 days, value within 2 % of the long runs' best.

Long runs are kept in ``--references`` (JSON lines: sites, days, seconds,
seed, value, commit), so that a change to the planner re-measures its budget
plans in minutes while the references (best values found, whatever the code)
are run once: only the runs not yet in the file are made, ``--jobs`` at a
time, and each is appended as soon as it ends (an interrupted run resumes).

Usage: ``python -m bench.scale_matrix [--budget 10] [--long-seconds 120]
[--long-runs 5] [--sites 20,50,100,200,400] [--days 7,14,21] [--jobs 1]
[--references FILE] [--out FILE]`` prints (and writes) a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

#: A size's subprocess prints one line starting with this, then its JSON.
MARK = "RESULT "
#: Where long runs are kept unless ``--references`` says otherwise.
REFERENCES = Path(__file__).parent / "results" / "scale_references.jsonl"


def one(sites: int, days: int, budget: float, seed: int) -> None:
    """Plan one size (in its own process) and print its result line."""
    from bench.routes import generated, sample
    from lrplanner.planner.plan import plan_route

    project = generated(sample("mekong"), sites, days)
    started = time.perf_counter()
    outcome = plan_route(project, seconds=budget, seed=seed)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    assert outcome.report.passed, outcome.report.violations
    found = {
        "sites": sites,
        "days": days,
        "seconds": budget,
        "seed": seed,
        "value": outcome.report.indicators.value,
        "visits": outcome.report.indicators.sites_visited,
        "wall": wall,
        "peak_mb": peak,
    }
    print(MARK + json.dumps(found), flush=True)


def measure(sites: int, days: int, seconds: float, seed: int) -> dict[str, object]:
    """Run :func:`one` in a fresh process and return its result."""
    command = [sys.executable, "-m", "bench.scale_matrix", "--one"]
    command += [str(sites), str(days), str(seconds), str(seed)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:  # say why: its output is not shown otherwise
        raise RuntimeError(
            f"{' '.join(command[2:])} failed ({done.returncode}):\n{done.stderr}"
        )
    line = next(x for x in done.stdout.splitlines() if x.startswith(MARK))
    found: dict[str, object] = json.loads(line.removeprefix(MARK))
    return found


def commit() -> str:
    """Return the checkout's short commit (``+`` when it has changes)."""
    here = Path(__file__).parent
    git = ["git", "-C", str(here)]
    head = subprocess.run(
        [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return head + ("+" if dirty else "")


def load(path: Path) -> list[dict[str, object]]:
    """Return the long runs kept in ``path`` (none if it does not exist)."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def references(
    sizes: list[tuple[int, int]], args: argparse.Namespace
) -> dict[tuple[int, int], list[float]]:
    """Return each size's long-run values, running those not yet kept."""
    kept = load(args.references)
    have = {(r["sites"], r["days"], r["seconds"], r["seed"]) for r in kept}
    missing = [
        (sites, days, seed)
        for sites, days in sizes
        for seed in range(args.long_runs)
        if (sites, days, args.long_seconds, seed) not in have
    ]
    missing.sort(key=lambda job: (-job[0], -job[1]))  # the longest first
    version = commit()

    def run(job: tuple[int, int, int]) -> None:
        sites, days, seed = job
        try:
            found = measure(sites, days, args.long_seconds, seed)
        except RuntimeError as exc:  # the other runs go on; this one is missing
            print(f"reference {sites}/{days} seed {seed}: {exc}", file=sys.stderr)
            return
        found["commit"] = version
        with args.references.open("a", encoding="utf-8") as out:
            out.write(json.dumps(found) + "\n")
        print(
            f"reference {sites}/{days} seed {seed}: {found['value']}", file=sys.stderr
        )
        kept.append(found)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(run, missing))
    values: dict[tuple[int, int], list[float]] = {size: [] for size in sizes}
    counted: set[tuple[object, ...]] = set()
    for row in kept:
        size = (int(row["sites"]), int(row["days"]))  # type: ignore[call-overload]
        key = (*size, row["seconds"], row["seed"])
        fits = row["seconds"] == args.long_seconds and int(row["seed"]) < args.long_runs  # type: ignore[call-overload]
        if size in values and fits and key not in counted:  # a run kept twice: once
            counted.add(key)
            values[size].append(float(row["value"]))  # type: ignore[arg-type]
    return values


def table(
    rows: list[dict[str, object]],
    longs: dict[tuple[int, int], list[float]],
    args: argparse.Namespace,
) -> str:
    """Return the Markdown of the measured sizes."""
    lines = [
        f"`python -m bench.scale_matrix --budget {args.budget:g} --long-seconds "
        f"{args.long_seconds:g} --long-runs {args.long_runs} --sites {args.sites} "
        f"--days {args.days}`; {platform.machine()}, Python "
        f"{platform.python_version()}, {time.strftime('%d %b %Y')}, at {commit()} "
        "(the long runs: see their commits in the references file).",
        "",
        f"| sites | days | value at {args.budget:g} s | visits | wall s | "
        f"peak RSS MB | best of {args.long_runs} runs of {args.long_seconds:g} s "
        "| gap |",
        "|---|---|---|---|---|---|---|---|",
    ]
    within = 0
    for row in rows:
        size = (int(row["sites"]), int(row["days"]))  # type: ignore[call-overload]
        value = float(row["value"])  # type: ignore[arg-type]
        best = max([value, *longs[size]])
        gap = 100 * (best - value) / best if best else 0.0
        within += gap <= 2.0
        runs = len(longs[size])
        plural = "s" if runs != 1 else ""
        fewer = f" ({runs} run{plural})" if runs < args.long_runs else ""
        lines.append(
            f"| {size[0]} | {size[1]} | {value:.1f} | {row['visits']} | "
            f"{float(row['wall']):.1f} | {row['peak_mb']} | "  # type: ignore[arg-type]
            f"{max(longs[size], default=0.0):.1f}{fewer} | {gap:.1f} % |"
        )
    lines += ["", f"Within 2 % of the reference: {within} of {len(rows)} sizes."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=10.0)
    parser.add_argument("--long-seconds", type=float, default=120.0)
    parser.add_argument("--long-runs", type=int, default=5)
    parser.add_argument("--sites", default="20,50,100,200,400")
    parser.add_argument("--days", default="7,14,21")
    parser.add_argument("--jobs", type=int, default=1, help="long runs at a time")
    parser.add_argument("--references", type=Path, default=REFERENCES)
    parser.add_argument(
        "--references-only", action="store_true", help="make the long runs only"
    )
    parser.add_argument("--out", type=Path)
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        sites, days, seconds, seed = args.one
        one(int(sites), int(days), float(seconds), int(seed))
        return
    sizes = [
        (int(sites), int(days))
        for sites in args.sites.split(",")
        for days in args.days.split(",")
    ]
    longs = references(sizes, args)
    if args.references_only:
        return
    rows = []
    for sites, days in sizes:
        rows.append(measure(sites, days, args.budget, 0))
        print(f"{sites} sites, {days} days: {rows[-1]}", file=sys.stderr)
    text = table(rows, longs, args)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
