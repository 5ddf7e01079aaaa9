"""Curated claims and definitions win over drafted ones of the same text or id (kg.ingest.loader)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.coverage import table_lines
from kg.ingest.loader import load_report

# Drafted claims over the mini report's text: one quotes part of the curated "rd" claim's
# sentence, one quotes the whole "committee" sentence, one quotes text no curated claim anchors.
DRAFTED = """\
entities:
  - {id: quality-committee, type: Committee, label: The Quality Committee, unit_of: sample-co}
  - {id: sampleland, type: Place, label: Sampleland}
metrics:
  - {id: rd-investment, label: Investment in R&D, drafted: true}
  - {id: r-d-spend, label: R&D spend, drafted: true}
claims:
  - id: draft-55
    kind: quantitative
    quote: "Sample Co invested approximately RMB7.5 billion in R&D."
    observations:
      - {metric: r-d-spend, figure: approximately RMB7.5 billion}
    review: drafted
  - id: draft-111
    kind: governance
    quote: Sample Co set up a Quality Committee.
    review: drafted
  - id: draft-coverage
    kind: policy
    quote: >-
      Unless otherwise specified, environmental key performance indicators cover the Group's
      main offices in Sampleland.
    about: [sampleland]
    review: drafted
"""


def _with_drafted(folder: Path, sheet: str) -> Path:
    (folder / "claims" / "drafted.yaml").write_text(sheet, encoding="utf-8")
    return folder


def test_drafted_claims_of_curated_text_are_left_out(make_report: Callable[..., Path]) -> None:
    report = load_report(_with_drafted(make_report(), DRAFTED))
    assert [(s.claim.id, s.winners) for s in report.superseded] == [
        ("draft-55", ("rd",)),
        ("draft-111", ("committee",)),
    ]
    assert "draft-55" not in report.claims and "draft-111" not in report.claims
    assert report.claims["draft-coverage"].about == ("sampleland",)
    # The curated claim keeps its own reading: its metric, not the drafted one.
    assert [o.metric for o in report.claims["rd"].observations] == ["rd-investment"]
    assert table_lines(report)[-1] == (
        "sample-2019: drafted.yaml: 2 drafted claims (1 observations) left out for curated claims of the"
        " same text, 2 drafted definitions for curated ones"
    )


def test_curated_definitions_win_over_drafted_ones(make_report: Callable[..., Path]) -> None:
    report = load_report(_with_drafted(make_report(), DRAFTED))
    assert report.shadowed == ["entity:quality-committee", "metric:rd-investment"]
    assert report.entities["quality-committee"].label == "Quality Committee"
    assert report.metrics["rd-investment"].label == "R&D investment"
    assert report.origins["entity:quality-committee"].endswith("sheet.yaml:3")
    assert report.entities["sampleland"].label == "Sampleland"


def test_a_reviewed_drafted_claim_wins_over_a_drafted_one(make_report: Callable[..., Path]) -> None:
    reviewed = DRAFTED.replace("review: drafted\n", "review: reviewed\n", 3).replace(
        "  - id: draft-coverage",
        "  - id: draft-again\n    kind: policy\n    quote: main offices in Sampleland.\n"
        "    review: drafted\n  - id: draft-coverage",
        1,
    )
    report = load_report(_with_drafted(make_report(), reviewed))
    # The reviewed copies of the first two are curated now: they overlap curated ones and stay.
    assert {"draft-55", "draft-111", "draft-coverage"} <= set(report.claims)
    assert [(s.claim.id, s.winners) for s in report.superseded] == [("draft-again", ("draft-coverage",))]


def test_no_drafted_sheet_no_line(make_report: Callable[..., Path]) -> None:
    report = load_report(make_report())
    assert report.superseded == [] and report.shadowed == []
    assert not any("drafted.yaml" in line for line in table_lines(report))


def test_a_left_out_drafted_claim_is_still_checked(make_report: Callable[..., Path]) -> None:
    broken = DRAFTED.replace("figure: approximately RMB7.5 billion", "figure: RMB8 billion")
    with pytest.raises(InputError, match=r"drafted\.yaml:12: claim draft-55: figure 'RMB8 billion' is not a quantity"):
        load_report(_with_drafted(make_report(), broken))


def test_two_drafted_definitions_of_one_id_still_clash(make_report: Callable[..., Path]) -> None:
    twice = DRAFTED.replace(
        "  - {id: sampleland, type: Place, label: Sampleland}\n",
        "  - {id: sampleland, type: Place, label: Sampleland}\n  - {id: sampleland, type: Place, label: Sample land}\n",
    )
    with pytest.raises(
        InputError, match=r"drafted\.yaml:4: duplicate entity id 'sampleland' \(first defined at .*drafted\.yaml:3\)"
    ):
        load_report(_with_drafted(make_report(), twice))
