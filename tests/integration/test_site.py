"""The static linked-data site: a page per resource, links that land, data that parses, quotes marked.

The expected resources, paths and paragraphs are computed here from the graph and the report text,
not from kg.outputs.site, so a page the site forgets or a link it mis-points is caught.
"""

from __future__ import annotations

import json
import os
import re
import select
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.ingest.model import Report
from kg.outputs.site import GROUPS, write_site
from kg.rdf.iris import Minter
from kg.vocab.entity_types import type_table
from kg.vocab.namespaces import CSR, DEFAULT_BASE, ORG
from kg.vocab.ontology import ontology_graph
from tests.support.graphs import same_graph
from tests.support.mini import MINI_SHEET, MINI_TEXT

CHROMIUM = Path("/usr/bin/chromium")
SAMPLE_CLAIM = "s2-2-rd-investment"
# The bundled site is written once, by the command (site_command), and every test here reads it:
# they run on one worker.
pytestmark = pytest.mark.xdist_group("site-command")
# Classes whose instances must have a page: the report, claims, metrics and every entity type.
PAGE_CLASSES = (
    CSR.Report,
    CSR.Claim,
    CSR.Metric,
    ORG.Organization,
    CSR.Subsidiary,
    CSR.Board,
    CSR.Committee,
    CSR.Department,
    CSR.Team,
    CSR.Initiative,
    CSR.StakeholderGroup,
    CSR.MaterialIssue,
    CSR.Product,
    CSR.Award,
    CSR.Event,
    CSR.Law,
    CSR.Policy,
    CSR.Standard,
    CSR.Certification,
    DCTERMS.Location,
    PROV.Person,
)


class _Links(HTMLParser):
    """Collects href/src values, element ids, and the text of <mark> and the quote paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.marks: list[str] = []
        self.context: list[str] = []
        self.h1: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.links += [v for k, v in attrs if k in ("href", "src") and v is not None]
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag in ("mark", "h1") or (tag == "p" and found.get("class") == "context"):
            self._in.append("context" if tag == "p" else tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and ((tag == "p" and self._in[-1] == "context") or tag == self._in[-1]):
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if "mark" in self._in:
            self.marks.append(data)
        if "context" in self._in:
            self.context.append(data)
        if "h1" in self._in:
            self.h1.append(data)


def parse_html(text: str) -> _Links:
    parser = _Links()
    parser.feed(text)
    parser.close()
    return parser


def expected_path(node: URIRef) -> str:
    """The site path a resource's IRI should map to, derived here from the IRI alone."""
    iri = str(node)
    if iri.startswith("http://metadata.un.org/sdg/"):
        return "sdg/" + iri.rsplit("/", 1)[1]
    assert iri.startswith(DEFAULT_BASE), iri
    return unquote(iri[len(DEFAULT_BASE) :])


def expected_resources(graph: Graph) -> set[URIRef]:
    nodes = {s for cls in PAGE_CLASSES for s in graph.subjects(RDF.type, cls)}
    nodes |= set(ontology_graph().subjects(SKOS.inScheme, CSR.SDGScheme))
    return {n for n in nodes if isinstance(n, URIRef)}


def paragraph(text: str, start: int, end: int) -> str:
    """Text between the blank line before ``start`` and the one after ``end``, by a plain scan."""
    blanks = [(m.start(), m.end()) for m in re.finditer(r"\n\s*\n", text)]
    lo = max((e for s, e in blanks if e <= start), default=0)
    hi = min((s for s, e in blanks if s >= end), default=len(text))
    return text[lo:hi]


def claim_page(out: Path, report: Report, claim_id: str) -> Path:
    return out / (expected_path(Minter().claim(report.meta.id, claim_id)) + ".html")


def resolve(page: Path, link: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link points at; None for links that leave the site."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    return target, unquote(parts.fragment)


@pytest.fixture(scope="module")
def site_command(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """``csrkg site --out DIR`` (the bundled report's folders, i.e. kg.outputs.site.write_site of
    the bundled reports and their graph): its result and DIR."""
    from click.testing import CliRunner

    from kg.cli.app import main

    out = tmp_path_factory.mktemp("site-command")
    return CliRunner().invoke(main, ["site", "--out", str(out)]), out


@pytest.fixture(scope="module")
def site(site_command: tuple[Any, Path]) -> tuple[Path, int]:
    """The bundled site's DIR and the number of resource pages write_site returned, as the command
    reports it on its last line (test_site_command checks the command itself)."""
    result, out = site_command
    assert result.exit_code == 0, result.output
    written = re.fullmatch(rf"wrote (\d+) resource pages and {re.escape(str(out / 'index.html'))}\n", result.stderr)
    assert written is not None, result.stderr
    return out, int(written.group(1))


def test_one_page_per_resource_at_the_iri_path(site: tuple[Path, int], bundled_graph: Graph) -> None:
    out, count = site
    resources = expected_resources(bundled_graph)
    assert count == len(resources) == 1186
    for node in resources:
        for ext in (".html", ".ttl", ".jsonld"):
            assert (out / (expected_path(node) + ext)).is_file(), (node, ext)
    pages = {p for p in out.rglob("*.html") if p.name != "index.html" or p.parent != out}
    assert len(pages) == count
    assert (out / "report/xiaomi-2019/claim/s2-2-rd-investment.html").is_file()
    assert (out / "sdg/9.html").is_file()
    assert (out / "index.html").is_file() and (out / "site.css").is_file()


def test_every_entity_type_of_the_sheets_gets_pages() -> None:
    """A new entity type must be given an index group, or its instances would get no page."""
    grouped = {cls for _name, classes in GROUPS for cls in classes}
    assert {t.cls for t in type_table().entity_types.values()} <= grouped


def test_every_internal_link_resolves(site: tuple[Path, int]) -> None:
    out, _count = site
    ids: dict[Path, set[str]] = {}
    checked = 0
    for page in sorted(out.rglob("*.html")):
        links = parse_html(page.read_text(encoding="utf-8")).links
        for link in links:
            target = resolve(page, link)
            if target is None:
                assert link.startswith(("http://", "https://")), (page, link)
                continue
            path, fragment = target
            assert path.is_file(), (page, link)
            assert path.is_relative_to(out.resolve()), (page, link)
            if fragment:
                if path not in ids:
                    ids[path] = parse_html(path.read_text(encoding="utf-8")).ids
                assert fragment in ids[path], (page, link)
            checked += 1
    assert checked > 10_000


def test_index_links_every_page(site: tuple[Path, int], bundled_graph: Graph) -> None:
    out, _count = site
    index = out / "index.html"
    targets = {resolve(index, link) for link in parse_html(index.read_text(encoding="utf-8")).links}
    pages = {(out / (expected_path(n) + ".html")).resolve() for n in expected_resources(bundled_graph)}
    assert pages <= {t[0] for t in targets if t is not None}


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # inside rdflib's parser
def test_data_files_parse_and_agree(site: tuple[Path, int]) -> None:
    out, count = site
    turtles = sorted(out.rglob("*.ttl"))
    assert len(turtles) == count
    for ttl in turtles:
        turtle = Graph().parse(ttl, format="turtle")
        jsonld = Graph().parse(ttl.with_suffix(".jsonld"), format="json-ld")
        assert len(turtle) > 0, ttl
        assert same_graph(turtle, jsonld), ttl


def test_claim_description_holds_its_triples_and_labels(
    site: tuple[Path, int], bundled: list[Report], bundled_graph: Graph
) -> None:
    out, _count = site
    node = Minter().claim(bundled[0].meta.id, SAMPLE_CLAIM)
    page = claim_page(out, bundled[0], SAMPLE_CLAIM)
    described = Graph().parse(page.with_suffix(".ttl"), format="turtle")
    outgoing = set(bundled_graph.triples((node, None, None)))
    assert outgoing and outgoing <= set(described)
    # The R&D investment is printed first in the highlights: its observation is described on the
    # page of that claim, which owns it, and this claim's page links to it.
    first = Minter().claim(bundled[0].meta.id, "s1-2-rd-investment")
    observation = URIRef(f"{first}/observation/rd-investment")
    assert (node, CSR.hasObservation, observation) in described
    owner = Graph().parse(claim_page(out, bundled[0], "s1-2-rd-investment").with_suffix(".ttl"), format="turtle")
    assert set(bundled_graph.triples((observation, None, None))) <= set(owner)
    metric = URIRef(DEFAULT_BASE + "metric/rd-investment")
    # Of what the claim links to, only the labels come along.
    assert set(owner.triples((metric, None, None))) == set(bundled_graph.triples((metric, RDFS.label, None)))
    data = json.loads(page.with_suffix(".jsonld").read_text(encoding="utf-8"))
    assert str(node) in {n["@id"] for n in data["@graph"]}


def test_every_claim_page_marks_its_quote_in_its_paragraph(site: tuple[Path, int], bundled: list[Report]) -> None:
    out, _count = site
    for report in bundled:
        for claim in report.claims.values():
            page = parse_html(claim_page(out, report, claim.id).read_text(encoding="utf-8"))
            assert "".join(page.marks) == claim.quote, claim.id
            context = paragraph(report.text.text, claim.anchor.start, claim.anchor.end)
            assert "".join(page.context) == context, claim.id


def test_claim_page_escapes_the_report_text(site: tuple[Path, int], bundled: list[Report]) -> None:
    out, _count = site
    html = claim_page(out, bundled[0], SAMPLE_CLAIM).read_text(encoding="utf-8")
    assert "<mark>In 2019, Xiaomi&#x27;s investment in R&amp;D reached approximately RMB7.5 billion.</mark>" in html


def test_output_is_identical_in_another_process(site: tuple[Path, int], tmp_path: Path) -> None:
    """Another hash seed changes rdflib's iteration order; the files must not change with it."""
    out, _count = site
    script = (
        "import sys; from pathlib import Path; from kg.rdf.build import build_graph;"
        " from kg.ingest.loader import load_reports;"
        " from kg.vocab.data import bundled_reports; from kg.outputs.site import write_site;"
        " write_site(load_reports(bundled_reports()), build_graph(), Path(sys.argv[1]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, env=env)
    mine = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert mine == theirs
    assert all((out / p).read_bytes() == (tmp_path / p).read_bytes() for p in mine)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ]
    return subprocess.run([str(CHROMIUM), *flags, *args], capture_output=True, text=True, timeout=120, check=True)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed (/usr/bin/chromium is absent)")
def test_claim_page_in_a_browser(site: tuple[Path, int], bundled: list[Report], tmp_path: Path) -> None:
    """What a person sees: the rendered DOM shows the quote highlighted, and its links land."""
    out, _count = site
    report = bundled[0]
    claim = report.claims[SAMPLE_CLAIM]
    page = claim_page(out, report, SAMPLE_CLAIM)
    dom = parse_html(chromium(tmp_path, "--dump-dom", page.as_uri()).stdout)
    assert "".join(dom.h1) == f"Claim {SAMPLE_CLAIM}"
    assert "".join(dom.marks) == claim.quote
    assert "".join(dom.context) == paragraph(report.text.text, claim.anchor.start, claim.anchor.end)
    internal = [t for t in (resolve(page, link) for link in dom.links) if t is not None]
    assert len(internal) >= 10
    assert all(path.is_file() for path, _fragment in internal)
    # The observation it states is the highlight's (printed there first): a link to that claim's page.
    assert {p.name for p, _f in internal} >= {"site.css", "index.html", "xiaomi.html", "s1-2-rd-investment.html"}

    shot = tmp_path / "claim.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri())
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1200, 900)


def test_site_command(site_command: tuple[Any, Path]) -> None:
    result, out = site_command
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file()
    assert (out / "report" / "xiaomi-2019" / "claim" / "s2-2-rd-investment.html").is_file()
    assert (out / "sdg" / "9.html").is_file()


def _files(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_site_of_a_built_graph_file_is_the_site_of_its_folders(
    tmp_path: Path, bundled_graph: Graph, site_command: tuple[Any, Path]
) -> None:
    """The report text is found by the SHA-256 the graph records, so the pages are the same bytes."""
    from click.testing import CliRunner

    from kg.cli.app import main
    from kg.rdf.build import serialise

    data = tmp_path / "kg.ttl"
    data.write_bytes(serialise(bundled_graph))
    from_file = CliRunner().invoke(main, ["site", str(data), "-o", str(tmp_path / "from-file")])
    from_folders, folders_out = site_command
    assert from_file.exit_code == from_folders.exit_code == 0, from_file.output + from_folders.output
    assert "note:" not in from_file.stderr
    assert _files(tmp_path / "from-file") == _files(folders_out)


@pytest.fixture
def mini_graph(make_report: Callable[..., Path], tmp_path: Path) -> tuple[Path, Path]:
    """A report folder of the mini report and the graph file built from it."""
    from click.testing import CliRunner

    from kg.cli.app import main

    folder = make_report()
    data = tmp_path / "mini.ttl"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(data)])
    assert result.exit_code == 0, result.output
    return folder, data


def _context(page: Path) -> tuple[str, str]:
    html = page.read_text(encoding="utf-8")
    found = parse_html(html)
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html)
    assert caption is not None
    return "".join(found.context), caption.group(1)


def test_a_graph_file_with_its_folder_shows_whole_paragraphs(mini_graph: tuple[Path, Path], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli.app import main

    folder, data = mini_graph
    runner = CliRunner()
    assert runner.invoke(main, ["site", str(data), str(folder), "-o", str(tmp_path / "a")]).exit_code == 0
    assert runner.invoke(main, ["site", str(folder), "-o", str(tmp_path / "b")]).exit_code == 0
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    context, caption = _context(tmp_path / "a/report/sample-2019/claim/rd.html")
    quote = "In 2019, Sample Co invested approximately RMB7.5 billion in R&D."
    assert context == paragraph(MINI_TEXT, MINI_TEXT.index(quote), MINI_TEXT.index(quote) + len(quote))
    assert "not at hand" not in caption


def test_a_graph_without_its_text_shows_the_recorded_context(mini_graph: tuple[Path, Path], tmp_path: Path) -> None:
    """Without report.txt the paragraph is cut to the 32 characters either side the graph records,
    the caption says so, a note on stderr names the report, and --out defaults to csr-kg-site."""
    from click.testing import CliRunner

    from kg.cli.app import main

    _folder, data = mini_graph
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(main, ["site", str(data)])
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines()[0] == (
            "note: no text found for report sample-2019 (give its folder): "
            "its quotes are shown within the prefix and suffix the graph records"
        )
        context, caption = _context(Path("csr-kg-site/report/sample-2019/claim/rd.html"))
    quote = "In 2019, Sample Co invested approximately RMB7.5 billion in R&D."
    end = MINI_TEXT.index(quote) + len(quote)
    # The prefix runs back over a blank line, so the paragraph starts at the quote; the suffix does not.
    assert context == quote + MINI_TEXT[end : end + 32]
    assert caption.endswith(
        "of the report text (the report text was not at hand: its paragraph is shown within the prefix "
        "and suffix the graph records)"
    )


def test_site_refuses_two_graphs_and_a_folder_not_in_the_graph(
    mini_graph: tuple[Path, Path], make_report: Callable[..., Path], tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from kg.cli.app import main

    _folder, data = mini_graph
    other = make_report(text=MINI_TEXT + "\nOne more line.\n", name="other")
    runner = CliRunner()
    two = runner.invoke(main, ["site", str(data), str(data), "-o", str(tmp_path / "x")])
    assert two.exit_code == 2
    assert two.stderr == f"Error: site shows one graph FILE, got 2: {data}, {data}\n"
    stranger = runner.invoke(main, ["site", str(data), str(other), "-o", str(tmp_path / "y")])
    assert stranger.exit_code == 2
    assert stranger.stderr == f"Error: {other}: its report.txt is the text of no report in {data}\n"
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_every_attribute_value_is_quoted(site: tuple[Path, int], bundled: list[Report]) -> None:
    """One quoting style in every page (the f-string pages once wrote ``class=count``)."""
    out, _count = site
    for page in (out / "index.html", out / "org/xiaomi.html", claim_page(out, bundled[0], SAMPLE_CLAIM)):
        html = page.read_text(encoding="utf-8")
        tags = re.findall(r"<[a-zA-Z][^>]*>", html)
        assert len(tags) > 100
        # With every quoted value taken out, no '=' may be left in a tag.
        assert [t for t in tags if "=" in re.sub(r'="[^"]*"', "", t)] == [], page
    for page in (out / "index.html", out / "org/xiaomi.html"):  # the pages with counts
        assert '<span class="count">(' in page.read_text(encoding="utf-8")


def test_labels_are_escaped_in_text_and_attributes(make_report: Callable[..., Path], tmp_path: Path) -> None:
    """Markup in a sheet's label is text on every page that shows it, never markup."""
    from kg.ingest.loader import load_report
    from kg.rdf.mapping import report_graph

    # YAML single quotes: '' is one quote.
    folder = make_report(
        sheet=MINI_SHEET.replace("label: Quality Committee", """label: 'Quality <b>Committee</b> & "Co''s"'""")
    )
    report = load_report(folder)
    write_site([report], report_graph([report], Minter()), tmp_path / "site")
    escaped = "Quality &lt;b&gt;Committee&lt;/b&gt; &amp; &quot;Co&#x27;s&quot;"
    page = (tmp_path / "site/org/sample-co/unit/quality-committee.html").read_text(encoding="utf-8")
    assert f"<h1>{escaped}</h1>" in page
    assert f"<title>{escaped} · csr-kg</title>" in page
    claim = (tmp_path / "site/report/sample-2019/claim/committee.html").read_text(encoding="utf-8")
    assert f'">{escaped}</a>' in claim
    for html in (page, claim):
        assert "<b>Committee" not in html and "Co's" not in html


def test_progress_is_shown_on_a_terminal_only(tmp_path: Path) -> None:
    from tests.support.paths import MINI_REPORT
    from tests.support.servers import cli, cli_env

    piped = subprocess.run(
        cli("site", str(MINI_REPORT), "-o", str(tmp_path / "piped")), capture_output=True, text=True, env=cli_env()
    )
    assert piped.returncode == 0, piped.stderr
    pages = len(list((tmp_path / "piped").rglob("*.html"))) - 1
    assert piped.stderr == f"wrote {pages} resource pages and {tmp_path / 'piped' / 'index.html'}\n"

    leader, follower = os.openpty()
    process = subprocess.Popen(
        cli("site", str(MINI_REPORT), "-o", str(tmp_path / "tty")),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=cli_env(),
        start_new_session=True,
    )
    os.close(follower)
    seen = bytearray()
    try:
        deadline = time.monotonic() + 120
        while (left := deadline - time.monotonic()) > 0 and select.select([leader], [], [], left)[0]:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO: the command has closed its end
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait(timeout=60) == 0, bytes(seen)
    finally:
        process.kill()
        process.wait()
        os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert "writing pages" in text and "100%" in text
    assert text.rstrip().endswith(f"wrote {pages} resource pages and {tmp_path / 'tty' / 'index.html'}")
