"""The ``csrkg`` command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.build import build_graph, serialise, write_atomically
from kg.sheet import InputError

DEFAULT_OUT = Path("csr-kg.ttl")


@click.group()
@click.version_option(package_name="csr-kg")
def main() -> None:
    """csr-kg: corporate social responsibility claims as a traceable knowledge graph."""


@main.command()
@click.argument("report_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Turtle file to write.")
@click.option("--base", default=None, help="Base IRI of instance data (ends with / or #).")
def build(report_dirs: tuple[Path, ...], out: Path, base: str | None) -> None:
    """Build the bundled report(s), or the given REPORT_DIRS, into Turtle."""
    try:
        graph = build_graph(list(report_dirs) or None, base)
    except (InputError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    write_atomically(out, serialise(graph))
    click.echo(f"wrote {out} ({len(graph)} triples)", err=True)


def run() -> None:
    main(prog_name="csrkg")


if __name__ == "__main__":
    sys.exit(run())
