"""Plain-JSON encoding of the frozen domain dataclasses, driven by type hints.

Used by the project file: dates are ISO text, times ``HH:MM``, money a
decimal string (never a float), enums their value, tuples lists.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

T = TypeVar("T")
JSON = Any


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
    ValueError
        With a JSON path when a value has the wrong shape or fails validation.
    """
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected an object")
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, object] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.init and field.name in data:
            kwargs[field.name] = _decode_value(
                hints[field.name], data[field.name], f"{path}.{field.name}"
            )
    unknown = set(data) - {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    if unknown:
        raise ValueError(f"{path}: unknown fields {sorted(unknown)}")
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{path}: {exc}") from exc


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
    if origin is tuple:
        return tuple(
            _decode_value(args[0], v, f"{path}[{i}]")
            for i, v in enumerate(_as_list(data, path))
        )
    if origin is frozenset:
        return frozenset(_decode_value(args[0], v, path) for v in _as_list(data, path))
    if origin in (Mapping, dict, typing.Mapping):
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected an object")
        return types.MappingProxyType(
            {k: _decode_value(args[1], v, f"{path}.{k}") for k, v in data.items()}
        )
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return decode(hint, data, path)
    return _decode_scalar(hint, data, path)


def _decode_scalar(hint: Any, data: JSON, path: str) -> object:
    try:
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return hint(data)
        parse = _SCALARS.get(hint)
        if parse is None:
            raise TypeError(f"{path}: cannot decode type {hint!r}")
        return parse(data)
    except (ValueError, InvalidOperation) as exc:
        raise ValueError(f"{path}: {exc}") from exc


def _checked(kind: type, label: str) -> Callable[[JSON], object]:
    def parse(data: JSON) -> object:
        if not isinstance(data, kind) or (kind is not bool and isinstance(data, bool)):
            raise ValueError(f"expected {label}")
        return data

    return parse


def _aware_datetime(data: JSON) -> datetime:
    moment = datetime.fromisoformat(_as_str(data, ""))
    if moment.tzinfo is None:
        raise ValueError("expected a date-time with its UTC offset")
    return moment


def _number(data: JSON) -> float:
    if not isinstance(data, (int, float)) or isinstance(data, bool):
        raise ValueError("expected a number")
    return float(data)


_SCALARS: dict[object, Callable[[JSON], object]] = {
    Decimal: lambda d: Decimal(_as_str(d, "")),
    datetime: _aware_datetime,
    date: lambda d: date.fromisoformat(_as_str(d, "")),
    time: lambda d: time.fromisoformat(_as_str(d, "")),
    bool: _checked(bool, "true/false"),
    int: _checked(int, "an integer"),
    str: _checked(str, "text"),
    float: _number,
}


def _as_list(data: JSON, path: str) -> list[JSON]:
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list")
    return data


def _as_str(data: JSON, path: str) -> str:
    if not isinstance(data, str):
        raise ValueError(f"{path}: expected text".lstrip(": "))
    return data
