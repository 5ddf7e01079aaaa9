"""Fact tables for researchers: one row per observation, in CSV (and Parquet), from a saved query.

Most ESG research happens in pandas, R or Stata, not SPARQL. ``csrkg table`` and ``kg.api.facts``
hand over the graph's observations as a tidy table whose every row names the claim it was printed
in (its IRI, quote, offsets and page), so a figure in a regression can be traced back to the words
of the report. The rows come from the saved query ``queries/facts.rq`` run by Oxigraph
(kg.sparql.local), its parameters bound, never pasted; this module only renames its variables to
the documented column names (:data:`FACT_COLUMNS`, listed in the README) and writes the cells as
the graph's lexical forms, so a rebuild writes the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.rdf.build import write_atomically
from kg.rdf.native import NativeGraph, from_ntriples, load_file, open_native
from kg.sparql.local import run_native
from kg.sparql.queryfile import find_query
from kg.sparql.results import term_parts
from kg.sparql.rows import Rows


@dataclass(frozen=True)
class Column:
    """A documented column: its stable name, the query variable it holds, and how to read it.

    ``datatype`` is a CSV on the Web datatype (string, anyURI, decimal, integer, gYear, date);
    ``property`` the IRI of the RDF property the cell states of the row's observation (CSVW
    propertyUrl), when it is one of the observation's own; ``iri`` says the cell is an IRI
    (CSVW valueUrl); ``language`` the language tag of the graph's literal.
    """

    name: str
    variable: str
    datatype: str
    title: str
    description: str
    property: str | None = None
    iri: bool = False
    language: str | None = None


CSR = "https://w3id.org/csr-kg/ontology#"
QUDT = "http://qudt.org/schema/qudt/"
PROV = "http://www.w3.org/ns/prov#"

# The company's identifiers and sector, from the saved query ``reports`` (its node's, which every
# report of the company adds to): after the fact table's other columns and the panel's report
# columns. Several of one kind are sorted and joined by " | " (exchange, MIC and code in step).
COMPANY_COLUMNS: tuple[Column, ...] = (
    Column(
        "exchange", "exchange", "string", "Exchange", "The exchange the company's shares are listed on (short name)."
    ),
    Column("exchange_mic", "exchangeMic", "string", "Exchange MIC", "The exchange's ISO 10383 Market Identifier Code."),
    Column("stock_code", "stockCode", "string", "Stock code", "The code the exchange lists the company under."),
    Column("lei", "lei", "string", "LEI", "The company's Legal Entity Identifier (ISO 17442)."),
    Column("isin", "isin", "string", "ISIN", "The ISIN of a security of the company (ISO 6166), such as its shares."),
    Column("wikidata", "wikidata", "string", "Wikidata item", "The company's Wikidata item id (Q...), its owl:sameAs."),
    Column(
        "sector_scheme",
        "sectorScheme",
        "string",
        "Sector classification",
        "The classification of sector_code: its notation (GICS, HSICS ...) or its name.",
    ),
    Column("sector_code", "sectorCode", "string", "Sector code", "The company's sector code (org:classification)."),
    Column("sector_label", "sectorLabel", "string", "Sector", "The sector's name (skos:prefLabel)."),
)


FACT_COLUMNS: tuple[Column, ...] = (
    Column("report", "reportId", "string", "Report", "The report's identifier (dcterms:identifier)."),
    Column("company", "company", "anyURI", "Company IRI", "The company that publishes the report.", iri=True),
    Column("company_name", "companyName", "string", "Company", "The company's name (rdfs:label)."),
    Column("year", "year", "gYear", "Reporting year", "The report's reporting year."),
    Column("metric", "catalogueId", "string", "Catalogue metric", "The catalogue metric's short name (skos:notation)."),
    Column("metric_iri", "catalogueMetric", "anyURI", "Catalogue metric IRI", "The catalogue metric.", iri=True),
    Column("metric_label", "catalogueLabel", "string", "Catalogue metric label", "The catalogue metric's name."),
    Column(
        "metric_match",
        "match",
        "string",
        "Catalogue match",
        "How the report's metric maps to the catalogue metric: exact, close, broad (the catalogue metric is broader), "
        "narrow, or corrected (a curator's correction names it).",
    ),
    Column(
        "metric_unit",
        "catalogueUnit",
        "anyURI",
        "Canonical unit of the metric",
        "The catalogue metric's canonical unit.",
        iri=True,
    ),
    Column(
        "report_metric",
        "reportMetric",
        "anyURI",
        "Report metric IRI",
        "The report's own metric.",
        property=CSR + "metric",
        iri=True,
    ),
    Column(
        "report_metric_label", "reportMetricLabel", "string", "Report metric", "The report's metric as it words it."
    ),
    Column(
        "value",
        "value",
        "decimal",
        "Value as printed",
        "The printed number, scale words applied (RMB7.5 billion is 7500000000).",
        property=QUDT + "numericValue",
    ),
    Column(
        "unit", "unit", "anyURI", "Unit as printed", "The printed unit (a QUDT unit).", property=QUDT + "unit", iri=True
    ),
    Column("unit_label", "unitLabel", "string", "Unit label", "The printed unit's name."),
    Column(
        "surface_form",
        "surfaceForm",
        "string",
        "Figure as printed",
        "The figure exactly as printed, with qualifier, currency and scale word.",
        property=CSR + "surfaceForm",
    ),
    Column(
        "value_status",
        "valueStatus",
        "string",
        "Value status",
        "disclosed, or not-disclosed where the report prints a mark of no figure (N/A, -, Nil).",
    ),
    Column(
        "canonical_value",
        "canonicalValue",
        "decimal",
        "Value in canonical unit",
        "The value converted to the catalogue metric's canonical unit (csr:canonicalValue); "
        "empty when it does not convert.",
    ),
    Column(
        "canonical_unit",
        "canonicalUnit",
        "anyURI",
        "Canonical unit",
        "The unit of canonical_value.",
        iri=True,
    ),
    Column(
        "canonical_unit_label", "canonicalUnitLabel", "string", "Canonical unit label", "The canonical unit's name."
    ),
    Column(
        "period_start", "periodStart", "date", "Period start", "The first day of the period (the day of an instant)."
    ),
    Column("period_end", "periodEnd", "date", "Period end", "The last day of the period (the day of an instant)."),
    Column(
        "boundary",
        "boundary",
        "string",
        "Boundary",
        "The reporting boundary the figure covers, as printed.",
        property=CSR + "boundary",
        language="en",
    ),
    Column("qualifier", "qualifier", "string", "Qualifier", "The approximation qualifier (approximately, over ...)."),
    Column("bound_semantics", "boundSemantics", "string", "Bound semantics", "Which bound the printed number is."),
    Column("claim_kind", "claimKind", "string", "Claim kind", "The kind of the claim the figure is printed in."),
    Column(
        "review_status",
        "reviewStatus",
        "string",
        "Review status",
        "curated (read by a curator), or drafted, reviewed or corrected (read by csr-kg's drafter).",
    ),
    Column(
        "kpi_codes",
        "kpis",
        "string",
        "Guide KPI codes",
        "The reporting guide's KPIs the claims' KPI mappings and the metric name, space-separated.",
    ),
    Column("quote", "quote", "string", "Quote", "The verbatim words of the claim the figure was first printed in."),
    Column("quote_start", "start", "integer", "Quote start", "The quote's first code point in the report text."),
    Column("quote_end", "end", "integer", "Quote end", "The code point after the quote's last."),
    Column("page", "page", "integer", "Page", "The PDF page the quote starts on, when the report has a page map."),
    Column("printings", "printings", "integer", "Printings", "How many claims print the figure."),
    Column(
        "claim",
        "claim",
        "anyURI",
        "Claim IRI",
        "The claim the figure was first printed in.",
        property=PROV + "wasDerivedFrom",
        iri=True,
    ),
    Column("observation", "observation", "anyURI", "Observation IRI", "The observation the row is.", iri=True),
    *COMPANY_COLUMNS,
)


@dataclass(frozen=True)
class Table:
    """Named columns and rows of cells in their lexical form ("" where the graph has nothing)."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]

    def column(self, name: str) -> list[str]:
        index = [c.name for c in self.columns].index(name)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict[str, str]]:
        names = [c.name for c in self.columns]
        return [dict(zip(names, row, strict=True)) for row in self.rows]


def native_graph(source: Path | None) -> NativeGraph:
    """The graph a table is made from: an Oxigraph store directory (read-only), an RDF file, or
    the bundled KG when ``source`` is None; each with the ontology, whose labels the table shows."""
    if source is not None and source.is_dir():
        return NativeGraph(open_native(source))
    if source is not None:
        if not source.exists():
            raise InputError(f"{source}: no such file or store directory")
        return load_file(source)
    from kg.rdf.build import build_graph

    return from_ntriples(build_graph().serialize(format="nt", encoding="utf-8"))


def as_native(graph: Any) -> NativeGraph:
    """An rdflib graph (kg.api.load's) as Oxigraph holds it: a store-backed one as it is, another
    handed over as N-Triples (rdflib takes seconds on the fact query that Oxigraph answers at once)."""
    if isinstance(graph, NativeGraph):
        return graph
    native = getattr(graph.store, "native", None)
    if native is not None:
        return NativeGraph(native)
    return from_ntriples(graph.serialize(format="nt", encoding="utf-8"))


def query_rows(graph: NativeGraph, name: str, reports: Sequence[str] = ()) -> list[Rows]:
    """The saved query ``name``'s rows, once for the whole graph or once per report identifier
    (bound as a string literal to its ``reportId`` parameter)."""
    saved = find_query(name)
    if not reports:
        answer = run_native(graph, saved, {})
        assert isinstance(answer, Rows)
        return [answer]
    import pyoxigraph as ox

    answers = []
    for report in reports:
        answer = run_native(graph, saved, {"reportId": ox.Literal(report)})
        assert isinstance(answer, Rows)
        answers.append(answer)
    return answers


def lexical(term: Any) -> str:
    return "" if term is None else term_parts(term)[1]


_CODE_PARTS = re.compile(r"(\d+)")


def _code_key(code: str) -> list[Any]:
    """Guide codes in their natural order: A1.2 before A1.10."""
    return [int(part) if part.isdigit() else part for part in _CODE_PARTS.split(code)]


def sorted_codes(text: str) -> str:
    return " ".join(sorted(set(text.split()), key=_code_key))


def table_of(answers: Iterable[Rows], columns: tuple[Column, ...]) -> Table:
    """The answers' rows under ``columns``' names (the KPI codes sorted, each row once)."""
    rows = []
    for answer in answers:
        index = [answer.variables.index(c.variable) for c in columns]
        for row in answer.rows:
            cells = [lexical(row[i]) for i in index]
            rows.append(
                tuple(sorted_codes(v) if c.name == "kpi_codes" else v for c, v in zip(columns, cells, strict=True))
            )
    return Table(columns, tuple(rows))


def known_reports(graph: NativeGraph, reports: Sequence[str]) -> None:
    """Refuse a report identifier the graph does not have, instead of writing an empty table."""
    present = {lexical(row[0]) for row in query_rows(graph, "reports")[0].rows}
    missing = [r for r in reports if r not in present]
    if missing:
        raise InputError(
            f"no report {', '.join(missing)} in the graph (reports: {', '.join(sorted(present)) or 'none'})"
        )


def company_cells(graph: NativeGraph, reports: Sequence[str] = ()) -> dict[str, tuple[str, ...]]:
    """The :data:`COMPANY_COLUMNS` cells of each report (by its identifier), from the saved query ``reports``."""
    table = table_of(query_rows(graph, "reports", reports), (FACT_COLUMNS[0], *COMPANY_COLUMNS))
    return {row[0]: row[1:] for row in table.rows}


def facts(graph: NativeGraph, reports: Sequence[str] = ()) -> Table:
    """One row per observation of the graph (of ``reports``, when given), in report and text order."""
    known_reports(graph, reports)
    own = FACT_COLUMNS[: -len(COMPANY_COLUMNS)]
    rows = table_of(query_rows(graph, "facts", reports), own).rows
    company = company_cells(graph, reports)
    blank = ("",) * len(COMPANY_COLUMNS)
    return Table(FACT_COLUMNS, tuple(row + company.get(row[0], blank) for row in rows))


def csv_bytes(table: Table) -> bytes:
    """RFC 4180 CSV in UTF-8: a header of the column names, CRLF line ends, quotes where needed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows(table.rows)
    return out.getvalue().encode("utf-8")


def write_csv(table: Table, path: Path) -> None:
    write_atomically(path, csv_bytes(table))


def write_parquet(table: Table, path: Path) -> None:
    """The table as Parquet with typed columns (pyarrow, the optional ``tables`` extra)."""
    from kg.extras import require
    from kg.outputs.frames import frame

    require("pyarrow", "tables", "Parquet output")
    data = frame(table).to_parquet(index=False, engine="pyarrow")
    write_atomically(path, data)


def report_iris(graph: NativeGraph, reports: Sequence[str] = ()) -> list[str]:
    """The IRIs of the reports a table is made from (its CSVW metadata's dc:source)."""
    return sorted(lexical(row[1]) for answer in query_rows(graph, "reports", reports) for row in answer.rows)
