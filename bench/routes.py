"""Benchmarks of the Learning Route planner on the sample and generated routes.

``python -m bench.routes`` plans each sample with several time budgets and
seeds (value, visits, time to the first checked plan) and generated routes of
20-400 candidate sites (time, value, peak memory), and writes
``docs/benchmarks-routes.md``. Every plan is re-checked by the validator.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import platform
import random
import resource
import statistics
import time
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lrplanner.core.errors import InfeasibleRequest, PlanningStopped
from lrplanner.core.ids import PlaceId, SiteId
from lrplanner.core.timespan import DateRange
from lrplanner.importers import read_inputs
from lrplanner.planner.plan import PlanOutcome, plan_route

if TYPE_CHECKING:
    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project
    from lrplanner.core.sites import Site
    from lrplanner.planner.progress import PlanProgress

ROOT = Path(__file__).resolve().parents[1]
BUDGETS = (1.0, 3.0, 10.0, 30.0)
SEEDS = (0, 1, 2)
SIZES = ((20, 7), (50, 10), (100, 14), (200, 21), (400, 21))
#: Budgets tried, shortest first, for the time to a first checked plan.
STEPS = (0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0)


def sample(name: str) -> Project:
    """Return a sample project."""
    project = read_inputs(ROOT / "sample_data" / f"{name}.xlsx").project
    assert project is not None
    return project


def generated(base: Project, sites: int, days: int, seed: int = 0) -> Project:
    """Return ``base`` with ``sites`` candidate sites (jittered copies) over
    ``days`` days, no required sites and no budget cap."""
    rng = random.Random(seed)
    pool = [s for s in base.sites if s.lat is not None or s.place is not None]
    made = []
    for i in range(sites):
        model = rng.choice(pool)
        lat, lon = _where(base, model)
        made.append(
            replace(
                model,
                id=SiteId(f"G{i:03d}"),
                name=f"{model.name} #{i}",
                place=None,
                lat=lat + rng.uniform(-0.08, 0.08),
                lon=lon + rng.uniform(-0.08, 0.08),
                required=False,
                value=rng.randint(2, 10),
                available=(),
                blackouts=(),
                champions=(),
            )
        )
    route = replace(
        base.route,
        end_date=base.route.start_date + timedelta(days=days - 1),
        rest_days=(),
        budget_cap=None,
    )
    return base.with_changes(route=route, sites=tuple(made), champions=(), locks=())


def _where(project: Project, site: Site) -> tuple[float, float]:
    if site.lat is not None and site.lon is not None:
        return site.lat, site.lon
    assert site.place is not None
    place = project.place_by_id[site.place]
    return place.lat, place.lon


def run(
    project: Project, seconds: float, seed: int
) -> tuple[PlanOutcome | None, float]:
    """Plan once; return the outcome (None: the time ran out before a first
    plan, as ``--seconds`` counts preparing the route) and the wall time."""
    started = time.perf_counter()
    try:
        outcome: PlanOutcome | None = plan_route(project, seconds=seconds, seed=seed)
    except PlanningStopped:
        outcome = None
    if outcome is not None:
        assert outcome.report.violations == (), outcome.report.violations
    return outcome, time.perf_counter() - started


def first_feasible(project: Project) -> tuple[float, float]:
    """Return the smallest budget of ``STEPS`` that gives a checked plan, and
    the wall time of that call (the time to a first plan a user can get)."""
    for budget in STEPS:
        outcome, wall = run(project, budget, 0)
        if outcome is not None:
            return budget, wall
    return float("nan"), float("nan")


@dataclass(frozen=True, slots=True)
class RouteFigures:
    """What an officer reads off a plan, beyond its value."""

    visits: int
    empty_days: int  # non-rest days without a visit
    idle_hours: float  # per non-rest day: day window less every event in it
    hotel_changes: int


def route_figures(project: Project, itinerary: Itinerary) -> RouteFigures:
    """Return the visits, empty days, idle daylight and hotel changes of a plan."""
    route = project.route
    working = [d for d in itinerary.days if not d.rest]
    idle = [_idle_minutes(d, route.day_start, route.day_end) for d in working]
    nights = [d.overnight for d in itinerary.days if d.overnight is not None]
    return RouteFigures(
        visits=len(itinerary.visited_sites()),
        empty_days=sum(1 for d in working if not d.visits()),
        idle_hours=statistics.fmean(idle) / 60 if idle else 0.0,
        hotel_changes=sum(1 for a, b in itertools.pairwise(nights) if a != b),
    )


def _idle_minutes(day: DayPlan, start: dt.time, end: dt.time) -> float:
    """Minutes of the day window (local, the zone of the day's first event)
    not covered by any event: lunch, travel, visits and sessions all count."""
    zone = ZoneInfo(day.events[0].tz) if day.events else dt.UTC
    opens = dt.datetime.combine(day.day, start, tzinfo=zone)
    closes = dt.datetime.combine(day.day, end, tzinfo=zone)
    busy = 0.0
    cursor = opens
    for event in sorted(day.events, key=lambda e: e.start):
        begin, finish = max(event.start, cursor), min(event.end, closes)
        if finish > begin:
            busy += (finish - begin).total_seconds() / 60
            cursor = finish
    return (closes - opens).total_seconds() / 60 - busy


def samples_table() -> list[str]:
    lines = [
        "| sample | budget s | values (seeds 0,1,2) | median value | visits | "
        "days with no visit | idle h per day | hotel changes | wall s (median) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ("mekong", "south_asia"):
        project = sample(name)
        for seconds in BUDGETS:
            got = [run(project, seconds, seed) for seed in SEEDS]
            planned = [o for o, _ in got if o is not None]
            wall = statistics.median(w for _, w in got)
            if not planned:
                lines.append(
                    f"| {name} | {seconds:g} | no plan yet (time ran out while "
                    f"preparing) | | | | | | {wall:.1f} |"
                )
                continue
            values = [o.report.indicators.value for o in planned]
            median = planned[values.index(statistics.median_low(values))]
            shape = route_figures(project, median.itinerary)
            lines.append(
                f"| {name} | {seconds:g} | {' '.join(f'{v:.1f}' for v in values)}"
                f" | {statistics.median(values):.1f} | {shape.visits} | "
                f"{shape.empty_days} | {shape.idle_hours:.1f} | "
                f"{shape.hotel_changes} | {wall:.1f} |"
            )
        budget, wall = first_feasible(project)
        lines.append(
            f"| {name} | first checked plan (smallest budget {budget:g} s) "
            f"| | | | | | | {wall:.1f} |"
        )
    return lines


def trajectory(
    project: Project, seconds: float
) -> tuple[list[tuple[float, float]], float]:
    """Plan once for ``seconds``; return (elapsed, best value so far) as it
    improved, and the final plan's learning value."""
    seen: list[tuple[float, float]] = []
    started = time.perf_counter()  # the user's click: the model build counts

    def record(progress: PlanProgress) -> None:
        best = max(progress.value, seen[-1][1] if seen else 0.0)
        if not seen or best > seen[-1][1]:
            seen.append((time.perf_counter() - started, best))

    outcome = plan_route(project, seconds=seconds, seed=0, on_progress=record)
    assert outcome.report.violations == (), outcome.report.violations
    seen = [(t, score) for t, score in seen if score > 0]  # build-phase reports
    return seen, outcome.report.indicators.value


def time_to_target_table(seconds: float) -> list[str]:
    """How soon each sample gets within 1 % of what a long run finds."""
    lines = [
        f"| sample | best value found in {seconds:g} s | returned plan's value | "
        "first plan s | "
        "within 1 % of that best, s | target |",
        "|---|---|---|---|---|---|",
    ]
    for name in ("mekong", "south_asia"):
        seen, value = trajectory(sample(name), seconds)
        best = seen[-1][1] if seen else 0.0
        first = seen[0][0] if seen else float("nan")
        close = next((t for t, score in seen if score >= 0.99 * best), float("nan"))
        lines.append(
            f"| {name} | {best:.1f} | {value:.1f} | {first:.2f} | {close:.2f} | "
            "first < 1 s, 1 % < 10 s |"
        )
    return lines


def scaling_table(seconds: float) -> list[str]:
    base = sample("mekong")
    lines = [
        "| candidate sites | days | value | visits | wall s | peak RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    for sites, days in SIZES:
        project = generated(base, sites, days)
        outcome, wall = run(project, seconds, 0)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if outcome is None:
            lines.append(
                f"| {sites} | {days} | no plan yet (time ran out while preparing) "
                f"| | {wall:.1f} | {peak:.0f} |"
            )
            continue
        lines.append(
            f"| {sites} | {days} | {outcome.report.indicators.value:.1f} | "
            f"{outcome.report.indicators.sites_visited} | {wall:.1f} | {peak:.0f} |"
        )
    return lines


#: Generated routes compared with long runs (candidate sites, days).
LONG_SIZES = ((20, 7), (50, 10), (100, 14), (200, 21))
#: Reasons a required site cannot change (the planner says No plan then).
FIXED_REASONS = frozenset(
    {"never open", "public holiday", "champion away", "over capacity", "excluded"}
)


def long_runs_table(short: float, each: float, runs: int) -> list[str]:
    """The planner at ``short`` s (seed 0) against the best of ``runs`` runs
    of ``each`` s with different seeds, on the samples and generated routes."""
    lines = [
        f"| route | value at {short:g} s | best of {runs} runs of {each:g} s "
        "(seeds) | gap |",
        "|---|---|---|---|",
    ]
    base = sample("mekong")
    routes = [(name, sample(name)) for name in ("mekong", "south_asia")]
    routes += [
        (f"generated {n} sites / {d} days", generated(base, n, d))
        for n, d in LONG_SIZES
    ]
    for label, project in routes:
        quick, _ = run(project, short, 0)
        longs = [run(project, each, seed)[0] for seed in range(runs)]
        values = [o.report.indicators.value for o in longs if o is not None]
        best = max(values, default=float("nan"))
        value = quick.report.indicators.value if quick is not None else float("nan")
        gap = 100 * (best - value) / best if values and best else float("nan")
        lines.append(
            f"| {label} | {value:.1f} | {best:.1f} "
            f"({', '.join(f'{v:.1f}' for v in values)}) | {gap:.1f} % |"
        )
    return lines


def required_table(seconds: float) -> list[str]:
    """Each left-out site of the free plan required in turn (``seconds`` s,
    seed 0): the best such plan against the free one, and whether "No plan"
    answers agree with the reason the free plan gave."""
    lines = [
        "| sample | free value | sites tried | best with one required | gap | "
        "No plan answers | of them reasoned unreachable |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ("mekong", "south_asia"):
        project = sample(name)
        free, _ = run(project, seconds, 0)
        assert free is not None
        best, refused, agreed, tried = free.report.indicators.value, 0, 0, 0
        for reason in free.itinerary.left_out:
            if reason.kind.value in FIXED_REASONS:
                continue
            tried += 1
            sites = tuple(
                replace(s, required=s.required or s.id == reason.site)
                for s in project.sites
            )
            try:
                outcome, _ = run(project.with_changes(sites=sites), seconds, 0)
            except InfeasibleRequest:
                refused += 1
                agreed += reason.kind.value == "unreachable"
                continue
            if outcome is not None:
                best = max(best, outcome.report.indicators.value)
        gap = 100 * (best - free.report.indicators.value) / best
        lines.append(
            f"| {name} | {free.report.indicators.value:.1f} | {tried} | {best:.1f} | "
            f"{gap:.1f} % | {refused} | {agreed} |"
        )
    return lines


def small_route(seed: int, sites: int = 8, days: int = 4) -> Project:
    """Return a small Cambodian route: ``days`` days from Phnom Penh, the
    sample's Cambodian places (and lodging), ``sites`` of its Cambodian
    sites with random values, visit lengths and first open days."""
    rng = random.Random(seed)
    base = sample("mekong")
    places = tuple(p for p in base.places if p.country == "KH")
    towns = {p.id for p in places}
    pool = [s for s in base.sites if s.place in towns]
    start = base.route.start_date
    made = []
    for i, model in enumerate(rng.sample(pool, min(sites, len(pool)))):
        first = rng.randrange(days)
        made.append(
            replace(
                model,
                id=SiteId(f"S{i}"),
                value=rng.randint(1, 10),
                duration_min=rng.choice((60, 90, 120, 180)),
                available=(
                    DateRange(
                        start + timedelta(days=first), start + timedelta(days=days - 1)
                    ),
                ),
                blackouts=(),
                champions=(),
                required=False,
                capacity=None,
            )
        )
    route = replace(
        base.route,
        end_date=start + timedelta(days=days - 1),
        start_place=PlaceId("KH-PNP"),
        end_place=PlaceId("KH-PNP"),
        rest_days=(),
        budget_cap=None,
    )
    return base.with_changes(
        route=route, sites=tuple(made), places=places, links=(), champions=(), locks=()
    )


def exact_table(count: int, seconds: float) -> list[str]:
    """The planner against the exact optimum of the route model (full
    enumeration of every day's visits and every night, ``tests.solver.brute``)
    on ``count`` small routes."""
    from tests.solver.brute import optimum
    from tests.solver.checker import recomputed_score

    matched, solved, worst = 0, 0, 0.0
    for seed in range(count):
        project = small_route(seed)
        try:
            outcome, _ = run(project, seconds, 0)
        except InfeasibleRequest:
            continue
        if outcome is None:
            continue
        model = outcome.model
        best = optimum(model.data)
        if best is None:
            continue
        index = {s: i for i, s in enumerate(model.site_ids)}
        got = recomputed_score(
            model.data, {index[s] for s in outcome.itinerary.visited_sites()}
        )
        solved += 1
        matched += got == best
        worst = max(worst, 100 * (best - got) / best if best else 0.0)
    return [
        "| small routes | planned | optimum reached | worst gap |",
        "|---|---|---|---|",
        f"| {count} (4 days from Phnom Penh, 8 Cambodian sites; {seconds:g} s "
        f"each) | {solved} | {matched} | {worst:.1f} % |",
    ]


#: Figures of earlier code, kept because a rebuilt page can no longer measure
#: them (each row: the commit, its figures, and why they changed).
HISTORY = (
    "## Before and after (10 s, seed 0, same figures as above)",
    "",
    "| sample | code | value | visits | days with no visit | idle h per day | "
    "hotel changes | note |",
    "|---|---|---|---|---|---|---|---|",
    "| mekong | c5203b3 (1 Dec 2026) | 97.5 | 9 | 3 | 3.2 | 7 | the group reached "
    "every airport at take-off time; day 9 took an invented Dong Hoi → Can Tho "
    "flight |",
    "| mekong | 4e1ad04 (2 Dec 2026: check-in, arrival and border minutes; "
    "flights only from Links; no roads across water) | 90.4 | 8 | 4 | 3.7 | 7 | "
    "at the airport at check-in time on every flight day |",
    "| south_asia | c5203b3 (1 Dec 2026) | 52.0 | 4 | 6 | 4.4 | 7 | at the "
    "airport at take-off time |",
    "| south_asia | 4e1ad04 (2 Dec 2026) | 52.0 | 4 | 6 | 5.2 | 7 | check-in "
    "and arrival time now counted; the waiting allowance still hides half-days "
    "(issue 15 item 1) |",
    "| mekong | 9769638 (2 Dec 2026: exact timetables in the engine, no waiting "
    "allowance) | 108.6 | 10 | 3 | 3.2 | 5 | a morning visit before the 14:10 "
    "flight on day 3 |",
    "| south_asia | 9769638 (2 Dec 2026) | 62.8 | 5 | n/m | n/m | n/m | sample as "
    "before; only value and visits measured (`lrplanner plan`) |",
    "| south_asia | 5916fc6 (2 Dec 2026: five Bhairahawa-Kathmandu flights a "
    "day each way instead of three) | 69.0 | 6 | 3 | 4.2 | 5 | |",
    "| mekong | 4b2cca6 (2 Dec 2026: travel rounded up to 5 min, 10-min "
    "transfer buffer before each visit) | 108.6 | 10 | 3 | 3.2 | 5 | visits "
    "start on the five minutes |",
    "| south_asia | 4b2cca6 (2 Dec 2026) | 70.0 | 6 | 4 | 4.0 | 6 | |",
    "| mekong | 8427018 (2 Dec 2026: final polish of single insertions and "
    "swaps, nights moved in runs, forced starts for required sites) | 108.6 | "
    "10 | 3 | 3.5 | 4 | same visits, one hotel change fewer; the idle hours are "
    "measured per non-rest day (3.2 before counted the same way) |",
    "| south_asia | 8427018 (2 Dec 2026) | 78.9 | 7 | 4 | 4.1 | 6 | one more "
    "visit: an insertion with a night moved, which the search had missed |",
    "| mekong | 1c1c0ff (2 Dec 2026: lunch before departures, waiting at the "
    "hotel, interpreters by language) | 108.6 | 10 | 3 | 3.5 | 4 | same plan "
    "and figures at 10 s |",
    "| south_asia | 1c1c0ff (2 Dec 2026) | 78.9 | 7 | 4 | 4.0 | 7 | idle "
    "hours 4.1 → 4.0 (the group waits at the hotel, not at the host's gate); "
    "one more hotel change for the same value |",
    "| mekong | a1d551d (2 Dec 2026: currencies, faster preparation, "
    "programmes) | 108.6 | 10 | 3 | 3.5 | 4 | same plan; the samples' local "
    "amounts convert to the same USD |",
    "| south_asia | a1d551d (2 Dec 2026) | 78.9 | 7 | 4 | 4.0 | 7 | same plan |",
    "| mekong | f048388 (3 Dec 2026: probes with one left-out site required; "
    "lunch before a take-off inside lunch time) | 108.6 | 10 | 3 | 3.5 | 4 | "
    "same plan at 10 s (a 40 s run finds 108.8) |",
    "| south_asia | f048388 (3 Dec 2026) | 82.9 | 7 | 4 | 3.7 | 5 | a probe "
    "finds the plan one change away that the required-sites table had shown "
    "(82.9); idle hours 4.0 -> 3.7, hotel changes 7 -> 5 |",
    "| mekong | 445a504 (4 Dec 2026: lunch at an airport clear of check-in, "
    "waiting at the hotel after a session, a lunch's Place its town) | 108.6 | "
    "10 | 3 | 3.5 | 4 | same plan; day 10's drive after the workshop leaves at "
    "11:47, not 11:00 |",
    "| south_asia | 445a504 (4 Dec 2026) | 82.9 | 7 | 4 | 3.7 | 5 | same plan; "
    "Dhaka -> Jessore day: lunch 11:30-12:30, then check-in at 12:30 (was "
    "12:00-13:00, through check-in) |",
    "| mekong | f4c91f7 (4 Dec 2026: boarding before boats and trains, the "
    "road from a host leaving when the visit ends, road speeds, holidays and "
    "border lines in the agenda; probes and forced starts that end when "
    "they settle) | 108.6 | 10 | 3 | 3.5 | 4 | same plan; day 3's road from "
    "Bati to the airport leaves at 11:00 as the visit ends (was 11:25) |",
    "| south_asia | f4c91f7 (4 Dec 2026) | 82.9 | 7 | 4 | 3.7 | 5 | same plan; "
    "day 2 is named Prithvi Jayanti (public holiday in Nepal) |",
    "",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "benchmarks-routes.md"
    )
    parser.add_argument("--scaling-seconds", type=float, default=10.0)
    parser.add_argument("--long-each", type=float, default=120.0)
    parser.add_argument("--long-runs", type=int, default=5)
    parser.add_argument("--require-seconds", type=float, default=10.0)
    parser.add_argument("--small-routes", type=int, default=20)
    parser.add_argument(
        "--only",
        choices=("quality",),
        help="write only the quality tables (long runs, required sites, "
        "exact small routes) to --out",
    )
    parser.add_argument(
        "--long-seconds",
        type=float,
        default=300.0,
        help="the long run the time-to-target table compares with",
    )
    args = parser.parse_args()
    quality = [
        "## Quality against long runs, required sites and exact optima",
        "",
        f"Value at 10 s (seed 0) against the best of {args.long_runs} runs of "
        f"{args.long_each:g} s (seeds 0-{args.long_runs - 1}):",
        "",
        *long_runs_table(10.0, args.long_each, args.long_runs),
        "",
        f"Each site the free plan leaves out (except those that can never be "
        f"visited: closed, holiday, champion away, capacity) required in turn, "
        f"{args.require_seconds:g} s each:",
        "",
        *required_table(args.require_seconds),
        "",
        "Exact optimum of the engine's route model (full enumeration of every "
        "day's visits and every night; timetables, lunch, check-in and the "
        "buffer as the planner models them):",
        "",
        *exact_table(args.small_routes, 2.0),
        "",
    ]
    if args.only == "quality":
        args.out.write_text("\n".join(quality), encoding="utf-8")
        print(args.out)
        return
    head = [
        "# Learning Route planner benchmarks",
        "",
        "Generated by `python -m bench.routes` (also part of `make bench`). Every "
        "plan is re-checked by the independent validator (a violation stops the run).",
        "",
        f"* machine: {platform.platform()}, {platform.machine()}, Python "
        f"{platform.python_version()}",
        "",
        "## Sample routes",
        "",
    ]
    body = [
        *samples_table(),
        "",
        "## Time to a good plan",
        "",
        f"One {args.long_seconds:g} s run per sample (seed 0), following the "
        "engine's best objective (learning value less the light cost penalty, "
        "plus theme bonuses; engine units) as it improves: when the first plan "
        "is found and when the search first comes within 1 % of the best it "
        "finds in the whole run (repair rounds included).",
        "",
        *time_to_target_table(args.long_seconds),
        "",
        "## Generated routes (jittered Mekong sites, no cap)",
        "",
        f"{args.scaling_seconds:g} s budget, seed 0; peak RSS is the "
        "process maximum so far.",
        "",
        *scaling_table(args.scaling_seconds),
        "",
        *quality,
        "",
        *HISTORY,
    ]
    kept = kept_sections(args.out)
    args.out.write_text("\n".join([*head, *body, *kept]), encoding="utf-8")
    print(args.out)


#: Sections other benchmarks write into the same file; a run keeps them.
KEPT = (
    "## A programme planned jointly (issue 19)",
    "## Preparation at scale (issue 19)",
    "## Generated routes by size and length (issue 19)",
    "## Shorter search segments (issue 19)",
    "## The collector and the reasons' time (issue 19)",
)


def kept_sections(path: Path) -> list[str]:
    """Return the :data:`KEPT` sections of the file at ``path`` (none: [])."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    kept: list[str] = []
    keeping = False
    for line in lines:
        if line.startswith("## "):
            keeping = line in KEPT
            if keeping:
                kept.append("")
        if keeping:
            kept.append(line)
    return kept


if __name__ == "__main__":
    main()
