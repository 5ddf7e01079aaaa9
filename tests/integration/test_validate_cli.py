"""`csrkg validate`: exit codes, and the three output formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.rdf.build import build_graph, serialise
from tests.support.paths import FIXTURES


@pytest.fixture(scope="module")
def mini_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mini") / "mini.ttl"
    path.write_bytes(serialise(build_graph([FIXTURES / "mini-report"])))
    return path


def _run(*args: str):
    from kg.cli.app import main

    return CliRunner().invoke(main, ["validate", *args])


def test_conforming_file_exits_0_with_a_text_summary(mini_file: Path) -> None:
    result = _run(str(mini_file))
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "Violations (0)"
    assert result.output.rstrip().endswith("The graph conforms: 0 violations, 0 warnings, 0 infos.")


def test_violations_exit_1_and_show_the_quote(mini_file: Path, tmp_path: Path) -> None:
    graph = Graph().parse(mini_file)
    graph.update((FIXTURES / "shapes" / "ClaimShape.ru").read_text(encoding="utf-8"))
    broken = tmp_path / "broken.ttl"
    broken.write_bytes(serialise(graph))
    result = _run(str(broken))
    assert result.exit_code == 1
    assert "A claim must have exactly one kind (csr:claimKind)." in result.output
    assert 'claim headcount, section 1.1: "As of the end of 2019, Mini Co had 10 employees."' in result.output


def test_json_is_stable_and_machine_readable(mini_file: Path, tmp_path: Path) -> None:
    graph = Graph().parse(mini_file)
    graph.update((FIXTURES / "shapes" / "TotalOfPartsShape.ru").read_text(encoding="utf-8"))
    path = tmp_path / "warn.ttl"
    path.write_bytes(serialise(graph))
    first, second = _run(str(path), "--format", "json"), _run(str(path), "--format", "json")
    assert first.exit_code == 0  # warnings do not fail validation
    assert first.output == second.output
    data = json.loads(first.output)
    assert data["conforms"] is True
    assert data["counts"] == {"Violation": 0, "Warning": 1, "Info": 0}
    (finding,) = data["results"]
    assert finding["shape"] == "https://w3id.org/csr-kg/shapes#TotalOfPartsShape"
    assert finding["evidence"]["quote"] == "Total GHG emissions (Scope 1 and 2) (tons)\t30.00"


def test_turtle_is_the_w3c_report(mini_file: Path) -> None:
    result = _run(str(mini_file), "--format", "turtle")
    assert result.exit_code == 0
    report = Graph().parse(data=result.output, format="turtle")
    (node,) = report.subjects(RDF.type, SH.ValidationReport)
    assert report.value(node, SH.conforms).toPython() is True


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "file not found"), ("this is @@ not turtle", "not a parsable RDF file")],
)
def test_input_errors_exit_2(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "input.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_usage_error_exits_2(mini_file: Path) -> None:
    assert _run(str(mini_file), "--format", "xml").exit_code == 2


NESTED_SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Outer a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:part ; sh:node ex:Inner ] .
ex:Inner a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:severity sh:Violation ] .
"""
WARNING_SHAPES = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Named a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:property [ sh:path ex:label ; sh:minCount 1 ; sh:severity sh:Warning ] .
"""
THINGS = """\
@prefix ex: <http://example.org/> .
ex:a a ex:Thing ; ex:part ex:a1 , ex:a2 .
ex:b a ex:Thing ; ex:part ex:b1 .
ex:a1 ex:note "no name" . ex:a2 ex:note "no name" . ex:b1 ex:note "no name" .
"""


@pytest.fixture
def things(tmp_path: Path) -> dict[str, Path]:
    files = {"nested": NESTED_SHAPES, "warning": WARNING_SHAPES, "data": THINGS}
    paths = {name: tmp_path / f"{name}.ttl" for name in files}
    for name, text in files.items():
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_each_result_is_counted_once_not_again_for_its_details(things: dict[str, Path]) -> None:
    result = _run(str(things["data"]), "--shapes", str(things["nested"]), "--replace-shapes", "-f", "json")
    assert result.exit_code == 1
    body = json.loads(result.output)
    # three parts without a name: three sh:node results, each with its sh:detail, counted once
    assert body["counts"] == {"Violation": 3, "Warning": 0, "Info": 0}
    report = Graph().parse(
        data=_run(str(things["data"]), "-s", str(things["nested"]), "--replace-shapes", "-f", "turtle").output,
        format="turtle",
    )
    assert len(list(report.objects(None, SH.result))) == 3
    assert len(list(report.subjects(RDF.type, SH.ValidationResult))) > 3


def test_shapes_are_added_to_csr_kgs_unless_replaced(things: dict[str, Path], mini_file: Path) -> None:
    added = json.loads(_run(str(mini_file), "-s", str(things["warning"]), "-f", "json").output)
    assert added["counts"] == {"Violation": 0, "Warning": 0, "Info": 0}
    on_things = json.loads(_run(str(things["data"]), "-s", str(things["warning"]), "-f", "json").output)
    shapes = {finding["shape"] for finding in on_things["results"]}
    assert "http://example.org/Named" in shapes


def test_strict_fails_on_warnings_allow_warnings_does_not(things: dict[str, Path]) -> None:
    args = (str(things["data"]), "-s", str(things["warning"]), "--replace-shapes")
    allowed = _run(*args)
    assert allowed.exit_code == 0 and allowed.output.rstrip().endswith(
        "The graph conforms: 0 violations, 2 warnings, 0 infos."
    )
    strict = _run(*args, "--strict")
    assert strict.exit_code == 1
    assert strict.output.rstrip().endswith("The graph does not conform: 0 violations, 2 warnings, 0 infos.")


def test_out_writes_the_report_to_a_file(mini_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = _run(str(mini_file), "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["conforms"] is True


def test_replace_shapes_needs_shapes(mini_file: Path) -> None:
    result = _run(str(mini_file), "--replace-shapes")
    assert result.exit_code == 2 and "--replace-shapes needs at least one --shapes file" in result.stderr
