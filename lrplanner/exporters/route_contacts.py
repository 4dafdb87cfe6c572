"""The route's emergency and staff contacts, as every agenda prints them.

The Route sheet's "Emergency contact" and "Staff contacts" (';'-separated)
are printed on each day of agenda.pdf, agenda.xlsx, agenda.html and the
plain-text day: ``Emergency: ... · Staff: ...``. A blank contact prints
nothing, not an empty label. The texts are user text: each exporter escapes
them as it escapes the rest (:func:`pdf_fonts.markup`, ``html.escape``,
``xlsx_cells.put_text``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lrplanner.core.route import RouteSettings

SEPARATOR = " \u00b7 "


def route_contacts(route: RouteSettings) -> tuple[tuple[str, str], ...]:
    """Return the route's non-blank contacts as (label, text) pairs.

    ``Emergency`` comes first, then ``Staff``: the staff entries joined by
    ``; `` (blank entries between separators dropped).
    """
    staff = "; ".join(
        part.strip() for part in route.staff_contacts.split(";") if part.strip()
    )
    pairs = (("Emergency", route.emergency_contact.strip()), ("Staff", staff))
    return tuple((label, text) for label, text in pairs if text)


def contacts_line(route: RouteSettings) -> str:
    """Return ``Emergency: ... · Staff: ...`` (empty when both are blank)."""
    return SEPARATOR.join(f"{label}: {text}" for label, text in route_contacts(route))
