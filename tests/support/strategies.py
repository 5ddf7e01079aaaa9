"""Hypothesis strategies shared by the property tests: printed figures and whole report folders.

Each strategy draws the *meaning* first (a value, a unit key, a qualifier notation) and then prints
it the way a report may, so that a test can compare what the code reads back with what was meant,
computed here independently (integers and fractions, no :mod:`kg` code).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from kg.ingest.quantities import QUALIFIERS, UNIT_ONLY_QUALIFIERS
from kg.vocab.entity_types import sheet_types
from kg.vocab.ontology import vocabulary
from kg.vocab.units import load_units

LEXICON = load_units().lexicon

# What each scale word means, written out here rather than read from kg.ingest.quantities.SCALES (a test
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
    digits: str = field(default="")  # the printed number in ASCII digits, without thousands separators


def _cased(word: str) -> st.SearchStrategy[str]:
    """A word as printed at a sentence start, in capitals, or as listed (the recogniser ignores case)."""
    return st.sampled_from(sorted({word, word[:1].upper() + word[1:], word.upper()}))


# Thousands separators as typeset: comma, no-break space, narrow no-break space, thin space.
GROUP_SEPARATORS = (",", "\u00a0", "\u202f", "\u2009")

# Full-width digits and full stop, as CJK text prints them, mapped from their ASCII counterparts.
FULL_WIDTH = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, ".": "\uff0e"})


@st.composite
def printed_numbers(draw: st.DrawFn) -> tuple[str, Fraction, str]:
    """A number as printed, e.g. ``1,234.50``, 1 234 567 with thin spaces, or in full-width digits:
    its text, exact value and ASCII digits without separators."""
    integer = draw(st.one_of(st.integers(0, 999), st.integers(0, 10**12), st.integers(0, 10**45)))
    grouped = integer >= 1000 and draw(st.booleans())
    whole = f"{integer:,}".replace(",", draw(st.sampled_from(GROUP_SEPARATORS))) if grouped else str(integer)
    fraction = draw(st.one_of(st.none(), st.text("0123456789", min_size=1, max_size=12)))
    text = whole if fraction is None else f"{whole}.{fraction}"
    value = Fraction(integer) + (Fraction(int(fraction), 10 ** len(fraction)) if fraction else 0)
    digits = "".join(c for c in text if c not in GROUP_SEPARATORS)
    if draw(st.booleans()):
        text = text.translate(FULL_WIDTH)
    return text, value, digits


@st.composite
def figures(draw: st.DrawFn, plain: bool = True) -> Figure:
    """A quantity the recogniser claims to read: [qualifier] [currency] number [scale] [unit].

    A bare number (no qualifier, currency, scale or unit) is not drawn when ``plain`` is false,
    and never where the recogniser reads it as a year (1900-2099).
    """
    number, value, digits = draw(printed_numbers())
    qualifier = draw(st.one_of(st.none(), st.sampled_from(sorted(QUALIFIERS))))
    scale = draw(st.one_of(st.none(), st.sampled_from(sorted(SCALE_EXPONENTS))))
    # "within 24 hours" bounds a quantity, "within 2020" does not: such a qualifier gets a unit.
    kind = "suffix" if qualifier in UNIT_ONLY_QUALIFIERS else draw(st.sampled_from(["none", "currency", "suffix"]))
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


# ------------------------------------------------------------------ generated report folders

ENTITY_TYPES = sheet_types()
KINDS = sorted(vocabulary().kinds)
LINKS = sorted(vocabulary().links)
GUIDE_CODES = sorted(vocabulary().codes(None))  # generated reports name no standard
# Units a sheet may give for a figure printed without one.
SHEET_UNITS = ["NUM", "TONNE", "PERCENT", "KiloGM"]

SLUGS = st.from_regex(r"[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,5}){0,2}", fullmatch=True)
# Labels and other free text: any printable text, CJK included; no control characters, which
# the reader refuses because RDF/XML cannot carry them.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")), min_size=1, max_size=24)
TAGS = st.from_regex(r"[a-z]{3,10}", fullmatch=True)


@dataclass(frozen=True)
class GeneratedReport:
    """A report folder's parts as Python data, and the text the sheet's quotes come from."""

    meta: dict[str, Any]
    sheet: dict[str, Any]
    text: str
    figures: dict[str, tuple[Figure, ...]]  # claim id -> the figures its observations name, in order

    def write(self, folder: Path, sheet_yaml: str | None = None) -> Path:
        """Write the folder; ``sheet_yaml`` overrides how the sheet is printed."""
        (folder / "claims").mkdir(parents=True)
        (folder / "report.txt").write_text(self.text, encoding="utf-8")
        (folder / "report.yaml").write_text(yaml.safe_dump(self.meta, allow_unicode=True), encoding="utf-8")
        printed = sheet_yaml if sheet_yaml is not None else yaml.safe_dump(self.sheet, allow_unicode=True)
        (folder / "claims" / "sheet.yaml").write_text(printed, encoding="utf-8")
        return folder


def _period(year: int) -> st.SearchStrategy[str | None]:
    day = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}").filter(lambda d: d[0] != "0")
    span = st.tuples(st.integers(1000, 9998), st.integers(1, 10)).map(lambda p: f"{p[0]}/{min(p[0] + p[1], 9999)}")
    return st.one_of(st.none(), st.just(str(year)), st.integers(1000, 9999).map(str), day, span)


@st.composite
def generated_reports(draw: st.DrawFn, max_claims: int = 5) -> GeneratedReport:
    """A report folder with entities, metrics and claims whose quotes print their figures.

    Each claim's quote is its own line, "The <tag> line: figure <F1>; figure <F2>; end." with a
    tag no other quote has, so that every quote occurs once in the text.
    """
    entity_ids = draw(st.lists(SLUGS, min_size=1, max_size=5, unique=True))
    company = entity_ids[0]
    entities = [{"id": company, "type": "Organization", "label": draw(TEXT)}]
    for ident in entity_ids[1:]:
        entity: dict[str, Any] = {"id": ident, "type": draw(st.sampled_from(ENTITY_TYPES)), "label": draw(TEXT)}
        if draw(st.booleans()):
            entity["alt_labels"] = draw(st.lists(TEXT, max_size=2))
        if draw(st.booleans()):
            entity["description"] = draw(TEXT)
        entities.append(entity)
    metric_ids = draw(st.lists(SLUGS, min_size=1, max_size=3, unique=True))
    metrics = [{"id": ident, "label": draw(TEXT)} for ident in metric_ids]
    year = draw(st.integers(1000, 9999))
    count = draw(st.integers(1, max_claims))
    claim_ids = draw(st.lists(SLUGS, min_size=count, max_size=count, unique=True))
    tags = draw(st.lists(TAGS, min_size=count, max_size=count, unique=True))
    claims, lines, printed = [], [], {}
    for ident, tag in zip(claim_ids, tags, strict=True):
        shown = draw(st.lists(figures(), max_size=3))
        quote = f"The {tag} line: " + "".join(f"figure {f.surface}; " for f in shown) + "end."
        lines.append(quote)
        claim: dict[str, Any] = {"id": ident, "quote": quote}
        observations = []
        for figure in shown:
            obs: dict[str, Any] = {"metric": draw(st.sampled_from(metric_ids)), "figure": figure.surface}
            period = draw(_period(year))
            if period is not None:
                obs["period"] = period
            if figure.unit is None and draw(st.booleans()):
                obs["unit"] = draw(st.sampled_from(SHEET_UNITS))
            if draw(st.booleans()):
                obs["boundary"] = draw(TEXT)
            if draw(st.booleans()):
                obs["subject"] = draw(st.sampled_from(entity_ids))
            observations.append(obs)
        claim["kind"] = draw(st.sampled_from(KINDS if observations else [k for k in KINDS if k != "quantitative"]))
        if observations:
            claim["observations"] = observations
        printed[ident] = tuple(shown)
        if draw(st.booleans()):
            claim["subject"] = draw(st.sampled_from(entity_ids))
        about = draw(st.lists(st.sampled_from(entity_ids), unique=True, max_size=2))
        if about:
            claim["about"] = about
        links = draw(
            st.dictionaries(
                st.sampled_from(LINKS),
                st.lists(st.sampled_from(entity_ids), min_size=1, max_size=2, unique=True),
                max_size=2,
            )
        )
        if links:
            claim["links"] = links
        kpis = draw(st.lists(st.sampled_from(GUIDE_CODES), unique=True, max_size=2))
        if kpis:
            claim["kpis"] = kpis
        goals = draw(st.lists(st.integers(1, 17), unique=True, max_size=2))
        sdgs = []
        for goal in goals:
            basis = draw(st.sampled_from(["stated", "inferred"]))
            sdg: dict[str, Any] = {"goal": goal, "basis": basis}
            if basis == "inferred" or draw(st.booleans()):
                sdg["rationale"] = draw(TEXT.filter(str.strip))
            sdgs.append(sdg)
        if sdgs:
            claim["sdgs"] = sdgs
        claims.append(claim)
    text = "GENERATED REPORT\n\n1. Overview\n\n" + "\n".join(lines) + "\n"
    meta = {
        "id": draw(SLUGS),
        "company": company,
        "title": draw(TEXT),
        "year": year,
        "curator": {"name": draw(TEXT)},
    }
    if draw(st.booleans()):
        meta["curated"] = draw(st.dates().map(lambda d: d.isoformat()).filter(lambda d: d[0] != "0"))
    return GeneratedReport(
        meta=meta,
        sheet={"entities": entities, "metrics": metrics, "claims": claims},
        text=text,
        figures=printed,
    )
