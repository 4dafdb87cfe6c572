"""The route figures the planner benchmark reports, on a plan counted by hand."""

from __future__ import annotations

import itertools
from datetime import date
from typing import TYPE_CHECKING

from bench.routes import route_figures
from lrplanner.core.ids import PlaceId
from lrplanner.core.plan import DayPlan, Itinerary, SessionKind
from tests.exporters.fixtures import NPT, meal, sample_project, session, visit

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

D1, D2, D3, D4 = (date(2027, 1, d) for d in (10, 11, 12, 13))


def test_route_figures_count_visits_empty_days_idle_hours_and_hotel_changes() -> None:
    """Tests the figures on four days: full, rest, empty, another hotel.

    Day window 08:00-18:00 (600 min). Day 1: opening 08:00-09:30, visit
    10:00-12:00, lunch 12:00-13:00 = 270 busy, 330 idle. Day 2 is a rest day
    (not counted). Day 3: lunch only, 540 idle, no visit. Day 4: visit
    13:00-16:00 and lunch 12:00-13:00 = 240 busy, 360 idle. Mean idle over the
    three working days: (330 + 540 + 360) / 3 = 410 min = 6.83 h. Nights:
    Kathmandu, Kathmandu, Pokhara: one hotel change.
    """
    project = sample_project()
    ktm, pkr = PlaceId("NP-KTM"), PlaceId("NP-PKR")
    site = project.sites[0].id
    days = (
        DayPlan(
            day=D1,
            events=(
                session(D1, "08:00-09:30", SessionKind.OPENING, "Opening", "NP-KTM"),
                visit(D1, "10:00-12:00", site, ()),
                meal(D1, "12:00-13:00", "NP-KTM", NPT),
            ),
            overnight=ktm,
        ),
        DayPlan(day=D2, rest=True, overnight=ktm),
        DayPlan(
            day=D3, events=(meal(D3, "12:00-13:00", "NP-KTM", NPT),), overnight=pkr
        ),
        DayPlan(
            day=D4,
            events=(
                meal(D4, "12:00-13:00", "NP-PKR", NPT),
                visit(D4, "13:00-16:00", site, ()),
            ),
        ),
    )
    figures = route_figures(project, Itinerary(days=days))
    assert figures.visits == 2
    assert figures.empty_days == 1
    assert round(figures.idle_hours, 2) == 6.83
    assert figures.hotel_changes == 1


def test_the_generated_programme_shares_sites_and_champions() -> None:
    """Tests the programme benchmark's instance: overlapping routes, one
    champion per site in turn, every route a valid project."""
    from bench.programme import STAGGER, generated_programme

    programme = generated_programme(routes=3, sites=12, champions=4)
    assert programme.names == ("Route 1", "Route 2", "Route 3")
    starts = [own.route.start_date for own in programme.routes]
    assert [(b - a).days for a, b in itertools.pairwise(starts)] == [STAGGER] * 2
    assert len(programme.sites) == 12
    assert len(programme.champions) == 4
    for champion in programme.champions:
        assert len(champion.sites) == 3
        assert all(
            champion.id in programme.project(0).site_by_id[s].champions
            for s in champion.sites
        )


def test_a_benchmark_run_keeps_the_other_benchmarks_sections(tmp_path: Path) -> None:
    """Tests that bench.routes keeps the programme and scale sections of the
    file it rewrites, and only those."""
    from bench.routes import KEPT, kept_sections

    page = tmp_path / "benchmarks-routes.md"
    page.write_text(
        "# title\n\n## Sample routes\n\nold table\n\n"
        f"{KEPT[0]}\n\nprogramme table\n\n## Other\n\ndropped\n\n"
        f"{KEPT[1]}\n\nscale table\n",
        encoding="utf-8",
    )
    kept = "\n".join(kept_sections(page))
    assert "programme table" in kept
    assert "scale table" in kept
    assert "old table" not in kept
    assert "dropped" not in kept
    assert kept_sections(tmp_path / "missing.md") == []


def test_the_scale_matrix_table_reports_the_gap_to_the_long_runs() -> None:
    """Tests bench.scale_matrix's table: the gap is to the best of the long
    runs (or the budget plan, when it is better), one row per size, and the
    count of sizes within 2 %; a size short of long runs says so."""
    import argparse

    from bench.scale_matrix import table

    args = argparse.Namespace(
        budget=10.0, long_seconds=40.0, long_runs=2, sites="20,400", days="21"
    )
    rows: list[dict[str, object]] = [
        {"sites": 20, "days": 21, "value": 90.0, "visits": 9, "wall": 10.2,
         "peak_mb": 120},
        {"sites": 400, "days": 21, "value": 50.0, "visits": 5, "wall": 11.0,
         "peak_mb": 480},
    ]  # fmt: skip
    longs = {(20, 21): [100.0, 95.0], (400, 21): [45.0]}
    lines = table(rows, longs, args).splitlines()
    assert lines[-4] == "| 20 | 21 | 90.0 | 9 | 10.2 | 120 | 100.0 | 10.0 % |"
    # a size with fewer long runs than asked says how many it has
    assert lines[-3] == "| 400 | 21 | 50.0 | 5 | 11.0 | 480 | 45.0 (1 run) | 0.0 % |"
    assert lines[-1] == "Within 2 % of the reference: 1 of 2 sizes."
    assert "best of 2 runs of 40 s" in lines[2]


def test_the_scale_matrix_runs_only_the_long_runs_it_does_not_keep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests bench.scale_matrix.references: long runs already in the file
    are not run again, the missing ones are run and appended, and runs of
    another length or beyond the asked count are not counted, and a run
    kept twice counts once."""
    import argparse
    import json

    import bench.scale_matrix as scale

    kept = tmp_path / "refs.jsonl"
    old = [
        {"sites": 20, "days": 7, "seconds": 40.0, "seed": 0, "value": 70.0},
        {"sites": 20, "days": 7, "seconds": 120.0, "seed": 1, "value": 99.0},
        {"sites": 20, "days": 7, "seconds": 40.0, "seed": 5, "value": 98.0},
        {"sites": 20, "days": 7, "seconds": 40.0, "seed": 0, "value": 70.0},
    ]
    kept.write_text("".join(json.dumps(r) + "\n" for r in old), encoding="utf-8")
    ran: list[tuple[int, int, float, int]] = []

    def measure(sites: int, days: int, seconds: float, seed: int) -> dict[str, object]:
        ran.append((sites, days, seconds, seed))
        return {"sites": sites, "days": days, "seconds": seconds, "seed": seed,
                "value": 71.0 + seed}  # fmt: skip

    monkeypatch.setattr(scale, "measure", measure)
    args = argparse.Namespace(long_seconds=40.0, long_runs=2, jobs=1, references=kept)
    longs = scale.references([(20, 7)], args)
    assert ran == [(20, 7, 40.0, 1)]
    assert sorted(longs[(20, 7)]) == [70.0, 72.0]
    assert len(scale.load(kept)) == 5
    assert scale.references([(20, 7)], args) == {(20, 7): [70.0, 72.0]}
    assert ran == [(20, 7, 40.0, 1)]
