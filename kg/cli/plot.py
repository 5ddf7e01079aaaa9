"""``csrkg plot``: pictures of a graph's figures, KPI disclosure, SDG coverage and validation findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.cli.common import output_file
from kg.errors import InputError
from kg.extras import require
from kg.outputs import plots
from kg.outputs.tables import native_graph
from kg.rdf.build import write_atomically

_SOURCE = click.argument("source", required=False, metavar="[FILE | STORE]", type=click.Path(path_type=Path))


def _options(default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--out, --format, --report and --quiet, shared by every kind of picture."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(
            (
                click.option(
                    "-o",
                    "--out",
                    type=click.Path(dir_okay=False, path_type=Path),
                    default=None,
                    help=f"File to write (default: {default}.png or {default}.svg).",
                ),
                click.option(
                    "-f",
                    "--format",
                    "fmt",
                    type=click.Choice(plots.FORMATS, case_sensitive=False),
                    default=None,
                    help="png or svg (default: from --out's extension, else png).",
                ),
                click.option(
                    "--report",
                    "reports",
                    multiple=True,
                    metavar="ID",
                    help="Only this report (repeat for more); default: every report.",
                ),
                click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors."),
            )
        ):
            command = option(command)
        return command

    return decorate


def _target(out: Path | None, fmt: str | None, default: str) -> tuple[Path, str]:
    """Where the picture goes and in which format; matplotlib is checked before any work is done."""
    require("matplotlib", "plots", "csrkg plot")
    if fmt is None:
        suffix = out.suffix.lower().lstrip(".") if out is not None else "png"
        if suffix not in plots.FORMATS:
            raise InputError(f"{out}: give --format png or svg, or an --out ending .png or .svg")
        fmt = suffix
    return output_file(out or Path(f"{default}.{fmt.lower()}")), fmt.lower()


def _write(path: Path, data: bytes, quiet: bool, what: str) -> None:
    write_atomically(path, data)
    if not quiet:
        click.echo(f"wrote {path} ({what})", err=True)


@click.group("plot")
def plot() -> None:
    """Draw a picture of FILE or STORE (default: the bundled KG) as PNG or SVG (needs csr-kg[plots])."""


@plot.command("metric")
@click.argument("metric")
@_SOURCE
@click.option("--year", type=int, default=None, help="Bars per company for this year (default: lines across years).")
@_options("METRIC")
def metric_command(
    metric: str,
    source: Path | None,
    year: int | None,
    out: Path | None,
    fmt: str | None,
    reports: tuple[str, ...],
    quiet: bool,
) -> None:
    """A catalogue METRIC (short name or IRI) in its canonical unit: a line per company across years.

    Approximate figures (approximately, over, up to ...) are drawn hollow, with their qualifier.
    """
    path, chosen = _target(out, fmt, metric.rsplit("/", 1)[-1])
    series = plots.metric_series(native_graph(source), metric, reports)
    shown = [p for p in series.points if year is None or p.year == year]
    _write(path, plots.draw_metric(series, chosen, year), quiet, f"{len(shown)} figures")


@plot.command("disclosure")
@_SOURCE
@_options("disclosure")
def disclosure_command(
    source: Path | None, out: Path | None, fmt: str | None, reports: tuple[str, ...], quiet: bool
) -> None:
    """Guide KPIs by report: with figures, in words only, or not disclosed (saved query kpi-disclosure)."""
    path, chosen = _target(out, fmt, "disclosure")
    data = plots.disclosure(native_graph(source), reports)
    _write(path, plots.draw_disclosure(data, chosen), quiet, f"{len(data.reports)} reports x {len(data.kpis)} KPIs")


@plot.command("sdgs")
@_SOURCE
@click.option("--per-report", is_flag=True, help="A goal-by-report table instead of bars for the whole corpus.")
@_options("sdgs")
def sdgs_command(
    source: Path | None,
    per_report: bool,
    out: Path | None,
    fmt: str | None,
    reports: tuple[str, ...],
    quiet: bool,
) -> None:
    """Claims' alignments with each SDG, stated and inferred, for the corpus or per report."""
    path, chosen = _target(out, fmt, "sdgs")
    data = plots.sdg_coverage(native_graph(source), reports)
    _write(path, plots.draw_sdgs(data, chosen, per_report), quiet, f"{len(data.reports)} reports")


@plot.command("findings")
@_SOURCE
@_options("findings")
def findings_command(
    source: Path | None, out: Path | None, fmt: str | None, reports: tuple[str, ...], quiet: bool
) -> None:
    """The findings of csrkg validate per report, counted by shape and coloured by severity."""
    from kg import api

    path, chosen = _target(out, fmt, "findings")
    if source is not None and not source.exists():
        raise InputError(f"{source}: no such file or store directory")
    data = plots.finding_counts(api.load(source), reports)
    _write(path, plots.draw_findings(data, chosen), quiet, f"{sum(data.counts.values())} findings")
