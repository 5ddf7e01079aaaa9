"""Each claim kind of the scheme maps to its concept on the claim node."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.ingest.model import Report
from kg.rdf.build import build_graph
from kg.vocab.namespaces import CSR
from kg.vocab.ontology import vocabulary
from tests.support.mini import MINI_SHEET

KINDS = sorted(vocabulary().kinds)


@pytest.mark.parametrize("kind", KINDS)
def test_claim_kind_maps_to_its_concept(make_report: Callable[..., Path], kind: str) -> None:
    # The "rd" claim carries a figure, which any kind of claim may do.
    sheet = MINI_SHEET.replace("id: rd\n    kind: quantitative", f"id: rd\n    kind: {kind}")
    graph = build_graph([make_report(sheet=sheet)])
    claim = URIRef("https://w3id.org/csr-kg/id/report/sample-2019/claim/rd")
    assert graph.value(claim, CSR.claimKind) == vocabulary().kinds[kind]
    assert str(graph.value(claim, CSR.claimKind)).endswith(f"/claim-kind/{kind}")


def test_bundled_report_uses_every_kind(bundled: list[Report]) -> None:
    used = {c.kind for c in bundled[0].claims.values()}
    assert used == set(KINDS)
