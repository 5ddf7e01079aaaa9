"""Hypothesis strategies shared by the property tests: printed figures and whole report folders.

Each strategy draws the *meaning* first (a value, a unit key, a qualifier notation) and then prints
it the way a report may, so that a test can compare what the code reads back with what was meant,
computed here independently (integers and fractions, no :mod:`kg` code).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from kg.numbers import QUALIFIERS
from kg.units import load_units

LEXICON = load_units().lexicon

# What each scale word means, written out here rather than read from kg.numbers.SCALES (a test
# checks that the two name the same words).
SCALE_EXPONENTS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}

# CJK ideographs and punctuation printed right against a figure. No digits (full-width or not),
# no Latin letters and no ASCII '.' or ',' so that the context cannot extend the figure.
CJK_CHARS = st.sampled_from("的了在和是年月日元吨人小米约共计超过近于，。、；：「」『』（）《》！？…—")
CJK_TEXT = st.text(CJK_CHARS, max_size=6)


@dataclass(frozen=True)
class Figure:
    """A figure as printed and what it means: exact value, unit key, qualifier notation, scale."""

    surface: str
    value: Fraction
    unit: str | None
    qualifier: str | None
    scale: str | None
    digits: str = field(default="")  # the printed number without thousands separators


def _cased(word: str) -> st.SearchStrategy[str]:
    """A word as printed at a sentence start, in capitals, or as listed (the recogniser ignores case)."""
    return st.sampled_from(sorted({word, word[:1].upper() + word[1:], word.upper()}))


@st.composite
def printed_numbers(draw: st.DrawFn) -> tuple[str, Fraction, str]:
    """A number as printed, e.g. ``1,234.50``: its text, exact value and digits without separators."""
    integer = draw(st.one_of(st.integers(0, 999), st.integers(0, 10**12), st.integers(0, 10**45)))
    grouped = integer >= 1000 and draw(st.booleans())
    whole = f"{integer:,}" if grouped else str(integer)
    fraction = draw(st.one_of(st.none(), st.text("0123456789", min_size=1, max_size=12)))
    text = whole if fraction is None else f"{whole}.{fraction}"
    value = Fraction(integer) + (Fraction(int(fraction), 10 ** len(fraction)) if fraction else 0)
    return text, value, text.replace(",", "")


@st.composite
def figures(draw: st.DrawFn, plain: bool = True) -> Figure:
    """A quantity the recogniser claims to read: [qualifier] [currency] number [scale] [unit].

    A bare number (no qualifier, currency, scale or unit) is not drawn when ``plain`` is false,
    and never where the recogniser reads it as a year (1900-2099).
    """
    number, value, digits = draw(printed_numbers())
    qualifier = draw(st.one_of(st.none(), st.sampled_from(sorted(QUALIFIERS))))
    scale = draw(st.one_of(st.none(), st.sampled_from(sorted(SCALE_EXPONENTS))))
    kind = draw(st.sampled_from(["none", "currency", "suffix"]))
    parts = []
    unit = None
    if qualifier is not None:
        parts.append(draw(_cased(qualifier)))
        parts.append(draw(st.sampled_from([" ", "  ", " a total of "])))
    if kind == "currency":
        currency = draw(st.sampled_from(sorted(LEXICON.prefixes)))
        unit = LEXICON.prefixes[currency]
        parts += [currency, draw(st.sampled_from(["", " "]))]
    parts.append(number)
    if scale is not None:
        parts += [draw(st.sampled_from(["", " "])), draw(_cased(scale))]
        value *= 10 ** SCALE_EXPONENTS[scale]
    if kind == "suffix":
        suffix = draw(st.sampled_from(sorted(LEXICON.suffixes)))
        unit = LEXICON.suffixes[suffix]
        # A scale word ends at a letter or digit, so a unit spelled with one is printed apart.
        glued = scale is None or not suffix[0].isalnum()
        parts += [draw(st.sampled_from(["", " "])) if glued else " ", suffix]
    bare = qualifier is None and scale is None and unit is None
    if bare and (not plain or (len(digits) == 4 and digits[:2] in ("19", "20"))):
        # A bare four-digit 19xx/20xx is a year; a caller that needs a quantity gets a unit instead.
        parts.append("%")
        unit = "PERCENT"
    return Figure(
        surface="".join(parts),
        value=value,
        unit=unit,
        qualifier=QUALIFIERS[qualifier] if qualifier else None,
        scale=scale,
        digits=digits,
    )


def bounded(max_examples: int) -> settings:
    """Reproducible, bounded Hypothesis settings: the same examples on every run and in CI.

    ``derandomize`` draws examples from a fixed seed (no example database, so a developer's
    earlier failures cannot change what CI runs); ``deadline=None`` because builds take tens of
    milliseconds with outliers on a loaded machine, which is not what these tests measure.
    """
    return settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=False,
    )
