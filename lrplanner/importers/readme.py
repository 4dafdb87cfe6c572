"""The README sheet of the template: what the workbook is and every column."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, Font

from lrplanner.core.columns import HOURS_HELP, SHEETS, Kind
from lrplanner.core.costs import CostCategory
from lrplanner.core.countries import REGION

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

INTRO = (
    "LR Planner input workbook",
    "This workbook holds everything LR Planner needs to plan a Learning Route: "
    "the route's frame (Route), the host sites, the champions who present them, "
    "the participants, the places (cities, airports, border posts) and, "
    "optionally, known travel links, visa rules by nationality (Visas) and "
    "the amount planned per cost category (Budget).",
    "Fill one sheet per kind of record. Headers are matched ignoring case, and "
    "the synonyms listed below are accepted; columns may be in any order. "
    "Extra columns are kept as notes. Blank rows are skipped. A sheet holds "
    "at most 5,000 rows of data and 200 columns; merged cells that hold a "
    "value are refused (unmerge them and type the value in each row); hidden "
    "sheets, rows and columns are read, with a warning.",
    "Route sheet: one setting per row, the setting's name in column A and its "
    "value in column B; column C onward is free for comments.",
    "Several routes (a programme): copy the Route sheet once per further "
    "route and name the copies Route and a name, such as Route 2 or Route "
    "Nov (CSV: Route 2.csv); the routes follow in the order of the sheets. "
    "The other sheets are shared, and then every Participants and Budget row "
    "names its route's Route name in the Route column. Each route has its "
    "own name and the same currency. Plan the routes together with "
    "'lrplanner programme plan' or the desktop app; with one Route sheet "
    "leave the Route column blank. A site marked Required on Sites must be "
    "visited by every route; to require a site on one route only, name it "
    "in that Route sheet's Required sites setting (e.g. KH01, VN01).",
    "Travel: legs come from Links; where Links has none, a road is estimated "
    "from the distance, but only between two places in one country on the same "
    "island or landmass (a place Links joins only by boat counts as an island). "
    "Between islands add a boat, flight or bridge (road) row. Flights come only "
    "from Links unless the Route's Estimated flights is yes. Every estimated "
    "leg is marked 'estimate \u2014 confirm'.",
    "Dates: Excel dates, or text as 2027-04-01 (best), 2027/04/01, 01 Apr 2027, "
    "1 April 2027 or 1-Apr-2027. 25/03/2027 (day above 12) is read as "
    "day/month/year, but 01/04/2027 is ambiguous and refused: write "
    "2027-04-01. Every date lies between 2000-01-01 and 2100-12-31.",
    "Times: Excel times, or text as 18:00, 18.00, 18h00, 1800, 6:00 PM, 6 pm "
    "or 8am (local time); an opening window may close at 24:00 or midnight. "
    "A year column (Birth year) given a date takes its year, with a warning.",
    "Lists (themes, ids, dates, languages): separate items with ';' or ','. "
    "Date ranges: 2027-03-01..2027-03-05, 2027-03-01 to 2027-03-05 or "
    "2027-03-01\u20132027-03-05 (en dash); a range in a dates column (Rest "
    "days, Blackout dates) means each of its days, at most 366.",
    f"Opening hours: {HOURS_HELP}.",
    "Numbers: each column's range is in its help below (Learning value 1-10, "
    "percentages 0-100, amounts and counts 0 or more); values outside it are "
    "refused.",
    "Text: at most 500 characters a cell (ids 40, lists and note columns "
    "2000). Spaces and invisible characters (zero-width spaces, "
    "right-to-left marks) at the ends are removed; in ids they are removed "
    "everywhere, with a warning.",
    "CSV files: UTF-8 (Excel's 'CSV UTF-8') or UTF-16 ('Unicode text'); "
    "other files are read as Windows-1252 with a warning.",
    "Money: plain amounts such as 1200.50 or 1,200.50 are in the Route's "
    "currency. An amount in another currency names it: 80,000 KHR, LAK "
    "645,000 (or a sign that names one currency: \u17db \u20ad \u20ab \u0e3f "
    "\u20b1 \u09f3); it is converted at the Rates sheet's rate, to the cent, "
    "and kept as entered. $, Rs and kr name several currencies: write the "
    "code. Percent: 5 or 5% (a %-formatted cell is read as shown).",
    "Rates: one row per currency other than the Route's: the code, how many "
    "units one unit of the Route's currency buys (4000 KHR per USD), the "
    "date and the source. A blank template holds the European Central Bank "
    "reference rates of THB, PHP, INR, IDR, MYR and CNY; the ECB publishes "
    "no KHR, LAK, VND, NPR or BDT rate, so enter those from your bank.",
    "Yes/no: yes, no, y, n, true, false, 1, 0 or x (= yes).",
    "Countries: any ISO 3166 alpha-2 code, or the country's English name "
    "(Uganda, Tanzania): the Country dropdown lists the programme's usual "
    "countries, "
    + ", ".join(f"{code} {name}" for code, name in REGION.items())
    + ", and accepts any other code after a warning.",
    "Visas: one row per nationality (the Participants Country) and destination: "
    "none, on arrival, e-visa or visa, the longest stay allowed, a note, the "
    "source and the date it was checked. LR Planner does not know visa "
    "policies: visas.xlsx lists what these rows say for each participant and "
    "country entered, and 'no rule entered' where there is no row. The "
    "sample workbooks hold a starting table (ASEAN nationals are visa-exempt "
    "for short stays in other ASEAN members; day limits differ by pair): "
    "check it with the embassy before booking.",
    "Budget: one row per cost category with the amount planned for it, in "
    "the route's currency, and a note. Categories: "
    + ", ".join(c.value for c in CostCategory)
    + " (common names such as accommodation, DSA or interpretation are "
    "accepted). costs.xlsx shows each planned amount against the plan's "
    "actual cost, the difference and the share used; the Route's budget cap "
    "remains the limit the planner keeps to.",
    "Formulas are read as the result Excel last saved; save the file in Excel "
    "before importing it.",
)

TABLE_HEADER = ("Sheet", "Column", "Required", "Type", "Help", "Example", "Also")


def _kind_text(kind: Kind) -> str:
    return kind.value


def readme_rows() -> list[tuple[str, ...]]:
    """Return the README's column table: one row per column of every sheet."""
    rows: list[tuple[str, ...]] = []
    for spec in SHEETS:
        sheet_note = "" if spec.required else " (optional sheet)"
        rows.append((spec.name, "", "", "", spec.help + sheet_note, "", ""))
        for column in spec.columns:
            rows.append(
                (
                    spec.name,
                    column.header,
                    "yes" if column.required else "",
                    _kind_text(column.kind),
                    column.help,
                    column.example,
                    ", ".join((column.key, *column.synonyms)),
                )
            )
    return rows


def write_readme(sheet: Worksheet) -> None:
    """Fill the README sheet: introduction, then the table of every column."""
    sheet.title = "README"
    for number, text in enumerate(INTRO, start=1):
        cell = sheet.cell(row=number, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(
            start_row=number, start_column=1, end_row=number, end_column=7
        )
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    top = len(INTRO) + 2
    for column, text in enumerate(TABLE_HEADER, start=1):
        sheet.cell(row=top, column=column, value=text).font = Font(bold=True)
    for offset, row in enumerate(readme_rows(), start=1):
        for column, text in enumerate(row, start=1):
            sheet.cell(row=top + offset, column=column, value=text)
            if not row[1]:
                sheet.cell(row=top + offset, column=column).font = Font(bold=True)
    for letter, width in zip("ABCDEFG", (14, 26, 9, 12, 60, 28, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{top + 1}"
