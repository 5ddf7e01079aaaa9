"""Many reports in one graph: shared and company IRIs, streamed builds, the Oxigraph store.

The corpus is a few synthetic reports of two companies (kg/synthetic.py); two companies
reuse generic ids for their own committees and share metrics, laws and SDGs.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD, Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, RDFS

from kg import synthetic as synth
from kg.cli.app import main
from kg.errors import InputError, StoreError
from kg.ingest.loader import load_report, load_reports
from kg.rdf.build import build_graph
from kg.rdf.corpus import Checks, build_corpus, map_report, ntriples_lines, validate_corpus, write_corpus
from kg.rdf.iris import Minter
from kg.rdf.mapping import report_triples
from kg.rdf.store import open_graph
from kg.sparql.remote import run_remote
from kg.sparql.saved import find_query, run_local, saved_queries
from kg.validate.shacl import validate_graph
from kg.vocab.namespaces import CSR, ORG, QUDT
from kg.vocab.ontology import with_ontology
from tests.support.servers import normalised, start_oxigraph, stop

ID = "https://w3id.org/csr-kg/id/"


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Five reports: three years of company 0, two of company 1."""
    return synth.generate(tmp_path_factory.mktemp("corpus"), 5, seed=3, claims=50)


@pytest.fixture(scope="module")
def merged(folders: list[Path]) -> Graph:
    return build_graph(folders)


@pytest.fixture(scope="module")
def local(merged: Graph) -> Graph:
    """The merged graph with the ontology, as saved queries read it: one copy for the module, so
    that run_local loads one Oxigraph copy of it (kg/sparql/saved.py) for the tests that query it."""
    return with_ontology(merged)


def _ntriples(folders: list[Path], **kwargs) -> bytes:
    out = io.BytesIO()
    write_corpus(folders, out, **kwargs)
    return out.getvalue()


def test_streamed_corpus_is_the_in_memory_graph(folders: list[Path], merged: Graph) -> None:
    streamed = Graph().parse(data=_ntriples(folders), format="nt")
    assert set(streamed) == set(merged)
    assert len(streamed) == len(merged)


def test_output_is_byte_identical_whatever_the_order_and_the_workers(folders: list[Path]) -> None:
    one = _ntriples(folders, jobs=1)
    assert _ntriples(list(reversed(folders)), jobs=2) == one
    assert _ntriples(folders, jobs=2) == one
    lines = one.splitlines()
    assert len(lines) == len(set(lines)), "a shared triple was written twice"


def test_nquads_put_each_reports_own_nodes_in_its_named_graph(folders: list[Path], merged: Graph) -> None:
    ds = Dataset()
    ds.parse(data=_ntriples(folders, quads=True), format="nquads")
    reports = sorted(merged.subjects(RDF.type, CSR.Report))
    assert len(reports) == len(folders)
    names = {g.identifier for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}
    assert names == {URIRef(f"{r}/graph") for r in reports}
    for report in reports:
        named = ds.graph(URIRef(f"{report}/graph"))
        assert all(s == report or str(s).startswith(f"{report}/") for s in named.subjects())
        assert (report, RDF.type, CSR.Report) in named
    union = {quad[:3] for quad in ds.quads()}
    assert union == set(merged)


def test_company_things_are_namespaced_and_public_things_shared(folders: list[Path], merged: Graph) -> None:
    reports = load_reports(folders)
    companies = sorted({r.meta.company for r in reports})
    assert len(companies) == 2
    committees = {(r.meta.company, e.id) for r in reports for e in r.entities.values() if e.type == "Committee"}
    generic = {ident for company, ident in committees if (companies[1 - companies.index(company)], ident) in committees}
    assert generic, "the generator should reuse a committee id across companies"
    ident = sorted(generic)[0]
    for company in companies:
        node = URIRef(f"{ID}org/{company}/unit/{ident}")
        assert (node, ORG.unitOf, URIRef(f"{ID}org/{company}")) in merged
    laws = [{e.id for e in r.entities.values() if e.type == "Law"} for r in reports]
    shared_law = sorted(set.intersection(*laws))[0]
    law = URIRef(f"{ID}law/{shared_law}")
    assert len(list(merged.objects(law, RDFS.label))) == len({lbl.language for lbl in merged.objects(law, RDFS.label)})
    metric = URIRef(f"{ID}metric/total-ghg-emissions-scope-1-and-scope-2")
    observed_in = {
        str(merged.value(claim, CSR.inReport))
        for obs in merged.subjects(CSR.metric, metric)
        for claim in merged.subjects(CSR.hasObservation, obs)
    }
    assert len(observed_in) >= 2  # one metric node, observed by several reports


def test_metric_across_reports_compares_the_corpus(folders: list[Path], local: Graph) -> None:
    # The synthetic reports' own metric reaches the catalogue's Scope 1 and 2 total by its label.
    metric = "https://w3id.org/csr-kg/esg-metric/ghg-scope-1-and-2"
    rows = run_local(local, find_query("metric-across-reports"), {"metric": f"<{metric}>"})
    expected = sorted(
        (r.meta.id, o.value, o.value)
        for r in load_reports(folders)
        for c in r.claims.values()
        for o in c.observations
        if o.metric == "total-ghg-emissions-scope-1-and-scope-2" and o.kind != "change"
    )
    index = rows.variables.index
    got = sorted(
        (str(row[index("report")]), row[index("printedValue")].toPython(), row[index("value")].toPython())
        for row in rows.rows
    )
    assert got == expected  # printed in tonnes, the canonical unit
    assert {str(row[index("match")]) for row in rows.rows} == {"exact"}
    assert len({report for report, _, _ in got}) >= 2


def test_a_shared_id_defined_differently_stops_the_build(folders: list[Path], tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    shutil.copytree(folders[0], first)
    shutil.copytree(folders[3], second)
    sheet = next(p for p in sorted((second / "claims").glob("*.yaml")) if "- id: total-employees" in p.read_text())
    text = sheet.read_text()
    start = text.index("- id: total-employees")
    label = text.index("label:", start)
    end = text.index("\n", label)
    sheet.write_text(text[:label] + "label: Total staff (redefined)" + text[end:])
    with pytest.raises(InputError, match=r"metric/total-employees is defined differently at .*a/claims/.*\.yaml:\d+"):
        load_reports([first, second])
    out = tmp_path / "corpus.nt"
    out.write_bytes(b"previous\n")
    result = CliRunner().invoke(main, ["build", str(first), str(second), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 2
    assert "defined differently" in result.output
    assert out.read_bytes() == b"previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "corpus.nt"]


def test_two_folders_with_one_report_id_are_refused(folders: list[Path], tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(folders[0], copy)
    with pytest.raises(InputError, match=r"report id .* is also used by"):
        _ntriples([folders[0], copy])


def test_store_answers_every_saved_query_as_rdflib_does(
    folders: list[Path], merged: Graph, local: Graph, tmp_path: Path
) -> None:
    store, nt = tmp_path / "corpus.oxigraph", tmp_path / "corpus.nt"
    stats = build_corpus(folders, nt, store, jobs=2)
    assert stats.reports == len(folders)
    assert stats.triples == len(merged)
    expected = {query.name: normalised(run_local(local, query)) for query in saved_queries()}
    for graph in (open_graph(store), open_graph(nt)):
        assert len(graph) == len(local)
        for query in saved_queries():
            assert normalised(run_local(graph, query)) == expected[query.name], query.name
    rebuilt = tmp_path / "again.oxigraph"
    build_corpus(list(reversed(folders)), None, rebuilt)
    assert len(open_graph(rebuilt)) == len(local)
    from_quads = tmp_path / "quads.oxigraph"
    build_corpus(folders, tmp_path / "corpus.nq", from_quads)
    assert len(open_graph(from_quads)) == len(local)


def test_cli_builds_a_store_and_queries_it(folders: list[Path], tmp_path: Path) -> None:
    store = tmp_path / "kg.oxigraph"
    runner = CliRunner()
    built = runner.invoke(main, ["build", *map(str, folders), "--store", str(store)])
    assert built.exit_code == 0, built.output
    assert f"{len(folders)} reports" in built.output
    asked = runner.invoke(main, ["query", "claims-by-kind", "--store", str(store), "--format", "csv"])
    assert asked.exit_code == 0, asked.output
    report_ids = {line.split(",")[0] for line in asked.output.splitlines()[1:]}
    assert report_ids == {load_report(f).meta.id for f in folders}
    missing = runner.invoke(main, ["query", "claims-by-kind", "--store", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        open_graph(tmp_path)


def test_reports_validated_one_by_one_as_together(folders: list[Path], merged: Graph) -> None:
    """Report by report gives the findings of the merged graph, with one documented exception:
    a company's material issue is one node across its years, so merged it counts as quantified
    if any year quantifies it, while apart each year without figures for it says so."""
    together = validate_graph(merged)
    apart = list(validate_corpus(folders, jobs=2))
    assert [v.report_id for v in apart] == sorted(load_report(f).meta.id for f in folders)
    per_year = "https://w3id.org/csr-kg/shapes#UnquantifiedIssueShape"

    def keys(findings, keep) -> list[tuple]:
        return sorted((f.severity, f.shape, f.focus, f.message) for f in findings if keep(f.shape))

    apart_findings = [f for v in apart for f in v.findings]
    assert keys(apart_findings, lambda s: s != per_year) == keys(together.findings, lambda s: s != per_year)
    assert set(keys(apart_findings, lambda s: s == per_year)) >= set(keys(together.findings, lambda s: s == per_year))
    result = CliRunner().invoke(main, ["validate", *map(str, folders), "--format", "json"])
    assert result.exit_code == (0 if all(v.conforms for v in apart) else 1)
    assert f'"Warning": {together.count("Warning")}' in result.output


def test_a_build_that_validates_writes_the_same_corpus_and_validate_corpus_findings(folders: list[Path]) -> None:
    """Each report validated as the build maps it: the corpus as without checks, and per report
    the conformance, findings and SHACL report of validating its folder."""
    validated: list = []
    out = io.BytesIO()
    write_corpus(folders, out, jobs=2, checks=Checks(), validated=validated.append)
    assert out.getvalue() == _ntriples(folders, jobs=1)
    apart = list(validate_corpus(folders, jobs=1))
    assert [(v.report_id, v.conforms, v.findings) for v in validated] == [
        (v.report_id, v.conforms, v.findings) for v in apart
    ]
    assert all(isomorphic(v.validation().report, a.validation().report) for v, a in zip(validated, apart, strict=True))
    assert any(v.findings for v in validated)


def test_cli_build_validate_writes_the_corpus_and_what_validate_reports(folders: list[Path], tmp_path: Path) -> None:
    runner, dirs = CliRunner(), list(map(str, folders))
    built = runner.invoke(main, ["build", *dirs, "-o", str(tmp_path / "c.nt"), "--validate", str(tmp_path / "v.json")])
    apart = runner.invoke(main, ["validate", *dirs, "--format", "json"])
    assert built.exit_code == apart.exit_code
    assert (tmp_path / "v.json").read_text(encoding="utf-8") == apart.output
    assert (tmp_path / "c.nt").read_bytes() == _ntriples(folders)
    turtle = runner.invoke(main, ["build", *dirs, "-o", str(tmp_path / "c.ttl"), "--validate", str(tmp_path / "v")])
    assert turtle.exit_code == 2 and "--validate validates a corpus build" in turtle.output


def test_mapping_keeps_a_reports_own_lines_apart(folders: list[Path]) -> None:
    mapped = map_report(folders[0])
    report = f"<{Minter().report(mapped.report_id)}"
    lines = ntriples_lines(report_triples(load_report(folders[0]), Minter()))
    own = (f"{report}/".encode(), f"{report}> ".encode())
    assert mapped.owned == [line for line in lines if line.startswith(own)]
    assert mapped.shared == [line for line in lines if not line.startswith(own)]
    assert any(b"/metric/" in line for line in mapped.shared)
    assert mapped.graph_iri == f"{report[1:]}/graph"


def test_observation_values_keep_their_decimal_form_in_the_stream(folders: list[Path], merged: Graph) -> None:
    streamed = Graph().parse(data=_ntriples(folders), format="nt")
    values = sorted(str(v) for v in merged.objects(None, QUDT.numericValue))
    assert sorted(str(v) for v in streamed.objects(None, QUDT.numericValue)) == values
    assert {v.datatype for v in streamed.objects(None, QUDT.numericValue)} == {XSD.decimal}


@pytest.mark.skipif(
    shutil.which("oxigraph") is None, reason="the Oxigraph server (pip install oxigraph) is not installed"
)
def test_oxigraph_server_serves_the_built_store(folders: list[Path], local: Graph, tmp_path: Path) -> None:
    """The store is an ordinary Oxigraph database: its own server answers from it read-only."""
    store = tmp_path / "corpus.oxigraph"
    build_corpus(folders, None, store, jobs=1)
    process, base = start_oxigraph(store, read_only=True)
    try:
        query = find_query("claims-by-kind")
        assert normalised(run_remote(f"{base}/query", query, {})) == normalised(run_local(local, query))
    finally:
        stop(process)
