"""A drafted sheet beside the bundled report's curated ones: the build succeeds, the curated claims all stay.

The drafted copy names entities the curated sheets define (and the awards table creates), and
quotes most of the curated claims' text: the curated entries win, the rest of the draft is kept.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from click.testing import CliRunner

from kg.cli.app import main
from kg.ingest.loader import load_report
from kg.ingest.model import Observation
from kg.vocab.data import bundled_reports


def test_drafted_copy_of_the_bundled_report_builds_beside_its_curated_sheets(tmp_path: Path) -> None:
    bundled = bundled_reports()[0]
    folder = tmp_path / "report"
    shutil.copytree(bundled, folder)
    runner = CliRunner()
    drafted = runner.invoke(
        main,
        ["draft", str(folder / "report.txt"), "--out", str(tmp_path / "d"), "--company", "Xiaomi", "--year", "2019"],
    )
    assert drafted.exit_code == 0, drafted.output
    shutil.copy(tmp_path / "d" / "claims" / "drafted.yaml", folder / "claims" / "drafted.yaml")
    built = runner.invoke(main, ["build", str(folder), "--out", str(tmp_path / "kg.ttl")])
    assert built.exit_code == 0, built.output
    assert "drafted.yaml: " in built.output and "left out for curated claims of the same text" in built.output
    curated = load_report(bundled)
    merged = load_report(folder)
    assert set(curated.claims) <= set(merged.claims)
    for ident, claim in curated.claims.items():
        assert _relative(merged.claims[ident].observations, folder) == _relative(claim.observations, bundled)
    sheets = [i for i in curated.entities if "/claims/" in curated.origins[f"entity:{i}"]]
    assert len(sheets) > 100
    for ident in sheets:  # (those the awards table creates may take the drafted definition)
        assert merged.entities[ident] == curated.entities[ident]
    kept = set(merged.claims) - set(curated.claims)
    assert kept and all(merged.claims[i].review == "drafted" for i in kept)
    assert merged.superseded and all(s.claim.id not in merged.claims for s in merged.superseded)


def _relative(observations: tuple[Observation, ...], folder: Path) -> tuple[Observation, ...]:
    """The observations with their corrections' origins relative to the report folder (the copy's
    origins name the copy)."""
    prefix = str(folder)
    return tuple(
        dataclasses.replace(
            o, corrections=tuple(dataclasses.replace(c, origin=c.origin.removeprefix(prefix)) for c in o.corrections)
        )
        for o in observations
    )
