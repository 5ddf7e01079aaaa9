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

MINI_TEXT = """SAMPLE CO ESG REPORT

1. Overview

1.1 About

In 2019, Sample Co invested approximately RMB7.5 billion in R&D.
Sample Co set up a Quality Committee.
The number of connected devices reached

Table of Environmental Key Performance Indicators

Unless otherwise specified, environmental key performance indicators cover the Group's main offices in Sampleland.

1. Emissions

Direct GHG emissions (Scope 1) (tons)\t283.42
Hazardous waste per employee (tons per employee)\t0.000066
"""

MINI_META = """\
id: sample-2019
company: sample-co
title: Sample Co ESG Report 2019
year: 2019
standard: hkex-esg-guide-2019
curator: {name: Test curator}
"""

MINI_SHEET = """\
entities:
  - {id: sample-co, type: Organization, label: Sample Co}
  - {id: quality-committee, type: Committee, label: Quality Committee, unit_of: sample-co}
metrics:
  - {id: rd-investment, label: R&D investment}
  - {id: connected-devices, label: Connected devices}
claims:
  - id: rd
    kind: quantitative
    quote: "In 2019, Sample Co invested approximately RMB7.5 billion in R&D."
    observations:
      - {metric: rd-investment, figure: approximately RMB7.5 billion}
    sdgs:
      - {goal: 9, basis: inferred, rationale: R&D builds innovation capacity.}
  - id: committee
    kind: governance
    quote: Sample Co set up a Quality Committee.
    about: [quality-committee]
    links: {launched: [quality-committee]}
  - id: devices
    kind: quantitative
    quote: The number of connected devices reached
    missing_figure: connected-devices
"""


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
