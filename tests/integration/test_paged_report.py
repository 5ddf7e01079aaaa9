"""A report converted from a three-page PDF (tests/fixtures/paged-report): the exact page of each
claim in the graph, furniture kept out of sections and quotes, the same pages from form feeds, and a
byte order mark that changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.cli.app import main
from kg.errors import InputError
from kg.ingest.loader import load_report
from kg.outputs.site import write_site
from kg.rdf.build import build_graph
from kg.validate.shacl import validate_graph
from kg.vocab.namespaces import CSR, OA
from tests.support.paths import MINI_REPORT, PAGED_REPORT

REPORT = "https://w3id.org/csr-kg/id/report/northwind-2021"
DOCUMENT = URIRef(f"{REPORT}/document")
RFC_3778 = URIRef("http://tools.ietf.org/rfc/rfc3778")
PAGES = {"committee": 1, "recycling": 2, "kpi-direct-ghg-emissions-scope-1": 2, "donations": 3}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph([PAGED_REPORT])


def _page_triples(claim: str, page: int) -> set[tuple[URIRef, URIRef, URIRef | Literal]]:
    node = URIRef(f"{REPORT}/claim/{claim}")
    target, fragment = URIRef(f"{node}/page"), URIRef(f"{node}/page-fragment")
    return {
        (node, CSR.hasPageQuote, target),
        (target, RDF.type, OA.SpecificResource),
        (target, OA.hasSource, DOCUMENT),
        (target, OA.hasSelector, fragment),
        (fragment, RDF.type, OA.FragmentSelector),
        (fragment, DCTERMS.conformsTo, RFC_3778),
        (fragment, RDF.value, Literal(f"page={page}")),
        (fragment, OA.refinedBy, URIRef(f"{node}/quote")),
    }


def _page_part(graph: Graph) -> set[tuple]:
    """The triples of every claim's page quote and its fragment selector."""
    targets = set(graph.objects(None, CSR.hasPageQuote))
    fragments = {f for t in targets for f in graph.objects(t, OA.hasSelector)}
    return {t for t in graph if t[1] == CSR.hasPageQuote or t[0] in targets | fragments}


def test_every_claim_carries_the_fragment_selector_of_its_page(graph: Graph) -> None:
    expected = set().union(*(_page_triples(claim, page) for claim, page in PAGES.items()))
    assert _page_part(graph) == expected


def test_the_report_document_is_the_pdf_the_page_map_names(graph: Graph) -> None:
    assert set(graph.triples((DOCUMENT, None, None))) == {
        (DOCUMENT, RDF.type, CSR.ReportDocument),
        (DOCUMENT, DCTERMS.identifier, Literal("northwind-2021.pdf")),
        (DOCUMENT, DCTERMS.format, Literal("application/pdf")),
        (DOCUMENT, CSR.pageCount, Literal(3, datatype=XSD.positiveInteger)),
    }
    assert set(graph.subject_predicates(DOCUMENT)) == {
        (URIRef(REPORT), DCTERMS.hasFormat),
        (URIRef(f"{REPORT}/text"), DCTERMS.source),
        *((URIRef(f"{REPORT}/claim/{claim}/page"), OA.hasSource) for claim in PAGES),
    }


def test_the_text_selectors_stay_on_the_text(graph: Graph) -> None:
    text = URIRef(f"{REPORT}/text")
    for claim in PAGES:
        assert graph.value(URIRef(f"{REPORT}/claim/{claim}/target"), OA.hasSource) == text


def test_the_paged_graph_conforms_without_findings(graph: Graph) -> None:
    result = validate_graph(graph)
    assert result.conforms and result.findings == ()


def test_running_headers_and_footers_make_no_section() -> None:
    report = load_report(PAGED_REPORT)
    assert [(s.number, s.title) for s in report.text.sections] == [
        ("0", "Front matter"),
        ("1", "About This Report"),
        ("2", "Environment"),
        ("3", "Community"),
    ]


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "report"
    shutil.copytree(PAGED_REPORT, folder)
    return folder


def test_without_its_page_map_the_report_has_no_pages_and_its_footer_becomes_a_chapter(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "pages.json").unlink()
    graph = build_graph([folder])
    assert _page_part(graph) == set()
    assert set(graph.triples((DOCUMENT, None, None))) == set()
    assert [s.number for s in load_report(folder).text.sections] == ["0", "1", "2", "3", "4"]


def test_form_feeds_give_the_same_pages(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "pages.json").unlink()
    text = (folder / "report.txt").read_text(encoding="utf-8")
    # The line break that ends pages 1 and 2 becomes a form feed: every offset stays.
    breaks = (192, 475)
    assert all(text[i - 1] == "\n" for i in breaks)
    for i in breaks:
        text = text[: i - 1] + "\f" + text[i:]
    (folder / "report.txt").write_text(text, encoding="utf-8", newline="")
    graph = build_graph([folder])
    expected = set().union(*(_page_triples(claim, page) for claim, page in PAGES.items()))
    assert _page_part(graph) == expected
    assert set(graph.triples((DOCUMENT, None, None))) == {
        (DOCUMENT, RDF.type, CSR.ReportDocument),
        (DOCUMENT, DCTERMS.format, Literal("application/pdf")),
        (DOCUMENT, CSR.pageCount, Literal(3, datatype=XSD.positiveInteger)),
    }  # form feeds name no file
    assert graph.serialize(format="xml")  # no form feed reaches the graph


def test_a_quote_of_a_running_header_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    sheet = folder / "claims" / "sheet.yaml"
    header = "  - id: header\n    kind: governance\n    quote: NORTHWIND PAPER SUSTAINABILITY REPORT 2021\n"
    sheet.write_text(sheet.read_text(encoding="utf-8") + header + "    occurrence: 2\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_report(folder)
    assert str(info.value) == (
        f"{sheet}:23: claim header: quote overlaps the header at 192-234 "
        "('NORTHWIND PAPER SUSTAINABILITY REPORT 20'), which is page furniture, not a claim: "
        "'NORTHWIND PAPER SUSTAINABILITY REPORT 2021'"
    )


def test_a_malformed_page_map_is_a_one_line_error_and_exit_2(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "pages.json").write_text('{"source": "northwind-2021.pdf", "pages": [{"page": 1, "start": 0, "end": 9}]}')
    out = tmp_path / "kg.ttl"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {folder / 'pages.json'}: pages[0]: the last page ends at 9, "
        "not at the end of the text (638 characters)\n"
    )
    assert not out.exists()


def test_a_byte_order_mark_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "mini"
    shutil.copytree(MINI_REPORT, folder)
    text = folder / "report.txt"
    text.write_bytes(b"\xef\xbb\xbf" + text.read_bytes())
    assert set(build_graph([folder])) == set(build_graph([MINI_REPORT]))


def test_the_site_shows_the_page_of_a_claim(tmp_path: Path, graph: Graph) -> None:
    write_site([load_report(PAGED_REPORT)], graph, tmp_path)
    page = (tmp_path / "report" / "northwind-2021" / "claim" / "recycling.html").read_text(encoding="utf-8")
    assert "characters 251–305 of the report text, page 2 of northwind-2021.pdf</figcaption>" in page
