"""Which aspect of a reporting guide a report section covers, and which of the aspect's KPIs a
figure in it discloses, read from the guide's own wording (ontology/hkex-esg*.ttl, gri.ttl).

Reports are laid out by the guide's aspects ("B8 Community investment", "Anti-corruption",
"Health and safety"), but a figure of a section often names no catalogue metric ("our
volunteers taught 3,200 students", "5 whistle-blowing reports"): the crosswalk gives it no KPI,
while the section says which aspect it discloses and the guide's KPI labels say which KPI of
the aspect asks for it. Both readings are word overlaps with the guide's labels, weighted by
how many concepts use a word, so that only what tells aspects (or KPIs) apart counts:

- **heading**: a heading that opens with an aspect or KPI code ("B8", "A3 and A4 ...") or
  closes with them in brackets ("Air and water (A1, A2)") is of the aspects it prints (its
  section number, "4.1", aside); of none when it is one word naming a subject area the guide
  groups its aspects under ("Environment", "Social": the whole of HKEX's A or B, no one aspect,
  though A3's label has the word); else of the aspects whose whole label it has ("Employment and labour
  standards": B1 and B4); else each aspect scores the heading's words found in its label
  (twice) or in its KPIs' labels, each word weighted 1/n for the n aspects whose wording has
  it ("waste" names A1 alone, "health" B2, B6 and B8), and the best is the heading's when it
  scores alone at the top and at least one full word;
- **KPI**: each KPI of the aspect that asks for figures in the figure's unit (a label that says
  "(tonnes)", "hours", "days", "percentage" or "intensity" asks for that kind of unit; a count
  fits a percentage, whose numerator it is) scores the sentence's words found in its label (and
  the section heading's, at half weight), each weighted 1/n for the n KPIs of the aspect that
  have it; a target's sentence speaks of a target, and a sentence naming a trademark, a patent or
  a green product speaks of intellectual property, or of environmentally preferable products.
  The best KPI is the figure's; when the words point at several alike, the one whose label asks
  for the figure's unit ("share of products recalled", not "recall procedures"); when they point
  at none, the aspect's last KPI in the guide's order, since the guides list an aspect's
  quantities first (totals, intensities, counts by group, which the catalogue's metrics read) and
  the measures, initiatives and resources that report its management last.
- **label**: a table row whose label is mostly the words of one KPI's label ("Economic value
  generated", GRI 201-1), weighted as above over all the guide's KPIs, discloses that KPI.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.vocab.namespaces import CSR
from kg.vocab.ontology import DEFAULT_STANDARD, ontology_graph, vocabulary
from kg.vocab.units import load_units

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# Words of the guides' labels that say how a KPI is asked for, not what it is about; "staff" and
# "directors" name whom (B7.3's "training provided to directors and staff"), so "Our staff" or an
# organisation chart's "Board of Directors" heads no anti-corruption section.
_STOP = frozenset(
    re.findall(
        r"\S+",
        "a an and any applicable as at by e.g each for from how in including its of on or per such taken that "
        "the their them they to total when where which with within year years past three reporting issuer set "
        "steps achieve implementation monitoring implemented monitored used practices measures number type "
        "types data are were is be been against receive received provide provided management staff director directors",
    )
)
_CODE = re.compile(r"^\s*(?:KPI\s+|Aspect\s+)?[AB]\d{1,2}(?:\.\d{1,2})?\b")
_CODES = re.compile(r"\b([AB]\d{1,2})(?:\.\d{1,2})?\b")
# A bracket closing a heading that holds aspect or KPI codes and nothing else ("Air and water
# (A1, A2)", "Our staff (B1)"): the heading prints its aspects after its title.
_CODED_END = re.compile(
    r"\(\s*(?:(?:KPIs?|Aspects?)\s+)?[AB]\d{1,2}(?:\.\d{1,2})?"
    r"(?:\s*(?:,|/|&|and|to|-|–)\s*(?:(?:KPIs?|Aspects?)\s+)?[AB]\d{1,2}(?:\.\d{1,2})?)*\s*\)\s*$"
)
# The section number a heading opens with ("4.1 ", "5. "): no word of its title.
_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)")
# The units a KPI's label asks its figures in, by the words that name them ("total (tonnes)",
# "average training hours", "lost days", "percentage of employees trained"), as quantity kinds of
# ontology/units.ttl; "intensity" asks for a ratio unit (``RATIO``). A count is the numerator of
# a percentage or rate ("412 employees" trained of all employees), so it fits either.
RATIO = "ratio"
_KIND_WORDS = {
    "tonne": {"Mass"},
    "hour": {"Time"},
    "day": {"Time"},
    "percentage": {"DimensionlessRatio", "Count"},
    "share": {"DimensionlessRatio", "Count"},
    "rate": {"DimensionlessRatio", "Count", RATIO},
    "intensity": {RATIO},
    "number": {"Count"},
}


# A part of a report that is no topic: "Case studies" heads no section on B7.1's legal cases.
_REPORT_PARTS = re.compile(r"\bcase\s+stud(?:y|ies)\b")


def words(text: str) -> set[str]:
    """The content words of ``text``, lower case and stemmed."""
    return {_stem(w) for w in _WORD.findall(_REPORT_PARTS.sub(" ", text.lower())) if w not in _STOP}


def _stem(word: str) -> str:
    """A crude stem that puts "trained", "training" and "trains" together, and "emissions" with "emission"."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Aspect:
    """An aspect (topic) of a guide: its code, its label's words, and its KPIs' codes, words and
    the unit kinds their labels ask for (empty: any)."""

    code: str
    label: frozenset[str]
    kpis: tuple[tuple[str, frozenset[str]], ...]
    kinds: dict[str, frozenset[str]]

    @property
    def vocabulary(self) -> frozenset[str]:
        return self.label.union(*(w for _, w in self.kpis))


@cache
def aspects(standard: str) -> dict[str, Aspect]:
    """The aspects (csr:ReportingAspect) of the guide version ``standard`` and their KPIs
    (csr:KPI), by code, from their labels."""
    graph = ontology_graph()
    codes = vocabulary().codes(standard)
    by_iri = {iri: code for code, iri in codes.items()}
    found: dict[str, Aspect] = {}
    for code, iri in sorted(codes.items()):
        if (iri, RDF.type, CSR.ReportingAspect) not in graph:
            continue
        labels = {
            by_iri[k]: str(graph.value(k, RDFS.label) or "")
            for k in graph.subjects(SKOS.broader, iri)
            if isinstance(k, URIRef) and k in by_iri and (k, RDF.type, CSR.KPI) in graph
        }
        if labels:
            found[code] = Aspect(
                code,
                frozenset(words(str(graph.value(iri, RDFS.label) or ""))),
                tuple(sorted(((k, frozenset(words(label))) for k, label in labels.items()), key=_order)),
                {k: _kinds(label) for k, label in labels.items()},
            )
    return found


def _order(kpi: tuple[str, frozenset[str]]) -> tuple[int, ...]:
    """The guide's order of a KPI code: by its numbers ("403-9" before "403-10")."""
    return tuple(int(n) for n in re.findall(r"\d+", kpi[0]))


def aspect_codes(section: tuple[str, ...], standard: str | None) -> frozenset[str]:
    """The KPI codes of the aspects ``section`` names in the guide ``standard``."""
    known = aspects(standard or DEFAULT_STANDARD)
    return frozenset(code for a in section if a in known for code, _ in known[a].kpis)


def _counts(word_sets: Iterable[frozenset[str]]) -> Counter[str]:
    """Word -> in how many of ``word_sets`` it is (the n of the 1/n weights)."""
    return Counter(w for word_set in word_sets for w in word_set)


@cache
def _weights(standard: str) -> dict[str, float]:
    """Word -> 1/n for the n aspects of the guide whose wording has it (once per guide)."""
    return {w: 1 / n for w, n in _counts(a.vocabulary for a in aspects(standard).values()).items()}


@cache
def heading_aspects(heading: str, standard: str | None) -> tuple[str, ...]:
    """The aspect codes a section heading names (see the module's docstring), none or more."""
    standard = standard or DEFAULT_STANDARD
    known = aspects(standard)
    heading = _SECTION_NUMBER.sub("", heading, count=1)
    coded = _CODED_END.search(heading)
    printed = heading if _CODE.match(heading) else coded.group() if coded else ""
    if printed:
        return tuple(dict.fromkeys(c for c in _CODES.findall(printed) if c in known))
    said, weight = words(heading), _weights(standard)
    if len(said) == 1 and _area_word(next(iter(said))) in _subject_areas(standard):
        return ()  # "Environment", "Social": a subject area's section, no aspect's (A3's label has the word)
    named = tuple(code for code, a in known.items() if a.label and a.label <= said)
    if named:
        return named
    scores = {
        code: sum(weight[w] * (2 if w in a.label else 1) for w in said & a.vocabulary) for code, a in known.items()
    }
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 1 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ()
    return (ranked[0][0],)


@cache
def _subject_areas(standard: str) -> frozenset[str]:
    """The first word of the label of each subject area the guide groups its aspects under
    ("environment" of HKEX A's "Environmental subject area"), as ``_area_word`` gives it."""
    graph = ontology_graph()
    codes = vocabulary().codes(standard)
    by_iri = {iri: code for code, iri in codes.items()}
    found: set[str] = set()
    for iri in codes.values():
        area = graph.value(iri, SKOS.broader)
        if (iri, RDF.type, CSR.ReportingAspect) in graph and area in by_iri:
            label = _WORD.findall(str(graph.value(area, RDFS.label) or "").lower())
            found.update(_area_word(w) for w in label[:1])
    return frozenset(found)


def _area_word(word: str) -> str:
    """A subject area's word without its adjective's ending: "Environment" heads the section the
    guide calls "Environmental", "Social" the one it calls "Social"."""
    return re.sub(r"al$", "", word) if word.endswith("mental") else word


@cache
def _disclosures(standard: str) -> dict[frozenset[str], str]:
    """Label words -> code of each disclosure of the guide that is neither an aspect, nor a KPI of
    one, nor a group of others: the HKEX 2020 guide's mandatory disclosures ("Governance
    structure", "Reporting boundary"), which a report gives sections of their own."""
    graph = ontology_graph()
    found: dict[frozenset[str], str] = {}
    for code, iri in sorted(vocabulary().codes(standard).items()):
        if (iri, RDF.type, CSR.ReportingAspect) in graph or (iri, RDF.type, CSR.KPI) in graph:
            continue
        if next(graph.subjects(SKOS.broader, iri), None) is None:
            found[frozenset(words(str(graph.value(iri, RDFS.label) or "")))] = code
    return found


@cache
def heading_disclosure(heading: str, standard: str | None) -> str | None:
    """The code of the guide's disclosure (see ``_disclosures``) whose label is the whole of the
    heading's words, its section number aside ("3.1 Governance structure"); else None: a
    heading with words of its own ("Governance structure of the ESG fund") is on something else."""
    said = frozenset(words(_SECTION_NUMBER.sub("", heading, count=1)))
    return _disclosures(standard or DEFAULT_STANDARD).get(said) if said else None


def _kinds(label: str) -> frozenset[str]:
    """The unit kinds a KPI label asks for (see ``_KIND_WORDS``)."""
    return frozenset().union(*(_KIND_WORDS.get(_stem(w), set()) for w in _WORD.findall(label.lower())))


def unit_kind(unit_key: str | None) -> str | None:
    """A figure's unit as the kinds ``_KIND_WORDS`` names: its quantity kind, or ``RATIO`` for a
    ratio unit ("tCO2e/tonne"); None when it has no unit."""
    if unit_key is None:
        return None
    unit = load_units().units.get(unit_key)
    return str(unit.quantity_kind).rsplit("/", 1)[-1] if unit is not None else RATIO


# Words a sentence names a guide's concept by that the guide's labels do not print: a trademark or
# patent is intellectual property (B6.3); a green product is an environmentally preferable one (B5.4).
_GUIDE_TERMS = {
    "trademark": ("intellectual", "property"),
    "patent": ("intellectual", "property"),
    "copyright": ("intellectual", "property"),
    "green": ("environmentally", "preferable"),
    "eco-friendly": ("environmentally", "preferable"),
}


def _with_guide_terms(said: set[str]) -> set[str]:
    """``said`` and the guide's words for the concepts it names (see ``_GUIDE_TERMS``)."""
    return said.union(*(_GUIDE_TERMS.get(w, ()) for w in said))


# A heading word counts half a word of the sentence: the heading says what the section is about,
# the sentence what the figure is ("Air emissions" over "6 coating lines are fitted with thermal
# oxidisers": the measures of A1.5; "Anti-corruption" over "5 whistle-blowing reports": B7.2).
HEADING_WEIGHT = 0.5


def aspect_kpi(
    section: tuple[str, ...],
    sentence: str,
    unit_key: str | None,
    standard: str | None,
    role: str = "value",
    heading: str = "",
) -> str | None:
    """The KPI of the aspects ``section`` names that a figure in the unit ``unit_key`` printed in
    ``sentence`` under ``heading`` discloses (see the module's docstring); None when the guide
    has none of them."""
    known = aspects(standard or DEFAULT_STANDARD)
    pooled = [known[a] for a in section if a in known]
    if not pooled:
        return None
    kinds = {code: k for a in pooled for code, k in a.kinds.items()}
    kpis = [kpi for a in pooled for kpi in a.kpis]
    kind = unit_kind(unit_key)
    fitting = [(c, w) for c, w in kpis if kind is None or not kinds[c] or kind in kinds[c]] or kpis
    said = _with_guide_terms(words(sentence)) | ({"target"} if role == "target" else set())
    titled = words(heading) - said
    counts = _counts(kw for _, kw in fitting)
    scores = [
        sum(1 / counts[w] for w in said & kw) + sum(HEADING_WEIGHT / counts[w] for w in titled & kw)
        for _, kw in fitting
    ]
    best = max(scores)
    tied = [code for (code, _), score in zip(fitting, scores, strict=True) if score == best]
    asking = [code for code in tied if kind in kinds[code]]
    return (asking if best and asking else tied)[-1]


@cache
def _guide_kpis(standard: str) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(code, words, unit kinds) of every KPI of the guide, in the guide's order."""
    return tuple((code, w, a.kinds[code]) for a in aspects(standard).values() for code, w in a.kpis)


@cache
def _guide_counts(standard: str) -> Counter[str]:
    """Word -> the number of the guide's KPIs whose label has it (once per guide)."""
    return _counts(kw for _, kw, _ in _guide_kpis(standard))


def label_kpi(label: str, unit_key: str | None, standard: str | None) -> str | None:
    """The KPI of the guide a table row's label names: the one KPI, among those asking for figures
    in the row's unit, whose label has more than half of the row label's words and scores alone
    at the top, each shared word weighted 1/n for the n KPIs of the guide that have it
    ("Economic value generated": 201-1 direct economic value generated and distributed;
    "Permanent": 2-7 employees by permanent and temporary contract). A label with words of its
    own ("Staff canteens") names none."""
    said = words(label)
    kpis = _guide_kpis(standard or DEFAULT_STANDARD)
    kind = unit_kind(unit_key)
    counts = _guide_counts(standard or DEFAULT_STANDARD)
    scores = sorted(
        (
            (sum(1 / counts[w] for w in said & kw), code)
            for code, kw, kinds in kpis
            if 2 * len(said & kw) > len(said) and (kind is None or not kinds or kind in kinds)
        ),
        reverse=True,
    )
    if not scores or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]
