"""``csrkg query``: saved or given SPARQL queries on a graph, a store or an endpoint."""

from __future__ import annotations

from pathlib import Path

import click
from pyparsing import ParseException

from kg.cli.common import InputFailure, load_graph
from kg.errors import QueryError, RemoteError, StoreError, UntrustedInputError
from kg.rdf.store import open_graph
from kg.sparql.remote import run_remote
from kg.sparql.results import FORMATS, render_rows
from kg.sparql.saved import find_query, run_local, saved_queries
from kg.vocab.ontology import with_ontology


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--param")
        values[name] = value
    return values


@click.command()
@click.argument("name", required=False)
@click.option("--list", "show_list", is_flag=True, help="List the saved queries.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help='Bind a parameter: an IRI <...>, a literal "..."@en or a number; other text is a string.',
)
@click.option(
    "--data", type=click.Path(dir_okay=False, path_type=Path), help="RDF file to query (default: bundled KG)."
)
@click.option(
    "--store",
    type=click.Path(path_type=Path),
    help="Oxigraph store directory (from csrkg build --store), or an .nt/.nq corpus to load into Oxigraph in memory.",
)
@click.option("--endpoint", help="SPARQL endpoint URL to query instead of a local graph.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table for people; csv, tsv and json are the W3C SPARQL 1.1 results formats.",
)
def query(
    name: str | None,
    show_list: bool,
    params: tuple[str, ...],
    data: Path | None,
    store: Path | None,
    endpoint: str | None,
    fmt: str,
) -> None:
    """Run the saved query NAME (or a .rq FILE) on the KG, a file or an endpoint."""
    if show_list:
        for saved in saved_queries():
            names = ", ".join(p.name for p in saved.parameters) or "none"
            click.echo(f"{saved.name}\t{saved.title}\t(parameters: {names})")
        return
    if name is None:
        raise click.UsageError("give a query NAME or FILE.rq, or --list")
    if sum(option is not None for option in (data, store, endpoint)) > 1:
        raise click.UsageError("--data, --store and --endpoint exclude each other")
    try:
        saved = find_query(name)
        values = _params(params)
        if endpoint is not None:
            rows = run_remote(endpoint, saved, values)
        elif store is not None:
            rows = run_local(open_graph(store), saved, values)
        else:
            rows = run_local(with_ontology(load_graph(data)), saved, values)
    except (QueryError, RemoteError, StoreError, UntrustedInputError) as exc:
        raise InputFailure(str(exc)) from None
    except ParseException as exc:
        raise InputFailure(f"{name}: not a SPARQL query: {exc}") from None
    click.echo(render_rows(rows, fmt), nl=False)
