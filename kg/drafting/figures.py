"""Read the figures of one quotable unit: what each quantity is a value, change or target of, and when.

Every quantity mention the recogniser (:mod:`kg.ingest.quantities`) finds in a unit becomes one
:class:`Figure`, unless its context shows it is no figure: a reference number ("Cap. 57",
"Goal 7", "page 12"), the second of a list of identifiers ("Scope 1 and 2"), an age ("aged 18",
"44 years old"), a rank ("Top 100") or the denominator of a rate ("per 200,000 hours"). Years,
dates, ordinals, codes and list numbers the recogniser already sets apart.

A figure's **role** is read from the words right before and after it: ``change`` after "increased
by", "a decrease of", "up", "down", before "reduction" or "year-on-year" (with a direction, so a
decrease is negative); ``target`` in a sentence that commits ("aim", "target", "plan", "will")
and names a year to reach ("by 2030"); else ``value`` ("down from 0.24 ... in 2020" is a value of
2020). Its **period** is the period phrase right after it ("... 98.6 million litres in 2023"),
else the one the sentence opens with ("In 2021, ...", "As at 31 December 2022, ...", "Since
2017, ...", "From 2016 to 2019, ..."), else the report's period (None). A change's baseline is
the period it is "compared with" ("the previous year", "2020", "year-on-year": the year before);
a target's is its stated base year. Its **metric** is named from the sentence (see
:func:`metric_name`); when the unit announces a figure it does not print ("... is disclosed in
the appendix", a currency with no number), :attr:`Reading.missing` names it instead, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.drafting.sentences import Unit
from kg.ingest.quantities import MONTHS, Mention

_YEAR = r"(?:19[5-9]\d|20\d\d)"
_MONTH_NUMBER = {name.lower(): n for n, name in enumerate(MONTHS.split("|"), start=1)}
_DAY = rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTHS})|(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}}),?)\s+(?P<y>{_YEAR})"

# Period phrases, each with the span it covers; the first group that matches names its kind.
_PERIODS = re.compile(
    rf"(?P<asat>\b(?:as\s+(?:at|of|on)\s+(?:{_DAY}|the\s+end\s+of\s+(?P<ey>{_YEAR}))|at\s+the\s+end\s+of\s+(?P<ey2>{_YEAR})))"
    rf"|(?P<range>\b(?:from|between)\s+(?:(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+)?(?P<r1>{_YEAR})\s+(?:to|and|until|through)\s+"
    rf"(?:(?:\d{{1,2}}\s+)?(?:{MONTHS})\s+)?(?P<r2>{_YEAR}))"
    rf"|(?P<since>\bsince\s+(?P<sy>{_YEAR}))"
    rf"|(?P<end>\bby\s+the\s+end\s+of\s+(?P<eny>{_YEAR}))"
    rf"|(?P<by>\bby\s+(?P<byy>{_YEAR}))"
    rf"|(?P<baseyear>\b(?:(?P<bb>{_YEAR})\s+(?:baseline|base\s+year|levels?)|base\s+year:?\s+(?:of\s+)?(?P<ba>{_YEAR})))"
    rf"|(?P<compared>\b(?:compared\s+(?:with|to)|against|versus|relative\s+to|over|from)\s+(?:the\s+)?"
    rf"(?:(?:same\s+period\s+(?:of|in)\s+|year\s+)?(?P<cy>{_YEAR})|(?P<prev>previous|prior|last)\s+year))"
    rf"|(?P<yoy>\b(?:year[- ]on[- ]year|yoy|y-o-y)\b)"
    rf"|(?P<report>\b(?:during|in|over|for|throughout)\s+the\s+(?:reporting\s+(?:period|year)|year(?!\s+\d)))"
    rf"|(?P<year>\b(?:in|during|for|of|throughout)\s+(?:the\s+(?:fiscal\s+|financial\s+)?year\s+)?(?:FY\s?)?(?P<yy>{_YEAR}))",
    re.I,
)
_COMMIT = re.compile(
    r"\b(?:aims?|aiming|targets?|targeting|plans?|planning|commit(?:s|ted)?|strives?|goals?|ambition|pledges?|"
    r"will|intends?|seeks?|endeavou?r)\b",
    re.I,
)
_DECREASE = (
    r"decrease[ds]?|decreasing|reduc(?:e[ds]?|ing|tion)|fell|fall(?:en|s)?|dropp?(?:ed|s)?|declin(?:e[ds]?|ing)|"
    r"down|cut(?:s|ting)?|lower(?:ed)?|less"
)
_INCREASE = (
    r"increase[ds]?|increasing|r(?:o|i)se[ns]?|rising|gr(?:e|o)w(?:n|s|th)?|up|rais(?:e[ds]?|ing)|higher|more|"
    r"improv(?:e[ds]?|ement)|expand(?:ed)?"
)
_CHANGE_BEFORE = re.compile(rf"\b(?:(?P<dec>{_DECREASE})|(?P<inc>{_INCREASE}))(?:\s+(?:by|of))?\s*$|\bby\s*$", re.I)
_CHANGE_VERB = re.compile(rf"\b(?:(?P<dec>{_DECREASE})|(?P<inc>{_INCREASE}))\b", re.I)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?P<dec>reduction|decrease|decline|drop|fall|cut|lower|less)|(?P<inc>increase|rise|growth|higher|more))\b"
    r"|^\s*(?:year[- ]on[- ]year|yoy|y-o-y)\b",
    re.I,
)
_FROM_BEFORE = re.compile(r"\b(?:up|down|increased|decreased|rose|fell|dropped|grew|declined)\s+from\s*$", re.I)
_NOT_CHANGE = re.compile(
    r"\b(?:make|makes|made|making|set|sets|sum|sums|summed|add|adds|added|end|ended)\s+up\s*$", re.I
)
_TO_BEFORE = re.compile(r"\bto\s*(?:(?:at\s+least|over|more\s+than|nearly|about|approximately)\s+)?$", re.I)

# Context that makes a digit run no figure (see the module's docstring).
_REFERENCE = re.compile(
    r"(?:\b(?:Cap|Chapter|Ch|No|Nos|Page|Pages|p|pp|Goal|Goals|Principle|Principles|Rule|Rules|Clause|Grade|Class|"
    r"Tier|Category|Item|Part|Schedule|Table|Figure|Fig|Annex|Paragraph|Para|Top|Phase|Stage|Level|Article|"
    r"Section|Appendix|Scope|SDG|SDGs|KPI|KPIs|Aspect|Standard|GRI)\.?|#)\s*$",
    re.I,
)
_LIST_OF_CODES = re.compile(r"^\s*(?:,|and|&|/|or|-|–|to)\s*$")
_AGE_BEFORE = re.compile(r"\b(?:aged?|age\s+of|ages\s+of|under\s+the\s+age\s+of|over\s+the\s+age\s+of)\s*$", re.I)
_AGE_AFTER = re.compile(r"^\s*(?:years?\s+)?(?:old|of\s+age)\b|^-year-old", re.I)
_AGE_WORD = re.compile(r"\bage\b[^.;,]{0,40}$", re.I)
_YEAR_NUMBER = re.compile(_YEAR)
_AFTER_YEAR = re.compile(r"^\s*(?:[,.;:)]|$|levels?\b|figures?\b|and\b|baseline\b)")
# A comparison figure that is not the company's ("the industry average of 3.1").
_BENCHMARK = re.compile(
    r"\b(?:industry|national|sector|market|peer|regional|global)\s+(?:average|median|benchmark)\s+(?:of\s+)?$", re.I
)
# A unit that goes on past what the lexicon read ("61.2 gCO2e per tonne-km"), or a symbol glued to
# a number the lexicon does not know ("1.5°C"): the unit cannot be told, so the figure is left out.
_UNREAD_UNIT = re.compile(r"^[-–/][A-Za-z]")
_UNKNOWN_SYMBOL = re.compile(r"^(?:[^\s,.;:)\]”\"'’%]|\s?[A-Za-z]{0,2}[A-Z][A-Za-z]{0,3}\b(?<![A-Z][a-z]{3}))")
_PER_BEFORE = re.compile(r"\b(?:per|every|each)\s*$", re.I)

_VERB = (
    r"was|were|is|are|reached|totall?ed|amounted\s+to|stood\s+at|came\s+to|hit|exceeded|achieved|recorded|"
    r"remained\s+at|rose\s+to|fell\s+to|increased\s+to|decreased\s+to|dropped\s+to|grew\s+to|accounted\s+for|"
    r"made\s+up|makes?\s+up|reached\s+a\s+total\s+of"
)
_SUBJECT_BEFORE = re.compile(
    rf"(?P<subject>[A-Za-z][^,;:()]*?)\s+(?:{_VERB})\s+(?:(?:a|an|the)\s+(?:total|average|rate)\s+of\s+)?$", re.I
)
_ACTION_VERBS = (
    r"donated|invested|contributed|spent|raised|consumed|used|generated|collected|recycled|planted|trained|"
    r"delivered|granted|saved|installed|supported|recorded|employed|served|reached|completed|received|volunteered|"
    r"purchased|distributed|provided|offered|organised|organized|held|hosted|launched|opened|built|treated|"
    r"discharged|produced|emitted|avoided|reduced|saving|saved"
)
_ACTION = re.compile(
    rf"\b(?P<verb>{_ACTION_VERBS})\s+(?:(?:a\s+total\s+of|an\s+average\s+of|about|around|"
    r"approximately|over|more\s+than|nearly|almost|up\s+to|at\s+least|some)\s+)?$",
    re.I,
)
_STOP = re.compile(
    r"\b(?:in|at|to|for|by|from|during|with|on|and|or|which|who|that|was|were|is|are|has|have|had|since|as|than|"
    r"compared|while|whereas|across|per|over|under|through|within|into|of\s+which|of\s+whom|up|down|we|our|they|"
    r"their|it|its|a\s+year|each\s+year|per\s+year|annually|free\s+of\s+charge)\b(?![-’'])|[,.;:()\n]",
    re.I,
)
_LEADING = re.compile(
    r"^(?:(?:and|while|but|whereas|the|our|its|their|this|these|a|an|total|overall|annual|some|all|about|approximately|also|now|further|"
    r"we|group's|company's|group’s|company’s)\s+)+",
    re.I,
)
_POSSESSIVE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*['’]s\s+")
_MISSING = re.compile(
    r"\b(?:is|are|was|were|will\s+be)\s+(?:\w+\s+)?(?:disclosed|presented|shown|set\s+out|reported|provided|detailed|"
    r"listed|available|included|not\s+included)\b",
    re.I,
)
_MEASURABLE = re.compile(
    r"\b(?:total|amount|volume|number|quantity|percentage|share|rate|consumption|emissions?|waste|water|energy|"
    r"electricity|fuel|discharged?|intensity|hours|spend|spending|expenditure|donations?|investment)\b",
    re.I,
)
_CLAUSE = re.compile(r"[,;:]\s+|\s+(?:and|while|whereas|but)\s+")
MAX_NAME_WORDS = 8


@dataclass(frozen=True)
class Figure:
    """One printed quantity of a unit, read.

    ``period`` and ``baseline`` are YYYY, YYYY-MM-DD or START/END (None: the report's period);
    ``direction`` is ``increase`` or ``decrease`` for changes and for targets of a change.
    """

    mention: Mention
    role: str  # value | change | target
    metric: str
    period: str | None = None
    baseline: str | None = None
    direction: str | None = None


@dataclass(frozen=True)
class Reading:
    """What a unit states in figures: its figures, or the metric it announces without a figure."""

    unit: Unit
    figures: tuple[Figure, ...] = ()
    missing: str | None = None
    commits: bool = False


@dataclass(frozen=True)
class _Period:
    start: int
    end: int
    kind: str
    value: str | None


@dataclass
class FigureReader:
    """Reads units of one report (its year gives "the previous year" and "since 2017" their end)."""

    year: int
    currencies: tuple[str, ...] = field(default_factory=tuple)

    def read(self, unit: Unit, mentions: list[Mention]) -> Reading:
        """``mentions`` are the recogniser's mentions of the whole text inside the unit, in order."""
        text = unit.text
        at = unit.start
        quantities = [m for m in mentions if m.kind == "quantity"]
        kept = [m for m in quantities if self._is_figure(text, at, m, mentions)]
        commits = bool(_COMMIT.search(text) or (unit.kind == "bullet" and _COMMIT.search(unit.lead)))
        if not kept:
            return Reading(unit, (), self._missing(unit) if not quantities else None, commits)
        periods = self._periods(text)
        lead = self._periods(unit.lead) if unit.kind == "bullet" else []
        spans = [(m.start - at, m.end - at) for m in kept]
        owned = _owners(text, periods, spans)
        figures: list[Figure] = []
        for index, mention in enumerate(kept):
            figures.append(self._figure(unit, mention, index, spans, periods, lead, owned, figures))
        return Reading(unit, tuple(figures), None, commits)

    # ------------------------------------------------------------ what is a figure

    def _is_figure(self, text: str, at: int, m: Mention, mentions: list[Mention]) -> bool:
        start, end = m.start - at, m.end - at
        before, after = text[max(0, start - 40) : start], text[end : end + 30]
        if _REFERENCE.search(before) or _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
            return False
        if m.unit == "YR" or (m.unit is None and _AGE_WORD.search(before)):
            return False
        if _PER_BEFORE.search(before) and m.qualifier is None:
            return False
        if (
            m.unit is None
            and m.scale is None
            and _YEAR_NUMBER.fullmatch(m.surface.split()[-1])
            and _AFTER_YEAR.match(after)
        ):
            return False  # "an increase of 3% over 2020": a year compared with, though a qualifier precedes it
        if _BENCHMARK.search(before) or _UNREAD_UNIT.match(after) or (m.unit is None and _UNKNOWN_SYMBOL.match(after)):
            return False
        previous = [p for p in mentions if p.end <= m.start]
        if previous and previous[-1].kind == "identifier" and _LIST_OF_CODES.match(text[previous[-1].end - at : start]):
            return False
        return not (_AGE_WORD.search(before) and m.unit in (None, "YR", "YEAR"))

    # ------------------------------------------------------------ periods

    def _periods(self, text: str) -> list[_Period]:
        found = []
        for m in _PERIODS.finditer(text):
            kind = next(k for k in _KINDS if m.group(k))
            found.append(_Period(m.start(), m.end(), kind, self._period_value(kind, m)))
        return found

    def _period_value(self, kind: str, m: re.Match[str]) -> str | None:
        year = self.year
        if kind == "asat":
            if m.group("ey") or m.group("ey2"):
                return f"{m.group('ey') or m.group('ey2')}-12-31"
            day = m.group("d1") or m.group("d2")
            month = _MONTH_NUMBER[(m.group("m1") or m.group("m2")).lower()]
            return f"{m.group('y')}-{month:02d}-{int(day):02d}"
        if kind == "range":
            first, last = m.group("r1"), m.group("r2")
            if first == last == str(year):
                return None
            return f"{first}/{last}" if first < last else None
        if kind == "since":
            start = m.group("sy")
            return f"{start}/{year}" if int(start) < year else None
        if kind == "end":
            return f"{m.group('eny')}-12-31"
        if kind == "by":
            return m.group("byy")
        if kind == "baseyear":
            return m.group("bb") or m.group("ba")
        if kind == "compared":
            return m.group("cy") or str(year - 1)
        if kind == "yoy":
            return str(year - 1)
        if kind == "year":
            return m.group("yy") if m.group("yy") != str(year) else None
        return None  # the reporting period

    # ------------------------------------------------------------ one figure

    def _figure(
        self,
        unit: Unit,
        mention: Mention,
        index: int,
        spans: list[tuple[int, int]],
        periods: list[_Period],
        lead: list[_Period],
        owned: dict[int, int],
        earlier: list[Figure],
    ) -> Figure:
        text = unit.text
        start, end = spans[index]
        nxt = spans[index + 1][0] if index + 1 < len(spans) else len(text)
        before, after = text[max(0, start - 60) : start], text[end : end + 40]
        role, direction = _change(text, before, after, start)
        target = self._target(unit, periods, lead, start)
        named = "target" if target is not None else role
        metric = metric_name(unit, mention, start, end, named, [f.metric for f in earlier if f.role == "value"])
        if target is not None:
            baseline = next((p.value for p in [*periods, *lead] if p.kind == "baseyear"), None)
            baseline = baseline or next((p.value for p in periods if p.kind == "compared"), None)
            level = role != "change" or _TO_BEFORE.search(before) is not None
            return Figure(mention, "target", metric, target, baseline, None if level else direction)
        period = self._period_of(index, periods, owned, start)
        if role == "change":
            compared = [p for p in periods if p.kind in ("compared", "yoy") and start - 5 <= p.start < nxt + 20]
            baseline = compared[0].value if compared else None
            if period is not None and "/" in period and baseline is None:
                baseline, period = period.split("/")
                period = None if period == str(self.year) else period
            ends = (period or str(self.year))[:4]
            if baseline is None or baseline[:4] >= ends:
                baseline = str(int(ends) - 1)
            return Figure(mention, "change", metric, period, baseline, direction)
        if period is not None and "/" in period and _TO_BEFORE.search(before):
            period = period.split("/")[1]
            period = None if period == str(self.year) else period
        return Figure(mention, "value", metric, period)

    def _target(self, unit: Unit, periods: list[_Period], lead: list[_Period], start: int) -> str | None:
        """The year a committed figure is to be reached by ("aim ... by 2030"), or None."""
        if not (_COMMIT.search(unit.text[:start]) or (unit.kind == "bullet" and _COMMIT.search(unit.lead))):
            return None
        years = [p.value for p in [*periods, *lead] if p.kind in ("by", "end") and p.value]
        years = [y for y in years if int(y[:4]) >= self.year]
        return years[0] if years else None

    def _period_of(self, index: int, periods: list[_Period], owned: dict[int, int], start: int) -> str | None:
        """The period phrase the figure owns, else the last free phrase before it (one that opens
        the sentence or a clause and so applies to what follows), else the report's period."""
        for number, p in enumerate(periods):
            if owned.get(number) == index:
                return p.value
        free = [p for n, p in enumerate(periods) if n not in owned and p.kind in _LEVEL_KINDS and p.end <= start]
        return free[-1].value if free else None

    # ------------------------------------------------------------ metric names

    def _missing(self, unit: Unit) -> str | None:
        """The metric a unit announces without printing its figure, or None."""
        text = unit.text
        blank = re.search(rf"(?:{'|'.join(re.escape(c) for c in self.currencies)})(?=\s+[^\d\s])", text)
        if blank and self.currencies:
            return _tidy(text[: blank.start()]) or None
        m = _MISSING.search(text)
        if m is None:
            return None
        subject = text[: m.start()].strip()
        if not _MEASURABLE.search(subject) or len(subject.split()) > 14:
            return None
        return _tidy(subject)


_KINDS = ("asat", "range", "since", "end", "by", "baseyear", "compared", "yoy", "report", "year")
_LEVEL_KINDS = ("asat", "range", "since", "report", "year")
OWN_GAP = 45  # characters: a period phrase this close after a figure, with no comma between, is its own


def _owners(text: str, periods: list[_Period], spans: list[tuple[int, int]]) -> dict[int, int]:
    """Which figure (index) each period phrase (index) belongs to: the figure right before it,
    when no comma, other figure or more than OWN_GAP characters lie between."""
    owners: dict[int, int] = {}
    for number, p in enumerate(periods):
        if p.kind not in _LEVEL_KINDS:
            continue
        before = [i for i, (_, end) in enumerate(spans) if end <= p.start]
        if before:
            i = before[-1]
            gap = text[spans[i][1] : p.start]
            if len(gap) <= OWN_GAP and not re.search(r"[,;:]", gap):
                owners[number] = i
    return owners


def _change(text: str, before: str, after: str, start: int) -> tuple[str, str | None]:
    """("change", direction) when the words around a figure print it as a change, else ("value", None)."""
    if _FROM_BEFORE.search(before) or _NOT_CHANGE.search(before):
        return "value", None
    m = _CHANGE_BEFORE.search(before)
    if m is not None and not (m.group("dec") or m.group("inc")):
        verbs = list(_CHANGE_VERB.finditer(text[_clause_start(text, start) : start]))
        if not verbs:
            verbs = list(_CHANGE_VERB.finditer(text[:start]))
        if not verbs:
            return "value", None
        m = verbs[-1]
    if m is None:
        m = _CHANGE_AFTER.match(after)
    if m is None:
        return "value", None
    groups = m.re.groupindex
    if "dec" in groups and m.group("dec"):
        return "change", "decrease"
    if "inc" in groups and m.group("inc"):
        return "change", "increase"
    return "change", None


def _clause_start(text: str, at: int) -> int:
    starts = [m.end() for m in _CLAUSE.finditer(text, 0, at)]
    return starts[-1] if starts else 0


def _tidy(name: str) -> str:
    """A metric name as a label: leading articles, possessives and "total" dropped, one line."""
    name = " ".join(name.split())
    name = _POSSESSIVE.sub("", name)
    name = _LEADING.sub("", name)
    name = name.strip(" -–,.;:")
    words = name.split()[:MAX_NAME_WORDS]
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words)


_TRAILING = frozenset(
    ["of", "with", "by", "to", "a", "an", "the", "and", "in", "at", "for", "on", "from", "as", "than"]
)


def _words_after(text: str) -> str:
    stop = _STOP.search(text)
    return text[: stop.start()] if stop else text


def metric_name(unit: Unit, mention: Mention, start: int, end: int, role: str, earlier: list[str]) -> str:
    """The name of what the figure at ``start``-``end`` of ``unit`` measures, from the words around it.

    In this order: a highlight box's caption; for a change or target, what changes ("X decreased
    by", "reduce X by", "raise X to"), or with no subject of its own ("..., a decrease of 6.2%")
    the metric of the figure before it; a figure compared with the one before ("compared with",
    "down from") or a part of it ("of whom 41% were female") is of that metric; a count and its
    noun ("2,846 employees", "planted 5,000 trees": "trees planted"); "X was/reached N";
    "N unit of X" ("consumed 42,380 MWh of electricity": "electricity consumed"); a verb and its
    figure ("donated RMB 5 million to X": "amount donated to X"); else the words before the figure
    in its clause.
    """
    text = unit.text
    before, after = text[:start], text[end:]
    clause = before[_clause_start(text, start) :]
    if unit.kind == "highlight":
        rest = _OF_LEAD.sub("", (before + " " + after).strip())
        if role == "change":
            rest = _CHANGE_LEAD.sub("", rest)
        rest = _COUNTED_AGENT.split(rest, maxsplit=1)[0]
        if rest:
            return _tidy(rest)
    if role in ("change", "target"):
        for pattern in (_MOVED_OBJECT, _MOVED_SUBJECT):
            moved = pattern.search(clause) or pattern.search(before)
            if moved and _tidy(moved.group("x")) and not _PRONOUN.fullmatch(_tidy(moved.group("x"))):
                return _tidy(moved.group("x"))
        if earlier and _CHANGE_NOUN.search(clause):
            return earlier[-1]
    if earlier:
        part = _PART_OF.match(after) or (_PREDICATE.match(after) if _WHOM.search(before) else None)
        if part and _words_after(part.group("p")):
            return _tidy(f"{earlier[-1]}: {_words_after(part.group('p'))}")
        if _COMPARED.search(before) or _WHOM.search(before):
            return earlier[-1]
    action = _ACTION.search(before)
    if mention.unit is None:
        counted = re.match(r"^\s*(?P<x>[A-Za-z][^,.;:()\n]*)", after)
        thing = _tidy(_words_after(counted.group("x"))) if counted else ""
        if thing and not _PRONOUN.fullmatch(thing):
            return _tidy(f"{thing} {action.group('verb')}") if action else thing
    named = _NAMED_OF.search(_PARENTHESES.sub("", clause))
    if named and mention.unit is not None:
        thing = _tidy(_words_after_stop(named.group("x")))
        if thing and not _PRONOUN.fullmatch(thing) and thing.split()[-1].lower() not in _AMOUNT_WORDS:
            return thing
    subject = _SUBJECT_BEFORE.search(clause)
    if subject and _tidy(subject.group("subject")) and not _PRONOUN.fullmatch(_tidy(subject.group("subject"))):
        return _tidy(subject.group("subject"))
    of_what = re.match(r"^\s+(?:of|in)\s+(?P<x>[A-Za-z][^,.;:()\n]*)", after)
    if of_what and not re.match(r"^\s+(?:of|in)\s+(?:which|whom|it|the\s+(?:year|period))\b", after):
        thing = _tidy(_words_after(of_what.group("x")))
        if thing:
            return _tidy(f"{thing} {action.group('verb')}") if action else thing
    if action:
        verb = action.group("verb")
        if mention.unit is not None and mention.surface[-1:].isalpha() and not mention.surface.startswith(_LETTERS):
            return _tidy(f"{_unit_words(mention.surface)} {verb}")
        purpose = re.match(r"^\s+(?P<prep>to|in|on|for)\s+(?P<p>[^,.;:()\n]+)", after)
        if purpose and _words_after(purpose.group("p")) and not _PERIOD_START.match(purpose.group("p")):
            return _tidy(f"amount {verb} {purpose.group('prep')} {_words_after(purpose.group('p'))}")
        return f"amount {verb}"
    if earlier and "per" in mention.surface:
        return _tidy(f"{earlier[-1]} per {mention.surface.rpartition('per')[2]}")
    words = re.findall(r"[A-Za-z][\w'’-]*", clause)
    if len(words) < 2:  # "..., and met 4 times": the clause's subject is in the clause before
        words = re.findall(r"[A-Za-z][\w'’-]*", before)
    name = _tidy(" ".join(words[-MAX_NAME_WORDS:]))
    if (not name or _PRONOUN.fullmatch(name)) and earlier:
        return earlier[-1]
    return name or "figure"


def _words_after_stop(text: str) -> str:
    """The words after the last stop word, verb or punctuation of ``text`` ("... fleet emitted nitrogen oxides")."""
    stops = [*_STOP.finditer(text), *_VERBS.finditer(text)]
    stops.sort(key=lambda m: m.end())
    return text[stops[-1].end() :] if stops else text


def _unit_words(surface: str) -> str:
    """The unit words of a printed figure: "8,600 hours" is "hours"."""
    return re.sub(
        r"^[^A-Za-z]*?(?:about|around|approximately|over|nearly|up to|at least|more than)?\s*[\d.,]+\s*", "", surface
    )


# "nitrogen oxides (NOx) of 186.2 kg": the thing measured, named right before "of" and the figure.
_NAMED_OF = re.compile(r"(?P<x>[A-Za-z][^,;:()]*?)\s+of\s*$")
_VERBS = re.compile(rf"\b(?:{_VERB}|{_ACTION_VERBS})\b", re.I)
# A highlight's caption goes on to who or where the figure came from ("... contributed by 680 employees").
_COUNTED_AGENT = re.compile(r"\s+(?:by|from|across)\s+(?:our\s+|the\s+)?\d", re.I)
# "donated ... in 2022": a period, not what the money went to.
_PERIOD_START = re.compile(
    rf"(?:the\s+)?(?:(?:fiscal|financial|reporting)\s+)?(?:year|period|FY\s?{_YEAR}|{_YEAR})\b", re.I
)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
# Words that say how much, not of what ("a total of", "an average of", "out of").
_AMOUNT_WORDS = frozenset({"total", "average", "sum", "amount", "maximum", "minimum", "out", "part", "rate", "level"})
# A highlight printing a change: "12.4% reduction in electricity ..." names what changed after the change noun.
_CHANGE_LEAD = re.compile(r"^(?:reduction|decrease|decline|drop|fall|cut|increase|rise|growth)\s+(?:in|of)\s+", re.I)
_LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_OF_LEAD = re.compile(r"^(?:of|in|on|for)\s+", re.I)
_PRONOUN = re.compile(r"(?:and\s+)?(?:we|it|they|this|that|which|these|those|he|she|or|and|to|of|figure)", re.I)
_MOVED_OBJECT = re.compile(
    r"\b(?:reduce|reducing|cut|cutting|lower|lowering|increase|increasing|raise|raising|improve|improving|grow|"
    r"growing|bring|keep)\s+(?P<x>[^,;:()]+?)\s+(?:by|to)\s*$",
    re.I,
)
_MOVED_SUBJECT = re.compile(rf"(?P<x>[A-Za-z][^,;:()]*?)\s+(?:{_DECREASE}|{_INCREASE})(?:\s+(?:by|to))?\s*$", re.I)
_CHANGE_NOUN = re.compile(
    r"(?:\ban?\s+)?\b(?:increase|decrease|reduction|rise|growth|decline|drop|fall|up|down)\s+(?:of\s+)?$", re.I
)
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against|from|than)\s*$", re.I)
_WHOM = re.compile(r"\bof\s+(?:whom|which)\s*$", re.I)
_PART_OF = re.compile(
    r"^\s+of\s+(?:it|them|which|this)\s+(?:was|were|is|are|came|come)\s+(?:from\s+)?(?P<p>[^,.;:()\n]+)", re.I
)
_PREDICATE = re.compile(r"^\s+(?:was|were|is|are|came|come)\s+(?:from\s+)?(?P<p>[^,.;:()\n]+)", re.I)
