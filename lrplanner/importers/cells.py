"""Parse one cell value per column kind; bad values raise :class:`CellError`.

Each ``parse_*`` function takes the raw value a workbook or CSV cell holds
(text, number, bool, date, time, or one of the marker classes below) and
returns a typed value, or raises ``CellError`` whose ``expected`` text says
what a good value looks like. Blank cells never reach these functions.

Conventions (also on the README sheet of the template):

- dates and times: see :mod:`lrplanner.importers.datetext`; every date lies
  between 2000-01-01 and 2100-12-31;
- text: at most 500 characters a cell (ids 40), spaces and invisible
  characters at the ends removed (see :mod:`lrplanner.importers.cleantext`);
- money: plain amounts ``1200.50`` or ``1,200.50`` in the Route's
  currency, or an amount naming another currency (``80,000 KHR``,
  ``KHR 80,000``, ``฿1,500``), converted by the Rates sheet's rate (see
  :mod:`lrplanner.importers.exchange`);
- percent: ``5`` or ``5%`` mean five percent; a cell formatted as a percent
  in Excel is read as shown (0.05 displayed as 5 % is 5).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, TypeVar

from lrplanner.core.budget_lines import category_names
from lrplanner.core.costs import CostCategory
from lrplanner.core.countries import country_code
from lrplanner.core.currency import RATE_BOUNDS
from lrplanner.core.people import Gender
from lrplanner.core.places import PlaceKind, TravelMode
from lrplanner.core.visas import Requirement
from lrplanner.importers import datetext, exchange
from lrplanner.importers.cleantext import clean, invisible_in, note, without_invisible

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

T = TypeVar("T")

#: Characters a text cell may hold (after trimming), an id, and a list cell.
TEXT_LIMIT = 500
ID_LIMIT = 40
LIST_LIMIT = 2000
_NUMBER_LIMIT = 60  # characters; longer text is no number we accept


class CellError(Exception):
    """Raised when a cell's value cannot be read; ``expected`` says what fits."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


@dataclass(frozen=True, slots=True)
class PercentCell:
    """A number from a cell formatted as a percent (0.05 shown as 5 %)."""

    value: float


@dataclass(frozen=True, slots=True)
class ErrorCell:
    """An Excel error value such as ``#N/A`` or ``#REF!``."""

    code: str


@dataclass(frozen=True, slots=True)
class FormulaCell:
    """A formula whose result was never saved in the file."""

    formula: str


def is_blank(value: object) -> bool:
    """Return whether a cell counts as empty (None or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def show(value: object) -> str:
    """Return a cell value as the user would recognise it in a message."""
    if isinstance(value, PercentCell):
        return f"{value.value:.4g} (as %)"
    if isinstance(value, ErrorCell):
        return value.code
    if isinstance(value, FormulaCell):
        return value.formula
    return cell_text(value)


def _plain(value: object) -> object:
    """Unwrap markers, refusing Excel errors and formulas without a result."""
    if isinstance(value, ErrorCell):
        raise CellError(f"a value, not the Excel error {value.code}")
    if isinstance(value, FormulaCell):
        raise CellError(
            "a value: this formula has no saved result; open the file in Excel "
            "and save it, or type the value"
        )
    if isinstance(value, PercentCell):
        return value.value
    return value


def cell_text(value: object) -> str:
    """Return a cell as cleaned text of any length; whole numbers lose ``.0``."""
    return clean(raw_text(value))


def raw_text(value: object) -> str:
    """Return a cell as text as it stands (not cleaned); whole numbers lose ``.0``."""
    value = _plain(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime) and value.time() == time(0, 0):
        return value.date().isoformat()
    if isinstance(value, time) and not value.second and not value.microsecond:
        return f"{value:%H:%M}"
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def limited(text: str, limit: int, what: str = "text") -> str:
    """Return ``text`` if it has at most ``limit`` characters, else refuse it."""
    if len(text) > limit:
        raise CellError(
            f"{what} of at most {limit} characters (this one has {len(text):,})"
        )
    return text


def parse_text(value: object) -> str:
    """Return a cell as text of at most 500 characters; whole numbers lose ``.0``."""
    return limited(cell_text(value), TEXT_LIMIT)


def parse_id(value: object) -> str:
    """Return an identifier: short text without separators or line breaks.

    Invisible characters are removed, with a note naming them.
    """
    text = raw_text(value)
    if hidden := invisible_in(text):
        text = without_invisible(text)
        note(f"an id without invisible characters; removed {', '.join(hidden)}")
    text = clean(text)
    if len(text) > ID_LIMIT or re.search(r"[;,\n\r\t]", text):
        raise CellError(
            f"a short code (up to {ID_LIMIT} characters) without ';' or ','"
        )
    return text


_FLOAT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _number(value: object, expected: str) -> float:
    value = _plain(value)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CellError(expected)
    if isinstance(value, str):
        value = clean(value)
        if len(value) > _NUMBER_LIMIT or not _FLOAT.fullmatch(value):
            raise CellError(expected + " (use '.' for decimals)")
        value = float(value)
    if isinstance(value, int) and abs(value) > 10**15:
        raise CellError(expected)  # float() of a huge int overflows
    number = float(value)
    if not math.isfinite(number):
        raise CellError(expected)
    return number


def parse_number(value: object) -> float:
    """Return a decimal number such as ``11.5564``."""
    return _number(value, "a number such as 11.5564")


def parse_int(value: object) -> int:
    """Return a whole number such as ``150``."""
    number = _number(value, "a whole number such as 150")
    if not number.is_integer() or abs(number) > 1e12:
        raise CellError("a whole number such as 150")
    return int(number)


def bounded_int(low: int, high: int) -> Callable[[object], int]:
    """Return a parser for whole numbers from ``low`` to ``high``."""

    def parse(value: object) -> int:
        number = parse_int(value)
        if not low <= number <= high:
            raise CellError(f"a whole number from {low} to {high}")
        return number

    return parse


def bounded_number(low: float, high: float, what: str) -> Callable[[object], float]:
    """Return a parser for numbers from ``low`` to ``high`` (``what`` names it)."""

    def parse(value: object) -> float:
        number = parse_number(value)
        if not low <= number <= high:
            raise CellError(f"{what} from {low:g} to {high:g}")
        return number

    return parse


parse_latitude = bounded_number(-90, 90, "a latitude in decimal degrees")
parse_longitude = bounded_number(-180, 180, "a longitude in decimal degrees")

_MONEY = re.compile(r"\d+(\.\d+)?|\d{1,3}(,\d{3})+(\.\d+)?")


def _amount(value: object, expected: str) -> Decimal:
    """Return a non-negative plain amount (no currency) as a Decimal."""
    value = _plain(value)
    if isinstance(value, bool):
        raise CellError(expected)
    text = repr(value) if isinstance(value, float) else clean(str(value))
    if isinstance(value, str) and (
        len(text) > _NUMBER_LIMIT or not _MONEY.fullmatch(text)
    ):
        raise CellError(expected)
    try:
        amount = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise CellError(expected) from None
    if not amount.is_finite() or amount < 0 or amount > Decimal("1e12"):
        raise CellError(expected)
    return amount


_CODED = re.compile(
    r"(?P<before>[A-Za-z]{3}|[^\w\s.,])?\s*(?P<number>[\d.,]+)\s*"
    r"(?P<after>[A-Za-z]{3}|[^\w\s.,])?"
)


def _currency_of(match: re.Match[str]) -> str | None:
    """Return the currency a coded amount names (None: none), or refuse two."""
    before, after = match["before"], match["after"]
    if before and after:
        raise CellError("an amount with one currency, such as 80,000 KHR")
    mark = before or after
    if mark is None:
        return None
    if len(mark) == 1:
        code = exchange.SIGNS.get(mark)
        if code is None and unicodedata.category(mark) != "Sc":
            return None  # not a currency sign: the plain amount's message
        if code is None:
            raise CellError(
                "an amount with an ISO currency code such as 80,000 KHR "
                f"('{mark}' names no single currency)"
            )
        return code
    return mark.upper()


def parse_money(value: object) -> Decimal:
    """Return a non-negative amount in the reporting currency as a Decimal.

    ``1200.50`` and ``1,200.50`` are in the Route's currency; ``80,000 KHR``
    (or ``KHR 80,000``, ``៛80,000``) is converted while a workbook is read
    (:func:`lrplanner.importers.exchange.converting`), the amount as entered
    kept for the record's ``prices``.
    """
    expected = "an amount >= 0 such as 1200.50 (or 80,000 KHR in another currency)"
    value = _plain(value)
    coded = _CODED.fullmatch(clean(value)) if isinstance(value, str) else None
    currency = _currency_of(coded) if coded else None
    if coded is None or currency is None:
        return _amount(value, expected)
    amount = _amount(coded["number"], expected)
    try:
        return exchange.convert(amount, currency)
    except exchange.NoRateError as exc:
        raise CellError(exc.expected) from None


def parse_rate(value: object) -> Decimal:
    """Return an exchange rate: units per reporting unit, ``4,100`` or ``33.73``."""
    low, high = RATE_BOUNDS
    expected = (
        "a rate > 0 such as 4100 (units of this currency per unit of the "
        "Route's currency), without a currency code"
    )
    rate = _amount(value, expected)
    if not low <= rate <= high:
        raise CellError(expected)
    return rate


def parse_percent(value: object) -> Decimal:
    """Return a percentage 0-100: ``5``, ``5%`` or a %-formatted 0.05 all give 5."""
    expected = "a percentage from 0 to 100 such as 5 or 5%"
    if isinstance(value, PercentCell):
        value = repr(round(value.value * 100, 10))
    if isinstance(value, str):
        value = clean(value).removesuffix("%").strip()
    amount = _amount(value, expected)
    if amount > 100:
        raise CellError(expected)
    return amount


def parse_date(value: object) -> date:
    """Return a calendar date from a date cell or text (see :mod:`datetext`)."""
    value = _plain(value)
    try:
        if isinstance(value, datetime):
            return datetext.in_bounds(value.date())
        if isinstance(value, date):
            return datetext.in_bounds(value)
        if not isinstance(value, str):
            raise CellError(datetext.DATE_HELP)
        return datetext.date_from_text(value)
    except ValueError as exc:
        raise CellError(str(exc)) from None


def parse_year(value: object) -> int:
    """Return a four-digit year; a date (cell or text) gives its year, noted.

    A year typed into a date-formatted cell comes back as a date in 1905
    (Excel counts days from 1900): its day number is the year that was typed.
    """
    expected = "a four-digit year from 1900 to 2100, such as 1994"
    value = _plain(value)
    if isinstance(value, str) and not re.fullmatch(r"\s*\d{1,4}(\.0*)?\s*", value):
        try:
            value = datetext.date_from_text(value, bounded=False)
        except ValueError:
            raise CellError(expected) from None
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        serial = (day - _EXCEL_EPOCH).days
        if 1900 <= serial <= 2100:
            value = serial
            note(
                f"{expected}; the cell is formatted as a date (it shows {day}): "
                f"read as the year {serial} that was typed"
            )
        else:
            value = day.year
            note(f"{expected}; the date {day} was given: its year {day.year} is used")
    number = _number(value, expected)
    if not number.is_integer() or not 1900 <= number <= 2100:
        raise CellError(expected)
    return int(number)


_EXCEL_EPOCH = date(1899, 12, 30)


def _minute(seconds: float) -> time:
    """Return the time of day nearest to a number of seconds after midnight."""
    return time(*divmod(min(round(seconds / 60), 1439), 60))


def parse_time(value: object) -> time:
    """Return a time of day from a time cell, a fraction of a day or text."""
    expected = datetext.TIME_HELP
    value = _plain(value)
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        # Excel stores times as fractions of a day: 08:00 may come back 07:59:59.999
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return _minute(seconds + value.microsecond / 1e6)
    if isinstance(value, timedelta) and timedelta(0) <= value < timedelta(days=1):
        return _minute(value.total_seconds())
    if isinstance(value, float | int) and not isinstance(value, bool):
        if not 0 <= value < 1:
            raise CellError(expected)
        return _minute(value * 86400)
    if not isinstance(value, str):
        raise CellError(expected)
    try:
        return datetext.time_from_text(value)
    except ValueError as exc:
        raise CellError(str(exc)) from None


_TRUE = {"yes", "y", "true", "1", "x", "si", "sí", "oui"}
_FALSE = {"no", "n", "false", "0", "non"}


def parse_bool(value: object) -> bool:
    """Return yes/no from a bool cell or yes/no/true/false/1/0/y/n/x."""
    value = _plain(value)
    if isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError("yes or no")


def parse_country(value: object) -> str:
    """Return the ISO alpha-2 code a cell names (a code or an English name)."""
    code = country_code(cell_text(value))
    if code is None:
        raise CellError(
            "an ISO alpha-2 country code such as KH, VN or KE, or a country's "
            "English name"
        )
    return code


def parse_currency(value: object) -> str:
    """Return an ISO 4217 currency code such as USD."""
    text = cell_text(value).upper()
    if not re.fullmatch(r"[A-Z]{3}", text):
        raise CellError("an ISO 4217 currency code such as USD")
    return text


def _choice(value: object, table: Mapping[str, T], expected: str) -> T:
    key = cell_text(value).lower()
    if key not in table:
        raise CellError(expected)
    return table[key]


_GENDERS = {"f": Gender.FEMALE, "female": Gender.FEMALE, "woman": Gender.FEMALE}
_GENDERS |= {"w": Gender.FEMALE, "m": Gender.MALE, "male": Gender.MALE}
_GENDERS |= {"man": Gender.MALE, "x": Gender.OTHER, "other": Gender.OTHER}


def parse_gender(value: object) -> Gender:
    """Return F, M or X (also female/male/other)."""
    return _choice(value, _GENDERS, "F, M or X")


_MODES = {m.value: m for m in TravelMode} | {"car": TravelMode.ROAD}
_MODES |= {"bus": TravelMode.ROAD, "van": TravelMode.ROAD, "air": TravelMode.FLIGHT}
_MODES |= {"plane": TravelMode.FLIGHT, "ferry": TravelMode.BOAT}
_MODES |= {"rail": TravelMode.TRAIN}


def parse_mode(value: object) -> TravelMode:
    """Return road, flight, boat or train."""
    return _choice(value, _MODES, "road, flight, boat or train")


_KINDS = {k.value: k for k in PlaceKind} | {"town": PlaceKind.CITY}
_KINDS |= {"border post": PlaceKind.BORDER, "crossing": PlaceKind.BORDER}


def parse_place_kind(value: object) -> PlaceKind:
    """Return city, airport or border."""
    return _choice(value, _KINDS, "city, airport or border")


_REQUIREMENTS = {r.value: r for r in Requirement}
_REQUIREMENTS |= dict.fromkeys(
    ("no visa", "visa free", "visa-free", "exempt", "visa exempt", "not required"),
    Requirement.NONE,
)
_REQUIREMENTS |= dict.fromkeys(
    ("visa on arrival", "voa", "arrival", "on-arrival"), Requirement.ON_ARRIVAL
)
_REQUIREMENTS |= dict.fromkeys(
    ("evisa", "e visa", "online visa", "eta"), Requirement.E_VISA
)
_REQUIREMENTS |= dict.fromkeys(
    ("visa required", "required", "embassy visa"), Requirement.VISA
)


def parse_requirement(value: object) -> Requirement:
    """Return none, on arrival, e-visa or visa (also visa-free, VOA, evisa)."""
    text = " ".join(cell_text(value).split())
    return _choice(text, _REQUIREMENTS, "none, on arrival, e-visa or visa")


_CATEGORIES = category_names()
_CATEGORY_LIST = ", ".join(c.value for c in CostCategory)


def parse_category(value: object) -> CostCategory:
    """Return a cost category from its label, enum name or a common synonym."""
    text = " ".join(cell_text(value).replace("_", " ").split())
    return _choice(text, _CATEGORIES, f"a cost category: {_CATEGORY_LIST}")
