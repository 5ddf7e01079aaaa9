"""A company-year panel: one row per report, one column per catalogue metric in its canonical unit.

Researchers regress across companies and years on a wide table; ``csrkg panel`` and
``kg.api.panel`` make one from the fact table (kg.outputs.tables) and the saved query
``announced-figures``. A cell holds the report's value of the metric for its reporting year (the
period ending in that year) in the metric's canonical unit, from observations whose report metric
is the catalogue metric (an exact or close match, or a curator's correction); a broader or narrower
report metric is a part or a whole, not the metric, so it is left out. A missing value and a
value the report says it does not disclose are kept apart:

- the value, when every such observation gives the same one;
- ``not-disclosed`` when the report prints a mark of no figure (N/A, -, Nil) for it or announces
  the figure without printing it (csr:valueMissing), and prints no value;
- empty when the report says nothing of the metric, or gives several different values (the long
  form lists them, with status ``several values``).

The long form has one row per report and metric the report speaks of, with its status, value and
the observations and claims behind it, so every cell of the wide form traces back to its claims.

Both forms end with the company's identifiers and sector (kg.outputs.tables.COMPANY_COLUMNS), so
a regression can group or fix effects by sector or exchange and join other data by LEI or ISIN.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.outputs.tables import COMPANY_COLUMNS, Column, Table, facts, known_reports, lexical, query_rows, table_of
from kg.rdf.native import NativeGraph

NOT_DISCLOSED = "not-disclosed"
SEVERAL = "several values"
DISCLOSED = "disclosed"
_MATCHES = ("exact", "close", "corrected")

REPORT_COLUMNS: tuple[Column, ...] = (
    Column("report", "reportId", "string", "Report", "The report's identifier (dcterms:identifier)."),
    Column("report_iri", "report", "anyURI", "Report IRI", "The report.", iri=True),
    Column("company", "company", "anyURI", "Company IRI", "The company that publishes the report.", iri=True),
    Column("company_name", "companyName", "string", "Company", "The company's name (rdfs:label)."),
    Column("year", "year", "gYear", "Reporting year", "The report's reporting year."),
)

LONG_COLUMNS: tuple[Column, ...] = (
    *(c for c in REPORT_COLUMNS if c.name != "report_iri"),
    Column("metric", "metric", "string", "Catalogue metric", "The catalogue metric's short name (skos:notation)."),
    Column("metric_iri", "metricIri", "anyURI", "Catalogue metric IRI", "The catalogue metric.", iri=True),
    Column("metric_label", "metricLabel", "string", "Catalogue metric label", "The catalogue metric's name."),
    Column("unit", "unit", "anyURI", "Canonical unit", "The catalogue metric's canonical unit.", iri=True),
    Column("unit_label", "unitLabel", "string", "Canonical unit label", "The canonical unit's name."),
    Column("status", "status", "string", "Status", "disclosed, not-disclosed, or several values."),
    Column("value", "value", "decimal", "Value", "The value in the canonical unit, when disclosed once."),
    Column(
        "observations", "observations", "string", "Observations", "The observations behind the cell, space-separated."
    ),
    Column("claims", "claims", "string", "Claims", "The claims behind the cell, space-separated."),
    *COMPANY_COLUMNS,
)


@dataclass
class _Cell:
    label: str
    iri: str
    unit: str
    unit_label: str
    values: dict[str, None]
    observations: dict[str, None]
    claims: dict[str, None]
    marked: bool = False

    def status(self) -> str:
        if len(self.values) == 1:
            return DISCLOSED
        return SEVERAL if self.values else NOT_DISCLOSED


def column_name(metric: str) -> str:
    """A metric's short name as a column name R, Stata and pandas all accept (``ghg_scope_1``)."""
    return metric.replace("-", "_")


@dataclass(frozen=True)
class Panel:
    """The wide form (one row per report) and the long form (one row per report and metric)."""

    wide: Table
    long: Table


def panel(graph: NativeGraph, reports: Sequence[str] = ()) -> Panel:
    known_reports(graph, reports)
    heads = (*REPORT_COLUMNS, *COMPANY_COLUMNS)
    described = {row[0]: list(row) for row in table_of(query_rows(graph, "reports", reports), heads).rows}
    years = {report: cells[4] for report, cells in described.items()}
    cells: dict[tuple[str, str], _Cell] = {}
    for fact in facts(graph, reports).records():
        year = years.get(fact["report"])
        if not fact["metric"] or fact["metric_match"] not in _MATCHES or fact["period_end"][:4] != year:
            continue
        cell = cells.setdefault(
            (fact["report"], fact["metric"]),
            _Cell(fact["metric_label"], fact["metric_iri"], fact["metric_unit"], "", {}, {}, {}),
        )
        if fact["value_status"] == NOT_DISCLOSED:
            cell.marked = True
        elif fact["canonical_value"] and fact["canonical_unit"] == fact["metric_unit"]:
            cell.values[fact["canonical_value"]] = None
            cell.unit_label = fact["canonical_unit_label"]
        else:
            continue
        cell.observations[fact["observation"]] = None
        cell.claims[fact["claim"]] = None
    for answer in query_rows(graph, "announced-figures", reports):
        for row in answer.rows:
            report, metric, iri, label, unit, unit_label, claim = (lexical(t) for t in row)
            cell = cells.setdefault((report, metric), _Cell(label, iri, unit, unit_label, {}, {}, {}))
            cell.marked = True
            cell.unit_label = cell.unit_label or unit_label
            cell.claims[claim] = None
    cells = {key: cell for key, cell in cells.items() if cell.values or cell.marked}
    return Panel(_wide(described, cells), _long(described, cells))


def _metric_columns(cells: dict[tuple[str, str], _Cell]) -> tuple[Column, ...]:
    metrics: dict[str, _Cell] = {}
    for (_, metric), cell in sorted(cells.items(), key=lambda item: item[0][1]):
        metrics.setdefault(metric, cell)
    return tuple(
        Column(
            column_name(metric),
            metric,
            "decimal",
            f"{cell.label} ({cell.unit_label or cell.unit})",
            f"Catalogue metric {metric} ({cell.iri}) in {cell.unit}; "
            f"{NOT_DISCLOSED} where the report says it does not disclose it.",
        )
        for metric, cell in metrics.items()
    )


def _wide(described: dict[str, list[str]], cells: dict[tuple[str, str], _Cell]) -> Table:
    metric_columns = _metric_columns(cells)
    rows = []
    for report, head in sorted(described.items()):
        row = head[: len(REPORT_COLUMNS)]
        for column in metric_columns:
            cell = cells.get((report, column.variable))
            status = None if cell is None else cell.status()
            row.append(
                next(iter(cell.values))
                if cell and status == DISCLOSED
                else NOT_DISCLOSED
                if status == NOT_DISCLOSED
                else ""
            )
        rows.append((*row, *head[len(REPORT_COLUMNS) :]))
    return Table((*REPORT_COLUMNS, *metric_columns, *COMPANY_COLUMNS), tuple(rows))


def _long(described: dict[str, list[str]], cells: dict[tuple[str, str], _Cell]) -> Table:
    rows = []
    for (report, metric), cell in sorted(cells.items()):
        report_id, _, company, company_name, year, *identifiers = described[report]
        status = cell.status()
        rows.append(
            (
                report_id,
                company,
                company_name,
                year,
                metric,
                cell.iri,
                cell.label,
                cell.unit,
                cell.unit_label,
                status,
                next(iter(cell.values)) if status == DISCLOSED else "",
                " ".join(sorted(cell.observations)),
                " ".join(sorted(cell.claims)),
                *identifiers,
            )
        )
    return Table(LONG_COLUMNS, tuple(rows))
