"""A small, realistic Cambodia / Viet Nam route as rows, and writers for it."""

from __future__ import annotations

import csv
from datetime import date, time
from decimal import Decimal
from typing import TYPE_CHECKING

from openpyxl import Workbook

from lrplanner.importers import write_template

if TYPE_CHECKING:
    from pathlib import Path

Rows = dict[str, list[dict[str, object]]]


def mekong_rows() -> Rows:
    """Return the rows of a realistic route, keyed by sheet then by header/key."""
    return {
        "Route": [
            {
                "Route name": "Mekong Learning Route 2027",
                "Start date": date(2027, 3, 1),
                "End date": date(2027, 3, 10),
                "Start place": "PNH",
                "End place": "SGN",
                "Day start": time(7, 30),
                "Lunch": "12:00",
                "Max visits per day": 3,
                "Rest days": "2027-03-06",
                "Budget cap": Decimal("60000"),
                "Currency": "USD",
                "Contingency %": "5%",
                "Facilitators": 2,
                "Interpreters": 2,
                "Vehicle hire per day": "180",
            }
        ],
        "Sites": [
            {
                "Site ID": "KH-CLC1",
                "Name": "Kampong Speu learning centre (មជ្ឈមណ្ឌលសិក្សា)",
                "Host organisation": "Kampong Speu farmers' federation",
                "Country": "KH",
                "Place": "KSP",
                "Themes": "rural finance; women's empowerment",
                "Learning value": 8,
                "Visit minutes": 150,
                "Opening hours": "08:00-11:30, 13:30-17:00",
                "Hours Sun": "closed",
                "Available dates": "2027-03-01..2027-03-05",
                "Blackout dates": "2027-03-04",
                "Capacity": 30,
                "Fee per group": "150",
                "Fee per person": "5",
                "Champion IDs": "CH01; CH02",
                "Required": "yes",
            },
            {
                "Site ID": "KH-SAV2",
                "Name": "Takeo women's savings group",
                "Country": "KH",
                "Lat": 10.9908,
                "Lon": 104.7850,
                "Themes": "rural finance",
                "Learning value": 6,
                "Visit minutes": 120,
                "Champion IDs": "CH02",
            },
            {
                "Site ID": "VN-RICE3",
                "Name": "Hợp tác xã lúa gạo Cần Thơ",
                "Host organisation": "Cần Thơ rice cooperative",
                "Country": "VN",
                "Place": "CTH",
                "Themes": "value chains, cooperatives",
                "Learning value": 9,
                "Visit minutes": 180,
                "Hours Mon": "07:00-11:00",
                "Hours Sat": "closed",
                "Hours Sun": "closed",
                "Available dates": "2027-03-07 to 2027-03-10; 2027-04-01..2027-04-05",
                "Fee per person": "1,200.50",
                "Champion IDs": "CH03",
                "Open on holidays": "y",
            },
        ],
        "Champions": [
            {
                "Champion ID": "CH01",
                "Name": "Sok Chanthy",
                "Gender": "F",
                "Birth year": 1994,
                "Organisation": "CEDAC",
                "Country": "KH",
                "Languages": "Khmer; English",
                "Contact": "+855 12 345 678",
                "Site IDs": "KH-CLC1",
                "Available dates": "2027-03-01..2027-03-10",
                "Honorarium": "50",
                "WhatsApp": "+855 12 345 678",
            },
            {
                "Champion ID": "CH02",
                "Name": "Chea Sokhom",
                "Gender": "M",
                "Birth year": 1971,
                "Country": "KH",
                "Site IDs": "KH-CLC1; KH-SAV2",
                "Honorarium": "50",
            },
            {
                "Champion ID": "CH03",
                "Name": "Nguyễn Thị Hoa",
                "Gender": "F",
                "Youth": "yes",
                "Country": "VN",
                "Languages": "Vietnamese",
                "Site IDs": "VN-RICE3",
                "Honorarium": "40",
            },
        ],
        "Participants": [
            {
                "Participant ID": "P01",
                "Name": "Nguyễn Thị Lan",
                "Gender": "F",
                "Country": "VN",
                "Organisation": "Quang Binh DARD",
                "Role": "project officer",
                "Home city": "Đồng Hới",
                "Fare to start": "180",
                "Fare from end": "150",
            },
            {
                "Participant ID": "P02",
                "Name": "Bounmy Phommachanh",
                "Gender": "M",
                "Country": "LA",
                "Dietary needs": "vegetarian",
            },
            {
                "Participant ID": "P03",
                "Name": "Ram Bahadur Thapa",
                "Gender": "M",
                "Country": "NP",
            },
            {
                "Participant ID": "P04",
                "Name": "Rehana Akter",
                "Gender": "F",
                "Country": "BD",
                "Languages": "Bangla, English",
            },
        ],
        "Places": [
            _place("PNH", "Phnom Penh", "KH", 11.5564, 104.9282, "airport", "35"),
            _place("KSP", "Kampong Speu", "KH", 11.4533, 104.5206, "city", "25"),
            {
                **_place(
                    "BVT", "Bavet / Mộc Bài border", "KH", 11.082, 106.15, "border"
                ),
                "Other country": "VN",
                "Opening hours": "06:00-22:00",
            },
            _place("CTH", "Cần Thơ", "VN", 10.0452, 105.7469, "city", "30"),
            _place("SGN", "Hồ Chí Minh City", "VN", 10.8231, 106.6297, "airport", "45"),
        ],
        "Links": [
            {
                "From": "PNH",
                "To": "KSP",
                "Mode": "road",
                "Minutes": 75,
                "Cost per vehicle": "60",
            },
            {
                "From": "PNH",
                "To": "SGN",
                "Mode": "flight",
                "Minutes": 55,
                "Cost per person": "95",
                "Days": "Mon;Wed;Fri",
                "Departures": "07:30; 16:45",
                "Both ways": "no",
            },
        ],
        "Visas": [
            {
                "Nationality": "VN",
                "Destination": "KH",
                "Requirement": "visa-free",
                "Max days": 30,
                "Note": "ASEAN visa exemption",
                "Source": "Cambodian embassy, Hanoi",
                "Date": date(2026, 11, 20),
            },
            {"Nationality": "Lao PDR", "Destination": "KH", "Requirement": "none"},
            {
                "Nationality": "NP",
                "Destination": "VN",
                "Requirement": "E-Visa",
                "Max days": "90",
            },
        ],
        "Budget": [
            {"Category": "Accommodation", "Planned amount": "2400", "Note": "twin"},
            {"Category": "DSA", "Planned amount": 1500},
            {"Category": "vehicle hire", "Planned amount": Decimal("900.50")},
        ],
        "Rates": [
            {
                "Currency": "KHR",
                "Rate": 4000,
                "Date": "2027-01-15",
                "Source": "National Bank of Cambodia official rate",
            },
        ],
    }


def _place(
    pid: str,
    name: str,
    country: str,
    lat: float,
    lon: float,
    kind: str,
    lodging: str = "",
) -> dict[str, object]:
    return {
        "Place ID": pid,
        "Name": name,
        "Country": country,
        "Lat": lat,
        "Lon": lon,
        "Kind": kind,
        "Lodging per night": lodging,
        "Per diem": "40" if lodging else "",
    }


def write_workbook(rows: Rows, path: Path) -> Path:
    """Write rows as an input workbook (via the template writer) and return it."""
    write_template(path, rows)
    return path


def _text(value: object) -> str:
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return "" if value is None else str(value)


def write_csv_folder(rows: Rows, folder: Path, delimiter: str = ",") -> Path:
    """Write rows as a folder of CSV files (Route.csv as Setting,Value rows)."""
    folder.mkdir(parents=True, exist_ok=True)
    for sheet, records in rows.items():
        with (folder / f"{sheet}.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, delimiter=delimiter)
            if sheet == "Route" or sheet.startswith("Route "):
                writer.writerow(["Setting", "Value"])
                for key, value in records[0].items():
                    writer.writerow([key, _text(value)])
                continue
            headers = list(dict.fromkeys(k for r in records for k in r))
            writer.writerow(headers)
            for record in records:
                writer.writerow([_text(record.get(h)) for h in headers])
    return folder


def write_raw(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """Write sheets cell by cell with openpyxl (no template), for odd layouts."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, lines in sheets.items():
        sheet = book.create_sheet(name)
        for line in lines:
            sheet.append(line)
    book.save(path)
    return path
