"""The facilitators' printable agenda: an overview, then one A4 page per day.

The first page is the route at a glance (:mod:`pdf_overview`: dates,
countries, a map thumbnail, one line per day). Each day page has the route
name and the day, the route's emergency and staff contacts, a table of local
times, activity, place and host, champions with their contacts and notes
(travel details, address), and the overnight place as its last row. A long
page is shrunk to fit rather than spilling onto a second one. Text in Khmer,
Lao, Thai, Devanagari and Bengali is drawn in the matching Noto font (see
:mod:`lrplanner.exporters.pdf_fonts` for the shaping limits).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepInFrame,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from lrplanner.core.atomic import atomic_path
from lrplanner.exporters.agenda_rows import (
    OVERNIGHT,
    AgendaRow,
    activity_lines,
    check_banner,
    day_before,
    day_heading,
    day_rows,
)
from lrplanner.exporters.pdf_fonts import markup, register_fonts
from lrplanner.exporters.pdf_overview import overview_page
from lrplanner.exporters.route_contacts import route_contacts

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from reportlab.pdfgen.canvas import Canvas

    from lrplanner.core.plan import DayPlan, Itinerary
    from lrplanner.core.project import Project

PAGE = landscape(A4)
MARGIN = 14 * mm
COLUMNS = (34 * mm, 60 * mm, 66 * mm, 55 * mm, 54 * mm)
HEADERS: tuple[str, ...] = (
    "Time (local)",
    "Activity",
    "Place and host",
    "Champion(s), contact",
)
HEADERS += ("Notes",)
HEADER_BLUE = colors.HexColor("#1F4E78")


def _styles(font: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=11.5, shaping=1)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10,
                                textColor=colors.HexColor("#444444")),
        "head": ParagraphStyle("head", parent=body, textColor=colors.white,
                               fontName=f"{font}-Bold"),
        "title": ParagraphStyle("title", parent=body, fontSize=15, leading=19,
                                fontName=f"{font}-Bold"),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11.5,
                                   leading=15, textColor=HEADER_BLUE),
        "contacts": ParagraphStyle("contacts", parent=body, spaceBefore=2,
                                   textColor=colors.HexColor("#7B241C")),
        "alert": ParagraphStyle("alert", parent=body, fontName=f"{font}-Bold",
                                textColor=colors.HexColor("#C0392B")),
    }  # fmt: skip


def write_agenda_pdf(
    project: Project,
    itinerary: Itinerary,
    path: Path,
    *,
    check_failures: Sequence[str] = (),
) -> None:
    """Write the agenda as a PDF: the overview, then one A4 landscape page per day.

    Parameters
    ----------
    project
        The inputs (names, hosts, champions and contacts).
    itinerary
        The plan to print.
    path
        Where to write the PDF; an old file is replaced only on success.
    check_failures
        The hard rules the plan breaks (empty for a checked plan): every page
        starts with a red warning and the first (the overview) lists the rules.

    Raises
    ------
    FileNotFoundError
        If the bundled fonts are missing.
    """
    styles = _styles(register_fonts())
    count = len(itinerary.days)
    contacts = contacts_paragraphs(project, styles)
    overview = overview_page(project, itinerary, styles, contacts, _frame_size()[0])
    pages = [overview]
    for number, day in enumerate(itinerary.days, start=1):
        before = day_before(itinerary, number - 1)
        pages.append(day_page(project, (before, day), number, count, styles))
    story: list[object] = []
    for index, content in enumerate(pages):
        if check_failures:
            shown = check_failures if index == 0 else ()
            content = [*_check_warning(check_failures, shown, styles), *content]
        if index:
            story.append(PageBreak())
        story.append(KeepInFrame(*_frame_size(), content, mode="shrink"))

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        _draw_footer(canvas, project.route.name, doc.page, len(pages))

    with atomic_path(path) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=f"Agenda — {project.route.name}",
            author="LR Planner",
        )
        doc.build(story, onFirstPage=footer, onLaterPages=footer)


def _check_warning(
    failures: Sequence[str], listed: Sequence[str], styles: dict[str, ParagraphStyle]
) -> list[object]:
    """Return the red warning of a plan that fails the check (and its rules)."""
    alert = styles["alert"]
    return [
        Paragraph(markup(check_banner(failures)), alert),
        *(Paragraph(markup(f"• {failure}"), alert) for failure in listed),
        Spacer(1, 2 * mm),
    ]


def _frame_size() -> tuple[float, float]:
    width = PAGE[0] - 2 * MARGIN
    height = PAGE[1] - 2 * MARGIN - 4 * mm
    # Platypus frames keep 6 pt padding on each side; stay inside it.
    return width - 12, height - 12


def contacts_paragraphs(
    project: Project, styles: dict[str, ParagraphStyle]
) -> list[object]:
    """Return the route's contacts as one line, ``Emergency: ... · Staff: ...``
    (no line when the Route sheet has none)."""
    contacts = route_contacts(project.route)
    parts = [f"<b>{label}:</b> {markup(text)}" for label, text in contacts]
    return [Paragraph(" · ".join(parts), styles["contacts"])] if parts else []


def day_page(
    project: Project,
    days: tuple[DayPlan | None, DayPlan],
    number: int,
    count: int,
    styles: dict[str, ParagraphStyle],
) -> list[object]:
    """Return the flowables of one day's page: title, subtitle, contacts, table.

    ``days`` is (the plan's previous day or None, the day).
    """
    before, day = days
    rows = day_rows(project, day, before=before)
    data = [[Paragraph(h, styles["head"]) for h in HEADERS]]
    data += [_table_row(row, styles) for row in rows]
    table = Table(data, colWidths=COLUMNS, repeatRows=1)
    table.setStyle(_table_style(rows))
    subtitle = f"Day {number} of {count} · {markup(day_heading(project, day))}"
    return [
        Paragraph(markup(project.route.name), styles["title"]),
        Paragraph(subtitle, styles["subtitle"]),
        *contacts_paragraphs(project, styles),
        Spacer(1, 4 * mm),
        table,
    ]


def _table_row(row: AgendaRow, styles: dict[str, ParagraphStyle]) -> list[object]:
    body, small = styles["body"], styles["small"]
    title, under = activity_lines(row.activity)
    activity = f"<b>{markup(title)}</b>" if row.kind != "meal" else markup(title)
    for label, line in under:
        shown = f"<i>{markup(label)}:</i> {markup(line)}" if label else markup(line)
        activity += f"<br/>{shown}"
    place = [Paragraph(markup(row.place), body)]
    if row.host:
        place.append(Paragraph(markup(row.host), small))
    notes = [t for t in (row.travel, row.address) if t]
    return [
        Paragraph(markup(row.time), body),
        Paragraph(activity, body),
        place,
        Paragraph(markup(row.champions), body),
        Paragraph(markup("\n".join(notes)), small),
    ]


def _table_style(rows: list[AgendaRow]) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BLUE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for index, row in enumerate(rows, start=1):
        if row.kind == OVERNIGHT:
            commands.append(("BACKGROUND", (0, index), (-1, index), "#E2EFDA"))
        elif row.kind == "travel":
            commands.append(("BACKGROUND", (0, index), (-1, index), "#F2F2F2"))
    return TableStyle(commands)


def _draw_footer(canvas: Canvas, route: str, page: int, count: int) -> None:
    canvas.saveState()
    canvas.setFont("NotoSans", 8)
    canvas.setFillColor(colors.HexColor("#555555"))
    y = MARGIN - 2 * mm
    canvas.drawString(MARGIN, y, route)
    canvas.drawRightString(PAGE[0] - MARGIN, y, f"Page {page} of {count}")
    canvas.restoreState()
