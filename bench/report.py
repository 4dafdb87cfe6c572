"""Markdown report of benchmark results."""

from __future__ import annotations

import csv
import os
import platform
import statistics
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from bench.cases import SHARED

if TYPE_CHECKING:
    from pathlib import Path

    from bench.cases import Case

HEADER = (
    "| case | scores (seeds 0..) | median | best known | gap % | plain PyVRP "
    "| its gap % | OR-Tools | its gap % | checked |"
)

NOTES = """## Method in one paragraph

`lrplanner.solver.solve` runs PyVRP 0.14's iterated local search in segments
(new seed each; every second segment starts from scratch, the others from the
best plan; a segment ends after 4000 iterations without improvement), then our
own repair / insert / replace / drop-and-insert / hotel moves on the true
objective. Sites are optional PyVRP clients with prize = score x a factor
larger than any route length; several windows = a mutually exclusive client
group. Chained days (OPHS) are searched in two models: (1) a **hotel-sequence
portfolio** (`lrplanner/solver/sequences.py`): hotel sequences are ranked by a
greedy fill of a relaxed model (all sequences when there are at most 250,
otherwise a beam search over the nights), the best 8 are screened with short
PyVRP runs on the fixed-hotel model (each day = one vehicle from its night's
hotel to the next, i.e. a team orienteering problem with distinct start and
end depots) and the best 4 screened get longer runs; later rounds re-run the
best plan's sequence and screen further ranked sequences; (2) every second
round, the one-route model with free hotels (one PyVRP route with a required
group of "hotel-night" clients per night) plus the hotel-run moves, so hotel
sequences outside the ranked pool can still be found. With `--workers 2`
(the default on a machine with 2 or more cores) a second process runs the
same search with another seed and sends every plan that beats its own best to
the main search, which adopts it when it beats the main best and continues
from it (`lrplanner/solver/parallel.py`). "plain PyVRP" below is one PyVRP
run on the one-route model without our segments and neighbourhoods.

## Notes

* **Best known** = max(published BKS, plain PyVRP baseline) for TOPTW (see
  `shared/bench/toptw/README.md`; several BKS rows are only a heuristic's best, so
  gaps against them are optimistic) and the proven optimum from `bks.csv` for OPHS
  (strict tolerance 1e-4: our reader adds 1e-4 to every limit and rounds every edge
  up, so every plan is feasible under the checker's default). For MCTOPMTW it is
  the `benchmark` column of `shared/bench/mctopmtw/benchmark.csv` (KU Leuven sheet).
* **Plain PyVRP** and **OR-Tools** columns are the shared baseline csv files
  (10 s per case, measured earlier by someone else, two cases at a time on a
  2-core machine), not re-run here. The line "plain PyVRP run alongside"
  under a table is our own plain PyVRP run (`--plain`, one PyVRP run on our
  encoding, one process) made on the same machine the same day
  (`make bench` runs it first and passes it with `--baseline`): the fair
  comparison, since this machine's speed varies between days.
* **gap %** is computed from the median over the seeds.
* Distances: TOPTW Euclidean truncated to 1 (Solomon) / 2 (Cordeau) decimals,
  scaled to integers (exact), also for MCTOPMTW; OPHS exact Euclidean scaled by
  10^6, rounded up.
* Negative gaps: our plan beats the best known value.
* A run may overshoot its limit by the last search step (a PyVRP run polls
  the stop every iteration, our own neighbourhoods only between rounds); the
  longest measured solver time is given under each table ("seconds").
* Weak spots: large Cordeau TOPTW files (pr16: 2-6 % gaps, like plain PyVRP)
  and MCTOPMTW (the budget and the type caps are shared by all tours, which
  PyVRP cannot express; we let every tour spend the whole budget and repair
  afterwards, which loses several percent).

## How to run

```
make bench                                              # this page, default subset
python -m bench.run_all --toptw all --ophs all --mctopmtw all --runs 1  # everything
python -m bench.run_all --toptw c101,pr01 --ophs none --seconds 5 --runs 1
python -m bench.run_all --toptw c101 --ophs none --workers 1   # one process
python -m bench.run_all --report-only        # rebuild from bench/results/results.jsonl
python -m bench.run_all --toptw default --ophs none --mctopmtw none --runs 1 \
    --plain --jobs 2 --raw bench/results/toptw_plain.jsonl   # plain PyVRP, same day
python -m bench.run_all --baseline bench/results/toptw_plain.jsonl  # compare with it
python -m bench.run_all --toptw none --ophs all --mctopmtw none --runs 1 --jobs 2 \
    --raw bench/results/ophs_all.jsonl --out docs/benchmarks-ophs-all.md  # 2 at a time
python -m lrplanner.cli.bench toptw $T/cordeau/pr01.txt --tours 2 --seconds 10
python -m lrplanner.cli.bench ophs $O/SET1/T1-65-1-2.ophs --seconds 10
```

(`$T` = `/work/shared/bench/toptw`, `$O` = `/work/shared/bench/ophs`.)
The full set at 10 s and one run (304 TOPTW + 209 OPHS with a known optimum +
148 MCTOPMTW cases) takes about 661 x 11 s = 2 hours.
"""


@dataclass
class _Gaps:
    ours: list[float] = field(default_factory=list)
    best_run: list[float] = field(default_factory=list)
    pyvrp: list[float] = field(default_factory=list)
    ortools: list[float] = field(default_factory=list)
    ours_on_ortools: list[float] = field(default_factory=list)
    grils: list[float] = field(default_factory=list)
    vs_pyvrp: list[int] = field(default_factory=list)  # -1 worse, 0 equal, 1 better
    same_day: list[float] = field(default_factory=list)  # baseline run's gaps
    ours_on_same_day: list[float] = field(default_factory=list)
    vs_same_day: list[int] = field(default_factory=list)
    lower_than_same_day: list[str] = field(default_factory=list)
    infeasible: int = 0


def _gap(score: float | None, best: int | None) -> float | None:
    if score is None or not best:
        return None
    return 100.0 * (best - score) / best


def _fmt(x: float | None, digits: int = 2) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def _mean(xs: list[float]) -> str:
    return _fmt(statistics.mean(xs)) if xs else "n/a"


def machine() -> str:
    """This machine, the Python and the solver libraries, in one line."""
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, pyvrp {version('pyvrp')}, "
        f"ortools {_version_or_none('ortools')}"
    )


def _version_or_none(package: str) -> str:
    """Return an installed package's version, or 'not installed'."""
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


#: Baseline scores measured alongside: (family, name, tours) -> median score.
Baseline = dict[tuple[str, str, int], float]


def baseline_scores(rows: list[dict[str, object]]) -> Baseline:
    """Median score per case of a baseline run's raw rows (e.g. ``--plain``)."""
    runs: dict[tuple[str, str, int], list[float]] = {}
    for r in rows:
        key = (str(r["family"]), str(r["name"]), int(str(r["tours"])))
        runs.setdefault(key, []).append(float(str(r["score"])))
    return {key: statistics.median(scores) for key, scores in runs.items()}


def _row(
    case: Case, runs: list[dict[str, object]], gaps: _Gaps, baseline: Baseline
) -> str:
    scores = [float(str(r["score"])) for r in runs]
    med = statistics.median(scores)
    ok = all(not r["problems"] for r in runs)
    gaps.infeasible += 0 if ok else 1
    g = _gap(med, case.best_known)
    other = baseline.get((case.family, case.name, case.tours))
    g_other = _gap(other, case.best_known)
    if other is not None and g_other is not None and g is not None:
        gaps.same_day.append(g_other)
        gaps.ours_on_same_day.append(g)
        gaps.vs_same_day.append((med > other) - (med < other))
        if med < other:
            gaps.lower_than_same_day.append(f"{case.label} ({med:g} < {other:g})")
    gp, go = _gap(case.pyvrp, case.best_known), _gap(case.ortools, case.best_known)
    if g is not None:
        gaps.ours.append(g)
        gaps.best_run.append(_gap(max(scores), case.best_known) or 0.0)
    if gp is not None and case.pyvrp is not None:
        gaps.pyvrp.append(gp)
        gaps.vs_pyvrp.append((med > case.pyvrp) - (med < case.pyvrp))
    if case.grils_average is not None:
        gaps.grils.append(_gap(case.grils_average, case.best_known) or 0.0)
    if go is not None and g is not None:
        gaps.ortools.append(go)
        gaps.ours_on_ortools.append(g)
    return (
        f"| {case.label} | {' '.join(str(int(s)) for s in scores)} | {med:g} | "
        f"{case.best_known or ''} | {_fmt(g)} | {case.pyvrp or ''} | {_fmt(gp)} | "
        f"{case.ortools or ''} | {_fmt(go)} | {'ok' if ok else 'INFEASIBLE'} |"
    )


def _section(
    title: str,
    cases: list[Case],
    rows: list[dict[str, object]],
    baseline: Baseline,
    baseline_label: str,
) -> list[str]:
    gaps = _Gaps()
    mine = [r for r in rows if r["family"] == (cases[0].family if cases else "")]
    longest = max((float(str(r["seconds"])) for r in mine), default=0.0)
    lines = [HEADER, "|---|---|---|---|---|---|---|---|---|---|"]
    for case in cases:
        runs = [
            r
            for r in rows
            if (r["family"], r["name"], r["tours"])
            == (case.family, case.name, case.tours)
        ]
        if runs:
            lines.append(_row(case, runs, gaps, baseline))
    extra = [f"* longest solver time (seconds): {longest:.2f}"]
    if cases and cases[0].family == "ophs":
        extra += _ophs_breakdown(cases, rows)
    summary = _summary(gaps) + _same_day(gaps, baseline_label)
    return [f"## {title}", "", *lines, "", *summary, *extra, ""]


def _ophs_breakdown(cases: list[Case], rows: list[dict[str, object]]) -> list[str]:
    """Mean gap by set and by whether a tour reaching the optimum is known at
    the strict tolerance (``bks_evidence.csv`` of the shared folder)."""
    evidence = SHARED / "ophs" / "bks_evidence.csv"
    if not evidence.exists():
        return []
    with evidence.open(newline="") as fh:
        info = {r["instance"]: r for r in csv.DictReader(fh)}
    groups: dict[str, list[float]] = {}
    reached = 0
    for case in cases:
        runs = [r for r in rows if (r["family"], r["name"]) == ("ophs", case.name)]
        if not runs or case.best_known is None or case.name not in info:
            continue
        med = statistics.median(float(str(r["score"])) for r in runs)
        gap = _gap(med, case.best_known) or 0.0
        reached += med >= case.best_known
        row = info[case.name]
        strict = "ok@1e-4" in (row["published_solution"], row["resplit_solution"])
        kind = (
            "optimum reachable at tol 1e-4 (a checked tour exists)"
            if strict
            else "no tour known at tol 1e-4 (Td defect, see the folder README)"
        )
        for key in (row["set"], kind):
            groups.setdefault(key, []).append(gap)
    out = [f"* optimum reached: {reached} cases"]
    for key in sorted(groups):
        gaps = groups[key]
        out.append(f"* {key}: {_mean(gaps)} % over {len(gaps)} cases")
    return out


def _summary(gaps: _Gaps) -> list[str]:
    out = [
        f"* mean gap of the median: **{_mean(gaps.ours)} %** over {len(gaps.ours)} "
        f"cases (best of the seeds: {_mean(gaps.best_run)} %)",
        f"* plans failing the independent check: {gaps.infeasible}",
    ]
    if gaps.pyvrp:
        better, worse = gaps.vs_pyvrp.count(1), gaps.vs_pyvrp.count(-1)
        out.append(
            f"* plain PyVRP baseline on the same cases: {_mean(gaps.pyvrp)} %; "
            f"our median is higher on {better}, equal on "
            f"{len(gaps.vs_pyvrp) - better - worse}, lower on {worse}"
        )
    if gaps.grils:
        out.append(
            f"* GRILS heuristic (Souffriau et al. 2013) average run on the same "
            f"cases: {_mean(gaps.grils)} % (from `benchmark.csv`)"
        )
    if gaps.ortools:
        out.append(
            f"* OR-Tools baseline on the {len(gaps.ortools)} cases it covers: "
            f"{_mean(gaps.ortools)} % (ours on those: {_mean(gaps.ours_on_ortools)} %)"
        )
    return out


def _same_day(gaps: _Gaps, label: str) -> list[str]:
    """Lines comparing the median with a baseline run alongside (if any)."""
    if not gaps.same_day:
        return []
    better, worse = gaps.vs_same_day.count(1), gaps.vs_same_day.count(-1)
    out = [
        f"* {label} on {len(gaps.same_day)} of these cases: "
        f"{_mean(gaps.same_day)} % (ours on those: {_mean(gaps.ours_on_same_day)} "
        f"%); our median is higher on {better}, equal on "
        f"{len(gaps.vs_same_day) - better - worse}, lower on {worse}"
    ]
    if gaps.lower_than_same_day:
        out.append("  (lower: " + ", ".join(gaps.lower_than_same_day) + ")")
    return out


SUMMARY_START = "<!-- summary: kept when make bench rewrites this page -->"
SUMMARY_END = "<!-- end of summary -->"


def _kept_summary(out: Path) -> list[str]:
    """The hand-written summary block of the page ``out``, if it has one.

    The summary gathers full runs (all 304 TOPTW cases, all OPHS optima)
    that take hours; rewriting the subset tables must not drop it.
    """
    if not out.exists():
        return []
    page = out.read_text()
    start, end = page.find(SUMMARY_START), page.find(SUMMARY_END)
    if start < 0 or end < start:
        return []
    return [page[start : end + len(SUMMARY_END)], ""]


def write_report(
    out: Path,
    cases: list[Case],
    rows: list[dict[str, object]],
    command: str,
    seconds: float,
    jobs: int = 1,
    workers: int = 1,
    baseline: Baseline | None = None,
    baseline_label: str = "",
    machine_line: str | None = None,
) -> None:
    """Write the benchmark page for ``rows`` (one per run) of ``cases``.

    ``baseline`` holds the median scores of another run made alongside (the
    plain PyVRP baseline of ``--baseline``), described by ``baseline_label``.
    ``machine_line`` is the machine the runs were made on (default: this one).
    """
    text = [
        "# Solver benchmarks",
        "",
        "Generated by `make bench` (`bench/run_all.py`). Every answer is re-checked "
        "by `bench/verify.py` from the raw instance file.",
        "",
        f"* machine: {machine_line or machine()}",
        f"* command: `{command}`",
        f"* time limit: {seconds:g} s per run, "
        + ("one run at a time" if jobs <= 1 else f"{jobs} runs at a time")
        + (
            f", each run {workers} processes (the search and {workers - 1} "
            "helper(s), `--workers`)"
            if workers > 1
            else ", each run one process"
        ),
        "",
    ]
    if jobs > 1:
        text += [
            f"{jobs} runs at a time on {os.cpu_count()} cores: each run got at "
            "most one core (less while other work shared the machine).",
            "",
        ]
    text += _kept_summary(out)
    titles = (("toptw", "TOPTW"), ("ophs", "OPHS"), ("mctopmtw", "MCTOPMTW"))
    for family, title in titles:
        fam = [c for c in cases if c.family == family]
        if any(r["family"] == family for r in rows):
            text += _section(title, fam, rows, baseline or {}, baseline_label)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(text) + "\n" + NOTES)
