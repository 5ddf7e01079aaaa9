"""A page number printed in square brackets alone on its line ("[12]") is a page number, no figure."""

from __future__ import annotations

import pytest

from kg.ingest.prose import PAGE_NUMBER


@pytest.mark.parametrize("line", ["[2]", "[ 12 ]", "12", "- 12 -", "Page 3 of 40"])
def test_a_framed_number_alone_is_a_page_number(line: str) -> None:
    assert PAGE_NUMBER.match(line) is not None


@pytest.mark.parametrize("line", ["[2] Scope 2 is location-based", "[12345]", "(2)", "2 employees"])
def test_a_number_with_words_or_too_long_is_not(line: str) -> None:
    assert PAGE_NUMBER.match(line) is None
