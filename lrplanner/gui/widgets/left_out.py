"""Table of the sites a plan leaves out, with the reason for each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lrplanner.gui.models.table_model import Column, RecordTableModel

if TYPE_CHECKING:
    from lrplanner.core.plan import LeftOut
    from lrplanner.core.project import Project


def left_out_columns(project: Project) -> list[Column[LeftOut]]:
    """Return the columns: site id, name, country, reason kind, reason."""

    def name(row: LeftOut) -> str:
        site = project.site_by_id.get(row.site)
        return site.name if site else ""

    def country(row: LeftOut) -> str:
        site = project.site_by_id.get(row.site)
        return site.country if site else ""

    return [
        Column("Site ID", "The site's id on the Sites sheet", lambda r: r.site),
        Column("Site", "The site's name", name),
        Column("Country", "ISO country code", country),
        Column("Why", "The kind of reason", lambda r: r.kind.value),
        Column("Reason", "Why the plan does not visit this site", lambda r: r.reason),
    ]


def left_out_model(project: Project | None) -> RecordTableModel[LeftOut]:
    """Return a table model of the sites the project's plan leaves out."""
    if project is None or project.plan is None:
        return RecordTableModel(
            [
                Column(h, "", str)
                for h in ("Site ID", "Site", "Country", "Why", "Reason")
            ]
        )
    return RecordTableModel(left_out_columns(project), project.plan.left_out)
