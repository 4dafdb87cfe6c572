"""Tests of the PDF agenda: one page per day, text, fonts per script."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pytest
from pypdf import PdfReader

from lrplanner.exporters.agenda_pdf import write_agenda_pdf
from lrplanner.exporters.pdf_fonts import markup, script_runs
from tests.exporters.fixtures import Plan, make_plan, sample_project

if TYPE_CHECKING:
    from pathlib import Path

KHMER = "ស្រី ពៅ"
BENGALI = "ফারহানা ইয়াসমিন"
DEVANAGARI = "राम प्रसाद यादव"


def page_texts(path: Path) -> list[str]:
    """Return the extracted text of each page: ligatures undone, spaces collapsed."""
    return [
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
        for p in PdfReader(path).pages
    ]


def test_one_page_per_day(exported: dict[str, Path], plan: Plan) -> None:
    """Tests that the PDF has the overview, then exactly one page per
    itinerary day, in order."""
    pages = page_texts(exported["agenda.pdf"])
    assert len(pages) == len(plan.itinerary.days) + 1 == 5
    assert "Page 1 of 5" in pages[0]
    for number, (text, title) in enumerate(
        zip(
            pages[1:],
            [
                "Sun 10 Jan 2027",
                "Mon 11 Jan 2027",
                "Tue 12 Jan 2027",
                "Wed 13 Jan 2027",
            ],
            strict=True,
        ),
        start=1,
    ):
        assert plan.project.route.name in text
        assert f"Day {number} of 4 · {title}" in text
        assert f"Page {number + 1} of 5" in text


def test_page_content(exported: dict[str, Path]) -> None:
    """Tests that a page lists times, visits, champions with contacts, overnight."""
    text = page_texts(exported["agenda.pdf"])[2]
    assert "13:30\u201316:30" in text
    assert "Kapilvastu women's agricultural cooperative" in text
    assert "Sita Kumari Tharu, +977 980 541 2276" in text
    assert "flight, 2 h 10 min, scheduled" in text
    assert "Check-in for flight" in text
    assert "Arrival: immigration and baggage" in text
    assert "Overnight Taulihawa (Kapilvastu)" in text


def test_long_day_still_one_page(tmp_path: Path) -> None:
    """Tests that a day with very long texts is shrunk onto its single page."""
    project = sample_project()
    sites = tuple(replace(s, address=s.address * 12) for s in project.sites)
    long = make_plan(project.with_changes(sites=sites))
    write_agenda_pdf(long.project, long.itinerary, tmp_path / "a.pdf")
    assert len(PdfReader(tmp_path / "a.pdf").pages) == 5


def test_script_names_use_their_fonts(tmp_path: Path) -> None:
    """Tests that Khmer, Devanagari and Bengali names embed their Noto fonts."""
    project = sample_project()
    names = {"SC09": KHMER, "SC02": DEVANAGARI, "SC18": BENGALI}
    champions = tuple(
        replace(c, name=names.get(c.id, c.name)) for c in project.champions
    )
    scripted = make_plan(project.with_changes(champions=champions))
    write_agenda_pdf(scripted.project, scripted.itinerary, tmp_path / "a.pdf")
    fonts = set()
    for page in PdfReader(tmp_path / "a.pdf").pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            name = str(font.get_object()["/BaseFont"]).split("+")[-1]
            fonts.add(name.removesuffix("-Regular").removesuffix("-Bold"))
    assert {
        "NotoSans",
        "NotoSansKhmer",
        "NotoSansDevanagari",
        "NotoSansBengali",
    } <= fonts


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Sophea", [(None, "Sophea")]),
        (
            f"{KHMER} (Pov)",
            [
                ("NotoSansKhmer", "ស្រី"),
                (None, " "),
                ("NotoSansKhmer", "ពៅ"),
                (None, " (Pov)"),
            ],
        ),
        ("यादव, +977", [("NotoSansDevanagari", "यादव,"), (None, " +977")]),
        ("ສົມພອນ, x", [("NotoSansLao", "ສົມພອນ\u200a"), (None, ", x")]),
    ],
)
def test_script_runs(text: str, runs: list[tuple[str | None, str]]) -> None:
    """Tests that text splits into per-script font runs, words kept in one font."""
    assert script_runs(text) == runs


def test_markup_escapes_user_text() -> None:
    """Tests that paragraph markup escapes <, & and turns newlines into breaks."""
    expected = "&lt;b&gt;A &amp; B&lt;/b&gt;<br/>C to D"
    assert markup("<b>A & B</b>\nC \u2192 D") == expected


def test_complex_scripts_are_shaped() -> None:
    """Tests that the Khmer/Devanagari/Bengali fonts shape text (uharfbuzz present)."""
    from reportlab.pdfbase import pdfmetrics

    from lrplanner.exporters.pdf_fonts import register_fonts

    register_fonts()
    for family in ("NotoSansKhmer", "NotoSansDevanagari", "NotoSansBengali"):
        assert pdfmetrics.getFont(family).shapable is True
