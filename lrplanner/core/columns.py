"""The single source of truth for the input workbook's sheets and columns.

The importer, the template writer, the exporters and the GUI tables all read
these specs, so headers, synonyms, help texts and examples never drift apart.

A column that fills one field of its sheet's record (``Site``, ``Place``,
``RouteSettings``...) names that field, its default (the value of a blank
cell) and, for numbers, its bounds: the importer reads it and the write-back
writes it from this entry alone. A compound column (the opening hours, which
several columns fill together) has no field; hand-written code reads and
writes it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from lrplanner.core.costs import CostCategory
from lrplanner.core.places import MAX_PROCEDURE_MIN, PlaceKind
from lrplanner.core.route import (
    BUILT_IN_ROAD_SPEEDS,
    OTHER_ROAD_SPEED,
    road_speeds_text,
)
from lrplanner.core.visa_table import STARTING_SOURCE


class Kind(enum.StrEnum):
    """How a cell's text is parsed."""

    TEXT = "text"
    ID = "id"
    INT = "int"
    NUMBER = "number"
    MONEY = "money"
    PERCENT = "percent"
    DATE = "date"
    TIME = "time"
    BOOL = "yes/no"
    LIST = "list"
    DATES = "dates"
    DATE_RANGES = "date ranges"
    HOURS = "hours"
    COUNTRY = "country"
    CURRENCY = "currency"
    GENDER = "gender"
    MODE = "mode"
    PLACE_KIND = "place kind"
    WEEKDAYS = "weekdays"
    TIMES = "times"
    TIMEZONE = "time zone"
    REQUIREMENT = "visa requirement"
    CATEGORY = "cost category"
    SPEEDS = "road speeds"


class Parse(enum.StrEnum):
    """A way of reading a cell other than its :class:`Kind`'s own."""

    #: A four-digit year; a date gives its year (Kind.INT).
    YEAR = "year"
    #: Ids separated by ';' or ',' (Kind.LIST holds free text).
    ID_LIST = "id list"
    #: A room: twin, single or 'share with <participant id>' (Kind.TEXT).
    ROOM = "room"
    #: An exchange rate: a positive decimal, ``4,100`` or ``33.73`` (Kind.NUMBER).
    RATE = "exchange rate"


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnSpec:
    """One column of one sheet: header, accepted synonyms, type, help and field.

    ``field`` is the attribute of the sheet's record the column fills
    (dotted for a nested one, such as ``rates.vehicle_per_day``), or None
    for a compound column read and written by hand-written code. A blank
    cell gives ``default``; a required column has no default (None).
    ``bounds`` are the lowest and highest value of an INT or NUMBER column,
    ``what`` names a NUMBER in the message for a value out of them, and
    ``parse`` replaces the kind's parser where that does not fit.
    """

    key: str
    header: str
    kind: Kind
    help: str
    example: str = ""
    required: bool = False
    synonyms: tuple[str, ...] = ()
    field: str | None = None
    default: object = None
    bounds: tuple[float, float] | None = None
    what: str = ""
    parse: Parse | None = None

    def names(self) -> tuple[str, ...]:
        """Return every accepted header, normalised (lower case, single spaces)."""
        return tuple(
            normalise_header(n) for n in (self.header, self.key, *self.synonyms)
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class SheetSpec:
    """One sheet of the workbook: its name, purpose and columns.

    ``key_value`` sheets (Route) hold one setting per row in two columns
    (Setting, Value) instead of one record per row.
    """

    name: str
    help: str
    columns: tuple[ColumnSpec, ...]
    required: bool = True
    key_value: bool = False
    synonyms: tuple[str, ...] = ()
    more_examples: tuple[tuple[tuple[str, str], ...], ...] = ()

    def examples(self) -> list[dict[str, str]]:
        """Return the example rows (column key -> text) the template shows.

        The first row comes from the columns' examples; ``more_examples``
        adds rows so that the example workbook is complete and consistent.
        """
        first = {c.key: c.example for c in self.columns if c.example}
        return [first, *(dict(pairs) for pairs in self.more_examples)]

    def column(self, key: str) -> ColumnSpec:
        """Return the column spec with a given key."""
        for spec in self.columns:
            if spec.key == key:
                return spec
        raise KeyError(key)


def normalise_header(text: str) -> str:
    """Return a header folded for matching: case, spaces, ``_``/``-`` ignored."""
    cleaned = text.replace("_", " ").replace("-", " ").replace("/", " ")
    return " ".join(cleaned.lower().split())


def _c(
    key: str,
    header: str,
    kind: Kind,
    help_: str,
    example: str = "",
    *,
    required: bool = False,
    synonyms: tuple[str, ...] = (),
    field: str | None = None,
    compound: bool = False,
    default: object = None,
    bounds: tuple[float, float] | None = None,
    what: str = "",
    parse: Parse | None = None,
) -> ColumnSpec:
    """Return a column spec; its field is its key unless given, or none if compound."""
    return ColumnSpec(
        key=key,
        header=header,
        kind=kind,
        help=help_,
        example=example,
        required=required,
        synonyms=synonyms,
        field=None if compound else (field or key),
        default=default,
        bounds=bounds,
        what=what,
        parse=parse,
    )


_ZERO = Decimal("0")
_EVERY_DAY = frozenset(range(7))
_LATITUDE = "a latitude in decimal degrees"
_LONGITUDE = "a longitude in decimal degrees"

HOURS_HELP = (
    "opening windows as HH:MM-HH:MM, several separated by ',' "
    "(e.g. 08:00-11:30, 13:30-17:00; also 8am-4pm or 08:00 to 16:00); "
    "'closed' (or -, none, n/a, no) for none; blank = the "
    "'Opening hours' value, or open all day"
)


def _route_of(what: str) -> ColumnSpec:
    """Return the Route column of a sheet whose rows belong to one route."""
    return _c(
        "route",
        "Route",
        Kind.TEXT,
        f"the Route name of the route {what} belongs to, when the workbook "
        "holds several Route sheets (Route, Route 2, ...); blank with one route",
        synonyms=("route name", "learning route"),
        compound=True,
    )


ROUTE = SheetSpec(
    name="Route",
    help="One setting per row: column A the setting, column B its value. "
    "A programme adds one such sheet per further route: Route 2, Route Nov...",
    key_value=True,
    columns=(
        _c(
            "name",
            "Route name",
            Kind.TEXT,
            "title of the route",
            "Mekong Learning Route 2027",
            required=True,
            synonyms=("name", "route"),
        ),
        _c(
            "start_date",
            "Start date",
            Kind.DATE,
            "first day (YYYY-MM-DD)",
            "2027-03-01",
            required=True,
            synonyms=("start", "from date"),
        ),
        _c(
            "end_date",
            "End date",
            Kind.DATE,
            "last day (YYYY-MM-DD)",
            "2027-03-11",
            required=True,
            synonyms=("end", "to date"),
        ),
        _c(
            "start_place",
            "Start place",
            Kind.ID,
            "place id (Places sheet) where the group gathers",
            "PNH",
            required=True,
            synonyms=("start city", "origin"),
        ),
        _c(
            "end_place",
            "End place",
            Kind.ID,
            "place id where the route ends",
            "SGN",
            required=True,
            synonyms=("end city", "destination"),
        ),
        _c(
            "day_start",
            "Day start",
            Kind.TIME,
            "earliest activity, local (HH:MM)",
            "08:00",
            default=time(8, 0),
        ),
        _c(
            "day_end",
            "Day end",
            Kind.TIME,
            "latest end of activities, local",
            "18:00",
            default=time(18, 0),
        ),
        _c(
            "lunch_start",
            "Lunch start",
            Kind.TIME,
            "preferred lunch time",
            "12:00",
            synonyms=("lunch",),
            default=time(12, 0),
        ),
        _c(
            "lunch_minutes",
            "Lunch minutes",
            Kind.INT,
            "lunch length in minutes, 0-180",
            "60",
            synonyms=("lunch duration",),
            default=60,
            bounds=(0, 180),
        ),
        _c(
            "max_visits_per_day",
            "Max visits per day",
            Kind.INT,
            "most site visits in one day, 0-20",
            "3",
            synonyms=("max visits",),
            default=3,
            bounds=(0, 20),
        ),
        _c(
            "max_travel_hours_per_day",
            "Max travel hours per day",
            Kind.NUMBER,
            "most hours on the road in one day, 0-24",
            "6",
            synonyms=("max travel hours",),
            default=6.0,
            bounds=(0, 24),
            what="a number of hours",
        ),
        _c(
            "rest_days",
            "Rest days",
            Kind.DATES,
            "dates without visits, separated by ';' (ranges such as "
            "2027-03-06..2027-03-07 too)",
            "2027-03-06",
            default=(),
        ),
        _c(
            "budget_cap",
            "Budget cap",
            Kind.MONEY,
            "total budget (blank = no cap)",
            "60000",
            synonyms=("budget",),
        ),
        _c(
            "currency",
            "Currency",
            Kind.CURRENCY,
            "ISO 4217 code of every amount",
            "USD",
            default="USD",
        ),
        _c(
            "contingency_pct",
            "Contingency %",
            Kind.PERCENT,
            "added on top of all costs, 0-100",
            "5",
            synonyms=("contingency",),
            default=_ZERO,
        ),
        _c(
            "facilitators",
            "Facilitators",
            Kind.INT,
            "staff travelling with the group, 0-100",
            "2",
            default=2,
            bounds=(0, 100),
        ),
        _c(
            "interpreters",
            "Interpreters",
            Kind.INT,
            "interpreters travelling with the group for the whole route, 0-100 "
            "(interpreters for the visits come from the languages)",
            "0",
            default=0,
            bounds=(0, 100),
        ),
        _c(
            "vehicle_per_day",
            "Vehicle hire per day",
            Kind.MONEY,
            "group vehicle with driver, per day",
            "180",
            field="rates.vehicle_per_day",
            default=_ZERO,
        ),
        _c(
            "interpreter_per_day",
            "Interpreter fee per day",
            Kind.MONEY,
            "fee per interpreter per day",
            "120",
            field="rates.interpreter_per_day",
            default=_ZERO,
        ),
        _c(
            "facilitator_per_day",
            "Facilitator fee per day",
            Kind.MONEY,
            "fee per facilitator per day",
            "150",
            field="rates.facilitator_per_day",
            default=_ZERO,
        ),
        _c(
            "venue_per_session",
            "Venue per session",
            Kind.MONEY,
            "meeting room for a workshop session",
            "80",
            field="rates.venue_per_session",
            default=_ZERO,
        ),
        _c(
            "estimated_flights",
            "Estimated flights",
            Kind.BOOL,
            "yes: the planner may use a domestic flight between two airports "
            "that Links does not have, estimated from the distance (marked "
            "'estimate — confirm'); no (default): only the flights on Links",
            "no",
            synonyms=("estimate flights", "estimated domestic flights"),
            default=False,
        ),
        _c(
            "road_speeds",
            "Road speeds km/h",
            Kind.SPEEDS,
            "door-to-door speed of the road legs Links does not have (they "
            "are estimated from the distance): one number for every country "
            "(50), per country (KE 55; UG 45) or both (45; NP 25), 5-120; "
            f"blank: {road_speeds_text(BUILT_IN_ROAD_SPEEDS.items())} and "
            f"{OTHER_ROAD_SPEED:g} elsewhere",
            "",
            synonyms=("road speed", "road speed km/h", "road speeds"),
            default=(),
        ),
        _c(
            "transfer_buffer_min",
            "Transfer buffer minutes",
            Kind.INT,
            "minutes between arriving at a site and starting the visit "
            "(getting off the bus, greetings), 0-120; travel times are also "
            "rounded up to 5 minutes",
            "10",
            synonyms=("transfer buffer", "buffer minutes"),
            default=10,
            bounds=(0, 120),
        ),
        _c(
            "emergency_contact",
            "Emergency contact",
            Kind.TEXT,
            "who to call in an emergency, with the phone number (printed on "
            "every agenda)",
            "Route coordinator Chhorn Sokha +855 12 345 678",
            synonyms=("emergency", "emergency phone"),
            default="",
        ),
        _c(
            "staff_contacts",
            "Staff contacts",
            Kind.TEXT,
            "the route staff and their phones, separated by ';' (printed on "
            "the agenda's first page)",
            "Facilitator Nguyễn Thị Lan +84 90 123 4567; "
            "Logistics Keo Dara +855 17 222 333",
            synonyms=("staff", "team contacts"),
            default="",
        ),
        _c(
            "required_sites",
            "Required sites",
            Kind.LIST,
            "site ids (Sites sheet) this route must visit, separated by ',' "
            "(e.g. KH01, VN01); in a programme each route names its own, and "
            "the Sites sheet's Required column binds every route",
            synonyms=("required", "must visit", "required site ids"),
            default=(),
            parse=Parse.ID_LIST,
        ),
    ),
)

SITES = SheetSpec(
    name="Sites",
    help="Host sites the route may visit: one row per site.",
    synonyms=("host sites", "cases"),
    columns=(
        _c(
            "id",
            "Site ID",
            Kind.ID,
            "unique short code",
            "KH-CLC1",
            required=True,
            synonyms=("id", "site", "code"),
        ),
        _c(
            "name",
            "Name",
            Kind.TEXT,
            "name of the case",
            "Kampong Speu learning centre",
            required=True,
            synonyms=("site name",),
        ),
        _c(
            "host",
            "Host organisation",
            Kind.TEXT,
            "who receives the group",
            "Kampong Speu farmers' federation",
            synonyms=("host", "organisation"),
            default="",
        ),
        _c("country", "Country", Kind.COUNTRY, "ISO alpha-2 code", "KH", required=True),
        _c(
            "place",
            "Place",
            Kind.ID,
            "nearest place id (Places sheet)",
            "KSP",
            synonyms=("place id", "town", "city"),
        ),
        _c(
            "lat",
            "Lat",
            Kind.NUMBER,
            "latitude, decimal degrees (blank = the place's)",
            "11.4533",
            synonyms=("latitude",),
            bounds=(-90, 90),
            what=_LATITUDE,
        ),
        _c(
            "lon",
            "Lon",
            Kind.NUMBER,
            "longitude, decimal degrees",
            "104.5206",
            synonyms=("longitude", "lng", "long"),
            bounds=(-180, 180),
            what=_LONGITUDE,
        ),
        _c(
            "address",
            "Address",
            Kind.TEXT,
            "street address or directions",
            "Chbar Mon district",
            default="",
        ),
        _c(
            "focus",
            "Learning focus",
            Kind.TEXT,
            "what the group comes to see and ask about here, printed under "
            "the visit in the agenda",
            "how savings groups federate and lend to members' enterprises",
            synonyms=("focus", "what to look at", "learning objective"),
            default="",
        ),
        _c(
            "themes",
            "Themes",
            Kind.LIST,
            "themes, separated by ';'",
            "rural finance; women's empowerment",
            synonyms=("theme", "topics"),
            default=(),
        ),
        _c(
            "value",
            "Learning value",
            Kind.INT,
            "how much the group learns here, 1-10",
            "8",
            synonyms=("value", "score"),
            default=1,
            bounds=(1, 10),
        ),
        _c(
            "duration_min",
            "Visit minutes",
            Kind.INT,
            "length of the visit in minutes, 1-720",
            "150",
            synonyms=("duration", "visit duration", "minutes"),
            default=120,
            bounds=(1, 720),
        ),
        _c(
            "hours",
            "Opening hours",
            Kind.HOURS,
            HOURS_HELP,
            "08:00-11:30, 13:30-17:00",
            synonyms=("hours", "open"),
            compound=True,
        ),
        *(
            _c(
                f"hours_{d.lower()}",
                f"Hours {d}",
                Kind.HOURS,
                f"opening windows on {d} (overrides 'Opening hours')",
                "closed" if d == "Sun" else "",
                synonyms=(d,),
                compound=True,
            )
            for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        ),
        _c(
            "available",
            "Available dates",
            Kind.DATE_RANGES,
            "date ranges the site receives groups, e.g. 2027-03-01..2027-03-05 "
            "(or 'to', or an en dash); several separated by ';' (blank = any date)",
            "2027-03-01..2027-03-20",
            synonyms=("availability", "available"),
            default=(),
        ),
        _c(
            "blackouts",
            "Blackout dates",
            Kind.DATES,
            "dates the site is closed, ';'-separated; ranges such as "
            "2027-03-08..2027-03-10 too",
            "2027-03-08",
            synonyms=("blackouts", "closed dates"),
            default=(),
        ),
        _c(
            "capacity",
            "Capacity",
            Kind.INT,
            "largest group received, 1-100000 (blank = any)",
            "30",
            bounds=(1, 100_000),
        ),
        _c(
            "fee_per_group",
            "Fee per group",
            Kind.MONEY,
            "host fee for the whole group",
            "150",
            default=_ZERO,
        ),
        _c(
            "fee_per_person",
            "Fee per person",
            Kind.MONEY,
            "host fee per traveller",
            "5",
            default=_ZERO,
        ),
        _c(
            "champions",
            "Champion IDs",
            Kind.LIST,
            "champion ids (Champions sheet), ';'",
            "CH01; CH02",
            synonyms=("champions", "champion", "champion id"),
            default=(),
            parse=Parse.ID_LIST,
        ),
        _c(
            "required",
            "Required",
            Kind.BOOL,
            "yes = every route must visit it (in a programme: each of its "
            "routes; to require a site on one route only, name it in that "
            "Route sheet's 'Required sites')",
            "no",
            synonyms=("mandatory", "must visit"),
            default=False,
        ),
        _c(
            "open_on_holidays",
            "Open on holidays",
            Kind.BOOL,
            "yes = receives groups on national public holidays",
            "no",
            default=False,
        ),
        _c(
            "serves_lunch",
            "Serves lunch",
            Kind.BOOL,
            "yes = the host serves the group lunch: a visit may run through "
            "lunch time, with lunch at the site",
            "no",
            synonyms=("lunch at site", "host serves lunch", "lunch provided"),
            default=False,
        ),
        _c(
            "rest_days",
            "Rest days between groups",
            Kind.INT,
            "days the host needs between two groups of the programme's routes, "
            "0-365 (blank = 0: a group a day at most)",
            "14",
            synonyms=("rest between groups", "rest period", "days between groups"),
            field="rest_between_groups",
            default=0,
            bounds=(0, 365),
        ),
        _c(
            "max_groups",
            "Max groups per year",
            Kind.INT,
            "most groups of the programme's routes the host receives in a "
            "calendar year, 1-365 (blank = no limit)",
            "4",
            synonyms=("groups per year", "max visits per year"),
            field="max_groups_per_year",
            bounds=(1, 365),
        ),
    ),
)

CHAMPIONS = SheetSpec(
    name="Champions",
    help="Local champions who present at host sites: one row per person.",
    more_examples=(
        (
            ("id", "CH02"),
            ("name", "Chea Sokhom"),
            ("gender", "M"),
            ("birth_year", "1971"),
            ("country", "KH"),
            ("languages", "Khmer"),
            ("sites", "KH-CLC1"),
            ("honorarium", "50"),
        ),
    ),
    columns=(
        _c(
            "id",
            "Champion ID",
            Kind.ID,
            "unique short code",
            "CH01",
            required=True,
            synonyms=("id", "code"),
        ),
        _c(
            "name",
            "Name",
            Kind.TEXT,
            "full name",
            "Sok Chanthy",
            required=True,
            synonyms=("full name",),
        ),
        _c(
            "gender",
            "Gender",
            Kind.GENDER,
            "F, M or X",
            "F",
            required=True,
            synonyms=("sex",),
        ),
        _c(
            "birth_year",
            "Birth year",
            Kind.INT,
            "four digits, 1900-2100 (or use Youth); a date gives its year",
            "1994",
            synonyms=("year of birth", "born"),
            parse=Parse.YEAR,
        ),
        _c(
            "youth",
            "Youth",
            Kind.BOOL,
            "yes if aged 35 or under (blank = from birth year)",
            "",
        ),
        _c(
            "organisation",
            "Organisation",
            Kind.TEXT,
            "organisation",
            "CEDAC",
            synonyms=("organization", "org"),
            default="",
        ),
        _c("country", "Country", Kind.COUNTRY, "ISO alpha-2 code", "KH", required=True),
        _c(
            "languages",
            "Languages",
            Kind.LIST,
            "languages spoken, ';' (a name or code: Khmer, km); they give each "
            "visit's interpretation",
            "Khmer; English",
            synonyms=("language",),
            default=(),
        ),
        _c(
            "contact",
            "Contact",
            Kind.TEXT,
            "phone or e-mail",
            "+855 12 345 678",
            synonyms=("phone", "email", "e-mail"),
            default="",
        ),
        _c(
            "sites",
            "Site IDs",
            Kind.LIST,
            "sites this champion presents, ';'",
            "KH-CLC1",
            synonyms=("sites", "site"),
            default=(),
            parse=Parse.ID_LIST,
        ),
        _c(
            "available",
            "Available dates",
            Kind.DATE_RANGES,
            "date ranges the champion can present (blank = any)",
            "2027-03-01..2027-03-10",
            synonyms=("availability", "available"),
            default=(),
        ),
        _c(
            "honorarium",
            "Honorarium",
            Kind.MONEY,
            "fee per presentation",
            "50",
            synonyms=("fee",),
            default=_ZERO,
        ),
    ),
)


def _journey(
    way: str, moves: str, examples: tuple[str, str, str, str]
) -> tuple[ColumnSpec, ...]:
    """Return a participant's international arrival or departure columns.

    Date and time are local to the airport; a blank airport is the one
    nearest the route's start (arrival) or end (departure) place
    (:mod:`lrplanner.core.arrivals`).
    """
    end = "start" if way == "arrival" else "end"
    title = way.capitalize()
    date_, time_, flight, airport = examples
    return (
        _c(
            f"{way}_date",
            f"{title} date",
            Kind.DATE,
            f"the day the international flight {moves}, local (blank: not entered)",
            date_,
        ),
        _c(
            f"{way}_time",
            f"{title} time",
            Kind.TIME,
            f"the time the flight {moves}, local to the airport (HH:MM)",
            time_,
        ),
        _c(
            f"{way}_flight",
            f"{title} flight",
            Kind.TEXT,
            "flight number, such as TG580",
            flight,
            default="",
        ),
        _c(
            f"{way}_airport",
            f"{title} airport",
            Kind.ID,
            f"Place ID (Places sheet); blank: the airport nearest the {end} place",
            airport,
        ),
    )


PARTICIPANTS = SheetSpec(
    name="Participants",
    help="The travelling group: one row per participant.",
    synonyms=("ruteros", "travellers"),
    columns=(
        _c(
            "id",
            "Participant ID",
            Kind.ID,
            "unique short code",
            "P01",
            required=True,
            synonyms=("id", "code"),
        ),
        _c(
            "name",
            "Name",
            Kind.TEXT,
            "full name",
            "Nguyễn Thị Lan",
            required=True,
            synonyms=("full name",),
        ),
        _c(
            "gender",
            "Gender",
            Kind.GENDER,
            "F, M or X",
            "F",
            required=True,
            synonyms=("sex",),
        ),
        _c("country", "Country", Kind.COUNTRY, "ISO alpha-2 code", "VN", required=True),
        _c(
            "organisation",
            "Organisation",
            Kind.TEXT,
            "organisation",
            "Quang Binh DARD",
            synonyms=("organization", "org"),
            default="",
        ),
        _c(
            "role",
            "Role",
            Kind.TEXT,
            "job or role",
            "project officer",
            synonyms=("position", "title"),
            default="",
        ),
        _c(
            "home_city",
            "Home city",
            Kind.TEXT,
            "where they travel from",
            "Dong Hoi",
            synonyms=("city", "home"),
            default="",
        ),
        _c(
            "languages",
            "Languages",
            Kind.LIST,
            "languages spoken, ';' (a name or code: Khmer, km); they give each "
            "visit's interpretation",
            "Vietnamese; English",
            synonyms=("language",),
            default=(),
        ),
        _c(
            "dietary",
            "Dietary needs",
            Kind.TEXT,
            "e.g. vegetarian, halal",
            "vegetarian",
            synonyms=("dietary", "diet"),
            default="",
        ),
        _c(
            "room",
            "Room",
            Kind.TEXT,
            "twin (blank: shares with someone of the same gender), single, "
            "or 'share with P07' (a participant id)",
            "twin",
            synonyms=("room type", "room preference", "rooming"),
            default="twin",
            parse=Parse.ROOM,
        ),
        _c(
            "fare_to_start",
            "Fare to start",
            Kind.MONEY,
            "international fare to the start place",
            "180",
            synonyms=("fare in",),
        ),
        _c(
            "fare_from_end",
            "Fare from end",
            Kind.MONEY,
            "international fare home from the end place",
            "150",
            synonyms=("fare out",),
        ),
        *_journey("arrival", "lands", ("2027-02-28", "16:40", "TG580", "PNH")),
        *_journey("departure", "takes off", ("2027-03-12", "10:05", "VN601", "SGN")),
        _route_of("the participant travels on"),
    ),
)

PLACES = SheetSpec(
    name="Places",
    help="Cities, airports and land border posts: one row per place.",
    more_examples=(
        (
            ("id", "KSP"),
            ("name", "Kampong Speu"),
            ("country", "KH"),
            ("lat", "11.4533"),
            ("lon", "104.5206"),
            ("kind", "city"),
            ("lodging_per_night", "25"),
            ("per_diem", "35"),
        ),
        (
            ("id", "REP"),
            ("name", "Siem Reap"),
            ("country", "KH"),
            ("lat", "13.3671"),
            ("lon", "103.8448"),
            ("kind", "airport"),
            ("lodging_per_night", "30"),
            ("per_diem", "40"),
        ),
        (
            ("id", "BVT"),
            ("name", "Bavet / Moc Bai border"),
            ("country", "KH"),
            ("lat", "11.0820"),
            ("lon", "106.1500"),
            ("kind", "border"),
            ("other_country", "VN"),
            ("hours", "06:00-22:00"),
        ),
        (
            ("id", "SGN"),
            ("name", "Hồ Chí Minh City"),
            ("country", "VN"),
            ("lat", "10.8231"),
            ("lon", "106.6297"),
            ("kind", "city"),
            ("lodging_per_night", "40"),
            ("per_diem", "45"),
        ),
    ),
    columns=(
        _c(
            "id",
            "Place ID",
            Kind.ID,
            "unique short code",
            "PNH",
            required=True,
            synonyms=("id", "code"),
        ),
        _c("name", "Name", Kind.TEXT, "name", "Phnom Penh", required=True),
        _c("country", "Country", Kind.COUNTRY, "ISO alpha-2 code", "KH", required=True),
        _c(
            "lat",
            "Lat",
            Kind.NUMBER,
            "latitude, decimal degrees",
            "11.5564",
            required=True,
            synonyms=("latitude",),
            bounds=(-90, 90),
            what=_LATITUDE,
        ),
        _c(
            "lon",
            "Lon",
            Kind.NUMBER,
            "longitude, decimal degrees",
            "104.9282",
            required=True,
            synonyms=("longitude", "lng", "long"),
            bounds=(-180, 180),
            what=_LONGITUDE,
        ),
        _c(
            "kind",
            "Kind",
            Kind.PLACE_KIND,
            "city, airport or border",
            "city",
            synonyms=("type",),
            default=PlaceKind.CITY,
        ),
        _c(
            "other_country",
            "Other country",
            Kind.COUNTRY,
            "border posts: the country on the other side",
            "",
            synonyms=("crosses to", "border with"),
        ),
        _c(
            "lodging_per_night",
            "Lodging per night",
            Kind.MONEY,
            "hotel cost per person per night (blank = no lodging)",
            "35",
            synonyms=("lodging", "hotel"),
        ),
        _c(
            "lodging_name",
            "Hotel name",
            Kind.TEXT,
            "where the group sleeps here (hotel or homestay name), for the "
            "agenda and the rooming list",
            "Sokha Kampot Resort",
            synonyms=("lodging name", "accommodation"),
            default="",
        ),
        _c(
            "lodging_address",
            "Hotel address",
            Kind.TEXT,
            "the hotel's street address",
            "Street 730, Kampot",
            synonyms=("lodging address", "accommodation address"),
            default="",
        ),
        _c(
            "lodging_phone",
            "Hotel phone",
            Kind.TEXT,
            "the hotel's phone number, with the country code",
            "+855 33 555 000",
            synonyms=("lodging phone", "hotel telephone"),
            default="",
        ),
        _c(
            "per_diem",
            "Per diem",
            Kind.MONEY,
            "daily allowance per person",
            "40",
            synonyms=("perdiem", "dsa"),
        ),
        _c(
            "hours",
            "Opening hours",
            Kind.HOURS,
            "border posts: crossing hours (blank = always open)",
            "06:00-22:00",
            synonyms=("hours",),
            compound=True,
        ),
        _c(
            "tz",
            "Time zone",
            Kind.TIMEZONE,
            "IANA zone (blank = from coordinates)",
            "",
            synonyms=("timezone", "tz"),
        ),
        _c(
            "check_in_min",
            "Check-in minutes",
            Kind.INT,
            "airports, piers and stations: minutes the group is there before "
            "a scheduled flight, boat or train leaves, 0-720 (blank = 120 "
            "before an international flight, 60 before a domestic one, 30 "
            "before a timetabled boat, 15 before a timetabled train)",
            "",
            synonyms=("check in", "check-in"),
            bounds=(0, MAX_PROCEDURE_MIN),
        ),
        _c(
            "arrival_min",
            "Arrival minutes",
            Kind.INT,
            "airports: minutes after landing for immigration and baggage, 0-720 "
            "(blank = 45 international, 15 domestic)",
            "",
            synonyms=("arrival", "immigration minutes"),
            bounds=(0, MAX_PROCEDURE_MIN),
        ),
        _c(
            "formalities_min",
            "Formalities minutes",
            Kind.INT,
            "border posts: minutes for exit and entry formalities, 0-720 (blank = 45)",
            "",
            synonyms=("formalities", "border minutes"),
            bounds=(0, MAX_PROCEDURE_MIN),
        ),
    ),
)

LINKS = SheetSpec(
    name="Links",
    help="Optional explicit travel legs (flights, boats, known road times).",
    required=False,
    columns=(
        _c(
            "origin",
            "From",
            Kind.ID,
            "place id",
            "PNH",
            required=True,
            synonyms=("origin", "from place"),
        ),
        _c(
            "destination",
            "To",
            Kind.ID,
            "place id",
            "REP",
            required=True,
            synonyms=("destination", "to place"),
        ),
        _c(
            "mode",
            "Mode",
            Kind.MODE,
            "road, flight, boat or train",
            "flight",
            required=True,
        ),
        _c(
            "duration_min",
            "Minutes",
            Kind.INT,
            "minutes of the leg, 1-10080 (a week); a flight: take-off to "
            "landing (check-in and arrival come from Places)",
            "50",
            required=True,
            synonyms=("duration", "duration min", "time"),
            bounds=(1, 7 * 24 * 60),
        ),
        _c(
            "cost_per_person",
            "Cost per person",
            Kind.MONEY,
            "fare per traveller",
            "95",
            synonyms=("fare", "cost pp"),
            default=_ZERO,
        ),
        _c(
            "cost_per_vehicle",
            "Cost per vehicle",
            Kind.MONEY,
            "hire for the whole group",
            "0",
            synonyms=("vehicle cost",),
            default=_ZERO,
        ),
        _c(
            "weekdays",
            "Days",
            Kind.WEEKDAYS,
            "days it runs: Mon;Wed;Fri or Mon-Sun (blank = daily)",
            "Mon-Sun",
            synonyms=("days of operation", "weekdays"),
            default=_EVERY_DAY,
        ),
        _c(
            "departures",
            "Departures",
            Kind.TIMES,
            "local scheduled departure (take-off) times, ';' (blank = any "
            "time); the group is at the airport check-in minutes before",
            "07:30; 16:45",
            synonyms=("departure", "times"),
            default=(),
        ),
        _c(
            "both_ways",
            "Both ways",
            Kind.BOOL,
            "yes = also runs To -> From",
            "yes",
            synonyms=("return", "bidirectional"),
            default=True,
        ),
        _c(
            "service",
            "Service",
            Kind.TEXT,
            "flight or bus number, e.g. VN 920 (shown in the agenda)",
            "K6 105",
            synonyms=("flight number", "service number", "flight no"),
        ),
    ),
)

VISAS = SheetSpec(
    name="Visas",
    help="Optional visa rules: what nationals of one country need to enter "
    "another, one row per nationality and destination. Rules are what you "
    "enter; LR Planner does not know visa policies. A pair with no row is "
    "reported as 'no rule entered'.",
    required=False,
    synonyms=("visa", "visa rules"),
    more_examples=(
        (
            ("nationality", "KH"),
            ("destination", "VN"),
            ("requirement", "none"),
            ("max_days", "30"),
            ("note", "ASEAN visa exemption"),
            ("source", STARTING_SOURCE),
            ("checked_on", "2026-12-02"),
        ),
        (
            ("nationality", "PH"),
            ("destination", "VN"),
            ("requirement", "none"),
            ("max_days", "21"),
            ("note", "ASEAN visa exemption"),
            ("source", STARTING_SOURCE),
            ("checked_on", "2026-12-02"),
        ),
    ),
    columns=(
        _c(
            "nationality",
            "Nationality",
            Kind.COUNTRY,
            "the passport's country, ISO alpha-2 (Participants: Country)",
            "VN",
            required=True,
            synonyms=("passport", "citizens of", "nationals of"),
        ),
        _c(
            "destination",
            "Destination",
            Kind.COUNTRY,
            "the country entered, ISO alpha-2",
            "KH",
            required=True,
            synonyms=("destination country", "country entered", "to country"),
        ),
        _c(
            "requirement",
            "Requirement",
            Kind.REQUIREMENT,
            "none (visa-free), on arrival, e-visa or visa (from an embassy "
            "before travel)",
            "none",
            required=True,
            synonyms=("visa", "needs", "visa requirement"),
        ),
        _c(
            "max_days",
            "Max days",
            Kind.INT,
            "longest stay allowed per entry in days, 1-365, the entry and "
            "exit days counted (blank = not known)",
            "30",
            synonyms=("max stay", "days allowed", "stay days"),
            bounds=(1, 365),
        ),
        _c(
            "note",
            "Note",
            Kind.TEXT,
            "conditions, fees, what to check",
            "ASEAN visa exemption",
            synonyms=("notes", "conditions"),
            default="",
        ),
        _c(
            "source",
            "Source",
            Kind.TEXT,
            "where the rule comes from (embassy page, circular)",
            STARTING_SOURCE,
            default="",
        ),
        _c(
            "checked_on",
            "Date",
            Kind.DATE,
            "when the rule was last checked (YYYY-MM-DD)",
            "2026-12-02",
            synonyms=("checked", "checked on", "date checked", "as of"),
        ),
    ),
)

BUDGET = SheetSpec(
    name="Budget",
    help="Optional planned amounts: one row per cost category, in the route's "
    "currency. costs.xlsx shows each against the plan's actual cost (before "
    "contingency). The Route's budget cap is the planner's limit; these "
    "amounts limit nothing.",
    required=False,
    synonyms=("budget lines", "planned budget", "planned amounts"),
    more_examples=(
        (
            ("category", "per diem"),
            ("amount", "1500"),
            ("note", "USD 25-40 a day by town"),
        ),
        (
            ("category", "vehicle hire"),
            ("amount", "1000"),
            ("note", "one coaster with driver"),
        ),
    ),
    columns=(
        _c(
            "category",
            "Category",
            Kind.CATEGORY,
            "the cost category: "
            + ", ".join(c.value for c in CostCategory)
            + " (also accommodation, DSA, interpretation...)",
            "lodging",
            required=True,
            synonyms=("cost category", "budget line", "line"),
        ),
        _c(
            "amount",
            "Planned amount",
            Kind.MONEY,
            "the amount planned, in the route's currency (>= 0)",
            "2400",
            required=True,
            synonyms=("amount", "planned", "budget", "budgeted", "allocation"),
        ),
        _c(
            "note",
            "Note",
            Kind.TEXT,
            "what the amount assumes, who approved it",
            "twin rooms, 6 nights",
            synonyms=("notes", "basis", "comment"),
            default="",
        ),
        _route_of("the amount is planned for"),
    ),
)

RATES = SheetSpec(
    name="Rates",
    help="Optional exchange rates: one row per currency other than the "
    "Route's. A money cell may then hold an amount in that currency, such as "
    "80,000 KHR; it is converted at this rate (to the cent) and the budget "
    "cap, the plan and the totals are in the Route's currency. A currency "
    "with no row is converted at the European Central Bank reference rate "
    "where the ECB publishes one (a warning says so); otherwise it is refused.",
    required=False,
    synonyms=("exchange rates", "currency rates", "fx rates", "currencies"),
    more_examples=(
        (
            ("currency", "LAK"),
            ("per_unit", "21500"),
            ("on", "2027-01-15"),
            ("source", "Bank of the Lao PDR reference rate"),
        ),
        (
            ("currency", "VND"),
            ("per_unit", "26000"),
            ("on", "2027-01-15"),
            ("source", "Vietcombank selling rate"),
        ),
    ),
    columns=(
        _c(
            "currency",
            "Currency",
            Kind.CURRENCY,
            "the local currency, ISO 4217 code (KHR, LAK, VND, THB, NPR, BDT, PHP...)",
            "KHR",
            required=True,
            synonyms=("code", "currency code", "local currency"),
        ),
        _c(
            "per_unit",
            "Rate",
            Kind.NUMBER,
            "units of this currency one unit of the Route's currency buys, as "
            "banks quote it (4100 KHR per USD)",
            "4000",
            required=True,
            synonyms=(
                "exchange rate",
                "units per reporting unit",
                "per reporting unit",
                "units per usd",
                "per usd",
            ),
            parse=Parse.RATE,
        ),
        _c(
            "on",
            "Date",
            Kind.DATE,
            "the date of the rate (YYYY-MM-DD)",
            "2027-01-15",
            synonyms=("as of", "rate date", "dated"),
        ),
        _c(
            "source",
            "Source",
            Kind.TEXT,
            "where the rate comes from (a bank, the central bank, the budget)",
            "National Bank of Cambodia official rate",
            default="",
            synonyms=("from", "bank"),
        ),
    ),
)

SHEETS: tuple[SheetSpec, ...] = (
    ROUTE,
    SITES,
    CHAMPIONS,
    PARTICIPANTS,
    PLACES,
    LINKS,
    VISAS,
    BUDGET,
    RATES,
)
