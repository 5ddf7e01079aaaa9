"""Recognise the quantities a report prints: numbers with scale words, units and qualifiers.

The recogniser is the one place that turns printed figures into values, so the loader can
check that every value a claim asserts is a figure printed inside its quote. It also classifies
digit runs that are *not* quantities (years, dates, ordinals, identifiers such as "ISO 27001" or
"MIUI11", list enumerators) so that coverage counts only real quantity mentions.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import MAX_EMAX, MIN_EMIN, Decimal, Inexact, localcontext
from functools import cached_property

SCALES: Mapping[str, Decimal] = {
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}

# Scale abbreviations glued to a figure, as financial prose prints them: "US$1.2bn", "RMB3bn"
# (billion), and "HK$46m", "3.4m tonnes" (million). "m" is the metre too: it is a million only
# after a currency ("US$46m") or before a unit word ("3.4m tonnes"); "a 400m track" is metres.
SCALE_ABBREVIATIONS: Mapping[str, Decimal] = {
    "bn": Decimal(10) ** 9,
    "m": Decimal(10) ** 6,
}

# Scales a table prints in a header or unit cell, before or after the unit ("HK$'000", "'000 kWh",
# "RMB million", "HK$ mn"), meaning the cells are multiples of it. "'000" is never read glued to a
# figure: "5'000" is a Swiss thousands separator, not five thousand thousands.
HEADER_SCALES: Mapping[str, Decimal] = {
    "'000": Decimal(10) ** 3,
    "\u2019000": Decimal(10) ** 3,
    "mn": Decimal(10) ** 6,
    **SCALES,
}

# The names of the denominator scales of minted ratio-unit keys (TONNE-PER-MegaCNY); any other
# scale is written as its digits (KiloGM-PER-10000CNY).
SCALE_PREFIXES: Mapping[Decimal, str] = {
    Decimal(10) ** 3: "Kilo",
    Decimal(10) ** 6: "Mega",
    Decimal(10) ** 9: "Giga",
    Decimal(10) ** 12: "Tera",
}

# Full-width digits and the full-width full stop read as the ASCII ones, one code point for one,
# so offsets and surface forms stay those of the text. The ideographic comma and full stop
# (U+FF0C, U+3002) are punctuation between figures, never a thousands separator or decimal point.
_FULLWIDTH = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "\uff0e": "."})

# Thousands separators: the comma, and the no-break, narrow no-break and thin spaces typesetters
# put between digit groups ("1 234 567"). One number uses one separator throughout.
_GROUP_SEPARATORS = ",\u00a0\u202f\u2009"

# Qualifier phrases as printed, mapped to the notation of the approximation concept
# (ontology/approximation.ttl documents each concept's bound semantics).
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
    "at most": "up-to",
    "within": "up-to",  # "within 24 hours": it took 24 hours at most
    "less than": "under",
    "under": "under",
    "below": "under",
}
# Qualifiers that bound a quantity only when a unit or scale word follows: "within 24 hours" is at
# most 24 hours, but "within 2020" is a deadline and "within 5 of" no bound of a printed quantity.
UNIT_ONLY_QUALIFIERS = frozenset({"within"})

# ASCII word edges: a qualifier or scale word must not be glued to a Latin letter or digit, but
# may touch CJK text ("约approximately RMB7.5 billion元"), which ``\b`` would count as a word
# character and so silently drop the qualifier or scale word.
_WORD_START = r"(?<![A-Za-z0-9_])"
_WORD_END = r"(?![A-Za-z0-9_])"
# The space between a figure and its scale word or unit: not a line break, which ends a highlight
# box's figure ("2021\nRMB 46.7 million" is a year, then a sum) or a table cell's line.
_SPACE = r"[^\S\n\f]"

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

_NUMBER = (
    rf"[0-9]{{1,3}}(?P<sep>[{_GROUP_SEPARATORS}])[0-9]{{3}}(?:(?P=sep)[0-9]{{3}})*(?:\.[0-9]+)?"
    r"|[0-9]+(?:\.[0-9]+)?"
)
_DENOMINATOR_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+"
# What an intensity may say it is per, after its denominator: "per RMB10,000 of revenue", "/HK$
# million revenue", "per m² of floor area", "per million hours worked".
_PER_WHAT = (
    r"(?:\s+(?:(?:of|in)\s+)?(?:revenue|sales|turnover|operating\s+income)"
    r"|\s+of\s+(?:gross\s+)?floor\s+area|(?<=hours)\s+worked)?"
)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?,?\s+(?:{MONTHS})\b|^(?:st|nd|rd|th)?\s*(?:{MONTHS})")
_DATE_BEFORE = re.compile(rf"(?:{MONTHS})\s+$")
_ORDINAL_AFTER = re.compile(r"^ ?(?:st|nd|rd|th)\b")
# A word a code or number follows on the same line ("Scope 3", "ISO 14001"); a heading on the line
# before ("2021 HIGHLIGHTS" over "8,214") names no figure.
_IDENTIFIER_WORD = re.compile(
    r"(?:\b(?:Scope|Appendix|Article|Chapter|Section|Level|Phase|Version|No\.|Note|Notes)"
    r"|\b[A-Z][A-Z0-9/]+|[A-Za-z]+-)[^\S\n]*\Z"
)
# What a day or an hour may be of, printed between the number and the unit ("1,146 lost days").
_TIME_MODIFIERS = (
    "lost",
    "working",
    "business",
    "trading",
    "calendar",
    "training",
    "volunteer",
    "volunteering",
    "leave",
    "sick",
)
_TIME_UNITS = frozenset({"MIN", "HR", "DAY"})
# The people a time is averaged over: "24.5 hours per employee" is an average of hours, not an intensity.
_HEADS = frozenset({"EMPLOYEE", "PERSON"})


def _caseless(form: str) -> bool:
    """Whether a surface form is read in any case: a word of four or more lower-case letters.

    "tonnes" or "square metres" may open a sentence or a capitalised header; a symbol may not
    change case, or "ml" would be read as megalitres (ML) and "5G" as five grams (g).
    """
    letters = form.replace(" ", "").replace("-", "")
    return len(letters) >= 4 and letters.isalpha() and letters.islower()


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _form_alternation(forms: list[str]) -> str:
    """Surface forms as a regex alternation, each with its own case rule (see :func:`_caseless`)."""
    ordered = sorted(forms, key=lambda w: (-len(w), w))
    return "|".join(f"(?{'i' if _caseless(w) else '-i'}:{re.escape(w)})" for w in ordered) or "(?!)"


def ratio_key(numerator: str, denominator: str, scale: Decimal = Decimal(1)) -> str:
    """The key of the ratio unit ``numerator`` per ``scale`` ``denominator``: TONNE-PER-MegaCNY.

    Deterministic, so the same printed intensity always mints the same IRI; ontology/csr.ttl
    (csr:RatioUnit) documents the scheme.
    """
    prefix = "" if scale == 1 else SCALE_PREFIXES.get(scale) or format(scale.normalize(), "f")
    return f"{numerator}-PER-{prefix}{denominator}"


@dataclass(frozen=True)
class UnitMatch:
    """A unit as a label, header or unit cell prints it: its key and the multiple of it a figure counts."""

    key: str
    scale: Decimal = Decimal(1)  # 1000 for "HK$'000" and "'000 kWh": a cell of 5 is 5000 of the unit


@dataclass(frozen=True)
class UnitLexicon:
    """Surface forms of units: currencies printed before a figure, the rest after it.

    Keys are surface forms as printed; values are unit keys (the local name of the unit IRI,
    e.g. ``TONNE`` or ``CNY``), resolved to IRIs by :mod:`kg.vocab.units`. ``denominators``
    are the counted things an intensity may be per ("employee"), read only after "per" or "/".
    Intensities are composed from these parts (:func:`ratio_key`), never listed.
    """

    prefixes: Mapping[str, str]
    suffixes: Mapping[str, str]
    denominators: Mapping[str, str] = field(default_factory=dict)

    def suffix(self, surface: str) -> str | None:
        """The unit key of a unit printed after a figure or as a label's unit, intensities included.

        ``"tons per square meter"`` is ``TONNE-PER-M2``. A scaled form (``"RMB million"``) is not
        one unit: :meth:`lookup` reads it with its scale.
        """
        found = self.lookup(surface)
        return found.key if found is not None and found.scale == 1 else None

    def prefix(self, surface: str) -> str | None:
        """The unit key of a currency printed before a figure, exact spelling first, then any case."""
        return _find(self.prefixes, surface)

    def lookup(self, surface: str) -> UnitMatch | None:
        """A unit as printed on its own (a unit column, a header, a label's parentheses), or None.

        Reads a unit with a header scale before or after it (``"HK$'000"``, ``"'000 kWh"``,
        ``"RMB million"``, ``"million RMB"``) and intensities (``"tCO2e per m²"``,
        ``"tonnes/HK$ million"``, ``"per RMB10,000 of revenue"``, ``"kg/unit"``).
        """
        m = self._unit_pattern.fullmatch(" ".join(surface.split()))
        if m is None or not (m.group("cur") or m.group("unit") or m.group("per")):
            return None
        scale_word = m.group("hscale") or m.group("uscale")
        scale = HEADER_SCALES[scale_word.lower()] if scale_word else Decimal(1)
        if m.group("cur"):
            key = _find(self.prefixes, m.group("cur"))
        elif m.group("unit"):
            key = _find(self.suffixes, m.group("unit"))
        else:
            key = "NUM"
        assert key is not None  # the pattern only matches forms of the tables
        if m.group("per"):
            key = ratio_key(key, *self.denominator(m))
        return UnitMatch(key, scale)

    def denominator(self, m: re.Match[str]) -> tuple[str, Decimal]:
        """The denominator unit key and scale of a match of :attr:`per_pattern`."""
        if m.group("dcur"):
            key = _find(self.prefixes, m.group("dcur"))
            if m.group("dnum"):
                scale = Decimal(m.group("dnum").replace(",", ""))
            else:
                scale = HEADER_SCALES[m.group("dscale").lower()] if m.group("dscale") else Decimal(1)
        elif m.group("dscale2"):  # "per million tonnes", "/million HK$", "per million units"
            if m.group("dcode"):
                key = _find(self.suffixes, m.group("dcode"))
            elif m.group("dcur2"):
                key = _find(self.prefixes, m.group("dcur2"))
            else:
                key = _find(self.denominators, m.group("dcount"))
            scale = HEADER_SCALES[m.group("dscale2").lower()]
        elif m.group("dnum2"):  # "per 1,000,000 hours worked", "per 1,000 employees"
            key = _find(self.suffixes, m.group("dcode2")) if m.group("dcode2") else None
            key = key or _find(self.denominators, m.group("dcount2"))
            scale = Decimal(m.group("dnum2").replace(",", ""))
        elif m.group("dunit"):
            key, scale = _find(self.suffixes, m.group("dunit")), Decimal(1)
        else:
            key, scale = _find(self.denominators, m.group("dnoun")), Decimal(1)
        assert key is not None  # the pattern only matches forms of the tables
        return key, scale

    def forms(self) -> list[str]:
        """Every surface form this lexicon reads, sorted."""
        return sorted({*self.prefixes, *self.suffixes, *self.denominators})

    def close_matches(self, surface: str, n: int = 5) -> list[str]:
        """The surface forms most like ``surface`` (difflib, ignoring case), best first, for an
        unknown-unit message."""
        return close_matches(surface, self.forms(), n)

    @cached_property
    def per_pattern(self) -> str:
        """Regex of what an intensity is per, after its numerator: ``" per m²"``, ``"/HK$ million"``.

        Groups: ``per`` (all of it) and one of ``dcur`` (with ``dnum`` or ``dscale``),
        ``dcode``, ``dcur2`` or ``dcount`` (with ``dscale2``), ``dcode2`` or ``dcount2`` (with
        ``dnum2``), ``dunit`` or ``dnoun``. A counted thing after a scale or a number may be
        plural ("per million units", "per 1,000 employees"): the scale says there are many.
        """
        prefixes = _form_alternation(list(self.prefixes))
        suffixes = _form_alternation(list(self.suffixes))
        nouns = _form_alternation(list(self.denominators))
        scales = _alternation(list(HEADER_SCALES))
        return (
            rf"(?P<per>\s?(?:/|(?<![A-Za-z])per\s)\s?(?:"
            rf"(?P<dcur>{prefixes})\s?(?:(?P<dnum>{_DENOMINATOR_NUMBER})|(?P<dscale>{scales}))?"
            rf"|(?P<dscale2>{scales})\s?(?:(?P<dcode>{suffixes})|(?P<dcur2>{prefixes})|(?P<dcount>{nouns})s?)"
            rf"|(?P<dnum2>{_DENOMINATOR_NUMBER})\s?(?:(?P<dcode2>{suffixes})|(?P<dcount2>{nouns})s?)"
            rf"|(?P<dunit>{suffixes})"
            rf"|(?P<dnoun>{nouns})"
            rf")(?![A-Za-z0-9]){_PER_WHAT})"
        )

    @cached_property
    def _unit_pattern(self) -> re.Pattern[str]:
        prefixes = _form_alternation(list(self.prefixes))
        suffixes = _form_alternation(list(self.suffixes))
        scales = _alternation(list(HEADER_SCALES))
        return re.compile(
            rf"(?:(?P<hscale>{scales})\s?)?"
            rf"(?:(?P<cur>{prefixes})|(?P<unit>{suffixes}))?"
            rf"(?:\s?(?P<uscale>{scales}))?"
            rf"(?:{self.per_pattern})?",
            re.IGNORECASE,
        )


def close_matches(word: str, candidates: list[str], n: int = 5) -> list[str]:
    """The ``candidates`` most like ``word`` (difflib ratio 0.6 or more, case ignored), best first."""
    by_lower: dict[str, str] = {}
    for candidate in sorted(candidates):
        by_lower.setdefault(candidate.lower(), candidate)
    return [by_lower[c] for c in difflib.get_close_matches(word.lower(), list(by_lower), n=n, cutoff=0.6)]


def _find(table: Mapping[str, str], surface: str) -> str | None:
    """The key of ``surface``: exact spelling first, then any case for a form :func:`_caseless` allows."""
    if surface in table:
        return table[surface]
    lower = surface.lower()
    return next((key for form, key in table.items() if _caseless(form) and form == lower), None)


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
    # A time per head ("24.5 hours per employee") is read as an average time ("24.5 hours"); a
    # claim sheet may still name the whole printing, which then keeps its older reading as a
    # ratio (hours per employee): this is that reading.
    per_head: Mention | None = None


def exact_product(number: Decimal, multiplier: Decimal) -> Decimal:
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
        prefixes = _form_alternation(list(lexicon.prefixes))
        suffixes = _form_alternation(list(lexicon.suffixes))
        scales = _alternation(list(SCALES))
        self._pattern = re.compile(
            rf"(?:(?P<qual>{_WORD_START}(?:{qualifiers}))\s+(?:a\s+total\s+of\s+)?)?"
            rf"(?:(?P<cur>{prefixes})\s?|(?<![A-Za-z0-9_.,]))"
            rf"(?P<num>{_NUMBER})(?![0-9])"
            rf"(?:{_SPACE}?(?P<scale>{scales}){_WORD_END}"
            rf"|(?P<abbr>bn|(?(cur)m|m(?={_SPACE}(?:{suffixes})(?![A-Za-z])))){_WORD_END})?"
            rf"(?:{_SPACE}(?P<tmod>{_alternation(list(_TIME_MODIFIERS))}){_SPACE}(?=(?i:days?|hours?)\b))?"
            rf"(?:{_SPACE}?(?P<unit>{suffixes})(?![A-Za-z]))?"
            rf"(?:{lexicon.per_pattern})?",
            re.IGNORECASE,
        )

    def mentions(self, text: str) -> Iterator[Mention]:
        """Every digit run of ``text`` in order, classified as quantity or not.

        Full-width digits are read as the digits they are (the surface keeps them as printed);
        digits of other scripts are not read.
        """
        normal = text.translate(_FULLWIDTH)
        for m in self._pattern.finditer(normal):
            yield self._classify(text, normal, m)

    def quantities(self, text: str) -> list[Mention]:
        """Only the quantity mentions of ``text``."""
        return [m for m in self.mentions(text) if m.kind == "quantity"]

    def parse(self, surface: str) -> Mention:
        """Parse a surface form that must be exactly one quantity, e.g. ``approximately RMB7.5 billion``.

        Raises ``ValueError`` when the surface is not one quantity from start to end.
        """
        found = [m for m in self.mentions(surface) if m.kind == "quantity"]
        readings = [found[0], found[0].per_head] if len(found) == 1 else []
        for reading in readings:
            if reading is not None and (reading.start, reading.end) == (0, len(surface)):
                return reading
        raise ValueError(f"{surface!r} is not a single printed quantity")

    def _classify(self, text: str, normal: str, m: re.Match[str]) -> Mention:
        num_text = m.group("num")
        number = Decimal(re.sub(f"[{_GROUP_SEPARATORS}]", "", num_text))
        scale = m.group("scale") or m.group("abbr")
        multiplier = {**SCALES, **SCALE_ABBREVIATIONS}[scale.lower()] if scale else Decimal(1)
        value = exact_product(number, multiplier)
        decimals = len(num_text.partition(".")[2])
        precision = Decimal(5).scaleb(-decimals - 1) * multiplier
        unit_surface = m.group("unit")
        cur_surface = m.group("cur")
        unit = None
        if cur_surface:
            unit = self.lexicon.prefix(cur_surface)
        elif unit_surface:
            unit = _find(self.lexicon.suffixes, unit_surface)
        end = m.end()
        ratio_unit = None
        if m.group("per") and unit == "PERCENT":
            # "cut fuel use by 4.6% per kilometre": a change of a rate per something, not a unit
            # per kilometre; the figure is the percentage.
            end = m.start("per")
        elif m.group("per"):
            denominator = self.lexicon.denominator(m)
            if unit in _TIME_UNITS and denominator[0] in _HEADS:
                end, ratio_unit = m.start("per"), ratio_key(unit, *denominator)
            else:
                unit = ratio_key(unit or "NUM", *denominator)
        qual = m.group("qual")
        start = m.start()
        if qual and qual.lower() in UNIT_ONLY_QUALIFIERS and not (unit or scale):
            qual, start = None, m.start("num")
        kind = self._kind(normal, m, number, bool(unit or scale or qual))
        if kind != "quantity":
            # Only the digits belong to a non-quantity mention.
            start, end = m.span("num")
            return Mention(start, end, text[start:end], kind, number, number)
        mention = Mention(
            start=start,
            end=end,
            surface=text[start:end],
            kind=kind,
            number=number,
            value=value,
            unit=unit,
            qualifier=QUALIFIERS[qual.lower()] if qual else None,
            scale=scale.lower() if scale else None,
            precision=precision,
        )
        if ratio_unit is None:
            return mention
        whole = replace(mention, end=m.end(), surface=text[start : m.end()], unit=ratio_unit)
        return replace(mention, per_head=whole)

    @staticmethod
    def _kind(text: str, m: re.Match[str], number: Decimal, has_unit: bool) -> str:
        start, end = m.span()
        before = text[max(0, start - 40) : start]
        after = text[end : end + 20]
        num_text = m.group("num")
        line_start = text.rfind("\n", 0, start) + 1
        # "1. Safety", "(2) People", and a note's "[3] Data cover ..." under a table: item numbers.
        if not has_unit and text[line_start:start].strip(" ([") == "" and re.match(r"^[.)\]]?[ \t]+[A-Z*\"“]", after):
            return "enumerator"
        if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
            return "date"
        if _ORDINAL_AFTER.match(after):
            return "ordinal"
        if not has_unit and re.fullmatch(r"(?:19|20)\d\d", num_text):
            return "year"
        if re.match(r"^[A-Za-z]", after) and not has_unit:
            return "identifier"
        if before and re.search(r"[A-Za-z]\Z", before):
            return "identifier"
        if not has_unit and _IDENTIFIER_WORD.search(before):
            return "identifier"
        if re.match(r"^[-–/]\d", after) and not has_unit:
            return "identifier"
        return "quantity"
