"""Another ecosystem's SPARQL client on ``csrkg serve``: Comunica (JavaScript) and SPARQLWrapper agree.

Comunica (``tests/support/comunica``, installed by ``npm ci`` there; .ci/run does it) parses
the endpoint's answers with its own SPARQL results parser and RDF/JS terms. Every saved query,
with its default parameters, must give the same rows, term for term, as SPARQLWrapper reads
them: the same IRIs, the same lexical forms, datatypes and language tags.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from kg.sparql.saved import saved_queries
from tests.support.paths import ROOT
from tests.support.queries import EMPTY_ON_BUNDLED
from tests.support.servers import start_csrkg_serve, stop

CLIENT = ROOT / "tests" / "support" / "comunica"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not (CLIENT / "node_modules" / "@comunica" / "query-sparql").is_dir(),
    reason="Comunica is not installed: run `npm ci --prefix tests/support/comunica` (.ci/run does)",
)


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    process, url = start_csrkg_serve()
    try:
        yield url
    finally:
        stop(process)


def _term(binding: dict[str, str] | None) -> tuple[str, ...]:
    """A term as both clients must print it; a plain literal is an xsd:string (RDF 1.1)."""
    if binding is None:
        return ("unbound",)
    if binding["type"] == "literal":
        return ("literal", binding["value"], binding.get("datatype", XSD_STRING), binding.get("xml:lang", ""))
    return (binding["type"], binding["value"])


def _rows(doc: dict) -> tuple[list[str], Counter]:
    variables = doc["head"]["vars"]
    return variables, Counter(tuple(_term(b.get(v)) for v in variables) for b in doc["results"]["bindings"])


def _sparqlwrapper(endpoint: str, text: str) -> dict:
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setQuery(text)
    return client.queryAndConvert()


def test_every_saved_query_gives_comunica_the_rows_sparqlwrapper_reads(endpoint: str) -> None:
    queries = {query.name: query.bind(None) for query in saved_queries()}
    answer = subprocess.run(
        ["node", str(CLIENT / "select.mjs"), endpoint],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    comunica = json.loads(answer.stdout)
    assert sorted(comunica) == sorted(queries)
    for name, text in queries.items():
        assert _rows(comunica[name]) == _rows(_sparqlwrapper(endpoint, text)), name
        assert comunica[name]["results"]["bindings"] or name in EMPTY_ON_BUNDLED, name
