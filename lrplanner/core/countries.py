"""Countries: every ISO 3166-1 alpha-2 code, with the names the programme writes.

A Learning Route may run in any country, so a workbook accepts any ISO code
(or the country's English name) that ``pycountry`` knows, not a hand-kept
list. :data:`REGION` are the programme's usual countries (Asia and the
Pacific, and the seeds' other partners): the template's dropdown offers them
first, and their names follow the programme's documents (Lao PDR, Viet Nam).
"""

from __future__ import annotations

import unicodedata
from types import MappingProxyType
from typing import TYPE_CHECKING

import pycountry

if TYPE_CHECKING:
    from collections.abc import Mapping

#: The programme's usual countries, in the order the template offers them,
#: with the names its documents use.
REGION: Mapping[str, str] = MappingProxyType(
    {
        "BD": "Bangladesh",
        "KH": "Cambodia",
        "CN": "China",
        "IN": "India",
        "ID": "Indonesia",
        "LA": "Lao PDR",
        "MY": "Malaysia",
        "MM": "Myanmar",
        "NP": "Nepal",
        "PK": "Pakistan",
        "PH": "Philippines",
        "LK": "Sri Lanka",
        "TH": "Thailand",
        "TL": "Timor-Leste",
        "VN": "Viet Nam",
        "BT": "Bhutan",
        "MN": "Mongolia",
        "PG": "Papua New Guinea",
        "FJ": "Fiji",
        "AF": "Afghanistan",
        "KE": "Kenya",
        "PE": "Peru",
        "CL": "Chile",
        "IT": "Italy",
        "US": "United States",
    }
)


#: ISO names that read badly in an agenda, in the form people write them.
_PLAIN_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "CD": "Democratic Republic of the Congo",
        "FM": "Micronesia",
        "PS": "Palestine",
        "VG": "British Virgin Islands",
        "VI": "US Virgin Islands",
    }
)


def _fold(text: str) -> str:
    """Return a name for matching: lower case, without accents, spaces or
    punctuation (Côte d'Ivoire, cote d ivoire and Cote dIvoire are one)."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if c.isalnum()).lower()


def _short_name(country: object) -> str:
    """Return a country's everyday English name (Tanzania, Bolivia)."""
    for attribute in ("common_name", "name"):
        value = getattr(country, attribute, None)
        if isinstance(value, str) and value:
            return value
    return str(getattr(country, "alpha_2", ""))


def _all_countries() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = dict(REGION) | dict(_PLAIN_NAMES)
    lookup: dict[str, str] = {}
    for country in pycountry.countries:
        code = str(country.alpha_2)
        names.setdefault(code, _short_name(country))
        for attribute in ("name", "common_name", "official_name", "alpha_3"):
            value = getattr(country, attribute, None)
            if isinstance(value, str) and value:
                lookup.setdefault(_fold(value), code)
    for code, name in {**REGION, **_PLAIN_NAMES}.items():
        lookup[_fold(name)] = code
    # Names people write that ISO spells otherwise.
    extra = {"lao": "LA", "usa": "US", "uk": "GB", "drcongo": "CD", "drc": "CD"}
    lookup.update(extra)
    ordered = dict(REGION) | dict(sorted(names.items()))
    return ordered, lookup


_NAMES, _LOOKUP = _all_countries()

#: Every ISO 3166-1 alpha-2 code and its name: :data:`REGION` first, in its
#: order, then the rest by code.
COUNTRIES: Mapping[str, str] = MappingProxyType(_NAMES)


def country_code(text: str) -> str | None:
    """Return the ISO alpha-2 code a cell names (a code, an alpha-3 code or an
    English name, any case), or None if it names no country."""
    stripped = text.strip()
    if stripped.upper() in COUNTRIES:
        return stripped.upper()
    return _LOOKUP.get(_fold(stripped))


def country_name(code: str) -> str:
    """Return a code's country name, or the code itself if it is not one."""
    return COUNTRIES.get(code, code)
