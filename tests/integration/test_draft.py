"""``csrkg draft``: report folders from PDFs the tests print, from HTML and from text, and hostile files.

The PDFs are laid out by reportlab from :mod:`tests.support.pdfs` (a title page, a prose page
with a hyphenated line and a real hyphen at a line end, a two-column page, a KPI table page,
running headers, footers and page numbers); the hostile ones are written byte by byte by
:mod:`tests.support.hostile_pdfs`.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph
from rdflib.namespace import DCTERMS
from reportlab.lib.pdfencrypt import StandardEncryption

from kg.cli.app import main
from kg.errors import InputError
from kg.ingest import pdf as pdf_module
from kg.ingest.draft import CURATOR, read_source
from kg.ingest.loader import load_report
from kg.ingest.pdf import Limits
from kg.vocab.namespaces import CSR, OA
from tests.support import hostile_pdfs, netguard
from tests.support.paths import FIXTURES, ROOT
from tests.support.pdfs import SAMPLE, Spec, fixture_text, page_text, write_pdf

DRAFT_FIXTURES = FIXTURES / "draft"
HEADER = "Sample Co Sustainability Report 2021"
FOOTER = "sample.example/esg"


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(SAMPLE, tmp_path_factory.mktemp("pdf") / "sample.pdf")


@pytest.fixture(scope="module")
def drafted(sample_pdf: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("drafts") / "r"
    result = CliRunner().invoke(main, ["draft", str(sample_pdf), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _without_furniture(folder: Path) -> str:
    """report.txt with the furniture spans cut out and the blank lines they leave closed up."""
    text = (folder / "report.txt").read_text(encoding="utf-8")
    spans = json.loads((folder / "pages.json").read_text(encoding="utf-8"))["furniture"]
    for span in sorted(spans, key=lambda s: -s["start"]):
        text = text[: span["start"]] + text[span["end"] :]
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip() + "\n"


def test_pdf_text_exact(drafted: Path) -> None:
    """Every page: header (from page 2), the body as the text fixture has it, the footer row with the page number."""
    pages = []
    for number, blocks in enumerate(SAMPLE.pages, start=1):
        header = f"{HEADER}\n\n" if number > 1 else ""
        pages.append(f"{header}{page_text(blocks)}\n\n{FOOTER}\t{number}")
    assert (drafted / "report.txt").read_text(encoding="utf-8") == "\n\n".join(pages) + "\n"


def test_pdf_lines_repaired(drafted: Path) -> None:
    lines = (drafted / "report.txt").read_text(encoding="utf-8").splitlines()
    assert (
        "This report sets out the environmental, social and governance performance of Sample Co in 2021. It covers "
        "our head office and our two factories, and it was prepared under the reporting guide of the exchange where "
        "our shares are listed. Our approach to sustainability is overseen by the board." in lines
    )
    assert (
        "Revenue grew year-on-year for the third time, and the board reviewed the targets set in 2020 for energy, "
        "water and waste." in lines
    )
    # the two columns: left column's paragraphs first, then the right column's
    community = [
        line for line in lines if line.startswith(("Our volunteers", "Employees chose", "The company", "Next"))
    ]
    assert [line.split()[0:2] for line in community] == [
        ["Our", "volunteers"],
        ["Employees", "chose"],
        ["The", "company"],
        ["Next", "year"],
    ]
    table = lines[lines.index("Indicator\t2021") : lines.index("Indicator\t2021") + 5]
    assert table == [
        "Indicator\t2021",
        "Direct GHG emissions (Scope 1) (tons)\t1,283.42",
        "Hazardous waste per employee (tons per employee)\t0.000066",
        "Electricity\tMWh\t4,120",
        "Water\tm3\t18,300",
    ]


def test_pages_json_spans(drafted: Path) -> None:
    raw = (drafted / "pages.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    text = (drafted / "report.txt").read_text(encoding="utf-8")
    assert raw == json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
    assert data["source"] == "sample.pdf"
    pages = data["pages"]
    assert [p["page"] for p in pages] == [1, 2, 3, 4]
    assert pages[0]["start"] == 0 and pages[-1]["end"] == len(text)
    assert all(a["end"] == b["start"] for a, b in itertools.pairwise(pages))
    for page in pages:  # each page holds its own number and its own first words
        body = text[page["start"] : page["end"]]
        assert f"{FOOTER}\t{page['page']}" in body
    assert text[pages[1]["start"] :].startswith(HEADER)
    assert text[pages[2]["start"] :].startswith(f"{HEADER}\n\n3. Community")
    found = [(f["kind"], text[f["start"] : f["end"]]) for f in data["furniture"]]
    expected = [("footer", FOOTER), ("page-number", "1")]
    for number in (2, 3, 4):
        expected += [("header", HEADER), ("footer", FOOTER), ("page-number", str(number))]
    assert found == expected


def test_pdf_and_text_fixture_give_the_same_text(drafted: Path, tmp_path: Path) -> None:
    """The committed text fixture is the sample report; drafted from it and from its PDF, the texts
    agree once the PDF's headers, footers and page numbers are cut out."""
    fixture = DRAFT_FIXTURES / "sample.txt"
    assert fixture.read_text(encoding="utf-8") == fixture_text(SAMPLE)
    out = tmp_path / "t"
    result = CliRunner().invoke(main, ["draft", str(fixture), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _without_furniture(drafted) == (out / "report.txt").read_text(encoding="utf-8")
    pages = json.loads((out / "pages.json").read_text(encoding="utf-8"))
    assert (len(pages["pages"]), pages["furniture"], pages["source"]) == (4, [], "sample.txt")


def test_report_yaml_marks_what_was_guessed(drafted: Path) -> None:
    assert (drafted / "report.yaml").read_text(encoding="utf-8") == (
        "# Drafted by csrkg draft from sample.pdf: check each value marked as guessed.\n"
        "id: sample-co-holdings-limited-2021  # guessed: the company and the year\n"
        "company: sample-co-holdings-limited  "
        '# guessed from the title page: "Sample Co Holdings Limited" (a slug of it)\n'
        "title: Sample Co Holdings Limited Sustainability Report 2021  "
        '# guessed from the title page: "Sustainability Report 2021"\n'
        'year: 2021  # guessed from the title: "Sample Co Holdings Limited Sustainability Report 2021"\n'
        'fiscal_year_end: 12-31  # guessed from the reporting period: "1 January 2021 to 31 December 2021"\n'
        "language: en  # assumed\n"
        "standard: hkex-esg-guide-2019  # assumed: the reporting guide csr-kg maps\n"
        "source: sample.pdf\n"
        "text: report.txt\n"
        "curator:\n"
        f"  name: {CURATOR}\n"
    )
    assert sorted(str(p.relative_to(drafted)) for p in drafted.rglob("*")) == [
        "claims",
        "claims/00-draft.yaml",
        "claims/drafted.yaml",
        "pages.json",
        "report.txt",
        "report.yaml",
    ]


def test_drafted_folder_loads_with_its_tables(drafted: Path) -> None:
    report = load_report(drafted)
    assert report.meta.company == "sample-co-holdings-limited"
    tables = [c for c in report.claims.values() if not c.id.startswith("draft-")]
    kpis = {c.id: [(o.surface, o.unit) for o in c.observations] for c in tables}
    assert kpis == {
        "kpi-direct-ghg-emissions-scope-1": [("1,283.42", "TONNE")],
        "kpi-hazardous-waste-per-employee": [("0.000066", "TONNE-PER-EMPLOYEE")],
        "kpi-electricity": [("4,120", "MegaW-HR")],  # a unit column the header leaves unnamed
        "kpi-water": [("18,300", "M3")],
    }
    # The table is on the PDF's fourth page; the running footers ("sample.example/esg<TAB>2") are
    # furniture, not one-row tables, so no cell of the report is left unread.
    assert {c.anchor.page for c in tables} == {4}
    prose = [c.anchor.page for c in report.claims.values() if c.id.startswith("draft-")]
    # ("Unless otherwise specified, ..." on page 4 is about the report's figures, not a claim.)
    assert sorted(prose) == [2, 2, 2, 3, 3, 3, 3, 3, 4]
    assert report.unread_cells == []


def test_the_real_commands_draft_then_build(sample_pdf: Path, tmp_path: Path) -> None:
    """``python -m kg draft fixture.pdf -o r && python -m kg build r``, as a user runs them."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = {"cwd": tmp_path, "env": env, "capture_output": True, "text": True, "timeout": 300}
    drafted = subprocess.run([sys.executable, "-m", "kg", "draft", str(sample_pdf), "-o", "r"], **run)
    assert drafted.returncode == 0, drafted.stderr
    assert drafted.stderr == (
        "wrote r (1905 characters, 4 pages, 11 header/footer lines, 9 drafted claims with 0 figures; "
        "guessed: id, company, title, year, fiscal_year_end)\n"
    )
    built = subprocess.run([sys.executable, "-m", "kg", "build", "r", "--out", "kg.ttl"], **run)
    assert built.returncode == 0, built.stderr
    assert built.stderr.splitlines()[0] == (
        "sample-co-holdings-limited-2021: report.txt:47: figures table: 4 rows, 4 cells, 0 not read"
    )
    graph = Graph().parse(tmp_path / "kg.ttl")
    drafted = set(graph.subjects(CSR.reviewStatus, None))
    claims = set(graph.subjects(RDF.type, CSR.Claim))
    assert len(drafted) == 9 and drafted <= claims  # the prose's claims carry their review status
    pages = {
        (claim, str(value))
        for claim, value in graph.query(
            "SELECT ?claim ?value WHERE { ?claim csr:hasPageQuote/oa:hasSelector ?s . ?s rdf:value ?value ;"
            " dcterms:conformsTo <http://tools.ietf.org/rfc/rfc3778> }",
            initNs={"csr": CSR, "oa": OA, "rdf": RDF, "dcterms": DCTERMS},
        )
    }
    tables = {claim for claim in claims if "/claim/kpi-" in str(claim)}
    assert len(claims) == 13 and len(tables) == 4 and not tables & drafted  # the table's four, nine from the prose
    assert {page for claim, page in pages if claim in tables} == {"page=4"}
    assert {claim for claim, _ in pages} == claims  # every claim, drafted or not, has its page


def test_given_metadata_is_not_marked_guessed(sample_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "given"
    args = ["--id", "sc-2021", "--company", "Sample Co", "--year", "2021", "--title", "Sample Co ESG 2021"]
    result = CliRunner().invoke(main, ["draft", str(sample_pdf), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    meta = (out / "report.yaml").read_text(encoding="utf-8").splitlines()
    assert meta[1:5] == ["id: sc-2021", "company: sample-co", "title: Sample Co ESG 2021", "year: 2021"]
    assert load_report(out).entities["sample-co"].label == "Sample Co"


def test_default_folder_is_the_id(sample_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["draft", str(sample_pdf)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample-co-holdings-limited-2021"]


def test_existing_folder_needs_force(sample_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    runner = CliRunner()
    assert runner.invoke(main, ["draft", str(sample_pdf), "-o", str(out)]).exit_code == 0
    (out / "report.txt").write_text("edited\n", encoding="utf-8")
    refused = runner.invoke(main, ["draft", str(sample_pdf), "-o", str(out)])
    assert (refused.exit_code, refused.stderr) == (2, f"Error: {out}: already exists (give --force to replace it)\n")
    assert (out / "report.txt").read_text(encoding="utf-8") == "edited\n"
    forced = runner.invoke(main, ["draft", str(sample_pdf), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert (out / "report.txt").read_text(encoding="utf-8").startswith("Sample Co Holdings Limited\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]  # no temporary or old folder left


def test_force_never_replaces_an_unrelated_directory(sample_pdf: Path, tmp_path: Path) -> None:
    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"\xff\xd8")
    result = CliRunner().invoke(main, ["draft", str(sample_pdf), "-o", str(other), "--force"])
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {other}: is not a report folder (no report.yaml); not replaced\n",
    )
    assert [p.name for p in other.iterdir()] == ["cat.jpg"]


def test_html_source(tmp_path: Path) -> None:
    """Scripts, styles, frames and objects dropped, nothing fetched, tables as tab-separated rows."""
    out = tmp_path / "h"
    with netguard.switched_on(FIXTURES) as guard:
        result = CliRunner().invoke(main, ["draft", str(DRAFT_FIXTURES / "sample.html"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (guard.connections, guard.processes, guard.opens) == ([], [], [])
    assert (out / "report.txt").read_text(encoding="utf-8") == (
        "Harbour Foods Group\n\n"
        "Environmental, Social and Governance Report 2022\n\n"
        "This report covers the year ended 31\u00a0December 2022 and all of our kitchens.\n\n"
        "1. Emissions\n\n"
        "Indicator\t2022\n"
        "Direct GHG emissions (Scope 1) (tons)\t512.3\n"
        "Water\t\t4,100\n\n"
        "Line one\n\n"
        "line two\n"
    )
    assert not (out / "pages.json").exists()
    meta = (out / "report.yaml").read_text(encoding="utf-8").splitlines()
    assert meta[1:5] == [
        "id: harbour-foods-group-2022  # guessed: the company and the year",
        'company: harbour-foods-group  # guessed from the title page: "Harbour Foods Group" (a slug of it)',
        "title: Harbour Foods Group ESG Report 2022  # guessed from the HTML title: "
        '"Harbour Foods Group ESG Report 2022"',
        'year: 2022  # guessed from the title: "Harbour Foods Group ESG Report 2022"',
    ]
    assert list(load_report(out).claims) == ["kpi-direct-ghg-emissions-scope-1"]


def test_text_source_hygiene(tmp_path: Path) -> None:
    """A BOM is dropped, CRLF becomes LF, form feeds become pages; NBSP stays."""
    source = tmp_path / "acme.txt"
    source.write_bytes("\ufeffAcme Ltd\r\nAnnual ESG Report 2020\r\n\fWe planted 1\u00a0000 trees.\r\n".encode())
    out = tmp_path / "a"
    result = CliRunner().invoke(main, ["draft", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "report.txt").read_text(encoding="utf-8")
    assert text == "Acme Ltd\nAnnual ESG Report 2020\n\nWe planted 1\u00a0000 trees.\n"
    pages = json.loads((out / "pages.json").read_text(encoding="utf-8"))
    assert pages == {
        "source": "acme.txt",
        "pages": [{"page": 1, "start": 0, "end": 33}, {"page": 2, "start": 33, "end": len(text)}],
        "furniture": [],
    }
    assert text[33:].startswith("We planted")


def test_text_without_form_feeds_has_no_page_map(tmp_path: Path) -> None:
    source = tmp_path / "plain.md"
    source.write_text("Plain Co Limited\n\nSustainability Report 2019\n", encoding="utf-8")
    out = tmp_path / "p"
    assert CliRunner().invoke(main, ["draft", str(source), "-o", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["claims", "report.txt", "report.yaml"]


def test_a_year_that_cannot_be_guessed_names_the_option(tmp_path: Path) -> None:
    source = tmp_path / "n.txt"
    source.write_text("Nameless Co Limited\n\nA report on our people.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["draft", str(source), "-o", str(tmp_path / "n")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {source}: cannot guess the year from the title or the reporting period; give --year YYYY\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.txt"]


# --------------------------------------------------------------------------- hostile files


def _hostile(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    """name -> (file bytes, the error it must end in)."""
    sample = write_pdf(SAMPLE, tmp_path / "src.pdf").read_bytes()
    locked = write_pdf(SAMPLE, tmp_path / "locked-src.pdf", encrypt="secret").read_bytes()
    return {
        "truncated.pdf": (sample[: len(sample) // 3], r"not a readable PDF \(PSEOF: Unexpected EOF\)"),
        "junk.pdf": (b"%PDF-1.4\n" + bytes(range(256)) * 40, r"not a readable PDF \(PDFSyntaxError: No /Root object"),
        "empty.pdf": (b"", r"not a PDF \(no %PDF- header in its first 1024 bytes\)"),
        "html-named.pdf": (b"<html>not a pdf</html>", r"not a PDF \(no %PDF- header"),
        "locked.pdf": (locked, r"the PDF is password-protected \(give csrkg draft an unprotected copy\)"),
        "huge-page.pdf": (hostile_pdfs.huge_page(), r"page 1 is 1000000 x 1000000 pt \(the limit is 14400 pt a side\)"),
        "page-count.pdf": (
            hostile_pdfs.absurd_page_count(),
            r"the PDF declares 2000000000 pages \(the limit is 2000\)",
        ),
        "no-text.pdf": (hostile_pdfs.raw_pdf(hostile_pdfs.one_page(content=b"")), r"the PDF has no text"),
    }


def test_hostile_pdfs_end_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    for name, (data, expected) in _hostile(tmp_path).items():
        source = tmp_path / name
        source.write_bytes(data)
        out = tmp_path / "out" / name
        result = runner.invoke(main, ["draft", str(source), "-o", str(out)])
        assert result.exit_code == 2, (name, result.output)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: {source}: "), result.stderr
        assert re.search(expected, result.stderr), (name, result.stderr)
        assert not (tmp_path / "out").exists()  # nothing written, not even the parent


def test_a_page_tree_that_understates_its_pages(tmp_path: Path) -> None:
    source = tmp_path / "many.pdf"
    source.write_bytes(hostile_pdfs.understated_page_count(5))
    with pytest.raises(InputError) as info:
        read_source(source, Limits(max_pages=3))
    assert str(info.value) == f"{source}: the PDF has more than 3 pages"


def test_a_reference_cycle_stops_at_the_step_limit(tmp_path: Path) -> None:
    source = tmp_path / "cycle.pdf"
    source.write_bytes(hostile_pdfs.self_reference())
    with pytest.raises(InputError) as info:
        read_source(source, Limits(step_seconds=2))
    assert str(info.value) == f"{source}: opening the PDF took more than 2 s (a reference cycle?)"


def test_decompression_bomb_stops_at_the_memory_limit(tmp_path: Path) -> None:
    source = tmp_path / "bomb.pdf"
    source.write_bytes(hostile_pdfs.decompression_bomb(2**29))  # 512 MiB of content in a small file
    assert source.stat().st_size < 2**20
    with pytest.raises(InputError) as info:
        read_source(source, Limits(memory=256 * 2**20))
    assert str(info.value) == f"{source}: reading the PDF needs more than 256 MiB of memory (a decompression bomb?)"


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        (Limits(max_pages=3), r"the PDF declares 4 pages \(the limit is 3\)"),
        (Limits(max_chars=1000), "the PDF holds more than 1000 characters of text"),
        (Limits(max_bytes=1000), r"the file is 0 MiB \(the limit is 0 MiB\)"),
        (Limits(timeout=0.01), r"reading the PDF took more than 0 s"),
    ],
    ids=["pages", "characters", "bytes", "time"],
)
def test_limits(limits: Limits, expected: str, sample_pdf: Path) -> None:
    with pytest.raises(InputError) as info:
        read_source(sample_pdf, limits)
    assert re.fullmatch(rf"{re.escape(str(sample_pdf))}: {expected}", str(info.value)), str(info.value)


def test_html_that_takes_too_long_to_parse(tmp_path: Path) -> None:
    source = tmp_path / "deep.html"
    source.write_bytes(b"<p>" * 400_000 + b"Deep Co Ltd ESG Report 2020")
    with pytest.raises(InputError) as info:
        read_source(source, Limits(html_seconds=0.01))
    assert str(info.value) == f"{source}: parsing the HTML took more than 0.01 s"


def test_javascript_and_attachments_are_neither_run_nor_extracted(tmp_path: Path) -> None:
    source = tmp_path / "js.pdf"
    source.write_bytes(hostile_pdfs.with_javascript_and_attachment())
    out = tmp_path / "j"
    result = CliRunner().invoke(main, ["draft", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report.txt").read_text(encoding="utf-8") == "Hostile Co Limited\n\nESG Report 2022\n"
    assert sorted(p.name for p in out.iterdir()) == ["claims", "pages.json", "report.txt", "report.yaml"]


def test_owner_password_only_is_read(tmp_path: Path) -> None:
    """Encrypted with an empty user password (only printing or copying restricted): readable, as viewers read it."""
    source = write_pdf(SAMPLE, tmp_path / "owner.pdf", encrypt=StandardEncryption("", "owner", canCopy=0))
    assert read_source(source).text.startswith("Sample Co Holdings Limited\n")


def test_deeply_nested_objects(tmp_path: Path) -> None:
    source = tmp_path / "deep.pdf"
    source.write_bytes(hostile_pdfs.deep_nesting(100_000))
    assert read_source(source).text == "Hostile Co Limited\n\nESG Report 2022\n"


def test_without_pdfminer_the_error_names_the_extra(
    sample_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "_missing_pdfminer", lambda: True)
    result = CliRunner().invoke(main, ["draft", str(sample_pdf), "-o", str(tmp_path / "x")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: {sample_pdf}: reading PDFs needs pdfminer.six: pip install 'csr-kg[pdf]'\n",
    )


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "r.docx",
            b"PK\x03\x04",
            r"cannot draft from a \.docx file \(known: \.pdf, \.html, \.htm, \.xhtml, \.txt, \.md\)",
        ),
        (
            "latin.txt",
            "Caf\xe9 Co Ltd 2020".encode("latin-1"),
            r"the file is not UTF-8 text \(invalid continuation byte at byte 3\)",
        ),
        ("blank.html", b"<html><script>x()</script></html>", "no text found"),
        ("missing.pdf", None, "cannot read the file: No such file or directory"),
    ],
)
def test_other_bad_sources(name: str, data: bytes | None, expected: str, tmp_path: Path) -> None:
    source = tmp_path / name
    if data is not None:
        source.write_bytes(data)
    result = CliRunner().invoke(main, ["draft", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert re.fullmatch(rf"Error: {re.escape(str(source))}: {expected}\n", result.stderr), result.stderr


def test_spec_without_furniture_has_none(tmp_path: Path) -> None:
    bare = Spec(pages=SAMPLE.pages, header=None, footer=None, page_numbers=False)
    text = read_source(write_pdf(bare, tmp_path / "bare.pdf"))
    assert (text.furniture, text.text) == ((), fixture_text(bare).replace("\n\f", "\n\n"))


def test_drafting_the_bundled_text_gives_its_table_claims(tmp_path: Path) -> None:
    """The bundled text drafted without any option: the same text, and the tables' claims of the curated folder."""
    bundled = ROOT / "kg" / "reports" / "xiaomi-2019"
    out = tmp_path / "x"
    result = CliRunner().invoke(main, ["draft", str(bundled / "report.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report.txt").read_bytes() == (bundled / "report.txt").read_bytes()
    assert (out / "report.yaml").read_text(encoding="utf-8").splitlines()[1:5] == [
        "id: xiaomi-corporation-2019  # guessed: the company and the year",
        'company: xiaomi-corporation  # guessed: the first company name in the text, "Xiaomi Corporation" '
        "(a slug of it)",
        "title: Xiaomi Corporation ENVIRONMENTAL, SOCIAL AND GOVERNANCE REPORT  "
        '# guessed from the title page: "ENVIRONMENTAL, SOCIAL AND GOVERNANCE REPORT"',
        "year: 2019  # guessed: the year the title page names most often",
    ]

    def tables(claims: dict) -> dict[str, list[tuple[int, int, str]]]:
        """Quotes and spans of the table claims by kind (the curated sheet names stakeholder rows its own way)."""
        found: dict[str, list[tuple[int, int, str]]] = {}
        for ident, claim in claims.items():
            if ident.startswith(("kpi-", "stakeholders-", "award-")):
                found.setdefault(ident.split("-")[0], []).append((claim.anchor.start, claim.anchor.end, claim.quote))
        return {kind: sorted(rows) for kind, rows in found.items()}

    drafted, curated = tables(load_report(out).claims), tables(load_report(bundled).claims)
    assert {kind: len(rows) for kind, rows in drafted.items()} == {"kpi": 18, "stakeholders": 7, "award": 9}
    assert drafted == curated
