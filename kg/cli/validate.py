"""``csrkg validate``: a graph or report folders against the SHACL shapes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import check_scheduler, load_graph, output_file
from kg.cli.progress import progress
from kg.rdf.build import write_atomically
from kg.rdf.corpus import validate_corpus
from kg.validate.report import render, render_many
from kg.validate.shacl import Validation, shapes_from, validate_graph


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "turtle", "json"]),
    default="text",
    show_default=True,
    help="text for people, turtle for the W3C SHACL report, json for scripts.",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "-s",
    "--shapes",
    "shape_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="RDF file of SHACL shapes to add to csr-kg's (repeatable).",
)
@click.option("--replace-shapes", is_flag=True, help="Validate with the --shapes files only, without csr-kg's.")
@click.option(
    "--allow-warnings/--strict",
    "allow_warnings",
    default=True,
    show_default=True,
    help="Whether warnings leave the graph conforming (--strict: warnings fail too, as in pySHACL "
    "without --allow-warnings). Infos never fail.",
)
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes for report folders.")
@click.option(
    "--scheduler",
    default=None,
    callback=check_scheduler,
    help="Validate the report folders on this Dask cluster (tcp://host:port); needs csr-kg[distributed].",
)
def validate(
    paths: tuple[Path, ...],
    fmt: str,
    out: Path | None,
    shape_files: tuple[Path, ...],
    replace_shapes: bool,
    allow_warnings: bool,
    jobs: int | None,
    scheduler: str | None,
) -> None:
    """Validate an RDF FILE, or REPORT_DIRS one report at a time (default: the bundled KG).

    Exit status: 0 without violations (warnings fail only with --strict; infos never), 1 with
    violations, 2 for a usage or input error.
    """
    if replace_shapes and not shape_files:
        raise click.UsageError("--replace-shapes needs at least one --shapes file")
    if out is not None:
        output_file(out)
    shapes = shapes_from(tuple(shape_files), replace_shapes) if shape_files else None
    if scheduler is not None and not (paths and all(path.is_dir() for path in paths)):
        raise click.UsageError("--scheduler validates report folders: give REPORT_DIRS")
    if len(paths) > 1 or (paths and paths[0].is_dir()):
        if not all(path.is_dir() for path in paths):
            raise click.UsageError("give one RDF file, or report folders only")
        results: dict[str, Validation] = {}
        with progress(len(paths), "validating") as done:
            for item in validate_corpus(
                paths,
                jobs=jobs,
                shapes=shape_files,
                replace=replace_shapes,
                allow_warnings=allow_warnings,
                scheduler=scheduler,
            ):
                results[item.report_id] = item.validation()
                done()
        _emit(render_many(results, fmt), out)
        sys.exit(0 if all(result.conforms for result in results.values()) else 1)
    result = validate_graph(load_graph(paths[0] if paths else None), shapes, allow_warnings)
    _emit(render(result, fmt), out)
    sys.exit(0 if result.conforms else 1)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomically(out, text.encode("utf-8"))
        click.echo(f"wrote {out}", err=True)
