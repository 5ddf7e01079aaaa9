"""csrkg plot and the site's pictures: the data each picture is drawn from, exact against the graph;
files written whole, of a real size, byte-identical on rerun; one-line errors on bad input.

The corpus is three tiny reports made from the mini report: Sample Co in 2019 and 2020 (Scope 1
printed in a KPI table), and Other Co in 2019, whose Scope 1 figure is approximate and curated.
Pixels are not tested: each picture was looked at when it was made.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.app import main
from kg.outputs import plots
from kg.outputs.site import write_graph_site
from kg.outputs.tables import NativeGraph, facts, lexical, native_graph, query_rows
from kg.rdf.readers import read_rdf
from kg.validate.shacl import validate_graph
from kg.vocab.ontology import with_ontology
from tests.support.mini import MINI_META, MINI_SHEET, MINI_TEXT

pytestmark = pytest.mark.slow

SCOPE_1_LINE = "Direct GHG emissions (Scope 1) (tons)\t283.42\n"
OTHER_CLAIM = """claims:
  - id: scope-1
    kind: quantitative
    quote: "In 2019, direct GHG emissions (Scope 1) were approximately 150 tonnes."
    observations:
      - {metric: scope-one-emissions, figure: approximately 150 tonnes}
"""


def _folder(root: Path, name: str, text: str, meta: str, sheet: str) -> Path:
    folder = root / name
    (folder / "claims").mkdir(parents=True)
    (folder / "report.txt").write_text(text, encoding="utf-8")
    (folder / "report.yaml").write_text(meta, encoding="utf-8")
    (folder / "claims" / "sheet.yaml").write_text(sheet, encoding="utf-8")
    return folder


def _other(text: str) -> str:
    return text.replace("Sample Co", "Other Co").replace("sample-co", "other-co").replace("sample-2019", "other-2019")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three reports built into one Turtle file."""
    root = tmp_path_factory.mktemp("plot-corpus")
    later = {"2019": "2020", "283.42": "290.10"}
    text_2020, meta_2020, sheet_2020 = MINI_TEXT, MINI_META, MINI_SHEET
    for old, new in later.items():
        text_2020, meta_2020, sheet_2020 = (s.replace(old, new) for s in (text_2020, meta_2020, sheet_2020))
    other_text = _other(MINI_TEXT).replace(SCOPE_1_LINE, "")
    other_text = other_text.replace(
        "Other Co set up a Quality Committee.\n",
        "Other Co set up a Quality Committee.\n"
        "In 2019, direct GHG emissions (Scope 1) were approximately 150 tonnes.\n",
    )
    other_sheet = (
        _other(MINI_SHEET)
        .replace(
            "metrics:\n",
            "metrics:\n  - {id: scope-one-emissions, label: Direct GHG emissions (Scope 1), kpis: [A1.2]}\n",
        )
        .replace("claims:\n", OTHER_CLAIM)
    )
    folders = [
        _folder(root, "sample-2019", MINI_TEXT, MINI_META, MINI_SHEET),
        _folder(root, "sample-2020", text_2020, meta_2020, sheet_2020),
        _folder(root, "other-2019", other_text, _other(MINI_META), other_sheet),
    ]
    out = root / "corpus.ttl"
    (root / "folders.txt").write_text("\n".join(map(str, folders)), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", *map(str, folders), "--out", str(out), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    return out


def _folders(corpus: Path) -> list[str]:
    """The report folders the corpus was built from."""
    return (corpus.parent / "folders.txt").read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def native(corpus: Path) -> NativeGraph:
    return native_graph(corpus)


def test_metric_series_is_the_facts_in_canonical_units(native: NativeGraph) -> None:
    series = plots.metric_series(native, "ghg-scope-1")
    assert (series.metric, series.label, series.unit_label) == (
        "ghg-scope-1",
        "Direct greenhouse gas emissions (Scope 1)",
        "tonne",
    )
    got = [(p.company_name, p.report, p.year, p.value, p.text, p.qualifier, p.surface_form) for p in series.points]
    assert sorted(got) == [
        ("Other Co", "other-2019", 2019, 150.0, "150.0", "approximately", "approximately 150 tonnes"),
        ("Sample Co", "sample-2019", 2019, 283.42, "283.42", "", "283.42"),
        ("Sample Co", "sample-2020", 2020, 290.1, "290.1", "", "290.10"),
    ]
    rows = {r["claim"]: r for r in facts(native).records() if r["metric"] == "ghg-scope-1"}
    assert {p.claim for p in series.points} == set(rows)
    for p in series.points:
        assert rows[p.claim]["canonical_value"] == p.text
    assert plots.metric_series(native, "https://w3id.org/csr-kg/esg-metric/ghg-scope-1") == series
    assert [p.report for p in plots.metric_series(native, "ghg-scope-1", ["sample-2020"]).points] == ["sample-2020"]


def test_disclosure_cells_are_the_saved_querys_answers(native: NativeGraph) -> None:
    data = plots.disclosure(native)
    answer = query_rows(native, "kpi-disclosure")[0]
    expected = {(lexical(row[0]), lexical(row[1])): lexical(row[4]) for row in answer.rows}
    assert data.cells == expected
    assert data.reports == ("other-2019", "sample-2019", "sample-2020")
    assert [code for code, _ in data.kpis][:3] == ["A1.1", "A1.2", "A1.3"]
    # sample-2020 follows the 2020 guide (its metadata's year moved on), the others the 2019 one:
    # the rows are every KPI of either, and a KPI outside a report's guide has no cell for it.
    assert {code for code, _ in data.kpis} == {code for _, code in expected}
    assert len(data.kpis) > len({code for report, code in expected if report == "sample-2019"})
    assert data.cells[("other-2019", "A1.2")] == "with figures"
    assert set(plots.disclosure(native, ["sample-2020"]).reports) == {"sample-2020"}


def test_sdg_coverage_counts_every_goal_of_every_report(native: NativeGraph) -> None:
    data = plots.sdg_coverage(native)
    assert [g[0] for g in data.goals] == list(range(1, 18))
    assert data.goals[8] == (9, "http://metadata.un.org/sdg/9", "SDG 9 Industry, innovation and infrastructure")
    for report in data.reports:
        for goal in range(1, 18):
            # Each report's R&D claim is aligned with SDG 9 by the curator's inference, and nothing else.
            assert (data.stated[(report, goal)], data.inferred[(report, goal)]) == ((0, 1) if goal == 9 else (0, 0))
    assert data.total(9) == (0, 3)
    assert plots.sdg_coverage(native, ["other-2019"]).reports == ("other-2019",)


def test_finding_counts_are_validates_findings_by_report(corpus: Path) -> None:
    graph = with_ontology(read_rdf(corpus))
    data = plots.finding_counts(graph)
    findings = validate_graph(graph).findings
    assert sum(data.counts.values()) == len(findings)
    assert {s[0] for s in data.shapes} == {f.shape for f in findings}
    missing = "https://w3id.org/csr-kg/shapes#MissingFigureShape"
    # Each report announces its connected devices without the figure: one warning each, its own.
    assert {r: data.counts[(r, missing)] for r in ("other-2019", "sample-2019", "sample-2020")} == dict.fromkeys(
        ("other-2019", "sample-2019", "sample-2020"), 1
    )
    # A guide KPI no claim discloses is a finding about the KPI, which names its report by title:
    # it is counted under that report, as often as the report's disclosure leaves a KPI out.
    undisclosed = "https://w3id.org/csr-kg/shapes#UndisclosedKPIShape"
    cells = plots.disclosure(native_graph(corpus)).cells
    for report in ("other-2019", "sample-2019", "sample-2020"):
        left_out = sum(1 for (r, _code), level in cells.items() if r == report and level == "not disclosed")
        assert data.counts[(report, undisclosed)] == left_out > 0
    severities = [s[2] for s in data.shapes]
    assert severities == sorted(severities, key=["Violation", "Warning", "Info"].index)
    only = plots.finding_counts(graph, ["sample-2019"])
    assert only.reports == ("sample-2019",)
    assert only.counts == {k: v for k, v in data.counts.items() if k[0] == "sample-2019"}


KINDS = (
    ("metric", ["metric", "ghg-scope-1"]),
    ("metric-year", ["metric", "ghg-scope-1", "--year", "2019"]),
    ("disclosure", ["disclosure"]),
    ("sdgs", ["sdgs"]),
    ("sdgs-per-report", ["sdgs", "--per-report"]),
    ("findings", ["findings"]),
)


@pytest.mark.parametrize(("name", "args"), KINDS, ids=[k[0] for k in KINDS])
def test_each_picture_is_written_the_same_twice(corpus: Path, tmp_path: Path, name: str, args: list[str]) -> None:
    written = {}
    for fmt in ("png", "svg"):
        for run in ("a", "b"):
            out = tmp_path / f"{name}-{run}.{fmt}"
            result = CliRunner().invoke(main, ["plot", args[0], *args[1:2], str(corpus), *args[2:], "-o", str(out)])
            assert result.exit_code == 0, result.output
            written[(fmt, run)] = out.read_bytes()
        assert written[(fmt, "a")] == written[(fmt, "b")]
        assert len(written[(fmt, "a")]) > 5000
    assert written[("png", "a")].startswith(b"\x89PNG\r\n\x1a\n")
    svg = written[("svg", "a")].decode("utf-8")
    assert svg.startswith("<?xml") and "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in written[("png", "a")]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{name}-{r}.{f}" for f in ("png", "svg") for r in "ab")


@pytest.mark.parametrize(
    ("args", "name", "message"),
    [
        (["metric", "no-such-metric"], "x.png", "no figure of catalogue metric 'no-such-metric' in the graph"),
        (["metric", "rd-spending"], "x.png", "converts to its canonical unit http://qudt.org/vocab/currency/USD"),
        (["metric", "ghg-scope-1", "--year", "2031"], "x.png", "no figure for 2031"),
        (["disclosure", "--report", "acme-1999"], "x.png", "no report acme-1999 in the graph"),
        (["findings", "--report", "acme-1999"], "x.png", "no report acme-1999 in the graph"),
        (["sdgs", "--format", "gif"], "x.png", "Invalid value for '-f' / '--format'"),
        (["sdgs"], "x.jpg", "x.jpg: give --format png or svg, or an --out ending .png or .svg"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    corpus: Path, tmp_path: Path, args: list[str], name: str, message: str
) -> None:
    out = tmp_path / name
    command = [args[0], *(args[1:2] if args[0] == "metric" else []), str(corpus)]
    rest = args[2:] if args[0] == "metric" else args[1:]
    result = CliRunner().invoke(main, ["plot", *command, *rest, "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_store_gives_the_pictures_of_its_file(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    runner = CliRunner()
    built = runner.invoke(main, ["build", *_folders(corpus), "--out", str(tmp_path / "kg.nt"), "--store", str(store)])
    assert built.exit_code == 0, built.output
    for kind in (["sdgs"], ["metric", "ghg-scope-1"]):
        pictures = []
        for source in (corpus, store):
            out = tmp_path / f"{kind[0]}-{source.name}.svg"
            result = runner.invoke(main, ["plot", *kind, str(source), "-o", str(out), "-q"])
            assert result.exit_code == 0, result.output
            pictures.append(out.read_bytes())
        assert pictures[0] == pictures[1]


def test_a_missing_graph_file_or_directory_is_refused(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["plot", "sdgs", str(tmp_path / "none.ttl"), "-o", str(tmp_path / "x.png")])
    assert missing.exit_code == 2 and "no such file or store directory" in missing.output
    nowhere = runner.invoke(main, ["plot", "sdgs", "-o", str(tmp_path / "no" / "x.png")])
    assert nowhere.exit_code == 2 and "does not exist" in nowhere.output


@pytest.mark.parametrize(
    ("args", "what"),
    [(["plot", "sdgs"], "csrkg plot"), (["site", "--pictures"], "csrkg site --pictures")],
    ids=["plot", "site"],
)
def test_without_matplotlib_the_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, corpus: Path, tmp_path: Path, args: list[str], what: str
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if not installed
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [*args, str(corpus), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {what} needs matplotlib: pip install 'csr-kg[plots]'\n"
    assert not out.exists()


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


def _images(page: Path) -> list[dict[str, str | None]]:
    parser = _Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.images


def test_site_pages_show_their_pictures(corpus: Path, native: NativeGraph, tmp_path: Path) -> None:
    """One site, not two (its pictures are most of its time): a picture drawn again is the same
    bytes, the other drawings are checked on rerun above, the pages by tests/integration/test_site.py."""
    write_graph_site(read_rdf(corpus), tmp_path, {}, pictures=True)
    a = tmp_path
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    svgs = {str(f) for f in files if f.suffix == ".svg"}
    reports = ("other-2019", "sample-2019", "sample-2020")
    assert {s for s in svgs if s.startswith("report/") and "/metric/" not in s} == {
        f"report/{r}.{kind}.svg" for r in reports for kind in ("disclosure", "sdgs")
    }
    assert {s for s in svgs if s.startswith("sdg/")} == {f"sdg/{n}.coverage.svg" for n in range(1, 18)}
    # Every report metric that is the catalogue's Scope 1 shows its figures across the reports:
    # the curated one, and the one each report's table reader drafted (a report's own metric).
    assert {s for s in svgs if s.endswith("direct-ghg-emissions-scope-1.figures.svg")} == {
        f"report/{r}/metric/direct-ghg-emissions-scope-1.figures.svg" for r in ("sample-2019", "sample-2020")
    }
    assert "metric/scope-one-emissions.figures.svg" in svgs
    report = _images(a / "report" / "sample-2019.html")
    assert [i["src"] for i in report] == ["sample-2019.disclosure.svg", "sample-2019.sdgs.svg"]
    assert report[1]["alt"] == (
        "Bar chart of the alignments of report sample-2019's claims with each SDG: "
        "SDG 9 Industry, innovation and infrastructure: 1."
    )
    (metric,) = _images(a / "metric" / "scope-one-emissions.html")
    assert metric["alt"] == (
        "Chart of Direct greenhouse gas emissions (Scope 1) in tonne, by company and year: "
        "Other Co 2019: approximately 150; Sample Co 2019: 283.42; Sample Co 2020: 290.1."
    )
    (goal,) = _images(a / "sdg" / "9.html")
    assert goal["src"] == "9.coverage.svg" and "0 stated, 3 inferred" in (goal["alt"] or "")
    again = plots.draw_sdgs(plots.sdg_coverage(native), "svg", highlight=9)
    assert (a / "sdg" / "9.coverage.svg").read_bytes() == again
    for svg in svgs:
        assert (a / svg).stat().st_size > 8000


def test_site_without_pictures_has_no_images(corpus: Path, tmp_path: Path) -> None:
    write_graph_site(read_rdf(corpus), tmp_path, {})
    assert not list(tmp_path.rglob("*.svg"))
    assert _images(tmp_path / "report" / "sample-2019.html") == []
