"""Binding a saved query's parameters: the value goes into a VALUES block of the outermost group,
and again into each subquery whose variable it is (SavedQuery.bind_terms)."""

from __future__ import annotations

from pathlib import Path

from kg.sparql.queryfile import read_query

HEADER = "# param: report = (none) : a report IRI\n"
IRI = "<https://example.org/report/r1>"


def _bound(tmp_path: Path, body: str) -> str:
    path = tmp_path / "q.rq"
    path.write_text(HEADER + body, encoding="utf-8")
    return read_query(path, saved=False).bind_terms([("report", IRI)])


def test_a_subquery_projecting_the_variable_is_narrowed(tmp_path: Path) -> None:
    text = _bound(
        tmp_path,
        "SELECT ?report ?n WHERE {\n  ?report a <urn:R> .\n"
        "  { SELECT ?report (COUNT(?c) AS ?n) WHERE { ?c <urn:in> ?report } GROUP BY ?report }\n}\n",
    )
    assert text == (
        "SELECT ?report ?n WHERE {\n  VALUES (?report) { (<https://example.org/report/r1>) }\n"
        "  ?report a <urn:R> .\n"
        "  { SELECT ?report (COUNT(?c) AS ?n) WHERE { VALUES ?report { <https://example.org/report/r1> } "
        "?c <urn:in> ?report } GROUP BY ?report }\n}"
    )


def test_another_variable_of_the_same_name_is_left_alone(tmp_path: Path) -> None:
    computed = "SELECT ?n WHERE { ?x <urn:p> ?n . { SELECT (?y AS ?report) WHERE { ?y <urn:q> ?z } } }\n"
    hidden = (
        "SELECT ?n WHERE { ?report <urn:p> ?n .\n"
        "  { SELECT ?n WHERE { { SELECT ?report ?n WHERE { ?report <urn:q> ?n } } } } }\n"
    )
    in_text = 'SELECT ?n WHERE { ?report <urn:p> ?n . FILTER (?n != "SELECT ?report WHERE {") }\n'
    for body in (computed, hidden, in_text):
        assert _bound(tmp_path, body).count("VALUES") == 1, body
