"""``csrkg validate``: a graph or report folders against the SHACL shapes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import InputFailure, load_graph
from kg.errors import InputError
from kg.rdf.corpus import validate_corpus
from kg.validate.report import render, render_many
from kg.validate.shacl import validate_graph


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "turtle", "json"]),
    default="text",
    show_default=True,
    help="text for people, turtle for the W3C SHACL report, json for scripts.",
)
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes for report folders.")
def validate(paths: tuple[Path, ...], fmt: str, jobs: int | None) -> None:
    """Validate an RDF FILE, or REPORT_DIRS one report at a time (default: the bundled KG).

    Exit status: 0 without violations (warnings and infos do not fail), 1 with violations,
    2 for a usage or input error.
    """
    if len(paths) > 1 or (paths and paths[0].is_dir()):
        if not all(path.is_dir() for path in paths):
            raise click.UsageError("give one RDF file, or report folders only")
        try:
            results = {item.report_id: item.validation() for item in validate_corpus(paths, jobs=jobs)}
        except InputError as exc:
            raise InputFailure(str(exc)) from None
        click.echo(render_many(results, fmt), nl=False)
        sys.exit(0 if all(result.conforms for result in results.values()) else 1)
    result = validate_graph(load_graph(paths[0] if paths else None))
    click.echo(render(result, fmt), nl=False)
    sys.exit(0 if result.conforms else 1)
