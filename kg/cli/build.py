"""``csrkg build`` and ``csrkg coverage``: report folders into a graph, and what their claims cover."""

from __future__ import annotations

import shutil
import sys
import tempfile
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.common import DEFAULT_OUT, check_base, check_scheduler, output_file
from kg.cli.progress import progress
from kg.ingest.coverage import coverage as report_coverage
from kg.ingest.coverage import table_lines
from kg.ingest.loader import load_reports
from kg.ingest.sources import SOURCE_SUFFIXES
from kg.outputs.export import serialise
from kg.rdf.build import write_atomically
from kg.rdf.corpus import Checks, ReportValidation, build_corpus
from kg.rdf.formats import FORMATS, RdfFormat, format_of
from kg.rdf.iris import Minter
from kg.rdf.mapping import report_graph
from kg.validate.report import render_many
from kg.validate.shacl import Validation
from kg.vocab.data import bundled_reports
from kg.vocab.namespaces import DEFAULT_BASE
from kg.workers import absolute, in_order

if TYPE_CHECKING:
    from kg.ingest.draft import Draft, Given

# N-Triples and N-Quads are written report by report, so a corpus never sits in memory whole.
STREAMED = ("ntriples", "nquads")


@click.command()
@click.argument("report_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"File to write (default {DEFAULT_OUT}); its extension names the format: "
    + ", ".join(f"{' '.join(f.extensions)} {f.name}" for f in FORMATS.values())
    + ". N-Triples and N-Quads are streamed report by report for corpora.",
)
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also load the graph and the ontology into an on-disk Oxigraph store in this directory.",
)
@click.option("--base", default=None, callback=check_base, help="Base IRI of instance data (ends with / or #).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core).")
@click.option(
    "--scheduler",
    default=None,
    callback=check_scheduler,
    help="Draft and map the reports on this Dask cluster (tcp://host:port) instead of local processes; "
    "its workers must see the same paths. Needs csr-kg[distributed].",
)
@click.option(
    "--validate",
    "validation",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also validate each report of a corpus build (.nt/.nq or --store) as it is mapped, loading it once "
    "for both, and write the report `csrkg validate` gives to this file: JSON for .json, the SHACL report "
    "in Turtle for .ttl, else text. Exit status 1 if a report does not conform.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors (no summary, no progress).")
@click.option("--company", default=None, help="For a SOURCE file: the company name (default: guessed).")
@click.option("--year", type=click.IntRange(1000, 9999), default=None, help="For a SOURCE file: the year.")
def build(
    report_dirs: tuple[Path, ...],
    out: Path | None,
    store: Path | None,
    base: str | None,
    jobs: int | None,
    scheduler: str | None,
    validation: Path | None,
    quiet: bool,
    company: str | None,
    year: int | None,
) -> None:
    """Build the bundled report(s), or the given REPORT_DIRS, into a graph.

    An argument that is a file (a .pdf, .html or .txt report) rather than a report folder is
    drafted first, as `csrkg draft` would, into a temporary folder removed after the build:
    the graph is the one `csrkg draft SOURCE` then `csrkg build` of its folder gives.

    Reports are drafted and mapped in local worker processes, or with --scheduler on a Dask
    cluster; the output is byte-identical either way. A corpus on a cluster is written as
    N-Triples or N-Quads (--out corpus.nt) or into a --store.
    """
    fmt = format_of(output_file(out)) if out is not None else FORMATS["turtle"]
    if scheduler is not None and store is None and fmt.name not in STREAMED:
        raise click.UsageError("--scheduler builds a corpus: write it with --out FILE.nt/.nq or --store DIR")
    if validation is not None and store is None and fmt.name not in STREAMED:
        raise click.UsageError("--validate validates a corpus build: write it with --out FILE.nt/.nq or --store DIR")
    if validation is not None:
        output_file(validation)
    with ExitStack() as stack:
        folders = _folders(list(report_dirs), company, year, quiet, stack, jobs, scheduler)
        results = _build(folders, fmt, out, store, base, jobs, quiet, scheduler, validation is not None)
    if validation is not None:
        fmt_of = {".json": "json", ".ttl": "turtle"}.get(validation.suffix.lower(), "text")
        write_atomically(validation, render_many(results, fmt_of).encode("utf-8"))
        if not quiet:
            click.echo(f"wrote {validation}", err=True)
        sys.exit(0 if all(result.conforms for result in results.values()) else 1)


def draft_source(path: Path, given: Given) -> Draft:
    """One source file drafted (the unit of work of a worker: only the folder's files travel back)."""
    from kg.ingest.draft import draft, read_source

    return draft(read_source(path), given)


def _folders(
    args: list[Path],
    company: str | None,
    year: int | None,
    quiet: bool,
    stack: ExitStack,
    jobs: int | None,
    scheduler: str | None,
) -> list[Path]:
    """The report folders to build: the arguments, each source file drafted into a temporary folder."""
    sources = [path for path in args if _is_source(path)]
    if not sources and (company is not None or year is not None):
        raise click.UsageError("--company and --year are for a SOURCE file to draft, not for report folders")
    if not args:
        return bundled_reports()
    if not sources:
        return args
    # The drafter is imported only when there is something to draft.
    from kg.ingest.draft import Given, write_folder

    drafts = in_order(
        partial(draft_source, given=Given(company=company, year=year)), absolute(sources, scheduler), jobs, scheduler
    )
    # One scratch directory for every drafted folder, each under its place among the sources:
    # folders are built in the order of their paths, so the random part of a scratch name must
    # be shared by all of them, or two drafted reports would be written in a random order.
    tmp = Path(tempfile.mkdtemp(prefix="csrkg-build-"))
    stack.callback(shutil.rmtree, tmp, ignore_errors=True)
    folders = []
    for path in args:
        if path not in sources:
            folders.append(path)
            continue
        drafted = next(drafts)
        folder = tmp / f"{len(folders):06d}" / drafted.report_id
        write_folder(folder, drafted.files, force=False)
        if not quiet:
            click.echo(f"{path}: drafted {drafted.claims} claims with {drafted.observations} figures", err=True)
        folders.append(folder)
    return folders


def _is_source(path: Path) -> bool:
    """Whether a build argument is a report file to draft (a folder, or a missing path without a
    report's suffix, is a report folder, and the loader says what is wrong with it)."""
    return path.is_file() or (not path.is_dir() and path.suffix.lower() in SOURCE_SUFFIXES)


def _build(
    folders: list[Path],
    fmt: RdfFormat,
    out: Path | None,
    store: Path | None,
    base: str | None,
    jobs: int | None,
    quiet: bool,
    scheduler: str | None,
    validate: bool = False,
) -> dict[str, Validation]:
    """Build the graph; with ``validate`` (a corpus build), each report's validation by report id."""
    results: dict[str, Validation] = {}

    def validated(item: ReportValidation) -> None:
        results[item.report_id] = item.validation()

    if store is not None or fmt.name in STREAMED:
        streamed = out if fmt.name in STREAMED else None
        checks = Checks() if validate else None
        with progress(0 if quiet else len(folders), "building") as done:
            stats = build_corpus(
                folders, streamed, store, base or DEFAULT_BASE, jobs, done, scheduler, checks, validated
            )
        if out is not None and streamed is None:
            write_atomically(
                out, serialise(report_graph(load_reports(folders), Minter(base) if base else Minter()), fmt.name)
            )
        written = " and ".join(str(p) for p in (out, store) if p is not None)
        if not quiet:
            for line in stats.table_lines:
                click.echo(line, err=True)
            click.echo(f"wrote {written} ({stats.reports} reports, {stats.triples} triples)", err=True)
        return results
    reports = load_reports(folders)
    graph = report_graph(reports, Minter(base) if base else Minter())
    if not quiet:
        for report in reports:
            for line in table_lines(report):
                click.echo(line, err=True)
    out = out or DEFAULT_OUT
    write_atomically(out, serialise(graph, fmt.name))
    if not quiet:
        click.echo(f"wrote {out} ({len(graph)} triples)", err=True)
    return results


@click.command()
@click.argument("report_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--all", "show_all", is_flag=True, help="List covered mentions too.")
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    default=None,
    help="Exit 1 when fewer than this percentage of quantity mentions are covered.",
)
def coverage(report_dirs: tuple[Path, ...], show_all: bool, fail_under: float | None) -> None:
    """List each report's quantity mentions and the claim covering each."""
    reports = load_reports(list(report_dirs) or bundled_reports())
    failed = False
    for report in reports:
        cov = report_coverage(report)
        for row in cov.mentions:
            if row.claims and not show_all:
                continue
            status = ", ".join(row.claims) if row.claims else f"UNCOVERED ({row.reason or 'no reason given'})"
            click.echo(f"{cov.report}\tline {row.line}\t{row.mention.surface!r}\t{status}")
        others = ", ".join(f"{n} {kind}" for kind, n in cov.other_kinds.items())
        click.echo(
            f"{cov.report}: {cov.covered} of {len(cov.mentions)} quantity mentions covered "
            f"({cov.ratio:.1%}); not quantities: {others}"
        )
        failed |= fail_under is not None and cov.ratio * 100 < fail_under
    if failed:
        sys.exit(1)
