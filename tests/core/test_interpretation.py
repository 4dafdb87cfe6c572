"""Tests for the interpretation rule: languages, visits' needs, days and costs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lrplanner.core.costmodel import compute_costs
from lrplanner.core.costs import CostCategory
from lrplanner.core.ids import ChampionId, ParticipantId, PlaceId, SiteId
from lrplanner.core.interpretation import (
    InterpretationRule,
    Pair,
    day_interpretation,
    interpreters_on,
    visit_interpretation,
    working_languages,
)
from lrplanner.core.languages import language_name, spoken
from lrplanner.core.people import Champion, Gender, Participant
from lrplanner.core.plan import DayPlan, Event, EventKind, Itinerary
from lrplanner.core.project import Project
from lrplanner.core.route import CostRates
from lrplanner.core.sites import Site
from lrplanner.core.validate import validate
from tests.helpers import small_places, small_route

ICT = ZoneInfo("Asia/Phnom_Penh")
RATE = Decimal("130")


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("en", "English"),
        ("English", "English"),
        ("  english ", "English"),
        ("ENG", "English"),
        ("km", "Khmer"),
        ("Khmer language", "Khmer"),
        ("Laotian", "Lao"),
        ("lo", "Lao"),
        ("vi", "Vietnamese"),
        ("Tiếng Việt", "Vietnamese"),
        ("thai", "Thai"),
        ("ne", "Nepali"),
        ("Nepalese", "Nepali"),
        ("Bangla", "Bengali"),
        ("bn", "Bengali"),
        ("Tagalog", "Filipino"),
        ("filipino", "Filipino"),
        ("Tharu", "Tharu"),
        ("  Kui   dialect ", "Kui dialect"),
        ("", ""),
    ],
)
def test_language_names_fold_spellings_and_codes(typed: str, name: str) -> None:
    """Tests that case, spaces, codes and other names give one name; an
    unknown language stays as written, its spaces collapsed."""
    assert language_name(typed) == name


def test_spoken_names_each_language_once_in_order() -> None:
    """Tests that a person's 'en; English; km; tharu; Tharu' is three languages."""
    assert spoken(("en", "English", "km", "tharu", "Tharu", " ")) == (
        "English",
        "Khmer",
        "tharu",
    )


def _champion(cid: str, *languages: str, **changes: object) -> Champion:
    fields: dict[str, object] = {
        "id": ChampionId(cid),
        "name": f"Champion {cid}",
        "gender": Gender.FEMALE,
        "country": "KH",
        "languages": languages,
        "honorarium": Decimal("0"),
    }
    fields.update(changes)
    return Champion(**fields)  # type: ignore[arg-type]


def _participant(pid: str, name: str, *languages: str) -> Participant:
    return Participant(
        id=ParticipantId(pid),
        name=name,
        gender=Gender.MALE,
        country="LA",
        languages=languages,
    )


ROSTER = (
    _participant("P01", "Chan Sokunthea", "Khmer", "English"),
    _participant("P02", "Sita Gurung", "Nepali", "en"),
    _participant("P03", "Thongsavanh Keola", "Lao"),
    _participant("P04", "Farzana Akter", "Bangla", "English"),
)

CHAMPIONS = (
    _champion("KM", "Khmer"),
    _champion("KE", "km", "English"),
    _champion("VN", "Vietnamese"),
    _champion("LA", "Laotian", "Thai"),
    _champion("NONE", name="Meas Vuthy"),
)


def _site(sid: str, name: str, *champions: str) -> Site:
    return Site(
        id=SiteId(sid),
        name=name,
        country="KH",
        lat=11.0,
        lon=104.8,
        champions=tuple(ChampionId(c) for c in champions),
    )


SITES = (
    _site("TK", "Tram Kak community learning centre", "KM"),
    _site("KP", "Kampot pepper cooperative", "KM"),
    _site("BT", "Bati women's savings group federation", "KE"),
    _site("TV", "Trà Vinh Khmer agripreneurs", "VN"),
    _site("VT", "Vientiane rice seed centre", "LA"),
    _site("NO", "Takeo fish refuge", "NONE"),
    _site("MX", "Kampong Speu palm sugar group", "KE", "NONE"),
)


def _project(
    participants: tuple[Participant, ...] = ROSTER, **route: object
) -> Project:
    rates = CostRates(interpreter_per_day=RATE)
    return Project(
        route=replace(small_route(), rates=rates, **route),  # type: ignore[arg-type]
        sites=SITES,
        champions=CHAMPIONS,
        participants=participants,
        places=small_places(),
    )


def _visit(site: str, day: int, hour: int, *champions: str) -> Event:
    start = datetime(2027, 3, day, hour, tzinfo=ICT)
    return Event(
        kind=EventKind.VISIT,
        start=start,
        end=start.replace(hour=hour + 2),
        title=f"Visit: {site}",
        tz="Asia/Phnom_Penh",
        site=SiteId(site),
        champions=tuple(ChampionId(c) for c in champions),
    )


def _need(project: Project, *champions: str) -> tuple[str, ...] | str:
    need = InterpretationRule(project).need(ChampionId(c) for c in champions)
    return need.unknown or tuple(p.label for p in need.pairs)


def test_working_language_is_what_everyone_or_most_speak() -> None:
    """Tests English for a roster where all but one speak it, and both
    languages on a tie where no language is shared by everyone."""
    assert working_languages(ROSTER) == ("English",)
    tie = (
        _participant("P1", "A", "Khmer"),
        _participant("P2", "B", "Lao", "Thai"),
        _participant("P3", "C", "km"),
        _participant("P4", "D", "Laotian"),
    )
    assert working_languages(tie) == ("Khmer", "Lao")
    assert working_languages((_participant("P9", "E"),)) == ()


def test_needs_follow_the_champions_languages() -> None:
    """Tests each visit's pairs: a Khmer-only champion needs Khmer → English
    (and a whisper for the Lao-only participant); an English speaker needs
    only the whisper; a Lao speaker needs English for the rest and nothing
    for the Lao participant; the Khmer participant hears Khmer directly."""
    project = _project()
    whisper = "English → Lao (whispered for Thongsavanh Keola)"
    assert _need(project, "KM") == ("Khmer → English", whisper)
    assert _need(project, "KE") == (whisper,)
    assert _need(project, "VN") == ("Vietnamese → English", whisper)
    assert _need(project, "LA") == ("Lao → English",)
    assert _need(project, "KE", "LA") == ()


def test_a_champion_without_languages_makes_the_need_not_known() -> None:
    """Tests 'not known' naming the champion, unless the other champions'
    languages already reach everyone; and a visit with no champion."""
    project = _project()
    assert _need(project, "NONE") == "no languages entered for Meas Vuthy"
    assert _need(project, "KE", "NONE") == "no languages entered for Meas Vuthy"
    english_only = _project(participants=(ROSTER[0], ROSTER[1]))
    assert _need(english_only, "KE", "NONE") == ()
    assert _need(project) == "no champion named for the visit"
    silent = _project(participants=(_participant("P9", "Lê Văn Quang"),))
    assert _need(silent, "KM") == "no participant has languages entered"


def test_visit_interpretation_is_the_agenda_line() -> None:
    """Tests the text an agenda prints for a visit, and None for no need."""
    project = _project(participants=ROSTER[:2])
    assert (
        visit_interpretation(project, _visit("TK", 1, 8, "KM"))
        == "Interpretation: Khmer → English"
    )
    assert visit_interpretation(project, _visit("BT", 1, 8, "KE")) is None
    assert visit_interpretation(project, _visit("NO", 1, 8, "NONE")) == (
        "Interpretation: not known (no languages entered for Meas Vuthy)"
    )


def _itinerary() -> Itinerary:
    """Two Khmer visits and a Vietnamese one on 1 March, one Khmer visit on
    2 March, a visit whose need is not known on 4 March."""
    return Itinerary(
        days=(
            DayPlan(
                day=date(2027, 3, 1),
                events=(
                    _visit("TK", 1, 8, "KM"),
                    _visit("KP", 1, 11, "KM"),
                    _visit("TV", 1, 14, "VN"),
                ),
                overnight=PlaceId("PNH"),
            ),
            DayPlan(
                day=date(2027, 3, 2),
                events=(_visit("BT", 2, 9, "KE"),),
                overnight=PlaceId("PNH"),
            ),
            DayPlan(day=date(2027, 3, 3), overnight=PlaceId("PNH"), rest=True),
            DayPlan(
                day=date(2027, 3, 4),
                events=(_visit("NO", 4, 9, "NONE"),),
                overnight=PlaceId("SGN"),
            ),
            DayPlan(day=date(2027, 3, 5)),
        )
    )


def test_visits_of_one_day_share_a_pair() -> None:
    """Tests 1 March: Khmer → English once for two visits, Vietnamese →
    English, one whisper for all three: 3 interpreters, plus the travelling."""
    project = _project(interpreters=1)
    day = _itinerary().days[0]
    needs = day_interpretation(project, day)
    assert [(d.pair.label, d.sites) for d in needs.pairs] == [
        ("Khmer → English", ("TK", "KP")),
        ("English → Lao (whispered for Thongsavanh Keola)", ("TK", "KP", "TV")),
        ("Vietnamese → English", ("TV",)),
    ]
    assert interpreters_on(project, day) == 3 + 1


def test_interpreter_cost_lines_follow_the_days() -> None:
    """Tests the cost sheet's interpreter lines on the hand-made plan: one
    interpreter-day per pair and day, the travelling interpreter every day,
    a zero line naming the visit whose need is not known; the total."""
    project = _project(interpreters=1)
    lines = [
        line
        for line in compute_costs(project, _itinerary()).lines
        if line.category is CostCategory.INTERPRETERS
    ]
    visits = [(line.day, line.item, line.quantity) for line in lines]
    assert len(visits) == 3 + 1 + 1 + 5
    march = date(2027, 3, 1)
    assert (
        march,
        "interpreter Khmer → English: Tram Kak community learning centre; "
        "Kampot pepper cooperative",
        Decimal(1),
    ) in visits
    assert (
        date(2027, 3, 4),
        "interpretation at Takeo fish refuge not known: no languages entered "
        "for Meas Vuthy",
        Decimal(0),
    ) in visits
    travelling = [line for line in lines if "travelling" in line.item]
    assert [line.quantity for line in travelling] == [1] * 5
    assert {line.rate_key for line in lines} == {"interpreter_per_day"}
    # 1 March: 3 pairs; 2 March: the whisper; 4 March: not known; + 5 travelling
    assert sum(line.amount for line in lines) == (3 + 1 + 5) * RATE


def test_no_rate_no_interpreter_lines() -> None:
    """Tests that a route with no interpreter fee has no interpreter lines."""
    route = replace(small_route(), interpreters=2, rates=CostRates())
    project = replace(_project(), route=route)
    costs = compute_costs(project, _itinerary())
    assert CostCategory.INTERPRETERS not in costs.by_category()


LANGUAGES = ("Khmer", "km", "English", "en", "Lao", "Vietnamese", "vi", "Thai")


@given(
    rosters=st.lists(
        st.lists(st.sampled_from(LANGUAGES), max_size=3), min_size=1, max_size=6
    ),
    teams=st.lists(
        st.lists(st.sampled_from(("KM", "KE", "VN", "LA")), min_size=1, max_size=2),
        min_size=1,
        max_size=4,
    ),
)
def test_every_listener_is_reached(
    rosters: list[list[str]], teams: list[list[str]]
) -> None:
    """Tests on random rosters and champions: everyone with a language hears
    a champion's language or a pair's target, and a day's interpreters are
    never more than the sum of its visits' pairs."""
    people = tuple(
        _participant(f"P{i}", f"Person {i}", *langs) for i, langs in enumerate(rosters)
    )
    project = _project(participants=people)
    rule = InterpretationRule(project)
    total = 0
    for team in teams:
        need = rule.need(ChampionId(c) for c in team)
        heard = {n.casefold() for c in team for n in spoken(_by(c).languages)}
        heard |= {p.target.casefold() for p in need.pairs}
        for person in people:
            own = {n.casefold() for n in spoken(person.languages)}
            assert not own or own & heard or need.unknown
        total += len(need.pairs)
    day = DayPlan(
        day=date(2027, 3, 1),
        events=tuple(_visit("TK", 1, 7 + 2 * i, *t) for i, t in enumerate(teams)),
    )
    assert len(day_interpretation(project, day).pairs) <= total


def _by(cid: str) -> Champion:
    return next(c for c in CHAMPIONS if c.id == cid)


def test_pairs_compare_without_capitals() -> None:
    """Tests that one interpreter's pair is the same whoever it is whispered for."""
    first = Pair("English", "Lao", whispered=True, for_whom=("A",))
    assert first.key == Pair("english", "LAO").key
    assert first == Pair("English", "Lao", whispered=True, for_whom=("B",))


def test_rest_day_interpreters_are_the_travelling_ones() -> None:
    """Tests that a day with no visits takes only the Route's interpreters."""
    project = _project(interpreters=2)
    assert interpreters_on(project, _itinerary().days[2]) == 2


@pytest.mark.parametrize(("below", "broken"), [(Decimal("0.01"), True), (0, False)])
def test_the_validator_counts_the_interpreters(below: Decimal, broken: bool) -> None:
    """Tests that the independent check's budget rule costs the day's
    interpreters: a cap a cent below the plan's total (which holds 9
    interpreter-days) is broken, the total itself is not."""
    project = _project(interpreters=1)
    total = compute_costs(project, _itinerary()).total
    capped = replace(project, route=replace(project.route, budget_cap=total - below))
    budget = [v for v in validate(capped, _itinerary()) if v.rule == "budget"]
    assert bool(budget) is broken
    free = replace(project, route=replace(project.route, rates=CostRates()))
    assert total - compute_costs(free, _itinerary()).total == 9 * RATE * Decimal("1.05")
