"""The metric catalogue (``ontology/metrics.ttl``) and the matching of a report's metric to it.

Reports word the same metric differently ("Direct GHG emissions (Scope 1)", "Scope 1 emissions",
"GHG emissions - direct"), so figures compare only through the catalogue. A curator names the
catalogue metric in the sheet (``catalogue:``); where the sheet names none, :func:`match_metric`
reads the label by general ESG wording (scope words, waste classes, energy carriers, headcount
breakdowns ...) and the printed unit, never by any one report's phrasing, and says why. It
answers only when the reading is unambiguous: a label whose words contradict each other
("indirect" and "Scope 1") or name something the catalogue lacks (a saving of anything but
energy, a share of a count, an intensity per revenue) gets no match rather than a guess.

Match kinds are SKOS mapping relations from the report's metric to the catalogue metric:
``exact`` when every word of the label is accounted for, ``close`` when a word or two the rules do
not read remain ("comprehensive energy consumption", "cumulative patent applications"), and
``broad`` when the label narrows the catalogue metric to part of the company ("... in offices"),
so the catalogue metric is the broader one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from rdflib import Literal as RDFLiteral
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from kg.vocab.names import local_name
from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph
from kg.vocab.units import Units, cached_while_packaged, load_units

QUANTITY_KINDS = "http://qudt.org/vocab/quantitykind/"

MatchKind = Literal["exact", "close", "broad", "narrow"]
MATCH_KINDS: tuple[MatchKind, ...] = ("exact", "close", "broad", "narrow")
MATCH_PROPERTY = {
    "exact": SKOS.exactMatch,
    "close": SKOS.closeMatch,
    "broad": SKOS.broadMatch,
    "narrow": SKOS.narrowMatch,
}
_CONFIDENCE = {"exact": 0.9, "close": 0.7, "broad": 0.6}


@dataclass(frozen=True)
class CatalogueMetric:
    """One catalogue metric: its IRI, notation, label, definition, quantity kind and canonical unit."""

    iri: URIRef
    notation: str
    label: str
    definition: str | None
    quantity_kind: URIRef | None
    canonical_unit: URIRef | None

    @property
    def per_head(self) -> bool:
        """An average per employee whose canonical unit is no ratio (training hours per employee):
        a figure printed "per employee" is in its numerator's unit."""
        unit = self.canonical_unit
        return (
            unit is not None
            and "-PER-" not in local_name(unit)
            and re.search(r"\baverage\b|\bper employee\b", self.label, re.I) is not None
        )


@dataclass(frozen=True)
class CatalogueMatch:
    """A catalogue metric a report's metric label was read as, how closely, how sure, and why."""

    notation: str
    match: MatchKind
    confidence: float  # 0..1
    rationale: str


@cache
def catalogue() -> dict[str, CatalogueMetric]:
    """The catalogue's metrics by notation, read once per process from the shipped ontology."""
    graph = ontology_graph()
    found: dict[str, CatalogueMetric] = {}
    for iri in sorted(i for i in graph.subjects(RDF.type, CSR.CatalogueMetric) if isinstance(i, URIRef)):
        notation = graph.value(iri, SKOS.notation)
        label = graph.value(iri, SKOS.prefLabel)
        definition = graph.value(iri, SKOS.definition)
        kind = graph.value(iri, CSR.quantityKind)
        unit = graph.value(iri, CSR.canonicalUnit)
        found[str(notation)] = CatalogueMetric(
            iri=iri,
            notation=str(notation),
            label=str(label),
            definition=str(definition) if isinstance(definition, RDFLiteral) else None,
            quantity_kind=kind if isinstance(kind, URIRef) else None,
            canonical_unit=unit if isinstance(unit, URIRef) else None,
        )
    return found


@cache
def broader_metrics(notation: str) -> frozenset[str]:
    """The notations of the catalogue metrics ``notation`` is part of, at any depth of the
    breakdown (skos:broader): Scope 1 emissions are part of Scope 1 and 2 and of total GHG."""
    graph = ontology_graph()
    start = catalogue()[notation].iri if notation in catalogue() else None
    if start is None:
        return frozenset()
    return frozenset(
        str(graph.value(m, SKOS.notation)) for m in graph.transitive_objects(start, SKOS.broader) if m != start
    )


@cache
def breakdown_dimension(notation: str) -> str | None:
    """The dimension (``gender``, ``waste-route`` ...) along which the catalogue metric
    ``notation`` splits its broader metric, or None for a top metric."""
    if notation not in catalogue():
        return None
    dimension = ontology_graph().value(catalogue()[notation].iri, CSR.breakdownDimension)
    return local_name(dimension) if isinstance(dimension, URIRef) else None


# ---------------------------------------------------------------- reading a label

# Words that say nothing about which metric is meant ("Total number of ...", "... generated").
_NEUTRAL = frozenset(
    re.findall(
        r"\w+",
        "a an the of and or total overall number no amount quantity annual yearly generated produced "
        "emission emissions consumption consumed use used usage by all who",
    )
)
# Words that turn a metric into another one the catalogue does not hold: a saving, a target,
# a change, a forecast. A label carrying one gets no match.
_BLOCKERS = frozenset(
    re.findall(
        r"\w+",
        "save saves saved saving savings avoided avoid reduction reductions reduced reduce target targets goal goals "
        "increase increased decrease decreased change growth offset offsets baseline forecast planned "
        "expected projected budget",
    )
)
_BOUNDARY_PREPOSITIONS = frozenset({"in", "at", "for", "across", "within"})
# Metrics of what a company gives: "donated to the Red Cross" is the part of them the named recipients had.
_GIVEN = frozenset({"donations", "community-investment"})
_MAX_UNREAD = 2  # more unread words than this and the label is about something else
# A count's label names what is counted, so an unread word there may name another thing
# ("employee clubs"); only these, which say how the count runs, leave a count's match close.
_COUNT_MODIFIERS = frozenset({"cumulative", "accumulated", "cumulatively", "substantiated", "confirmed", "verified"})
_COUNT = COUNT = URIRef(QUANTITY_KINDS + "Count")

_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# The day a headcount is taken ("Employees as at 31 March", "... at year end"): when, not what.
_AS_AT = re.compile(
    rf"\b(?:as (?:at|of) (?:the )?(?:(?:\d{{1,2}} )?(?:{_MONTHS})(?: \d{{1,2}})?(?:,? (?:19|20)\d\d)?"
    r"|(?:year|period)[- ]end|end of (?:the )?(?:year|(?:reporting )?period))"
    r"|at (?:the )?(?:year[- ]end|end of (?:the )?(?:year|(?:reporting )?period)))\b"
)


# A caption's number ("Table 7 Employees", "Figure 3.2: Water withdrawal"): where, not what.
_CAPTION_NUMBER = re.compile(r"^\s*(?:table|figure|chart|exhibit)\s+\d+(?:\.\d+)*[a-z]?\b\s*[:.-]?")


def _normalise(label: str, units: Units) -> str:
    """Lower case, units in parentheses dropped ("(tCO2e)"), the spellings of a few words unified."""

    def unit_or_keep(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        return " " if inner and units.lexicon.lookup(inner) is not None else f" {inner} "

    text = re.sub(r"\(([^()]*)\)", unit_or_keep, label)
    text = text.translate(str.maketrans({"₂": "2", "₄": "4", "₆": "6", "–": "-", "—": "-", "’": "'"}))
    text = text.casefold().replace("&", " and ").replace("+", " and ")
    text = re.sub(r"\bnon[\s-]*hazardous\b", "non-hazardous", text)
    text = re.sub(r"\bgreenhouse gas(es)?\b", "ghg", text)
    text = re.sub(r"\bco2[\s-]*(e|eq|equivalents?)\b", "co2e", text)
    text = re.sub(r"\bscopes?\s*([123])\b", r"scope \1", text)
    text = re.sub(r"\bscope 1\s*(?:,|/)?\s*(?:scope )?2\s*(?:,|/|and)\s*(?:scope )?3\b", "scope 1 2 and 3", text)
    text = re.sub(r"\bscope ([12])\s*(?:and|,|/|-)\s*(?:scope )?([23])\b", r"scope \1 and \2", text)
    text = re.sub(r"\bre(?:search) and development\b|\br and d\b", "r-and-d", text)
    text = _AS_AT.sub(" ", text)
    text = _CAPTION_NUMBER.sub(" ", text)
    text = re.sub(r"\btown\s+gas\b", "towngas", text)
    text = re.sub(r"\blost\s+time\b", "lost-time", text)  # "Lost time injuries", as "lost-time injuries"
    text = re.sub(r"\bgasoline\b", "petrol", text)
    return text


@dataclass
class _Reading:
    """What the rules have read of a label: its words, the ones accounted for, and the findings."""

    text: str
    words: list[str]
    read: set[int]
    label: str = ""  # as printed: the case of its words tells a place name ("... : Hong Kong")
    share: bool = False  # the label words a share of a whole ("... make up ... of our workforce")
    # Words naming a kind of what the metric measures ("wooden pallets" of packaging): the match
    # stays close, but they do not count against the limit of unread words.
    kinds: set[str] = field(default_factory=set)
    # The source of the metric the label names after it ("Scope 1: kiln firing"): the label's
    # metric is a part of the catalogue metric, which is the broader one.
    source: str | None = None

    def has(self, pattern: str) -> bool:
        return re.search(pattern, self.text) is not None

    def take(self, pattern: str) -> bool:
        """Whether ``pattern`` occurs; its words then count as read."""
        found = False
        for m in re.finditer(pattern, self.text):
            found = True
            for i, span in enumerate(self._spans):
                if span[0] >= m.start() and span[1] <= m.end():
                    self.read.add(i)
        return found

    @property
    def _spans(self) -> list[tuple[int, int]]:
        return [m.span() for m in _TOKEN.finditer(self.text)]

    def unread(self) -> list[str]:
        return [w for i, w in enumerate(self.words) if i not in self.read and w not in _NEUTRAL]


def _denominator(r: _Reading, unit_denominator: str | None) -> str | None:
    """What an intensity divides by: ``employee``, ``floor-area``, ``unit-produced``, ``other``, or None."""
    if r.take(r"\bper (?:\w+ )?(?:employees?|persons?|capita|head|staff(?: member)?|fte)\b"):
        return "employee"
    if r.take(
        r"\bper (?:\w+ )?(?:square (?:met(?:re|er)s?|foot|feet)|sq\.? ?(?:m|ft)|m2|m²|ft2"
        r"|(?:unit of )?(?:floor )?area)\b"
    ):
        return "floor-area"
    if r.take(r"\bper (?:unit|product|piece|device|item)(?: (?:produced|manufactured|sold|shipped))?\b"):
        return "unit-produced"
    if r.has(r"\bper\b|/"):
        return "other"
    if unit_denominator is not None:
        r.take(r"\bintensity\b")
        return {"EMPLOYEE": "employee", "PERSON": "employee", "M2": "floor-area", "FT2": "floor-area"}.get(
            unit_denominator, "other"
        )
    if r.take(r"\bintensity\b"):
        return "other"
    return None


def _scope(r: _Reading) -> tuple[str | None, str]:
    """The emission scope a GHG label names (``1``, ``2``, ``3``, ``1-and-2``, ``total``), or
    (None, why) when its words disagree."""
    numbered: set[str] = set()
    if r.take(r"\bscope 1 2 and 3\b"):
        numbered.add("total")
    elif r.take(r"\bscope 1 and 2\b"):
        numbered.add("1-and-2")
    elif r.take(r"\bscope 2 and 3\b"):
        numbered.add("2-and-3")
    else:
        numbered.update(m for m in "123" if r.take(rf"\bscope {m}\b"))
    worded: set[str] = set()
    if r.take(r"\bother indirect\b"):
        worded.add("3")
    elif r.take(r"\b(?:energy[\s-])?indirect\b|\b(?:from )?purchased (?:electricity|energy|heat|steam)\b"):
        worded.add("2")
    if r.take(r"\bdirect\b"):
        worded.add("1")
    if len(numbered) > 1 or len(worded) > 1:
        return None, "names several scopes"
    if numbered and worded and numbered != worded and not (numbered == {"1-and-2"} and worded <= {"1", "2"}):
        return None, f"calls Scope {numbered.pop()} {'direct' if worded == {'1'} else 'indirect'}"
    scope = next(iter(numbered or worded), "total")
    return (None, "names Scope 2 and 3 together") if scope == "2-and-3" else (scope, "")


_AIR = (
    ("nox-emissions", r"\bnox\b|\bnitrogen oxides?\b"),
    ("sox-emissions", r"\bsox\b|\bsulph?ur (?:di)?oxides?\b|\bso2\b"),
    ("particulate-emissions", r"\b(?:respirable suspended )?particulates?(?: matter)?\b|\bpm ?(?:2\.5|10)?\b"),
)
_POLLUTANTS = "|".join(pattern for _, pattern in _AIR)


def _intensity(measure: str, noun: str, per: str, missing: str | None = None) -> tuple[str | None, str]:
    """The catalogue's intensity of ``measure`` per employee or per floor area, which are the
    denominators it holds intensities for; ``noun`` ("a water") words the rationale, and
    ``missing`` the one for another denominator (default: ``noun``)."""
    if per in ("employee", "floor-area"):
        return f"{measure}-intensity-per-{per}", f"{noun} intensity per {per.replace('-', ' ')}"
    return None, f"{missing or noun} intensity the catalogue does not hold"


# What else a scope number may be said of: energy ("Scope 1 energy"), waste, water or suppliers.
_NOT_GHG_SCOPE = r"\b(?:energy|electricity|fuel|wastes?|water|suppliers?|packaging)\b"


def _ghg(r: _Reading, per: str | None) -> tuple[str | None, str]:
    # Methane that escapes a gas network, a mine or a landfill ("Fugitive methane from the
    # network"): a direct emission, Scope 1, of that one gas, wherever it escapes from.
    if per is None and r.take(r"\bfugitive (?:emissions? of )?(?:methane|ch4)(?: emissions?)?\b"):
        r.take(r"\b(?:scope 1|direct)\b")
        r.take(r"\b(?:from|of|in) (?:the |our )?(?:\w+ ){0,2}(?:network|system|pipelines?|mains|mines?|landfills?)\b")
        return "ghg-scope-1-ch4", "Scope 1 emissions of one gas (CH4): fugitive methane"
    named = r.take(r"\bghg\b|\bco2e\b|\bcarbon (?:dioxide )?(?:equivalent )?emissions?\b|\bcarbon footprint\b")
    # Plain "emissions" are greenhouse gases when a scope is named, by number or by its words
    # ("indirect emissions", "emissions from purchased electricity"), and no pollutant is.
    # A scope number alone ("Scope 1", "Total Scope 1 and 2 (market-based)", a table's rows under a
    # GHG heading) names greenhouse gases: the GHG Protocol's scopes are used of nothing else.
    scoped = r.has(r"\bscope [123]\b|\bdirect\b|\bindirect\b|\bpurchased (?:electricity|energy|heat|steam)\b")
    # "Scope 1: vessel fuel combustion", "Scope 2: purchased electricity": a GHG table's row naming
    # its scope, then the source it covers, whatever that burns or buys: a part of the scope's
    # emissions (a broad match, the catalogue metric the broader one).
    source = re.match(r"^\s*scope [123]\s*:\s*(?P<source>[a-z][^:]*)$", r.text)
    numbered = r.has(r"\bscope [123]\b") and (source is not None or not r.has(_NOT_GHG_SCOPE))
    if not named and not (((scoped and r.has(r"\bemissions?\b")) or numbered) and not r.has(_POLLUTANTS)):
        return None, ""
    r.take(r"\bemissions?\b|\bgas(?:es)?\b")
    if source is not None and not r.has(_POLLUTANTS):
        r.kinds.update(_TOKEN.findall(source.group("source")))
        r.source = source.group("source").strip()
    if per is not None:
        r.take(r"\bintensity\b")
        # "Scope 1 and 2 intensity per m²": the catalogue's intensities are of the scopes the
        # report states, so the scope words are read, whichever scopes they name.
        _scope(r)
        return _intensity("ghg", "a greenhouse gas", per, "an")
    scope, why = _scope(r)
    if scope is None:
        return None, f"a greenhouse gas label that {why}"
    if scope == "2":
        if r.take(r"\blocation[\s-]based\b"):
            return "ghg-scope-2-location-based", "Scope 2 emissions, location-based"
        if r.take(r"\bmarket[\s-]based\b"):
            return "ghg-scope-2-market-based", "Scope 2 emissions, market-based"
    if scope == "3" and r.take(r"\b(?:from |of )?(?:business (?:travel|trips?)|air travel)\b"):
        return "ghg-scope-3-business-travel", "Scope 3 emissions of business travel"
    if scope == "1":
        for gas, pattern in (
            ("co2", r"\bco2\b|\bcarbon dioxide\b"),
            ("ch4", r"\bch4\b|\bmethane\b"),
            ("n2o", r"\bn2o\b|\bnitrous oxide\b"),
            ("hfcs", r"\bhfcs?\b|\bhydrofluorocarbons?\b"),
            ("pfcs", r"\bpfcs?\b|\bperfluorocarbons?\b"),
            ("sf6", r"\bsf6\b|\bsulph?ur hexafluoride\b"),
        ):
            if r.take(pattern):
                return f"ghg-scope-1-{gas}", f"Scope 1 emissions of one gas ({gas.upper()})"
    names = {"1": "Scope 1 (direct)", "2": "Scope 2 (energy indirect)", "3": "Scope 3 (other indirect)"}
    if scope == "total":
        return "ghg-total", "greenhouse gas emissions with no scope named, or a total"
    if scope == "1-and-2":
        return "ghg-scope-1-and-2", "Scope 1 and 2 greenhouse gas emissions together"
    return f"ghg-scope-{scope}", f"{names[scope]} greenhouse gas emissions"


def _air(r: _Reading, per: str | None) -> tuple[str | None, str]:
    for notation, pattern in _AIR:
        if r.take(pattern):
            return (
                (notation, "an air emission named by its pollutant")
                if per is None
                else (None, "an air emission intensity")
            )
    return None, ""


def _waste(r: _Reading, per: str | None) -> tuple[str | None, str]:
    if not r.take(r"\bwastes?\b"):
        return None, ""
    hazard = "non-hazardous" if r.take(r"\bnon-hazardous\b") else "hazardous" if r.take(r"\bhazardous\b") else None
    if hazard is not None:
        _row_kinds(r)
    hazard = hazard or _waste_class(r)
    if per is not None:
        r.take(r"\bintensity\b")
        if hazard and per == "employee":
            return f"{hazard}-waste-intensity-per-employee", f"{hazard} waste per employee"
        return None, "a waste intensity the catalogue does not hold"
    fate = "recycled" if r.take(r"\brecycled\b|\brecycling\b") else None
    fate = fate or (
        "landfilled"
        if r.take(r"\blandfill(?:ed|s)?\b|\bsent to landfill\b|\bdisposed (?:of )?(?:in|to|at) landfills?\b")
        else None
    )
    if hazard is None:
        if fate == "recycled":
            return "waste-recycled", "waste recycled, of no class named"
        return (
            ("waste-total", "waste with no class named, or a total")
            if fate is None
            else (None, "waste by fate, class unknown")
        )
    notation = f"{hazard}-waste" + (f"-{fate}" if fate else "")
    return notation, f"{hazard} waste" + (f" {fate}" if fate else " generated")


def _row_kinds(r: _Reading) -> None:
    """The words of a table row printed under a heading that names the metric's class ("Hazardous
    waste: Spent solvents and sludge"): they name kinds of it, as a gloss does, unless they say how
    it was handled (a fate the caller reads) or where (a boundary)."""
    head, sep, row = r.label.rpartition(":")
    if not sep or not head.strip() or re.search(r"\b(?:in|at|for|across|within|from|to|by)\b", row, re.I):
        return
    r.kinds.update(_TOKEN.findall(row.casefold()))


# Kinds of waste the guides class without saying so: general, office and domestic refuse, food,
# paper, plastics, metals and glass are non-hazardous; chemical, clinical and medical waste,
# batteries and fluorescent lamps are hazardous (HKEX's "How to prepare an ESG report" appendix,
# GRI 306's examples).
_NON_HAZARDOUS_KINDS = (
    r"\b(?:general|office|domestic|household|municipal|commercial|kitchen|food|construction|paper|cardboard"
    r"|plastics?|metals?|glass)\b"
)
_HAZARDOUS_KINDS = r"\b(?:chemical|clinical|medical|batter(?:y|ies)|fluorescent (?:lamps?|tubes?))\b"


def _waste_class(r: _Reading) -> str | None:
    """The class of a waste a label names by its kind ("General office waste": non-hazardous), or
    None when it names none or kinds of both classes ("paper and chemical waste")."""
    soft, hard = r.has(_NON_HAZARDOUS_KINDS), r.has(_HAZARDOUS_KINDS)
    if soft == hard:
        return None
    r.take(_NON_HAZARDOUS_KINDS if soft else _HAZARDOUS_KINDS)
    return "non-hazardous" if soft else "hazardous"


_CARRIERS = (
    ("energy-electricity-purchased", r"\b(?:purchased |bought )?electricity\b|\bpower (?:purchased|consumption)\b"),
    ("energy-natural-gas", r"\b(?:liquefied |compressed )?natural gas\b|\blng\b|\bcng\b"),
    ("energy-diesel", r"\bdiesel(?: oil)?\b"),
    ("energy-petrol", r"\bpetrol\b"),
    ("energy-towngas", r"\btowngas\b"),
    ("energy-lpg", r"\blpg\b|\bliquefied petroleum gas\b"),
    ("energy-heat-purchased", r"\b(?:purchased )?(?:heat|heating|steam|cooling|chilled water)\b"),
    ("energy-renewable", r"\brenewables?(?: energy)?\b|\bsolar\b|\bgreen electricity\b"),
)


_ELECTRICITY = r"\belectricity\b|\bpower\b"
_RENEWABLE_SOURCE = (
    r"(?<!non-)\b(?:renewables?|green|solar|wind|hydro(?:power)?|photovoltaic)\b(?: (?:energy )?sources?\b)?"
    r"|\bfrom (?:renewable|clean) (?:energy )?sources?\b"
)


def _energy(r: _Reading, per: str | None) -> tuple[str | None, str]:
    energy = r.take(r"\benergy\b")
    if per is not None:
        if not energy:
            return None, ""
        r.take(r"\bintensity\b")
        return _intensity("energy", "an energy", per)
    if r.take(r"\b(?:solar|photovoltaic|pv|wind|renewable)\b(?: (?:power|energy|electricity|panels?))?") and r.take(
        r"\b(?:electricity )?(?:generated|produced|generation)(?: electricity)?\b"
    ):
        return "energy-renewable", "renewable electricity the company generates and uses"
    if r.has(r"\belectricity\b") and r.has(r"\b(?:generated|produced|generation)\b"):
        return None, "electricity the company generates, which it does not purchase"
    if r.has(_ELECTRICITY) and r.take(_RENEWABLE_SOURCE):
        # "Green electricity purchased", "Share of electricity from renewable sources"
        r.take(_ELECTRICITY + r"|\bpurchased\b|\bconsumption\b|\bused\b|\b(?:share|percentage|proportion)\b")
        return "energy-renewable", "electricity from renewable sources"
    for notation, pattern in _CARRIERS:
        if r.take(pattern):
            r.take(r"\bconsumption\b|\bused\b|\bpurchased\b")
            return notation, f"energy of one carrier ({notation.removeprefix('energy-')})"
    if not energy:
        return None, ""
    if r.take(r"\bindirect\b"):
        return "energy-indirect", "indirect energy consumption"
    if r.take(r"\bdirect\b"):
        return "energy-direct", "direct energy consumption"
    return "energy-total", "energy consumption with no part named, or a total"


# Where water is drawn from (GRI 303-3's sources): a figure of water by its source is withdrawn,
# unless the label says it was consumed ("Municipal water consumption").
_WATER_SOURCE = (
    r"\b(?:municipal|mains|third-party|piped|purchased) (?:water(?: supply| supplies)?|supply|supplies)\b"
    r"|\bground ?water\b|\bsurface water\b|\bsea ?water\b|\brain ?water (?:harvested|collected)\b"
    r"|\b(?:harvested|collected) rain ?water\b"
)


def _water(r: _Reading, per: str | None) -> tuple[str | None, str]:
    if r.has(r"\bchilled water\b"):
        return None, ""  # bought from a district cooling plant: energy (see _CARRIERS), not water
    if not r.take(r"\bwater\b|\b(?:ground|rain|sea)water\b"):
        return None, ""
    if r.take(r"\brecycled\b|\breused\b|\brecycling\b|\breuse\b"):
        if per is not None or r.has(r"\bwithdraw\w*\b|\bdischarged?\b|\brate\b|\bratio\b|\bshare\b|\bpercentage\b"):
            return None, "water of a kind the catalogue does not hold"
        return "water-recycled", "water recycled or reused"
    if per is not None:
        r.take(r"\bintensity\b|\bconsumption\b|\bconsumed\b|\buse\b|\bused\b")
        return _intensity("water", "a water", per)
    if r.take(r"\bwithdrawal\b|\bwithdrawn\b|\bwithdrew\b|\babstract(?:ed|ion)\b"):
        return "water-withdrawal", "water withdrawn"
    if not r.has(r"\bconsum\w*|\bused?\b|\busage\b") and r.take(_WATER_SOURCE):
        return "water-withdrawal", "water withdrawn, named by its source"
    if r.take(r"\bdischarged?\b|\bwaste ?water\b|\beffluent\b"):
        return "water-discharge", "water discharged"
    return "water-consumption", "water consumed or used"


# Kinds of packaging a table lists by name: they narrow the total to one material or form.
_PACKAGING_KINDS = (
    r"\b(?:wooden|wood|timber|pallets?|crates?|strapping|straps?|steel|metal|aluminium|tin|glass|jars?|bottles?"
    r"|cans?|boxes|bags?|containers?|labels?|foam|tapes?)\b"
)


def _packaging(r: _Reading, per: str | None) -> tuple[str | None, str]:
    if not r.take(r"\bpackag(?:ing|es?)\b"):
        return None, ""
    r.take(r"\bmaterials?\b|\b(?:for|of) (?:finished |final )?products?\b|\bfinished products?\b|\bused\b")
    if per == "unit-produced":
        return "packaging-per-unit-produced", "packaging material per unit produced"
    if per is not None:
        return None, "a packaging intensity the catalogue does not hold"
    r.kinds.update(re.findall(_PACKAGING_KINDS, r.text))
    if r.take(r"\bpaper\b|\bcardboard\b|\bcartons?\b|\bpaperboard\b"):
        return "packaging-paper", "paper and cardboard packaging"
    if r.take(r"\bplastics?\b|\b(?:stretch|shrink|cling|wrapping) (?:films?|wrap)\b|\bbubble wrap\b|\bfilms?\b"):
        return "packaging-plastic", "plastic packaging (plastics, films and wraps)"
    return "packaging-material-total", "packaging material of finished products"


_GENDER = (("male", r"\bmale\b|\bmen\b|\bman\b"), ("female", r"\bfemale\b|\bwomen\b|\bwoman\b"))
_AGE = (
    (
        "under-30",
        r"\b(?:under|below|younger than|less than|aged? (?:under|below))\s*30\b|<\s*30\b"
        r"|\b30 (?:or|and) (?:below|under|younger)\b",
    ),
    ("30-to-50", r"\b(?:aged? )?(?:30|31)\s*(?:-|to|–)\s*50\b|\bbetween 30 and 50\b"),
    (
        "over-50",
        r"\b(?:over|above|older than|more than|aged? (?:over|above))\s*50\b|>\s*50\b"
        r"|\b5[01] (?:or|and) (?:above|over|older)\b",
    ),
)
_TYPE = (("full-time", r"\bfull-time\b|\bfull time\b|\bpermanent\b"), ("part-time", r"\bpart-time\b|\bpart time\b"))
# "Employees in Hong Kong", "suppliers from mainland China": a count in one region.
_REGION = r"\b(?:in|from)\s+(?:the\s+)?[a-z]"
# Words of a label's last part that name a group of people or a line of a table, not a place.
_NOT_PLACES = frozenset(
    re.findall(
        r"\w+",
        "total subtotal other others management managers staff employees workers executives directors level grade"
        " male female overall all",
    )
)


# Where a label's last part starts: after a colon ("Suppliers: Asia") or a dash set off by spaces
# ("Suppliers - Asia"; not the hyphen of "Work-related").
_LAST_PART = re.compile(r":|\s[-–—]\s")


def _region_part(r: _Reading) -> bool:
    """Whether the label's last part, after a colon or a spaced dash, is a place name ("Employee
    turnover rate: Hong Kong", "Suppliers - Southeast Asia"): every word capitalised, as a table's
    row of regions prints them; its words then count as read."""
    parts = _LAST_PART.split(r.label)
    sep, last = len(parts) > 1, parts[-1]
    words = re.findall(r"[A-Za-z][\w'-]*", last)
    # "Hong Kong head office": the place's office is staff in that place.
    office = bool(re.search(r"(?:^|\s)(?:head\s+)?office$", last, re.I))
    if office:
        words = words[: -2 if len(words) > 1 and words[-2].casefold() == "head" else -1]
    if not sep or not words or any(w.casefold() in _NOT_PLACES for w in words):
        return False
    if not all(w[0].isupper() or w in ("and", "of", "the") for w in words):
        return False
    if office:
        r.take(r"\b(?:head\s+)?office\b")
    return r.take(r"\b" + r"\s+".join(re.escape(w.casefold()) for w in words) + r"\b")


# A table split by place ("Number of suppliers by region"): its rows name the places.
_BY_PLACE = (
    r"\bby (?:region|country|countries|location|province|geograph(?:y|ic(?:al)? (?:region|area|location)s?)|origin)\b"
)

# "Team members": what hotels, resorts and retailers call their employees.
_STAFF = (
    r"\b(?:people|persons) employed\b|\bemployees?\b|\bstaff\b|\bworkforce\b|\bheadcount\b|\bpersonnel\b"
    r"|\bworkers?\b|\bteam members?\b"
)


def _breakdown(r: _Reading) -> str | None:
    """A gender, age group or employment type the label narrows a workforce metric to. A label
    composed of a table's headings may print two of one dimension ("Turnover rate: 30 to 50:
    Over 50", a heading left over from the row before): the last printed is the row's, and the
    others of its dimension count as read; two dimensions (a gender and an age) are no one part."""
    found = [
        (m.start(), name, dimension)
        for dimension in (_GENDER, _AGE, _TYPE)
        for name, pattern in dimension
        for m in re.finditer(pattern, r.text)
    ]
    if not found:
        return None
    _, name, dimension = max(found, key=lambda f: f[0])
    for _, pattern in dimension:
        r.take(pattern)
    r.take(r"\bby (?:age(?: group)?|gender|sex|employment (?:type|contract)|type of employment)\b")
    return name


def _workforce(r: _Reading, per: str | None) -> tuple[str | None, str]:
    # A label opening with "Turnover" ("Turnover: Female", a table's measure column over its rows
    # of staff groups) names the rate too; printed in money it is revenue, which the unit's kind
    # keeps off this metric.
    if r.take(
        r"\b(?:employee )?(?:turnover|attrition) rates?\b|\brate of (?:employee )?(?:turnover|attrition)\b"
        r"|^turnover\b"
    ):
        r.take(_STAFF)
        r.take(_BY_PLACE)
        part = _breakdown(r) or ("in-region" if r.has(_REGION) or _region_part(r) else None)
        return (
            "turnover-rate" + (f"-{part}" if part else ""),
            "employee turnover rate" + (f" ({part})" if part else ""),
        )
    if r.take(r"\bnew (?:employee )?hires\b|\bnew employees\b|\bnewly hired\b"):
        return "new-employee-hires", "new employee hires"
    # A rate of new hires is no count of them, but the KPI that asks for the count asks for the
    # rate too (GRI 401-1): read as the count, its percentage discloses that KPI by the unit rule.
    if r.take(r"\bnew (?:employee )?hire rates?\b|\brate of new (?:employee )?hires\b"):
        return "new-employee-hires", "new employee hires, as a rate"
    # Employees who left are the turnover, as a count ("Employees who left (number)"): GRI 401-1
    # and HKEX B1.2 ask for it, by the unit rule.
    if r.take(r"\b(?:employees?|staff) (?:who )?(?:left|departed|resigned)\b|\bleavers\b|\bemployee departures\b"):
        return "turnover-rate", "employee turnover (employees who left)"
    if r.take(r"\bfatality rate\b|\brate of (?:work-related )?fatalities\b"):
        r.take(r"\bwork-related\b|\boccupational\b")
        return "work-related-fatality-rate", "rate of work-related fatalities"
    if r.take(r"\bfatalities\b|\bwork-related deaths\b|\boccupational deaths\b"):
        r.take(r"\bwork-related\b|\boccupational\b|\bwork\b")
        return "work-related-fatalities", "work-related fatalities"
    if r.has(r"\blost-time injur(?:y|ies)\b") and r.has(r"\bdays\b"):
        r.take(r"\blost-time injur(?:y|ies)\b|\b(?:working |work )?days\b")
        r.take(r"\b(?:lost|cost|caused|resulted in|due to|from|by|recorded|in which|which)\b")
        return "lost-days-work-injury", "days lost to lost-time injuries"
    if r.take(r"\b(?:lost days|days lost|working days lost|lost (?:working )?days)\b"):
        r.take(r"\b(?:due to|from|because of) (?:work[\s-]related |work |occupational )?injur(?:y|ies)\b")
        return "lost-days-work-injury", "days lost to work injury"
    if r.take(
        r"\b(?:work-related |work |occupational |workplace |lost-time )injur(?:y|ies)\b|\binjur(?:y|ies) at work\b"
    ):
        r.take(_STAFF)
        r.take(r"\b(?:suffered|sustained|reported|recorded|recordable|number of)\b")
        return "work-related-injuries", "work-related injuries"
    # "Average hours" in a table of training ("Training: Average hours: Male"): its hours are training's.
    average_hours = r.has(r"\btraining\b") and r.has(r"\baverage hours\b")
    if (
        r.take(r"\btraining (?:hours|time)\b|\bhours of training\b")
        or (per == "employee" and r.take(r"\btraining\b"))
        or (average_hours and r.take(r"\btraining\b|\bhours\b"))
    ):
        if not r.take(r"\baverage\b") and per != "employee":
            return None, "training hours in total, not an average"
        r.take(_STAFF)
        part = _training_group(r)
        return (
            "training-hours-average" + (f"-{part}" if part else ""),
            "average training hours" + (f" ({part})" if part else ""),
        )
    if r.take(r"\bperformance (?:and career development )?(?:reviews?|appraisals?)\b"):
        r.take(_STAFF)
        r.take(r"\breceiv(?:ing|ed)\b|\bregular\b|\bshare\b|\bpercentage\b")
        return "employees-performance-reviewed-share", "share of employees receiving performance reviews"
    if r.take(
        r"\b(?:employees?|staff) trained\b|\btrained (?:employees?|staff)\b|\b(?:share|percentage|proportion) trained\b"
        r"|\b(?:employees?|staff) (?:who )?(?:received|receiving|completed|attended|took part in|participated in)"
        r" (?:\w+ ){0,3}training\b"
    ):
        r.take(r"\bshare\b|\bpercentage\b|\bproportion\b|\brate\b")
        part = _training_group(r)
        return (
            "employees-trained-share" + (f"-{part}" if part else ""),
            "share of employees trained" + (f" ({part})" if part else ""),
        )
    staff = r.take(_STAFF)
    if per is None and (_is_share_of_staff(r) or staff):
        r.take(r"\b(?:worked|working|based|located|employed)\b")
        r.take(_BY_PLACE)
        r.take(r"\bby (?:employee )?(?:categor(?:y|ies)|groups?)\b")  # "Employees by category: Male"
        part = _breakdown(r) or ("in-region" if r.has(_REGION) or _region_part(r) else None)
        return ("employees-" + (part or "total"), "headcount" + (f" ({part})" if part else ""))
    return None, ""


def _is_share_of_staff(r: _Reading) -> bool:
    """Whether a label gives a group's share of the workforce in its own words ("Women make up
    ... of our workforce", "Employees aged under 30 account for"): those words then count as read."""
    share = r"\b(?:make|makes|made) up\b|\baccount(?:s|ed)?(?: for)?\b|\brepresent(?:s|ed)?\b|\bcompris(?:e|es|ed)\b"
    if not r.has(share) or _breakdown(r) is None:
        return False
    r.take(share)
    r.take(r"\b(?:of )?(?:the|our|its) (?:total|workforce|employees|staff|headcount)\b|\bof\b")
    r.share = True
    return True


def _training_group(r: _Reading) -> str | None:
    for name, pattern in (
        ("male", _GENDER[0][1]),
        ("female", _GENDER[1][1]),
        ("senior-management", r"\bsenior (?:management|managers?|executives?)\b"),
        ("middle-management", r"\bmiddle (?:management|managers?)\b"),
        ("general-staff", r"\bgeneral (?:staff|employees|workers)\b|\bfront-?line (?:staff|employees|workers)\b"),
    ):
        if r.take(pattern):
            return name
    return None


# Words before "suppliers" that say where they are, or that they are new (screened on entry), not what they supply,
# nor which of them a subset is ("principal vendors" are some of the suppliers, not all).
_NOT_SUPPLIED = frozenset(
    re.findall(
        r"[\w-]+",
        "local overseas domestic foreign new total all key major core principal critical main strategic important"
        " significant top tier-1 high-risk",
    )
)


def _supplied(text: str) -> set[str]:
    """The words naming what suppliers supply: one word before "suppliers" ("food suppliers") or
    the words after "suppliers of" ("suppliers of chemicals and equipment")."""
    found: set[str] = set()
    for m in re.finditer(r"\b([a-z][a-z-]+) (?:suppliers?|vendors?)\b", text):
        if m.group(1) not in _NOT_SUPPLIED and m.group(1) not in _NEUTRAL and m.group(1) not in _BLOCKERS:
            found.add(m.group(1))
    for m in re.finditer(r"\b(?:suppliers?|vendors?) of ((?:[a-z][a-z-]+)(?: (?:and|or) [a-z][a-z-]+)?)\b", text):
        found.update(w for w in m.group(1).split() if w not in ("and", "or"))
    return found


def _business(r: _Reading, per: str | None) -> tuple[str | None, str]:
    if per is not None:
        return None, ""
    if r.take(r"\banti-corruption\b|\banti corruption\b"):
        r.take(r"\bintegrity\b")
        # Who took the training and how: "Directors and managers attended anti-corruption training".
        r.take(
            r"\b(?:directors?|managers?|employees?|staff|management|senior|board members?)\b"
            r"|\b(?:completed|attended|received|receiving|took part in|participated in|totall?(?:ed|ing))\b"
        )
        if r.take(r"\btraining hours\b|\bhours of (?:\w+ )?training\b"):
            return "anti-corruption-training-hours", "hours of anti-corruption training"
        if r.take(r"\btrained\b|\btraining\b"):
            r.take(r"\b(?:employees?|staff)\b|\bshare\b|\bpercentage\b")
            return "anti-corruption-training-share", "share of employees trained on anti-corruption"
        return None, ""
    if r.take(
        r"\b(?:concluded )?(?:legal )?cases? (?:of|on|regarding|concerning) corrupt(?:ion|ive)?(?: practices)?\b"
        r"|\bcorruption (?:lawsuits|cases)\b"
    ):
        r.take(r"\bconcluded\b|\blegal\b|\bbrought against\b|\bagainst\b")
        r.take(r"\b(?:the )?(?:group|company|issuer|employees|us|it)\b")
        return "corruption-cases-concluded", "legal cases on corruption"
    if r.take(
        r"\b(?:customer )?privacy complaints\b"
        r"|\bcomplaints (?:on|about|regarding|concerning|over) (?:breach(?:es)? of )?(?:customer )?privacy\b"
    ):
        r.take(r"\bcustomer\b|\breceived\b")
        return "customer-privacy-complaints", "complaints on customer privacy"
    if r.take(r"\bcomplaints\b"):
        # who complained: the company's customers, by whatever name its trade gives them
        r.take(
            r"\bproducts?(?: and services?)?\b|\bservices?\b|\breceived\b|\bsubstantiated\b"
            r"|\b(?:customers?|guests?|clients?|consumers?|passengers?|patients?|tenants?|users?)\b"
        )
        return "product-service-complaints", "product and service complaints"
    if r.take(r"\brecall(?:ed|s)?\b"):
        r.take(
            r"\bproducts?\b|\b(?:for |due to )?(?:safety|health)(?: and (?:health|safety))?(?: reasons)?\b"
            r"|\bshare\b|\bpercentage\b"
        )
        return "product-recalls-safety-share", "products recalled for safety and health reasons"
    if r.take(r"\bpatents? granted\b|\bgranted patents?\b|\bpatents? (?:authori[sz]ed|issued)\b"):
        return "patents-granted", "patents granted"
    # A patent held, valid or in force has been granted; its kind (invention, utility model,
    # design) narrows nothing the catalogue splits.
    if r.take(
        r"\b(?:valid |registered )?(?:invention |utility model |design )?patents? (?:held|in force|owned)\b"
        r"|\b(?:valid|registered) (?:invention |utility model |design )?patents?\b"
        r"|\b(?:invention|utility model|design) patents?\b"
    ):
        r.take(r"\bheld\b|\bowned\b|\bvalid\b")
        return "patents-granted", "patents held (granted)"
    if r.take(r"\bpatent applications?\b|\bpatents? (?:filed|applied for)\b|\bapplications? for patents?\b"):
        r.take(r"\bfiled\b|\bsubmitted\b")
        return "patent-applications", "patent applications"
    if r.take(r"\br-and-d\b"):
        if r.take(r"\b(?:as )?(?:a )?(?:share|percentage|proportion) of (?:total )?revenues?\b|\bto revenue\b"):
            r.take(r"\b(?:spending|expenditures?|expenses|investments?|costs?)\b")
            return "rd-spending-share-of-revenue", "R&D spending as a share of revenue"
        if r.take(r"\b(?:investment in|spending|expenditures?|expenses|investments?|costs?|spent|invested)\b"):
            return "rd-spending", "money spent on research and development"
        return None, ""
    if r.take(
        r"\bvolunteer(?:ing)? hours\b|\bhours of volunteer(?:ing| service| work)?\b|\bvolunteered\b"
        r"|\bvolunteers? (?:\w+ )?hours\b"
    ):
        return "volunteer-hours", "volunteer hours"
    if r.take(r"\bvolunteers\b|\bvolunteer participants?\b|\bparticipants? in volunteer(?:ing)?\b"):
        r.take(r"\b(?:employee|staff)\b|\bnumber of\b|\bemployees who volunteered\b")
        return "volunteers", "employee volunteers"
    if r.take(r"\bcommunity investments?\b|\binvest(?:ed|ing|ments?)? in (?:the |our |local )?communit(?:y|ies)\b"):
        return "community-investment", "community investment"
    if r.take(r"\b(?:charitable )?donations?\b|\bdonated\b"):
        r.take(r"\bcharitable\b|\bcash value\b|\bcash\b|\bmade\b")
        return "donations", "charitable donations"
    if r.take(r"\bsuppliers?\b|\bsub-?contractors?\b|\bvendors?\b"):
        # Which suppliers a list counts ("qualified", "approved") and what they supply ("food
        # suppliers", "suppliers of chemicals"): still suppliers, read closely.
        r.take(r"\b(?:qualified|approved|registered|active|certified|contracted|engaged)\b")
        r.take(_BY_PLACE)
        r.kinds.update(_supplied(r.text))
        if r.take(r"\baudited\b|\baudits?\b"):
            r.take(r"\b(?:key|major|core|principal|critical|main|on-site)\b")  # which were audited
            return "suppliers-audited", "suppliers audited"
        if r.has(_REGION) or _region_part(r):
            return "suppliers-in-region", "suppliers in one region"
        return "suppliers-total", "suppliers"
    if r.take(r"\b(?:total |operating )?revenues?\b|\bsales revenues?\b"):
        return "revenue", "revenue"
    return None, ""


_TOPICS = (_ghg, _air, _waste, _water, _packaging, _energy, _business, _workforce)

_SAVING_WORDS = frozenset({"save", "saves", "saved", "saving", "savings"})
_ENERGY_WORDS = r"\b(?:energy|electricity|power|fuel|steam|heat|natural gas|diesel|petrol|towngas)\b"


def _is_energy_saving(text: str, printed: URIRef | None, blockers: set[str]) -> bool:
    """Whether a label is of energy saved: a saving word its only blocker, and energy named by
    its words or by the unit it is printed in ("Electricity saving", "Amount saved" in MWh)."""
    if not blockers or not blockers <= _SAVING_WORDS:
        return False
    return re.search(_ENERGY_WORDS, text) is not None or printed == URIRef(QUANTITY_KINDS + "Energy")


def _energy_saved(r: _Reading, per: str | None) -> tuple[str | None, str]:
    if per is not None:
        return None, "an energy saving per something, which the catalogue does not hold"
    r.take(r"\bsav(?:e|es|ed|ing|ings)\b|\bamount\b")
    r.take(r"\b(?:energy|electricity|power|fuel|steam|heat|natural gas|diesel|petrol|towngas)\b")
    r.take(r"\b(?:annual|per year|a year|each year|yearly)\b")
    return "energy-saved", "energy saved by efficiency measures"


def _unit_parts(units: Units, unit_key: str | None) -> tuple[URIRef | None, str | None]:
    """The printed unit's quantity kind (a ratio's numerator's) and, for a ratio, its denominator key."""
    if unit_key is None:
        return None, None
    ratio = units.ratio(unit_key) if unit_key not in units.units else None
    if ratio is not None:
        numerator, denominator, _ = ratio
        return units.units[numerator].quantity_kind, denominator
    unit = units.units.get(unit_key)
    return (unit.quantity_kind if unit else None), None


# Quantity kinds a metric may be printed in though its canonical unit is of another: water and
# waste are printed in tonnes or cubic metres alike; the conversion then needs a density and is
# not made, but the metric is the same.
# Denominators that make a ratio unit a figure per head ("hours per employee").
HEADS = frozenset({"EMPLOYEE", "PERSON"})
_INTERCHANGEABLE = frozenset({QUANTITY_KINDS + "Mass", QUANTITY_KINDS + "Volume"})


def _kind_fits(metric: CatalogueMetric, printed: URIRef | None, ratio: bool, units: Units) -> bool:
    """Whether a figure printed in a unit of kind ``printed`` (a ratio unit's numerator's when
    ``ratio``) can be a value of ``metric``: an intensity needs a ratio unit and the rest none."""
    canonical = metric.canonical_unit
    is_intensity = canonical is not None and "-PER-" in local_name(canonical)
    if printed is not None and ratio != is_intensity:
        return False
    if printed is None or metric.quantity_kind is None:
        return True
    expected = metric.quantity_kind
    if is_intensity and canonical is not None:
        parts = units.ratio(local_name(canonical))
        expected = units.units[parts[0]].quantity_kind if parts else expected
    if printed == _COUNT and canonical is not None and local_name(canonical) == "DAY":
        return True  # a number of days printed as a bare count ("Lost days<TAB>356")
    return printed == expected or {str(printed), str(expected)} <= _INTERCHANGEABLE


_SCOPE_NUMBERS = re.compile(r"\bscopes?\s*[123](?:\s*(?:and|&|\+|,|/)\s*(?:scope\s*)?[123])*\b", re.I)
_SCOPE_WORDS = re.compile(r"\b(?:(?:energy[\s-])?indirect|direct|other indirect)\b", re.I)


def scope_variants(label: str) -> tuple[str, str] | tuple[()]:
    """A GHG label read by its scope numbers alone and by its scope words alone ("Direct GHG
    emissions (Scope 2)": "GHG emissions (Scope 2)" and "Direct GHG emissions"), when it prints
    both; else none. A label whose two namings of the scope disagree is read both ways."""
    if not (_SCOPE_NUMBERS.search(label) and _SCOPE_WORDS.search(label)):
        return ()
    return _without(_SCOPE_WORDS, label), _without(_SCOPE_NUMBERS, label)


def scope_apart(label: str) -> tuple[str, str] | tuple[()]:
    """A GHG label that prints scope numbers, read by its scope numbers alone and by its other
    words alone ("Scope 1 emissions from purchased electricity": "Scope 1 emissions" and
    "emissions from purchased electricity"); else none. A label whose numbers and other words
    name different scopes is read both ways, as scope_variants reads scope words."""
    numbers = _SCOPE_NUMBERS.search(label)
    if numbers is None:
        return ()
    return f"{numbers.group()} emissions", _without(_SCOPE_NUMBERS, label)


def _without(pattern: re.Pattern[str], label: str) -> str:
    """``label`` with what ``pattern`` matches taken out, and the parentheses it leaves empty."""
    return " ".join(re.sub(r"\(\s*\)", " ", pattern.sub(" ", label)).split())


@cached_while_packaged
def match_metric(label: str, unit_key: str | None = None) -> CatalogueMatch | None:
    """The catalogue metric a report's metric label names, or None when the label fits none unambiguously.

    ``unit_key`` is the unit the metric's figures are printed in (``TONNE``, ``MegaW-HR``,
    ``TONNE-PER-EMPLOYEE``): a ratio unit says what an intensity is per when the label does not,
    and a unit of another kind than the catalogue metric's (a count of "items donated", a
    percentage of "suppliers that signed") rules the match out.
    """
    units = load_units()
    printed_kind, unit_denominator = _unit_parts(units, unit_key)
    text = _normalise(label, units)
    words = _TOKEN.findall(text)
    if not words:
        return None
    blockers = {w for w in words if w in _BLOCKERS}
    saving = _is_energy_saving(text, printed_kind, blockers)
    if blockers and not saving:
        return None
    ratio = unit_denominator is not None
    for topic in (_energy_saved,) if saving else _TOPICS:
        reading = _Reading(text, words, set(), label)
        per = _denominator(reading, unit_denominator)
        notation, why = topic(reading, per)
        if notation is None:
            if why:
                return None
            continue
        metric = catalogue().get(notation)
        if reading.share and printed_kind == _COUNT:
            return None  # a share of the workforce printed as a count is some other count
        per_head = metric is not None and metric.per_head and unit_denominator in HEADS
        if metric is None or not _kind_fits(metric, printed_kind, ratio and not per_head, units):
            return None
        unread = reading.unread()
        # Words in parentheses the rules do not read gloss the metric ("Hazardous waste (fluorescent
        # tubes and batteries)"): they leave the match close, but do not count against the limit.
        glossed = {w for inner in re.findall(r"\(([^()]*)\)", label) for w in _TOKEN.findall(_normalise(inner, units))}
        counted = [w for w in unread if w not in glossed and w not in reading.kinds]
        kind: MatchKind = "exact"
        detail = ""
        if reading.source is not None and unread:
            kind, detail = "broad", f'; "{reading.source}" is one source of it'
        elif counted and counted[0] in _BOUNDARY_PREPOSITIONS:
            kind, detail = "broad", f'; "{" ".join(unread)}" narrows it to part of the company'
        elif counted and counted[0] == "to" and notation in _GIVEN:
            kind, detail = "broad", f'; "{" ".join(unread)}" narrows it to what went to the recipients or causes named'
        elif unread:
            if len(counted) > _MAX_UNREAD or (metric.quantity_kind == _COUNT and set(counted) - _COUNT_MODIFIERS):
                return None
            kind, detail = "close", f"; the words {', '.join(repr(w) for w in unread)} are not read"
        unit_note = f" printed in {unit_key}" if unit_key else ""
        return CatalogueMatch(
            notation=notation,
            match=kind,
            confidence=_CONFIDENCE[kind],
            rationale=f"The label {label!r}{unit_note} reads as {why}: catalogue metric {notation}{detail}.",
        )
    return None
