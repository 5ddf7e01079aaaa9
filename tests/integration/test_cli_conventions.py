"""Command-line conventions users of rdflib, pySHACL and Oxigraph expect, command by command.

Each test runs a command as a user would (click's CliRunner, or a subprocess where a real
process matters) and checks what it prints, what it writes and its exit status. No test here
may see a traceback: every failure is a one-line ``Error:`` and exit status 2.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF

from kg.cli.app import COMMANDS, main
from kg.outputs.export import parse
from kg.rdf.build import build_graph, serialise
from kg.rdf.formats import FORMATS
from tests.support.paths import MINI_REPORT, ROOT


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    # A traceback would show as an exception other than click's own exit.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def error_line(result: Result) -> str:
    """The one-line error of a failed command (exit 2)."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def mini_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mini") / "mini.ttl"
    path.write_bytes(serialise(build_graph([MINI_REPORT])))
    return path


@pytest.fixture(scope="module")
def mini_graph(mini_file: Path) -> Graph:
    return Graph().parse(mini_file)


# ------------------------------------------------------------------ help


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: main {command} ")


def test_python_m_kg_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, cwd=ROOT, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: csrkg [OPTIONS] COMMAND [ARGS]...")
    assert all(f"  {name} " in done.stdout for name in COMMANDS)


@pytest.mark.parametrize(
    ("command", "short", "long"),
    [
        ("build", "-o", "--out"),
        ("build", "-q", "--quiet"),
        ("export", "-q", "--quiet"),
        ("validate", "-s", "--shapes"),
        ("query", "-p", "--param"),
        ("export", "-o", "--out"),
        ("export", "-f", "--format"),
        ("validate", "-o", "--out"),
        ("validate", "-f", "--format"),
        ("query", "-f", "--format"),
        ("docs", "-o", "--out"),
        ("graph", "-o", "--out"),
        ("graph", "-q", "--quiet"),
    ],
)
def test_short_options_name_the_same_option(command: str, short: str, long: str) -> None:
    cmd = main.get_command(None, command)  # type: ignore[arg-type]
    assert any(short in p.opts and long in p.opts for p in cmd.params), (command, short)


# ------------------------------------------------------------------ formats


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("ttl", "turtle"),
        ("turtle", "turtle"),
        ("nt", "ntriples"),
        ("ntriples", "ntriples"),
        ("json-ld", "jsonld"),
        ("jsonld", "jsonld"),
        ("xml", "rdfxml"),
        ("rdfxml", "rdfxml"),
        ("nquads", "nquads"),
        ("nq", "nquads"),
        ("trig", "trig"),
        ("TTL", "turtle"),
    ],
)
def test_export_format_aliases(alias: str, name: str, mini_file: Path, mini_graph: Graph, tmp_path: Path) -> None:
    with CliRunner().isolated_filesystem(temp_dir=tmp_path):
        result = run("export", str(mini_file), "-f", alias)
        assert result.exit_code == 0, result.output
        written = Path("csr-kg" + FORMATS[name].extension)
        assert set(parse(written.read_bytes(), name)) == set(mini_graph)


@pytest.mark.parametrize(("suffix", "rdflib_name"), [(".jsonld", "json-ld"), (".nt", "nt"), (".rdf", "xml")])
def test_export_guesses_the_format_from_the_extension(
    suffix: str, rdflib_name: str, mini_file: Path, mini_graph: Graph, tmp_path: Path
) -> None:
    out = tmp_path / f"kg{suffix}"
    assert run("export", str(mini_file), "-o", str(out)).exit_code == 0
    assert len(Graph().parse(out, format=rdflib_name)) == len(mini_graph)


def test_export_refuses_an_unknown_extension_naming_the_formats(mini_file: Path, tmp_path: Path) -> None:
    line = error_line(run("export", str(mini_file), "-o", str(tmp_path / "kg.csv")))
    assert "'.csv'" in line and all(f"{f.name} (" in line for f in FORMATS.values())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["export", "build"])
def test_out_into_a_missing_directory_is_an_error_not_a_mkdir(command: str, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "kg.ttl"
    args = ["build", str(MINI_REPORT)] if command == "build" else ["export"]
    line = error_line(run(*args, "-o", str(target)))
    assert line == f"Error: {target}: directory {target.parent} does not exist"
    assert not target.parent.exists()


def test_build_writes_the_format_its_extension_names(mini_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "kg.jsonld"
    assert run("build", str(MINI_REPORT), "-o", str(out)).exit_code == 0
    json.loads(out.read_text(encoding="utf-8"))
    assert len(Graph().parse(out, format="json-ld")) == len(mini_graph)


def test_build_streams_n_triples(mini_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "kg.nt"
    result = run("build", str(MINI_REPORT), "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == (
        "mini-2019: report.txt:17: figures table: 7 rows, 7 cells, 0 not read\n"
        f"wrote {out} (1 reports, {len(mini_graph)} triples)\n"
    )
    assert len(Graph().parse(out, format="nt")) == len(mini_graph)


def test_quiet_build_prints_nothing(tmp_path: Path) -> None:
    result = run("build", str(MINI_REPORT), "-q", "-o", str(tmp_path / "kg.nt"))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_build_refuses_an_extension_it_does_not_write(tmp_path: Path) -> None:
    line = error_line(run("build", str(MINI_REPORT), "-o", str(tmp_path / "kg.json.txt")))
    assert "'.txt'" in line and "jsonld (.jsonld .json)" in line and "nquads (.nq)" in line


# ------------------------------------------------------------------ inputs that are not RDF


NOT_RDF = {
    "notrdf.json": (b'{"name": "not JSON-LD", "items": [1, 2]}', "not an RDF graph (no RDF triples in it as json-ld)"),
    "empty.ttl": (b"", "not an RDF graph (empty)"),
    "notes.txt": (b"These are my notes.\n", "not a parsable RDF file (turtle): Bad syntax"),
    "cut.ttl": (
        b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ;\n",
        "not a parsable RDF file (turtle): Bad syntax (EOF found when expected verb in property list) at line 3",
    ),
}
READERS = {
    "validate": ["validate"],
    "query": ["query", "claims-by-kind", "--data"],
    "export": ["export", "-o", "{tmp}/out.ttl"],
    "serve": ["serve", "--port", "0"],
    "graph": ["graph", "-o", "{tmp}/net"],
    "publish": ["publish", "--store-url", "http://127.0.0.1:9/store"],
}


@pytest.mark.parametrize("command", sorted(READERS))
@pytest.mark.parametrize("name", sorted(NOT_RDF))
def test_an_input_that_is_not_rdf_is_an_error(command: str, name: str, tmp_path: Path) -> None:
    data, reason = NOT_RDF[name]
    path = tmp_path / name
    path.write_bytes(data)
    args = [a.replace("{tmp}", str(tmp_path)) for a in READERS[command]]
    line = error_line(run(*args, str(path)))
    assert line.startswith(f"Error: {path}: {reason}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


# ------------------------------------------------------------------ query


@pytest.fixture
def rq(tmp_path: Path):
    def write(text: str) -> str:
        path = tmp_path / "mine.rq"
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


CSR = "PREFIX csr: <https://w3id.org/csr-kg/ontology#>\n"


def test_a_users_select_needs_no_header(rq, mini_file: Path) -> None:
    result = run("query", rq(CSR + "SELECT (COUNT(*) AS ?n) WHERE { ?r a csr:Report }"), "--data", str(mini_file))
    assert result.exit_code == 0
    assert result.stdout == "n\n-\n1\n(1 rows)\n"


@pytest.mark.parametrize(("body", "answer"), [("?r a csr:Report", "true"), ("?r a csr:Nothing", "false")])
def test_ask_prints_true_or_false(body: str, answer: str, rq, mini_file: Path) -> None:
    result = run("query", rq(CSR + f"ASK {{ {body} }}"), "--data", str(mini_file))
    assert (result.exit_code, result.stdout) == (0, answer + "\n")
    as_json = run("query", rq(CSR + f"ASK {{ {body} }}"), "--data", str(mini_file), "-f", "json")
    assert json.loads(as_json.stdout) == {"head": {}, "boolean": answer == "true"}


def test_construct_prints_turtle_or_the_format_asked(rq, mini_file: Path, mini_graph: Graph) -> None:
    text = CSR + "CONSTRUCT { ?r a csr:Report } WHERE { ?r a csr:Report }"
    reports = set(mini_graph.triples((None, RDF.type, URIRef("https://w3id.org/csr-kg/ontology#Report"))))
    turtle = run("query", rq(text), "--data", str(mini_file))
    assert turtle.exit_code == 0 and set(Graph().parse(data=turtle.stdout, format="turtle")) == reports
    nt = run("query", rq(text), "--data", str(mini_file), "-f", "nt")
    assert set(Graph().parse(data=nt.stdout, format="nt")) == reports


def test_describe_prints_the_resource(rq, mini_file: Path, mini_graph: Graph) -> None:
    report = next(mini_graph.subjects(RDF.type, URIRef("https://w3id.org/csr-kg/ontology#Report")))
    result = run("query", rq(f"DESCRIBE <{report}>"), "--data", str(mini_file))
    assert result.exit_code == 0
    described = Graph().parse(data=result.stdout, format="turtle")
    assert set(described) == set(mini_graph.triples((report, None, None)))


def test_an_undefined_prefix_is_reported_at_its_line_and_column(rq, mini_file: Path) -> None:
    path = rq("# mine\nSELECT ?s WHERE {\n  ?s foo:bar ?o\n}\n")
    assert error_line(run("query", path, "--data", str(mini_file))) == (
        f"Error: {path}: undefined prefix 'foo': at line 3, column 6"
    )


def test_a_syntax_error_is_reported_at_its_line_and_column(rq, mini_file: Path) -> None:
    path = rq("SELECT ?s WHERE {\n  ?s ?p ?o\n  FILTER( }\n")
    assert error_line(run("query", path, "--data", str(mini_file))) == (
        f"Error: {path}: SPARQL syntax error at line 3, column 3: Expected SelectQuery, found 'FILTER'"
    )


def test_a_missing_query_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "none.rq"
    assert error_line(run("query", str(path))) == f"Error: {path}: file not found"


def test_a_results_format_for_a_graph_is_an_error(rq, mini_file: Path) -> None:
    text = CSR + "CONSTRUCT { ?r a csr:Report } WHERE { ?r a csr:Report }"
    line = error_line(run("query", rq(text), "--data", str(mini_file), "-f", "csv"))
    assert line == "Error: --format csv is for SELECT and ASK results; a graph is written in an RDF format"


# ------------------------------------------------------------------ serve


def test_serve_on_a_port_in_use_is_a_one_line_error(mini_file: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "kg", "serve", str(mini_file), "--port", str(port)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
            timeout=120,
        )
    assert done.returncode == 2
    assert done.stderr == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_serve_on_an_unknown_host_is_a_one_line_error(mini_file: Path) -> None:
    line = error_line(run("serve", str(mini_file), "--host", "no-such-host.invalid", "--port", "0"))
    assert line.startswith("Error: cannot listen on no-such-host.invalid:0: ")


# ------------------------------------------------------------------ docs


@pytest.mark.xdist_group("ontology-docs")  # one worker writes the page (session fixture ontology_docs)
def test_docs_page_is_titled_for_the_csr_kg_ontology(request: pytest.FixtureRequest) -> None:
    pytest.importorskip("pylode", reason="pyLODE is the optional documentation extra")
    result, out = request.getfixturevalue("ontology_docs")
    # As run() checks: no exception but click's own exit.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>csr-kg ontology</title>" in page
    metadata = page[page.index('id="metadata"') : page.index('id="metadata"') + 6000]
    assert "https://w3id.org/csr-kg/ontology</code>" in metadata
    assert "https://w3id.org/csr-kg/ontology/0.1.0" in metadata
    assert "csr-kg developers" in metadata
    assert "Stock Exchange" not in metadata and "units of measure" not in metadata


def test_the_documented_graph_has_one_header() -> None:
    from kg.outputs.docs import ONTOLOGY, documented_graph

    graph = documented_graph()
    assert list(graph.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY]
    assert str(graph.value(ONTOLOGY, DCTERMS.title)) == "csr-kg ontology"


# ------------------------------------------------------------------ progress


def test_progress_is_drawn_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from kg.cli.progress import progress

    with progress(3, "building") as done:
        for _ in range(3):
            done()
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with progress(3, "building") as done:
        for _ in range(3):
            done()
    assert "building" in capsys.readouterr().err


# ------------------------------------------------------------------ parameters by name


@pytest.fixture(scope="module")
def kg_graph(bundled_graph: Graph) -> Graph:
    from kg.vocab.ontology import with_ontology

    return with_ontology(bundled_graph)  # a copy with the ontology


ID = "https://w3id.org/csr-kg/id/"
NATURAL = [
    ("initiatives-by-sdg", "sdg", "9", "http://metadata.un.org/sdg/9"),
    ("kpi-disclosure", "report", "xiaomi-2019", ID + "report/xiaomi-2019"),
    # The catalogue metric, not the report's metric of the same id: the query asks for a CatalogueMetric.
    ("metric-across-reports", "metric", "hazardous-waste", "https://w3id.org/csr-kg/esg-metric/hazardous-waste"),
    ("committee-oversight", "org", "xiaomi", ID + "org/xiaomi"),
]


@pytest.mark.parametrize(("query", "param", "name", "iri"), NATURAL)
def test_a_name_gives_the_rows_its_iri_gives(query: str, param: str, name: str, iri: str, kg_graph: Graph) -> None:
    from kg import api

    by_iri = api.run(query, kg_graph, **{param: URIRef(iri)})
    assert by_iri, "the IRI form must return rows for the comparison to mean anything"
    assert api.run(query, kg_graph, **{param: name}) == by_iri
    assert api.run(query, kg_graph, **{param: f"<{iri}>"}) == by_iri


@pytest.mark.parametrize(("query", "param", "name", "iri"), NATURAL[:1])
def test_a_name_is_resolved_on_the_command_line(query: str, param: str, name: str, iri: str) -> None:
    by_name = run("query", query, "--param", f"{param}={name}", "-f", "tsv")
    by_iri = run("query", query, "--param", f"{param}=<{iri}>", "-f", "tsv")
    assert by_name.exit_code == 0 and by_name.stdout == by_iri.stdout
    assert len(by_name.stdout.splitlines()) > 1


def test_a_name_that_resolves_to_nothing_lists_close_matches() -> None:
    line = error_line(run("query", "metric-across-reports", "--param", "metric=hazardus-waste"))
    assert line.startswith("Error: parameter metric: nothing in the graph is named 'hazardus-waste'; close matches: ")
    assert "hazardous-waste" in line.split("close matches: ")[1].split(", ")


def test_a_literal_parameter_is_not_resolved(kg_graph: Graph) -> None:
    from rdflib import Literal

    from kg import api

    assert api.run("claims-mentioning", kg_graph, word="water") == api.run(
        "claims-mentioning", kg_graph, word=Literal("water")
    )
    assert api.run("claims-mentioning", kg_graph, word="water")


def test_resolution_binds_terms_never_pastes_text(kg_graph: Graph) -> None:
    from kg import api

    hostile = 'xiaomi" } ; DROP ALL #'
    with pytest.raises(Exception, match="nothing in the graph is named"):
        api.run("committee-oversight", kg_graph, org=hostile)
