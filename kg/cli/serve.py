"""``csrkg serve``: the read-only SPARQL endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import InputError
from kg.rdf.native import NativeGraph, from_ntriples, load_file
from kg.sparql.endpoint import make_server


def _graph(file: Path | None) -> NativeGraph:
    """FILE loaded into Oxigraph with the ontology, or the bundled KG built by rdflib and handed over."""
    if file is not None:
        return load_file(file)
    from kg.rdf.build import build_graph

    return from_ntriples(build_graph().serialize(format="nt", encoding="utf-8"))


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1), help="Query time limit, s.")
@click.option("--max-rows", default=10000, show_default=True, type=click.IntRange(min=1), help="Result-size limit.")
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(min=1),
    help="Queries evaluated at once, each in its own process (default: one per CPU); others wait.",
)
def serve(file: Path | None, host: str, port: int, timeout: float, max_rows: int, workers: int | None) -> None:
    """Serve FILE (default: the bundled KG) as a read-only SPARQL endpoint at /sparql."""
    graph = _graph(file)
    try:
        server = make_server(graph, host, port, timeout, max_rows, workers)
    except OSError as exc:  # the port is taken, the host unknown or not this machine's
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"serving {len(graph)} triples at http://{bound_host}:{bound_port}/sparql", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
