"""Map loaded reports to RDF: the one place where triples are made."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import lru_cache, partial

import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_namespaces

from kg import software_version
from kg.ingest.corrections import catalogue_notations
from kg.ingest.model import Claim, Correction, Fact, Footnote, Observation, Period, Printing, Report, facts
from kg.ingest.sheet import EntitySpec, MetricSpec
from kg.rdf.iris import Minter
from kg.rdf.twin_figures import twin_metrics
from kg.vocab.aspects import aspect_kpi, aspects, heading_aspects, label_kpi, words
from kg.vocab.catalogue import MATCH_PROPERTY, CatalogueMatch, catalogue, match_metric
from kg.vocab.conversion import to_canonical
from kg.vocab.crosswalks import InferredKPI, figure_kpis
from kg.vocab.entity_types import type_table
from kg.vocab.identifiers import identifier_vocabulary
from kg.vocab.names import slugify
from kg.vocab.namespaces import ADMS, CSR, OA, ORG, PREFIXES, QUDT, SEMAPV, SSSOM, TIME, WIKIDATA, Terms
from kg.vocab.ontology import DEFAULT_STANDARD, ontology_graph, vocabulary
from kg.vocab.units import Units, load_units

DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD = (
    Terms(rdflib_namespaces.DCTERMS),
    Terms(rdflib_namespaces.OWL),
    Terms(rdflib_namespaces.PROV),
    Terms(rdflib_namespaces.RDF),
    Terms(rdflib_namespaces.RDFS),
    Terms(rdflib_namespaces.SKOS),
    Terms(rdflib_namespaces.XSD),
)
# How a claim states its figures, by the figure's kind (a level: csr:hasObservation).
STATED_BY = {"change": CSR.hasChange, "target": CSR.hasTarget}
ISSUE_PRIORITY = {"key": CSR.KeyMaterialIssue, "other": CSR.OtherMaterialIssue}
# PDF fragment identifiers (#page=N), the specification a page's oa:FragmentSelector conforms to.
RFC_3778 = URIRef("http://tools.ietf.org/rfc/rfc3778")


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for prefix, namespace in (
        ("prov", rdflib_namespaces.PROV),
        ("dcterms", rdflib_namespaces.DCTERMS),
        ("skos", rdflib_namespaces.SKOS),
    ):
        graph.bind(prefix, namespace)
    return graph


def literal(value: str | int | bool, lang: str | None = None, datatype: URIRef | None = None) -> Literal:
    """``Literal(value, lang, datatype)``, made once: rdflib parses and normalises every literal
    it makes, the costliest step of mapping, and reports repeat most of theirs (labels,
    rationales, agents, figures) report after report."""
    return _literal(value, lang, datatype, rdflib.NORMALIZE_LITERALS)


@lru_cache(maxsize=1 << 14, typed=True)  # typed: True and 1 are different literals
def _literal(value: str | int | bool, lang: str | None, datatype: URIRef | None, normalise: bool) -> Literal:
    """The literal; ``normalise`` (rdflib's switch, which Literal reads) is part of the key only.

    A plain string is made without rdflib's normalising, which gives it back unchanged: most
    literals made for the first time are a report's own quotes, prefixes and suffixes."""
    if lang is None and datatype is None and type(value) is str:
        return Literal(value, normalize=False)
    return Literal(value, lang=lang, datatype=datatype)


def en(text: str, lang: str = "en") -> Literal:
    return literal(text, lang=lang)


def decimal(value: Decimal) -> Literal:
    """An xsd:decimal in its canonical form: positional (Python's str() may use an exponent),
    no trailing zeros, and one digit after the point at least ("1.0"), as Turtle writes it."""
    whole, _, fraction = format(value, "f").partition(".")
    return literal(f"{whole}.{fraction.rstrip('0') or '0'}", datatype=XSD.decimal)


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def ratio_unit(units: Units, key: str) -> list[Triple]:
    """The triples that define ratio unit ``key``: a csr:RatioUnit with its numerator and
    denominator units, the denominator scale when it is not 1, and the conversion multiplier when
    both parts have one. Ratio units are minted from their parts, not listed in units.ttl, so the
    graph that uses one defines it."""
    parts = units.ratio(key)
    if parts is None:
        raise KeyError(f"{key!r} is not a ratio unit")
    numerator, denominator, scale = parts
    node = units.iri(key)
    triples: list[Triple] = [
        (node, RDF.type, QUDT.Unit),
        (node, RDF.type, QUDT.DerivedUnit),
        (node, RDF.type, CSR.RatioUnit),
        (node, RDFS.label, en(units.label(key))),
        (node, CSR.numeratorUnit, units.iri(numerator)),
        (node, CSR.denominatorUnit, units.iri(denominator)),
    ]
    if scale != 1:
        triples.append((node, CSR.denominatorScale, decimal(scale)))
    multiplier = units.multiplier(key)
    if multiplier is not None:
        triples.append((node, QUDT.conversionMultiplier, decimal(multiplier)))
    return triples


_SOFTWARE = {
    "csr-kg-table-reader": (
        "csr-kg table reader",
        "Drafts a metric from a table row label no claim sheet defines; a curator may define it instead.",
    ),
    "csr-kg-drafter": (
        "csr-kg drafter",
        "Reads claims from a report's prose by rules (csrkg draft, kg.drafting): their kind, figures, metrics, "
        "entities and SDG and KPI links, and the KPIs of table rows whose metric no sheet defines "
        "(kg.vocab.crosswalks); the quote and figures are the company's, the reading is the software's.",
    ),
    "csr-kg-catalogue-matcher": (
        "csr-kg catalogue matcher",
        "Maps a report's metric that no claim sheet maps to the metric catalogue, by reading its label "
        "and printed unit (kg.vocab.catalogue); a curator may map it instead with the sheet's catalogue field.",
    ),
    "csr-kg-unit-converter": (
        "csr-kg unit converter",
        "Converts an observation's printed value to the canonical unit of its catalogue metric with QUDT "
        "conversion multipliers (kg.vocab.conversion); the printed value and unit stay as printed.",
    ),
}


class _Mapper:
    def __init__(self, report: Report, minter: Minter) -> None:
        self.triples: list[Triple] = []
        self.periods: dict[str, URIRef] = {}
        self.r = report
        self.m = minter
        self.rid = report.meta.id
        self.vocab = vocabulary()
        self.codes = self.vocab.codes(report.meta.standard)
        guide = ontology_graph()
        self.vocab_labels = {code: str(guide.value(iri, RDFS.label)) for code, iri in self.codes.items()}
        self.units = report.units or load_units()
        self.ratio_units: set[str] = set()
        # Nodes every claim may name (software agents, the drafting run): described once, when first named.
        self.described: dict[str, URIRef] = {}
        self.catalogue = catalogue()
        self.matches: dict[str, tuple[CatalogueMatch, bool]] = {}  # metric id -> match, whether inferred
        self.twins = twin_metrics(report)  # metric id -> metrics the report prints the same figures of
        self.types = type_table()
        self.company = self.entity(report.meta.company)
        curator = report.meta.curator
        self.curator = URIRef(curator.iri) if curator.iri else minter.agent(slugify(curator.name))

    def entity(self, ident: str) -> URIRef:
        return self.m.entity(self.r.entities[ident].type, self.r.node_id(ident), self.r.company_id)

    def metric(self, ident: str) -> URIRef:
        return self.m.report_metric(self.r.metrics.get(ident), ident, self.rid)

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples.append((s, p, o))

    def run(self) -> None:
        self.report_node()
        self.company_identity()
        for entity in self.r.entities.values():
            self.entity_node(entity)
        for metric in self.r.metrics.values():
            node = self.metric(metric.id)
            self.add(node, RDF.type, CSR.Metric)
            self.add(node, RDFS.label, en(metric.label))
            if metric.description:
                self.add(node, SKOS.definition, en(metric.description))
            for code in metric.kpis:
                self.add(node, CSR.disclosesKPI, self.codes[code])
            if metric.share:
                self.add(node, CSR.isShare, literal(True))
            for prop, ref in (
                (CSR.componentOf, metric.component_of),
                (CSR.intensityOf, metric.intensity_of),
                (CSR.denominatorMetric, metric.denominator),
            ):
                if ref:
                    self.add(node, prop, self.metric(ref))
            if metric.breakdown:
                self.add(node, CSR.breakdown, en(metric.breakdown))
            if metric.partial:
                self.add(node, CSR.partialComponent, literal(True))
            self.add(
                node, PROV.wasAttributedTo, self.software("csr-kg-table-reader") if metric.drafted else self.curator
            )
        printed = printed_units(self.r.claims.values())
        for metric in self.r.metrics.values():
            self.catalogue_mapping(metric, printed.get(metric.id))
        for metric in self.r.metrics.values():
            self.part_mapping(metric, printed.get(metric.id))
        self.facts: dict[tuple[str, int], tuple[URIRef, Fact]] = {}
        for fact in facts(self.r.claims.values()):
            node = self.observation_iri(fact.printings[0])
            self.facts.update(((p.claim, p.index), (node, fact)) for p in fact.printings)
        for claim in self.r.claims.values():
            self.claim_node(claim)
        self.stakeholder_nodes()
        for key in sorted(self.ratio_units):
            self.triples.extend(ratio_unit(self.units, key))

    def part_mapping(self, metric: MetricSpec, unit: str | None) -> None:
        """A drafted part of a total (a table row the table sums into its total row: "Scope 1:
        diesel combustion" above "Total Scope 1") whose label reads as no catalogue metric is
        narrower than the total's catalogue metric, when the total reads as one in the part's
        unit: a broad match to it (the part is some of that quantity), with the reason."""
        total = self.matches.get(metric.component_of) if metric.component_of else None
        if not metric.drafted or metric.id in self.matches or total is None:
            return
        reading = match_metric(self.r.metrics[metric.component_of].label, unit)
        if reading is None or reading.notation != total[0].notation:
            return  # the total reads as that metric in its own unit only
        why = (
            f"The table sums the report's metric {metric.label!r} into {self.r.metrics[metric.component_of].label!r}, "
            f"which reads as catalogue metric {total[0].notation}: a part of it (broad match)."
        )
        self.record_mapping(metric, CatalogueMatch(total[0].notation, "broad", 0.6, why), True)

    def catalogue_mapping(self, metric: MetricSpec, unit: str | None) -> None:
        """The metric's catalogue metric: named in the sheet, else read from its label by code.

        The SKOS mapping triple is what queries follow in one step; the csr:CatalogueMapping
        beside it (an SSSOM mapping) says who made it and why.
        """
        if metric.catalogue is not None:
            found = CatalogueMatch(
                metric.catalogue,
                metric.match,
                1.0,
                f"The curators map the report's metric {metric.label!r} to catalogue metric "
                f"{metric.catalogue} ({metric.match} match) in the claim sheet.",
            )
            inferred = False
        else:
            match = match_metric(metric.label, unit)
            if match is None:
                return
            found, inferred = match, True
        self.record_mapping(metric, found, inferred)

    def record_mapping(self, metric: MetricSpec, found: CatalogueMatch, inferred: bool) -> None:
        """The SKOS triple and the csr:CatalogueMapping record of ``metric``'s catalogue metric."""
        self.matches[metric.id] = (found, inferred)
        node, target = self.metric(metric.id), self.catalogue[found.notation].iri
        predicate = MATCH_PROPERTY[found.match]
        record = URIRef(f"{node}/catalogue/{found.notation}")
        self.add(node, predicate, target)
        self.add(node, CSR.hasCatalogueMapping, record)
        self.add(record, RDF.type, CSR.CatalogueMapping)
        self.add(record, SSSOM.subject_id, node)
        self.add(record, SSSOM.predicate_id, predicate)
        self.add(record, SSSOM.object_id, target)
        self.add(record, CSR.rationale, en(found.rationale))
        if inferred:
            self.add(record, SSSOM.mapping_justification, SEMAPV.LexicalMatching)
            self.add(record, SSSOM.confidence, literal(str(found.confidence), datatype=XSD.double))
            self.add(record, PROV.wasAttributedTo, self.software("csr-kg-catalogue-matcher"))
        else:
            self.add(record, SSSOM.mapping_justification, SEMAPV.ManualMappingCuration)
            self.add(record, PROV.wasAttributedTo, self.curator)

    def software(self, ident: str) -> URIRef:
        """One of csr-kg's software agents (the table reader, the drafter, kg.vocab.catalogue's matcher,
        kg.vocab.conversion's converter), with the version of csr-kg that ran."""
        node = self.described.get(ident)
        if node is not None:
            return node
        label, comment = _SOFTWARE[ident]
        node = self.described[ident] = self.m.agent(ident)
        self.add(node, RDF.type, PROV.SoftwareAgent)
        self.add(node, RDFS.label, en(label))
        self.add(node, RDFS.comment, en(comment))
        self.add(node, OWL.versionInfo, literal(software_version()))
        return node

    def canonical_value(self, node: URIRef, o: Observation) -> None:
        """The observation's value in its catalogue metric's canonical unit, when it converts."""
        assert o.value is not None and o.precision is not None and o.unit is not None
        mapped = self.matches.get(o.metric)
        if mapped is None:
            return
        converted = to_canonical(self.units, o.value, o.precision, o.unit, self.catalogue[mapped[0].notation])
        if converted is None:
            return
        value = URIRef(f"{node}/canonical")
        self.add(node, CSR.canonicalValue, value)
        self.add(value, RDF.type, CSR.CanonicalValue)
        self.add(value, QUDT.numericValue, decimal(converted.value))
        self.add(value, QUDT.unit, converted.unit)
        self.add(value, CSR.exactConversion, literal(converted.exact))
        self.add(value, PROV.wasDerivedFrom, node)
        self.add(value, PROV.wasAttributedTo, self.software("csr-kg-unit-converter"))
        if converted.unit_key not in self.units.iris and converted.unit == self.units.iri(converted.unit_key):
            self.ratio_units.add(converted.unit_key)

    def drafting(self) -> URIRef:
        """The run of csr-kg's drafter that read this report's drafted claims."""
        node = self.described.get("drafting")
        if node is not None:
            return node
        node = self.described["drafting"] = self.m.activity(self.rid, "drafting")
        self.add(node, RDF.type, PROV.Activity)
        self.add(node, RDFS.label, en(f"csr-kg drafting of report {self.rid}"))
        self.add(node, PROV.wasAssociatedWith, self.software("csr-kg-drafter"))
        self.add(node, PROV.used, self.m.text(self.rid))
        return node

    def reader(self, c: Claim) -> URIRef:
        """Who made the inferred links of a claim: the software for a drafted claim, else the curator."""
        return self.software("csr-kg-drafter") if c.review == "drafted" else self.curator

    def report_node(self) -> None:
        meta, node, text = self.r.meta, self.m.report(self.rid), self.m.text(self.rid)
        self.add(node, RDF.type, CSR.Report)
        self.add(node, DCTERMS.title, en(meta.title, meta.language))
        self.add(node, DCTERMS.identifier, literal(meta.id))
        self.add(node, DCTERMS.publisher, self.company)
        self.add(node, PROV.wasAttributedTo, self.company)
        self.add(node, CSR.reportingYear, literal(str(meta.year), datatype=XSD.gYear))
        self.add(node, DCTERMS.language, literal(meta.language))
        if meta.standard:
            self.add(node, DCTERMS.conformsTo, self.vocab.guides[meta.standard])
        if meta.source:
            self.add(node, DCTERMS.source, literal(meta.source))
        if meta.issued:
            self.add(node, DCTERMS.issued, literal(meta.issued, datatype=XSD.date))
        if meta.curated:
            self.add(node, CSR.curationDate, literal(meta.curated, datatype=XSD.date))
        self.add(node, CSR.text, text)
        self.add(text, RDF.type, CSR.ReportText)
        self.add(text, DCTERMS.format, literal("text/plain; charset=utf-8"))
        self.add(text, CSR.sha256, literal(self.r.text.sha256))
        self.add(text, CSR.characterCount, literal(len(self.r.text.text), datatype=XSD.nonNegativeInteger))
        self.document_node(node, text)
        self.add(self.curator, RDF.type, PROV.Agent)
        self.add(self.curator, RDFS.label, en(meta.curator.name))
        for section in self.r.text.sections:
            snode = self.m.section(self.rid, section.number)
            self.add(snode, RDF.type, CSR.Section)
            self.add(snode, CSR.inReport, node)
            self.add(snode, SKOS.notation, literal(section.number))
            self.add(snode, DCTERMS.title, en(section.title, meta.language))

    def company_identity(self) -> None:
        """The company's identifiers and sector as report.yaml gives them (ontology/identifiers.ttl)."""
        ids, sector, company = self.r.meta.identifiers, self.r.meta.sector, self.company
        ident = identifier_vocabulary()
        if ids is not None:
            for scheme, key, value in ((CSR.LEI, "lei", ids.lei), (CSR.ISIN, "isin", ids.isin)):
                if value is not None:
                    agency, agency_name = ident.agencies[scheme]
                    notation = literal(value, datatype=scheme)
                    self.add(company, ORG.identifier, notation)
                    self.identifier(self.m.identifier(key, value), notation, agency, agency_name)
            if ids.exchange is not None and ids.stock_code is not None:
                exchange = ident.exchange(ids.exchange)
                assert exchange is not None  # the sheet checked it
                node = self.m.identifier(exchange.mic, ids.stock_code)
                self.identifier(node, literal(ids.stock_code, datatype=CSR.StockCode), exchange.iri, exchange.label)
            if ids.wikidata is not None:
                self.add(company, OWL.sameAs, WIKIDATA[ids.wikidata])
        if sector is not None:
            scheme = ident.scheme(sector.scheme)
            if scheme is None:
                scheme = self.m.sector_scheme(slugify(sector.scheme))
                self.add(scheme, RDF.type, CSR.SectorClassification)
                self.add(scheme, RDF.type, SKOS.ConceptScheme)
                self.add(scheme, RDFS.label, en(sector.scheme))
                self.add(scheme, SKOS.prefLabel, en(sector.scheme))
            concept = self.m.sector(str(scheme).rsplit("/", 1)[-1], sector.code)
            self.add(company, ORG.classification, concept)
            self.add(concept, RDF.type, SKOS.Concept)
            self.add(concept, SKOS.inScheme, scheme)
            self.add(concept, SKOS.notation, literal(sector.code))
            self.add(concept, SKOS.prefLabel, en(sector.label, self.r.meta.language))

    def identifier(self, node: URIRef, notation: Literal, agency: URIRef, agency_name: str) -> None:
        """An adms:Identifier of the company: its notation (typed by its scheme) and who assigns it."""
        self.add(self.company, ADMS.identifier, node)
        self.add(node, RDF.type, ADMS.Identifier)
        self.add(node, SKOS.notation, notation)
        self.add(node, DCTERMS.creator, agency)
        self.add(node, ADMS.schemaAgency, en(agency_name))

    def document_node(self, report: URIRef, text: URIRef) -> None:
        """The PDF the text was converted from, when the text has pages: named by its page map, or
        unnamed when form feeds alone mark the pages (as pdftotext writes them)."""
        pages = self.r.text.pages
        if pages is None:
            return
        document = self.m.document(self.rid)
        self.add(report, DCTERMS.hasFormat, document)
        self.add(text, DCTERMS.source, document)
        self.add(document, RDF.type, CSR.ReportDocument)
        if pages.source is not None:
            self.add(document, DCTERMS.identifier, literal(pages.source))
        self.add(document, DCTERMS.format, literal("application/pdf"))
        self.add(document, CSR.pageCount, literal(len(pages.pages), datatype=XSD.positiveInteger))

    def entity_node(self, e: EntitySpec) -> None:
        node = self.entity(e.id)
        self.add(node, RDF.type, self.types.entity_type(e.type).cls)
        if e.type == "MaterialIssue" and e.priority:
            self.add(node, RDF.type, ISSUE_PRIORITY[e.priority])
        # A company another report names by another id (kg.ingest.companies): its names here
        # are other names of the node, whose name and description are those of its own id.
        alias = e.id == self.r.meta.company and self.r.company_alias
        name = SKOS.altLabel if alias else RDFS.label
        self.add(node, name, en(e.label))
        if e.label_zh:
            self.add(node, name, en(e.label_zh, "zh-Hant"))
        for alt in e.alt_labels:
            self.add(node, SKOS.altLabel, en(alt))
        if e.description and not alias:
            self.add(node, DCTERMS.description, en(e.description))
        if e.unit_of:
            self.add(node, ORG.unitOf, self.entity(e.unit_of))
        if e.parent:
            self.add(node, ORG.subOrganizationOf, self.entity(e.parent))
        if e.organiser:
            self.add(node, CSR.organiser, self.entity(e.organiser))
        for code in e.aspects:
            self.add(node, CSR.aspect, self.codes[code])

    def claim_node(self, c: Claim) -> None:
        node = self.m.claim(self.rid, c.id)

        def part(*segments: str) -> URIRef:
            return self.m.claim_part(self.rid, c.id, *segments)

        self.add(node, RDF.type, CSR.Claim)
        self.add(node, DCTERMS.identifier, literal(c.id))
        self.add(node, CSR.claimKind, self.vocab.kinds[c.kind])
        self.add(node, CSR.inReport, self.m.report(self.rid))
        self.add(node, CSR.inSection, self.m.section(self.rid, c.anchor.section.number))
        self.add(node, PROV.wasAttributedTo, self.company)
        if c.review is not None:
            self.add(node, PROV.wasGeneratedBy, self.drafting())
            self.add(node, CSR.reviewStatus, self.vocab.reviews[c.review])
        subject = self.entity(c.subject)
        self.add(node, CSR.subject, subject)
        for ident in c.about:
            self.add(node, CSR.about, self.entity(ident))
        target, quote, position = part("target"), part("quote"), part("position")
        self.add(node, CSR.hasQuote, target)
        self.add(target, RDF.type, OA.SpecificResource)
        self.add(target, OA.hasSource, self.m.text(self.rid))
        self.add(target, OA.hasSelector, quote)
        self.add(target, OA.hasSelector, position)
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, literal(c.quote))
        self.add(quote, OA.prefix, literal(c.anchor.prefix))
        self.add(quote, OA.suffix, literal(c.anchor.suffix))
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, literal(c.anchor.start, datatype=XSD.nonNegativeInteger))
        self.add(position, OA.end, literal(c.anchor.end, datatype=XSD.nonNegativeInteger))
        if c.anchor.page is not None:
            self.page_quote(node, part("page"), part("page-fragment"), quote, c.anchor.page)
        for code in c.kpis:
            self.kpi_mapping(node, part("kpi", code), code, c)
        if not c.kpis and c.origin.startswith("table:kpi"):
            for kpi in self.table_kpis(c):
                self.inferred_kpi_mapping(node, part("kpi", kpi.code), kpi)
        if c.missing_metric:
            self.add(node, CSR.valueMissing, literal(True))
            self.add(node, CSR.announcesMetric, self.metric(c.missing_metric))
        linked: set[URIRef] = set()  # a claim that prints one fact twice links it once
        for index, obs in enumerate(c.observations):
            fact_node, fact = self.facts[(c.id, index)]
            if fact_node in linked:
                continue
            linked.add(fact_node)
            first = fact.printings[0]
            if first.claim != c.id:
                self.evidence(node, fact_node, obs)
                continue
            self.observation(node, fact_node, fact.observation)
            for note in fact.observation.notes:
                self.footnote(fact_node, self.observation_iri(first, "note", note.name), note)
            self.mass_basis(node, fact_node, fact.observation, partial(self.observation_iri, first, "note"))
            for fix in fact.observation.corrections:
                self.correction(fact_node, fact.observation, fix)
        if c.boundary_total is not None:  # a site table's total column: it sums the row's sites
            self.add(node, CSR.boundaryTotal, self.facts[(c.id, c.boundary_total)][0])
        for prop, target_id in c.links:
            self.add(subject, self.vocab.links[prop], self.entity(target_id))
            self.add(node, CSR.about, self.entity(target_id))
        for sdg in c.sdgs:
            link = part("sdg", str(sdg.goal))
            self.add(node, CSR.hasSDGAlignment, link)
            self.add(link, RDF.type, CSR.SDGAlignment)
            self.add(link, PROV.wasDerivedFrom, node)
            self.add(link, CSR.alignedEntity, subject)
            self.add(link, CSR.goal, self.vocab.sdgs[sdg.goal])
            if sdg.basis == "inferred":
                self.add(link, RDF.type, CSR.InferredLink)
                self.add(link, PROV.wasAttributedTo, self.reader(c))
            else:
                self.add(link, RDF.type, CSR.StatedLink)
                self.add(link, PROV.wasAttributedTo, self.company)
            if sdg.rationale:
                self.add(link, CSR.rationale, en(sdg.rationale))

    def page_quote(self, claim: URIRef, node: URIRef, fragment: URIRef, quote: URIRef, page: int) -> None:
        """The claim's quote located in the PDF: its page (RFC 3778 ``page=N``), refined by the
        text-quote selector, whose words and page-bound context select the quote on that page."""
        self.add(claim, CSR.hasPageQuote, node)
        self.add(node, RDF.type, OA.SpecificResource)
        self.add(node, OA.hasSource, self.m.document(self.rid))
        self.add(node, OA.hasSelector, fragment)
        self.add(fragment, RDF.type, OA.FragmentSelector)
        self.add(fragment, DCTERMS.conformsTo, RFC_3778)
        self.add(fragment, RDF.value, literal(f"page={page}"))
        self.add(fragment, OA.refinedBy, quote)

    def kpi_mapping(self, claim: URIRef, node: URIRef, code: str, c: Claim) -> None:
        """The KPI reading of a claim (the curators', or for a drafted claim the drafter's), kept
        off the claim node (which is the company's)."""
        kpi = self.codes[code]
        self.add(claim, CSR.hasKPIMapping, node)
        self.add(node, RDF.type, CSR.KPIMapping)
        self.add(node, RDF.type, CSR.InferredLink)
        self.add(node, CSR.kpi, kpi)
        self.add(node, PROV.wasDerivedFrom, claim)
        self.add(node, PROV.wasAttributedTo, self.reader(c))
        label = self.vocab_labels.get(code, code)
        if c.review == "drafted":
            why = (
                f"csr-kg's drafter read the claim as a disclosure under {code} of the reporting guide ({label}): "
                "the sentence prints the code, or the guide's crosswalk maps the catalogue metric of its figures "
                "to it, or (no figure naming such a metric) the sentence is in a section on the KPI's aspect "
                "and speaks of what the KPI's label asks for."
            )
        else:
            why = (
                f"The curators read the claim as a disclosure under {code} of the "
                f"reporting guide ({label}); the report itself prints no KPI code."
            )
        self.add(node, CSR.rationale, en(why))

    def table_kpis(self, c: Claim) -> list[InferredKPI]:
        """The KPIs of a table row whose metric the table reader drafted (a curated metric's are
        the curators' to name), inferred from its catalogue metric by kg.vocab.crosswalks."""
        found: dict[str, InferredKPI] = {}
        drafted = []
        for o in c.observations:
            metric = self.r.metrics[o.metric]
            mapped = self.matches.get(o.metric)
            if not metric.drafted or (mapped is not None and not mapped[1]):
                continue
            drafted.append((metric, o.unit))
            for kpi in self.crosswalk_kpis(metric, o.unit):
                found.setdefault(kpi.code, kpi)
        if not found:  # no figure of the row reads as a catalogue metric the crosswalk maps
            for metric, unit in drafted:
                for kpi in self.row_kpis(metric, unit):
                    found.setdefault(kpi.code, kpi)
        # The caption's words, else (a table printed without one) the numbered section heading
        # it stands under ("16. B6 Product Responsibility"), which the claim's origin keeps.
        caption, named = self.r.table_captions.get(c.id), "the table's caption"
        if caption is None:
            caption, named = c.origin.removeprefix("table:kpi:") or None, "the section heading over the table"
        if not found and caption is not None:
            for metric, unit in drafted:
                for kpi in self.caption_kpis(caption, metric, unit, named):
                    found.setdefault(kpi.code, kpi)
        return [found[code] for code in sorted(found)]

    def caption_kpis(
        self, caption: str, metric: MetricSpec, unit: str | None, named_by: str = "the table's caption"
    ) -> list[InferredKPI]:
        """The KPI a row no other rule maps discloses when its table's caption names a guide aspect
        ("Table 7 Health and safety") and its label speaks of one of the aspect's KPIs ("Campus
        safety incidents"): that KPI, as for a figure of a report section on the aspect
        (kg.vocab.aspects). A label no KPI of the aspect has a word of ("Staff canteens" in a table
        of emissions) says nothing the aspect asks for."""
        standard = self.r.meta.standard
        named = heading_aspects(caption, standard)
        known = aspects(standard or DEFAULT_STANDARD)
        asked = set().union(*(kpi_words for code in named if code in known for _, kpi_words in known[code].kpis))
        if not words(metric.label) & asked:
            return []
        code = aspect_kpi(named, metric.label, unit, standard)
        if code is None:
            return []
        why = (
            f"csr-kg caption rule: {named_by} {caption!r} names aspect {', '.join(named)}, and of its "
            f"KPIs {code} ({self.vocab_labels.get(code, code)}) is the one {metric.label!r} speaks of"
        )
        return [InferredKPI(code, why, rule="caption")]

    def row_kpis(self, metric: MetricSpec, unit: str | None, seen: frozenset[str] = frozenset()) -> list[InferredKPI]:
        """The KPIs of a drafted table row that reads as no catalogue metric: those of the total
        the table sums it into ("Municipal water" above "Total water consumption"), since the
        guide asks for the total by its types, sources or groups (energy by type, workforce by
        age group); else those of a metric the report prints the same figures of (its twin,
        kg.rdf.twin_figures: "Total full-time teachers" of a table by title, "Full-time teachers"
        among the parts of "Total employees"), for the row or for its total; else the KPI whose
        label its own label is mostly made of (kg.vocab.aspects.label_kpi: "Economic value
        generated", GRI 201-1). ``seen`` are the metrics already asked, so twins do not ask each other."""
        standard = self.r.meta.standard
        seen = seen | {metric.id}
        total = self.r.metrics.get(metric.component_of) if metric.component_of else None
        if total is not None and total.drafted:
            found = self.crosswalk_kpis(total, unit)
            if not found and total.id not in seen:
                found = self.twin_kpis(total, unit, seen | {total.id})
            parts = _passed_on(found, "parts", f"the table sums {metric.label!r} into {total.label!r}")
            if parts:
                return parts
        twinned = self.twin_kpis(metric, unit, seen)
        if twinned:
            return twinned
        code = label_kpi(metric.label, unit, standard)
        if code is None:
            return []
        why = (
            f"csr-kg label rule: most words of {metric.label!r} are words of {code} "
            f"({self.vocab_labels.get(code, code)}), which asks for figures in its unit"
        )
        return [InferredKPI(code, why, rule="label")]

    def twin_kpis(self, metric: MetricSpec, unit: str | None, seen: frozenset[str]) -> list[InferredKPI]:
        """The KPIs of the first twin of ``metric`` (kg.rdf.twin_figures) that discloses any: by its
        catalogue metric, as the curators name them, or by the rules for a drafted row."""
        for ident in self.twins.get(metric.id, ()):
            twin = self.r.metrics.get(ident)
            if twin is None or ident in seen:
                continue
            found = self.crosswalk_kpis(twin, unit)
            if not found and twin.kpis:
                found = [InferredKPI(code, f"the curators map {twin.label!r} to {code}") for code in twin.kpis]
            elif not found and twin.drafted:
                found = self.row_kpis(twin, unit, seen | {ident})
            if found:
                return _passed_on(
                    found, "twin", f"the report prints the figures of {metric.label!r} as those of {twin.label!r}"
                )
        return []

    def crosswalk_kpis(self, metric: MetricSpec, unit: str | None) -> list[InferredKPI]:
        """The KPIs kg.vocab.crosswalks gives ``metric`` in ``unit``, by its catalogue metric if it reads as one."""
        mapped = self.matches.get(metric.id)
        return figure_kpis(mapped[0] if mapped else None, metric.label, unit, self.r.meta.standard)

    def inferred_kpi_mapping(self, claim: URIRef, node: URIRef, kpi: InferredKPI) -> None:
        """A KPI the drafter inferred for a table row, with the rule that gave it as rationale."""
        self.add(claim, CSR.hasKPIMapping, node)
        self.add(node, RDF.type, CSR.KPIMapping)
        self.add(node, RDF.type, CSR.InferredLink)
        self.add(node, CSR.kpi, self.codes[kpi.code])
        self.add(node, PROV.wasDerivedFrom, claim)
        self.add(node, PROV.wasAttributedTo, self.software("csr-kg-drafter"))
        self.add(node, CSR.rationale, en(kpi.rationale))

    def observation_iri(self, printing: Printing, *part: str) -> URIRef:
        """The IRI of the observation a printing names, and of its parts (see kg.rdf.iris)."""
        claim = self.r.claims[printing.claim]
        metric = claim.observations[printing.index].metric
        nth = sum(1 for o in claim.observations[: printing.index + 1] if o.metric == metric)
        return self.m.observation(self.rid, claim.id, metric, nth, *part)

    def evidence(self, claim: URIRef, node: URIRef, o: Observation) -> None:
        """A claim printing a fact: it states the observation, which derives from it."""
        self.add(claim, STATED_BY.get(o.kind, CSR.hasObservation), node)
        self.add(node, PROV.wasDerivedFrom, claim)

    def observation(self, claim: URIRef, node: URIRef, o: Observation) -> None:
        """An observation, a printed change or a target of the metric, with no value when it is not
        disclosed, stated by ``claim``, its first printing; it belongs to the report of its
        claims, so that a query or shape over observations never meets one twice."""
        self.evidence(claim, node, o)
        if o.kind == "change":
            self.add(node, RDF.type, CSR.MetricChange)
            self.add(node, CSR.changeOf, self.metric(o.metric))
        elif o.kind == "target":
            self.add(node, RDF.type, CSR.Target)
            self.add(node, CSR.targetOf, self.metric(o.metric))
        else:
            self.add(node, RDF.type, CSR.Observation)
            self.add(node, CSR.metric, self.metric(o.metric))
        self.add(node, CSR.inReport, self.m.report(self.rid))
        if not o.disclosed:
            self.add(node, CSR.valueStatus, CSR.NotDisclosed)
        else:
            assert o.value is not None and o.precision is not None and o.unit is not None
            self.add(node, QUDT.numericValue, decimal(o.value))
            self.add(node, CSR.precision, decimal(o.precision))
            self.add(node, QUDT.unit, self.units.iri(o.unit))
            if o.unit not in self.units.iris:
                self.ratio_units.add(o.unit)  # a ratio unit: defined in the graph (listed units are in units.ttl)
            if o.kind != "change":
                self.canonical_value(node, o)
        self.add(node, CSR.surfaceForm, literal(o.surface))
        self.add(node, CSR.observedEntity, self.entity(o.subject))
        if o.recipient:
            self.add(node, CSR.recipient, self.entity(o.recipient))
        self.add(node, TIME.hasTime, self.period(o.period))
        if o.baseline is not None:
            self.add(node, CSR.baselinePeriod, self.period(o.baseline))
        if o.boundary:
            self.add(node, CSR.boundary, en(o.boundary))
        if o.qualifier:
            self.add(node, CSR.approximation, self.vocab.qualifiers[o.qualifier])

    def footnote(self, owner: URIRef, node: URIRef, note: Footnote) -> None:
        """A footnote of a figure, anchored in the text like a quote: exact text and offsets."""
        self.add(owner, CSR.hasFootnote, node)
        self.add(node, RDF.type, CSR.Footnote)
        self.add(node, CSR.footnoteMarker, literal(note.marker))
        self.text_span(node, note.start, note.end)
        if note.rationale is not None:  # no marker ties it to the figure: the curators did
            self.add(node, PROV.wasAttributedTo, self.curator)
            self.add(node, CSR.rationale, en(note.rationale))

    def text_span(self, node: URIRef, start: int, end: int) -> None:
        """``node`` as a span of the report text: its source and both Web Annotation selectors
        (``node``/quote: exact words with context, ``node``/position: code-point offsets)."""
        anchor = self.r.text.span(start, end)
        quote, position = URIRef(f"{node}/quote"), URIRef(f"{node}/position")
        self.add(node, OA.hasSource, self.m.text(self.rid))
        self.add(node, OA.hasSelector, quote)
        self.add(node, OA.hasSelector, position)
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, literal(self.r.text.text[start:end]))
        self.add(quote, OA.prefix, literal(anchor.prefix))
        self.add(quote, OA.suffix, literal(anchor.suffix))
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, literal(start, datatype=XSD.nonNegativeInteger))
        self.add(position, OA.end, literal(end, datatype=XSD.nonNegativeInteger))

    def mass_basis(self, claim: URIRef, node: URIRef, o: Observation, note: Callable[[str], URIRef]) -> None:
        """What a mass figure weighs (CO2 equivalent), and the claim or the footnote node (made
        by ``note`` from the footnote's name) that says so."""
        if o.mass_basis is None:
            return
        self.add(node, CSR.massBasis, CSR[o.mass_basis.concept])
        self.add(node, CSR.massBasisEvidence, claim if o.mass_basis.note is None else note(o.mass_basis.note))

    def correction(self, owner: URIRef, o: Observation, fix: Correction) -> None:
        """A curator's correction beside the printed observation: the corrected property and
        value, a shortcut property on the observation for queries that follow corrections, who
        corrected it, why, and the report's words that show it (anchored like a quote)."""
        node = URIRef(f"{owner}/correction/{fix.prop.replace('_', '-')}")
        prop, shortcut, value = self.corrected_value(fix)
        if prop == CSR.metric and o.kind == "change":
            prop = CSR.changeOf
        self.add(owner, CSR.hasCorrection, node)
        self.add(owner, shortcut, value)
        self.add(node, RDF.type, CSR.Correction)
        self.add(node, CSR.correctsObservation, owner)
        self.add(node, CSR.correctedProperty, prop)
        self.add(node, CSR.correctedValue, value)
        self.add(node, PROV.wasAttributedTo, self.curator)
        self.add(node, CSR.rationale, en(fix.rationale))
        target = URIRef(f"{node}/evidence")
        self.add(node, CSR.evidence, target)
        self.add(target, RDF.type, OA.SpecificResource)
        self.text_span(target, fix.evidence.start, fix.evidence.end)

    def corrected_value(self, fix: Correction) -> tuple[URIRef, URIRef, URIRef | Literal]:
        """The property a correction corrects, the observation's shortcut to the corrected value,
        and that value as an RDF term."""
        if fix.prop == "metric":
            return CSR.metric, CSR.correctedMetric, self.metric(fix.value)
        if fix.prop == "catalogue_metric":
            return CSR.metric, CSR.correctedMetric, catalogue_notations()[fix.value]
        if fix.prop == "period":
            start, _, end = fix.value.partition("/")
            return TIME.hasTime, CSR.correctedPeriod, self.period(Period(start, end or None))
        if fix.prop == "unit":
            if fix.value not in self.units.iris:
                self.ratio_units.add(fix.value)
            return QUDT.unit, CSR.correctedUnit, self.units.iri(fix.value)
        return CSR.boundary, CSR.correctedBoundary, en(fix.value)

    def period(self, p: Period) -> URIRef:
        """The period's node; its triples are made once per report, though many figures share it."""
        node = self.periods.get(p.key)
        if node is None:
            node = self.periods[p.key] = self._period(p)
        return node

    def _period(self, p: Period) -> URIRef:
        if p.end is None and len(p.start) == 10:
            return self.instant(p.start)
        node = self.m.period(p.key)
        first = p.start if len(p.start) == 10 else f"{p.start}-01-01"
        last_raw = p.end or p.start
        last = last_raw if len(last_raw) == 10 else f"{last_raw}-12-31"
        self.add(node, RDF.type, TIME.ProperInterval)
        self.add(node, RDFS.label, en(p.key))
        self.add(node, TIME.hasBeginning, self.instant(first))
        self.add(node, TIME.hasEnd, self.instant(last))
        return node

    def instant(self, day: str) -> URIRef:
        node = self.m.instant(day)
        self.add(node, RDF.type, TIME.Instant)
        self.add(node, TIME.inXSDDate, literal(day, datatype=XSD.date))
        return node

    def stakeholder_nodes(self) -> None:
        for e in self.r.expectations:
            group = self.entity(e.group)
            node = self.m.expectation(self.rid, e.group, slugify(e.label))
            self.add(group, CSR.hasExpectation, node)
            self.add(node, RDF.type, CSR.StakeholderExpectation)
            self.add(node, RDFS.label, en(e.label))
            if e.issue:
                self.add(node, CSR.concernsIssue, self.entity(e.issue))
        for ch in self.r.channels:
            node = self.m.channel(slugify(ch.label))
            self.add(self.entity(ch.group), CSR.communicatesVia, node)
            self.add(node, RDF.type, CSR.CommunicationChannel)
            self.add(node, RDFS.label, en(ch.label))


def report_triples(report: Report, minter: Minter) -> list[Triple]:
    """The triples of one report, including those of the shared things it defines or names.

    A plain list, not a graph: a corpus build streams reports one at a time and needs no
    index of them, and a list keeps the mapping cheap.
    """
    mapper = _Mapper(report, minter)
    mapper.run()
    return mapper.triples


def report_graph(reports: list[Report], minter: Minter) -> Graph:
    """All reports in one graph."""
    graph = new_graph()
    for report in reports:
        graph += report_triples(report, minter)
    return graph


def printed_units(claims: Iterable[Claim]) -> dict[str, str]:
    """Each metric's unit as the claims print it most often (the first by name on a tie): the
    unit the catalogue matcher reads a metric's label with."""
    counts: dict[str, Counter[str]] = {}
    for claim in claims:
        for obs in claim.observations:
            if obs.kind != "change" and obs.unit is not None:
                counts.setdefault(obs.metric, Counter())[obs.unit] += 1
    return {metric: min(c, key=lambda u: (-c[u], u)) for metric, c in counts.items()}


def _passed_on(kpis: list[InferredKPI], rule: str, reason: str) -> list[InferredKPI]:
    """Another metric's ``kpis``, passed on to a row by ``rule`` for ``reason``: each rationale says
    why the row takes them, then why the other metric discloses them."""
    return [
        InferredKPI(kpi.code, f"csr-kg {rule} rule: {reason}, which discloses {kpi.code} ({kpi.rationale})", rule=rule)
        for kpi in kpis
    ]
