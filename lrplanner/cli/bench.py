"""Benchmark command line: ``python -m lrplanner.cli.bench KIND INSTANCE ...``.

``KIND`` is ``toptw``, ``ophs`` or ``mctopmtw``. Prints one JSON line per run,
for example::

    python -m lrplanner.cli.bench toptw \\
        shared/bench/toptw/solomon100/c101.txt --tours 2 --seconds 10
    python -m lrplanner.cli.bench ophs \\
        shared/bench/ophs/SET1/T1-65-1-2.ophs --seconds 10
    python -m lrplanner.cli.bench mctopmtw \\
        shared/bench/mctopmtw/Solomon/MCTOPMTW-2-c101.txt --seconds 10

TOPTW and MCTOPMTW print ``routes`` (vertex numbers, depot excluded), OPHS
prints ``trips`` (0-based vertex ids, each trip from hotel to hotel).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from lrplanner.solver import hgs
from lrplanner.solver.mctopmtw import read_mctopmtw
from lrplanner.solver.ophs import read_ophs
from lrplanner.solver.parallel import default_workers
from lrplanner.solver.params import SolveParams
from lrplanner.solver.reasons import eligible_sites
from lrplanner.solver.schedule import time_plan
from lrplanner.solver.solve import solve
from lrplanner.solver.stop import MaxRuntime
from lrplanner.solver.toptw import read_toptw

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lrplanner.solver.problem import ProblemData
    from lrplanner.solver.result import Result


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m lrplanner.cli.bench")
    sub = parser.add_subparsers(dest="kind", required=True)
    for kind in ("toptw", "ophs", "mctopmtw"):
        p = sub.add_parser(kind)
        p.add_argument("instance", type=Path)
        p.add_argument("--seconds", type=float, default=10.0)
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("--params", type=Path, help="TOML file with a [solver] table")
        p.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes searching at once (default: 2 on a machine with 2 "
            "or more cores, else 1)",
        )
        if kind == "toptw":
            p.add_argument("--tours", type=int, required=True)
            p.add_argument(
                "--plain",
                action="store_true",
                help="baseline: one plain PyVRP run, none of our search around it",
            )
        else:
            p.add_argument("--tol", type=float, default=1e-4)
    return parser


def _toptw(args: argparse.Namespace, params: SolveParams) -> dict[str, object]:
    data = read_toptw(args.instance, args.tours)
    if args.plain:
        return _plain_toptw(args, data)
    res = solve(data, MaxRuntime(args.seconds), params=params, seed=args.seed)
    routes = [[data.sites[s].location for s in t.sites] for t in res.tours]
    return {
        "instance": args.instance.stem,
        "tours": args.tours,
        "score": res.score,
        "routes": routes,
        **_common(res),
    }


def _ophs(args: argparse.Namespace, params: SolveParams) -> dict[str, object]:
    data = read_ophs(args.instance, tol=args.tol)
    res = solve(data, MaxRuntime(args.seconds), params=params, seed=args.seed)
    trips = [
        [t.start_location, *(data.sites[s].location for s in t.sites), t.end_location]
        for t in res.tours
    ]
    return {
        "instance": args.instance.stem,
        "score": res.score,
        "trips": trips,
        **_common(res),
    }


def _mctopmtw(args: argparse.Namespace, params: SolveParams) -> dict[str, object]:
    data = read_mctopmtw(args.instance)
    res = solve(data, MaxRuntime(args.seconds), params=params, seed=args.seed)
    routes = [[data.sites[s].location + 1 for s in t.sites] for t in res.tours]
    return {
        "instance": args.instance.stem,
        "tours": len(data.tours),
        "score": res.score,
        "routes": routes,
        **_common(res),
    }


def _plain_toptw(args: argparse.Namespace, data: ProblemData) -> dict[str, object]:
    """The plain PyVRP baseline: one run on our encoding for the whole time.

    Each site is an optional client with prize = score x a factor larger
    than any route; no segments, restarts, repair or own neighbourhoods.
    """
    started = time.perf_counter()
    eligible = eligible_sites(data)
    enc = hgs.encode(data, eligible, [s.score for s in data.sites])
    clock = MaxRuntime(args.seconds)
    plan = hgs.run(enc, data, lambda _cost: clock(0), args.seed, None)
    feasible = plan is not None and time_plan(data, plan) is not None
    routes = plan.routes if plan is not None and feasible else [[] for _ in data.tours]
    return {
        "instance": args.instance.stem,
        "tours": args.tours,
        "score": sum(data.sites[s].score for r in routes for s in r),
        "routes": [[data.sites[s].location for s in r] for r in routes],
        "seconds": round(time.perf_counter() - started, 2),
        "status": "feasible" if feasible else "infeasible",
        "segments": 1,
    }


def _common(res: Result) -> dict[str, object]:
    return {
        "seconds": round(res.runtime, 2),
        "status": res.status,
        "segments": res.segments,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run one benchmark case and print its JSON line.

    Parameters
    ----------
    argv
        Arguments without the program name; defaults to ``sys.argv[1:]``.

    Returns
    -------
    int
        Exit code (0).
    """
    args = _parser().parse_args(argv)
    params = SolveParams.from_toml(args.params) if args.params else SolveParams()
    workers = args.workers if args.workers is not None else default_workers()
    params = replace(params, workers=workers)
    runners = {"toptw": _toptw, "ophs": _ophs, "mctopmtw": _mctopmtw}
    out = runners[args.kind](args, params)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
