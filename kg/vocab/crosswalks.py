"""The reporting-guide KPIs a figure discloses, read from the catalogue's crosswalks (ontology/crosswalks.ttl).

A curator names a figure's KPIs in the claim sheet; for a figure csr-kg read (a drafted sentence,
a table row whose metric no sheet defines) the KPIs are inferred here, each with the rule that
gave it as its rationale, so the graph can say who inferred the link and why:

- **crosswalk**: the figure's catalogue metric is mapped to the KPI (exact, close or broad match);
  a related match is evidence beside the disclosure, not the disclosure, and does not count;
- **intensity**: an intensity the catalogue does not hold (GHG per RMB million of revenue)
  discloses what the catalogue's intensities of the same quantity disclose (HKEX A1.2 asks for
  "total and intensity"; GRI gives intensity a disclosure of its own, 305-4), else its total's KPI;
- **scopes**: a GHG label whose scope words disagree ("Direct GHG emissions (Scope 2)") has no
  catalogue metric, but when every scope it names discloses the same KPI (HKEX A1.2 asks for all
  scopes together) the figure discloses that KPI; where the guide asks for each scope apart (GRI
  305-1, 305-2, 305-3) it discloses none;
- **unit**: a label that reads as a catalogue metric but is printed in a unit of another kind
  (diesel in litres, a headcount group as a percentage of the workforce) is no value of that
  metric, but it is a figure the metric's KPI asks for ("energy consumption by type", "workforce
  by age group"), so it discloses the metric's KPIs;
- **pollutant**: an emission of a pollutant the catalogue holds no metric for, printed as a mass
  (volatile organic compounds, carbon monoxide, dust; chemical oxygen demand, ammonia nitrogen in
  effluent) discloses what the catalogue's air emissions disclose (HKEX A1.1 asks for every type
  of emission), less a KPI whose label asks for air emissions only (GRI 305-7) for a pollutant of
  water;
- **target**: a target of a metric (or, when the guide asks for the metric in parts, of its
  parts) discloses the guide's KPI on targets for the same subject, in the same aspect: the KPI
  whose label speaks of targets or a reduction and names the subject word of the metric's own KPI
  (A1.2 greenhouse gas *emissions* -> A1.5 *emission* targets; 305-1 GHG emissions -> 305-5
  reduction of GHG emissions). A guide with no such KPI gives the target none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rdflib import URIRef
from rdflib.namespace import RDFS, SKOS, Namespace

from kg.vocab.catalogue import CatalogueMatch, catalogue, match_metric, scope_apart, scope_variants
from kg.vocab.ontology import DEFAULT_STANDARD, ontology_graph, vocabulary
from kg.vocab.units import load_units

SSSOM = Namespace("https://w3id.org/sssom/")
_MASS = URIRef("http://qudt.org/vocab/quantitykind/Mass")
METRIC = Namespace("https://w3id.org/csr-kg/esg-metric/")


@dataclass(frozen=True)
class InferredKPI:
    """A KPI code of the report's guide that a figure discloses, and the rule that says so."""

    code: str
    rationale: str
    rule: str = "crosswalk"  # the rule that inferred it: crosswalk, intensity, scope, unit, pollutant, target


@cache
def crosswalk(standard: str) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Metric notation -> (code, mapping IRI, comment) of the guide version ``standard``, read once.

    Only mappings that say the disclosure asks for the figure (exact, close or broad match) count.
    """
    graph = ontology_graph()
    guide = vocabulary().guides[standard]
    codes = {iri: code for code, iri in vocabulary().codes(standard).items()}
    found: dict[str, list[tuple[str, str, str]]] = {}
    for mapping in graph.subjects(SSSOM.object_source, guide):
        predicate = graph.value(mapping, SSSOM.predicate_id)
        subject, kpi = graph.value(mapping, SSSOM.subject_id), graph.value(mapping, SSSOM.object_id)
        if predicate not in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch) or kpi not in codes:
            continue
        if not isinstance(subject, URIRef) or not str(subject).startswith(str(METRIC)):
            continue
        notation = str(subject).removeprefix(str(METRIC))
        comment = str(graph.value(mapping, SSSOM.comment) or "")
        found.setdefault(notation, []).append((codes[kpi], str(mapping), comment))
    return {notation: tuple(sorted(entries)) for notation, entries in found.items()}


def metric_kpis(notation: str, standard: str | None) -> list[InferredKPI]:
    """The KPIs the crosswalk maps the catalogue metric ``notation`` to, in the guide ``standard``."""
    return [
        InferredKPI(code, f"csr-kg crosswalk {iri}: {comment}".rstrip(": "))
        for code, iri, comment in crosswalk(standard or DEFAULT_STANDARD).get(notation, ())
    ]


# An intensity's words: what it is per, and the word "intensity"; what is left names its quantity.
_INTENSITY_WORDS = re.compile(r"\s*(?:\bintensity\b|\b(?:per|/)\s*.*$)", re.I)
_IS_INTENSITY = re.compile(r"\bintensity\b|\bper\b|/", re.I)


def _families() -> dict[str, tuple[str, ...]]:
    """Quantity (``ghg``, ``hazardous-waste``) -> the catalogue intensities of it, from their notations."""
    found: dict[str, list[str]] = {}
    for notation in catalogue():
        quantity, sep, _ = notation.partition("-intensity-")
        if sep:
            found.setdefault(quantity, []).append(notation)
    return {quantity: tuple(sorted(notations)) for quantity, notations in found.items()}


def numerator(label: str, unit_key: str | None) -> CatalogueMatch | None:
    """The catalogue metric of an intensity's quantity: its label without "intensity" and what it
    is per, read in its ratio unit's numerator ("GHG emissions intensity" in tCO2e/RMB million: GHG
    emissions in tonnes), or None when the label is no intensity or its quantity fits none."""
    if not _IS_INTENSITY.search(label) and not (unit_key and "-PER-" in unit_key):
        return None
    units = load_units()
    ratio = units.ratio(unit_key) if unit_key and unit_key not in units.units else None
    quantity = _INTENSITY_WORDS.sub("", label).strip(" -–,")
    if not quantity or quantity == label.strip():
        return None
    return match_metric(quantity, ratio[0] if ratio else unit_key)


def intensity_kpis(label: str, unit_key: str | None, standard: str | None) -> list[InferredKPI]:
    """The KPIs of an intensity the catalogue does not hold (see the module's docstring)."""
    total = numerator(label, unit_key)
    if total is None:
        return []
    quantity = max((q for q in _families() if total.notation.startswith(q)), key=len, default=None)
    found: dict[str, InferredKPI] = {}
    for sibling in _families().get(quantity, ()) if quantity else ():
        for kpi in metric_kpis(sibling, standard):
            found.setdefault(
                kpi.code,
                InferredKPI(
                    kpi.code,
                    f"csr-kg intensity rule: {label!r} is an intensity of {total.notation}, and the catalogue's "
                    f"intensity {sibling} discloses {kpi.code} ({kpi.rationale})",
                    rule="intensity",
                ),
            )
    if not found:
        for kpi in metric_kpis(total.notation, standard):
            found[kpi.code] = InferredKPI(
                kpi.code,
                f"csr-kg intensity rule: {label!r} is an intensity of {total.notation}, whose KPI {kpi.code} "
                f"asks for its total and intensity ({kpi.rationale})",
                rule="intensity",
            )
    return [found[code] for code in sorted(found)]


_TARGET_KPI = re.compile(
    r"(?P<subject>\w+(?: \w+)?)\s+(?:\w+\s+){0,2}targets?\b|\breduction of (?P<reduced>\w+(?: \w+)?)"
)


@cache
def _target_kpis(standard: str) -> tuple[tuple[str, str, str], ...]:
    """(code, aspect, subject word) of the guide's KPIs on targets or reductions, from their labels."""
    graph = ontology_graph()
    found = []
    for code, iri in sorted(vocabulary().codes(standard).items()):
        label = str(graph.value(iri, RDFS.label) or "")
        for m in _TARGET_KPI.finditer(label.lower()):
            words = (m.group("subject") or m.group("reduced")).split()
            subject = next((w for w in reversed(words) if w not in _NOT_SUBJECTS), None)
            if m.group("reduced"):
                subject = words[0]
            if subject:
                found.append((code, _aspect(code), _stem(subject)))
    return tuple(found)


_NOT_SUBJECTS = frozenset({"reduction", "efficiency", "use", "set"})


def _aspect(code: str) -> str:
    """A KPI's aspect or topic: ``A1`` of ``A1.5``, ``305`` of ``305-5``."""
    return re.split(r"[.-]", code, maxsplit=1)[0]


def _stem(word: str) -> str:
    return word.removesuffix("s")


def target_kpis(codes: list[InferredKPI], standard: str | None) -> list[InferredKPI]:
    """The guide's KPIs on targets for the subjects of ``codes``, the KPIs of a target's metric."""
    standard = standard or DEFAULT_STANDARD
    graph = ontology_graph()
    known = vocabulary().codes(standard)
    found: dict[str, InferredKPI] = {}
    for kpi in codes:
        label = str(graph.value(known[kpi.code], RDFS.label) or "").lower() if kpi.code in known else ""
        words = {_stem(w) for w in re.findall(r"[a-z]+", label)}
        for code, aspect, subject in _target_kpis(standard):
            if aspect == _aspect(kpi.code) and subject in words and code not in found:
                found[code] = InferredKPI(
                    code,
                    f"csr-kg target rule: a target of a figure disclosed under {kpi.code} ({label}) is "
                    f"disclosed under {code}, the guide's KPI on {subject} targets",
                    rule="target",
                )
    return [found[code] for code in sorted(found)]


def figure_kpis(
    match: CatalogueMatch | None, label: str, unit_key: str | None, standard: str | None, role: str = "value"
) -> list[InferredKPI]:
    """The KPIs a figure of the metric ``label`` (read as ``match``) discloses, by the rules above.

    ``role`` is the figure's: a ``value`` or a ``change`` of the metric discloses its KPIs, a
    ``target`` the guide's KPIs on targets for it.
    """
    if match is not None:
        found = metric_kpis(match.notation, standard)
        if not found and role == "target":
            found = [k for part in _parts(match.notation) for k in metric_kpis(part, standard)]
    else:
        found = intensity_kpis(label, unit_key, standard) or scope_kpis(label, unit_key, standard)
        found = found or unit_kpis(label, unit_key, standard) or pollutant_kpis(label, unit_key, standard)
    return target_kpis(found, standard) if role == "target" else found


def scope_kpis(label: str, unit_key: str | None, standard: str | None) -> list[InferredKPI]:
    """The KPIs every scope a GHG label names discloses, when its scope words, or its scope numbers
    and its other words, disagree (see the module's docstring); none when the scopes disclose
    different KPIs."""
    variants = (*scope_variants(label), *scope_apart(label))
    readings = [m for m in (match_metric(v, unit_key) for v in variants) if m is not None]
    if len({m.notation for m in readings}) < 2:
        return []
    shared = set.intersection(*({k.code for k in metric_kpis(m.notation, standard)} for m in readings))
    read = " or ".join(sorted({m.notation for m in readings}))
    return [
        InferredKPI(
            code,
            f"csr-kg scope rule: the scope words of {label!r} disagree ({read}), and each of those discloses {code}",
            rule="scope",
        )
        for code in sorted(shared)
    ]


def unit_kpis(label: str, unit_key: str | None, standard: str | None) -> list[InferredKPI]:
    """The KPIs of the catalogue metric a label reads as when its printed unit, of another kind
    than the metric's, is set aside (see the module's docstring); none for a ratio unit, whose
    intensity :func:`intensity_kpis` reads."""
    units = load_units()
    if unit_key is None or unit_key not in units.units:
        return []
    reading = match_metric(label, None)
    if reading is None:
        return []
    return [
        InferredKPI(
            kpi.code,
            f"csr-kg unit rule: {label!r} reads as {reading.notation} but is printed in {unit_key}, a unit of "
            f"another kind; {kpi.code} asks for the metric in any unit ({kpi.rationale})",
            rule="unit",
        )
        for kpi in metric_kpis(reading.notation, standard)
    ]


def _parts(notation: str) -> list[str]:
    """The catalogue metrics one step narrower than ``notation`` (Scope 1 and Scope 2 of Scope 1 and 2):
    a target for a sum the guide asks for in parts is a target for the subject of those parts."""
    graph = ontology_graph()
    return sorted(str(graph.value(p, SKOS.notation)) for p in graph.subjects(SKOS.broader, METRIC[notation]))


_AIR_POLLUTANTS = re.compile(
    r"\bvolatile organic compounds?\b|\bvocs?\b|\bcarbon monoxide\b|\bsmoke\b|\bsoot\b|\bdust\b|\bfumes\b", re.I
)
_WATER_POLLUTANTS = re.compile(
    r"\b(?:bio)?chemical oxygen demand\b|\bcod(?:cr)?\b|\bbod5?\b|\bammonia[- ]nitrogen\b|\bnh3-n\b"
    r"|\btotal (?:phosphorus|nitrogen)\b|\bsuspended solids\b|\bheavy metals\b",
    re.I,
)
_POLLUTANT_BLOCKERS = re.compile(r"\b(?:reduc\w*|saved|avoided|target|intensity|per|concentration)\b|/", re.I)
_AIR_EMISSIONS = ("nox-emissions", "sox-emissions", "particulate-emissions")


def pollutant_kpis(label: str, unit_key: str | None, standard: str | None) -> list[InferredKPI]:
    """The KPIs of an emission of a pollutant the catalogue has no metric for (see the module's
    docstring): a label naming one air or water pollutant, printed as a mass or in no unit."""
    units = load_units()
    unit = units.units.get(unit_key) if unit_key else None
    if unit_key is not None and (unit is None or unit.quantity_kind != _MASS):
        return []
    air, water = _AIR_POLLUTANTS.search(label), _WATER_POLLUTANTS.search(label)
    if bool(air) == bool(water) or _POLLUTANT_BLOCKERS.search(label):
        return []
    graph = ontology_graph()
    known = vocabulary().codes(standard or DEFAULT_STANDARD)
    found: dict[str, InferredKPI] = {}
    for notation in _AIR_EMISSIONS:
        for kpi in metric_kpis(notation, standard):
            words = str(graph.value(known[kpi.code], RDFS.label) or "") if kpi.code in known else ""
            if water and re.search(r"\bair\b", words, re.I):
                continue
            pollutant = (air or water).group(0)  # type: ignore[union-attr]
            found.setdefault(
                kpi.code,
                InferredKPI(
                    kpi.code,
                    f"csr-kg pollutant rule: {label!r} is an emission of {pollutant}, which the catalogue holds no "
                    f"metric for; {kpi.code} asks for every type of emission, as for {notation} ({kpi.rationale})",
                    rule="pollutant",
                ),
            )
    return [found[code] for code in sorted(found)]
