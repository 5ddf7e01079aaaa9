"""``csrkg query``: saved or given SPARQL queries on a graph, a store or an endpoint.

A local graph is held and queried in Oxigraph (kg.rdf.native, kg.sparql.local); rdflib is
imported only where it is the tool: building the bundled KG when no file is given and writing
a CONSTRUCT answer (a name given for an IRI parameter is resolved on Oxigraph, kg.sparql.resolve).
"""

from __future__ import annotations

from pathlib import Path

import click
import pyoxigraph as ox

from kg.errors import StoreError
from kg.rdf.formats import format_names
from kg.rdf.native import NativeGraph, from_ntriples, load_file, open_native
from kg.sparql.local import run_native
from kg.sparql.queryfile import SavedQuery, find_query, saved_queries
from kg.sparql.results import FORMATS, render_answer


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
        from kg.sparql.remote import run_remote

        answer = run_remote(endpoint, saved, values)
    else:
        graph = _native_graph(data, store)
        answer = run_native(graph, saved, _resolved(graph, saved, values))
    click.echo(render_answer(answer, fmt), nl=False)


def _native_graph(data: Path | None, store: Path | None) -> NativeGraph:
    """The graph to query, in Oxigraph: a store directory opened read-only, a file loaded into
    memory, or the bundled KG built by rdflib and handed over as N-Triples."""
    if store is not None and store.is_dir():
        return NativeGraph(open_native(store))
    if store is not None:
        if store.suffix not in (".nt", ".nq"):
            raise StoreError(f"{store}: give an Oxigraph store directory or an .nt or .nq file")
        return load_file(store)
    if data is not None:
        return load_file(data)
    from kg.rdf.build import build_graph

    return from_ntriples(build_graph().serialize(format="nt", encoding="utf-8"))


def _resolved(graph: NativeGraph, saved: SavedQuery, values: dict[str, str]) -> dict[str, object]:
    """``values`` with a name given for an IRI parameter (``org=xiaomi``) resolved to the IRI, by
    kg.sparql.resolve on the Oxigraph store itself (no rdflib)."""
    from kg.sparql.lookups import NativeLookups
    from kg.sparql.resolve import resolved_names

    names = resolved_names(NativeLookups(graph), saved, values)
    return {**values, **{name: ox.NamedNode(iri) for name, iri in names.items()}}
