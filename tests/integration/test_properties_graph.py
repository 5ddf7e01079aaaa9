"""Property tests of whole builds: generated claim sheets give exactly the triples they imply,
whatever their YAML style, and every built graph survives every export format with its numbers'
lexical forms; and each export is byte-identical whatever PYTHONHASHSEED is.

Report folders are generated (tests/strategies.py): entities, metrics, and claims whose quotes
print figures drawn as exact values, written to a temporary folder and built.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import rdflib
import yaml
from hypothesis import given
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from kg.outputs.export import FORMATS, parse, serialise
from kg.rdf.build import build_graph
from kg.rdf.iris import Minter
from kg.vocab.entity_types import type_table
from kg.vocab.namespaces import CSR, OA, QUDT
from kg.vocab.ontology import vocabulary
from kg.vocab.units import load_units
from tests.support.graphs import same_graph
from tests.support.paths import ROOT
from tests.support.strategies import GeneratedReport, bounded, generated_reports

MINT = Minter()
VOCAB = vocabulary()
UNITS = load_units()


@contextmanager
def built(report: GeneratedReport, sheet_yaml: str | None = None) -> Iterator[Graph]:
    """The graph of ``report`` written to a fresh temporary folder."""
    tmp = Path(tempfile.mkdtemp(prefix="csrkg-prop-"))
    try:
        yield build_graph([report.write(tmp / "report", sheet_yaml)])
    finally:
        shutil.rmtree(tmp)


def lexical(value: Fraction) -> str:
    """The canonical xsd:decimal form of ``value`` (a fraction with a power-of-ten denominator),
    computed here from integers: positional, no trailing zeros, at least one fraction digit."""
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    digits = str(abs(value.numerator * 10**places // value.denominator)).rjust(places + 1, "0")
    whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :].rstrip("0")
    return f"{'-' if value < 0 else ''}{whole}.{fraction or '0'}"


def expected_observations(report: GeneratedReport, claim: dict[str, Any]) -> Counter[tuple]:
    """(metric, value, unit, surface, qualifier, observed entity) of each observation the claim
    implies: a fact the claim prints twice ("figure 0; figure 0", the same kind, period, baseline,
    boundary and recipient) is one observation, of its first printing (kg.ingest.model.facts)."""
    company = report.meta["company"]
    types = {e["id"]: e["type"] for e in report.sheet["entities"]}
    found: Counter[tuple] = Counter()
    seen: set[tuple] = set()
    for obs, figure in zip(claim.get("observations", ()), report.figures[claim["id"]], strict=True):
        observed = obs.get("subject") or claim.get("subject") or company
        unit = figure.unit or obs.get("unit") or "NUM"
        printed = tuple(str(obs.get(k)) for k in ("kind", "period", "baseline", "boundary", "recipient"))
        fact = (obs["metric"], figure.value, unit, figure.qualifier, observed, printed)
        if fact in seen:
            continue
        seen.add(fact)
        found[
            (
                MINT.metric(obs["metric"]),
                Literal(lexical(figure.value), datatype=XSD.decimal),
                UNITS.iri(unit),
                Literal(figure.surface),
                VOCAB.qualifiers[figure.qualifier] if figure.qualifier else None,
                MINT.entity(types[observed], observed, company),
            )
        ] += 1
    return found


def graph_observations(graph: Graph, claim: URIRef) -> Counter[tuple]:
    found: Counter[tuple] = Counter()
    for node in graph.objects(claim, CSR.hasObservation):
        value = graph.value(node, QUDT.numericValue)
        found[
            (
                graph.value(node, CSR.metric),
                Literal(str(value), datatype=value.datatype),  # lexical form and datatype, not value equality
                graph.value(node, QUDT.unit),
                graph.value(node, CSR.surfaceForm),
                graph.value(node, CSR.approximation),
                graph.value(node, CSR.observedEntity),
            )
        ] += 1
    return found


@bounded(60)
@given(report=generated_reports())
def test_a_generated_sheet_gives_exactly_the_triples_it_implies(report: GeneratedReport) -> None:
    rid, company = report.meta["id"], report.meta["company"]
    types = {e["id"]: e["type"] for e in report.sheet["entities"]}

    def entity(ident: str) -> URIRef:
        return MINT.entity(types[ident], ident, company)

    with built(report) as graph:
        # every entity and metric, with its exact label
        for spec in report.sheet["entities"]:
            assert (entity(spec["id"]), RDF.type, type_table().entity_type(spec["type"]).cls) in graph
            assert set(graph.objects(entity(spec["id"]), RDFS.label)) == {Literal(spec["label"], lang="en")}
        for spec in report.sheet["metrics"]:
            assert set(graph.objects(MINT.metric(spec["id"]), RDFS.label)) == {Literal(spec["label"], lang="en")}
        # exactly the claims generated (the text has no tables that would add claims)
        claims = {MINT.claim(rid, c["id"]): c for c in report.sheet["claims"]}
        assert set(graph.subjects(RDF.type, CSR.Claim)) == set(claims)
        assert len(claims) == len(report.sheet["claims"])
        for node, spec in claims.items():
            subject = entity(spec.get("subject") or company)
            assert graph.value(node, DCTERMS.identifier) == Literal(spec["id"])
            assert graph.value(node, CSR.claimKind) == VOCAB.kinds[spec["kind"]]
            assert graph.value(node, CSR.subject) == subject
            linked = {t for targets in spec.get("links", {}).values() for t in targets}
            assert set(graph.objects(node, CSR.about)) == {entity(i) for i in {*spec.get("about", ()), *linked}}
            for prop, targets in spec.get("links", {}).items():
                assert {entity(t) for t in targets} <= set(graph.objects(subject, VOCAB.links[prop]))
            (target,) = graph.objects(node, CSR.hasQuote)
            selectors = {graph.value(s, RDF.type): s for s in graph.objects(target, OA.hasSelector)}
            start = report.text.index(spec["quote"])
            assert graph.value(selectors[OA.TextQuoteSelector], OA.exact) == Literal(spec["quote"])
            position = selectors[OA.TextPositionSelector]
            assert (graph.value(position, OA.start).toPython(), graph.value(position, OA.end).toPython()) == (
                start,
                start + len(spec["quote"]),
            )
            assert graph_observations(graph, node) == expected_observations(report, spec)
            goals = {graph.value(a, CSR.goal) for a in graph.objects(node, CSR.hasSDGAlignment)}
            assert goals == {VOCAB.sdgs[s["goal"]] for s in spec.get("sdgs", ())}
            kpis = {graph.value(m, CSR.kpi) for m in graph.objects(node, CSR.hasKPIMapping)}
            assert kpis == {VOCAB.codes(report.meta.get("standard"))[code] for code in spec.get("kpis", ())}


def _reordered(data: Any) -> Any:
    """The same data with every mapping's keys in reverse order."""
    if isinstance(data, dict):
        return {key: _reordered(data[key]) for key in reversed(list(data))}
    if isinstance(data, list):
        return [_reordered(item) for item in data]
    return data


@bounded(40)
@given(report=generated_reports(max_claims=3))
def test_key_order_and_yaml_style_do_not_change_the_graph(report: GeneratedReport) -> None:
    block = yaml.safe_dump(report.sheet, allow_unicode=True, default_flow_style=False, sort_keys=True)
    flow = yaml.safe_dump(_reordered(report.sheet), allow_unicode=True, default_flow_style=True, sort_keys=False)
    assert block != flow
    with built(report, block) as first, built(report, flow) as second:
        assert len(first) > 0
        assert same_graph(first, second)


@contextmanager
def literals_as_written() -> Iterator[None]:
    """Parse literals keeping their lexical form (rdflib would otherwise canonicalise some)."""
    previous = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        yield
    finally:
        rdflib.NORMALIZE_LITERALS = previous


def numeric_values(graph: Graph) -> dict[URIRef, tuple[str, URIRef | None]]:
    """Each observation's numeric value: lexical form and datatype."""
    return {s: (str(o), o.datatype) for s, o in graph.subject_objects(QUDT.numericValue)}


def check_every_format(graph: Graph, isomorphism: bool = True, written: Callable[[str], bytes] | None = None) -> None:
    """Every format parses back isomorphic, with each number's lexical form as built, as xsd:decimal.

    (``isomorphism=False`` for the bundled graph, whose round trip tests/test_export.py checks;
    ``written`` gives ``graph`` serialised in a format, for the bundled graph the session's copy.)
    """
    numbers = numeric_values(graph)
    assert {datatype for _, datatype in numbers.values()} <= {XSD.decimal}
    for fmt in sorted(FORMATS):
        data = written(fmt) if written else serialise(graph, fmt)
        assert not isomorphism or same_graph(parse(data, fmt), graph), fmt
        with literals_as_written():
            assert numeric_values(parse(data, fmt)) == numbers, fmt
        for lexical_form, _ in numbers.values():
            assert lexical_form.encode() in data, (fmt, lexical_form)


@bounded(25)
@given(report=generated_reports())
def test_every_export_format_round_trips_a_generated_graph(report: GeneratedReport) -> None:
    with built(report) as graph:
        check_every_format(graph)


@pytest.mark.xdist_group("bundled-exports")
@pytest.mark.parametrize(
    ("folder", "least", "printed", "lexical_form"),
    [
        (None, 100, "approximately RMB7.5 billion", "7500000000.0"),
        (ROOT / "tests/fixtures/mini-report", 5, "0.10", "0.1"),  # the canonical form kg.rdf.mapping.decimal() decides
    ],
    ids=["bundled", "mini-report"],
)
def test_numbers_keep_their_lexical_form_in_every_format(
    folder: Path | None, least: int, printed: str, lexical_form: str, request: pytest.FixtureRequest
) -> None:
    graph = build_graph([folder]) if folder else request.getfixturevalue("bundled_graph")
    written = None if folder else request.getfixturevalue("bundled_export")
    numbers = numeric_values(graph)
    assert len(numbers) >= least
    nodes = set(graph.subjects(CSR.surfaceForm, Literal(printed)))
    assert nodes and {numbers[node] for node in nodes} == {(lexical_form, XSD.decimal)}
    check_every_format(graph, isomorphism=folder is not None, written=written)


@pytest.mark.parametrize("text", ["a\u2028b", "a\u2029b", "a\x85b", "a\r\nb", "小米\u3000"])
def test_line_separators_inside_literals_survive_every_format(text: str) -> None:
    # (\x1c and other C0 controls XML cannot hold are refused where input is read.)
    # N-Triples output used to be sorted by str.splitlines(), which also splits at these
    # characters inside a literal and so cut the triple in two.
    graph = Graph()
    graph.add((URIRef("https://example.org/s"), RDFS.label, Literal(text, lang="en")))
    for fmt in sorted(FORMATS):
        back = parse(serialise(graph, fmt), fmt)
        assert set(back) == set(graph), fmt


EXPORT_ALL = """
import sys
from pathlib import Path
from kg.rdf.build import build_graph, serialise, write_atomically
from kg.outputs.export import FORMATS, export
out = Path(sys.argv[1])
graph = build_graph([Path(sys.argv[2])])
write_atomically(out / "build.ttl", serialise(graph))
for fmt, spec in FORMATS.items():
    export(graph, fmt, out / f"kg{spec.extension}")
"""


def test_every_format_is_byte_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Set and dict order follow PYTHONHASHSEED; no output may depend on it."""
    outputs = {}
    for seed in ("0", "1", "4242", "982451653"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        subprocess.run(
            [sys.executable, "-c", EXPORT_ALL, str(out), str(ROOT / "tests/fixtures/mini-report")],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=120,
        )
        outputs[seed] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    names = sorted(outputs["0"])
    assert names == sorted(["build.ttl", *(f"kg{spec.extension}" for spec in FORMATS.values()), *["kg.void.ttl"]])
    for seed, files in outputs.items():
        for name in names:
            assert files[name] == outputs["0"][name], f"{name} differs between PYTHONHASHSEED=0 and {seed}"
