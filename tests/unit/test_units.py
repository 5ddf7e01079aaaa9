"""Units: every printed form read as its QUDT (or csr-kg) unit, intensities composed from their
parts with stable IRIs, and researchers' own units files merged on top of the packaged ones."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.errors import InputError
from kg.ingest.quantities import Recogniser, UnitMatch, ratio_key
from kg.rdf.mapping import ratio_unit
from kg.vocab.namespaces import CSR, QUDT
from kg.vocab.units import Units, load_units, packaged_units_file

UNIT = "http://qudt.org/vocab/unit/"
CUR = "http://qudt.org/vocab/currency/"
CSRUNIT = "https://w3id.org/csr-kg/unit/"

UNIT_FILE = """\
@prefix qk:   <http://qudt.org/vocab/quantitykind/> .
@prefix qudt: <http://qudt.org/schema/qudt/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix unit: <http://qudt.org/vocab/unit/> .

{body}
"""

BARREL = """\
unit:BBL_US a qudt:Unit ;
    rdfs:label "US petroleum barrel"@en ;
    qudt:hasQuantityKind qk:Volume ;
    skos:altLabel "barrels"@en , "bbl"@en .
"""


@pytest.fixture(autouse=True)
def no_user_units(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test here reads the real user's units directory."""
    monkeypatch.delenv("CSRKG_UNITS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty-config"))


@pytest.fixture(scope="module")
def units(tmp_path_factory: pytest.TempPathFactory) -> Units:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("CSRKG_UNITS", raising=False)
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("empty-config")))
        return load_units()


@pytest.fixture(scope="module")
def rec(units: Units) -> Recogniser:
    return Recogniser(units.lexicon)


def _line(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


@pytest.mark.parametrize(
    ("surface", "value", "iri"),
    [
        ("250 g", Decimal("250"), UNIT + "GM"),
        ("3.5 kg", Decimal("3.5"), UNIT + "KiloGM"),
        ("1,250.5 tonnes", Decimal("1250.5"), UNIT + "TONNE"),
        ("22,782.26 tons", Decimal("22782.26"), UNIT + "TONNE"),
        ("12 kilotonnes", Decimal("12"), UNIT + "KiloTONNE"),
        ("1,250 tCO2e", Decimal("1250"), UNIT + "TONNE"),
        ("1,250 tonnes CO2e", Decimal("1250"), UNIT + "TONNE"),
        ("3.2 kg CO2e", Decimal("3.2"), UNIT + "KiloGM"),
        ("4.1 ktCO2e", Decimal("4.1"), UNIT + "KiloTONNE"),
        ("845,000 kWh", Decimal("845000"), UNIT + "KiloW-HR"),
        ("34,282.58 MWh", Decimal("34282.58"), UNIT + "MegaW-HR"),
        ("1.2 GWh", Decimal("1.2"), UNIT + "GigaW-HR"),
        ("3,210 GJ", Decimal("3210"), UNIT + "GigaJ"),
        ("4.5 TJ", Decimal("4.5"), UNIT + "TeraJ"),
        ("120 toe", Decimal("120"), UNIT + "TOE"),
        ("80 tce", Decimal("80"), CSRUNIT + "TCE"),
        ("12,030 m³", Decimal("12030"), UNIT + "M3"),
        ("12,030 cubic metres", Decimal("12030"), UNIT + "M3"),
        ("500 litres", Decimal("500"), UNIT + "L"),
        ("2.5 ML", Decimal("2.5"), UNIT + "MegaL"),
        ("1,200 m²", Decimal("1200"), UNIT + "M2"),
        ("15,000 sq ft", Decimal("15000"), UNIT + "FT2"),
        ("32 hours", Decimal("32"), UNIT + "HR"),
        # Power: a plant's installed capacity, a panel set's rating.
        ("6,023 MW", Decimal("6023"), UNIT + "MegaW"),
        ("6,023 megawatts", Decimal("6023"), UNIT + "MegaW"),
        ("3 kW", Decimal("3"), UNIT + "KiloW"),
        ("3 days", Decimal("3"), UNIT + "DAY"),
        ("34.1 billion times", Decimal("34100000000"), UNIT + "NUM"),
        ("58%", Decimal("58"), UNIT + "PERCENT"),
        ("58 per cent", Decimal("58"), UNIT + "PERCENT"),
        ("HK$350 million", Decimal("350000000"), CUR + "HKD"),
        ("US$1.2 billion", Decimal("1200000000"), CUR + "USD"),
        ("RMB22 million", Decimal("22000000"), CUR + "CNY"),
        ("7.5 billion RMB", Decimal("7500000000"), CUR + "CNY"),
        ("€5 million", Decimal("5000000"), CUR + "EUR"),
        ("EUR 12,000", Decimal("12000"), CUR + "EUR"),
        ("£3.4 million", Decimal("3400000"), CUR + "GBP"),
        ("¥500 million", Decimal("500000000"), CUR + "JPY"),
        ("INR7.665 million", Decimal("7665000"), CUR + "INR"),
    ],
)
def test_printed_units_are_their_qudt_units(
    rec: Recogniser, units: Units, surface: str, value: Decimal, iri: str
) -> None:
    m = rec.parse(surface)
    assert m.unit is not None
    assert (m.value, str(units.iri(m.unit)), m.surface) == (value, iri, surface)


def test_every_packaged_form_is_read_after_or_before_a_figure(rec: Recogniser, units: Units) -> None:
    for form, key in units.lexicon.suffixes.items():
        for surface in (f"12.5 {form}", f"12.5{form}"):
            m = rec.parse(surface)
            assert (m.value, m.unit) == (Decimal("12.5"), key), surface
    for form, key in units.lexicon.prefixes.items():
        for surface in (f"{form}12.5", f"{form} 12.5"):
            m = rec.parse(surface)
            assert (m.value, m.unit) == (Decimal("12.5"), key), surface


@pytest.mark.parametrize(
    ("surface", "unit"),
    [
        ("5 ml", None),
        ("5 ML", "MegaL"),
        ("5 TONNES", "TONNE"),
        ("5 Tonnes", "TONNE"),
        ("5 kWh", "KiloW-HR"),
        ("5 MWp", "MegaW"),  # solar capacity as peak power
        ("5 kWp", "KiloW"),
    ],
)
def test_symbols_keep_their_case_words_do_not(rec: Recogniser, surface: str, unit: str | None) -> None:
    # "ml" is no megalitre: a symbol is read only as spelled; a word of four or more letters in any case.
    assert [m.unit for m in rec.quantities(surface)] == [unit]


@pytest.mark.parametrize(
    ("surface", "value", "key"),
    [
        ("0.042 tCO2e per m²", Decimal("0.042"), "TONNE-PER-M2"),
        ("2,113 kWh per employee", Decimal("2113"), "KiloW-HR-PER-EMPLOYEE"),
        ("0.8 tonnes/HK$ million", Decimal("0.8"), "TONNE-PER-MegaHKD"),
        ("0.03 tCO2e per RMB10,000 of revenue", Decimal("0.03"), "TONNE-PER-10000CNY"),
        ("1.5 kg/unit", Decimal("1.5"), "KiloGM-PER-UNIT"),
        ("9.38 m³ per employee", Decimal("9.38"), "M3-PER-EMPLOYEE"),
        ("0.36 tons/million RMB", Decimal("0.36"), "TONNE-PER-MegaCNY"),
        ("HK$1,200 per person", Decimal("1200"), "HKD-PER-PERSON"),
        ("HK$0.8/kWh", Decimal("0.8"), "HKD-PER-KiloW-HR"),
        ("12.5 hours per employee", Decimal("12.5"), "HR-PER-EMPLOYEE"),
        ("5 per employee", Decimal("5"), "NUM-PER-EMPLOYEE"),
        # A school's intensities are per student or pupil: per person of the population it serves.
        ("2.4 m³ per student", Decimal("2.4"), "M3-PER-PERSON"),
        ("310 kWh/pupil", Decimal("310"), "KiloW-HR-PER-PERSON"),
    ],
)
def test_intensities_are_composed_from_their_parts(
    rec: Recogniser, units: Units, surface: str, value: Decimal, key: str
) -> None:
    m = rec.parse(surface)
    assert (m.value, m.unit, m.surface) == (value, key, surface)
    assert units.iri(key) == URIRef(CSRUNIT + key)


@pytest.mark.parametrize(
    ("printed", "match"),
    [
        # The five intensities the bundled report prints keep the IRIs they were listed under.
        ("tons per square meter", UnitMatch("TONNE-PER-M2")),
        ("tons per employee", UnitMatch("TONNE-PER-EMPLOYEE")),
        ("hours per worker", UnitMatch("HR-PER-EMPLOYEE")),
        ("MWh per employee", UnitMatch("MegaW-HR-PER-EMPLOYEE")),
        ("MWh per square meter", UnitMatch("MegaW-HR-PER-M2")),
        ("tons/million RMB", UnitMatch("TONNE-PER-MegaCNY")),
        ("per RMB10,000 of revenue", UnitMatch("NUM-PER-10000CNY")),
        ("kg/unit", UnitMatch("KiloGM-PER-UNIT")),
        ("tCO₂e/student", UnitMatch("TONNE-PER-PERSON")),
        ("tCO2e", UnitMatch("TONNE")),
        ("HK$'000", UnitMatch("HKD", Decimal(1000))),
        ("'000 kWh", UnitMatch("KiloW-HR", Decimal(1000))),
        ("RMB million", UnitMatch("CNY", Decimal(10**6))),
        ("million RMB", UnitMatch("CNY", Decimal(10**6))),
        ("US$ billion", UnitMatch("USD", Decimal(10**9))),
        ("furlongs", None),
        ("million", None),
        ("tonnes per furlong", None),
    ],
)
def test_lookup_reads_units_as_tables_print_them(units: Units, printed: str, match: UnitMatch | None) -> None:
    assert units.lexicon.lookup(printed) == match
    assert units.lexicon.suffix(printed) == (match.key if match and match.scale == 1 else None)


@pytest.mark.parametrize(
    ("numerator", "denominator", "scale"),
    [
        ("TONNE", "M2", Decimal(1)),
        ("TONNE", "CNY", Decimal(10**6)),
        ("KiloGM", "CNY", Decimal(10**4)),
        ("MegaW-HR", "EMPLOYEE", Decimal(1)),
        ("HKD", "KiloW-HR", Decimal(1)),
    ],
)
def test_ratio_keys_are_read_back_into_their_parts(
    units: Units, numerator: str, denominator: str, scale: Decimal
) -> None:
    assert units.ratio(ratio_key(numerator, denominator, scale)) == (numerator, denominator, scale)


def test_a_ratio_unit_is_defined_by_its_parts(units: Units) -> None:
    node = URIRef(CSRUNIT + "TONNE-PER-MegaHKD")
    assert sorted(ratio_unit(units, "TONNE-PER-MegaHKD")) == sorted(
        [
            (node, RDF.type, QUDT.Unit),
            (node, RDF.type, QUDT.DerivedUnit),
            (node, RDF.type, CSR.RatioUnit),
            (node, RDFS.label, Literal("tonne per million Hong Kong dollar", lang="en")),
            (node, CSR.numeratorUnit, URIRef(UNIT + "TONNE")),
            (node, CSR.denominatorUnit, URIRef(CUR + "HKD")),
            (node, CSR.denominatorScale, Literal("1000000.0", datatype=XSD.decimal)),
        ]
    )
    energy = URIRef(CSRUNIT + "KiloW-HR-PER-EMPLOYEE")
    assert (energy, QUDT.conversionMultiplier, Literal("3600000.0", datatype=XSD.decimal)) in ratio_unit(
        units, "KiloW-HR-PER-EMPLOYEE"
    )
    assert units.multiplier("KiloW-HR-PER-FT2") == Decimal(3600000) / Decimal("0.09290304")
    with pytest.raises(KeyError):
        ratio_unit(units, "TONNE")


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("TONES", "unknown unit 'TONES' (close matches: TONNE, TOE)"),
        ("tCO2e", "unknown unit 'tCO2e' ('tCO2e' is a surface form of unit TONNE: use the key TONNE)"),
        ("FURLONG", "unknown unit 'FURLONG' (no close match)"),
    ],
)
def test_an_unknown_unit_key_says_what_was_meant(units: Units, key: str, message: str) -> None:
    with pytest.raises(KeyError) as caught:
        units.iri(key)
    assert caught.value.args[0] == message


def test_close_matches_of_a_misprinted_unit(units: Units) -> None:
    # "tC02e": a zero for the letter O (tCO2, a mass of carbon dioxide, is a unit of its own)
    assert units.lexicon.close_matches("tC02e") == ["tCO2e", "tce", "tCO2eq", "t CO2e", "ktCO2e"]
    assert units.lexicon.close_matches("furlongs") == []


# ---------------------------------------------------------------- researchers' own units


def test_user_units_directory_and_report_folder_are_merged(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    user = tmp_path / "my-units"
    user.mkdir()
    (user / "fuel.ttl").write_text(UNIT_FILE.format(body=BARREL), encoding="utf-8")
    monkeypatch.setenv("CSRKG_UNITS", str(user))
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "units.ttl").write_text(
        UNIT_FILE.format(
            body='unit:MI a qudt:Unit ; rdfs:label "mile"@en ; qudt:hasQuantityKind qk:Length ;\n'
            '    qudt:conversionMultiplier 1609.344 ; skos:altLabel "miles"@en .'
        ),
        encoding="utf-8",
    )
    merged = load_units(folder)
    rec = Recogniser(merged.lexicon)
    assert [(m.surface, m.unit) for m in rec.quantities("12,400 barrels across 3,000 miles, 5 tonnes")] == [
        ("12,400 barrels", "BBL_US"),
        ("3,000 miles", "MI"),
        ("5 tonnes", "TONNE"),
    ]
    assert merged.iri("BBL_US") == URIRef(UNIT + "BBL_US")
    assert merged.iri("TONNE-PER-MI") == URIRef(CSRUNIT + "TONNE-PER-MI")
    assert "MI" not in load_units(tmp_path).iris


def test_without_units_files_the_packaged_units_are_read_once(tmp_path: Path) -> None:
    assert load_units(tmp_path) is load_units()


def test_user_config_directory_is_read_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "csr-kg" / "units").mkdir(parents=True)
    (config / "csr-kg" / "units" / "fuel.ttl").write_text(UNIT_FILE.format(body=BARREL), encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    assert load_units().lexicon.suffix("bbl") == "BBL_US"


def test_a_unit_file_may_not_redefine_a_packaged_unit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "units.ttl"
    path.write_text(
        UNIT_FILE.format(body='unit:TONNE a qudt:Unit ; rdfs:label "ton"@en ; qudt:hasQuantityKind qk:Mass .'),
        encoding="utf-8",
    )
    monkeypatch.setenv("CSRKG_UNITS", str(path))
    packaged = packaged_units_file()
    with pytest.raises(InputError) as caught:
        load_units()
    assert str(caught.value) == (
        f"{path}:7: unit TONNE is already defined in {packaged}:{_line(packaged, 'unit:TONNE a')}"
    )


def test_a_surface_form_belongs_to_one_unit(tmp_path: Path) -> None:
    folder = tmp_path / "report"
    folder.mkdir()
    (folder / "units.ttl").write_text(
        UNIT_FILE.format(
            body='unit:TON_SHORT a qudt:Unit ; rdfs:label "short ton"@en ; qudt:hasQuantityKind qk:Mass ;\n'
            '    skos:altLabel "short tons"@en , "tons"@en .'
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_units(folder)
    assert str(caught.value) == (
        f"{folder / 'units.ttl'}:7: surface form 'tons' of unit TON_SHORT is already a form of unit TONNE"
        f" in {packaged_units_file()}"
    )


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("unit:MI a qudt:Unit ; qudt:hasQuantityKind qk:Length .", "unit MI has no rdfs:label"),
        ('unit:MI a qudt:Unit ; rdfs:label "mile"@en .', "unit MI has no qudt:hasQuantityKind"),
        (
            'unit:MI a qudt:Unit ; rdfs:label "mile"@en ; qudt:hasQuantityKind qk:Length ;'
            ' qudt:conversionMultiplier "far" .',
            "unit MI: qudt:conversionMultiplier 'far' is no positive number",
        ),
    ],
)
def test_a_user_unit_needs_a_label_a_quantity_kind_and_a_real_multiplier(
    tmp_path: Path, body: str, problem: str
) -> None:
    (tmp_path / "units.ttl").write_text(UNIT_FILE.format(body=body), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_units(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'units.ttl'}:7: {problem}"


def test_a_units_file_that_is_no_turtle_is_one_line_naming_it(tmp_path: Path) -> None:
    (tmp_path / "units.ttl").write_text("unit:MI a qudt:Unit ;\n  rdfs:label\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_units(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'units.ttl'}: not a readable Turtle units file: ")
    assert "\n" not in message


def test_a_missing_units_path_is_an_error_not_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CSRKG_UNITS", str(tmp_path / "typo"))
    with pytest.raises(InputError) as caught:
        load_units()
    assert str(caught.value) == f"CSRKG_UNITS={tmp_path / 'typo'}: no such file or directory"


@pytest.mark.parametrize("form", ["", " miles", "5 miles", "mi\nles"])
def test_a_surface_form_must_be_a_printed_unit(tmp_path: Path, form: str) -> None:
    # An empty form would give every bare number the unit; a digit would be read into the figure.
    body = f'unit:MI a qudt:Unit ; rdfs:label "mile"@en ; qudt:hasQuantityKind qk:Length ; skos:altLabel {form!r} .'
    (tmp_path / "units.ttl").write_text(UNIT_FILE.format(body=body.replace("'", '"')), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_units(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'units.ttl'}:7: surface form {form!r} of unit MI is not a printed unit"
        " (1-60 characters, not starting with a digit or space, no line breaks)"
    ).replace("\n", "\\n")


def test_a_huge_unknown_key_is_cut_short_in_the_message(units: Units) -> None:
    with pytest.raises(KeyError) as caught:
        units.iri("X" * 100_000)
    assert caught.value.args[0] == f"unknown unit {'X' * 40!r}... (100000 characters)"
