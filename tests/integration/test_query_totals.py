"""Sums over the saved queries' rows on the bundled KG equal totals computed by hand from the
report's text (kg/reports/xiaomi-2019/report.txt, line numbers below): a figure the report prints
twice (a highlight and the body) is one observation and one row, so no sum counts it twice."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest
from rdflib import Graph

from kg.sparql.saved import find_query, run_local

CATALOGUE = "https://w3id.org/csr-kg/esg-metric/"


@pytest.fixture(scope="module")
def graph(bundled_kg: Graph) -> Graph:
    return bundled_kg


def totals(
    graph: Graph,
    name: str,
    by: str,
    *,
    column: str = "value",
    levels_only: bool = False,
    matches: tuple[str, ...] | None = None,
    **params: str,
) -> dict[str, Decimal]:
    """The sum of column ``column`` of a saved query per value of column ``by``; with
    ``levels_only``, leaving out the rows of intensities (a unit "... per ..."); with ``matches``,
    only the rows whose ``match`` column is one of them."""
    result = run_local(graph, find_query(name), params)
    index = result.variables.index
    found: dict[str, Decimal] = defaultdict(Decimal)
    for row in result.rows:
        if matches is not None and str(row[index("match")]) not in matches:
            continue
        if not (levels_only and " per " in str(row[index("unit")])):
            found[str(row[index(by)])] += row[index(column)].toPython()
    return dict(found)


def test_donations_in_money_add_up_to_the_printed_gifts(graph: Graph) -> None:
    money = {k: v for k, v in totals(graph, "donations", "currency").items() if k != "number"}
    assert money["Chinese yuan renminbi"] == (
        Decimal(22_000_000)  # "approximately RMB22 million": line 139 (highlights) and line 1183, once
        + 100_000  # "Donated RMB100,000 to support students living in poverty in Keyouqianqi": line 1189
        + 100_000  # "Donated RMB100,000 to set up the "Xiaomi" education fund": line 1190
        + 80_000  # "a total of RMB80,000 raised from domestic charity sales": line 1191
    )
    assert money["Indian rupee"] == (
        Decimal(7_665_000)  # "Xiaomi India donated INR7.665 million": line 1177
        + 1_500_000  # "Xiaomi India donated INR1,500,000 in support of the disaster relief": line 1210
        + 23_000  # "medical insurance worth INR23,000 to any child being diagnosed": line 1214
    )


def test_one_metric_across_reports_gives_a_fact_printed_twice_once(graph: Graph) -> None:
    # "with 18,170 employees from 28 countries": line 121 (highlights) and line 1051 (section 6.1).
    assert totals(graph, "metric-across-reports", "report", metric=f"<{CATALOGUE}employees-total>") == {
        "xiaomi-2019": Decimal(18_170)
    }
    # The catalogue's donations are a donor's total: the "approximately RMB22 million" (lines 139
    # and 1183), once; gifts to named recipients are parts of it (donation-to-recipient), not
    # added to it. Money has no canonical unit: the printed values. The gifts reach the catalogue
    # metric by an inferred broad match (the catalogue metric is broader): rows marked "broad".
    donations = f"<{CATALOGUE}donations>"
    same = ("exact", "close", "corrected")
    by_currency = totals(
        graph, "metric-across-reports", "printedUnit", column="printedValue", matches=same, metric=donations
    )
    assert by_currency == {"Chinese yuan renminbi": Decimal(22_000_000)}
    rows = run_local(graph, find_query("metric-across-reports"), {"metric": donations})
    kinds = {str(row[rows.variables.index("match")]) for row in rows.rows}
    assert kinds == {"exact", "broad"}


def test_environmental_kpis_add_up_to_the_tables(graph: Graph) -> None:
    assert totals(graph, "environmental-kpis", "kpi", levels_only=True) == {
        # The emissions table: the total (line 994) and its two parts (lines 995-996), each once.
        "A1.2": Decimal("22782.26") + Decimal("283.42") + Decimal("22498.84"),
        "A1.3": Decimal("1.00"),  # hazardous waste: line 999
        "A1.4": Decimal("1457.94"),  # non-hazardous waste: line 1001
        # The energy table: the total (line 1015) and its two parts (lines 1016-1017).
        "A2.1": Decimal("34282.58") + Decimal("1449.47") + Decimal("32833.11"),
        "A2.2": Decimal("144803.29"),  # running water: line 1020
        "A2.5": Decimal("74337.82"),  # packaging materials: line 1022
    }
