"""``csrkg export``, ``docs``, ``graph`` and ``site``: the KG written for publishers and people."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from kg.cli.common import check_base, load_graph, output_file
from kg.errors import InputError
from kg.extras import require
from kg.ingest.loader import load_reports
from kg.outputs.docs import write_docs
from kg.outputs.export import export as export_graph
from kg.outputs.network import analyse
from kg.outputs.site import Page, report_ids, report_texts, write_graph_site, write_site
from kg.rdf.formats import FORMATS, format_names, format_of, rdf_format
from kg.rdf.iris import Minter
from kg.rdf.mapping import report_graph
from kg.vocab.data import bundled_reports
from kg.vocab.namespaces import DEFAULT_BASE


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(format_names(), case_sensitive=False),
    default=None,
    help="RDF format, by name or alias (default: from --out's extension, else turtle).",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: csr-kg with the format's extension, in the current directory).",
)
@click.option("--base", default=None, callback=check_base, help="Base IRI to move instance IRIs to (ends with / or #).")
@click.option("--endpoint", default=None, help="SPARQL endpoint to name in the VoID description.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def export(
    file: Path | None, fmt: str | None, out: Path | None, base: str | None, endpoint: str | None, quiet: bool
) -> None:
    """Export FILE (default: the bundled KG) in a standard RDF format, with a VoID + DCAT description."""
    if fmt is not None:
        chosen = rdf_format(fmt)
    elif out is not None:
        chosen = format_of(out)
    else:
        chosen = FORMATS["turtle"]
    target = output_file(out or Path("csr-kg" + chosen.extension))
    graph = load_graph(file)
    void = export_graph(graph, chosen.name, target, base, endpoint)
    if not quiet:
        click.echo(f"wrote {target} ({len(graph)} triples) and {void}", err=True)


@click.command()
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("ontology-docs"),
    show_default=True,
    help="Directory to write index.html to.",
)
def docs(out: Path) -> None:
    """Write HTML documentation of the ontology (pyLODE)."""
    click.echo(f"wrote {write_docs(out)}", err=True)


@click.command("graph")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("csr-kg-network"),
    show_default=True,
    help="Directory for network.graphml, metrics.json and the pictures.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def graph_command(file: Path | None, out: Path, quiet: bool) -> None:
    """Analyse FILE (default: the bundled KG) as a network of units, initiatives, issues and SDGs."""
    result = analyse(load_graph(file), out)
    if quiet:
        return
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


def _shown(pages: list[Page]) -> Iterator[Page]:
    """Pages as they are written, counted on a progress bar (only used when stderr is a terminal)."""
    with click.progressbar(pages, label="writing pages", file=sys.stderr) as bar:
        yield from bar


@click.command()
@click.argument("inputs", nargs=-1, metavar="[FILE | REPORT_DIR ...]", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("csr-kg-site"),
    show_default=True,
    help="Directory to write the site to.",
)
@click.option("--base", default=None, help="Base IRI of instance data (ends with / or #).")
@click.option(
    "--pictures",
    is_flag=True,
    help="Show SVG pictures on report, metric and SDG pages (needs matplotlib: csr-kg[plots]).",
)
def site(inputs: tuple[Path, ...], out: Path, base: str | None, pictures: bool) -> None:
    """Write a static linked-data site: a page (with Turtle and JSON-LD) per resource.

    The site shows a built graph FILE, or the KG of the REPORT_DIRs (default: the bundled
    reports). With a FILE, each quote is shown in its paragraph of the report text found in the
    REPORT_DIRs given or the bundled folders (a folder is the report's when its report.txt has
    the SHA-256 the graph records); without the text, within the prefix and suffix the graph holds.
    """
    progress = _shown if sys.stderr.isatty() else None
    if pictures:
        require("matplotlib", "plots", "csrkg site --pictures")  # before anything is written
    files = [p for p in inputs if not p.is_dir()]
    folders = [p for p in inputs if p.is_dir()]
    if len(files) > 1:
        raise InputError(f"site shows one graph FILE, got {len(files)}: {', '.join(map(str, files))}")
    try:
        if files:
            graph = load_graph(files[0])
            texts: dict[str, str] = {}
            for folder in folders:
                found = report_texts(graph, [folder])
                if not found:
                    raise InputError(f"{folder}: its report.txt is the text of no report in {files[0]}")
                texts = {**found, **texts}
            texts = {**report_texts(graph, bundled_reports()), **texts}
            pages = write_graph_site(graph, out, texts, base or DEFAULT_BASE, progress, pictures)
            for report in sorted(set(report_ids(graph)) - set(texts)):
                click.echo(
                    f"note: no text found for report {report} (give its folder): "
                    "its quotes are shown within the prefix and suffix the graph records",
                    err=True,
                )
        else:
            reports = load_reports(folders or bundled_reports())
            graph = report_graph(reports, Minter(base) if base else Minter())
            pages = write_site(reports, graph, out, base or DEFAULT_BASE, progress, pictures)
    except InputError:
        raise
    except ValueError as exc:  # an IRI the site cannot mirror as a path
        raise InputError(str(exc)) from None
    click.echo(f"wrote {pages} resource pages and {out / 'index.html'}", err=True)
