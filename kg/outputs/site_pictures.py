"""The pictures the site shows on its report, metric and SDG pages, as SVG files beside the pages.

A reader of a report's page sees how it discloses its guide's KPIs and which SDGs its claims serve;
of a metric's page, the catalogue metric's figures across companies and years; of an SDG's page,
the corpus's alignments with every goal, that one set apart. The pictures are drawn by
kg.outputs.plots from the same data ``csrkg plot`` uses, and each comes with an alt text that
states what it shows in words, for readers who cannot see it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.errors import InputError
from kg.outputs import plots
from kg.outputs.tables import NativeGraph, facts, lexical, query_rows

ALT_FIGURES = 12  # figures an alt text lists before it counts the rest


@dataclass(frozen=True)
class Picture:
    """An SVG written beside a page (``PAGE.<suffix>.svg``), with its alt text and caption."""

    suffix: str
    alt: str
    caption: str
    svg: str


def site_pictures(graph: NativeGraph) -> dict[str, list[Picture]]:
    """The pictures of each page, by the IRI of the page's resource."""
    pictures: dict[str, list[Picture]] = defaultdict(list)
    reports = {lexical(row[0]): lexical(row[1]) for row in query_rows(graph, "reports")[0].rows}
    if not reports:
        return {}
    coverage = plots.sdg_coverage(graph)
    try:
        disclosed: plots.Disclosure | None = plots.disclosure(graph)
    except InputError:  # no report follows a guide with KPIs
        disclosed = None
    for report, iri in sorted(reports.items()):
        if disclosed is not None and report in disclosed.reports:
            pictures[iri].append(_disclosure(disclosed, report))
        pictures[iri].append(_report_sdgs(coverage, report))
    for goal, iri, label in coverage.goals:
        stated, inferred = coverage.total(goal)
        pictures[iri].append(
            Picture(
                "coverage",
                f"Bar chart of the claims' alignments with each of the 17 SDGs across {len(coverage.reports)} "
                f"report(s); {label}, highlighted: {stated} stated, {inferred} inferred.",
                "Alignments with each SDG across the reports, this goal highlighted.",
                plots.draw_sdgs(coverage, "svg", highlight=goal).decode("utf-8"),
            )
        )
    for report_metric, catalogue in _report_metrics(graph).items():
        pictures[report_metric].append(catalogue)
    return dict(pictures)


def _disclosure(data: plots.Disclosure, report: str) -> Picture:
    one = plots.Disclosure((report,), data.kpis, {k: v for k, v in data.cells.items() if k[0] == report})
    levels = {level: [code for (r, code), v in one.cells.items() if v == level] for level in plots.DISCLOSURE_LEVELS}
    alt = f"Heatmap of the {len(one.cells)} KPIs of the reporting guide report {report} follows: " + "; ".join(
        f"{level}: {', '.join(codes) or 'none'}" for level, codes in levels.items()
    )
    return Picture(
        "disclosure",
        alt + ".",
        "How the report discloses its guide's KPIs.",
        plots.draw_disclosure(one, "svg").decode("utf-8"),
    )


def _report_sdgs(coverage: plots.SdgCoverage, report: str) -> Picture:
    one = plots.SdgCoverage((report,), coverage.goals, coverage.stated, coverage.inferred)
    counted = [(label, sum(one.total(goal))) for goal, _iri, label in one.goals]
    served = ", ".join(f"{label}: {n}" for label, n in counted if n) or "none"
    alt = f"Bar chart of the alignments of report {report}'s claims with each SDG: {served}."
    return Picture(
        "sdgs", alt, "The SDGs the report's claims are aligned with.", plots.draw_sdgs(one, "svg").decode("utf-8")
    )


def _report_metrics(graph: NativeGraph) -> dict[str, Picture]:
    """Each report metric that is a catalogue metric (an exact or close match, or a correction),
    with the picture of that catalogue metric's figures across the reports."""
    by_catalogue: dict[str, set[str]] = defaultdict(set)
    rows = facts(graph).records()
    for row in rows:
        if row["metric"] and row["metric_match"] in plots.SAME_METRIC:
            by_catalogue[row["metric"]].add(row["report_metric"])
    pictures = {}
    for metric, report_metrics in sorted(by_catalogue.items()):
        try:
            series = plots.series_of(rows, metric)
        except InputError:  # no figure of it converts to the canonical unit
            continue
        listed = sorted(series.points, key=lambda p: (p.company_name, p.year, p.value))
        words = "; ".join(
            f"{p.company_name} {p.year}: {(p.qualifier + ' ') if p.qualifier else ''}{plots.exact(p.text)}"
            for p in listed[:ALT_FIGURES]
        )
        more = f"; and {len(listed) - ALT_FIGURES} more" if len(listed) > ALT_FIGURES else ""
        picture = Picture(
            "figures",
            f"Chart of {series.label} in {series.unit_label}, by company and year: {words}{more}.",
            f"Catalogue metric {series.label} ({series.unit_label}) across the reports; "
            "approximate figures hollow or hatched.",
            plots.draw_metric(series, "svg").decode("utf-8"),
        )
        for report_metric in report_metrics:
            pictures[report_metric] = picture
    return pictures
