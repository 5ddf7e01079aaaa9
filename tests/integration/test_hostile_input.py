"""Hostile input, refused or neutralised: query-parameter injection, updates and SERVICE sent to
the endpoint, FROM pointing at files or URLs, RDF/XML entity bombs and external entities,
JSON-LD remote contexts, owl:imports. An audit-hook guard (tests/netguard.py) counts outbound
connections and file opens outside the project while everything is parsed and queried, and a
honeypot HTTP server on loopback counts whether anything tried to fetch from it.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.cli.app import main
from kg.errors import QueryError, QueryRefusedError, UntrustedInputError
from kg.outputs.export import serialise
from kg.rdf.build import build_graph
from kg.rdf.readers import parse_rdf, read_rdf
from kg.sparql.endpoint import make_server, serve_in_thread
from kg.sparql.saved import read_query, run_local, saved_queries
from kg.vocab.data import packaged
from kg.vocab.ontology import ontology_graph
from tests.support import netguard
from tests.support.paths import MINI_REPORT, ROOT

RDF_NS = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"'


class Honeypot:
    """An HTTP server on loopback serving valid RDF and contexts, counting every request."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        pot = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

            def do_GET(self) -> None:
                pot.hits.append(self.path)
                body = b'{"@context": {"ex": "http://example.org/"}}'
                if not self.path.endswith("ctx"):
                    body = b"<http://example.org/fetched> <http://example.org/p> <http://example.org/o> ."
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def pot() -> Iterator[Honeypot]:
    honeypot = Honeypot()
    yield honeypot
    honeypot.close()


@pytest.fixture
def guard() -> Iterator[netguard.Guard]:
    with netguard.switched_on() as switched:
        yield switched


def _hostile_files(folder: Path, pot: Honeypot) -> dict[str, Path]:
    """Each hostile document, written to ``folder``."""
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    docs = {
        "billion-laughs.rdf": f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY l0 "ha">{laughs}]>
<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://example.org/a"><ex:p>&l9;</ex:p></rdf:Description></rdf:RDF>
""",
        "xxe-file.rdf": f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://example.org/a"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>
""",
        "xxe-http.rdf": f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "{pot.url}/xxe">]>
<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://example.org/a"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>
""",
        "xxe-parameter.rdf": f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "{pot.url}/dtd"> %p;]>
<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://example.org/a"><ex:p>x</ex:p></rdf:Description></rdf:RDF>
""",
        "external-dtd.rdf": f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF SYSTEM "{pot.url}/external.dtd">
<rdf:RDF {RDF_NS}><rdf:Description rdf:about="http://example.org/a"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>
""",
        "xxe.trix": """<?xml version="1.0"?>
<!DOCTYPE TriX [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<TriX xmlns="http://www.w3.org/2004/03/trix/trix-1/"><graph><triple>
<uri>http://example.org/a</uri><uri>http://example.org/p</uri><plainLiteral>&x;</plainLiteral>
</triple></graph></TriX>
""",
        "remote-context.jsonld": json.dumps({"@context": f"{pot.url}/ctx", "@id": "http://example.org/a"}),
        "file-context.jsonld": json.dumps({"@context": "file:///etc/passwd", "@id": "http://example.org/a"}),
        "relative-context.jsonld": json.dumps({"@context": ["ctx.jsonld"], "@id": "http://example.org/a"}),
        "import-context.jsonld": json.dumps(
            {"@context": {"@version": 1.1, "@import": f"{pot.url}/ctx"}, "@id": "http://example.org/a"}
        ),
        "scoped-context.jsonld": json.dumps(
            {"@context": {"ex:p": {"@context": "http://example.invalid/ctx"}}, "@id": "http://example.org/a"}
        ),
    }
    paths = {}
    for name, text in docs.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    (folder / "ctx.jsonld").write_text('{"@context": {}}', encoding="utf-8")
    return paths


EXPECTED = {
    "billion-laughs.rdf": "XML entity declaration <!ENTITY l0 ...> refused",
    "xxe-file.rdf": "XML entity declaration <!ENTITY x ...> refused",
    "xxe-http.rdf": "XML entity declaration <!ENTITY x ...> refused",
    "xxe-parameter.rdf": "XML entity declaration <!ENTITY p ...> refused",
    "xxe.trix": "XML entity declaration <!ENTITY x ...> refused",
    "external-dtd.rdf": "XML external entity 'http://127.0.0.1:",
    "remote-context.jsonld": "JSON-LD context 'http://127.0.0.1:",
    "file-context.jsonld": "JSON-LD context 'file:///etc/passwd' is a reference to another document",
    "relative-context.jsonld": "JSON-LD context 'ctx.jsonld' is a reference to another document",
    "import-context.jsonld": "JSON-LD context 'http://127.0.0.1:",
    "scoped-context.jsonld": "JSON-LD context 'http://example.invalid/ctx' is a reference to another document",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_rdf_is_refused_quickly_without_reading_or_fetching(
    tmp_path: Path, pot: Honeypot, guard: netguard.Guard, name: str
) -> None:
    path = _hostile_files(tmp_path, pot)[name]
    started = time.monotonic()
    with pytest.raises(UntrustedInputError) as info:
        read_rdf(path)
    assert time.monotonic() - started < 5
    assert EXPECTED[name] in str(info.value) and "\n" not in str(info.value)
    assert pot.hits == [] and guard.count() == 0, (guard.connections, guard.opens)


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{}"],
        ["query", "missing-figures", "--data", "{}"],
        ["export", "{}", "--out", "{out}"],
        ["serve", "{}", "--port", "0"],
        ["publish", "{}", "--store-url", "http://127.0.0.1:9/store"],
        ["graph", "{}", "--out", "{out}"],
    ],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize("name", ["billion-laughs.rdf", "xxe-file.rdf", "remote-context.jsonld"])
def test_every_command_reading_rdf_refuses_in_one_line(
    tmp_path: Path, pot: Honeypot, guard: netguard.Guard, command: list[str], name: str
) -> None:
    path = _hostile_files(tmp_path, pot)[name]
    args = [a.format(path, out=tmp_path / "out") for a in command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: refused: ")
    assert not (tmp_path / "out").exists()
    assert pot.hits == [] and guard.count() == 0, (guard.connections, guard.opens)


# Queries: FROM, SERVICE and updates.

FROM_QUERIES = [
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "ASK FROM <{pot}/from> { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } FROM <{pot}/from> WHERE { ?s ?p ?o }",
    "DESCRIBE <http://example.org/a> FROM NAMED <{pot}/named>",
]
SERVICE_QUERIES = [
    "SELECT * WHERE { SERVICE <{pot}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE SILENT <{pot}/sparql> { ?s ?p ?o } } } }",
    "ASK { OPTIONAL { SERVICE <http://example.invalid/sparql> { ?s ?p ?o } } }",
]
UPDATES = [
    "LOAD <{pot}/load>",
    "LOAD <file:///etc/passwd> INTO GRAPH <http://example.org/g>",
    "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP DEFAULT",
    "CREATE GRAPH <http://example.org/g>",
    "ADD DEFAULT TO GRAPH <http://example.org/g>",
    "MOVE DEFAULT TO GRAPH <http://example.org/g>",
    "COPY DEFAULT TO GRAPH <http://example.org/g>",
]


@pytest.fixture(scope="module")
def endpoint(bundled_kg: Graph) -> Iterator[tuple[str, Graph]]:
    graph = bundled_kg
    server = make_server(graph, "127.0.0.1", 0, timeout=20, max_rows=100)
    serve_in_thread(server)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", graph
    finally:
        server.shutdown()
        server.server_close()


def _http(url: str, data: bytes | None = None, content_type: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type} if content_type else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _each_way(url: str, text: str, field: str = "query") -> list[tuple[int, str]]:
    """Send ``text`` by GET, by POST urlencoded and by POST with the SPARQL media type."""
    form = urllib.parse.urlencode({field: text})
    media = "application/sparql-query" if field == "query" else "application/sparql-update"
    return [
        _http(f"{url}?{form}"),
        _http(url, form.encode(), "application/x-www-form-urlencoded"),
        _http(url, text.encode(), media),
    ]


@pytest.mark.parametrize("query", FROM_QUERIES + SERVICE_QUERIES)
def test_serve_refuses_from_and_service(
    endpoint: tuple[str, Graph], pot: Honeypot, guard: netguard.Guard, query: str
) -> None:
    url, _ = endpoint
    text = query.replace("{pot}", pot.url)
    word = "SERVICE" if "SERVICE" in text else "FROM / FROM NAMED"
    for status, body in _each_way(url, text):
        assert (status, body) == (403, f"{word} is not allowed: queries run on the local graph only\n")
    assert pot.hits == [] and guard.count() == 0, (guard.connections, guard.opens)


def test_serve_refuses_dataset_parameters(endpoint: tuple[str, Graph], pot: Honeypot) -> None:
    url, _ = endpoint
    for name in ("default-graph-uri", "named-graph-uri"):
        form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }", name: "file:///etc/passwd"})
        assert _http(f"{url}?{form}") == (403, "default-graph-uri / named-graph-uri are not allowed\n")
    assert pot.hits == []


@pytest.mark.parametrize("update", UPDATES)
def test_serve_refuses_every_update_every_way(
    endpoint: tuple[str, Graph], pot: Honeypot, guard: netguard.Guard, update: str
) -> None:
    url, graph = endpoint
    before = len(graph)
    text = update.replace("{pot}", pot.url)
    answers = _each_way(url, text, "update") + _each_way(url, text, "query")
    assert answers == [(403, "this endpoint is read-only: updates are refused\n")] * 6
    assert len(graph) == before
    assert pot.hits == [] and guard.count() == 0, (guard.connections, guard.opens)


def test_serve_refuses_oversized_bodies(endpoint: tuple[str, Graph]) -> None:
    url, _ = endpoint
    port = urllib.parse.urlsplit(url).port
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        # Only the headers are sent: the refusal must come before the body is read.
        sock.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: %d\r\n\r\n" % (1 << 30)
        )
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.0 413 ")
    assert reply.endswith(b"\r\n\r\nrequest body must be 0 to %d bytes\n" % (1 << 20))


@pytest.mark.parametrize("query", FROM_QUERIES + SERVICE_QUERIES)
def test_local_queries_refuse_from_and_service(
    tmp_path: Path, pot: Honeypot, guard: netguard.Guard, query: str
) -> None:
    rq = tmp_path / "hostile.rq"
    rq.write_text("# title: hostile\n# question: does it fetch?\n" + query.replace("{pot}", pot.url) + "\n")
    with pytest.raises(QueryRefusedError, match="is not allowed: queries run on the local graph only"):
        run_local(Graph(), read_query(rq))
    result = CliRunner().invoke(main, ["query", str(rq), "--data", str(_tiny(tmp_path))])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "is not allowed" in result.output
    assert pot.hits == [] and guard.count() == 0, (guard.connections, guard.opens)


def _tiny(folder: Path) -> Path:
    path = folder / "tiny.ttl"
    path.write_text("<http://example.org/a> <http://example.org/p> <http://example.org/o> .\n")
    return path


# Saved-query parameters: bound as values, never as query text.

HOSTILE_VALUES = [
    'x" } ; DROP ALL #',
    "x' } UNION { ?s ?p ?o }",
    "} } DELETE WHERE { ?s ?p ?o } #",
    "a # comment } ?s",
    "line\nbreak } INSERT DATA { <a> <b> <c> }",
    "> ; DROP GRAPH <http://example.org/g> ;",
    "\\\\u0022 ) } } DELETE WHERE { ?s ?p ?o } #",  # a codepoint escape as text
    "plain \\\\ backslash",
    "\\u0022 escaped",
    "\\U0001F600 and \\\\u0041",
]
REFUSED_VALUES = {
    '"x" } ; DROP ALL #': "is not an RDF term",
    "'x'} UNION {?s ?p ?o}": "is not an RDF term",
    '"a" . <urn:a> <urn:b> <urn:c>': "is not one RDF term",
    '"a" , "b"': "is not one RDF term",
    "<http://example.org/a b>": "is not an absolute IRI",
    "<http://example.org/a>} {": "is not an RDF term",
    "<http://example.org/a> } UNION { ?s ?p ?o }": "is not an RDF term",
    "<http://example.org/{x}>": "is not an absolute IRI",
    '"""triple""" quoted': "is not an RDF term",
    "<relative>": "is not an absolute IRI",
    '"x"^^<relative>': "is not an absolute IRI",
    '"x"@en } #': "is not an RDF term",
    '"two\nlines"': "is not an RDF term",
}


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, Path]:
    """A graph holding each hostile value as a literal, and a query selecting by one value."""
    graph = Graph()
    for i, value in enumerate(HOSTILE_VALUES):
        graph.add((URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(value)))
    graph.add((URIRef("http://example.org/other"), URIRef("http://example.org/p"), Literal("other")))
    rq = tmp_path_factory.mktemp("probe") / "by-value.rq"
    rq.write_text(
        "# title: by value\n# question: which subject has this value?\n"
        '# param: v = "other" : a value\n'
        "SELECT ?s WHERE { ?s <http://example.org/p> ?v }\n"
    )
    return graph, rq


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_parameter_values_are_matched_as_data(probe: tuple[Graph, Path], value: str) -> None:
    graph, rq = probe
    before = len(graph)
    rows = run_local(graph, read_query(rq), {"v": value})
    assert rows.rows == ((URIRef(f"http://example.org/s{HOSTILE_VALUES.index(value)}"),),)
    assert len(graph) == before


@pytest.mark.parametrize("value", sorted(REFUSED_VALUES))
def test_malformed_terms_are_refused_not_trimmed(probe: tuple[Graph, Path], value: str) -> None:
    graph, rq = probe
    with pytest.raises(QueryError, match=REFUSED_VALUES[value]):
        run_local(graph, read_query(rq), {"v": value})


def test_cli_parameter_refusal_is_one_line(probe: tuple[Graph, Path], tmp_path: Path) -> None:
    _, rq = probe
    result = CliRunner().invoke(main, ["query", str(rq), "--data", str(_tiny(tmp_path)), "--param", 'v="x" } #'])
    assert result.exit_code == 2
    assert result.output == "Error: parameter v: '\"x\" } #' is not an RDF term\n"


# owl:imports and other references in data are never followed.


def test_owl_imports_are_not_followed(tmp_path: Path, pot: Honeypot, guard: netguard.Guard) -> None:
    data = tmp_path / "imports.ttl"
    data.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        f"<http://example.org/onto> a owl:Ontology ; owl:imports <{pot.url}/onto>, <file:///etc/passwd> .\n"
    )
    result = CliRunner().invoke(main, ["validate", str(data), "--format", "json"])
    assert result.exit_code in (0, 1), result.output  # validated (it conforms or not), never an input error
    assert pot.hits == [] and guard.count() == 0, (guard.connections, guard.opens)


# The guard itself, then every bundled and fixture input under it.


def test_the_guard_counts_what_it_should(pot: Honeypot) -> None:
    with netguard.switched_on() as guard:
        urllib.request.urlopen(f"{pot.url}/allowed", timeout=10).read()  # loopback: fine
        Path("/etc/hostname").exists()  # a stat, not an open
        with pytest.raises(OSError):
            open("/nonexistent-dir/secret")  # noqa: SIM115 - the attempt is what counts
        with pytest.raises(OSError):
            urllib.request.urlopen("http://example.invalid/", timeout=1)
    assert guard.opens == ["/nonexistent-dir/secret"]
    assert guard.connections[0] == "urllib http://example.invalid/"
    assert pot.hits == ["/allowed"]
    pot.hits.clear()


def _fixture_inputs() -> list[Path]:
    here = ROOT / "tests"
    suffixes = {".ttl", ".nt", ".rdf", ".owl", ".jsonld", ".trig", ".nq", ".xml", ".trix"}
    found = [p for p in (here / "fixtures").rglob("*") if p.suffix in suffixes]
    for name in ("ontology", "shapes"):
        found += sorted(packaged(name).glob("*.ttl"))
    return sorted(found)


def test_bundled_and_fixture_inputs_and_every_saved_query_stay_local(
    tmp_path: Path, bundled_graph: Graph, pot: Honeypot
) -> None:
    exported = {}
    for fmt, suffix in (("json-ld", ".jsonld"), ("xml", ".rdf"), ("nt", ".nt")):
        exported[fmt] = tmp_path / f"kg{suffix}"
        exported[fmt].write_bytes(bundled_graph.serialize(format=fmt, encoding="utf-8"))
    exported["trig"] = tmp_path / "kg.trig"  # csr-kg's TriG (one named graph per report), 3x rdflib's speed
    exported["trig"].write_bytes(serialise(bundled_graph, "trig"))
    inputs = _fixture_inputs()
    assert {p.parent.name for p in inputs} == {"ontology", "shapes", "units-report"}
    graph = bundled_graph + ontology_graph()
    fixture_report = MINI_REPORT
    with netguard.switched_on(tmp_path) as guard:
        for path in inputs:
            assert len(read_rdf(path)) > 0, path
        assert len(build_graph([fixture_report])) > 0
        assert len(build_graph()) == len(bundled_graph)
        for fmt, path in exported.items():
            assert len(read_rdf(path)) == len(bundled_graph), fmt
        context = json.loads((ROOT / "kg" / "vocab" / "context.jsonld").read_text())
        parse_rdf(json.dumps({**context, "@id": "http://example.org/a"}).encode(), "json-ld")
        for query in saved_queries():
            run_local(graph, query)
    assert pot.hits == []
    assert guard.count() == 0, (guard.connections, guard.opens, guard.processes)
