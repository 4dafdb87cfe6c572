"""Plain-JSON encoding of the frozen domain dataclasses, driven by type hints.

Used by the project file: dates are ISO text, times ``HH:MM``, money a
decimal string (never a float), enums their value, tuples lists.

Decoding trusts nothing: every value is checked against its type hint and
bounded (finite numbers of sane size, dates in 1900-2200, text without
control characters or lone surrogates), and every failure is a
:class:`DecodeError` naming the JSON path, e.g. ``project.sites[3].fee_per_group``.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal, DecimalException
from typing import Any, TypeVar

T = TypeVar("T")
JSON = Any

#: Bounds on decoded values: larger ones are damage, not data.
MAX_INT = 10**9
MAX_FLOAT = 1e12
MAX_DECIMAL_DIGITS = 13  # before the point: below 10 trillion
MAX_DECIMAL_PLACES = 10
MAX_NUMBER_TEXT = 40
YEARS = (1900, 2200)
MAX_TEXT = 10_000  # characters in one text (the importer keeps 500)
#: Control characters other than tab and line breaks, and lone surrogates.
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class DecodeError(ValueError):
    """A JSON value that does not fit its field: where it is and what was expected."""

    def __init__(self, path: str, expected: str, found: str | None = None) -> None:
        self.path = path
        self.expected = expected
        self.found = found
        tail = f", found {found}" if found is not None else ""
        super().__init__(f"{path}: {expected}{tail}")


class OversizedNumber:
    """A JSON number too long to convert (kept so the decoder can name its path)."""

    def __init__(self, text: str) -> None:
        self.digits = len(text)

    def __repr__(self) -> str:
        return f"a {self.digits}-digit number"


def parse_json(text: str) -> JSON:
    """Return the JSON value of ``text`` with overlong numbers kept as markers.

    Raises
    ------
    ValueError
        If the text is not JSON (``json.JSONDecodeError``).
    RecursionError
        If arrays or objects nest too deeply.
    """

    def number(kind: Callable[[str], object]) -> Callable[[str], object]:
        def parse(token: str) -> object:
            return (
                kind(token) if len(token) <= MAX_NUMBER_TEXT else OversizedNumber(token)
            )

        return parse

    return json.loads(
        text, parse_int=number(int), parse_float=number(float), parse_constant=float
    )


def encode(value: object) -> JSON:
    """Return a JSON-ready structure for a domain value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: encode(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.init
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else value
        return [encode(v) for v in items]
    return value


def decode(cls: type[T], data: JSON, path: str = "$") -> T:
    """Build a dataclass ``cls`` from :func:`encode` output.

    Raises
    ------
    DecodeError
        With a JSON path when a value has the wrong shape or fails validation.
    """
    return construct(cls, decode_fields(cls, data, path), path)


def decode_fields(cls: type[T], data: JSON, path: str = "$") -> dict[str, object]:
    """Return the decoded constructor arguments of dataclass ``cls``.

    Raises
    ------
    DecodeError
        With a JSON path when a value has the wrong shape.
    """
    if not isinstance(data, dict):
        raise DecodeError(path, "expected an object", show(data))
    hints = _init_hints(cls)  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(hints), key=str)
    if unknown:
        known = ", ".join(hints)
        name = str(unknown[0])
        label = name if name.isidentifier() else repr(name)
        raise DecodeError(f"{path}.{label}", f"one of the fields {known}")
    return {
        name: _decode_value(hint, data[name], f"{path}.{name}")
        for name, hint in hints.items()
        if name in data
    }


@functools.cache
def _init_hints(cls: type) -> dict[str, Any]:
    """Return the type hints of a dataclass's constructor fields, in order.

    Cached: evaluating hints is by far the slowest part of decoding otherwise.
    """
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls) if f.init}


def construct(cls: type[T], kwargs: dict[str, object], path: str) -> T:
    """Return ``cls(**kwargs)``; a failed validation is a DecodeError at ``path``."""
    try:
        return cls(**kwargs)
    except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise DecodeError(path, str(exc)) from exc


def _decode_value(hint: Any, data: JSON, path: str) -> object:
    supertype = getattr(hint, "__supertype__", None)
    if supertype is not None:  # NewType ids
        return _decode_value(supertype, data, path)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _decode_value(inner[0], data, path)
    if origin is tuple and args[1:] != (Ellipsis,):  # fixed length: a hint each
        items = _as_list(data, path)
        if len(items) != len(args):
            raise DecodeError(path, f"expected {len(args)} items", show(data))
        return tuple(
            _decode_value(a, v, f"{path}[{i}]")
            for i, (a, v) in enumerate(zip(args, items, strict=True))
        )
    if origin is tuple:
        return tuple(
            _decode_value(args[0], v, f"{path}[{i}]")
            for i, v in enumerate(_as_list(data, path))
        )
    if origin is frozenset:
        return frozenset(
            _decode_value(args[0], v, f"{path}[{i}]")
            for i, v in enumerate(_as_list(data, path))
        )
    if origin in (Mapping, dict, typing.Mapping):
        if not isinstance(data, dict):
            raise DecodeError(path, "expected an object", show(data))
        return types.MappingProxyType(
            {
                _text(k, f"{path}.{k!r}"): _decode_value(args[1], v, f"{path}.{k}")
                for k, v in data.items()
            }
        )
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return decode(hint, data, path)
    return _decode_scalar(hint, data, path)


def _decode_scalar(hint: Any, data: JSON, path: str) -> object:
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum(hint, data, path)
    parse = _SCALARS.get(hint)
    if parse is None:
        raise DecodeError(path, f"a type this version can read (not {hint!r})")
    return parse(data, path)


def _enum(kind: type[enum.Enum], data: JSON, path: str) -> enum.Enum:
    try:
        return kind(data)
    except (ValueError, TypeError):
        values = ", ".join(repr(member.value) for member in kind)
        raise DecodeError(path, f"expected one of {values}", show(data)) from None


def show(data: JSON) -> str:
    """Return a short, printable description of a JSON value for a message."""
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, dict):
        return "an object"
    text = repr(data)
    return text if len(text) <= 40 else f"{text[:37]}...{text[-1]} ({len(text)} chars)"


def _text(data: JSON, path: str) -> str:
    if not isinstance(data, str):
        raise DecodeError(path, "expected text", show(data))
    if len(data) > MAX_TEXT:
        raise DecodeError(path, f"expected at most {MAX_TEXT:,} characters", show(data))
    bad = _BAD_TEXT.search(data)
    if bad is not None:
        code = ord(bad.group())
        what = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
        raise DecodeError(
            path,
            "expected text without control characters or lone surrogates",
            f"{what} U+{code:04X} at character {bad.start() + 1}",
        )
    return data


def _int(data: JSON, path: str) -> int:
    if not isinstance(data, int) or isinstance(data, bool):
        raise DecodeError(path, "expected an integer", show(data))
    if abs(data) > MAX_INT:
        raise DecodeError(
            path, f"expected an integer of at most {MAX_INT:,}", show(data)
        )
    return data


def _float(data: JSON, path: str) -> float:
    if not isinstance(data, (int, float)) or isinstance(data, bool):
        raise DecodeError(path, "expected a number", show(data))
    value = float(data)
    if not math.isfinite(value) or abs(value) > MAX_FLOAT:
        raise DecodeError(path, f"expected a finite number of at most {MAX_FLOAT:g}")
    return value


def _bool(data: JSON, path: str) -> bool:
    if not isinstance(data, bool):
        raise DecodeError(path, "expected true or false", show(data))
    return data


def _decimal(data: JSON, path: str) -> Decimal:
    expected = 'expected a decimal number as text (e.g. "120.50")'
    if not isinstance(data, str) or len(data) > MAX_NUMBER_TEXT:
        raise DecodeError(path, expected, show(data))
    try:
        value = Decimal(data)
    except DecimalException:
        raise DecodeError(path, expected, show(data)) from None
    exponent = value.as_tuple().exponent
    if (
        not value.is_finite()
        or value.adjusted() >= MAX_DECIMAL_DIGITS
        or not isinstance(exponent, int)
        or exponent < -MAX_DECIMAL_PLACES
    ):
        raise DecodeError(
            path,
            f"expected a finite amount below 10^{MAX_DECIMAL_DIGITS} with at most "
            f"{MAX_DECIMAL_PLACES} decimal places",
            show(data),
        )
    return value


def _parsed(parse: Callable[[str], T], expected: str) -> Callable[[JSON, str], T]:
    def decode_one(data: JSON, path: str) -> T:
        if isinstance(data, str) and len(data) <= MAX_NUMBER_TEXT:
            try:
                return parse(data)
            except ValueError:
                pass
        raise DecodeError(path, f"expected {expected}", show(data))

    return decode_one


def _in_years(day: date) -> None:
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise ValueError("outside the years we plan for")


def _date(text: str) -> date:
    day = date.fromisoformat(text)
    _in_years(day)
    return day


def _aware_datetime(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("naive date-time")
    _in_years(moment)
    return moment


_SCALARS: dict[object, Callable[[JSON, str], object]] = {
    Decimal: _decimal,
    datetime: _parsed(
        _aware_datetime,
        f"a date-time with its UTC offset, in the years {YEARS[0]}-{YEARS[1]}",
    ),
    date: _parsed(_date, f"a date as YYYY-MM-DD in the years {YEARS[0]}-{YEARS[1]}"),
    time: _parsed(time.fromisoformat, "a time of day as HH:MM"),
    bool: _bool,
    int: _int,
    str: _text,
    float: _float,
}


def _as_list(data: JSON, path: str) -> list[JSON]:
    if not isinstance(data, list):
        raise DecodeError(path, "expected a list", show(data))
    return data
