"""Recognise the quantities a report prints: numbers with scale words, units and qualifiers.

The recogniser is the one place that turns printed figures into values, so the loader can
check that every value a claim asserts is a figure printed inside its quote. It also classifies
digit runs that are *not* quantities (years, dates, ordinals, identifiers such as "ISO 27001" or
"MIUI11", list enumerators) so that coverage counts only real quantity mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Decimal, Inexact, localcontext

SCALES: Mapping[str, Decimal] = {
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}

# Qualifier phrases as printed, mapped to the notation of the approximation concept
# (ontology/qualifiers.ttl documents each concept's bound semantics).
QUALIFIERS: Mapping[str, str] = {
    "approximately": "approximately",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "over": "over",
    "more than": "over",
    "above": "over",
    "exceeding": "over",
    "at least": "at-least",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "up to": "up-to",
    "less than": "under",
    "under": "under",
    "below": "under",
}

# ASCII word edges: a qualifier or scale word must not be glued to a Latin letter or digit, but
# may touch CJK text ("约approximately RMB7.5 billion元"), which ``\b`` would count as a word
# character and so silently drop the qualifier or scale word.
_WORD_START = r"(?<![A-Za-z0-9_])"
_WORD_END = r"(?![A-Za-z0-9_])"

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?,?\s+(?:{MONTHS})\b|^(?:st|nd|rd|th)?\s*(?:{MONTHS})")
_DATE_BEFORE = re.compile(rf"(?:{MONTHS})\s+$")
_ORDINAL_AFTER = re.compile(r"^ ?(?:st|nd|rd|th)\b")
_IDENTIFIER_WORD = re.compile(
    r"(?:\b(?:Scope|Appendix|Article|Chapter|Section|Level|Phase|Version|No\.|Note|Notes)"
    r"|\b[A-Z][A-Z0-9/]+|[A-Za-z]+-)\s*$"
)


@dataclass(frozen=True)
class UnitLexicon:
    """Surface forms of units: currencies printed before a figure, the rest after it.

    Keys are surface forms as printed; values are unit keys (the local name of the unit IRI,
    e.g. ``TONNE`` or ``CNY``), resolved to IRIs by :mod:`kg.vocab.units`.
    """

    prefixes: Mapping[str, str]
    suffixes: Mapping[str, str]

    def suffix(self, surface: str) -> str | None:
        """The unit key of a unit printed after a figure, exact spelling first, then any case."""
        return _find(self.suffixes, surface)

    def prefix(self, surface: str) -> str | None:
        """The unit key of a currency printed before a figure, exact spelling first, then any case."""
        return _find(self.prefixes, surface)


def _find(table: Mapping[str, str], surface: str) -> str | None:
    if surface in table:
        return table[surface]
    return next((key for form, key in table.items() if form.lower() == surface.lower()), None)


@dataclass(frozen=True)
class Mention:
    """One digit run in a text, classified, with its value when it is a quantity.

    ``start``/``end`` are code-point offsets of the whole surface form (qualifier, currency,
    number, scale word and unit) in the text that was scanned.
    """

    start: int
    end: int
    surface: str
    kind: str  # quantity | year | date | ordinal | identifier | enumerator
    number: Decimal
    value: Decimal
    unit: str | None = None
    qualifier: str | None = None
    scale: str | None = None
    precision: Decimal = Decimal("0.5")  # half a unit of the last printed digit, scale applied


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _exact_product(number: Decimal, multiplier: Decimal) -> Decimal:
    """``number * multiplier`` without rounding.

    The default decimal context keeps 28 significant digits, so a longer printed figure (or one
    with a scale word) would silently change value; the context here is wide enough to be exact,
    and traps ``Inexact`` so that it cannot round unnoticed.
    """
    with localcontext() as ctx:
        ctx.prec = len(number.as_tuple().digits) + len(multiplier.as_tuple().digits) + 1
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        ctx.traps[Inexact] = True
        return number * multiplier


class Recogniser:
    """Finds quantity mentions in text using a unit lexicon."""

    def __init__(self, lexicon: UnitLexicon) -> None:
        self.lexicon = lexicon
        qualifiers = _alternation(list(QUALIFIERS))
        prefixes = _alternation(list(lexicon.prefixes))
        suffixes = _alternation(list(lexicon.suffixes))
        scales = _alternation(list(SCALES))
        self._pattern = re.compile(
            rf"(?:(?P<qual>{_WORD_START}(?:{qualifiers}))\s+(?:a\s+total\s+of\s+)?)?"
            rf"(?:(?P<cur>{prefixes})\s?|(?<![A-Za-z0-9_.,]))"
            rf"(?P<num>{_NUMBER})(?![\d])"
            rf"(?:\s?(?P<scale>{scales}){_WORD_END})?"
            rf"(?:\s?(?P<unit>{suffixes})(?![A-Za-z]))?",
            re.IGNORECASE,
        )

    def mentions(self, text: str) -> Iterator[Mention]:
        """Every digit run of ``text`` in order, classified as quantity or not."""
        for m in self._pattern.finditer(text):
            yield self._classify(text, m)

    def quantities(self, text: str) -> list[Mention]:
        """Only the quantity mentions of ``text``."""
        return [m for m in self.mentions(text) if m.kind == "quantity"]

    def parse(self, surface: str) -> Mention:
        """Parse a surface form that must be exactly one quantity, e.g. ``approximately RMB7.5 billion``.

        Raises ``ValueError`` when the surface is not one quantity from start to end.
        """
        found = [m for m in self.mentions(surface) if m.kind == "quantity"]
        if len(found) != 1 or (found[0].start, found[0].end) != (0, len(surface)):
            raise ValueError(f"{surface!r} is not a single printed quantity")
        return found[0]

    def _classify(self, text: str, m: re.Match[str]) -> Mention:
        num_text = m.group("num")
        number = Decimal(num_text.replace(",", ""))
        scale = m.group("scale")
        multiplier = SCALES[scale.lower()] if scale else Decimal(1)
        value = _exact_product(number, multiplier)
        decimals = len(num_text.partition(".")[2])
        precision = Decimal(5).scaleb(-decimals - 1) * multiplier
        unit_surface = m.group("unit")
        cur_surface = m.group("cur")
        unit = None
        if cur_surface:
            unit = self.lexicon.prefix(cur_surface)
        elif unit_surface:
            unit = self.lexicon.suffix(unit_surface)
        qual = m.group("qual")
        kind = self._kind(text, m, number, bool(unit or scale or qual))
        if kind != "quantity":
            # Only the digits belong to a non-quantity mention.
            start, end = m.span("num")
            return Mention(start, end, num_text, kind, number, number)
        return Mention(
            start=m.start(),
            end=m.end(),
            surface=m.group(0),
            kind=kind,
            number=number,
            value=value,
            unit=unit,
            qualifier=QUALIFIERS[qual.lower()] if qual else None,
            scale=scale.lower() if scale else None,
            precision=precision,
        )

    @staticmethod
    def _kind(text: str, m: re.Match[str], number: Decimal, has_unit: bool) -> str:
        start, end = m.span()
        before = text[max(0, start - 40) : start]
        after = text[end : end + 20]
        num_text = m.group("num")
        line_start = text.rfind("\n", 0, start) + 1
        if not has_unit and text[line_start:start].strip(" (") == "" and re.match(r"^[.)]?[ \t]+[A-Z*\"“]", after):
            return "enumerator"
        if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
            return "date"
        if _ORDINAL_AFTER.match(after):
            return "ordinal"
        if not has_unit and re.fullmatch(r"(?:19|20)\d\d", num_text):
            return "year"
        if re.match(r"^[A-Za-z]", after) and not has_unit:
            return "identifier"
        if before and re.search(r"[A-Za-z]$", before):
            return "identifier"
        if not has_unit and _IDENTIFIER_WORD.search(before):
            return "identifier"
        if re.match(r"^[-–/]\d", after) and not has_unit:
            return "identifier"
        return "quantity"
