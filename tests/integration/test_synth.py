"""The synthetic report generator (kg/synthetic.py) writes folders the real loader accepts.

Measurements at scale are only worth something if the synthetic corpus goes through the same
checks as curated reports (verbatim quotes, figures printed inside them), is reproducible from its
seed, and shares metrics and laws across reports the way a real corpus does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rdflib import RDF, Literal
from rdflib.namespace import DCTERMS

from kg import synthetic as synth
from kg.rdf.build import build_graph
from kg.vocab.names import slugify
from kg.vocab.namespaces import CSR

N = 4


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list:
    return synth.generate_reports(tmp_path_factory.mktemp("synth"), N, seed=7, claims=60)


def test_same_seed_gives_identical_files_and_smaller_n_is_a_prefix(corpus: list, tmp_path: Path) -> None:
    first = corpus[0].path.parent
    again = synth.generate(tmp_path / "again", N, seed=7, claims=60)
    assert [p.name for p in again] == [r.path.name for r in corpus]
    assert _files(tmp_path / "again") == _files(first)
    prefix = synth.generate(tmp_path / "prefix", 2, seed=7, claims=60)
    assert prefix == [tmp_path / "prefix" / r.path.name for r in corpus[:2]]
    assert _files(tmp_path / "prefix") == {
        k: v for k, v in _files(first).items() if k.split("/")[0] in {p.name for p in prefix}
    }
    other = synth.generate(tmp_path / "other", 1, seed=8, claims=60)
    assert _files(other[0]) != _files(corpus[0].path) or other[0].name != corpus[0].path.name


def test_every_folder_builds_with_exactly_the_claims_written(corpus: list) -> None:
    for report in corpus:
        graph = build_graph([report.path])
        ids = {str(graph.value(claim, DCTERMS.identifier)) for claim in graph.subjects(RDF.type, CSR.Claim)}
        assert ids == set(report.claim_ids), report.id
        assert len(report.claim_ids) == len(set(report.claim_ids))
        assert 1_500 < len(graph) < 8_000, (report.id, len(graph))
        assert (None, DCTERMS.identifier, Literal(report.id)) in graph


def test_report_ids_and_company_years(corpus: list) -> None:
    for report in corpus:
        assert report.id == f"{report.company}-{report.year}"
        assert 2016 <= report.year <= 2024
    years: dict[str, list[int]] = {}
    for report in corpus:
        years.setdefault(report.company, []).append(report.year)
    for company_years in years.values():
        assert company_years == list(range(company_years[0], company_years[0] + len(company_years)))


def _definitions(corpus: list, key: str) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for report in corpus:
        for sheet in sorted((report.path / "claims").glob("*.yaml")):
            for entry in yaml.safe_load(sheet.read_text(encoding="utf-8")).get(key, []) or []:
                found.setdefault(entry["id"], []).append(entry)
    return found


def test_shared_metrics_laws_and_standards_are_defined_identically(corpus: list) -> None:
    metrics = _definitions(corpus, "metrics")
    assert sum(len(v) > 1 for v in metrics.values()) > 20  # shared across reports
    for ident, entries in metrics.items():
        assert all(e == entries[0] for e in entries), ident
        assert entries[0] == synth.METRICS[ident].sheet()
    entities = _definitions(corpus, "entities")
    shared = {**synth.LAWS, **synth.STANDARDS, **synth.PARTNERS, **synth.AWARD_ORGANISERS}
    laws = [i for i, e in entities.items() if e[0]["type"] == "Law"]
    assert laws and any(len(entities[i]) > 1 for i in laws)
    for ident, entries in entities.items():
        if ident in shared:
            assert all(e == shared[ident].sheet() for e in entries), ident


def test_kpi_table_rows_meet_the_shared_metrics(corpus: list) -> None:
    """The loader names a KPI row's metric by the slug of its label: it must be the pool's metric."""
    rows = {c.removeprefix("kpi-") for r in corpus for c in r.table_claims if c.startswith("kpi-")}
    assert rows
    for ident in rows:
        assert slugify(synth.METRICS[ident].label) == ident
    for law in synth.LAWS.values():
        assert slugify(law.label) == law.id


def test_cli_writes_the_folders(tmp_path: Path) -> None:
    synth._main([str(tmp_path), "1", "--seed", "7", "--claims", "60"])
    assert [p.name for p in tmp_path.iterdir()] == [synth.generate(tmp_path / "x", 1, seed=7, claims=60)[0].name]
