"""The starting visa table: rules for the programme's countries, to edit.

The seven programme countries are Cambodia (KH), Lao PDR (LA), Viet Nam
(VN), Thailand (TH) and the Philippines (PH), all ASEAN members, and Nepal
(NP) and Bangladesh (BD). The table is a starting point written in
December 2026 from public embassy and immigration pages, not a source of
truth: policies change, and each row's source says to check with the
embassy before booking. It goes into a workbook's Visas sheet (the sample
workbooks hold the rows their participants need), where the officer
corrects and completes it.

What it holds:

- ASEAN nationals need no visa for short stays in another ASEAN member
  (the 2006 ASEAN Framework Agreement on Visa Exemption, at least 14 days;
  bilateral agreements give more). The day limits differ by pair. Where
  the limit is not certain, the row has the shorter known limit and a note
  beginning ``check``.
- Viet Nam issues e-visas to every nationality (since August 2023, up to
  90 days), Nepal visas on arrival (free for 30 days to SAARC nationals,
  none needed by Indian nationals), Cambodia e-visas to most nationalities.
- Nothing for Bangladesh as a destination, nor for Lao PDR, Thailand and
  the Philippines for non-ASEAN nationals: those pairs are as the officer
  enters them, and the visa report says "no rule entered" until then.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from lrplanner.core.visas import Requirement, VisaRule

if TYPE_CHECKING:
    from collections.abc import Collection

#: The source and date every rule of the table carries.
STARTING_SOURCE = (
    "starting table, LR Planner 2026-12; check with the embassy before booking"
)
STARTING_DATE = date(2026, 12, 2)

NONE, ARRIVAL = Requirement.NONE, Requirement.ON_ARRIVAL
E_VISA, VISA = Requirement.E_VISA, Requirement.VISA
ASEAN = "ASEAN visa exemption"
CHECK_DAYS = f"{ASEAN}; check the day limit (the shorter one known is entered)"
TH_30 = f"{ASEAN}; Thailand has allowed 60 days since 2024: check the current limit"
NP_TOURIST = (
    "tourist visa on arrival (15, 30 or 90 days, fee by length); check the visa "
    "type for an official study visit"
)
NP_SAARC = "SAARC nationals: visa on arrival, free for 30 days once a year; check"
VN_E_VISA = (
    "e-visa for every nationality since August 2023 (up to 90 days, single or "
    "multiple entry); check"
)
KH_E_VISA = "tourist e-visa or visa on arrival for most nationalities; check"
KH_NO_ARRIVAL = (
    "check: not eligible for visa on arrival in the past; apply at a Cambodian embassy"
)

#: (destination, nationality, requirement, max days, note), by destination.
TABLE: tuple[tuple[str, str, Requirement, int | None, str], ...] = (
    ("KH", "LA", NONE, 30, ASEAN),
    ("KH", "VN", NONE, 30, ASEAN),
    ("KH", "ID", NONE, 30, ASEAN),
    ("KH", "MY", NONE, 30, ASEAN),
    ("KH", "PH", NONE, 21, CHECK_DAYS),
    ("KH", "TH", NONE, 14, CHECK_DAYS),
    ("KH", "MM", NONE, 14, CHECK_DAYS),
    ("KH", "NP", E_VISA, 30, KH_E_VISA),
    ("KH", "BD", VISA, None, KH_NO_ARRIVAL),
    ("KH", "LK", VISA, None, KH_NO_ARRIVAL),
    ("LA", "KH", NONE, 30, ASEAN),
    ("LA", "VN", NONE, 30, ASEAN),
    ("LA", "TH", NONE, 30, ASEAN),
    ("LA", "ID", NONE, 30, ASEAN),
    ("LA", "MY", NONE, 30, ASEAN),
    ("LA", "PH", NONE, 30, CHECK_DAYS),
    ("LA", "MM", NONE, 14, CHECK_DAYS),
    ("VN", "KH", NONE, 30, ASEAN),
    ("VN", "LA", NONE, 30, ASEAN),
    ("VN", "TH", NONE, 30, ASEAN),
    ("VN", "ID", NONE, 30, ASEAN),
    ("VN", "MY", NONE, 30, ASEAN),
    ("VN", "PH", NONE, 21, ASEAN),
    ("VN", "MM", NONE, 14, ASEAN),
    ("VN", "BD", E_VISA, 90, VN_E_VISA),
    ("VN", "LK", E_VISA, 90, VN_E_VISA),
    ("VN", "NP", E_VISA, 90, VN_E_VISA),
    ("VN", "IN", E_VISA, 90, VN_E_VISA),
    ("VN", "CN", E_VISA, 90, VN_E_VISA),
    ("TH", "LA", NONE, 30, TH_30),
    ("TH", "VN", NONE, 30, TH_30),
    ("TH", "PH", NONE, 30, TH_30),
    ("TH", "ID", NONE, 30, TH_30),
    ("TH", "MY", NONE, 30, TH_30),
    ("TH", "KH", NONE, 14, CHECK_DAYS),
    ("TH", "MM", NONE, 14, f"{CHECK_DAYS}; arrivals by air"),
    ("PH", "KH", NONE, 30, ASEAN),
    ("PH", "LA", NONE, 30, ASEAN),
    ("PH", "VN", NONE, 30, ASEAN),
    ("PH", "TH", NONE, 30, ASEAN),
    ("PH", "ID", NONE, 30, ASEAN),
    ("PH", "MY", NONE, 30, ASEAN),
    ("PH", "MM", NONE, 30, ASEAN),
    *(("NP", n, ARRIVAL, 30, NP_TOURIST) for n in ("KH", "LA", "VN", "TH", "PH")),
    *(("NP", n, ARRIVAL, 30, NP_TOURIST) for n in ("ID", "MY", "MM")),
    ("NP", "BD", ARRIVAL, 30, NP_SAARC),
    ("NP", "LK", ARRIVAL, 30, NP_SAARC),
    ("NP", "IN", NONE, None, "Indian nationals need no visa; check the ID accepted"),
)


def starting_rules(
    nationalities: Collection[str] | None = None,
    destinations: Collection[str] | None = None,
) -> tuple[VisaRule, ...]:
    """Return the starting table's rules, optionally for some countries only.

    Parameters
    ----------
    nationalities
        Keep the rules for these nationalities (None: all), e.g. those of a
        route's participants.
    destinations
        Keep the rules for these destinations (None: all), e.g. the
        countries a route visits.
    """
    return tuple(
        VisaRule(
            nationality=nationality,
            destination=destination,
            requirement=requirement,
            max_days=days,
            note=note,
            source=STARTING_SOURCE,
            checked_on=STARTING_DATE,
        )
        for destination, nationality, requirement, days, note in TABLE
        if (nationalities is None or nationality in nationalities)
        and (destinations is None or destination in destinations)
    )
