"""Tests for lrplanner.core.countries: any ISO country, by code or by name."""

from __future__ import annotations

import pytest

from lrplanner.core.countries import COUNTRIES, REGION, country_code, country_name
from lrplanner.importers import cells
from lrplanner.importers.cells import CellError


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("UG", "UG"),
        ("tz", "TZ"),
        ("Uganda", "UG"),
        ("tanzania", "TZ"),
        ("United Republic of Tanzania", "TZ"),
        ("KEN", "KE"),
        ("Côte d'Ivoire", "CI"),
        ("cote d ivoire", "CI"),
        ("Lao PDR", "LA"),
        ("Laos", "LA"),
        ("Viet Nam", "VN"),
        ("vietnam", "VN"),
        ("Bolivia", "BO"),
        ("DR Congo", "CD"),
        ("  Rwanda ", "RW"),
    ],
)
def test_country_code_accepts_codes_and_names(text: str, code: str) -> None:
    """Tests that an alpha-2 or alpha-3 code, or an English name in any case
    and with or without accents, gives the country's alpha-2 code."""
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["", "XX", "Atlantis", "K", "Korea, Middle"])
def test_country_code_refuses_what_is_no_country(text: str) -> None:
    """Tests that text naming no country gives None."""
    assert country_code(text) is None


def test_every_iso_country_is_known() -> None:
    """Tests that the list is ISO 3166-1's (249 entries at least), the
    programme's countries first with the names its documents use."""
    assert len(COUNTRIES) >= 249
    assert list(COUNTRIES)[: len(REGION)] == list(REGION)
    assert country_name("LA") == "Lao PDR"
    assert country_name("VN") == "Viet Nam"
    assert country_name("TZ") == "Tanzania"
    assert country_name("CD") == "Democratic Republic of the Congo"
    assert country_name("ZZ") == "ZZ"
    inverted = [name for name in COUNTRIES.values() if name.endswith((" of", " the"))]
    assert inverted == []


def test_parse_country_outside_asia() -> None:
    """Tests that a workbook cell may name a country outside the programme's
    usual list (a route in Kenya and Uganda), and the error for one that is
    no country says what is expected."""
    assert cells.parse_country("UG") == "UG"
    assert cells.parse_country("Ethiopia") == "ET"
    with pytest.raises(CellError, match="ISO alpha-2 country code"):
        cells.parse_country("Wakanda")
