"""``csrkg draft`` drafts every claim: on the development fixtures, a PDF the test prints, and the
bundled report's text, the drafted folder builds, validates and answers every saved query, and every
drafted quote is verbatim at its offsets with each figure inside it.

The fixtures of tests/fixtures/draft-dev/ are invented reports (a property manager with HK$ and
two-year tables, a manufacturer with three-year tables, RMB intensities and highlight boxes, a
logistics company with US$ and targets). The bundled report is drafted from its text alone (its
curated sheets set aside) to show that rules made on other reports still give a folder that builds.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import OWL, PROV, RDF

from kg import software_version
from kg.cli.app import main
from kg.errors import InputError
from kg.ingest.loader import load_report
from kg.ingest.model import Report
from kg.rdf.build import build_graph
from kg.sparql.saved import run_local, saved_queries
from kg.validate.shacl import validate_graph
from kg.vocab.namespaces import CSR
from kg.vocab.ontology import ontology_graph, vocabulary
from tests.support.mini import MINI_SHEET
from tests.support.paths import FIXTURES, ROOT
from tests.support.pdfs import Heading, Para, Spec, Table, write_pdf

DEV = FIXTURES / "draft-dev"
NAMES = ("harbourview", "jiangnan", "pacificcrest")


def _draft(source: Path, out: Path, *options: str) -> Path:
    result = CliRunner().invoke(main, ["draft", str(source), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("drafted")
    return {name: _draft(DEV / f"{name}.txt", root / name) for name in NAMES}


@pytest.fixture(scope="module")
def graphs(folders: dict[str, Path]) -> dict[str, Graph]:
    return {name: build_graph([folder]) for name, folder in folders.items()}


def _drafted(report: Report) -> list:
    return [c for c in report.claims.values() if c.review == "drafted"]


def _check_traceable(report: Report) -> None:
    """Every drafted quote is the text at its offsets, every figure inside it and printed so."""
    text = report.text.text
    for claim in _drafted(report):
        assert text[claim.anchor.start : claim.anchor.end] == claim.quote
        for obs in claim.observations:
            assert claim.anchor.start <= obs.start < obs.end <= claim.anchor.end
            assert text[obs.start : obs.end] == obs.surface


@pytest.mark.parametrize("name", NAMES)
def test_drafted_claims_are_traceable(folders: dict[str, Path], name: str) -> None:
    _check_traceable(load_report(folders[name]))


@pytest.mark.parametrize(
    ("name", "claims", "roles"),
    [
        # The report's scope in figures ("covers the 14 residential estates") is a claim; "3,200 LED
        # fittings" a count (an acronym before a noun is no unit); "solar panels with a capacity of
        # 260 kW" a figure in kilowatts (units.ttl has kW and MW since session 12).
        ("harbourview", 24, {"value": 24, "change": 3, "target": 1}),
        # "within 30 days of joining": a time limit; a highlight under a heading line is a figure.
        ("jiangnan", 27, {"value": 21, "change": 3, "target": 3}),
        # "Rooftop solar capacity reached 86 MW": a figure in megawatts.
        ("pacificcrest", 24, {"value": 22, "change": 3, "target": 3}),
    ],
)
def test_counts_on_the_development_fixtures(
    folders: dict[str, Path], name: str, claims: int, roles: dict[str, int]
) -> None:
    report = load_report(folders[name])
    drafted = _drafted(report)
    assert len(drafted) == claims
    assert Counter(o.kind for c in drafted for o in c.observations) == roles


def test_table_figures_are_not_drafted_twice(folders: dict[str, Path]) -> None:
    report = load_report(folders["jiangnan"])
    rows = [c.anchor for c in report.claims.values() if c.origin.startswith("table:")]
    assert len(rows) == 5
    for claim in _drafted(report):
        assert all(claim.anchor.end <= row.start or row.end <= claim.anchor.start for row in rows)


def test_a_drafted_sheet_reads_changes_targets_and_periods(folders: dict[str, Path]) -> None:
    report = load_report(folders["jiangnan"])
    seen = {
        (o.surface, o.kind, str(o.value), o.period.key, o.baseline.key if o.baseline else None)
        for c in _drafted(report)
        for o in c.observations
    }
    assert {
        ("4.7%", "change", "-4.7", "2021", "2020"),
        ("20%", "target", "-20", "2025", "2020"),
        ("at least 30%", "target", "30", "2025", "2020"),
        ("11,482", "value", "11482", "2021-12-31", None),
        ("1,450", "value", "1450", "2016/2021", None),
        ("RMB 46.7 million", "value", "46700000.0", "2021", None),
    } <= seen
    missing = sorted(c.missing_metric for c in _drafted(report) if c.missing_metric)
    assert missing == ["volume-of-wastewater-discharged"]


@pytest.mark.parametrize("name", NAMES)
def test_drafted_graphs_conform_and_answer_every_saved_query(graphs: dict[str, Graph], name: str) -> None:
    graph = graphs[name]
    result = validate_graph(graph)
    assert result.conforms, [f.message for f in result.findings if f.severity == "Violation"]
    with_ontology = graph + ontology_graph()
    for query in saved_queries():
        assert isinstance(run_local(with_ontology, query).rows, tuple)


def test_a_drafted_reading_is_generated_by_the_versioned_drafter(graphs: dict[str, Graph]) -> None:
    graph = graphs["pacificcrest"]
    drafted = vocabulary().reviews["drafted"]
    claims = set(graph.subjects(CSR.reviewStatus, drafted))
    assert len(claims) == 24
    activities = {graph.value(c, PROV.wasGeneratedBy) for c in claims}
    assert len(activities) == 1
    (activity,) = activities
    agent = graph.value(activity, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in graph
    assert graph.value(agent, OWL.versionInfo) == Literal(software_version())
    company = graph.value(next(iter(claims)), PROV.wasAttributedTo)
    assert all(graph.value(c, PROV.wasAttributedTo) == company for c in claims)  # still the company's words


def test_a_drafted_pdf_builds_with_pages(tmp_path: Path) -> None:
    spec = Spec(
        pages=(
            (Heading("Northfield Foods plc"), Para("Sustainability Report 2022")),
            (
                Heading("1. Environment"),
                Para(
                    "In 2022, our bakeries consumed 8,450 MWh of electricity, a decrease of 4.2% year-on-year. "
                    "We aim to reduce food waste by 25% by 2027 against the 2021 baseline."
                ),
                Para("Our drivers completed 1,150 hours of safety training during the Reporting Period."),
                Table((("Indicator", "2022", "2021"), ("Water (m3)", "52,300", "55,100"))),
            ),
        ),
        header="Northfield Foods Sustainability Report 2022",
        footer="northfield.example",
    )
    folder = _draft(write_pdf(spec, tmp_path / "northfield.pdf"), tmp_path / "r")
    report = load_report(folder)
    _check_traceable(report)
    figures = sorted((o.surface, o.kind, c.anchor.page) for c in _drafted(report) for o in c.observations)
    assert figures == [
        ("1,150 hours", "value", 2),
        ("25%", "target", 2),
        ("4.2%", "change", 2),
        ("8,450 MWh", "value", 2),
    ]
    assert validate_graph(build_graph([folder])).conforms


def test_the_bundled_text_drafted_alone_builds_and_conforms(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    shutil.copy(ROOT / "kg" / "reports" / "xiaomi-2019" / "report.txt", source)
    folder = _draft(source, tmp_path / "r", "--id", "drafted-2019", "--company", "Reporter", "--year", "2019")
    sheet = yaml.safe_load((folder / "claims" / "drafted.yaml").read_text(encoding="utf-8"))
    assert all(claim["review"] == "drafted" for claim in sheet["claims"])
    report = load_report(folder)
    _check_traceable(report)
    assert len(_drafted(report)) == len(sheet["claims"]) > 100
    result = validate_graph(build_graph([folder]))
    assert result.conforms


def test_sheet_kinds_of_figure_and_review_reach_the_graph(make_report) -> None:
    sheet = MINI_SHEET.replace(
        "      - {metric: rd-investment, figure: approximately RMB7.5 billion}",
        "      - {metric: rd-investment, figure: approximately RMB7.5 billion, kind: target, period: 2025,"
        " baseline: 2019, direction: decrease}\n    review: reviewed",
    )
    folder = make_report(sheet=sheet)
    (obs,) = load_report(folder).claims["rd"].observations
    assert (obs.kind, str(obs.value), obs.period.key, obs.baseline.key) == ("target", "-7500000000.0", "2025", "2019")
    graph = build_graph([folder])
    claim = next(graph.subjects(CSR.reviewStatus, vocabulary().reviews["reviewed"]))
    target = graph.value(claim, CSR.hasTarget)
    assert (target, RDF.type, CSR.Target) in graph and graph.value(target, CSR.baselinePeriod) is not None


def test_a_baseline_on_a_level_is_refused_naming_the_line(make_report) -> None:
    sheet = MINI_SHEET.replace(
        "figure: approximately RMB7.5 billion}", "figure: approximately RMB7.5 billion, baseline: 2018}"
    )
    with pytest.raises(InputError) as info:
        load_report(make_report(sheet=sheet))
    assert str(info.value).endswith("sheet.yaml:12: claim rd: baseline and direction are for a change or a target")
