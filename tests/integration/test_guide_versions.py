"""A report's `standard` names the guide version its sheets' codes are read in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS

from kg.errors import InputError
from kg.ingest.loader import load_report
from kg.rdf.build import build_graph
from kg.rdf.iris import Minter
from kg.vocab.namespaces import CSR, HKEX
from tests.support.mini import MINI_META, MINI_SHEET

HKEX_2020 = "https://w3id.org/csr-kg/hkex-esg/2020/"
SHEET = MINI_SHEET.replace(
    "{id: rd-investment, label: R&D investment}", "{id: rd-investment, label: R&D investment, kpis: [A1.2, B7.3]}"
)


def _meta(standard: str) -> str:
    return MINI_META.replace("standard: hkex-esg-guide-2019", f"standard: {standard}")


def test_codes_resolve_in_the_version_the_report_follows(make_report: Callable[..., Path]) -> None:
    graph = build_graph([make_report(meta=_meta("hkex-esg-guide-2020"), sheet=SHEET)])
    metric = Minter().metric("rd-investment")
    assert set(graph.objects(metric, CSR.disclosesKPI)) == {URIRef(HKEX_2020 + "A1.2"), URIRef(HKEX_2020 + "B7.3")}
    assert graph.value(Minter().report("sample-2019"), DCTERMS.conformsTo) == HKEX["guide-2020"]


def test_the_same_code_in_the_fy2019_version_is_its_own_concept(make_report: Callable[..., Path]) -> None:
    sheet = SHEET.replace("kpis: [A1.2, B7.3]", "kpis: [A1.2]")
    graph = build_graph([make_report(sheet=sheet)])
    assert set(graph.objects(Minter().metric("rd-investment"), CSR.disclosesKPI)) == {HKEX["A1.2"]}


def test_a_code_new_in_2020_is_refused_under_fy2019(make_report: Callable[..., Path]) -> None:
    with pytest.raises(InputError) as info:
        load_report(make_report(sheet=SHEET))
    assert str(info.value).endswith("sheet.yaml:5: unknown reporting-guide code 'B7.3' (not in hkex-esg-guide-2019)")


def test_gri_codes_under_the_gri_standard(make_report: Callable[..., Path]) -> None:
    sheet = SHEET.replace("kpis: [A1.2, B7.3]", "kpis: [305-1, 201-1]")
    graph = build_graph([make_report(meta=_meta("gri-standards-2021"), sheet=sheet)])
    gri = "https://w3id.org/csr-kg/gri/"
    kpis = set(graph.objects(Minter().metric("rd-investment"), CSR.disclosesKPI))
    assert kpis == {URIRef(gri + "305-1"), URIRef(gri + "201-1")}
