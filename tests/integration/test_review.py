"""``csrkg review`` and the saved query ``review-queue`` on a drafted fixture folder.

tests/fixtures/review-report holds one drafted entry of each kind the review lists: a broad and a
close catalogue reading, two figures of metrics no catalogue metric fits (with the same value and
unit, so a possible duplicate too), a drafted claim left out for a curated one of another kind
(and one of the same kind, which is no conflict), and an announced figure the text omits (a SHACL
warning).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.app import main
from kg.rdf.build import build_graph
from kg.sparql.saved import find_query, run_local
from kg.validate.review import review_queue
from kg.vocab.ontology import ontology_graph
from tests.support.paths import MINI_REPORT, REVIEW_REPORT

SHEET = REVIEW_REPORT / "claims" / "drafted.yaml"
EXPECTED = [
    f"{SHEET}:15: low-confidence mapping: figure '2.5 tonnes': metric 'Hazardous waste at the offices' read as "
    "hazardous-waste (broad match, confidence 0.6): The label 'Hazardous waste at the offices' printed in TONNE "
    'reads as hazardous waste generated: catalogue metric hazardous-waste; "at offices" narrows it to part of the '
    "company.",
    f"{SHEET}:33: low-confidence mapping: figure '12 tonnes': metric 'Hazardous waste produced by the plants' read "
    "as hazardous-waste (close match, confidence 0.7): The label 'Hazardous waste produced by the plants' printed "
    "in TONNE reads as hazardous waste generated: catalogue metric hazardous-waste; the words 'plants' are not read.",
    f"{SHEET}:21: no catalogue metric: figure '3,400': metric 'Meals served' fits no catalogue metric",
    f"{SHEET}:27: no catalogue metric: figure '3,400': metric 'Trees planted' fits no catalogue metric",
    f"{SHEET}:27: possible duplicate: figure '3,400' (3400 NUM) is also read in claim draft-119 ({SHEET}:21)",
    f"{SHEET}:35: conflict with curated: drafted as policy, left out for curated committee: governance",
    f'{SHEET}:43: validation: Warning: Announced figure missing: The report announces a figure for "Volunteer hours" '
    "but prints none.",
]


def test_review_lists_the_drafted_entries_most_pressing_first() -> None:
    result = CliRunner().invoke(main, ["review", str(REVIEW_REPORT)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == EXPECTED
    assert result.stderr == (
        f"{REVIEW_REPORT}: 7 to review (2 low-confidence mapping, 2 no catalogue metric, 1 possible duplicate, "
        "1 conflict with curated, 1 validation)\n"
    )


def test_review_as_json() -> None:
    result = CliRunner().invoke(main, ["review", str(REVIEW_REPORT), "--format", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [(i["category"], i["line"], i["claim"]) for i in items] == [
        ("low-confidence mapping", 15, "draft-64"),
        ("low-confidence mapping", 33, "draft-214"),
        ("no catalogue metric", 21, "draft-119"),
        ("no catalogue metric", 27, "draft-166"),
        ("possible duplicate", 27, "draft-166"),
        ("conflict with curated", 35, "draft-276"),
        ("validation", 43, "draft-319"),
    ]
    assert {i["file"] for i in items} == {str(SHEET)}
    assert items[1]["message"].startswith("figure '12 tonnes': metric 'Hazardous waste produced by the plants'")


def test_threshold_leaves_out_readings_at_or_above_it() -> None:
    items = review_queue(REVIEW_REPORT, threshold=0.65)
    low = [i for i in items if i.category == "low-confidence mapping"]
    # A close match is listed whatever its confidence: only exact ones at or above the threshold are not.
    assert [(i.claim, i.line) for i in low] == [("draft-64", 15), ("draft-214", 33)]


def test_a_curated_folder_has_nothing_drafted_to_review() -> None:
    assert [i.category for i in review_queue(MINI_REPORT)] == []


QUERY_ROWS = [
    ("greenfield-2021", 1, "low-confidence mapping", "draft-64", "2.5 tonnes",
     "Hazardous waste at the offices read as hazardous-waste (confidence 0.6)"),
    ("greenfield-2021", 1, "low-confidence mapping", "draft-214", "12 tonnes",
     "Hazardous waste produced by the plants read as hazardous-waste (confidence 0.7)"),
    ("greenfield-2021", 2, "no catalogue metric", "draft-119", "3,400", "Meals served"),
    ("greenfield-2021", 2, "no catalogue metric", "draft-166", "3,400", "Trees planted"),
    ("greenfield-2021", 3, "possible duplicate", "draft-166", "3,400", "same value and unit as claim draft-119"),
]  # fmt: skip


def test_review_queue_query_on_the_built_graph() -> None:
    result = run_local(build_graph([REVIEW_REPORT]) + ontology_graph(), find_query("review-queue"))
    assert [tuple(t.toPython() for t in row) for row in result.rows] == QUERY_ROWS


def test_review_queue_query_threshold_and_report_parameters() -> None:
    graph = build_graph([REVIEW_REPORT]) + ontology_graph()
    query = find_query("review-queue")
    rows = run_local(graph, query, {"threshold": "0.65"}).rows
    assert [(str(r[2]), str(r[3])) for r in rows] == [
        ("low-confidence mapping", "draft-64"),
        ("no catalogue metric", "draft-119"),
        ("no catalogue metric", "draft-166"),
        ("possible duplicate", "draft-166"),
    ]
    other = "<https://w3id.org/csr-kg/id/report/sample-2019>"
    assert run_local(graph, query, {"report": other}).rows == ()


def test_review_queue_query_in_oxigraph_gives_the_same_rows(tmp_path: Path) -> None:
    pytest.importorskip("pyoxigraph", reason="Oxigraph (the test extra) evaluates groups bottom-up, unlike rdflib")
    out = tmp_path / "kg.nt"
    assert CliRunner().invoke(main, ["build", str(REVIEW_REPORT), "--out", str(out), "-q"]).exit_code == 0
    result = CliRunner().invoke(main, ["query", "review-queue", "--store", str(out), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        ",".join(f'"{v}"' if "," in str(v) else str(v) for v in row) for row in QUERY_ROWS
    ]
