"""How the engine scales: generated instances of 20 to 400 nodes.

``python -m bench.scaling`` solves one generated TOPTW-style instance per
size (random points, one time window each, scores 1-25, m tours), each run in
a fresh process so its peak memory is its own, and writes
``docs/benchmarks-scaling.md``: time to the first plan, score at the short
budget with one and two workers, the score of a longer run as reference, and
peak memory (the main process plus its helpers). Every plan is re-simulated
from the travel matrix by :func:`check` (not by the solver's own schedule).

``python -m bench.scaling one N --seconds S --workers W`` runs one case and
prints its JSON line.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import random
import resource
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from lrplanner.solver.params import SolveParams
from lrplanner.solver.problem import ProblemData, Site, TimeWindow, Tour
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import MaxRuntime

if TYPE_CHECKING:
    from lrplanner.solver.result import Result

SIZES = (20, 50, 100, 200, 400)
HORIZON = 1000


def generated(n: int, seed: int = 0) -> ProblemData:
    """Return ``n`` sites around a central depot, ``max(1, n // 50)`` tours.

    Like Cordeau's TOPTW files: coordinates in [-100, 100], service 5-25,
    one window per site of 100-400 time units inside a horizon of 1000,
    Euclidean travel rounded up.
    """
    rng = random.Random(seed)
    points = [(0.0, 0.0)] + [
        (rng.uniform(-100, 100), rng.uniform(-100, 100)) for _ in range(n)
    ]
    travel = tuple(tuple(math.ceil(math.dist(a, b)) for b in points) for a in points)
    sites = []
    for i in range(n):
        width = rng.randint(100, 400)
        opens = rng.randint(0, HORIZON - width)
        sites.append(
            Site(
                location=i + 1,
                score=rng.randint(1, 25),
                service=rng.randint(5, 25),
                windows=(TimeWindow(open=opens, close=opens + width),),
                name=f"n{i + 1}",
            )
        )
    tours = tuple(
        Tour(start=0, end=0, earliest_start=0, latest_end=HORIZON)
        for _ in range(max(1, n // 50))
    )
    return ProblemData(travel=travel, sites=tuple(sites), tours=tours)


def check(data: ProblemData, res: Result) -> list[str]:
    """Re-simulate every tour from the matrix; return what is wrong."""
    problems: list[str] = []
    seen: set[int] = set()
    for d, tour in enumerate(res.tours):
        t, loc = tour.departure, tour.start_location
        for v in tour.visits:
            site = data.sites[v.site]
            if v.site in seen:
                problems.append(f"site {v.site} visited twice")
            seen.add(v.site)
            arrive = t + data.travel[loc][site.location]
            window = site.windows[0]
            if not (max(arrive, window.open) <= v.start <= window.close):
                problems.append(f"tour {d}: visit {v.site} starts at {v.start}")
            t = v.start + site.service
            loc = site.location
        if t + data.travel[loc][tour.end_location] > data.tours[d].latest_end:
            problems.append(f"tour {d} ends late")
    if sum(data.sites[s].score for s in seen) != res.score:
        problems.append("reported score differs from the visited sites")
    return problems


def one(n: int, seconds: float, workers: int) -> dict[str, object]:
    """Solve the size-``n`` instance; return its numbers."""
    data = generated(n)
    first: list[float] = []
    started = time.perf_counter()

    def progress(p: object) -> None:
        if not first and getattr(p, "best_score", 0) > 0:
            first.append(time.perf_counter() - started)

    res = solve(
        data,
        MaxRuntime(seconds),
        params=SolveParams(workers=workers),
        on_progress=progress,
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "n": n,
        "tours": len(data.tours),
        "workers": workers,
        "seconds": seconds,
        "score": res.score,
        "first": round(first[0], 2) if first else None,
        "runtime": round(res.runtime, 2),
        "peak_mb": round(peak / 1024),
        "helper_peak_mb": round(helpers / 1024) if workers > 1 else 0,
        "problems": check(data, res),
    }


def _run(n: int, seconds: float, workers: int) -> dict[str, object]:
    cmd = [sys.executable, "-m", "bench.scaling", "one", str(n)]
    cmd += ["--seconds", str(seconds), "--workers", str(workers)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    row: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    print(json.dumps(row), flush=True)
    return row


def page(rows: list[dict[str, object]], short: float, long: float) -> str:
    """The markdown page for the rows of :func:`main`."""
    by = {(r["n"], r["workers"], r["seconds"]): r for r in rows}
    lines = [
        "# Engine scaling: 20 to 400 nodes",
        "",
        "Generated by `python -m bench.scaling` (`bench/scaling.py`): one generated",
        "TOPTW-style instance per size (random points in a 200 x 200 square, one",
        "window each, scores 1-25, one tour per 50 nodes), each run in a fresh",
        "process, every plan re-simulated from the matrix.",
        "",
        f"* machine: {platform.system()} {platform.release()}, "
        f"{platform.machine()}, Python {platform.python_version()}, "
        f"pyvrp {version('pyvrp')}",
        f"* budgets: {short:g} s (one and two workers), {long:g} s (two workers) "
        "as the reference",
        "",
        f"| nodes | tours | first plan s | score {short:g} s, 1 worker "
        f"| score {short:g} s, 2 workers | score {long:g} s | gap of 2 workers "
        f"at {short:g} s to {long:g} s % | peak MB (main + helper) | checked |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n in SIZES:
        a, b, c = by[(n, 1, short)], by[(n, 2, short)], by[(n, 2, long)]
        ref = max(int(str(c["score"])), int(str(b["score"])))
        gap = 100 * (ref - int(str(b["score"]))) / ref if ref else 0.0
        ok = not any(r["problems"] for r in (a, b, c))
        lines.append(
            f"| {n} | {a['tours']} | {a['first']} | {a['score']} | {b['score']} "
            f"| {c['score']} | {gap:.2f} | {b['peak_mb']} + {b['helper_peak_mb']} "
            f"| {'ok' if ok else 'FAILED'} |"
        )
    lines += [
        "",
        "First plan: the first progress report with a score above 0, from the",
        "call to `solve` (one worker). Peak MB: maximum resident set of the main",
        "process and of its helper (two workers, short budget).",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run every size, or one (``one N``)."""
    p = argparse.ArgumentParser(prog="python -m bench.scaling")
    p.add_argument("what", nargs="?", default="all", choices=("all", "one"))
    p.add_argument("n", nargs="?", type=int)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--long", type=float, default=60.0)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--out", type=Path, default=Path("docs/benchmarks-scaling.md"))
    args = p.parse_args(argv)
    if args.what == "one":
        print(json.dumps(one(args.n, args.seconds, args.workers)))
        return 0
    rows = []
    for n in SIZES:
        rows.append(_run(n, args.seconds, 1))
        rows.append(_run(n, args.seconds, 2))
        rows.append(_run(n, args.long, 2))
    args.out.write_text(page(rows, args.seconds, args.long))
    return 1 if any(r["problems"] for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
