"""Shared fixtures: the bundled KG built once per session, and tiny report folders to break."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph

from kg.ingest.loader import load_reports
from kg.ingest.model import Report
from kg.rdf.build import build_graph
from kg.vocab.data import bundled_reports
from tests.support.mini import MINI_META, MINI_SHEET, MINI_TEXT


@pytest.fixture
def make_report(tmp_path: Path) -> Callable[..., Path]:
    """Write a report folder from (possibly broken) parts and return its path."""

    def make(
        text: str | bytes = MINI_TEXT, meta: str = MINI_META, sheet: str = MINI_SHEET, name: str = "sample"
    ) -> Path:
        folder = tmp_path / name
        (folder / "claims").mkdir(parents=True)
        if isinstance(text, bytes):
            (folder / "report.txt").write_bytes(text)
        else:
            (folder / "report.txt").write_text(text, encoding="utf-8")
        (folder / "report.yaml").write_text(textwrap.dedent(meta), encoding="utf-8")
        (folder / "claims" / "sheet.yaml").write_text(sheet, encoding="utf-8")
        return folder

    return make


@pytest.fixture(scope="session")
def bundled() -> list[Report]:
    return load_reports(bundled_reports())


@pytest.fixture(scope="session")
def bundled_graph() -> Graph:
    return build_graph()
