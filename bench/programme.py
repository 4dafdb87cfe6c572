"""Programme benchmark: routes sharing hosts and champions, planned jointly.

A generated programme of ``--routes`` routes (10 days each, starting two
days apart, so they overlap) sharing ``--sites`` candidate sites (jittered
Mekong sites) and ``--champions`` champions (one per site, in turn). It is
planned three ways at ``--seconds`` per plan:

* **alone**: each route as if it were the only one (the double bookings that
  a programme without this check would carry);
* **in turn**: the routes one after another, each with the earlier ones'
  bookings closed (the first round of ``plan_programme``);
* **two rounds**: in turn, then each route again with all the others taken,
  kept when worth more (``plan_programme(rounds=2, moves=0)``);
* **jointly**: two rounds, then the host hand-overs of
  :func:`lrplanner.programme.improve` (one per route).

Usage: ``python -m bench.programme [--routes 6 --sites 120 --champions 60
--seconds 10] [--out FILE]`` prints (and writes) a Markdown table.
"""

from __future__ import annotations

import argparse
import platform
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bench.routes import generated, sample
from lrplanner.core.bookings import conflicts
from lrplanner.core.ids import ChampionId
from lrplanner.core.programme import Programme
from lrplanner.planner.plan import plan_route
from lrplanner.programme import improve, plan_programme

if TYPE_CHECKING:
    from lrplanner.core.project import Project

DAYS = 10
STAGGER = 2  # days between two routes' starts


def generated_programme(routes: int, sites: int, champions: int) -> Programme:
    """Return ``routes`` overlapping routes sharing the sites and champions."""
    base = sample("mekong")
    project = generated(base, sites, DAYS)
    people = tuple(
        replace(
            base.champions[i % len(base.champions)],
            id=ChampionId(f"GC{i:03d}"),
            name=f"{base.champions[i % len(base.champions)].name} #{i}",
            sites=(),
            available=(),
        )
        for i in range(champions)
    )
    hosts = tuple(
        replace(site, champions=(people[i % champions].id,))
        for i, site in enumerate(project.sites)
    )
    people = tuple(
        replace(c, sites=tuple(s.id for s in hosts if c.id in s.champions))
        for c in people
    )
    project = project.with_changes(sites=hosts, champions=people)
    made: Programme | None = None
    for k in range(routes):
        route = _shifted(project, k)
        made = (
            Programme.of(route, "generated programme")
            if made is None
            else made.with_route(route)
        )
    assert made is not None
    return made


def _shifted(project: Project, k: int) -> Project:
    shift = timedelta(days=STAGGER * k)
    route = project.route
    moved = replace(
        route,
        name=f"Route {k + 1}",
        start_date=route.start_date + shift,
        end_date=route.end_date + shift,
    )
    return project.with_changes(route=moved)


def alone(programme: Programme, seconds: float) -> tuple[float, int]:
    """Return the total value and the conflicts of each route planned alone."""
    planned = programme
    total = 0.0
    for index in range(len(programme.routes)):
        outcome = plan_route(programme.project(index), seconds=seconds)
        total += outcome.report.indicators.value
        planned = planned.with_project(
            index, programme.project(index).with_changes(plan=outcome.itinerary)
        )
    return total, len(conflicts(planned))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--routes", type=int, default=6)
    parser.add_argument("--sites", type=int, default=120)
    parser.add_argument("--champions", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    programme = generated_programme(args.routes, args.sites, args.champions)
    rows: list[tuple[str, float, str, str]] = []
    start = time.perf_counter()
    value, clashes = alone(programme, args.seconds)
    rows.append(
        (
            "alone (no programme check)",
            value,
            str(clashes),
            f"{time.perf_counter() - start:.0f}",
        )
    )
    start = time.perf_counter()
    outcome = plan_programme(programme, seconds=args.seconds, rounds=2, moves=0)
    two_rounds = time.perf_counter() - start
    first = sum(v or 0.0 for v in outcome.first_round)
    rows.append(("in turn (1 round)", first, "0 (by construction)", "(in the next)"))
    rows.append(
        (
            "two rounds",
            outcome.total_value,
            str(len(outcome.conflicts)),
            f"{two_rounds:.0f}",
        )
    )
    start = time.perf_counter()
    values = [r.value for r in outcome.routes]
    joint, values = improve(
        outcome.programme,
        values,
        seconds=args.seconds,
        moves=len(programme.routes),
    )
    rows.append(
        (
            "jointly (two rounds + hand-overs)",
            sum(v or 0.0 for v in values),
            str(len(conflicts(joint))),
            f"{two_rounds + time.perf_counter() - start:.0f}",
        )
    )
    lines = [
        f"Programme of {args.routes} routes ({DAYS} days, starting {STAGGER} days "
        f"apart) sharing {args.sites} sites and {args.champions} champions, "
        f"{args.seconds:g} s per plan; {platform.processor() or platform.machine()}, "
        f"{platform.python_version()}. Command: `python -m bench.programme "
        f"--routes {args.routes} --sites {args.sites} --champions {args.champions} "
        f"--seconds {args.seconds:g}`.",
        "",
        "| planned | total value | conflicts | wall s |",
        "|---|---|---|---|",
        *(
            f"| {label} | {value:.1f} | {clashes} | {wall} |"
            for label, value, clashes, wall in rows
        ),
    ]
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
