"""Page maps: pages.json read strictly, form feeds as page breaks, furniture kept out of sections
and quotes, and a byte order mark that shifts no offset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError
from kg.ingest import pages as pages_module
from kg.ingest.pages import Furniture, Page, PageMap, form_feed_pages
from kg.ingest.text import ReportText

# Two pages of 26 and 36 code points; each opens with a running header and ends with a page number.
TEXT = "ACME REPORT\n1. Intro\nA.\n1\nACME REPORT\n2. Water\nWe reuse it.\n2\n"
HEADER_2 = TEXT.index("ACME REPORT", 1)
GOOD: dict[str, Any] = {
    "source": "acme.pdf",
    "pages": [{"page": 1, "start": 0, "end": HEADER_2}, {"page": 2, "start": HEADER_2, "end": len(TEXT)}],
    "furniture": [
        {"start": 0, "end": 11, "kind": "header"},
        {"start": 24, "end": 25, "kind": "page-number"},
        {"start": HEADER_2, "end": HEADER_2 + 11, "kind": "header"},
        {"start": len(TEXT) - 2, "end": len(TEXT) - 1, "kind": "page-number"},
    ],
}


def _read(tmp_path: Path, page_map: Any, text: str = TEXT) -> ReportText:
    (tmp_path / "report.txt").write_text(text, encoding="utf-8", newline="")
    if page_map is not None:
        raw = page_map if isinstance(page_map, str) else json.dumps(page_map)
        (tmp_path / "pages.json").write_text(raw, encoding="utf-8")
    return ReportText.read(tmp_path / "report.txt")


def _with(**changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(GOOD))
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is _DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value
    return data


_DELETE = object()


def test_a_page_map_is_read_with_its_furniture(tmp_path: Path) -> None:
    text = _read(tmp_path, GOOD)
    assert text.pages == PageMap(
        "acme.pdf",
        (Page(1, 0, 26), Page(2, 26, 62)),
        (Furniture(0, 11, "header"), Furniture(24, 25, "page-number"), Furniture(26, 37, "header"),
         Furniture(60, 61, "page-number")),
    )  # fmt: skip
    assert [text.pages.page_at(i) for i in (0, 25, 26, 61)] == [1, 1, 2, 2]


def test_quotes_know_their_page_and_keep_their_context_on_it(tmp_path: Path) -> None:
    text = _read(tmp_path, GOOD)
    first, second = text.anchor("A."), text.anchor("We reuse it.")
    assert (first.page, first.prefix, first.suffix) == (1, "ACME REPORT\n1. Intro\n", "\n1\n")
    assert (second.page, second.prefix, second.suffix) == (2, "ACME REPORT\n2. Water\n", "\n2\n")


def test_without_page_map_or_form_feed_a_text_has_no_pages(tmp_path: Path) -> None:
    text = _read(tmp_path, None)
    assert text.pages is None
    assert text.anchor("A.").page is None


def test_furniture_is_no_quote(tmp_path: Path) -> None:
    text = _read(tmp_path, GOOD)
    with pytest.raises(LookupError) as info:
        text.anchor("ACME REPORT\n2. Water")
    assert info.value.args[0] == (
        "quote overlaps the header at 26-37 ('ACME REPORT'), which is page furniture, not a claim: "
        "'ACME REPORT\\n2. Water'"
    )
    with pytest.raises(LookupError, match=r"^quote overlaps the page-number at 60-61 \('2'\)"):
        text.anchor("it.\n2")


def test_furniture_is_no_section_heading(tmp_path: Path) -> None:
    # "3 ACME Annual Review", a footer shaped like the next chapter's heading
    text_with_footer = TEXT + "3 ACME Annual Review\n"
    data = _with(pages__1__end=len(text_with_footer))
    data["furniture"].append({"start": len(TEXT), "end": len(text_with_footer) - 1, "kind": "footer"})
    sections = _read(tmp_path, data, text_with_footer).sections
    assert [(s.number, s.title, s.start, s.end) for s in sections] == [
        ("0", "Front matter", 0, 12),
        ("1", "Intro", 12, 38),
        ("2", "Water", 38, len(text_with_footer)),
    ]
    (tmp_path / "pages.json").unlink()
    unguarded = ReportText.read(tmp_path / "report.txt").sections
    assert [s.number for s in unguarded] == ["0", "1", "2", "3"]  # what the page map prevents


@pytest.mark.parametrize(
    ("page_map", "message"),
    [
        ("{", ":1: malformed JSON: Expecting property name enclosed in double quotes"),
        ('{"source": "a.pdf",\n "pages": [}', ":2: malformed JSON: Expecting value"),
        ("[]", ": expected a JSON object with source, pages and furniture"),
        ('{"source": "a.pdf", "source": "b.pdf", "pages": []}', ': malformed JSON: duplicate key "source"'),
        ('{"pages": [{"end": NaN}]}', ": malformed JSON: NaN is not a number a page map holds"),
        ('{"pages": [{"end": ' + "9" * 30 + "}]}", ": malformed JSON: a number of 30 digits is not an offset"),
        ("[" * 100_000 + "]" * 100_000, ": malformed JSON: nested too deeply"),
        (_with(pages=_DELETE), ": the page map lacks pages"),
        (_with(colour="red"), ': unknown key "colour" in the page map'),
        (_with(source="../etc/acme.pdf"), ': source: "../etc/acme.pdf" is not the file name of the PDF'),
        (_with(source=""), ': source: "" is not the file name of the PDF'),
        (_with(source=7), ": source: 7 is not the file name of the PDF"),
        (_with(pages=[]), ": pages: expected a non-empty list of page entries"),
        (_with(pages__0=[1, 0, 24]), ": pages[0]: expected an object with page, start, end"),
        (_with(pages__0__size="A4"), ': pages[0]: unknown key "size" in the entry'),
        (_with(pages__1__end=_DELETE), ": pages[1]: the entry lacks end"),
        (_with(pages__0__page=2), ": pages[0]: page 2 is out of order (expected page 1)"),
        (_with(pages__0__start=True), ": pages[0]: start true is not a non-negative integer"),
        (_with(pages__0__end=23.5), ": pages[0]: end 23.5 is not a non-negative integer"),
        (_with(pages__0__end="24"), ': pages[0]: end "24" is not a non-negative integer'),
        (_with(pages__0__start=-1), ": pages[0]: start -1 is not a non-negative integer"),
        (_with(pages__0__start=3), ": pages[0]: start 3 leaves a gap after the previous page (expected 0)"),
        (_with(pages__1__start=20), ": pages[1]: start 20 overlaps the previous page (expected 26)"),
        (_with(pages__1__start=27), ": pages[1]: start 27 leaves a gap after the previous page (expected 26)"),
        (_with(pages__0__end=30, pages__1__start=30, pages__1__end=29), ": pages[1]: end 29 is before start 30"),
        (_with(pages__1__end=99), ": pages[1]: end 99 is past the end of the text (62 characters)"),
        (_with(pages__1__end=50), ": pages[1]: the last page ends at 50, not at the end of the text (62 characters)"),
        (_with(furniture={}), ": furniture: expected a list of furniture entries"),
        (_with(furniture__0__kind="logo"), ': furniture[0]: kind "logo" is not one of header, footer, page-number'),
        (_with(furniture__0__kind=_DELETE), ": furniture[0]: the entry lacks kind"),
        (_with(furniture__0__end=0), ": furniture[0]: end 0 is not after start 0"),
        (_with(furniture__1__start=5), ": furniture[1]: start 5 is before the end of the previous furniture (11)"),
        (_with(furniture__1__end=30), ": furniture[1]: 24-30 does not lie within one page"),
    ],
)  # fmt: skip
def test_a_malformed_page_map_is_one_line_naming_it(tmp_path: Path, page_map: Any, message: str) -> None:
    with pytest.raises(InputError) as info:
        _read(tmp_path, page_map)
    assert str(info.value) == f"{tmp_path / 'pages.json'}{message}"


def test_a_page_map_past_the_size_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages_module, "MAX_BYTES", 100)
    with pytest.raises(InputError) as info:
        _read(tmp_path, GOOD)
    size = (tmp_path / "pages.json").stat().st_size
    assert str(info.value) == f"{tmp_path / 'pages.json'}: page map is {size} bytes, more than the limit of 100"


def test_a_page_map_that_is_no_regular_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pages.json").mkdir()
    with pytest.raises(InputError) as info:
        _read(tmp_path, None)
    assert str(info.value) == f"{tmp_path / 'pages.json'}: page map is not a regular file"


def test_a_page_map_may_leave_out_furniture_and_hold_an_empty_page(tmp_path: Path) -> None:
    data = {"source": "a.pdf", "pages": [
        {"page": 1, "start": 0, "end": 26}, {"page": 2, "start": 26, "end": 26}, {"page": 3, "start": 26, "end": 62},
    ]}  # fmt: skip
    text = _read(tmp_path, data)
    assert text.pages is not None and text.pages.furniture == ()
    assert text.anchor("We reuse it.").page == 3  # the picture-only page 2 holds no text


def test_a_quote_over_a_page_break_is_on_the_page_it_starts_on(tmp_path: Path) -> None:
    text = _read(tmp_path, {"source": "a.pdf", "pages": GOOD["pages"]})  # no furniture between the pages
    quote = text.anchor("A.\n1\nACME REPORT")
    assert (quote.page, quote.prefix, quote.suffix) == (1, "ACME REPORT\n1. Intro\n", "\n2. Water\nWe reuse it.\n2\n")


# ---------------------------------------------------------------- form feeds

FF_TEXT = "1. Intro\nA.\fB.\n2. Water\nWe reuse it.\f"


def test_form_feeds_end_pages() -> None:
    assert form_feed_pages(FF_TEXT) == PageMap(None, (Page(1, 0, 12), Page(2, 12, 37)))
    assert form_feed_pages(FF_TEXT + "\n") == PageMap(None, (Page(1, 0, 12), Page(2, 12, 38)))
    assert form_feed_pages(FF_TEXT + "C.") == PageMap(None, (Page(1, 0, 12), Page(2, 12, 37), Page(3, 37, 39)))
    assert form_feed_pages("no breaks") is None


def test_a_text_with_form_feeds_is_read_with_its_pages_and_offsets(tmp_path: Path) -> None:
    text = _read(tmp_path, None, FF_TEXT)
    assert text.text == FF_TEXT
    assert text.pages == PageMap(None, (Page(1, 0, 12), Page(2, 12, 37)))
    quote = text.anchor("We reuse it.")
    assert (quote.start, quote.end, quote.page, quote.section.number) == (24, 36, 2, "2")
    assert (quote.prefix, quote.suffix) == ("B.\n2. Water\n", "")  # context stops at the page break


def test_a_form_feed_ends_a_heading_line() -> None:
    sections = ReportText(Path("mem.txt"), "Cover\f1. Intro\fText.\n2. Water\f").sections
    assert [(s.number, s.title, s.start) for s in sections] == [
        ("0", "Front matter", 0),
        ("1", "Intro", 6),
        ("2", "Water", 21),
    ]


def test_no_quote_holds_a_form_feed(tmp_path: Path) -> None:
    text = _read(tmp_path, None, FF_TEXT)
    with pytest.raises(LookupError) as info:
        text.anchor("A.\fB.")
    assert info.value.args[0] == "quote runs over a form feed (a page break): 'A.\\x0cB.'"
    assert text.anchor("B.").prefix == ""  # the previous page's text is not its context


def test_other_control_characters_are_still_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        _read(tmp_path, None, "Page one.\f\x0bPage two.\n")
    assert str(info.value) == (
        f"{tmp_path / 'report.txt'}:1: character U+000B cannot be carried by RDF/XML (XML 1.0); remove it from the text"
    )


# ---------------------------------------------------------------- byte order mark


def test_a_byte_order_mark_is_no_part_of_the_text(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    text = ReportText.read(tmp_path / "report.txt")
    assert text.text == TEXT
    assert text.anchor("We reuse it.").start == TEXT.index("We reuse it.")
