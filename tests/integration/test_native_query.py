"""Queries answered by Oxigraph (kg.rdf.native, kg.sparql.local) give what rdflib gives, term for
term and byte for byte in every results format, and keep the graph's exact literals."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli.app import main
from kg.errors import QueryError, QueryRefusedError
from kg.rdf import literal_cache
from kg.rdf.native import from_ntriples, load_file
from kg.sparql.local import computed_variables, run_native
from kg.sparql.queryfile import read_query
from kg.sparql.results import FORMATS, render_answer
from kg.sparql.saved import run_query, saved_queries
from kg.vocab.ontology import with_ontology

QUERIES = saved_queries()
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def kg_file(bundled_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("native") / "kg.ttl"
    bundled_graph.serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def rdflib_graph(bundled_graph: Graph) -> Graph:
    return with_ontology(bundled_graph)


def _unordered(output: bytes, fmt: str) -> object:
    """An answer's text with the order of rows set aside: ORDER BY may leave ties (donations has
    two quotes for one figure), which each engine orders its own way."""
    if fmt == "json":
        doc = json.loads(output)
        return doc["head"], sorted(json.dumps(b, sort_keys=True) for b in doc["results"]["bindings"])
    return sorted(output.decode("utf-8").splitlines())


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_saved_query_renders_as_on_rdflib(query, kg_file: Path, rdflib_graph: Graph) -> None:
    native = run_native(load_file(kg_file), query)
    reference = run_query(rdflib_graph, query, engine="rdflib")  # the independent engine
    for fmt in FORMATS:
        assert _unordered(render_answer(native, fmt), fmt) == _unordered(render_answer(reference, fmt), fmt), fmt


def test_the_bundled_graph_loads_with_no_ambiguous_literal(kg_file: Path) -> None:
    graph = load_file(kg_file)
    assert graph.ambiguous == 0
    assert graph.originals  # offsets and decimals with a trailing .0 are there


def _native_rows(text: str, tmp_path: Path, query_text: str) -> list[list[str]]:
    data = tmp_path / "g.ttl"
    data.write_text(text, encoding="utf-8")
    rq = tmp_path / "q.rq"
    rq.write_text(query_text, encoding="utf-8")
    answer = run_native(load_file(data, ontology=False), read_query(rq, saved=False))
    return [[str(t) for t in row] for row in answer.rows]


EXACT = """@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<urn:x:a> <urn:x:p> "7665000.0"^^xsd:decimal, "1.50"^^xsd:decimal, "12"^^xsd:nonNegativeInteger,
  "3"^^xsd:positiveInteger, "0042"^^xsd:integer, "2019"^^xsd:gYear, "2019-01-05"^^xsd:date,
  "Water"@en-GB, "1"^^xsd:boolean .
"""


def test_literals_keep_the_lexical_form_and_datatype_the_graph_has(tmp_path: Path) -> None:
    rows = _native_rows(EXACT, tmp_path, "SELECT ?o WHERE { <urn:x:a> <urn:x:p> ?o } ORDER BY STR(?o)")
    assert sorted(r[0] for r in rows) == sorted(
        [
            f'"7665000.0"^^<{XSD}decimal>',
            f'"1.50"^^<{XSD}decimal>',
            f'"12"^^<{XSD}nonNegativeInteger>',
            f'"3"^^<{XSD}positiveInteger>',
            f'"0042"^^<{XSD}integer>',
            f'"2019"^^<{XSD}gYear>',
            f'"2019-01-05"^^<{XSD}date>',
            '"Water"@en-gb',  # Oxigraph lower-cases tags; RDF (and rdflib) compare them case-insensitively
            f'"1"^^<{XSD}boolean>',
        ]
    )


def test_computed_values_stay_as_computed(tmp_path: Path) -> None:
    rows = _native_rows(
        EXACT,
        tmp_path,
        "SELECT (COUNT(?o) AS ?n) (12 AS ?twelve) WHERE { <urn:x:a> <urn:x:p> ?o }",
    )
    assert rows == [[f'"9"^^<{XSD}integer>', f'"12"^^<{XSD}integer>']]


def test_a_canonical_form_standing_for_two_terms_is_left_as_oxigraph_gives_it(tmp_path: Path) -> None:
    """Oxigraph stores equal values once: two such terms of one subject and predicate become one
    triple, which rdflib keeps as two (a limit of the store, counted, not hidden)."""
    text = '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<urn:x:a> <urn:x:p> "12"^^xsd:integer .\n'
    text += '<urn:x:b> <urn:x:p> "12"^^xsd:nonNegativeInteger, "5.0"^^xsd:decimal .\n'
    text += '<urn:x:b> <urn:x:p> "true"^^xsd:boolean, "1"^^xsd:boolean .\n'
    data = tmp_path / "g.ttl"
    data.write_text(text, encoding="utf-8")
    graph = load_file(data, ontology=False)
    assert (graph.ambiguous, len(graph)) == (2, 4)
    assert [str(v) for v in graph.originals.values()] == [f'"5.0"^^<{XSD}decimal>']


def test_computed_variables_are_the_ones_assigned_by_as() -> None:
    text = "SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b BIND(STR(?b) as $s) { SELECT (MAX(?x) AS ?m) {} } }"
    assert computed_variables(text) == {"n", "s", "m"}


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { OPTIONAL { SERVICE SILENT <http://x/> { ?s ?p ?o } } }",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        "select * from named <http://x/> where { graph ?g { ?s ?p ?o } }",
    ],
)
def test_service_and_from_are_refused_before_oxigraph_sees_them(query: str, tmp_path: Path) -> None:
    with pytest.raises(QueryRefusedError):
        _native_rows("<urn:x:a> <urn:x:p> <urn:x:b> .\n", tmp_path, query)


def test_keywords_inside_strings_iris_and_names_are_data(tmp_path: Path) -> None:
    query = (
        "PREFIX from: <urn:x:>\nSELECT ?service WHERE { ?service from:p ?o "
        'FILTER(?o != "SERVICE <x> FROM" && ?o != <urn:x:FROM>) } # FROM SERVICE'
    )
    assert _native_rows("<urn:x:a> <urn:x:p> <urn:x:b> .\n", tmp_path, query) == [["<urn:x:a>"]]


def test_a_syntax_error_is_reported_at_its_line_in_the_file(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"q\.rq: SPARQL syntax error at line 2"):
        _native_rows("<urn:x:a> <urn:x:p> <urn:x:b> .\n", tmp_path, "SELECT ?s\nWHERE { ?s ?p }\n")


def test_the_bundled_kg_built_in_memory_answers_as_a_file(bundled_graph: Graph, kg_file: Path) -> None:
    built = from_ntriples(bundled_graph.serialize(format="nt", encoding="utf-8"))
    query = next(q for q in QUERIES if q.name == "claim-provenance")
    assert render_answer(run_native(built, query), "tsv") == render_answer(run_native(load_file(kg_file), query), "tsv")


def test_cli_query_resolves_names_and_writes_constructs(kg_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    named = runner.invoke(
        main, ["query", "claims-by-kind", "--data", str(kg_file), "-p", "report=xiaomi-2019", "-f", "csv"]
    )
    assert named.exit_code == 0, named.output
    iri = runner.invoke(
        main,
        [
            "query",
            "claims-by-kind",
            "--data",
            str(kg_file),
            "-p",
            "report=<https://w3id.org/csr-kg/id/report/xiaomi-2019>",
            "-f",
            "csv",
        ],
    )
    assert named.output == iri.output
    rq = tmp_path / "c.rq"
    rq.write_text("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t FILTER(?t = <https://w3id.org/csr-kg/ontology#Report>) }\n")
    built = runner.invoke(main, ["query", str(rq), "--data", str(kg_file)])
    assert built.exit_code == 0, built.output
    assert len(Graph().parse(data=built.output, format="turtle")) == 1


def test_a_cached_load_gives_the_same_graph_and_literals(tmp_path: Path, literal_cache_dir: Path) -> None:
    data = tmp_path / "g.ttl"
    data.write_text(EXACT + "<urn:x:a> <urn:x:q> [ <urn:x:r> 1.0 ] .\n", encoding="utf-8")
    first = load_file(data, ontology=False)
    entry = literal_cache.entry(literal_cache.key([(data.read_bytes(), ox.RdfFormat.TURTLE)]))
    assert entry.is_file()
    second = load_file(data, ontology=False)  # Oxigraph's own load, the forms read from the cache
    assert (len(second), second.originals, second.ambiguous) == (len(first), first.originals, first.ambiguous)
    entry.write_bytes(b"not json")
    third = load_file(data, ontology=False)  # a corrupt entry is recomputed
    assert third.originals == first.originals
    assert literal_cache.read(entry.stem) is not None
