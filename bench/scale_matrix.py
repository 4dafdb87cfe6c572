"""Scale matrix: generated routes of 20-400 candidate sites over 7/14/21 days.

For each size a fresh process (so its peak RSS is its own) builds
``generated(sample("mekong"), SITES, DAYS)`` (jittered Mekong sites, seed 0,
no cap), plans it with ``plan_route(seconds=BUDGET)``, records the wall time
and the peak RSS, then plans it ``--long-runs`` times for ``--long-seconds``
(seeds 0, 1, ...) and reports the budget plan's value against the best of
the long runs. The issue's targets: wall within budget + 10 %, peak under
1 GB at 400 sites over 21 days, value within 2 % of the long runs' best.

Usage: ``python -m bench.scale_matrix [--budget 10] [--long-seconds 120]
[--long-runs 5] [--sites 20,50,100,200,400] [--days 7,14,21] [--out FILE]``
prints (and writes) a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

#: A size's subprocess prints one line starting with this, then its JSON.
MARK = "RESULT "


def one(sites: int, days: int, budget: float, long_seconds: float, runs: int) -> None:
    """Measure one size (in its own process) and print its result line."""
    from bench.routes import generated, sample
    from lrplanner.planner.plan import plan_route

    project = generated(sample("mekong"), sites, days)
    started = time.perf_counter()
    outcome = plan_route(project, seconds=budget, seed=0)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    assert outcome.report.passed, outcome.report.violations
    longs = []
    for seed in range(runs):
        run = plan_route(project, seconds=long_seconds, seed=seed)
        assert run.report.passed, run.report.violations
        longs.append(run.report.indicators.value)
    found = {
        "sites": sites,
        "days": days,
        "value": outcome.report.indicators.value,
        "visits": outcome.report.indicators.sites_visited,
        "wall": wall,
        "peak_mb": peak,
        "long": longs,
    }
    print(MARK + json.dumps(found), flush=True)


def table(rows: list[dict[str, object]], args: argparse.Namespace) -> str:
    """Return the Markdown of the measured sizes."""
    lines = [
        f"`python -m bench.scale_matrix --budget {args.budget:g} --long-seconds "
        f"{args.long_seconds:g} --long-runs {args.long_runs} --sites {args.sites} "
        f"--days {args.days}`; {platform.machine()}, Python "
        f"{platform.python_version()}, {time.strftime('%d %b %Y')}.",
        "",
        f"| sites | days | value at {args.budget:g} s | visits | wall s | "
        f"peak RSS MB | best of {args.long_runs} runs of {args.long_seconds:g} s "
        "| gap |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        longs = [float(v) for v in row["long"]]  # type: ignore[attr-defined]
        value = float(row["value"])  # type: ignore[arg-type]
        best = max([value, *longs])
        gap = 100 * (best - value) / best if best else 0.0
        lines.append(
            f"| {row['sites']} | {row['days']} | {value:.1f} | {row['visits']} | "
            f"{float(row['wall']):.1f} | {row['peak_mb']} | "  # type: ignore[arg-type]
            f"{max(longs, default=0.0):.1f} | {gap:.1f} % |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=10.0)
    parser.add_argument("--long-seconds", type=float, default=120.0)
    parser.add_argument("--long-runs", type=int, default=5)
    parser.add_argument("--sites", default="20,50,100,200,400")
    parser.add_argument("--days", default="7,14,21")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--one", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        sites, days = args.one
        one(sites, days, args.budget, args.long_seconds, args.long_runs)
        return
    rows = []
    for sites in (int(s) for s in args.sites.split(",")):
        for days in (int(d) for d in args.days.split(",")):
            command = [
                sys.executable,
                "-m",
                "bench.scale_matrix",
                "--one",
                str(sites),
                str(days),
                "--budget",
                str(args.budget),
                "--long-seconds",
                str(args.long_seconds),
                "--long-runs",
                str(args.long_runs),
            ]
            done = subprocess.run(
                command, capture_output=True, text=True, check=True
            ).stdout
            line = next(x for x in done.splitlines() if x.startswith(MARK))
            rows.append(json.loads(line.removeprefix(MARK)))
            print(f"{sites} sites, {days} days: {rows[-1]}", file=sys.stderr)
    text = table(rows, args)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
