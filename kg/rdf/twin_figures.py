"""Metrics a report prints the same figures of under two labels: one quantity, two tables.

A report often breaks a figure of one table down in another under another label: "Full-time
teachers" among the parts of "Total employees", then a table of "Total full-time teachers" by
title. The second table's rows name no catalogue metric, and their total none either, so neither
the crosswalk nor the parts rule gives them a KPI; but the figures say what they are: the same
values in the same unit for the same periods are the same quantity, and the KPIs the first
label discloses are the second's too (kg.rdf.mapping's twin rule).

Only levels count, and only when at least two of them are non-zero: two rows of zeros ("0 / 0"
fatalities, "0 / 0" fines) or one shared figure say nothing about what is measured.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from kg.ingest.model import Report

MIN_FIGURES = 2  # non-zero levels two metrics must share, all of them, to be one quantity

Figures = frozenset[tuple[Decimal, str | None, str]]


def _levels(report: Report) -> dict[str, Figures]:
    """Each metric's printed levels as (value, unit, period key)."""
    found: dict[str, set[tuple[Decimal, str | None, str]]] = defaultdict(set)
    for claim in report.claims.values():
        for o in claim.observations:
            if o.kind == "value" and o.value is not None:
                found[o.metric].add((o.value, o.unit, o.period.key))
    return {metric: frozenset(levels) for metric, levels in found.items()}


def twin_metrics(report: Report) -> dict[str, tuple[str, ...]]:
    """Each metric and the other metrics of the report whose levels are exactly its levels, at
    least ``MIN_FIGURES`` of them non-zero."""
    by_figures: dict[Figures, list[str]] = defaultdict(list)
    for metric, levels in _levels(report).items():
        if sum(1 for value, _, _ in levels if value != 0) >= MIN_FIGURES:
            by_figures[levels].append(metric)
    return {
        metric: tuple(other for other in sorted(metrics) if other != metric)
        for metrics in by_figures.values()
        if len(metrics) > 1
        for metric in metrics
    }
