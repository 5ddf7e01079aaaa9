"""The ``csrkg`` command line."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from xml.sax import SAXException

import click
from pyparsing import ParseException
from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.ingest.coverage import coverage as report_coverage
from kg.ingest.loader import load_reports
from kg.ingest.sheet import InputError
from kg.outputs.docs import write_docs
from kg.outputs.export import FORMATS as EXPORT_FORMATS
from kg.outputs.export import export as export_graph
from kg.outputs.network import analyse
from kg.outputs.site import write_site
from kg.rdf.build import build_graph, serialise, write_atomically
from kg.rdf.corpus import STREAM_SUFFIXES, build_corpus, validate_corpus
from kg.rdf.iris import Minter
from kg.rdf.mapping import report_graph
from kg.rdf.readers import UntrustedInputError, read_rdf
from kg.rdf.store import StoreError, open_graph
from kg.sparql.endpoint import make_server
from kg.sparql.remote import RemoteError, RetryPolicy, run_remote
from kg.sparql.remote import publish as publish_graph
from kg.sparql.results import FORMATS, render_rows
from kg.sparql.saved import QueryError, find_query, run_local, saved_queries
from kg.validate.report import render, render_many
from kg.validate.shacl import validate_graph
from kg.vocab.data import bundled_reports
from kg.vocab.namespaces import DEFAULT_BASE
from kg.vocab.ontology import with_ontology

DEFAULT_OUT = Path("csr-kg.ttl")


class InputFailure(click.ClickException):
    """Bad input: a one-line message on stderr and exit status 2 (1 is kept for violations)."""

    exit_code = 2


def load_graph(file: Path | None) -> Graph:
    """The graph in ``file``, or the bundled KG built in memory when no file is given."""
    try:
        if file is None:
            return build_graph()
        return read_rdf(file)
    except InputError as exc:
        raise InputFailure(str(exc)) from None
    except FileNotFoundError:
        raise InputFailure(f"{file}: file not found") from None
    except UntrustedInputError as exc:
        raise InputFailure(f"{file}: refused: {exc}") from None
    except (SyntaxError, ValueError, BadSyntax, SAXException) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputFailure(f"{file}: not a parsable RDF file: {first}") from None


def _exit_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM would end Python without unwinding; exiting instead runs the cleanups (temporary
    files of atomic writes are removed, servers closed)."""
    sys.exit(128 + signum)


@click.group()
@click.version_option(package_name="csr-kg")
@click.pass_context
def main(ctx: click.Context) -> None:
    """csr-kg: corporate social responsibility claims as a traceable knowledge graph."""
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
        restore = previous if previous is not None else signal.SIG_DFL
        ctx.call_on_close(lambda: signal.signal(signal.SIGTERM, restore))


@main.command()
@click.argument("report_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"File to write: Turtle (.ttl, default {DEFAULT_OUT}), or N-Triples (.nt) or N-Quads (.nq), "
    "which are streamed report by report for corpora.",
)
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also load the graph and the ontology into an on-disk Oxigraph store in this directory.",
)
@click.option("--base", default=None, help="Base IRI of instance data (ends with / or #).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core).")
def build(
    report_dirs: tuple[Path, ...], out: Path | None, store: Path | None, base: str | None, jobs: int | None
) -> None:
    """Build the bundled report(s), or the given REPORT_DIRS, into a graph."""
    folders = list(report_dirs) or bundled_reports()
    try:
        if store is not None or (out is not None and out.suffix in STREAM_SUFFIXES):
            stats = build_corpus(folders, out, store, base or DEFAULT_BASE, jobs)
            written = " and ".join(str(p) for p in (out, store) if p is not None)
            click.echo(f"wrote {written} ({stats.reports} reports, {stats.triples} triples)", err=True)
            return
        graph = build_graph(folders, base)
    except (InputError, ValueError) as exc:
        raise InputFailure(str(exc)) from None
    out = out or DEFAULT_OUT
    write_atomically(out, serialise(graph))
    click.echo(f"wrote {out} ({len(graph)} triples)", err=True)


@main.command()
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
    try:
        reports = load_reports(list(report_dirs) or bundled_reports())
    except InputError as exc:
        raise InputFailure(str(exc)) from None
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


@main.command()
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


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--param")
        values[name] = value
    return values


@main.command()
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


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--store", required=True, help="SPARQL 1.1 Graph Store Protocol URL, e.g. http://localhost:7878/store")
@click.option("--graph", "graph_iri", default=None, help="Named graph IRI to replace (default: the default graph).")
@click.option(
    "--update",
    default=None,
    help="SPARQL Update URL of the store (default: beside --store, e.g. http://localhost:7878/update).",
)
@click.option("--user", default=None, help="User name for HTTP basic authentication.")
@click.option("--password", default=None, help="Password for HTTP basic authentication.")
@click.option("--timeout", default=300.0, show_default=True, type=click.FloatRange(min=0.1), help="Per request, s.")
@click.option(
    "--attempts",
    default=4,
    show_default=True,
    type=click.IntRange(min=1),
    help="Tries per request after dropped connections, timeouts and 5xx answers.",
)
def publish(
    file: Path | None,
    store: str,
    graph_iri: str | None,
    update: str | None,
    user: str | None,
    password: str | None,
    timeout: float,
    attempts: int,
) -> None:
    """Replace a store's graph with FILE (default: the bundled KG), ontology included.

    The graph is uploaded into a staging graph and moved over the target by one SPARQL Update,
    so a failure half-way leaves the previous graph in place.
    """
    graph = with_ontology(load_graph(file))
    policy = RetryPolicy(attempts=attempts, timeout=timeout)
    try:
        how = publish_graph(graph, store, graph_iri, user, password, update=update, policy=policy)
    except RemoteError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"published {len(graph)} triples to {store} ({'staged and moved' if how == 'moved' else 'PUT'})", err=True
    )


@main.command()
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
    graph = with_ontology(load_graph(file))
    server = make_server(graph, host, port, timeout, max_rows, workers)
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"serving {len(graph)} triples at http://{bound_host}:{bound_port}/sparql", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), default="turtle", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: csr-kg with the format's extension, in the current directory).",
)
@click.option("--base", default=None, help="Base IRI to move instance IRIs to (ends with / or #).")
@click.option("--endpoint", default=None, help="SPARQL endpoint to name in the VoID description.")
def export(file: Path | None, fmt: str, out: Path | None, base: str | None, endpoint: str | None) -> None:
    """Export FILE (default: the bundled KG) in a standard RDF format, with a VoID + DCAT description."""
    graph = load_graph(file)
    target = out or Path("csr-kg" + EXPORT_FORMATS[fmt][1])
    try:
        void = export_graph(graph, fmt, target, base, endpoint)
    except ValueError as exc:
        raise InputFailure(str(exc)) from None
    click.echo(f"wrote {target} ({len(graph)} triples) and {void}", err=True)


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("ontology-docs"),
    show_default=True,
    help="Directory to write index.html to.",
)
def docs(out: Path) -> None:
    """Write HTML documentation of the ontology (pyLODE)."""
    click.echo(f"wrote {write_docs(out)}", err=True)


@main.command("graph")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("csr-kg-network"),
    show_default=True,
    help="Directory for network.graphml, metrics.json and the pictures.",
)
def graph_command(file: Path | None, out: Path) -> None:
    """Analyse FILE (default: the bundled KG) as a network of units, initiatives, issues and SDGs."""
    result = analyse(load_graph(file), out)
    metrics = result.metrics()
    click.echo(
        f"{metrics['nodes']} nodes, {metrics['edges']} edges; "
        f"{metrics['unlinked_initiatives_count']} initiatives linked to nothing"
    )
    for kind in ("sdg", "committee", "material_issue"):
        top = result.centrality.get(kind, {}).get("betweenness", [])
        names = ", ".join(f"{s.label} ({s.betweenness:.4f})" for s in top[:3]) or "none"
        click.echo(f"most between {kind}: {names}")
    for path in sorted(result.files.values()):
        click.echo(f"wrote {path}", err=True)


@main.command()
@click.argument("report_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Directory to write the site to."
)
@click.option("--base", default=None, help="Base IRI of instance data (ends with / or #).")
def site(report_dirs: tuple[Path, ...], out: Path, base: str | None) -> None:
    """Write a static linked-data site: a page (with Turtle and JSON-LD) per resource."""
    try:
        reports = load_reports(list(report_dirs) or bundled_reports())
        graph = report_graph(reports, Minter(base) if base else Minter())
    except (InputError, ValueError) as exc:
        raise InputFailure(str(exc)) from None
    pages = write_site(reports, graph, out, base or DEFAULT_BASE)
    click.echo(f"wrote {pages} resource pages and {out / 'index.html'}", err=True)


def run() -> None:
    main(prog_name="csrkg")


if __name__ == "__main__":
    sys.exit(run())
