"""``csrkg query``: saved or given SPARQL queries on a graph, a store or an endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import load_graph
from kg.rdf.formats import format_names
from kg.rdf.store import open_graph
from kg.sparql.remote import run_remote
from kg.sparql.resolve import resolve_parameters
from kg.sparql.results import FORMATS, render_answer
from kg.sparql.saved import find_query, run_query, saved_queries
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
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Bind a parameter: a name the graph knows (sdg=9, report=xiaomi-2019, org=xiaomi), "
    'an IRI <...>, a literal "..."@en or a number.',
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
    "-f",
    "--format",
    "fmt",
    type=click.Choice([*FORMATS, *format_names()], case_sensitive=False),
    default=None,
    help="SELECT and ASK: table (default) for people; csv, tsv and json are the W3C SPARQL 1.1 results "
    "formats. CONSTRUCT and DESCRIBE: an RDF format (default turtle).",
)
def query(
    name: str | None,
    show_list: bool,
    params: tuple[str, ...],
    data: Path | None,
    store: Path | None,
    endpoint: str | None,
    fmt: str | None,
) -> None:
    """Run the saved query NAME, or any SPARQL .rq FILE, on the KG, a file, a store or an endpoint."""
    if show_list:
        for saved in saved_queries():
            names = ", ".join(p.name for p in saved.parameters) or "none"
            click.echo(f"{saved.name}\t{saved.title}\t(parameters: {names})")
        return
    if name is None:
        raise click.UsageError("give a query NAME or FILE.rq, or --list")
    if sum(option is not None for option in (data, store, endpoint)) > 1:
        raise click.UsageError("--data, --store and --endpoint exclude each other")
    saved = find_query(name)
    values = _params(params)
    if endpoint is not None:
        answer = run_remote(endpoint, saved, values)
    else:
        graph = open_graph(store) if store is not None else with_ontology(load_graph(data))
        answer = run_query(graph, saved, resolve_parameters(graph, saved, values))
    click.echo(render_answer(answer, fmt), nl=False)
