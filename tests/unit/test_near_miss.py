"""Why a quote does not anchor: each kind of near miss, said exactly."""

from __future__ import annotations

import pytest

from kg.ingest.near_miss import near_miss
from kg.ingest.text import ReportText

TEXT = (
    "2. Caring for Staff\n\n"
    "The Group\u2019s \u201cGreen Office\u201d campaign\nreached 12 sites.\n"
    "Volunteers\tplanted 3,000 trees in 2019 across four provinces.\n"
    "Staff\u00a0turnover fell to 4.1%.\n"
)


@pytest.mark.parametrize(
    ("quote", "why"),
    [
        (
            "The Group's \u201cGreen Office\u201d campaign",
            "the text has curly \u2019 where the quote has straight ' (line 3): curly and straight quotes differ",
        ),
        (
            'The Group\u2019s "Green Office" campaign',
            'the text has curly \u201c where the quote has straight " (line 3): curly and straight quotes differ',
        ),
        ("campaign reached 12 sites.", "the text has a line break where the quote has a space (line 3)"),
        ("Volunteers planted 3,000 trees", "the text has a tab where the quote has a space (line 5)"),
        ("Staff turnover fell", "the text has white space U+00A0 where the quote has a space (line 6)"),
        (
            "Volunteers\tplanted 3,000 trees in 2018 across four provinces.",
            "the text matches its first 37 characters (line 5), then has '9 across four provinces.' "
            "where the quote has '8 across four provinces.'",
        ),
        ("zebra quokka axolotl", ""),
    ],
    ids=["apostrophe", "double-quotes", "line-break", "tab", "no-break-space", "changed-digit", "unrelated"],
)
def test_near_miss(quote: str, why: str) -> None:
    assert near_miss(TEXT, quote) == why


def test_a_quote_in_another_section_says_where_it_is() -> None:
    text = ReportText(path=None, text="1. Intro\n\nWe planted trees.\n\n2. Staff\n\nWe trained staff.\n")  # type: ignore[arg-type]
    with pytest.raises(LookupError) as info:
        text.anchor("We planted trees.", section="2")
    assert info.value.args[0] == (
        "quote not found verbatim in section 2: 'We planted trees.'; it is in section 1 (line 3), not in section 2"
    )
