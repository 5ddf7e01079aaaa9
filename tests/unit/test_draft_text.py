"""The pure parts of ``csrkg draft``: reading order, paragraphs and hyphens, furniture, page maps, HTML, guesses."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.ingest.draft import (
    Given,
    NoGuess,
    Source,
    clean_fragment,
    draft,
    guess_company,
    guess_fiscal_year_end,
    guess_title,
    guess_year,
    pages_json,
    text_source,
)
from kg.ingest.html import html_text
from kg.ingest.layout import Fragment, Line, Page, reading_order, rows
from kg.ingest.pagetext import Span, assemble, furniture, join_lines
from kg.ingest.pdf_worker import _refuse


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("our approach to sustain-", "ability is", "our approach to sustainability is"),
        ("grew year-on-", "year for", "grew year-on-year for"),
        ("the COVID-", "19 pandemic", "the COVID-19 pandemic"),
        ("growth in e-", "commerce", "growth in e-commerce"),
        ("Sino-", "British", "Sino-British"),
        ("a pause -", "then", "a pause - then"),
        ("soft\u00ad", "hyphen", "softhyphen"),
        ("plain", "words", "plain words"),
    ],
)
def test_join_lines(first: str, second: str, joined: str) -> None:
    assert join_lines(first, second) == joined


def _prose(x0: float, x1: float, top: float, text: str) -> Fragment:
    return Fragment(x0, x1, top, top + 10, text)


def test_two_columns_are_read_left_column_first() -> None:
    fragments = [
        _prose(60, 540, 50, "A heading across the page"),
        *(_prose(60, 290, 70 + 13 * i, f"left {i}") for i in range(4)),
        *(_prose(310, 540, 70 + 13 * i, f"right {i}") for i in range(4)),
        _prose(60, 540, 140, "A paragraph across the page"),
    ]
    lines = reading_order(Page(1, 600, 800, tuple(fragments)))
    assert [(line.text, line.column) for line in lines] == [
        ("A heading across the page", 0),
        *((f"left {i}", 1) for i in range(4)),
        *((f"right {i}", 2) for i in range(4)),
        ("A paragraph across the page", 0),
    ]


def test_table_rows_keep_their_cells_apart_with_tabs() -> None:
    fragments = [_prose(60, 280, 70 + 14 * i, f"Label number {i} (tons)") for i in range(4)] + [
        _prose(500, 535, 70 + 14 * i, f"{i},000") for i in range(4)
    ]
    lines = reading_order(Page(1, 600, 800, tuple(fragments)))
    assert [line.text for line in lines] == [f"Label number {i} (tons)\t{i},000" for i in range(4)]


def test_rows_group_by_baseline() -> None:
    grouped = rows([_prose(300, 320, 50.5, "b"), _prose(60, 100, 50, "a"), _prose(60, 100, 70, "c")])
    assert [[f.text for f in row] for row in grouped] == [["a", "b"], ["c"]]


def _page(*texts: str) -> list[Line]:
    return [Line(text, 60, 500, 40 + 20 * i, 50 + 20 * i) for i, text in enumerate(texts)]


def test_furniture_repeated_lines_and_page_numbers() -> None:
    pages = [
        _page("Title page", "Body one", "Body two", "i"),
        _page("Acme Report 2021", "Body three", "Body four", "Acme Ltd\tPage 2 of 3"),
        _page("Acme Report 2021", "Body five", "Body six", "Acme Ltd\tPage 3 of 3"),
    ]
    assert furniture(pages) == [
        {3: ("page-number",)},
        {0: ("header",), 3: ("footer", "page-number")},
        {0: ("header",), 3: ("footer", "page-number")},
    ]


def test_a_year_alone_on_a_cover_is_no_page_number() -> None:
    pages = [_page("Acme", "Report", "2021"), _page("Body", "text", "2")]
    assert furniture(pages) == [{}, {2: ("page-number",)}]


def test_a_line_on_only_one_page_is_not_furniture() -> None:
    pages = [_page("Alpha", "one"), _page("Beta", "two"), _page("Gamma", "three")]
    assert furniture(pages) == [{}, {}, {}]


def test_assemble_pages_and_furniture_spans() -> None:
    pages = [_page("Acme Report", "First body"), _page("Acme Report", "Second body", "2")]
    paged = assemble(pages)
    assert paged.text == "Acme Report\n\nFirst body\n\nAcme Report\n\nSecond body\n\n2\n"
    assert paged.pages == (Span(0, 25, "1"), Span(25, len(paged.text), "2"))
    assert [(s.kind, paged.text[s.start : s.end]) for s in paged.furniture] == [
        ("header", "Acme Report"),
        ("header", "Acme Report"),
        ("page-number", "2"),
    ]


def test_assemble_joins_the_lines_of_a_paragraph() -> None:
    lines = [
        Line("Our approach to sustain-", 60, 500, 40, 50),
        Line("ability is set", 60, 300, 53, 63),
        Line("Next paragraph", 60, 300, 80, 90),
    ]
    assert assemble([lines]).text == "Our approach to sustainability is set\n\nNext paragraph\n"


def test_an_empty_page_keeps_its_place() -> None:
    paged = assemble([_page("One"), [], _page("Three")])
    assert paged.text == "One\n\nThree\n"
    assert paged.pages == (Span(0, 5, "1"), Span(5, 5, "2"), Span(5, 11, "3"))


def test_text_source_form_feeds() -> None:
    source = text_source(Path("r.txt"), "\fFirst page\n\f\fThird page\n")
    assert source.text == "First page\n\nThird page\n"
    assert source.pages == (Span(0, 0, "1"), Span(0, 12, "2"), Span(12, 12, "3"), Span(12, 23, "4"))


def test_pdf_text_runs_are_cleaned() -> None:
    run = clean_fragment(Fragment(0, 1, 0, 1, "\ufeffe\ufb03cient\tof\x07\ufb01rms\u00a0ok"))
    assert run.text == "efficient offirms\u00a0ok"


def test_pages_json_format() -> None:
    source = Source(Path("/x/r.pdf"), "ab\n\ncd\n", (Span(0, 4, "1"), Span(4, 7, "2")), (Span(4, 6, "header"),))
    assert pages_json(source) == (
        '{\n "furniture": [\n  {\n   "end": 6,\n   "kind": "header",\n   "start": 4\n  }\n ],\n'
        ' "pages": [\n  {\n   "end": 4,\n   "page": 1,\n   "start": 0\n  },\n  {\n   "end": 7,\n'
        '   "page": 2,\n   "start": 4\n  }\n ],\n "source": "r.pdf"\n}\n'
    )


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>a <b>b</b>\n c</p><p>d</p>", "a b c\n\nd"),
        ("<div>x<br/>y</div>", "x\n\ny"),
        ("<table><tr><td>A<td>1<tr><td>B<td>2</table>after", "A\t1\nB\t2\n\nafter"),
        ("<table><tr><td><p>two</p><p>blocks</p></td><td>9</td></tr></table>", "two blocks\t9"),
        ("<pre>keep\n  this</pre>", "keep\n  this"),
        ("<script>if (a < b) { x() }</script><style>p{}</style>text &amp; more&nbsp;!", "text & more\u00a0!"),
        # 20 times Python's recursion limit; an id of its own, or the test's name is 240,000 characters
        pytest.param("<div>" * 20_000 + "deep" + "</div>" * 20_000, "deep", id="20000-nested-divs"),
        ("<p>unclosed <i>tags", "unclosed tags"),
        ("<!-- hidden --><svg><text>drawn</text></svg>seen", "seen"),
    ],
)
def test_html_text(markup: str, text: str) -> None:
    assert html_text(markup)[0] == text


def test_html_title() -> None:
    assert html_text("<head><title> Acme\n ESG Report </title></head><body>x</body>") == ("x", "Acme ESG Report")


@pytest.mark.parametrize(
    ("lines", "company"),
    [
        (["Sample Co Holdings Limited", "Sustainability Report 2021"], "Sample Co Holdings Limited"),
        (["Acme Widgets Ltd. Annual Report 2020"], "Acme Widgets Ltd."),
        (["Greenfield ESG Report 2022"], "Greenfield"),
        (["2021", "Blue River", "Impact Report"], "Blue River"),
    ],
)
def test_guess_company(lines: list[str], company: str) -> None:
    assert guess_company(lines).value == company


def test_guess_company_gives_up_with_the_option() -> None:
    with pytest.raises(NoGuess, match="give --company NAME"):
        guess_company(["2021", "Sustainability Report"])


@pytest.mark.parametrize(
    ("title", "text", "year"),
    [
        ("Acme Sustainability Report 2021", "", "2021"),
        ("Acme ESG Report 2020/21", "", "2021"),
        ("Acme Annual Report FY2019", "", "2019"),
        ("Acme ESG Report", "This report covers the year ended 31 December 2018.", "2018"),
        ("Acme ESG Report", "for the period from 1 April 2019 to 31 March 2020", "2020"),
        ("Acme ESG Report", "The reporting period is calendar year 2017.", "2017"),
    ],
)
def test_guess_year(title: str, text: str, year: str) -> None:
    assert guess_year([], text, title).value == year


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Figures cover the twelve months for the year ended 30 June 2023.", "06-30"),
        ("Our financial year ending 31 March is the period reported.", "03-31"),
        ("The Company's fiscal year-end: September 30.", "09-30"),
        ("FY2023 (1 October 2022 to 30 September 2023) is the period covered.", "09-30"),
        ("This report covers the reporting period from 1 July 2021 to 30 June 2022.", "06-30"),
        ("It covers the year ended 31 December 2022.", "12-31"),
        # The day stated most often wins over the first one.
        ("Year ended 30 June 2022. Year ended 31 March 2022; the year ended 31 March 2021.", "03-31"),
    ],
)
def test_guess_fiscal_year_end(text: str, day: str) -> None:
    guess = guess_fiscal_year_end(text)
    assert guess is not None and guess.value == day
    assert guess.why is not None and guess.why.startswith("guessed from the reporting period: ")


@pytest.mark.parametrize(
    "text",
    [
        "We report on calendar year 2022 and our plants in Asia.",
        "As at 31 March 2022 we had 400 staff.",  # a day of the year, not its end
        "The campaign ran from 1 May 2021 to 31 March 2022.",  # eleven months: no year
        "Audits were held on 31 March 2022 and 30 June 2022.",
        "The year ended on a high note.",
    ],
)
def test_no_fiscal_year_end_unless_the_text_states_it(text: str) -> None:
    assert guess_fiscal_year_end(text) is None


def test_draft_writes_the_guessed_fiscal_year_end_and_reads_fiscal_periods(tmp_path: Path) -> None:
    text = (
        "Orchard Lane Services Limited\nSustainability Report 2022/23\n\n"
        "This report covers the year ended 30 June 2023.\n"
        "During the reporting period we planted 750 trees across our campuses.\n"
    )
    drafted = draft(text_source(tmp_path / "orchard.txt", text), Given())
    meta = drafted.files["report.yaml"].decode()
    assert 'fiscal_year_end: 06-30  # guessed from the reporting period: "year ended 30 June"\n' in meta
    assert "year: 2023  #" in meta
    assert "fiscal_year_end" in drafted.guessed
    assert "period: 2022-07-01/2023-06-30" in drafted.files["claims/drafted.yaml"].decode()


def test_a_reporting_period_over_a_line_break_is_quoted_on_one_comment_line(tmp_path: Path) -> None:
    """A guess quotes the text; a phrase wrapped over two lines must not break report.yaml."""
    text = (
        "Fernhill Water Holdings Limited\nEnvironmental, Social and Governance Report\n\n"
        "This report covers the period from 1 April 2023 to 31 March\n2024 for all our sites.\n"
        "We planted 750 trees in the reporting period.\n"
    )
    drafted = draft(text_source(tmp_path / "fernhill.txt", text), Given())
    meta = drafted.files["report.yaml"].decode()
    assert 'year: 2024  # guessed from the reporting period: "from 1 April 2023 to 31 March 2024"\n' in meta
    assert yaml.safe_load(meta)["fiscal_year_end"] == "03-31"


def test_draft_writes_no_fiscal_year_end_the_text_does_not_state(tmp_path: Path) -> None:
    text = "Orchard Lane Services Limited\nSustainability Report 2022\n\nWe planted 750 trees in 2022.\n"
    drafted = draft(text_source(tmp_path / "orchard.txt", text), Given())
    assert "fiscal_year_end" not in drafted.files["report.yaml"].decode()
    assert "fiscal_year_end" not in drafted.guessed


def test_guess_title_prefixes_the_company() -> None:
    assert guess_title(["Acme Ltd", "Sustainability Report 2021"], "Acme Ltd", "").value == (
        "Acme Ltd Sustainability Report 2021"
    )
    assert guess_title(["Acme Ltd ESG Report"], "Acme Ltd", "").value == "Acme Ltd ESG Report"


@pytest.mark.parametrize("event", ["socket.connect", "socket.getaddrinfo", "subprocess.Popen", "os.system"])
def test_the_pdf_worker_refuses_network_and_processes(event: str) -> None:
    with pytest.raises(PermissionError, match=f"refused {event} while reading a PDF"):
        _refuse(event, ())
