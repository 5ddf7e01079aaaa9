"""Name a drafted figure's metric in words the metric catalogue reads.

:func:`kg.drafting.figures.metric_name` names what a figure measures from the words around it,
as the sentence prints them: "Percentage of employees trained was in FY2022 FY2021", "As at
December the Group had employees". The build maps a drafted metric to the catalogue by its
label (:func:`kg.vocab.catalogue.match_metric`), and its KPIs follow from that mapping, so a name
that keeps a sentence's verbs, period words and the leftovers of its figures maps to nothing.

:class:`MetricNamer` tries, for each figure of a unit, in order:

1. the name without those words ("Percentage of employees trained"), and the name as read;
2. the figure's own clause, its other figures taken out ("By age, 2,186 employees were aged under
   30, ...": "employees aged under 30");
3. the clause or name after the metric an earlier figure of the sentence was named as, so a list
   of parts is read as parts ("..., 4,902 were aged 30 to 50": "employees aged 30 to 50"); a
   sentence that opens by pointing back ("Of these, ...", "By age group, ...", "They ...")
   continues the metric of the sentence before;
4. the name with a qualifier the figure's clause prints before it ("Scope 1 and 2", "audits",
   "hazardous"), which the name lost with the digits or the words between ("Our Scope 1 and 2
   emissions fell by 7.5%": "Scope 1 and 2 emissions"); when none of those reads, with a
   qualifier of a clause before ("solar panels ..., which generated 950 MWh of electricity").

The first that reads as a catalogue metric is kept, unless a later one reads as a part of it (a
narrower metric of the catalogue's breakdown: headcount under 30 of headcount), which names the
figure more exactly. An energy figure whose clause says it was saved is of energy saved. When
nothing reads for a percentage, the first that reads as a count in no unit is kept, marked as a
share (a group's share of the workforce: its KPI asks for it, see kg.vocab.crosswalks' unit
rule); when nothing reads at all the name stays as read: a figure the catalogue has no metric for keeps its
own words, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from kg.drafting.figures import Reading
from kg.vocab.catalogue import COUNT, CatalogueMatch, breakdown_dimension, broader_metrics, catalogue, match_metric

_YEAR = r"(?:19[5-9]\d|20\d\d)"
# Words of a sentence that say when, how much or who, not what is measured.
_PERIOD_WORDS = re.compile(
    rf"\b(?:(?:in|during|for|of|over|throughout|as\s+(?:at|of)|at\s+the\s+end\s+of|since|from|to|between|and)\s+)?"
    rf"(?:year[- ]on[- ]year|(?:the\s+)?(?:reporting\s+(?:period|year)|(?:financial|fiscal)\s+year"
    rf"|year(?:\s+under\s+review)?)"
    rf"|FY\s?\d{{2,4}}(?:/\d{{2,4}})?|{_YEAR}(?:/\d{{2,4}})?"
    rf"|(?:\d{{1,2}}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"(?:\s+\d{{1,2}})?)\b",
    re.I,
)
_RESIDUE = re.compile(
    r"\b(?:RMB|HK|HKD|US|USD|CNY|SGD|MOP|NT|million|billion|thousand|mn|bn|approximately|about|around|nearly"
    r"|some|all|a\s+total\s+of|m[²³]|[kMG]Wh|GJ|tCO2e)(?!\w)|[$¥€£%]",
    re.I,
)
_WHO = re.compile(r"\b(?:the\s+(?:Group|Company|Bank|Issuer)|we|our|us|its|their|which|that|who)\b", re.I)
_AUXILIARY = re.compile(
    r"\b(?:was|were|is|are|has|have|had|been|reached|amounted\s+to|stood\s+at|totall?ed|totall?ing|came\s+to"
    r"|(?:rose|fell|dropped|decreased|increased|declined|grew)(?:\s+(?:by|to))?|of\s+which|of\s+whom|including"
    r"|among\s+them"
    # a target's verbs and bounds ("aim to keep water intensity at or below"): what is planned, not what is measured
    r"|(?:aim|aims|aimed|plan|plans|target|targets|strive|strives|commit|commits|pledge|pledges)\s+to"
    r"(?:\s+(?:keep|maintain|hold|reduce|cut|lower|reach|achieve|limit))?"
    r"|at\s+or(?:\s+(?:below|above|under|less\s+than|more\s+than))?|no\s+(?:more|less)\s+than|at\s+(?:most|least))\b",
    re.I,
)
# Where the figure's metric stops and its boundary starts ("... generated on our warehouse roofs").
_PLACE_TAIL = re.compile(r"\s+(?:on|at|in|across|from)\s+(?:our|the|its|their)\b.*$", re.I)
_TRAILING = re.compile(
    r"(?:(?:^|\s+)\b(?:of|with|by|to|a|an|the|and|in|at|for|on|from|as|than|that|which)\b)+\s*$", re.I
)
# A sentence that opens by pointing back to the one before it, or that breaks its figure down.
_BACK = re.compile(
    r"^\s*(?:(?:in|during)\s+\S+\s*,?\s*)?(?:of\s+(?:these|them|whom|which|this|the\s+total)|among\s+(?:them|these)"
    r"|they|these|broken\s+down\s+by|by\s+(?:gender|sex|age(?:\s+group)?|region|location|geograph\w*|"
    r"employment\s+(?:type|category)|employee\s+category|category|rank|grade|level))\b",
    re.I,
)
# Qualifiers a name loses with the digits or words between ("Our Scope 1 and 2 emissions fell",
# "Scope 1 and Scope 2 emissions rose").
_QUALIFIER = re.compile(
    r"\bScopes?\s*[123](?:\s*(?:and|&|\+|,)\s*(?:Scope\s*)?[23])?\b|\b(?:solar|photovoltaic|renewable|wind|non-hazardous"
    r"|hazardous|recycled|anti-corruption|audit(?:s|ed)?)\b",
    re.I,
)
# A sentence that files the figure before it under one emission scope ("Heat bought from the
# network, 1,240 tCO2e, is counted in our Scope 1 emissions", "..., 1,240 tCO2e in 2023, forms
# the bulk of our Scope 1 emissions"), or a relative clause after the figure and what it is of
# that does ("released 310 tCO2e of methane, which we count in Scope 3"): the scope names its
# metric, whatever the words before the figure say, so that a table filing the same figure under
# another scope contradicts it (shapes/findings.ttl, ScopeDisagreementShape). A share of a scope
# ("most of", "part of") files the figure under it as much as "is counted in" does.
_SHARE_OF = r"(?:most|much|the\s+bulk|part|half|(?:a|the)\s+(?:large|larger|major|main|greater)\s+(?:part|share))"
_FILED_UNDER = re.compile(
    # What the figure is of ("of HFCs"), a few words saying so ("1,120 tCO2e emitted by the kilns
    # in 2023 are counted in Scope 1": no other figure, no clause break, but a year) or its year,
    # then the verb: passive, in a relative clause, or a share ("makes up most of").
    r"(?:\s+of\s+(?:[\w()-]+\s+){0,3}?[\w()-]+|\s+[^\W\d][^,;:.\d]{0,60}?(?:\s+in\s+(?:19|20)\d\d)?"
    r"|\s*in\s+(?:FY)?\d{4}(?:/\d{2,4})?\s*)?"
    r"\s*,?\s*(?:"
    r"(?:(?:which|that)\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+"
    r"(?:counted|included|reported|recorded|classified|categori[sz]ed|accounted\s+for|treated)"
    r"\s+(?:in|as|under|within|among)"
    r"|(?:which|that)\s+(?:we|the\s+(?:Group|Company))\s+"
    r"(?:counts?|counted|reports?|reported|records?|recorded|includes?|included|classif(?:y|ies|ied)"
    r"|categori[sz]e[sd]?|treats?|treated|accounts?\s+for|accounted\s+for)\s+(?:in|as|under|within|among)"
    rf"|(?:makes?|made)\s+up|(?:forms?|formed|represents?|represented)(?=\s+{_SHARE_OF}))"
    rf"\s+(?:{_SHARE_OF}\s+of\s+)?(?:(?:our|the|its|their)\s+)?"
    r"(?P<scope>Scope\s*[123])\b(?!\s*(?:and|&|\+|,|/)\s*(?:Scope\s*)?[123])",
    re.I,
)
# What may follow a figure alone in its clause: the clause's end.
_ALONE_AFTER = re.compile(r"\s*(?:[,;:.)]|and\s|$)")
# A clause that opens with its verb, or with a pronoun for a subject named before.
_NO_SUBJECT = re.compile(
    r"\s*(?:(?:in|during)\s+\S+\s*,?\s*)?(?P<pronoun>they|it|these|this|which\s+)?\s*(?:has\s+|have\s+|had\s+)?"
    r"(?:decreased|increased|rose|fell|dropped|declined|grew|reached|amounted|stood|totall?ed|went|was|were|is|are)\b",
    re.I,
)
PHRASE_WORDS = 6  # the longest phrase read as a subject
# A figure that compares the one before with another period ("7.2% lower than in FY2022").
_COMPARED = re.compile(r"\s*(?:lower|higher|more|less|fewer|greater|smaller|up|down|above|below)\b", re.I)
# A saving the figure's clause words ("LED lighting saved 86,000 kWh of electricity"): of energy saved.
_SAVED = re.compile(r"\bsav(?:e|ed|es|ing|ings)\b", re.I)
# Whom a gift went to ("food worth RMB3.5 million to the Red Cross"), after what was given.
_RECIPIENT = re.compile(r"\s+(?:to|for)\s+.*$", re.I)
# Unit words a metric's name says ("training hours", "lost days"), put back in the figure's clause.
_UNIT_WORDS = {"HR": "hours", "DAY": "days"}
# Where a clause ends; the "and" of "Scope 1 and 2" joins a scope's numbers, not two clauses.
_DELIMITER = re.compile(r"[,;:()\n]|(?<!scope \d)(?<!scopes \d)\s(?:and|while|whereas|but|compared\s+with)\s", re.I)
# A single emission scope as a sentence names it ("Scope 1", not "Scope 1 and 2"), and any scope.
_ONE_SCOPE = re.compile(r"\bscope\s*([123])\b(?!\s*(?:,|and|&|\+|/)\s*(?:scope\s*)?[123])", re.I)
_ANY_SCOPE = re.compile(r"\bscopes?\s*[123]\b", re.I)


def clean(name: str, lead: bool = True) -> str:
    """``name`` without the words that say when, how much or who, nor the verbs that join them
    ("Percentage of employees trained was in FY2022": "Percentage of employees trained"); a
    leading preposition is dropped too unless ``lead`` keeps it, for a clause that follows a
    subject ("in Shandong Province" after "Employees")."""
    text = _PERIOD_WORDS.sub(" ", name)
    text = _RESIDUE.sub(" ", text)
    text = _WHO.sub(" ", text)
    text = _AUXILIARY.sub(" ", text)
    text = " ".join(text.split()).strip(" -–,.;:()")
    text = _TRAILING.sub("", text)
    text = re.sub(r"^(?:of|the|a|an|and|by|in|for)\s+" if lead else r"^(?:of|the|a|an|and)\s+", "", text, flags=re.I)
    return text[:1].upper() + text[1:] if text else ""


def _clause(text: str, start: int, end: int, spans: list[tuple[int, int]], unit_word: str) -> tuple[int, str]:
    """The words of the clause the figure at ``start``-``end`` stands in, the figure and the
    other figures taken out: from the delimiter or figure before it to the one after it. A
    figure of hours leaves the word (``unit_word``): metrics of hours name them ("volunteers
    contributed 5,240 hours": "volunteers contributed hours"). Returns where the clause starts, and its words."""
    left = max([0, *(m.end() for m in _DELIMITER.finditer(text, 0, start)), *(e for s, e in spans if e <= start)])
    after = [m.start() for m in _DELIMITER.finditer(text, end)] + [s for s, _ in spans if s >= end]
    stop = re.search(r"[.!?](?:\s|$)", text[end:])
    right = min([len(text), *after, *([end + stop.start()] if stop else [])])
    return left, f"{text[left:start]} {unit_word} {text[end:right]}"


# Dimensions a list's parts share rather than vary in: "We recycled 36 tonnes of paper, 2 tonnes
# of plastics": every part was recycled, so the head keeps the route.
_SHARED_DIMENSIONS = frozenset({"waste-route"})


def _head(notation: str) -> str:
    """The words of the broadest metric of ``notation``'s own breakdown, as a subject for its
    parts ("Employees, total" of headcount under 30: "Employees"): the broader metrics named with
    the same first word (donations are part of community investment, but a list of gifts is of
    donations). A metric split along a dimension the parts share (a waste route) is its own head."""
    stem = notation.split("-")[0]
    if breakdown_dimension(notation) in _SHARED_DIMENSIONS:
        return catalogue()[notation].label
    same = [n for n in (notation, *broader_metrics(notation)) if n.split("-")[0] == stem]
    top = min(same, key=lambda n: (len(broader_metrics(n)), n))
    label = catalogue()[top].label
    return re.sub(r",?\s*\btotal\b|^\s*total\s+", "", label, flags=re.I).strip()


@dataclass
class MetricNamer:
    """Names the metrics of a report's figures, unit by unit, in reading order: a unit that
    points back continues the metric of the unit before (see the module's docstring)."""

    # The (catalogue metric, name) of the figures of the last unit with figures, the last first.
    previous: list[tuple[str, str]] = field(default_factory=list)

    def names(self, reading: Reading, unit_keys: list[str | None]) -> list[str]:
        """The metric name of each figure of ``reading``; ``unit_keys`` are the units its metric is in."""
        text, at = reading.unit.text, reading.unit.start
        spans = [(f.mention.start - at, f.mention.end - at) for f in reading.figures]
        heads = list(self.previous) if _BACK.match(text) else []
        names, found = [], []
        for (start, end), figure, unit in zip(spans, reading.figures, unit_keys, strict=True):
            if figure.listed is not None and figure.listed < len(names):
                names.append(names[figure.listed])  # "310, 295 and 280 tCO2e": one metric, named once
                continue
            others = [s for s in spans if s != (start, end)]
            word = _UNIT_WORDS.get(figure.mention.unit or "", "")
            left, clause = _clause(text, start, end, others, word)
            near = _QUALIFIER.findall(text[left:start])
            compared = _COMPARED.match(text[end:]) is not None
            # Only an amount of emissions is filed under a scope ("the 2 kilns are counted in Scope 3" is no such).
            counted = (figure.mention.unit or "NUM") in ("NUM", "PERCENT")
            filed = _FILED_UNDER.match(text[end:]) if not counted else None
            candidates = chain(
                [(f"{filed.group('scope')} emissions", True)] if filed else [],
                _candidates(figure.metric, clause, word, heads, compared),
                _qualified(figure.metric, near),
            )
            # What the sentence files the figure under names it before the noun it follows.
            name, match = _appositive(text, left, start, end, others, unit) if filed is None else ("", None)
            if match is None:
                name, match = _best(candidates, unit, len(heads))
            if match is None:
                name, match = _subject(text, left, unit)
            if match is None:
                name, match = _best(_qualified(figure.metric, _QUALIFIER.findall(text[:left])), unit, 0)
            if (
                match is not None
                and _SAVED.search(clause)
                and match.notation.startswith("energy-")
                and match.notation != "energy-saved"
            ):
                saved = match_metric(f"{name} saved", unit)
                name, match = (f"{name} saved", saved) if saved is not None else (name, match)
            if match is None and unit == "PERCENT":
                share = _share_of_count(
                    chain(_candidates(figure.metric, clause, word, heads, compared), _qualified(figure.metric, near)),
                    len(heads),
                )
                if share is not None:
                    names.append(share)
                    continue
            if match is not None and match.notation.startswith("ghg-"):
                name = _scoped(name, text[max([0, *(e for _, e in others if e <= start)]) : start])
            names.append(name if match is not None else figure.metric)
            if match is not None:
                found.append((match.notation, name))
                heads = [(match.notation, name), *heads]
        if found:
            self.previous = list(reversed(found))
        elif reading.figures:
            self.previous = []
        return names


def _scoped(name: str, before: str) -> str:
    """An emissions figure's ``name`` with the one scope its sentence files it under before it, and
    after any other figure (``before``: "Scope 1 (energy indirect) emissions from purchased
    electricity were"), where the clause the name was read from lost it: the label keeps what the
    report calls the figure, so that kg.validate can hold a scope printed against the rest of
    the report (csrsh:ScopeLabelShape, csrsh:ScopeDisagreementShape)."""
    scopes = {m.group(1) for m in _ONE_SCOPE.finditer(before)}
    if _ANY_SCOPE.search(name) or len(scopes) != 1 or len(_ANY_SCOPE.findall(before)) != 1:
        return name
    return f"Scope {scopes.pop()} {name[:1].lower()}{name[1:]}"


def _share_of_count(candidates: Iterator[tuple[str, bool]], heads: int) -> str | None:
    """The name of a percentage that reads, in no unit, as a catalogue count (a headcount group as a
    share of the workforce: "Women made up 44.5% of the workforce"), marked as a share so that it
    is a metric of its own beside the count, or None. Its KPI is the count's (kg.vocab.crosswalks'
    unit rule: HKEX B1.1 asks for the workforce by gender, in any unit)."""
    name, match = _best(candidates, None, heads)
    if match is None or catalogue()[match.notation].quantity_kind != COUNT:
        return None
    return f"{name} (share)"


def _subject(text: str, left: int, unit: str | None) -> tuple[str, CatalogueMatch | None]:
    """The metric a clause with no subject of its own is of: the subject its pronoun points back
    to, in the nearest clause before that names a catalogue metric ("our sulphur oxides
    emissions have fallen since: in 2020 they decreased by 15.8%"), or, for a clause that opens
    with its verb, the sentence's subject ("Non-hazardous waste, mainly food residues ...,
    decreased by 6.4%"). Only a phrase that reads exactly counts."""
    opening = _NO_SUBJECT.match(text[left:])
    if opening is None:
        return "", None
    bounds = [0, *(m.end() for m in _DELIMITER.finditer(text, 0, left))]
    clauses = [text[a:b] for a, b in zip(bounds, [*bounds[1:], left], strict=True)]
    order = list(reversed(clauses)) if opening.group("pronoun") else clauses[:1]
    for clause in order:
        found = _phrase(clause, unit)
        if found[1] is not None:
            return found
    return "", None


def _appositive(
    text: str, left: int, start: int, end: int, others: list[tuple[int, int]], unit: str | None
) -> tuple[str, CatalogueMatch | None]:
    """The metric of a figure set off by commas after the noun it measures ("... small amounts of
    nitrogen oxides, about 1,260 kg, and sulphur oxides, about 18 kg."): the longest phrase of the
    clause before the comma that reads exactly as a catalogue metric. Only a figure alone in its
    clause after a clause of no figure: "120 tonnes of paper, 30 tonnes of plastics" lists figures."""
    comma = len(text[:left].rstrip()) - 1
    if text[left:start].strip() or comma < 0 or text[comma] != "," or not _ALONE_AFTER.match(text, end):
        return "", None
    opening = max([0, *(m.end() for m in _DELIMITER.finditer(text, 0, comma))])
    if any(opening <= s < comma for s, _ in others):
        return "", None
    phrase, match = _phrase(text[opening:comma], unit)
    return clean(phrase), match


def _phrase(clause: str, unit: str | None) -> tuple[str, CatalogueMatch | None]:
    """The longest run of words of ``clause`` (at most PHRASE_WORDS) that reads exactly as a catalogue metric."""
    words = re.findall(r"[A-Za-z][\w'-]*|\d+", clause)
    for n in range(min(PHRASE_WORDS, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n])
            match = match_metric(phrase, unit)
            if match is not None and match.match == "exact":
                return phrase, match
    return "", None


def _candidates(
    name: str, clause: str, word: str, heads: list[tuple[str, str]], compared: bool
) -> Iterator[tuple[str, bool]]:
    """The names to try, each with whether it is the figure's own clause's (see :func:`_best`). A
    clause with no words of its own but the figure and its unit ``word`` ("..., and 83% in
    FY2021"), or a figure ``compared`` with the one before ("..., 3.3% fewer than a year
    earlier"), is of the metric the sentence named last."""
    yield clean(name), False  # the name without its sentence's leftovers reads first, as a curator would write it
    yield name, False
    yield clean(_PLACE_TAIL.sub("", name)), False
    own = clean(clause)
    yield own, True
    rest = clean(clause, lead=False)
    empty = compared or rest.casefold() in ("", word)
    given = _RECIPIENT.sub("", rest)
    for notation, named in heads:
        head = _head(notation)
        if not empty and _shares_a_noun(head, rest):
            continue  # the clause names its own subject ("..., while 310 tonnes of waste were recycled")
        yield (named if empty else _joined(head, rest)), True
        if given and given != rest:
            yield _joined(head, given), True


def _shares_a_noun(head: str, rest: str) -> bool:
    """Whether ``rest`` repeats a word of ``head`` longer than three letters (a noun, not "of")."""
    words = {w for w in re.findall(r"[a-z][a-z-]{3,}", head.casefold())}
    return any(w in words for w in re.findall(r"[a-z][a-z-]{3,}", rest.casefold()))


def _qualified(name: str, qualifiers: list[str]) -> Iterator[tuple[str, bool]]:
    """The name with each of ``qualifiers``, the nearest first: those of the figure's own clause
    may narrow what the name reads as ("on-site audits of 64 suppliers"); those of the clauses
    before it, which may belong to another figure, are tried only when nothing else reads."""
    for qualifier in reversed(qualifiers):
        if qualifier.casefold() not in name.casefold():
            yield _joined(qualifier, clean(_PLACE_TAIL.sub("", name))), False


def _joined(head: str, rest: str) -> str:
    """A subject and the clause that continues it: "Employees" and "aged 30 to 50", once each."""
    if rest.casefold().startswith(head.casefold()):
        return rest
    return f"{head} {rest[:1].lower()}{rest[1:]}"


def _best(candidates: Iterator[tuple[str, bool]], unit: str | None, heads: int) -> tuple[str, CatalogueMatch | None]:
    """The first candidate that reads as a catalogue metric, replaced by a later one that reads as
    a part of it; and, where the sentence lists parts (``heads``: earlier metrics it continues),
    by one of the figure's own clause that reads as another part of the same whole ("13.1% for
    male and 15.6% for female": the second is female, whatever the name before it says)."""
    best: tuple[str, CatalogueMatch | None] = ("", None)
    for candidate, local in candidates:
        if not candidate:
            continue
        match = match_metric(candidate, unit)
        if match is None:
            continue
        current = best[1]
        wider = broader_metrics(match.notation)
        narrower = current is None or current.notation in wider
        sibling = local and heads > 0 and current is not None and bool(wider & broader_metrics(current.notation))
        if narrower or sibling:
            best = (candidate, match)
    return best
