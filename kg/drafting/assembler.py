"""Assemble the drafted claims of a report text into ``claims/drafted.yaml``, a claim sheet.

The sheet is in the format curators write (:mod:`kg.ingest.sheet`), so the loader checks every
drafted claim as it checks theirs: the quote verbatim at its offsets, each figure a quantity
printed inside it. The text is read in its prose view (:mod:`kg.ingest.prose`: a wrapped
paragraph is one line, so a figure, name or sentence a line break cut is read whole), and each
quote and figure is written as the text prints it, at its offsets there (it may hold the printed
line break). Nothing is written that those checks would refuse: a unit whose quote
overlaps page furniture or a table (table rows become claims at build time, so a figure is never
counted twice) is left out, and a quote printed more than once names its occurrence.

Besides its figures, a unit is read for its claim kind (:mod:`kg.drafting.kinds`; a statement
about the report itself is no claim), the entities it names (:mod:`kg.drafting.entities`, one
entity for the several names of one thing), its SDG links (:mod:`kg.drafting.sdgs`: stated, or
inferred with the rule as rationale) and the KPIs it discloses (printed, or inferred from its
figures' catalogue metrics, :func:`kg.vocab.catalogue.match_metric`, by the rules of
:mod:`kg.vocab.crosswalks`: the crosswalk, an intensity's quantity, a target's subject). A unit
without figures is a claim only when it is a sentence (it ends as one) or a bullet.

Every claim carries ``review: drafted``: it is still the company's statement, but its reading
(kind, metrics, entities, mappings) is csr-kg's, and the graph records that with PROV.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml
from rdflib.namespace import RDFS

from kg.drafting.entities import EntityMention, entity_mentions, is_titled, resolve_aliases
from kg.drafting.figures import Figure, FigureReader, Reading, groups_thousands, restated_days
from kg.drafting.headcount_days import as_at, headcount_day
from kg.drafting.kinds import claim_kind
from kg.drafting.metric_names import MetricNamer
from kg.drafting.sdgs import kpi_codes, sdg_links
from kg.drafting.sections import Sections
from kg.drafting.sentences import Segmenter, Unit
from kg.ingest import figure_tables, tables
from kg.ingest.equivalent_ratios import equivalent_ratio
from kg.ingest.quantities import Mention, Recogniser
from kg.ingest.sheet import DRAFTED_SHEET
from kg.ingest.text import ReportText
from kg.vocab.aspects import aspect_codes, aspect_kpi
from kg.vocab.catalogue import CatalogueMatch, match_metric
from kg.vocab.crosswalks import figure_kpis
from kg.vocab.entity_types import type_table
from kg.vocab.names import slugify
from kg.vocab.namespaces import ORG
from kg.vocab.ontology import ontology_graph
from kg.vocab.units import Units, load_units

SHEET = f"claims/{DRAFTED_SHEET}"
HEADER = (
    "# Drafted by csrkg draft: claims read from the text by rules (review: drafted). Each quote is\n"
    "# verbatim and each figure printed in it; kinds, metrics and periods are the software's reading.\n"
    "# Check them, then set review: reviewed (or corrected, after mending the entry).\n"
)
METRIC_ID_MAX = 80
MIN_WORDS = 4  # a unit without figures shorter than this is a caption or a title, no claim
# The stated relation a claim of a kind has with the entities of a type it names.
_LINKS = {
    ("compliance", "Law"): "compliesWith",
    ("compliance", "Standard"): "compliesWith",
    ("certification", "Certification"): "certifiedTo",
    ("certification", "Standard"): "certifiedTo",
    ("recognition", "Award"): "receivedAward",
    ("partnership", "Organization"): "hasPartner",
    ("policy", "Policy"): "adoptsPolicy",
}


@dataclass
class Drafted:
    """The drafted claims, metrics and entities of one report, and counts for the summary line."""

    claims: list[dict[str, Any]] = field(default_factory=list)
    metrics: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    matches: dict[str, CatalogueMatch] = field(default_factory=dict)  # metric id -> its catalogue reading
    units: int = 0  # quotable units read
    skipped: int = 0  # units left out: in a table, over furniture, about the report, no claim

    @property
    def observations(self) -> int:
        return sum(len(c.get("observations", ())) for c in self.claims)

    def sheet(self) -> str:
        """The YAML of ``claims/drafted.yaml``."""
        return sheet_yaml(self.entities, self.metrics, self.claims)


def sheet_yaml(
    entities: dict[str, dict[str, Any]], metrics: dict[str, dict[str, Any]], claims: list[dict[str, Any]]
) -> str:
    """The YAML of a drafted sheet: its header, the definitions by id, the claims in the given order."""
    body: dict[str, Any] = {}
    if entities:
        body["entities"] = [entities[key] for key in sorted(entities)]
    if metrics:
        body["metrics"] = [metrics[key] for key in sorted(metrics)]
    body["claims"] = claims
    # libyaml's emitter where PyYAML has it: the pure-Python one takes seconds on a long report.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return HEADER + yaml.dump(body, Dumper=dumper, sort_keys=False, allow_unicode=True, width=10**6)


class Assembler:
    """Drafts the claims of one report text (see the module's docstring)."""

    def __init__(
        self,
        text: ReportText,
        year: int,
        company: str,
        standard: str | None = None,
        units: Units | None = None,
        fiscal_year_end: str | None = None,
    ) -> None:
        self.text = text
        self.prose = text.prose
        self.year = year
        self.company = company
        self.standard = standard
        self.units = units or load_units()
        lexicon = self.units.lexicon
        self.recogniser = Recogniser(lexicon)
        # Mentions, units and entity mentions are at offsets of the prose view; _printed maps them back.
        self.mentions = list(self.recogniser.mentions(self.prose.text))
        self.starts = [m.start for m in self.mentions]
        furniture = [self.prose.view_span(f.start, f.end) for f in text.pages.furniture] if text.pages else []
        self.tables = _table_spans(text)
        self.table_starts = [s for s, _ in self.tables]
        rows = [self.prose.view_span(s, e) for s, e in self.tables]
        self.segmenter = Segmenter(self.recogniser, furniture, rows=rows)
        grouped = groups_thousands(self.mentions)
        self.reader = FigureReader(year, tuple(lexicon.prefixes), fiscal_year_end, self._unit_of, grouped)
        self.namer = MetricNamer()
        self.headcount_day = headcount_day(self.prose.text)  # "Headcounts are as at 31 December."
        self.sections = Sections(self.segmenter.headings(self.prose.text), standard)  # in the prose view, as units

    def _unit_of(self, word: str) -> str | None:
        """The unit key the recogniser reads for ``word`` after a number, or None; an intensity
        in kg or g of coal equivalent ("kgce/tonne of raw coal") as kg.ingest.equivalent_ratios
        reads it in a table's unit cell."""
        found = self.recogniser.quantities(f"1 {word}")
        if len(found) == 1 and found[0].surface == f"1 {word}":
            return found[0].unit
        return equivalent_ratio(word, self.units, self._unit_of)

    def draft(self) -> Drafted:
        drafted = Drafted()
        # Entities are read once over the whole text, so that a definition ("... Committee (the
        # “ESG Committee”)") or the company's own names, even in a sentence that is no claim,
        # apply to every later mention; each claim then takes the mentions inside its quote.
        named = entity_mentions(self.prose.text)
        named_starts = [m.start for m in named]
        ids = resolve_aliases(named, self.company)
        found: list[tuple[dict[str, Any], Reading, list[EntityMention]]] = []
        readings: list[Reading] = []
        for unit in self.segmenter.units(self.prose.text):
            drafted.units += 1
            if self._refused(unit):
                drafted.skipped += 1
                continue
            readings.append(self.reader.read(unit, self._inside(unit)))
        for reading in restated_days(readings, self.reader.own_written):
            unit = reading.unit
            inside = named[bisect_left(named_starts, unit.start) : bisect_left(named_starts, unit.end)]
            mentions = [m for m in inside if m.end <= unit.end]
            claim = self._claim(reading, drafted, {m.type for m in mentions})
            if claim is None:
                drafted.skipped += 1
                continue
            found.append((claim, reading, mentions))
        for claim, reading, mentions in found:
            about = self._read_entities(mentions, ids, drafted)
            if about:
                claim["about"] = about
            self._links(claim, reading, mentions, ids, drafted)
            drafted.claims.append(_ordered(claim))
        # A name in a sentence that makes no claim ("This report follows ... of The Stock Exchange of
        # Hong Kong Limited") or in a list item is still the report's: it is defined, about no claim.
        # Names on page furniture and in table rows (read at build time) are left to those, except
        # places: a row label naming a place ("Vietnam", a breakdown by region) defines it, and no
        # table reader makes places.
        # The contents page names chapters ("5. Environmental Stewardship 11"), no entities.
        contents = self.segmenter.contents(self.prose.text)
        defined = [
            m
            for m in named
            if (not self._refused(m) or (m.type == "Place" and not self._on_furniture(m)))
            and not any(start <= m.start < end for start, end in contents)
        ]
        self._read_entities(defined, ids, drafted)
        return drafted

    def _inside(self, unit: Unit) -> list[Mention]:
        found = []
        for mention in self.mentions[bisect_left(self.starts, unit.start) :]:
            if mention.start >= unit.end:
                break
            if mention.end <= unit.end:
                found.append(mention)
        return found

    def _on_furniture(self, unit: Unit | EntityMention) -> bool:
        return self.text.refusal(*self.prose.original_span(unit.start, unit.end)) is not None

    def _refused(self, unit: Unit | EntityMention) -> bool:
        if self._on_furniture(unit):
            return True
        # Table rows do not overlap: only the last row starting before the unit ends can reach into it.
        start, end = self.prose.original_span(unit.start, unit.end)
        at = bisect_left(self.table_starts, end)
        return at > 0 and self.tables[at - 1][1] > start

    def _claim(self, reading: Reading, drafted: Drafted, named: set[str]) -> dict[str, Any] | None:
        """The claim a unit makes, without its entities and links, or None when it makes none;
        ``named`` are the types of the entities the unit names."""
        unit = reading.unit
        kind = claim_kind(unit.text, [f.mention.unit for f in reading.figures], named)
        if kind is None and reading.missing is None and not reading.figures:
            return None  # a statement about the report itself (one that points to an omitted figure is kept)
        if kind is None and reading.missing is None:
            kind = "quantitative"  # the report's scope in figures ("covers 14 estates") is still the company's
        if reading.missing is not None or (reading.figures and all(f.role == "target" for f in reading.figures)):
            kind = "commitment" if reading.figures else "quantitative"
        elif not reading.figures and (
            kind == "quantitative" or not (_is_statement(unit) or _complies_with_list(unit, kind))
        ):
            return None  # it announces a figure the reader cannot name, or it is a title
        start, _ = self.prose.original_span(unit.start, unit.end)
        claim: dict[str, Any] = {
            "id": f"draft-{start}",
            "kind": kind,
            "quote": self.prose.printed(unit.start, unit.end),
        }
        occurrence = self._occurrence(unit)
        if occurrence is not None:
            claim["occurrence"] = occurrence
        if reading.figures:
            names = self.namer.names(reading, [_metric_unit(f) for f in reading.figures])
            claim["observations"] = [
                self._observation(f, name, drafted, unit.text) for f, name in zip(reading.figures, names, strict=True)
            ]
        elif reading.missing is not None:
            claim["missing_figure"] = self._metric(reading.missing, None, drafted)
        claim["review"] = "drafted"
        return claim

    def _read_entities(self, mentions: list[EntityMention], ids: dict[str, str], drafted: Drafted) -> list[str]:
        """The ids of the entities ``mentions`` name (a claim's ``about``), each defined once per report."""
        about: list[str] = []
        for mention in mentions:
            ident = ids.get(mention.label)
            if not ident or ident == self.company:
                continue
            entity = drafted.entities.get(ident)
            if entity is None:
                entity = drafted.entities[ident] = {"id": ident, "type": mention.type, "label": mention.label}
            elif mention.label != entity["label"]:
                labels = [entity["label"], *entity.get("alt_labels", []), mention.label]
                longest = max(
                    (label for label in labels if entity["type"] != "Person" or not is_titled(label)),
                    key=lambda label: (len(label), label),
                )
                entity["label"] = longest
                entity["alt_labels"] = sorted(set(labels) - {longest})
            if mention.titled and mention.titled not in (entity["label"], *entity.get("alt_labels", [])):
                # "Dr. Lam Tai-man": the person's name is the label, the name with its honorific an
                # alias, so that a search by either finds them (the label is never the titled form).
                entity["alt_labels"] = sorted({*entity.get("alt_labels", []), mention.titled})
            if mention.label_zh and "label_zh" not in entity:
                entity["label_zh"] = mention.label_zh
            described = _description(mention)
            if described and "description" not in entity:
                entity["description"] = described
            if entity["type"] == "Subsidiary" and "parent" not in entity:
                entity["parent"] = self.company
            for key, label in (("unit_of", mention.unit_of), ("organiser", mention.organiser)):
                target = ids.get(label) if label else None
                if target and target != ident and key not in entity:
                    entity[key] = target
            if "unit_of" not in entity and entity["type"] in _unit_types():
                entity["unit_of"] = self.company  # a unit the report names and ties to no one is the company's
            if ident not in about:
                about.append(ident)
        return about

    def _links(
        self,
        claim: dict[str, Any],
        reading: Reading,
        mentions: list[EntityMention],
        ids: dict[str, str],
        drafted: Drafted,
    ) -> None:
        """Stated relations, SDG links and KPI codes of the claim."""
        links: dict[str, list[str]] = {}
        for mention in mentions:
            prop = _LINKS.get((claim["kind"], mention.type))
            ident = ids.get(mention.label)
            if prop and ident and ident != self.company and ident not in links.get(prop, []):
                links.setdefault(prop, []).append(ident)
        if links:
            claim["links"] = links
        types = [drafted.entities[i]["type"] for i in claim.get("about", ()) if i in drafted.entities]
        sdgs = [
            {"goal": s.goal, "basis": s.basis, **({"rationale": s.rationale} if s.rationale else {})}
            for s in sdg_links(reading.unit.text, types)
        ]
        if sdgs:
            claim["sdgs"] = sdgs
        codes = [k.code for k in kpi_codes(reading.unit.text, None, self.standard)]
        if not codes:
            read: list[tuple[Figure, list[str] | None]] = []  # each figure's KPIs, None: a word's guess
            for o, figure in zip(claim.get("observations", ()), reading.figures, strict=True):
                metric = drafted.metrics[o["metric"]]
                unit = _metric_unit(figure)
                found = figure_kpis(drafted.matches.get(o["metric"]), metric["label"], unit, self.standard, figure.role)
                guessed = not found or all(k.rule == "unit" for k in found)
                read.append((figure, None if guessed else [k.code for k in found]))
                codes += [k.code for k in found if k.code not in codes]
            if section := self.sections.aspects_at(reading.unit.start):
                codes = self._in_section(codes, section, reading, read)
            elif not codes and (disclosure := self.sections.disclosure_at(reading.unit.start)):
                codes = [disclosure]  # a figure of a section on a disclosure that is no aspect, which no KPI reads
        if codes:
            claim["kpis"] = sorted(codes)

    def _in_section(
        self,
        codes: list[str],
        section: tuple[str, ...],
        reading: Reading,
        read: list[tuple[Figure, list[str] | None]],
    ) -> list[str]:
        """The KPIs a sentence of a section on the aspects ``section`` discloses, from ``codes``, the
        KPIs its figures' metrics give, and ``read``, each figure's (None: none, or only the unit
        rule's, kg.vocab.crosswalks): the codes of the section's aspects when there are; else, for
        the figures read None, the section's KPI the sentence and the figure's unit speak of
        (kg.vocab.aspects), since a metric read from a word of the sentence and printed in a unit
        of another kind ("employees" of "employees averaged 25.9 hours") is weaker evidence than
        the section the report puts the sentence in."""
        inside = [code for code in codes if code in aspect_codes(section, self.standard)]
        heading = self.sections.heading_at(reading.unit.start)
        if inside:
            return inside
        found: list[str] = []
        for figure, crosswalked in read:
            if crosswalked is None:
                kpi = aspect_kpi(section, reading.unit.text, _printed_unit(figure), self.standard, figure.role, heading)
                picked = [kpi] if kpi is not None else []
            else:
                picked = crosswalked
            found += [code for code in picked if code not in found]
        return found

    def _occurrence(self, unit: Unit) -> int | None:
        """Which printing of the quote this is, when the text prints it more than once."""
        start, end = self.prose.original_span(unit.start, unit.end)
        text = self.text.text
        quote = text[start:end]
        starts, at = [], text.find(quote)
        while at != -1:
            starts.append(at)
            at = text.find(quote, at + 1)
        return starts.index(start) + 1 if len(starts) > 1 else None

    def _observation(self, figure: Figure, name: str, drafted: Drafted, sentence: str) -> dict[str, Any]:
        """The sheet entry of ``figure``, of the metric ``name`` (kg.drafting.metric_names), printed
        in ``sentence``; a headcount the report says is as at a day (kg.drafting.headcount_days) of that day."""
        metric = self._metric(name, _metric_unit(figure), drafted)
        entry: dict[str, Any] = {
            "metric": metric,
            "figure": self.prose.printed(figure.mention.start, figure.mention.end),
        }
        if figure.unit is not None:
            entry["unit"] = figure.unit
        period = figure.period
        if self.headcount_day is not None and figure.role == "value":
            period = as_at(self.headcount_day, period, self.year, _printed_unit(figure), name, sentence) or period
        if period is not None:
            entry["period"] = period
        if figure.role != "value":
            entry["kind"] = figure.role
        if figure.baseline is not None and figure.role != "value":
            entry["baseline"] = figure.baseline
        if figure.direction is not None and figure.role != "value":
            entry["direction"] = figure.direction
        return entry

    def _metric(self, name: str, unit: str | None, drafted: Drafted) -> str:
        """The id of the drafted metric named ``name`` (one metric per name in the report).

        Its catalogue metric is not written in the sheet (that would be a curator's mapping): the
        build reads it from the label as the catalogue matcher's, with its confidence; the
        drafter reads it here too, for the claim's KPI codes.
        """
        ident = slugify(name, METRIC_ID_MAX) or "figure"
        if ident not in drafted.metrics:
            label = name[:1].upper() + name[1:]
            drafted.metrics[ident] = {"id": ident, "label": label, "drafted": True}
            match = match_metric(label, unit)
            if match is not None:
                drafted.matches[ident] = match
        return ident


def _metric_unit(figure: Figure) -> str | None:
    """The unit a figure says its metric is in (its own, else the one its caption opens with):
    none for a change or target printed in per cent ("down 5%", "by 30%"), which says nothing of
    the metric's own unit."""
    if figure.role != "value" and figure.mention.unit == "PERCENT":
        return None
    return figure.mention.unit or figure.unit


def _printed_unit(figure: Figure) -> str:
    """The unit a figure is printed in, a bare number a count (``NUM``): what the guide's KPI
    labels ask figures in ("percentage", "hours", "(tonnes)") is read against it."""
    return figure.mention.unit or figure.unit or "NUM"


def _description(mention: EntityMention) -> str | None:
    """What a mention prints beside the name that the sheet has no field for: a role, a jurisdiction, a Cap. number."""
    if mention.role:
        return f"{mention.role} (as the report names them)"
    where = ", ".join(part for part in (mention.jurisdiction and f"{mention.jurisdiction} law", mention.cap) if part)
    return f"{where} (as the report cites it)" if where else None


@cache
def _unit_types() -> frozenset[str]:
    """The sheet types whose entities are organisational units, which must be a unit of someone."""
    graph = ontology_graph()
    return frozenset(
        name
        for name, entity_type in type_table().entity_types.items()
        if (entity_type.cls, RDFS.subClassOf * "*", ORG.OrganizationalUnit) in graph
    )


def _is_statement(unit: Unit) -> bool:
    """A bullet, or a sentence that ends as one and is long enough to state something."""
    if unit.kind == "bullet":
        return True
    return unit.text.rstrip('"”’)]').endswith((".", "!", "?")) and len(unit.text.split()) >= MIN_WORDS


def _complies_with_list(unit: Unit, kind: str | None) -> bool:
    """A sentence that says the company complies with the laws listed after it ("We comply with the
    following laws:"): a compliance claim, though it ends in a colon."""
    return kind == "compliance" and unit.text.rstrip().endswith(":") and len(unit.text.split()) >= MIN_WORDS


_ORDER = ("id", "kind", "quote", "occurrence", "about", "links", "observations", "missing_figure", "kpis", "sdgs")


def _ordered(claim: dict[str, Any]) -> dict[str, Any]:
    """The claim's fields in the order a curator reads them, ``review`` last."""
    return {key: claim[key] for key in (*_ORDER, "review") if key in claim}


def _table_spans(text: ReportText) -> list[tuple[int, int]]:
    """The spans of the table rows the loader turns into claims at build time, in order."""
    spans = [(row.start, row.end) for table in figure_tables.figure_tables(text.table_text) for row in table.rows]
    spans += [(row.start, row.end) for row in tables.stakeholder_rows(text.text)]
    spans += [(row.start, row.end) for row in tables.award_rows(text.text)]
    return sorted(spans)


def draft_sheet(
    text: ReportText,
    year: int,
    company: str,
    standard: str | None = None,
    units: Units | None = None,
    fiscal_year_end: str | None = None,
) -> Drafted:
    """The drafted claims of ``text``, a report of ``year`` by the entity ``company``, following
    ``standard``; ``fiscal_year_end`` (MM-DD) makes "FY2021" and the report's period fiscal years."""
    return Assembler(text, year, company, standard, units, fiscal_year_end).draft()
