"""problem.json and plan.json: the documented contract of ``lrplanner plan``.

See docs/plan-format.md. Times are ISO-8601 with their UTC offset: absolute
windows in problem.json, local event times in plan.json.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from lrplanner.core.interpretation import visit_need
from lrplanner.core.locations import location_name, location_zone, site_location

if TYPE_CHECKING:
    from datetime import datetime

    from lrplanner.core.plan import Event, Itinerary
    from lrplanner.core.project import Project
    from lrplanner.core.report import PlanReport
    from lrplanner.planner.build import RouteModel

FORMAT_VERSION = 1


def problem_document(model: RouteModel) -> dict[str, Any]:
    """Return the normalized problem the engine saw."""
    project = model.project
    route = project.route
    return {
        "format_version": FORMAT_VERSION,
        "route": {
            "name": route.name,
            "start_place": route.start_place,
            "end_place": route.end_place,
            "start_date": route.start_date.isoformat(),
            "end_date": route.end_date.isoformat(),
            "max_visits_per_day": route.max_visits_per_day,
            "max_travel_hours_per_day": route.max_travel_hours_per_day,
            "budget_cap": _money(route.budget_cap),
            "currency": route.currency,
            "group_size": project.group_size,
        },
        "places": {
            p.id: {
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "country": p.country,
                "tz": location_zone(project, p.id).key,
            }
            for p in project.places
        },
        "sites": {s.id: _site(model, s.id) for s in project.sites},
        "fastest_minutes": _fastest(model),
    }


def _site(model: RouteModel, site_id: str) -> dict[str, Any]:
    project = model.project
    site = project.site_by_id[site_id]  # type: ignore[index]
    zone = location_zone(project, site_location(site))
    windows = [
        [a.astimezone(zone).isoformat(), b.astimezone(zone).isoformat()]
        for day in model.availability[site.id]
        for a, b in day.intervals
    ]
    return {
        "name": site.name,
        "place": site.place or site_location(site),
        "duration_min": site.duration_min,
        "value": site.value,
        "required": site.id in project.required_ids,
        "open_on_holidays": site.open_on_holidays,
        "themes": list(site.themes),
        "windows": windows,
    }


def _fastest(model: RouteModel) -> dict[str, dict[str, int]]:
    ids = list(dict.fromkeys(model.locations))
    table: dict[str, dict[str, int]] = {}
    for a in ids:
        row = {
            b: m
            for b in ids
            if a != b and (m := model.matrix.minutes(a, b)) is not None
        }
        table[a] = row
    return table


def plan_document(
    project: Project, itinerary: Itinerary, report: PlanReport
) -> dict[str, Any]:
    """Return plan.json: days of local-time events, left-out sites, costs, value."""
    costs = report.costs
    return {
        "format_version": FORMAT_VERSION,
        "status": report.status,
        "days": [
            {
                "date": d.day.isoformat(),
                "rest": d.rest,
                "overnight": None
                if d.overnight is None
                else {
                    "place": d.overnight,
                    "name": location_name(project, d.overnight),
                    "on_board": d.on_board,
                },
                "events": [_event(project, e) for e in d.events],
            }
            for d in itinerary.days
        ],
        "unvisited": [
            {"site": r.site, "kind": r.kind.value, "reason": r.reason}
            for r in itinerary.left_out
        ],
        "costs": {
            "currency": costs.currency,
            "total": _money(costs.total),
            "subtotal": _money(costs.subtotal),
            "contingency": _money(costs.contingency),
            "budget_cap": _money(costs.budget_cap),
            "by_category": {k.value: _money(v) for k, v in costs.by_category().items()},
        },
        "value": round(report.indicators.value, 3),
        "violations": [
            {"rule": v.rule, "day": v.day, "message": v.message}
            for v in report.violations
        ],
    }


def _event(project: Project, event: Event) -> dict[str, Any]:
    zone = ZoneInfo(event.tz)
    out: dict[str, Any] = {
        "kind": event.kind.value,
        "title": event.title,
        "start": _local(event.start, zone),
        "end": _local(event.end, zone),
        "place": event.place,
    }
    if event.site is not None:
        out["site"] = event.site
        out["champions"] = list(event.champions)
        out["lunch_at_site"] = event.with_lunch
        out["continued"] = event.continued
        out["interpretation"] = _interpretation(project, event)
    if event.session is not None:
        out["session"] = event.session.value
    if event.origin is not None:
        out.update(
            {
                "from": event.origin,
                "to": event.destination,
                "mode": event.mode.value if event.mode else None,
                "estimated": event.estimated,
            }
        )
    return out


def _interpretation(project: Project, event: Event) -> dict[str, Any]:
    """Return a visit's need: language pairs, and why it is not known (or "")."""
    need = visit_need(project, event)
    pairs = need.pairs if need is not None else ()
    return {
        "pairs": [
            {"from": p.source, "to": p.target, "whispered": p.whispered} for p in pairs
        ],
        "unknown": need.unknown if need is not None else "",
    }


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).isoformat()


def _money(amount: object) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def dumps(document: dict[str, Any]) -> str:
    """Return the JSON text of a document (UTF-8, indented, stable order)."""
    return json.dumps(document, ensure_ascii=False, indent=1)
