"""Plan one generated route and print where the time and memory went.

``python -m bench.scale_route SITES DAYS SECONDS`` builds
``generated(sample("mekong"), SITES, DAYS)`` (jittered Mekong sites, seed 0),
prints the CPU seconds of preparing it alone (``route_model``), then plans it
with ``plan_route(seconds=SECONDS, seed=0)`` and prints the wall time, the
process's peak RSS, the value returned and the best value the search showed
(the plan returned must never be worse).
"""

from __future__ import annotations

import resource
import sys
import time
from typing import TYPE_CHECKING

from bench.routes import generated, sample
from lrplanner.planner.plan import plan_route, route_model

if TYPE_CHECKING:
    from lrplanner.planner.progress import PlanProgress


def main(argv: list[str]) -> None:
    sites, days, seconds = int(argv[0]), int(argv[1]), float(argv[2])
    project = generated(sample("mekong"), sites, days)
    started = time.process_time()
    route_model(project)
    print(f"prepare: {time.process_time() - started:.1f} CPU s")
    best: list[float] = []

    def sink(progress: PlanProgress) -> None:
        best.append(progress.value)

    started = time.perf_counter()
    outcome = plan_route(project, seconds=seconds, seed=0, on_progress=sink)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    value = outcome.report.indicators.value
    shown = max(best, default=0.0)
    print(f"plan: {wall:.1f} s wall for a {seconds:g} s budget, peak RSS {peak} MB")
    seen = f"{shown:.1f}" if shown else "none reported"
    print(f"value returned {value:.1f}; best the search showed: {seen}")


if __name__ == "__main__":
    main(sys.argv[1:])
