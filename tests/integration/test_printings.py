"""One fact, many printings: a figure a report prints twice (a highlight and the body, a sentence
and a table) is one observation derived from both claims; printings that differ in qualifier or
period stay two observations and DisagreeingPrintingsShape reports them. The fixture report
prints each case once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from kg.rdf.build import build_graph
from kg.validate.shacl import Validation, validate_graph
from kg.vocab.namespaces import CSR, DEFAULT_BASE
from tests.support.paths import PRINTINGS_REPORT

REPORT = URIRef(f"{DEFAULT_BASE}report/harbour-2019")
CLAIM = f"{DEFAULT_BASE}report/harbour-2019/claim/"
METRIC = f"{DEFAULT_BASE}metric/"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph([PRINTINGS_REPORT])


@pytest.fixture(scope="module")
def validation(graph: Graph) -> Validation:
    return validate_graph(graph)


def _observations(graph: Graph, metric: str) -> dict[URIRef, set[str]]:
    """Each observation of ``metric``: the ids of the claims it derives from."""
    return {
        o: {str(c).removeprefix(CLAIM) for c in graph.objects(o, PROV.wasDerivedFrom)}
        for o in graph.subjects(CSR.metric, URIRef(METRIC + metric))
    }


def test_agreeing_printings_are_one_observation_named_by_the_first(graph: Graph) -> None:
    # "over HK$500,000" in the highlights and "more than HK$500,000" in the body: one qualifier.
    node = URIRef(CLAIM + "highlight-donations/observation/donations-cash")
    assert _observations(graph, "donations-cash") == {node: {"highlight-donations", "donations"}}
    for claim in ("highlight-donations", "donations"):
        assert set(graph.objects(URIRef(CLAIM + claim), CSR.hasObservation)) == {node}
    assert str(graph.value(node, CSR.surfaceForm)) == "over HK$500,000"  # as first printed
    assert set(graph.objects(node, CSR.inReport)) == {REPORT}


def test_a_table_cell_and_a_sentence_printing_one_fact_are_one_observation(graph: Graph) -> None:
    # The sentence comes first in the text, so it names the observation the table row also states.
    node = URIRef(CLAIM + "direct-emissions/observation/direct-ghg-emissions-scope-1")
    assert _observations(graph, "direct-ghg-emissions-scope-1") == {
        node: {"direct-emissions", "kpi-direct-ghg-emissions-scope-1"}
    }
    assert (URIRef(CLAIM + "kpi-direct-ghg-emissions-scope-1"), CSR.hasObservation, node) in graph


def test_printings_that_disagree_stay_two_observations(graph: Graph) -> None:
    assert _observations(graph, "trees-planted") == {
        URIRef(CLAIM + "highlight-trees/observation/trees-planted"): {"highlight-trees"},
        URIRef(CLAIM + "trees/observation/trees-planted"): {"trees"},
    }
    assert sorted(c for claims in _observations(graph, "total-employees").values() for c in claims) == [
        "employees",
        "employees-2018",
        "highlight-employees",
    ]
    assert sum(1 for _ in graph.subjects(RDF.type, CSR.Observation)) == 9  # of 11 printings


def test_the_shape_reports_each_disagreeing_pair_once(validation: Validation) -> None:
    found = sorted(
        (str(f.focus).removeprefix(CLAIM), f.message)
        for f in validation.findings
        if f.shape.endswith("#DisagreeingPrintingsShape")
    )
    assert found == [
        (
            "employees/observation/total-employees",
            '"350" (2019-12-31) and "350" (2019) print the same value of "Total employees" '
            "with another qualifier or period.",
        ),
        (
            "highlight-trees/observation/trees-planted",
            '"1,200" (2019) and "about 1,200" (2019) print the same value of "Trees planted" '
            "with another qualifier or period.",
        ),
    ]
    # 350 employees at the end of 2018 is another fact: its period does not overlap 2019.
    assert validation.conforms and len(validation.findings) == 2


def test_a_part_printed_twice_is_summed_once(validation: Validation) -> None:
    """Direct emissions (10.00) are printed in a sentence and in the table; with the total (30.00)
    and Scope 2 (20.00) they add up, so TotalOfPartsShape finds nothing."""
    assert not [f for f in validation.findings if f.shape.endswith("#TotalOfPartsShape")]


def test_the_observation_iris_do_not_depend_on_the_order_of_the_sheet(graph: Graph, tmp_path: Path) -> None:
    folder = tmp_path / "reversed"
    shutil.copytree(PRINTINGS_REPORT, folder)
    sheet = folder / "claims" / "sheet.yaml"
    data = yaml.safe_load(sheet.read_text(encoding="utf-8"))
    data["claims"].reverse()
    sheet.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert set(build_graph([folder])) == set(graph)
