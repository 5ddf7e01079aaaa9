"""A report that prints the units ESG reports print, one of them defined in its own units.ttl:
every figure read with its exact unit, intensities composed and defined in the graph, and an
unknown unit refused with where it is printed and what was probably meant."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.errors import InputError
from kg.ingest.loader import load_report
from kg.rdf.build import build_graph
from kg.vocab.namespaces import CSR, QUDT
from tests.support.mini import MINI_SHEET, MINI_TEXT
from tests.support.paths import UNITS_REPORT

CSRUNIT = "https://w3id.org/csr-kg/unit/"


@pytest.fixture(autouse=True)
def no_user_units(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CSRKG_UNITS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty-config"))


def test_every_figure_has_its_unit_and_value() -> None:
    report = load_report(UNITS_REPORT)
    observations = [
        (claim.id, o.surface, o.value, o.unit) for claim in report.claims.values() for o in claim.observations
    ]
    assert observations == [
        ("kpi-scope-1-emissions", "1,250.5", Decimal("1250.5"), "TONNE"),
        ("kpi-emissions-intensity-per-floor-area", "0.042", Decimal("0.042"), "TONNE-PER-M2"),
        ("kpi-electricity-consumed", "845,000", Decimal("845000"), "KiloW-HR"),
        ("kpi-electricity-per-employee", "2,113", Decimal("2113"), "KiloW-HR-PER-EMPLOYEE"),
        ("kpi-marine-diesel", "12,400", Decimal("12400"), "BBL_US"),
        ("kpi-packaging-per-revenue", "0.8", Decimal("0.8"), "TONNE-PER-MegaHKD"),
        # HK$'000: the cell counts thousands of Hong Kong dollars.
        ("kpi-environmental-spending", "350", Decimal("350000"), "HKD"),
        ("operations", "12,400 barrels", Decimal("12400"), "BBL_US"),
        ("operations", "3\u2009210 GJ", Decimal("3210"), "GigaJ"),
        ("training", "HK$1,200 per person", Decimal("1200"), "HKD-PER-PERSON"),
        ("training", "512", Decimal("512"), "NUM"),
        ("water", "１２０３０ cubic metres", Decimal("12030"), "M3"),
        ("water", "５％", Decimal("5"), "PERCENT"),
    ]
    spending = report.claims["kpi-environmental-spending"].observations[0]
    assert spending.precision == Decimal("500")


def test_units_reach_the_graph_and_ratio_units_are_defined() -> None:
    graph = build_graph([UNITS_REPORT])
    printed = {u for obs, u in graph.subject_objects(QUDT.unit) if (obs, RDF.type, CSR.Observation) in graph}
    assert {str(u) for u in printed} == {
        "http://qudt.org/vocab/unit/TONNE",
        "http://qudt.org/vocab/unit/KiloW-HR",
        "http://qudt.org/vocab/unit/BBL_US",
        "http://qudt.org/vocab/unit/GigaJ",
        "http://qudt.org/vocab/unit/NUM",
        "http://qudt.org/vocab/unit/M3",
        "http://qudt.org/vocab/unit/PERCENT",
        "http://qudt.org/vocab/currency/HKD",
        CSRUNIT + "TONNE-PER-M2",
        CSRUNIT + "KiloW-HR-PER-EMPLOYEE",
        CSRUNIT + "TONNE-PER-MegaHKD",
        CSRUNIT + "HKD-PER-PERSON",
    }
    ratio_units = set(graph.subjects(RDF.type, CSR.RatioUnit))
    # Every ratio unit a value is in, printed or canonical (csr:canonicalValue), is defined.
    assert ratio_units == {u for u in graph.objects(None, QUDT.unit) if str(u).startswith(CSRUNIT)}
    per_person = URIRef(CSRUNIT + "HKD-PER-PERSON")
    assert graph.value(per_person, RDFS.label) == Literal("Hong Kong dollar per person", lang="en")
    assert graph.value(per_person, CSR.denominatorUnit) == URIRef(CSRUNIT + "PERSON")


def _error(folder: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_report(folder)
    return str(caught.value)


def test_an_unknown_printed_unit_is_listed_with_its_close_matches(make_report: Callable[..., Path]) -> None:
    """A table cell whose unit is unknown is not dropped and does not stop the build: coverage lists
    it with the reason, naming the closest printed forms."""
    text = MINI_TEXT + "Scope 1 emissions (tC02e)\t1,250.5\n"  # a zero for the letter O
    report = load_report(make_report(text=text))
    start = text.index("1,250.5")
    assert [(u.start, u.end, u.reason) for u in report.unread_cells] == [
        (
            start,
            start + len("1,250.5"),
            "unknown unit 'tC02e' (close matches: 'tCO2e', 'tce', 'tCO2eq', 't CO2e', 'ktCO2e')",
        )
    ]


def test_an_unknown_unit_key_names_file_line_figure_and_close_matches(make_report: Callable[..., Path]) -> None:
    text = MINI_TEXT + "Sample Co planted 1,200 trees.\n"
    sheet = MINI_SHEET + (
        "  - id: trees\n"
        "    kind: quantitative\n"
        "    quote: Sample Co planted 1,200 trees.\n"
        "    observations:\n"
        "      - {metric: connected-devices, figure: '1,200', unit: TONES}\n"
    )
    folder = make_report(text=text, sheet=sheet)
    line = sheet.count("\n", 0, sheet.index("unit: TONES")) + 1
    assert _error(folder) == (
        f"{folder / 'claims' / 'sheet.yaml'}:{line}: claim trees: figure '1,200': unknown unit 'TONES'"
        " (close matches: TONNE, TOE)"
    )


def test_a_report_folder_units_file_serves_only_its_report(make_report: Callable[..., Path]) -> None:
    text = MINI_TEXT + "Marine diesel (barrels)\t12,400\n"
    without = load_report(make_report(text=text, name="without"))
    assert [u.reason for u in without.unread_cells] == ["unknown unit 'barrels'"]
    folder = make_report(text=text, name="with")
    (folder / "units.ttl").write_text((UNITS_REPORT / "units.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    observation = load_report(folder).claims["kpi-marine-diesel"].observations[0]
    assert (observation.value, observation.unit) == (Decimal("12400"), "BBL_US")
