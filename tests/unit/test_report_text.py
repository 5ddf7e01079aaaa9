"""Sections and anchoring: offsets are code points, ambiguity and absence are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.text import ReportText

TEXT = """TITLE

1. First chapter

1.1 One

Alpha “小愛同學” beta. Repeated line.

1.2 Two

Repeated line.

Notes:

1. A numbered note, not a chapter.

2. Second chapter

Gamma.
"""


@pytest.fixture
def report() -> ReportText:
    return ReportText(Path("mem.txt"), TEXT)


def test_sections_follow_the_numbering(report: ReportText) -> None:
    assert [(s.number, s.title) for s in report.sections] == [
        ("0", "Front matter"),
        ("1", "First chapter"),
        ("1.1", "One"),
        ("1.2", "Two"),
        ("2", "Second chapter"),
    ]


def test_anchor_offsets_are_code_points(report: ReportText) -> None:
    quote = "“小愛同學” beta."
    a = report.anchor(quote)
    assert TEXT[a.start : a.end] == quote
    assert a.section.number == "1.1"
    # Code points, not UTF-8 bytes: each CJK character and curly quote is one offset.
    assert a.end - a.start == len(quote) == 12 != len(quote.encode("utf-8"))
    assert a.prefix.endswith("Alpha ")


def test_ambiguous_quote_needs_a_section_or_occurrence(report: ReportText) -> None:
    with pytest.raises(LookupError, match="occurs 2 times"):
        report.anchor("Repeated line.")
    assert report.anchor("Repeated line.", section="1.2").section.number == "1.2"
    second = report.anchor("Repeated line.", occurrence=2)
    assert second.section.number == "1.2"


def test_quote_not_in_text(report: ReportText) -> None:
    with pytest.raises(LookupError, match="not found verbatim"):
        report.anchor("Alpha “小爱同学” beta.")  # simplified characters: not verbatim


def test_chapter_scope_includes_its_sections(report: ReportText) -> None:
    assert report.anchor("Gamma.", section="2").section.number == "2"
    with pytest.raises(LookupError, match="in section 1"):
        report.anchor("Gamma.", section="1")
