"""Company identifiers (report.yaml's `identifiers` and `sector`, csrkg draft's options): their
checks, their triples, one company node however reports spell the company (in a build and in a
corpus build), and the fact table, panel and saved-query rows they give, exactly."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.cli.app import main
from kg.errors import InputError
from kg.ingest.companies import company_nodes
from kg.ingest.identifiers import check_isin, check_lei, isin_check_digit, lei_check_digits
from kg.ingest.loader import load_report, load_reports
from kg.ingest.sheet import ReportMeta
from kg.ingest.yaml_safe import LINE_KEY
from kg.outputs.panel import panel
from kg.outputs.tables import COMPANY_COLUMNS, as_native, facts
from kg.rdf.build import build_graph
from kg.rdf.corpus import build_corpus
from kg.sparql.saved import find_query, run_local
from kg.vocab.namespaces import ADMS, CSR, ORG
from kg.vocab.ontology import with_ontology
from tests.support.mini import MINI_META
from tests.support.paths import COMPANIES

ID = "https://w3id.org/csr-kg/id/"
ACME = URIRef(ID + "org/acme")
HKEX_LISTING = URIRef(ID + "identifier/XHKG/8321")
GICS_SECTOR = URIRef(ID + "sector/gics/45202030")
HARDWARE = "Technology Hardware, Storage & Peripherals"
FOLDERS = {folder.name: folder for folder in COMPANIES}


@pytest.fixture(scope="module")
def corpus() -> Graph:
    return build_graph(COMPANIES)


def test_check_digits_of_published_identifiers() -> None:
    # Examples the standards' registries publish: an LEI of GLEIF's index, Apple's ISIN.
    assert lei_check_digits("5493001KJTIIGC8Y1R") == "12" and check_lei("5493001KJTIIGC8Y1R12")
    assert isin_check_digit("US037833100") == "5" and check_isin("US0378331005")
    with pytest.raises(ValueError, match="check digits are 21, the first 18 characters need 12"):
        check_lei("5493001KJTIIGC8Y1R21")
    with pytest.raises(ValueError, match="check digit is 5, the first 11 characters need 9"):
        check_isin("US0373831005")  # two digits swapped


@pytest.mark.parametrize(
    ("added", "expected"),
    [
        (
            "identifiers: {lei: 549300MINICO00000199}",
            "report.yaml:7: identifiers: lei '549300MINICO00000199' is not an LEI: its check digits are 99, "
            "the first 18 characters need 60 (ISO 7064 MOD 97-10)",
        ),
        (
            "identifiers: {lei: 549300minico0000060}",
            "report.yaml:7: identifiers: lei '549300minico0000060' is not an LEI "
            "(ISO 17442: 18 upper-case letters or digits, 2 check digits)",
        ),
        (
            "identifiers:\n  isin: HK0000083218",
            "report.yaml:8: identifiers: isin 'HK0000083218' is not an ISIN: its check digit is 8, "
            "the first 11 characters need 9",
        ),
        (
            "identifiers: {wikidata: '12345'}",
            "report.yaml:7: identifiers: wikidata '12345' is not a Wikidata item id (Q and digits, e.g. Q95)",
        ),
        (
            "identifiers: {exchange: HKSE, stock_code: '8321'}",
            "report.yaml:7: identifiers: exchange 'HKSE' is not a known exchange (known: ASX, HKEX, KRX, LSE, "
            "NASDAQ, NYSE, SGX, SSE, SZSE, TSE, TWSE, or their ISO 10383 MICs; ontology/identifiers.ttl); "
            "did you mean 'HKEX'?",
        ),
        (
            "identifiers: {exchange: HKEX}",
            "report.yaml:7: identifiers gives an exchange and a stock_code together, or neither",
        ),
        (
            "identifiers: {exchange: HKEX, stock_code: 0700}",
            "report.yaml:7: identifiers: stock_code must be text in quotes, read as the number 448 "
            "(YAML reads an unquoted 0700 as 448)",
        ),
        (
            "identifiers: {exchange: HKEX, stock_code: '8321 HK'}",
            "report.yaml:7: identifiers: stock_code '8321 HK' is not a stock code "
            "(upper-case letters, digits, '.' or '-', at most 16)",
        ),
        (
            "identifiers: {leis: 549300MINICO0000060}",
            "report.yaml:7: identifiers: unknown field 'leis'; did you mean 'lei'?",
        ),
        ("sector: {scheme: GICS, code: '4520'}", "report.yaml:7: sector: missing field 'label'"),
        (
            "sector: {scheme: GICS, code: 45.20, label: Hardware}",
            "report.yaml:7: sector: code must be text in quotes, read as the number 45.2 "
            "(YAML reads an unquoted 0700 as 448)",
        ),
    ],
)
def test_a_bad_identifier_is_a_one_line_error_naming_file_line_and_problem(
    make_report: Callable[..., Path], added: str, expected: str
) -> None:
    folder = make_report(meta=MINI_META + added + "\n")
    with pytest.raises(InputError) as info:
        load_report(folder)
    assert str(info.value) == f"{folder / expected}"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(folder.parent / "kg.ttl")])
    assert result.exit_code == 2
    assert result.output == f"Error: {folder / expected}\n"
    assert not (folder.parent / "kg.ttl").exists()


def test_the_company_node_and_its_identifiers_in_full(corpus: Graph) -> None:
    lei = Literal("549300ACMEHLDG000089", datatype=CSR.LEI)
    isin = Literal("HK0000083219", datatype=CSR.ISIN)
    lei_node, isin_node = (
        URIRef(ID + "identifier/lei/549300ACMEHLDG000089"),
        URIRef(ID + "identifier/isin/HK0000083219"),
    )
    assert set(corpus.predicate_objects(ACME)) == {
        (RDF.type, ORG.Organization),
        (RDFS.label, Literal("Acme", lang="en")),
        (SKOS.altLabel, Literal("Acme Holdings Limited", lang="en")),  # acme-holdings-2020's name of it
        (ADMS.identifier, HKEX_LISTING),
        (ADMS.identifier, lei_node),
        (ADMS.identifier, isin_node),
        (ORG.identifier, lei),
        (ORG.identifier, isin),
        (ORG.classification, GICS_SECTOR),
    }
    assert set(corpus.predicate_objects(HKEX_LISTING)) == {
        (RDF.type, ADMS.Identifier),
        (SKOS.notation, Literal("8321", datatype=CSR.StockCode)),
        (DCTERMS.creator, URIRef("https://w3id.org/csr-kg/exchange/XHKG")),
        (ADMS.schemaAgency, Literal("The Stock Exchange of Hong Kong Limited", lang="en")),
    }
    assert set(corpus.predicate_objects(lei_node)) == {
        (RDF.type, ADMS.Identifier),
        (SKOS.notation, lei),
        (DCTERMS.creator, URIRef("https://w3id.org/csr-kg/agency/gleif")),
        (ADMS.schemaAgency, Literal("Global Legal Entity Identifier Foundation", lang="en")),
    }
    assert set(corpus.predicate_objects(GICS_SECTOR)) == {
        (RDF.type, SKOS.Concept),
        (SKOS.inScheme, URIRef("https://w3id.org/csr-kg/sector-scheme/gics")),
        (SKOS.notation, Literal("45202030")),
        (SKOS.prefLabel, Literal(HARDWARE, lang="en")),
    }
    zenith = URIRef(ID + "org/zenith")
    # owl:sameAs only where report.yaml gives a Wikidata item.
    assert set(corpus.subject_objects(OWL.sameAs)) == {(zenith, URIRef("http://www.wikidata.org/entity/Q4115189"))}
    csrc = URIRef(ID + "sector-scheme/csrc-industry-classification")
    assert set(corpus.predicate_objects(csrc)) == {
        (RDF.type, CSR.SectorClassification),
        (RDF.type, SKOS.ConceptScheme),
        (RDFS.label, Literal("CSRC Industry Classification", lang="en")),
        (SKOS.prefLabel, Literal("CSRC Industry Classification", lang="en")),
    }


def test_two_spellings_of_one_company_share_its_node(corpus: Graph) -> None:
    publishers = {str(r): corpus.value(r, DCTERMS.publisher) for r in corpus.subjects(RDF.type, CSR.Report)}
    assert publishers == {
        ID + "report/acme-2019": ACME,
        ID + "report/acme-holdings-2020": ACME,
        ID + "report/orbit-2020": URIRef(ID + "org/orbit"),
        ID + "report/zenith-2020": URIRef(ID + "org/zenith"),
    }
    claim = URIRef(ID + "report/acme-holdings-2020/claim/people")
    assert corpus.value(claim, CSR.subject) == ACME
    assert not [t for t in corpus if any(str(term).startswith(ID + "org/acme-holdings") for term in t)]


def test_a_corpus_build_gives_the_same_one_node_in_any_folder_order(corpus: Graph, tmp_path: Path) -> None:
    forward, backward = tmp_path / "forward.nt", tmp_path / "backward.nt"
    build_corpus(COMPANIES, forward, jobs=2)
    build_corpus(list(reversed(COMPANIES)), backward, jobs=1)
    assert forward.read_bytes() == backward.read_bytes()
    streamed = Graph().parse(forward, format="nt")
    assert set(streamed) == set(corpus)
    assert {streamed.value(r, DCTERMS.publisher) for r in streamed.subjects(RDF.type, CSR.Report)} == {
        ACME,
        URIRef(ID + "org/orbit"),
        URIRef(ID + "org/zenith"),
    }


def test_without_a_shared_identifier_two_spellings_stay_two_nodes(tmp_path: Path) -> None:
    copy = shutil.copytree(FOLDERS["acme-holdings-2020"], tmp_path / "acme-holdings-2020")
    meta = (copy / "report.yaml").read_text(encoding="utf-8")
    (copy / "report.yaml").write_text(
        meta.replace('  stock_code: "8321"\n', '  stock_code: "8322"\n'), encoding="utf-8"
    )
    graph = build_graph([FOLDERS["acme-2019"], copy])
    assert {graph.value(r, DCTERMS.publisher) for r in graph.subjects(RDF.type, CSR.Report)} == {
        ACME,
        URIRef(ID + "org/acme-holdings"),
    }
    assert graph.value(URIRef(ID + "org/acme-holdings"), RDFS.label) == Literal("Acme Holdings Limited", lang="en")


def _meta(company: str, **identifiers: str) -> ReportMeta:
    return ReportMeta.model_validate(
        {"id": f"{company}-r", "company": company, "title": "T", "year": 2020, "curator": {"name": "c"}}
        | ({"identifiers": {LINE_KEY: 8, **identifiers}} if identifiers else {})
    )


def test_an_identifier_links_companies_through_a_third_report() -> None:
    lei = "549300ACMEHLDG000089"
    metas = [
        (Path("listed"), _meta("zeta-listed", exchange="HKEX", stock_code="8321")),
        (Path("registered"), _meta("beta-registered", lei=lei)),
        (Path("both"), _meta("omega", exchange="XHKG", stock_code="8321", lei=lei)),
        (Path("other"), _meta("other-co", exchange="HKEX", stock_code="8322")),
        (Path("same-item"), _meta("other-company", wikidata="Q42")),
        (Path("same-item-2"), _meta("other-co", wikidata="Q42")),
    ]
    assert company_nodes(metas) == {
        Path("listed"): "beta-registered",
        Path("both"): "beta-registered",
        Path("same-item"): "other-co",
    }


def test_two_leis_of_one_company_are_refused() -> None:
    metas = [
        (Path("a"), _meta("acme", lei="549300ACMEHLDG000089")),
        (Path("b"), _meta("acme-holdings", exchange="HKEX", stock_code="8321")),
        (Path("c"), _meta("acme", exchange="HKEX", stock_code="8321", lei="549300ZENITHTEC00050")),
    ]
    with pytest.raises(InputError) as info:
        company_nodes(metas)
    assert str(info.value) == (
        "c/report.yaml:8: lei 549300ZENITHTEC00050 of company 'acme' differs from 549300ACMEHLDG000089 "
        "at a/report.yaml:8, a report of the same company"
    )


def test_one_sector_code_named_two_ways_is_refused(tmp_path: Path) -> None:
    copy = shutil.copytree(FOLDERS["orbit-2020"], tmp_path / "orbit-2020")
    meta = (copy / "report.yaml").read_text(encoding="utf-8")
    (copy / "report.yaml").write_text(
        meta.replace("Storage & Peripherals", "Storage and Peripherals"), encoding="utf-8"
    )
    with pytest.raises(InputError) as info:
        load_reports([FOLDERS["acme-2019"], copy])
    assert str(info.value) == (
        f"{copy / 'report.yaml'}:7: {GICS_SECTOR} is defined differently at "
        f"{FOLDERS['acme-2019'] / 'report.yaml'}:11; a shared id must have the same definition in every report "
        "(or take another id)"
    )


ACME_CELLS = ("HKEX", "XHKG", "8321", "549300ACMEHLDG000089", "HK0000083219", "", "GICS", "45202030", HARDWARE)
EXPECTED_CELLS = {
    "acme-2019": ACME_CELLS,
    "acme-holdings-2020": ACME_CELLS,
    "orbit-2020": ("", "", "", "", "", "", "GICS", "45202030", HARDWARE),
    "zenith-2020": (
        "SZSE",
        "XSHE",
        "002999",
        "549300ZENITHTEC00050",
        "",
        "Q4115189",
        "CSRC Industry Classification",
        "C39",
        "Computer, communication and other electronic equipment manufacturing",
    ),
}


def test_the_fact_table_and_the_panel_end_with_the_company_columns(corpus: Graph) -> None:
    graph = as_native(with_ontology(corpus))
    names = [c.name for c in COMPANY_COLUMNS]
    assert names == [
        "exchange",
        "exchange_mic",
        "stock_code",
        "lei",
        "isin",
        "wikidata",
        "sector_scheme",
        "sector_code",
        "sector_label",
    ]
    table = facts(graph)
    assert [c.name for c in table.columns[-9:]] == names
    assert {(r["report"], r["company"], r["value"], tuple(r[n] for n in names)) for r in table.records()} == {
        ("acme-2019", str(ACME), "1200.0", ACME_CELLS),
        ("acme-holdings-2020", str(ACME), "1350.0", ACME_CELLS),
        ("orbit-2020", ID + "org/orbit", "450.0", EXPECTED_CELLS["orbit-2020"]),
        ("zenith-2020", ID + "org/zenith", "640.0", EXPECTED_CELLS["zenith-2020"]),
    }
    both = panel(graph)
    assert [c.name for c in both.wide.columns] == [
        "report",
        "report_iri",
        "company",
        "company_name",
        "year",
        "employees_total",
        *names,
    ]
    assert {row[0]: (row[3], row[5], row[6:]) for row in both.wide.rows} == {
        "acme-2019": ("Acme", "1200.0", ACME_CELLS),
        "acme-holdings-2020": ("Acme", "1350.0", ACME_CELLS),
        "orbit-2020": ("Orbit Devices", "450.0", EXPECTED_CELLS["orbit-2020"]),
        "zenith-2020": ("Zenith Technology", "640.0", EXPECTED_CELLS["zenith-2020"]),
    }
    assert {r["report"]: tuple(r[n] for n in names) for r in both.long.records()} == EXPECTED_CELLS
    one = facts(graph, ["zenith-2020"]).records()
    assert [tuple(r[n] for n in names) for r in one] == [EXPECTED_CELLS["zenith-2020"]]


def _rows(graph: Graph, name: str, **params: str) -> list[tuple]:
    result = run_local(with_ontology(graph), find_query(name), params)
    return [tuple(None if t is None else t.toPython() for t in row) for row in result.rows]


Y2019, Y2020 = Literal("2019", datatype=XSD.gYear), Literal("2020", datatype=XSD.gYear)


def test_metric_by_sector(corpus: Graph) -> None:
    employees = Decimal("1200.0"), Decimal("1350.0"), Decimal("450.0"), Decimal("640.0")
    assert _rows(corpus, "metric-by-sector") == [
        (
            "CSRC Industry Classification",
            "C39",
            "Computer, communication and other electronic equipment manufacturing",
            Y2020,
            1,
            1,
            1,
            employees[3],
            employees[3],
            employees[3],
            "number",
        ),
        ("GICS", "45202030", HARDWARE, Y2019, 1, 1, 1, employees[0], employees[0], employees[0], "number"),
        ("GICS", "45202030", HARDWARE, Y2020, 2, 2, 2, employees[2], Decimal("900"), employees[1], "number"),
    ]
    assert _rows(corpus, "metric-by-sector", metric="ghg-scope-1") == []


def test_metric_by_exchange(corpus: Graph) -> None:
    assert _rows(corpus, "metric-by-exchange") == [
        ("", "", Y2020, 1, 1, 1, Decimal("450.0"), Decimal("450"), Decimal("450.0"), "number"),
        ("HKEX", "XHKG", Y2019, 1, 1, 1, Decimal("1200.0"), Decimal("1200"), Decimal("1200.0"), "number"),
        ("HKEX", "XHKG", Y2020, 1, 1, 1, Decimal("1350.0"), Decimal("1350"), Decimal("1350.0"), "number"),
        ("SZSE", "XSHE", Y2020, 1, 1, 1, Decimal("640.0"), Decimal("640"), Decimal("640.0"), "number"),
    ]


def test_draft_writes_the_given_identifiers_to_report_yaml(tmp_path: Path) -> None:
    source = FOLDERS["zenith-2020"] / "report.txt"
    out = tmp_path / "zenith"
    options = [
        "--exchange",
        "SZSE",
        "--stock-code",
        "002999",
        "--lei",
        "549300ZENITHTEC00050",
        "--wikidata",
        "Q4115189",
    ]
    sector = ["--sector-scheme", "GICS", "--sector-code", "45202030", "--sector-label", HARDWARE]
    runner = CliRunner()
    result = runner.invoke(main, ["draft", str(source), "-o", str(out), *options, *sector])
    assert result.exit_code == 0, result.output
    meta = (out / "report.yaml").read_text(encoding="utf-8")
    assert meta.endswith(
        'identifiers:\n  exchange: "SZSE"\n  stock_code: "002999"\n'
        '  lei: "549300ZENITHTEC00050"\n  wikidata: "Q4115189"\n'
        f'sector:\n  scheme: "GICS"\n  code: "45202030"\n  label: "{HARDWARE}"\n'
    )
    graph = build_graph([out])
    company = URIRef(ID + "org/zenith-technology")
    assert graph.value(company, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q4115189")
    assert graph.value(company, ORG.classification) == GICS_SECTOR
    bad = runner.invoke(main, ["draft", str(source), "-o", str(tmp_path / "bad"), "--lei", "549300ZENITHTEC00051"])
    assert bad.exit_code == 2
    assert bad.output == (
        "Error: --lei: lei '549300ZENITHTEC00051' is not an LEI: its check digits are 51, "
        "the first 18 characters need 50 (ISO 7064 MOD 97-10)\n"
    )
    half = runner.invoke(main, ["draft", str(source), "-o", str(tmp_path / "half"), "--sector-code", "45"])
    assert half.exit_code == 2
    assert (
        half.output
        == "Error: --sector-scheme: missing: give --sector-scheme, --sector-code and --sector-label together\n"
    )
    assert not (tmp_path / "bad").exists() and not (tmp_path / "half").exists()


def test_the_csv_its_csvw_metadata_and_pandas_keep_the_identifiers_as_text(corpus: Graph, tmp_path: Path) -> None:
    import csvw

    from kg.outputs.frames import read_csv
    from kg.outputs.tables import FACT_COLUMNS

    source = tmp_path / "kg.nt"
    corpus.serialize(source, format="nt", encoding="utf-8")
    out = tmp_path / "facts.csv"
    assert CliRunner().invoke(main, ["table", str(source), "--out", str(out)]).exit_code == 0
    metadata = json.loads((tmp_path / "facts.csv-metadata.json").read_text(encoding="utf-8"))
    described = {c["name"]: (c["titles"], c["datatype"]) for c in metadata["tableSchema"]["columns"][-9:]}
    assert described == {c.name: (c.title, "string") for c in COMPANY_COLUMNS}
    validated = csvw.CSVW(str(tmp_path / "facts.csv-metadata.json"), validate=True)
    assert validated.is_valid and not validated.warnings
    read = read_csv(out, FACT_COLUMNS)
    zenith = read[read["report"] == "zenith-2020"].iloc[0]
    assert (zenith["stock_code"], zenith["wikidata"], str(read["stock_code"].dtype)) == ("002999", "Q4115189", "string")
