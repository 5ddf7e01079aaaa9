"""Property tests of the number recogniser: every form it claims to read is read back exactly.

Figures are drawn as meanings (exact value, unit, qualifier) and printed with thousands
separators or not, decimals, scale words, currencies, units, qualifiers in any case, and CJK text
or punctuation right against them; the recogniser must return the value drawn (exactly, as a
fraction) and the span drawn (surface and code-point offsets).
"""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from kg.ingest.quantities import SCALES, Recogniser
from kg.rdf.mapping import decimal
from tests.support.strategies import CJK_TEXT, LEXICON, SCALE_EXPONENTS, Figure, bounded, figures

RECOGNISER = Recogniser(LEXICON)


def test_the_strategies_know_every_scale_word() -> None:
    # The figures strategy carries its own table of scale words; a new one must be added there.
    assert set(SCALES) == set(SCALE_EXPONENTS)
    assert {word: Fraction(SCALES[word]) for word in SCALES} == {w: Fraction(10**e) for w, e in SCALE_EXPONENTS.items()}


@bounded(400)
@given(figure=figures(), before=CJK_TEXT, after=CJK_TEXT)
# CJK glued to a scale word or qualifier: "\b" counted the ideograph as a word character, so the
# scale word was dropped (RMB22 read as 22, not 22 million) and so was the qualifier.
@example(figure=Figure("RMB22 million", Fraction(22 * 10**6), "CNY", None, "million"), before="捐赠了", after="元")
@example(figure=Figure("approximately 5", Fraction(5), None, "approximately", None), before="约", after="吨")
# More than 28 significant digits: the default decimal context rounded the value.
@example(figure=Figure("1" * 40, Fraction(int("1" * 40)), None, None, None), before="", after="")
@example(
    figure=Figure(
        "1234567890123456789012345678.9 billion",
        Fraction(12345678901234567890123456789, 10) * 10**9,
        None,
        None,
        "billion",
    ),
    before="",
    after="",
)
def test_a_printed_figure_is_read_back_exactly(figure: Figure, before: str, after: str) -> None:
    text = before + figure.surface + after
    found = RECOGNISER.quantities(text)
    assert [(m.start, m.end, m.surface) for m in found] == [
        (len(before), len(before) + len(figure.surface), figure.surface)
    ]
    (mention,) = found
    assert text[mention.start : mention.end] == figure.surface
    assert Fraction(mention.value) == figure.value
    assert (mention.unit, mention.qualifier, mention.scale) == (figure.unit, figure.qualifier, figure.scale)


@bounded(200)
@given(figure=figures())
def test_parse_takes_a_figure_alone_and_its_value_prints_exactly(figure: Figure) -> None:
    mention = RECOGNISER.parse(figure.surface)
    assert Fraction(mention.value) == figure.value
    # The RDF literal is positional and exact: reading it back gives the value drawn.
    lexical = str(decimal(mention.value))
    assert "E" not in lexical.upper()
    assert Fraction(lexical) == figure.value


@bounded(200)
@given(
    first=figures(plain=False), second=figures(plain=False), glue=st.sampled_from(["；", "，", "、", " 和 ", "）（"])
)
def test_two_figures_in_cjk_text_are_two_mentions(first: Figure, second: Figure, glue: str) -> None:
    text = f"共{first.surface}{glue}{second.surface}。"
    found = RECOGNISER.quantities(text)
    assert [m.surface for m in found] == [first.surface, second.surface]
    assert [Fraction(m.value) for m in found] == [first.value, second.value]
    assert [text[m.start : m.end] for m in found] == [first.surface, second.surface]


@bounded(200)
@given(
    first=figures(plain=False),
    second=figures(plain=False),
    glue=st.sampled_from([" ", "  ", "\u00a0", "\u202f", "\u2009", "; "]),
)
# A thin space after a unit, then a three-digit figure: the unit ends the first figure.
@example(
    first=Figure("5%", Fraction(5), "PERCENT", None, None),
    second=Figure("123 kWh", Fraction(123), "KiloW-HR", None, None),
    glue="\u2009",
)
def test_figures_apart_are_not_joined_by_spaces(first: Figure, second: Figure, glue: str) -> None:
    # A figure ending in digits and a three-digit one after a no-break or thin space are, by
    # design, one number grouped by that space ("5 123"); every other pair stays two figures.
    joins = glue in ("\u00a0", "\u202f", "\u2009") and first.surface[-1].isdigit()
    assume(not (joins and re.match(r"[0-9０-９]{3}(?![0-9０-９])", second.surface)))
    assume(second.surface[0].isdigit())  # a currency code or qualifier may also be read after a figure
    text = first.surface + glue + second.surface
    found = RECOGNISER.quantities(text)
    assert [(m.start, m.surface) for m in found] == [
        (0, first.surface),
        (len(text) - len(second.surface), second.surface),
    ]
    assert [Fraction(m.value) for m in found] == [first.value, second.value]


@pytest.mark.parametrize("bad", ["", "RMB", "approximately", "5 and 6", "x5", "2019"])
def test_parse_refuses_what_is_not_one_quantity(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a single printed quantity"):
        RECOGNISER.parse(bad)
