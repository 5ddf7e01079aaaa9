"""Pictures of what a corpus discloses: a metric over years, guide KPI disclosure, SDG coverage, findings.

A researcher wants to see at a glance what a set of reports says before reading a table of it.
Each picture here has two halves: a data function that reads the graph (the fact table of
kg.outputs.tables, or a saved query: ``kpi-disclosure``, ``sdg-coverage``) into a small frozen
value, which the tests compare with the graph, and a drawing function that turns that value into
a PNG or SVG. Drawing uses matplotlib (the ``plots`` extra) through its object API and the Agg
canvas, never pyplot, so importing this module neither needs matplotlib nor changes a backend.

Output is byte-identical on rerun: the fonts are DejaVu Sans (shipped with matplotlib), the SVG's
ids come from a fixed hash salt, and neither format records a date or the software's version.
"""

from __future__ import annotations

import io
import textwrap
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.errors import InputError
from kg.extras import require
from kg.outputs.tables import facts, known_reports, lexical, query_rows, sorted_codes
from kg.rdf.native import NativeGraph
from kg.vocab.namespaces import CSR

FORMATS = ("png", "svg")
# The catalogue matches under which a report's figure is a figure of the catalogue metric itself
# (as the panel counts them): a broader or narrower report metric is a part or a whole.
SAME_METRIC = ("exact", "close", "corrected")
DISCLOSURE_LEVELS = ("with figures", "in words only", "not disclosed")
DISCLOSURE_COLOURS = {"with figures": "#1b7837", "in words only": "#f1b6da", "not disclosed": "#d9d9d9"}
SEVERITY_COLOURS = {"Violation": "#b2182b", "Warning": "#ef8a62", "Info": "#67a9cf"}
STATED_COLOUR, INFERRED_COLOUR, HIGHLIGHT_COLOUR = "#2166ac", "#92c5de", "#d6604d"
WHOLE_GRAPH = "(whole graph)"
_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "svg.hashsalt": "csr-kg",
    "svg.fonttype": "none",
    "axes.spines.top": False,
    "axes.spines.right": False,
}


# ------------------------------------------------------------------ the data each picture shows


@dataclass(frozen=True)
class Point:
    """One figure of a metric: whose, for which year, in the metric's canonical unit, and whence."""

    company: str
    company_name: str
    report: str
    year: int
    value: float
    text: str  # the value's lexical form in the graph (csr:canonicalValue), every digit kept
    qualifier: str  # "" for an exact figure; else approximately, over, up to ...
    surface_form: str
    claim: str


@dataclass(frozen=True)
class MetricSeries:
    metric: str
    label: str
    unit_label: str
    points: tuple[Point, ...]


def metric_series(graph: NativeGraph, metric: str, reports: Sequence[str] = ()) -> MetricSeries:
    """The figures of catalogue metric ``metric`` (short name or IRI) in its canonical unit, one per
    company and year of the period they cover.

    A company's figure for a year is the one that year's report gives, where it gives one (a later
    report quoting last year's figure repeats it), else the latest report's that gives it. Only
    figures of the metric itself count (an exact or close match, or a curator's correction): a
    broader or narrower report metric is a part or a whole. Figures that do not convert to the
    canonical unit (money in another currency, water in tonnes) are left out.
    """
    return series_of(facts(graph, reports).records(), metric)


def series_of(rows: Sequence[dict[str, str]], metric: str) -> MetricSeries:
    """:func:`metric_series` of fact-table records already read (the site reads them once)."""
    chosen = [r for r in rows if metric in (r["metric"], r["metric_iri"])]
    if not chosen:
        known = sorted({r["metric"] for r in rows if r["metric"]})
        raise InputError(
            f"no figure of catalogue metric {metric!r} in the graph (metrics with figures: {', '.join(known)})"
        )
    usable = [
        r
        for r in chosen
        if r["metric_match"] in SAME_METRIC
        and r["value_status"] == "disclosed"
        and r["canonical_value"]
        and r["canonical_unit"] == r["metric_unit"]
    ]
    if not usable:
        raise InputError(
            f"catalogue metric {metric!r}: no figure of the metric itself (an exact or close match, or a "
            f"correction) converts to its canonical unit {chosen[0]['metric_unit']}"
        )
    by_year: dict[tuple[str, int], list[dict[str, str]]] = defaultdict(list)
    for r in usable:
        by_year[(r["company"], int(r["period_end"][:4]))].append(r)
    points = []
    for (company, year), found in sorted(by_year.items()):
        own = [r for r in found if int(r["year"]) == year]
        pick = own or [r for r in found if r["year"] == max(f["year"] for f in found)]
        seen: set[str] = set()
        for r in pick:
            if r["canonical_value"] in seen:
                continue
            seen.add(r["canonical_value"])
            points.append(
                Point(
                    company,
                    r["company_name"],
                    r["report"],
                    year,
                    float(r["canonical_value"]),
                    r["canonical_value"],
                    r["qualifier"],
                    r["surface_form"],
                    r["claim"],
                )
            )
    first = usable[0]
    return MetricSeries(first["metric"], first["metric_label"], first["canonical_unit_label"], tuple(points))


@dataclass(frozen=True)
class Disclosure:
    """How each report discloses each KPI of its reporting guide (``kpi-disclosure``)."""

    reports: tuple[str, ...]
    kpis: tuple[tuple[str, str], ...]  # (code, name) in the guide's order
    cells: dict[tuple[str, str], str]  # (report, code) -> with figures / in words only / not disclosed


def disclosure(graph: NativeGraph, reports: Sequence[str] = ()) -> Disclosure:
    known_reports(graph, reports)
    cells, names = {}, {}
    for answer in query_rows(graph, "kpi-disclosure"):
        for row in answer.rows:
            report, code, name, _status, level = (lexical(t) for t in row[:5])
            if reports and report not in reports:
                continue
            cells[(report, code)] = level
            names[code] = name
    if not cells:
        raise InputError("no report in the graph follows a reporting guide with KPIs: nothing to plot")
    order = sorted_codes(" ".join(names)).split()
    return Disclosure(tuple(sorted({r for r, _ in cells})), tuple((c, names[c]) for c in order), cells)


@dataclass(frozen=True)
class SdgCoverage:
    """Alignments of each report's claims with each SDG (``sdg-coverage``), zeros included."""

    reports: tuple[str, ...]
    goals: tuple[tuple[int, str, str], ...]  # (number, IRI, label) in goal order
    stated: dict[tuple[str, int], int]
    inferred: dict[tuple[str, int], int]

    def total(self, goal: int, report: str | None = None) -> tuple[int, int]:
        """(stated, inferred) alignments with ``goal``, of one report or of all of them."""
        chosen = self.reports if report is None else (report,)
        return sum(self.stated[(r, goal)] for r in chosen), sum(self.inferred[(r, goal)] for r in chosen)


def sdg_coverage(graph: NativeGraph, reports: Sequence[str] = ()) -> SdgCoverage:
    known_reports(graph, reports)
    stated, inferred, goals = {}, {}, {}
    for answer in query_rows(graph, "sdg-coverage", reports):
        for row in answer.rows:
            report, goal, iri, label, s, i, _claims = (lexical(t) for t in row)
            stated[(report, int(goal))] = int(s)
            inferred[(report, int(goal))] = int(i)
            goals[int(goal)] = (int(goal), iri, label)
    if not stated:
        raise InputError("the graph has no report: nothing to plot")
    return SdgCoverage(tuple(sorted({r for r, _ in stated})), tuple(goals[g] for g in sorted(goals)), stated, inferred)


@dataclass(frozen=True)
class FindingCounts:
    """How many findings of each shape ``csrkg validate`` makes, per report."""

    reports: tuple[str, ...]
    shapes: tuple[tuple[str, str, str], ...]  # (shape IRI, label, severity), severest first
    counts: dict[tuple[str, str], int]  # (report, shape IRI) -> findings


def finding_counts(graph: Graph, reports: Sequence[str] = ()) -> FindingCounts:
    """Validate ``graph`` and count its findings by report and shape.

    A finding belongs to the report whose IRI its focus node's IRI lies under, or that the focus
    is csr:inReport of; in a graph of one report, to that report. A finding about something the
    reports share (a guide KPI, a material issue) names its report only in its words: it belongs
    to the one report whose title its message quotes ("... is not disclosed by any claim of
    "<title>"."), else it is counted under ``(whole graph)``.
    """
    from kg.validate.shacl import SEVERITIES, validate_graph

    ids = {
        str(r): str(graph.value(r, DCTERMS.identifier))
        for r in graph.subjects(RDF.type, CSR.Report)
        if isinstance(r, URIRef)
    }
    missing = [r for r in reports if r not in ids.values()]
    if missing:
        raise InputError(
            f"no report {', '.join(missing)} in the graph (reports: {', '.join(sorted(ids.values())) or 'none'})"
        )
    validation = validate_graph(graph)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    shapes = {}
    for finding in validation.findings:
        report = _owner(graph, finding.focus, finding.message, ids)
        if reports and report not in reports:
            continue
        counts[(report, finding.shape)] += 1
        shapes[finding.shape] = (finding.shape, finding.shape_label, finding.severity)
    order = list(SEVERITIES.values())
    chosen = tuple(reports) if reports else tuple(sorted(ids.values()))
    if any(report == WHOLE_GRAPH for report, _ in counts):
        chosen += (WHOLE_GRAPH,)
    return FindingCounts(
        chosen, tuple(sorted(shapes.values(), key=lambda s: (order.index(s[2]), s[1], s[0]))), dict(counts)
    )


def _owner(graph: Graph, focus: str, message: str, ids: dict[str, str]) -> str:
    for iri, report in ids.items():
        if focus == iri or focus.startswith(iri + "/"):
            return report
    stated = graph.value(URIRef(focus), CSR.inReport)
    if stated is not None and str(stated) in ids:
        return ids[str(stated)]
    if len(ids) == 1:
        return next(iter(ids.values()))
    quoted = [report for iri, report in ids.items() if f'"{graph.value(URIRef(iri), DCTERMS.title)}"' in message]
    return quoted[0] if len(quoted) == 1 else WHOLE_GRAPH


# ------------------------------------------------------------------ drawing


@contextmanager
def _figure(width: float, height: float) -> Iterator[tuple[Any, Any]]:
    """A matplotlib Figure on the Agg canvas, in the fixed style, and the module it came from."""
    matplotlib = require("matplotlib", "plots", "csrkg plot")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(width, height), dpi=110, layout="constrained")
        FigureCanvasAgg(figure)
        yield figure, matplotlib


def picture_bytes(figure: Any, fmt: str) -> bytes:
    """The figure as PNG or SVG bytes without a date or software version: the same every run."""
    if fmt not in FORMATS:
        raise InputError(f"unknown picture format {fmt!r} (use png or svg)")
    buffer = io.BytesIO()
    metadata = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
    figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def number(value: float, _position: object = None) -> str:
    """An axis tick a person reads at once: 7.5 bn, 12.3 m, 48,120, 0.00066."""
    size = abs(value)
    if size >= 1e9:
        return f"{value / 1e9:,.3g} bn"
    if size >= 1e6:
        return f"{value / 1e6:,.3g} m"
    if size >= 1000 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:.3g}"


def exact(text: str) -> str:
    """A decimal's every digit, with thousands separators: 7,500,000,000 or 0.000066."""
    return f"{Decimal(text).normalize():,f}"


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def draw_metric(series: MetricSeries, fmt: str, year: int | None = None) -> bytes:
    """Lines per company across years, or bars per company for one ``year`` (also the picture when
    the figures cover one year only). An approximate figure is drawn hollow (or hatched) and its
    qualifier written beside it."""
    points = [p for p in series.points if year is None or p.year == year]
    if not points:
        raise InputError(f"catalogue metric {series.metric!r}: no figure for {year}")
    bars = year is not None or len({p.year for p in points}) == 1
    companies = sorted({(p.company, p.company_name) for p in points}, key=lambda c: (c[1], c[0]))
    width = max(5.0, 1.0 * len(points) + 3.0) if bars else 8.5
    with _figure(min(width, 14.0), 4.8) as (figure, matplotlib):
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
        from matplotlib.ticker import FuncFormatter

        axes = figure.add_subplot()
        colours = matplotlib.colormaps["tab10"]
        handles: list[Any] = []
        if bars:
            ordered = sorted(points, key=lambda p: (p.company_name, p.value))
            for x, p in enumerate(ordered):
                colour = colours(companies.index((p.company, p.company_name)) % 10)
                approximate = bool(p.qualifier)
                axes.bar(
                    x,
                    p.value,
                    width=0.6,
                    color="white" if approximate else colour,
                    edgecolor=colour,
                    hatch="//" if approximate else None,
                    linewidth=1.2,
                )
                axes.annotate(
                    (f"{p.qualifier} " if approximate else "") + exact(p.text),
                    (x, p.value),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    fontsize=9,
                )
            axes.set_xticks(
                range(len(ordered)), [textwrap.fill(shorten(p.company_name, 60), 20) for p in ordered], fontsize=9
            )
            axes.set_xlim(-0.7, len(ordered) - 0.3)
            shown = year if year is not None else points[0].year
            axes.set_title(f"{shorten(series.label, 70)}, {shown}", loc="left", fontsize=12)
            if any(p.qualifier for p in points):
                handles.append(Patch(facecolor="white", edgecolor="#555555", hatch="//", label="approximate figure"))
        else:
            for index, (company, name) in enumerate(companies):
                own = sorted((p for p in points if p.company == company), key=lambda p: (p.year, p.value))
                colour = colours(index % 10)
                axes.plot([p.year for p in own], [p.value for p in own], color=colour, linewidth=1.8, label=name)
                for p in own:
                    approximate = bool(p.qualifier)
                    axes.plot(
                        [p.year],
                        [p.value],
                        marker="o",
                        markersize=7,
                        color=colour,
                        markerfacecolor="white" if approximate else colour,
                        markeredgewidth=1.8,
                    )
                    if approximate:
                        axes.annotate(
                            p.qualifier, (p.year, p.value), xytext=(5, 5), textcoords="offset points", fontsize=8
                        )
                handles.append(Line2D([], [], color=colour, marker="o", label=shorten(name, 40)))
            if any(p.qualifier for p in points):
                handles.append(
                    Line2D(
                        [],
                        [],
                        color="#555555",
                        marker="o",
                        markerfacecolor="white",
                        linestyle="",
                        label="approximate figure",
                    )
                )
            years = sorted({p.year for p in points})
            axes.set_xticks(years, [str(y) for y in years])
            axes.set_xlim(years[0] - 0.5, years[-1] + 0.5)
            axes.set_title(shorten(series.label, 80), loc="left", fontsize=12)
        axes.yaxis.set_major_formatter(FuncFormatter(number))
        low, high = min(0.0, *(p.value for p in points)), max(0.0, *(p.value for p in points))
        axes.set_ylim(low * 1.15, high * 1.15 or 1)
        axes.set_ylabel(shorten(series.unit_label, 40))
        axes.grid(axis="y", color="#e5e5e5")
        axes.set_axisbelow(True)
        if handles:
            axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)
        return picture_bytes(figure, fmt)


def _report_columns(axes: Any, reports: Sequence[str]) -> None:
    """Report ids along the top of a heatmap, slanted from their column when there are several."""
    axes.xaxis.tick_top()
    slanted = len(reports) > 1
    axes.set_xticks(
        range(len(reports)),
        [shorten(r, 32) for r in reports],
        rotation=40 if slanted else 0,
        ha="left" if slanted else "center",
        rotation_mode="anchor",
        fontsize=9,
    )


def _grid(axes: Any, rows: int, columns: int) -> None:
    """White lines between the cells of a heatmap."""
    axes.set_xticks([x - 0.5 for x in range(1, columns)], minor=True)
    axes.set_yticks([y - 0.5 for y in range(1, rows)], minor=True)
    axes.grid(which="minor", color="white", linewidth=1.5)
    axes.tick_params(which="minor", length=0)
    axes.tick_params(which="major", length=0)
    for spine in axes.spines.values():
        spine.set_visible(False)


def draw_disclosure(data: Disclosure, fmt: str) -> bytes:
    """Guide KPIs (rows) by report (columns), each cell coloured by how the report discloses the KPI;
    a cell is blank where the KPI is not in the guide that report follows."""
    from matplotlib.colors import to_rgba

    labels = [f"{code} {shorten(name, 62)}" for code, name in data.kpis]
    columns = len(data.reports)
    with _figure(min(5.5 + 0.55 * columns, 16.0), 1.6 + 0.26 * len(data.kpis)) as (figure, _matplotlib):
        from matplotlib.patches import Patch

        axes = figure.add_subplot()
        image = [
            [
                to_rgba(DISCLOSURE_COLOURS[data.cells[(r, code)]]) if (r, code) in data.cells else (1, 1, 1, 1)
                for r in data.reports
            ]
            for code, _name in data.kpis
        ]
        axes.imshow(image, aspect="auto", interpolation="nearest")
        axes.set_yticks(range(len(labels)), labels, fontsize=8.5)
        _report_columns(axes, data.reports)
        _grid(axes, len(labels), columns)
        counts = {level: sum(1 for v in data.cells.values() if v == level) for level in DISCLOSURE_LEVELS}
        handles = [
            Patch(color=DISCLOSURE_COLOURS[level], label=f"{level} ({counts[level]})") for level in DISCLOSURE_LEVELS
        ]
        figure.legend(handles=handles, loc="outside lower center", ncol=3, frameon=False, fontsize=9)
        figure.suptitle("Disclosure of the reporting guide's KPIs", fontsize=12)
        return picture_bytes(figure, fmt)


def draw_sdgs(data: SdgCoverage, fmt: str, per_report: bool = False, highlight: int | None = None) -> bytes:
    """Alignments per SDG: stacked bars (stated, inferred) over the reports, or with ``per_report``
    a goal-by-report table of counts. ``highlight`` names a goal to set apart (an SDG page's own)."""
    labels = [shorten(label, 50) for _n, _iri, label in data.goals]
    if per_report:
        return _draw_sdg_table(data, labels, fmt)
    with _figure(8.5, 5.6) as (figure, _matplotlib):
        from matplotlib.patches import Patch

        axes = figure.add_subplot()
        ys = range(len(data.goals))
        stated = [data.total(n)[0] for n, _iri, _label in data.goals]
        inferred = [data.total(n)[1] for n, _iri, _label in data.goals]
        axes.barh(ys, stated, color=STATED_COLOUR)
        axes.barh(ys, inferred, left=stated, color=INFERRED_COLOUR)
        top = max((s + i for s, i in zip(stated, inferred, strict=True)), default=0) or 1
        for y, (s, i) in enumerate(zip(stated, inferred, strict=True)):
            reports = sum(1 for r in data.reports if sum(data.total(data.goals[y][0], r)))
            note = f"{s + i}" + (
                f" ({reports} of {len(data.reports)} reports)" if reports and len(data.reports) > 1 else ""
            )
            axes.text(s + i + top * 0.01, y, note, va="center", fontsize=8.5)
        axes.set_yticks(list(ys), labels)
        axes.invert_yaxis()
        axes.set_xlim(0, top * 1.25)
        axes.set_xlabel("claims' alignments with the goal")
        axes.xaxis.get_major_locator().set_params(integer=True)
        if highlight is not None:
            for tick, (n, _iri, _label) in zip(axes.get_yticklabels(), data.goals, strict=True):
                if n == highlight:
                    tick.set_color(HIGHLIGHT_COLOUR)
                    tick.set_fontweight("bold")
            axes.axhspan(
                [g[0] for g in data.goals].index(highlight) - 0.5,
                [g[0] for g in data.goals].index(highlight) + 0.5,
                color=HIGHLIGHT_COLOUR,
                alpha=0.12,
                zorder=0,
            )
        scope = data.reports[0] if len(data.reports) == 1 else f"{len(data.reports)} reports"
        axes.set_title(f"SDG coverage: {scope}", loc="left", fontsize=12)
        axes.legend(
            handles=[
                Patch(color=STATED_COLOUR, label="stated by the report"),
                Patch(color=INFERRED_COLOUR, label="inferred by a curator"),
            ],
            loc="lower right",
            frameon=False,
            fontsize=9,
        )
        return picture_bytes(figure, fmt)


def _draw_sdg_table(data: SdgCoverage, labels: list[str], fmt: str) -> bytes:
    columns = len(data.reports)
    with _figure(min(5.5 + 0.6 * columns, 16.0), 5.8) as (figure, _matplotlib):
        axes = figure.add_subplot()
        grid = [[sum(data.total(n, r)) for r in data.reports] for n, _iri, _label in data.goals]
        top = max((max(row) for row in grid), default=0) or 1
        axes.imshow(grid, aspect="auto", cmap="Blues", vmin=0, vmax=top * 1.3, interpolation="nearest")
        for y, row in enumerate(grid):
            for x, count in enumerate(row):
                axes.text(
                    x,
                    y,
                    str(count) if count else "·",
                    ha="center",
                    va="center",
                    fontsize=8.5,
                    color="white" if count > top * 0.6 else "#333333",
                )
        axes.set_yticks(range(len(labels)), labels, fontsize=8.5)
        _report_columns(axes, data.reports)
        _grid(axes, len(labels), columns)
        figure.suptitle("SDG coverage per report\nclaims' alignments with each goal, stated and inferred", fontsize=11)
        return picture_bytes(figure, fmt)


def draw_findings(data: FindingCounts, fmt: str) -> bytes:
    """Shapes (rows) by report (columns): how many findings each shape makes, coloured by severity."""
    from matplotlib.colors import to_rgba

    if not data.shapes:
        raise InputError("validate finds nothing in the graph: no findings to plot")
    labels = [f"{shorten(label, 60)} ({severity.lower()})" for _iri, label, severity in data.shapes]
    columns = len(data.reports)
    with _figure(min(5.5 + 0.6 * columns, 16.0), 1.7 + 0.34 * len(labels)) as (figure, _matplotlib):
        from matplotlib.patches import Patch

        axes = figure.add_subplot()
        top = max(data.counts.values())
        image, notes = [], []
        for iri, _label, severity in data.shapes:
            row = []
            for report in data.reports:
                count = data.counts.get((report, iri), 0)
                row.append(to_rgba(SEVERITY_COLOURS[severity], 0.25 + 0.75 * count / top) if count else (1, 1, 1, 1))
                notes.append((len(image), len(row) - 1, count))
            image.append(row)
        axes.imshow(image, aspect="auto", interpolation="nearest")
        for y, x, count in notes:
            axes.text(x, y, str(count) if count else "·", ha="center", va="center", fontsize=9)
        axes.set_yticks(range(len(labels)), labels, fontsize=9)
        _report_columns(axes, data.reports)
        _grid(axes, len(labels), columns)
        used = sorted({s for _i, _l, s in data.shapes}, key=list(SEVERITY_COLOURS).index)
        figure.legend(
            handles=[Patch(color=SEVERITY_COLOURS[s], label=s.lower()) for s in used],
            loc="outside lower center",
            ncol=3,
            frameon=False,
            fontsize=9,
        )
        figure.suptitle("Findings of csrkg validate by shape", fontsize=12)
        return picture_bytes(figure, fmt)
