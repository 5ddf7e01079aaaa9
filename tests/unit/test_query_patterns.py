"""The triple patterns kg.sparql.patterns reads from a query's tokens are rdflib's (the patterns
of its parsed algebra with an IRI predicate), for every saved query; what it does not read, it
says so, and name resolution is the same on Oxigraph and on rdflib."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from kg.rdf.native import NativeGraph
from kg.rdf.readers import algebra_patterns, prepare_query
from kg.sparql.lookups import GraphLookups, NativeLookups
from kg.sparql.patterns import triple_patterns, unread
from kg.sparql.queryfile import SavedQuery, read_query, saved_queries
from kg.sparql.resolve import resolved_names
from kg.vocab.namespaces import CSR

SAVED = saved_queries()


def _rdflib_patterns(text: str) -> set[tuple[str, str, str]]:
    return {
        (s.n3(), p.n3(), o.n3()) for s, p, o in algebra_patterns(prepare_query(text).algebra) if isinstance(p, URIRef)
    }


@pytest.mark.parametrize("query", SAVED, ids=[q.name for q in SAVED])
def test_every_saved_query_gives_rdflibs_patterns(query: SavedQuery) -> None:
    found = triple_patterns(query.text)
    assert found is not None, unread(query.text)
    assert len(found) == len(set(found))
    assert set(found) == _rdflib_patterns(query.text)


PREFIXES = "PREFIX ex: <http://example.org/>\n"


@pytest.mark.parametrize(
    "text",
    [
        # lists, paths, literals of every kind, a subquery with modifiers, EXISTS in FILTER and BIND
        "SELECT * WHERE { ?a ex:p ?b , ex:c ; a ex:K ; ex:q/ex:r ?d ; ^ex:s ?e . ?b ex:n 5 , 2.5 , true ,"
        ' "x"@en , "y"^^ex:T . }',
        "SELECT ?a WHERE { { SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ex:p ?b } GROUP BY ?a HAVING (COUNT(?b) > 1)"
        " ORDER BY DESC(?n) LIMIT 5 } OPTIONAL { ?a ex:q ?c } MINUS { ?a ex:r ?d } { ?a ex:s ?e } UNION"
        " { ?a ex:t ?f } FILTER NOT EXISTS { ?a ex:hidden ?g } BIND (IF(EXISTS { ?a ex:u ?h }, 1, 0) AS ?i)"
        " VALUES ?a { ex:one ex:two } }",
        "SELECT * WHERE { ?a ex:p ?b . FILTER (?b > 3 && regex(str(?a), 'x'))"
        " ?a ex:q? ?c ; ex:r* ?d ; (ex:s|ex:t) ?e }",
    ],
)
def test_written_constructs_give_rdflibs_patterns(text: str) -> None:
    found = triple_patterns(PREFIXES + text)
    assert found is not None, unread(PREFIXES + text)
    assert set(found) == _rdflib_patterns(PREFIXES + text)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("SELECT * WHERE { ?a ex:p [ ex:q ?b ] }", "["),
        ("SELECT * WHERE { ?a ex:p ( 1 2 ) }", "("),
        ("SELECT * WHERE { GRAPH ?g { ?a ex:p ?b } }", "GRAPH"),
        ("SELECT * WHERE { ?a nope:p ?b }", "the prefix 'nope'"),
    ],
)
def test_what_it_does_not_read_it_leaves_to_rdflib(text: str, why: str) -> None:
    assert triple_patterns(PREFIXES + text) is None
    assert unread(PREFIXES + text) == why


def test_a_name_resolves_to_the_same_iri_on_oxigraph_and_on_rdflib(tmp_path: Path) -> None:
    graph = Graph()
    goal, target = URIRef("http://metadata.un.org/sdg/9"), URIRef("http://metadata.un.org/sdg/9.1")
    link = URIRef("https://example.org/link")
    graph.add((goal, SKOS.notation, Literal("9")))
    graph.add((target, SKOS.notation, Literal("9.1")))
    graph.add((link, CSR.goal, goal))
    graph.add((URIRef("https://example.org/report/nine"), DCTERMS.identifier, Literal("9")))
    graph.add((URIRef("https://example.org/report/nine"), RDF.type, CSR.Report))
    native = NativeGraph(ox.Store())
    native.add(ox.parse(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES))
    query = next(q for q in SAVED if q.name == "initiatives-by-sdg")
    # "9" names the goal and a report; the query's patterns (?link csr:goal ?sdg) pick the goal.
    assert resolved_names(NativeLookups(native), query, {"sdg": "9"}) == {"sdg": str(goal)}
    assert resolved_names(GraphLookups(graph), query, {"sdg": "9"}) == {"sdg": str(goal)}
    # A term, or a parameter that takes no resource, is not a name to resolve.
    assert resolved_names(GraphLookups(graph), query, {"sdg": goal}) == {}
    # A query this reader leaves to rdflib resolves as well: its patterns come from rdflib's parse.
    path = tmp_path / "q.rq"
    path.write_text(
        "# title: t\n# param: sdg = (none) : an SDG IRI\n"
        "SELECT ?x WHERE { [ <https://w3id.org/csr-kg/ontology#goal> ?sdg ] ?p ?x }\n",
        encoding="utf-8",
    )
    bracketed = read_query(path, saved=False)
    assert triple_patterns(bracketed.text) is None
    assert resolved_names(NativeLookups(native), bracketed, {"sdg": "9"}) == {"sdg": str(goal)}
