"""Which interpretation each visit needs, from the champions' and the
participants' languages, and how many interpreters each day takes.

The rule, written once for the costs, the planner's budget and the agenda:

* The group's **working languages** are the languages every participant
  speaks (usually English); if no language is shared by all, the language
  (or languages, on a tie) the most participants speak. Participants with
  no language entered are left out of the rule (nothing is known of them).
* At a visit, a participant who speaks a language of one of the visit's
  champions needs nothing. For the others, interpretation is provided from
  the champions' language (the first language of the first champion) into
  a working language they speak, preferring the working languages, then
  the language most of the rest speak, until everyone is covered.
* A participant who speaks no working language and no champion's language
  (say only Vietnamese, at a Khmer host) needs **whispered** interpretation
  into their own language, from the working language the visit is held in
  (the one a champion speaks or that is interpreted into) or else from the
  champions' language: ``English → Vietnamese (whispered for ...)``.
* When someone would need interpretation and a champion of the visit has no
  language entered, the need is **not known**: it is said, never guessed,
  and nothing is charged for it. A visit with no champion, or a roster with
  no language entered, is not known either.
* One interpreter serves one language pair for a day: the visits of one day
  needing Khmer → English share one. The day's interpreters are those pairs
  plus the Route's interpreters travelling with the group for the whole route.

Languages are compared through :mod:`lrplanner.core.languages` (``en`` =
``English``, ``Bangla`` = ``Bengali``; unknown names as written).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from lrplanner.core.ids import SiteId
from lrplanner.core.languages import spoken

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from lrplanner.core.ids import ChampionId
    from lrplanner.core.people import Participant
    from lrplanner.core.plan import DayPlan, Event
    from lrplanner.core.project import Project

ARROW = "\u2192"


@dataclass(frozen=True, slots=True)
class Pair:
    """Interpretation from ``source`` into ``target`` (whispered for a few)."""

    source: str
    target: str
    whispered: bool = False
    for_whom: tuple[str, ...] = field(default=(), compare=False)

    @property
    def key(self) -> tuple[str, str]:
        """Return what makes two pairs one interpreter's work on a day."""
        return (self.source.casefold(), self.target.casefold())

    @property
    def label(self) -> str:
        """Return ``Khmer → English`` (with who a whispered one is for)."""
        text = f"{self.source} {ARROW} {self.target}"
        if self.whispered:
            text += f" (whispered for {', '.join(self.for_whom)})"
        return text


@dataclass(frozen=True, slots=True, kw_only=True)
class VisitNeed:
    """The interpretation one visit needs; ``unknown`` says why it is not known."""

    pairs: tuple[Pair, ...] = ()
    unknown: str = ""

    @property
    def text(self) -> str | None:
        """Return the agenda's ``Interpretation: ...`` line (None: none needed)."""
        if self.unknown:
            return f"Interpretation: not known ({self.unknown})"
        if self.pairs:
            return "Interpretation: " + "; ".join(p.label for p in self.pairs)
        return None


def working_languages(participants: Sequence[Participant]) -> tuple[str, ...]:
    """Return the group's working languages (see the module's rule)."""
    rosters = [spoken(p.languages) for p in participants]
    rosters = [r for r in rosters if r]
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for languages in rosters:
        for name in languages:
            counts[name.casefold()] += 1
            names.setdefault(name.casefold(), name)
    if not counts:
        return ()
    top = max(counts.values())
    return tuple(names[k] for k in names if counts[k] == top)


@dataclass(frozen=True, slots=True)
class _Listener:
    name: str
    languages: frozenset[str]


class InterpretationRule:
    """The rule for one project's roster; :meth:`need` gives a visit's need."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self.working = working_languages(project.participants)
        self._names = {w.casefold(): w for w in self.working}
        self._listeners = tuple(
            _Listener(p.name, frozenset(n.casefold() for n in spoken(p.languages)))
            for p in project.participants
            if spoken(p.languages)
        )
        self._display: dict[str, str] = {}  # first spelling, in roster order
        for person in project.participants:
            for name in spoken(person.languages):
                self._display.setdefault(name.casefold(), name)

    def need(self, champions: Iterable[ChampionId]) -> VisitNeed:
        """Return the interpretation a visit presented by ``champions`` needs."""
        if not self._project.participants:
            return VisitNeed()
        if not self._listeners:
            return VisitNeed(unknown="no participant has languages entered")
        by_id = self._project.champion_by_id
        people = [by_id[c] for c in champions if c in by_id]
        if not people:
            return VisitNeed(unknown="no champion named for the visit")
        heard = {n.casefold() for c in people for n in spoken(c.languages)}
        needing = [p for p in self._listeners if not p.languages & heard]
        if not needing:
            return VisitNeed()
        silent = [c.name for c in people if not spoken(c.languages)]
        if silent:
            return VisitNeed(unknown=f"no languages entered for {', '.join(silent)}")
        source = spoken(people[0].languages)[0]
        return VisitNeed(pairs=self._pairs(source, heard, needing))

    def _pairs(
        self, source: str, heard: set[str], needing: list[_Listener]
    ) -> tuple[Pair, ...]:
        targets: list[tuple[str, tuple[str, ...]]] = []
        while needing:
            target = self._best_target(needing)
            covered = tuple(p.name for p in needing if target in p.languages)
            targets.append((target, covered))
            needing = [p for p in needing if target not in p.languages]
        held = [w for w in self._names if w in heard or any(w == t for t, _ in targets)]
        relay = self._names[held[0]] if held else source
        pairs = []
        for target, covered in targets:
            if target in self._names:
                pairs.append(Pair(source, self._names[target]))
            else:
                pairs.append(Pair(relay, self._display[target], True, covered))
        return tuple(pairs)

    def _best_target(self, needing: list[_Listener]) -> str:
        """Return the language to interpret into next: a working one first,
        then the one most of ``needing`` speak (first listed on a tie)."""
        counts: Counter[str] = Counter(n for p in needing for n in p.languages)
        order = {k: i for i, k in enumerate(self._display)}
        return max(
            counts,
            key=lambda k: (k in self._names, counts[k], -order.get(k, 0)),
        )


def visit_need(project: Project, event: Event) -> VisitNeed | None:
    """Return the interpretation a visit event needs (None: not a visit)."""
    if event.site is None:
        return None
    return InterpretationRule(project).need(event.champions)


def visit_interpretation(project: Project, event: Event) -> str | None:
    """Return the agenda line for a visit, e.g. ``Interpretation: Khmer →
    English``; ``Interpretation: not known (...)`` when it cannot be told;
    None when the visit needs none or the event is no visit."""
    need = visit_need(project, event)
    return need.text if need is not None else None


@dataclass(frozen=True, slots=True, kw_only=True)
class DayPair:
    """One interpreter's day: a language pair and the visits it serves."""

    pair: Pair
    sites: tuple[SiteId, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DayInterpretation:
    """A day's interpreters: one per pair, and the visits whose need is not known."""

    day: date
    pairs: tuple[DayPair, ...] = ()
    unknown: tuple[tuple[SiteId, str], ...] = ()


def day_interpretation(
    project: Project, day: DayPlan, rule: InterpretationRule | None = None
) -> DayInterpretation:
    """Return the interpretation pairs a day's visits need, each once."""
    rule = rule or InterpretationRule(project)
    pairs: dict[tuple[str, str], DayPair] = {}
    unknown: list[tuple[SiteId, str]] = []
    for event in day.visits():
        assert event.site is not None
        need = rule.need(event.champions)
        if need.unknown:
            unknown.append((event.site, need.unknown))
        for pair in need.pairs:
            _add(pairs, pair, event.site)
    return DayInterpretation(
        day=day.day, pairs=tuple(pairs.values()), unknown=tuple(unknown)
    )


def _add(pairs: dict[tuple[str, str], DayPair], pair: Pair, site: SiteId) -> None:
    old = pairs.get(pair.key)
    if old is None:
        pairs[pair.key] = DayPair(pair=pair, sites=(site,))
        return
    whom = tuple(dict.fromkeys((*old.pair.for_whom, *pair.for_whom)))
    merged = Pair(old.pair.source, old.pair.target, old.pair.whispered, whom)
    sites = old.sites if site in old.sites else (*old.sites, site)
    pairs[pair.key] = DayPair(pair=merged, sites=sites)


def interpreters_on(project: Project, day: DayPlan) -> int:
    """Return the interpreters a day takes: one per pair plus those travelling."""
    return len(day_interpretation(project, day).pairs) + project.route.interpreters
