"""Run the benchmark subset and write docs/benchmarks.md.

Default (about 30 minutes on 2 cores): 8 TOPTW instances x m = 1..4, 15
OPHS instances with known optima and 6 MCTOPMTW files, 10 s per run, 3 runs
(seeds 0, 1, 2), one run at a time. Examples::

    python -m bench.run_all                                  # default subset
    python -m bench.run_all --toptw all --ophs all --runs 1  # everything
    python -m bench.run_all --toptw c101,pr01 --ophs none --seconds 5
    python -m bench.run_all --report-only                    # rebuild the page
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.cases import (
    MCTOPMTW_DEFAULT,
    OPHS_DEFAULT,
    SHARED,
    TOPTW_DEFAULT,
    Case,
    mctopmtw_cases,
    ophs_cases,
    toptw_cases,
)
from bench.report import Baseline, baseline_scores, machine, write_report
from bench.verify import check_mctopmtw, check_ophs, check_toptw
from lrplanner.solver.parallel import default_workers


def _names(arg: str, default: tuple[str, ...]) -> tuple[str, ...] | None:
    if arg == "default":
        return default
    if arg == "all":
        return None
    return () if arg == "none" else tuple(arg.split(","))


def _cases(args: argparse.Namespace) -> list[Case]:
    cases: list[Case] = []
    toptw = _names(args.toptw, TOPTW_DEFAULT)
    if toptw != ():
        cases += toptw_cases(SHARED / "toptw", toptw)
    ophs = _names(args.ophs, OPHS_DEFAULT)
    if ophs != ():
        cases += ophs_cases(SHARED / "ophs", ophs)
    multi = _names(args.mctopmtw, MCTOPMTW_DEFAULT)
    if multi != ():
        cases += mctopmtw_cases(SHARED / "mctopmtw", multi)
    return cases


def _command(
    case: Case,
    seconds: float,
    seed: int,
    params: Path | None,
    workers: int | None,
    plain: bool = False,
) -> list[str]:
    cmd = [
        sys.executable,
        "-m",
        "lrplanner.cli.bench",
        case.family,
        str(case.path),
        "--seconds",
        str(seconds),
        "--seed",
        str(seed),
    ]
    if case.family == "toptw":
        cmd += ["--tours", str(case.tours)] + (["--plain"] if plain else [])
    cmd += ["--workers", str(workers)] if workers else []
    return cmd + (["--params", str(params)] if params else [])


def run_case(
    case: Case,
    seconds: float,
    seed: int,
    params: Path | None,
    workers: int | None = None,
    plain: bool = False,
) -> dict[str, object]:
    """Run one case in a fresh process and verify its answer independently."""
    out = subprocess.run(
        _command(case, seconds, seed, params, workers, plain),
        capture_output=True,
        text=True,
        check=True,
    )
    answer = json.loads(out.stdout.strip().splitlines()[-1])
    if case.family == "toptw":
        score, problems = check_toptw(case.path, case.tours, answer["routes"])
    elif case.family == "mctopmtw":
        score, problems = check_mctopmtw(case.path, answer["routes"])
    else:
        score, problems = check_ophs(case.path, answer["trips"])
    if score != answer["score"]:
        problems.append(f"reported score {answer['score']} != recomputed {score}")
    return {
        "family": case.family,
        "name": case.name,
        "tours": case.tours,
        "seed": seed,
        "score": answer["score"],
        "seconds": answer["seconds"],
        "problems": problems,
    }


def _rows(path: Path) -> list[dict[str, object]]:
    """The raw results in ``path`` (one JSON object per line)."""
    return [json.loads(ln) for ln in path.read_text().splitlines() if ln]


def _baseline(path: Path | None) -> tuple[Baseline, str]:
    """The baseline's median scores and how the page names it."""
    if path is None:
        return {}, ""
    rows = _rows(path)
    cmd_file = path.with_suffix(".cmd")
    cmd = cmd_file.read_text().strip() if cmd_file.exists() else ""
    kind = "plain PyVRP" if "--plain" in cmd.split() else "baseline"
    how = f" (`{cmd}`)" if cmd else f" (`{path}`)"
    return baseline_scores(rows), f"{kind} run alongside{how}"


def main() -> int:
    """Parse arguments, run the cases, write the raw results and the report."""
    p = argparse.ArgumentParser(prog="python -m bench.run_all")
    p.add_argument("--toptw", default="default", help="default | all | none | a,b,c")
    p.add_argument("--ophs", default="default", help="default | all | none | a,b,c")
    p.add_argument("--mctopmtw", default="default", help="default | all | none | a,b")
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--params", type=Path, default=None)
    p.add_argument("--raw", type=Path, default=Path("bench/results/results.jsonl"))
    p.add_argument("--out", type=Path, default=Path("docs/benchmarks.md"))
    p.add_argument("--report-only", action="store_true")
    p.add_argument(
        "--plain",
        action="store_true",
        help="TOPTW: the plain PyVRP baseline instead of our engine",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes per run (default: 2 on 2 or more cores)",
    )
    p.add_argument(
        "--jobs", type=int, default=1, help="cases run at the same time (default 1)"
    )
    p.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="raw results of a baseline run made alongside (e.g. a --plain run); "
        "the page compares with them; its .cmd file names the command",
    )
    args = p.parse_args()
    if args.baseline is not None and not args.baseline.is_file():
        p.error(f"--baseline {args.baseline}: no such file (run the --plain one first)")
    cases = _cases(args)
    if not args.report_only:
        args.raw.parent.mkdir(parents=True, exist_ok=True)
        jobs = [(case, seed) for case in cases for seed in range(args.runs)]
        with (
            args.raw.open("w") as fh,
            ThreadPoolExecutor(max(1, args.jobs)) as pool,
        ):
            rows_iter = pool.map(
                lambda cs: run_case(
                    cs[0], args.seconds, cs[1], args.params, args.workers, args.plain
                ),
                jobs,
            )
            for row in rows_iter:
                print(json.dumps(row), flush=True)
                fh.write(json.dumps(row) + "\n")
                fh.flush()
    cmd_file = args.raw.with_suffix(".cmd")
    machine_file = args.raw.with_suffix(".machine")
    if not args.report_only:
        cmd_file.write_text(" ".join(["python -m bench.run_all", *sys.argv[1:]]))
        machine_file.write_text(machine())
    # a rebuilt page names the machine the runs were made on, not this one
    ran_on = machine_file.read_text().strip() if machine_file.exists() else None
    command = cmd_file.read_text() if cmd_file.exists() else "python -m bench.run_all"
    rows = _rows(args.raw)
    workers = args.workers if args.workers is not None else default_workers()
    workers = 1 if args.plain else workers  # plain PyVRP is one process
    baseline, label = _baseline(args.baseline)
    write_report(
        args.out,
        cases,
        rows,
        command,
        args.seconds,
        args.jobs,
        workers,
        baseline=baseline,
        baseline_label=label,
        machine_line=ran_on,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
