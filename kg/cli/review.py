"""``csrkg review``: the drafted entries of a report folder that most need a person, most pressing first."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.validate.review import CATEGORIES, DEFAULT_THRESHOLD, review_queue


@click.command("review")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="Catalogue readings below this confidence are listed.",
)
def review(folder: Path, fmt: str, threshold: float) -> None:
    """List what most needs a human in FOLDER's drafted claims, one line each with the entry's file:line.

    In this order: low-confidence catalogue mappings, figures without a catalogue metric,
    possible duplicates (the same value and unit in two drafted claims), conflicts with curated
    claims (drafted claims left out for curated ones that read the text otherwise), and
    validation findings.
    """
    items = review_queue(folder, threshold)
    if fmt == "json":
        click.echo(json.dumps([i.as_dict() for i in items], indent=1, ensure_ascii=False))
    else:
        for item in items:
            click.echo(item.text())
    counts = ", ".join(f"{sum(i.category == c for i in items)} {c}" for c in CATEGORIES)
    click.echo(f"{folder}: {len(items)} to review ({counts})", err=True)
