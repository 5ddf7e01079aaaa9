"""A drafted folder's entities: read once over the whole text, written to claims/drafted.yaml, and built.

The report is the invented Hong Kong property manager of tests/fixtures/draft-dev-entities.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS

from kg.cli.app import main
from kg.ingest.loader import load_report
from kg.vocab.namespaces import CSR, DEFAULT_BASE
from tests.support.paths import FIXTURES

SOURCE = FIXTURES / "draft-dev-entities" / "hk-property" / "report.txt"
OPTIONS = ["--company", "lionrock", "--year", "2022", "--title", "Lionrock Estates ESG Report 2022"]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("drafts") / "r"
    result = CliRunner().invoke(main, ["draft", str(SOURCE), "-o", str(out), *OPTIONS])
    assert result.exit_code == 0, result.output
    return out


def sheet(folder: Path) -> dict:
    return yaml.safe_load((folder / "claims" / "drafted.yaml").read_text(encoding="utf-8"))


def test_entities_carry_what_the_text_prints_beside_them(drafted: Path) -> None:
    entities = {e["id"]: e for e in sheet(drafted)["entities"]}
    assert entities["employment-ordinance"] == {
        "id": "employment-ordinance",
        "type": "Law",
        "label": "Employment Ordinance",
        "description": "Hong Kong law, Cap. 57 (as the report cites it)",
    }
    assert entities["15-years-plus-caring-company"] == {
        "id": "15-years-plus-caring-company",
        "type": "Award",
        "label": "15 Years Plus Caring Company",
        "organiser": "hong-kong-council-of-social-service",
    }
    assert entities["sustainability-committee"] == {
        "id": "sustainability-committee",
        "type": "Committee",
        "label": "Sustainability Committee",
        "unit_of": "lionrock",
    }
    assert entities["priscilla-tang"]["description"] == "Independent Non-executive Director (as the report names them)"
    # "the Group", "the Company" and the company's name are the company, which the core sheet names.
    assert "lionrock" not in entities and "the-group" not in entities


def test_claims_name_their_entities_and_relations(drafted: Path) -> None:
    claims = sheet(drafted)["claims"]

    def claim(start: str) -> dict:
        return next(c for c in claims if c["quote"].startswith(start))

    compliance = claim("The Group strictly abides by")
    assert compliance["kind"] == "compliance"
    assert compliance["links"] == {
        "compliesWith": ["employment-ordinance", "minimum-wage-ordinance", "occupational-safety-and-health-ordinance"]
    }
    assert "sdgs" not in compliance  # a law's title is no action on its theme
    award = claim("In 2022, the Group was awarded")
    assert (award["kind"], award["links"]) == ("recognition", {"receivedAward": ["15-years-plus-caring-company"]})


def test_the_drafted_folder_builds_with_its_entities(drafted: Path, tmp_path: Path) -> None:
    report = load_report(drafted)
    assert report.meta.company == "lionrock"
    out = tmp_path / "kg.ttl"
    result = CliRunner().invoke(main, ["build", str(drafted), "--out", str(out)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out)
    committee = URIRef(f"{DEFAULT_BASE}org/lionrock/unit/sustainability-committee")
    assert (committee, RDF.type, CSR.Committee) in graph
    assert (committee, ORG.unitOf, URIRef(f"{DEFAULT_BASE}org/lionrock")) in graph
    law = URIRef(f"{DEFAULT_BASE}law/employment-ordinance")
    assert (law, RDFS.label, Literal("Employment Ordinance", lang="en")) in graph
