"""The endpoint's XML escaping, written for its start-up, is byte for byte xml.sax.saxutils'."""

from __future__ import annotations

from xml.sax import saxutils

import pytest

from kg.sparql.endpoint import escape, quoteattr

CASES = ["", "plain", 'say "hi"', "it's", "both \" and '", "<a & b>", "line\nbreak\rand\ttab", "&amp; kept as text"]


@pytest.mark.parametrize("text", CASES)
def test_escape_and_quoteattr_match_the_standard_library(text: str) -> None:
    assert (escape(text), quoteattr(text)) == (saxutils.escape(text), saxutils.quoteattr(text))
