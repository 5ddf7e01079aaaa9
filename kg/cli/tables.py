"""``csrkg table`` and ``csrkg panel``: the KG's figures as CSV (with CSVW metadata) or Parquet."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import output_file
from kg.outputs.csvw import metadata, write_metadata
from kg.outputs.panel import NOT_DISCLOSED, panel
from kg.outputs.tables import Table, facts, native_graph, report_iris, write_csv, write_parquet

_SOURCE = click.argument("source", required=False, metavar="[FILE | STORE]", type=click.Path(path_type=Path))
_FORMAT = click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["csv", "parquet"], case_sensitive=False),
    default=None,
    help="csv (with a CSVW .csv-metadata.json beside it) or parquet (needs csr-kg[tables]); "
    "default: from --out's extension, else csv.",
)
_REPORT = click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="ID",
    help="Only this report (repeat for more); default: every report.",
)


def _format(fmt: str | None, out: Path | None) -> str:
    if fmt is not None:
        return fmt.lower()
    return "parquet" if out is not None and out.suffix.lower() == ".parquet" else "csv"


def _write(
    table: Table,
    path: Path,
    fmt: str,
    title: str,
    description: str,
    sources: list[str],
    about: str | None,
    null: tuple[str, ...] = ("",),
) -> list[Path]:
    """Write the table; a CSV gets its CSVW metadata beside it."""
    if fmt == "parquet":
        write_parquet(table, path)
        return [path]
    write_csv(table, path)
    document = metadata(path.name, table.columns, title, description, sources, about, null)
    return [path, write_metadata(path, document)]


@click.command("table")
@_SOURCE
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: facts.csv or facts.parquet).",
)
@_FORMAT
@_REPORT
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def table_command(
    source: Path | None, out: Path | None, fmt: str | None, reports: tuple[str, ...], quiet: bool
) -> None:
    """One row per observation of FILE or STORE (default: the bundled KG), traceable to its claim."""
    chosen = _format(fmt, out)
    target = output_file(out or Path(f"facts.{chosen}"))
    graph = native_graph(source)
    table = facts(graph, reports)
    written = _write(
        table,
        target,
        chosen,
        "csr-kg fact table",
        "One row per observation of the csr-kg knowledge graph: the figure as printed and in its catalogue metric's "
        "canonical unit, with the claim, quote and page it was printed in.",
        report_iris(graph, reports),
        "observation",
    )
    if not quiet:
        click.echo(f"wrote {written[0]} ({len(table.rows)} rows)" + "".join(f" and {p}" for p in written[1:]), err=True)


@click.command("panel")
@_SOURCE
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Wide form to write (default: panel.csv or panel.parquet).",
)
@click.option(
    "--long",
    "long_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Long form to write (default: the wide form's name with -long).",
)
@_FORMAT
@_REPORT
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def panel_command(
    source: Path | None, out: Path | None, long_out: Path | None, fmt: str | None, reports: tuple[str, ...], quiet: bool
) -> None:
    """One row per report (company, year), one column per catalogue metric in its canonical unit, and a long form.

    An empty cell is a value the report does not give; not-disclosed one it says it does not disclose.
    """
    chosen = _format(fmt, out)
    wide_path = output_file(out or Path(f"panel.{chosen}"))
    long_path = output_file(long_out or wide_path.with_name(f"{wide_path.stem}-long{wide_path.suffix}"))
    graph = native_graph(source)
    made = panel(graph, reports)
    sources = report_iris(graph, reports)
    written = _write(
        made.wide,
        wide_path,
        chosen,
        "csr-kg company-year panel",
        f"One row per report, one column per catalogue metric in its canonical unit; {NOT_DISCLOSED} where the "
        "report says it does not disclose the figure, empty where it gives none (see the long form).",
        sources,
        "report_iri",
        ("", NOT_DISCLOSED),
    )
    written += _write(
        made.long,
        long_path,
        chosen,
        "csr-kg company-year panel, long form",
        "One row per report and catalogue metric the report speaks of: its status, value and the observations "
        "and claims behind it.",
        sources,
        None,
    )
    if not quiet:
        click.echo(
            f"wrote {len(made.wide.rows)} reports x {len(made.wide.columns) - 5} metrics: "
            + ", ".join(map(str, written)),
            err=True,
        )
