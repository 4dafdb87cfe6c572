"""Edits of a project, shared by the GUI and the tests (no Qt).

Each edit returns a new :class:`~lrplanner.core.project.Project` (projects are
immutable), so the caller records it as one undo step. ``planning`` holds the
planning state (locks, exclusions, required sites);
``records`` edits the input sheets cell by cell, adds and deletes rows and
changes Route settings, always through the importer's own rules (``rows``).
Re-planning needs no function of its own: :func:`lrplanner.services.plan_project`
honours the project's locks, exclusions and required sites, and keeps the
current plan's visits where it can.
"""

from lrplanner.services_edit.planning import (
    exclude_site,
    include_site,
    lock_all_visits,
    lock_visit,
    route_required,
    set_required,
    unlock_all,
    unlock_visit,
)
from lrplanner.services_edit.records import (
    add_record,
    delete_record,
    edit_cell,
    edit_route,
    editable_keys,
    record_label,
)
from lrplanner.services_edit.rows import SHEETS

__all__ = [
    "SHEETS",
    "add_record",
    "delete_record",
    "edit_cell",
    "edit_route",
    "editable_keys",
    "exclude_site",
    "include_site",
    "lock_all_visits",
    "lock_visit",
    "record_label",
    "route_required",
    "set_required",
    "unlock_all",
    "unlock_visit",
]
