"""What a figure table's cell means: its value with the unit and scale its row or column prints,
and the period its column names.

Units come from the unit lexicon (``ontology/units.ttl`` through :mod:`kg.vocab.units`), so a unit
added there is read in tables too. A scale (``'000``, ``thousand``, ``million``, ``billion``) printed
with the unit multiplies the figure exactly; the figure stays as printed in the observation's
surface form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import MAX_EMAX, MIN_EMIN, Decimal, Inexact, localcontext

from kg.ingest.figure_tables import Column, FigureCell
from kg.ingest.model import Period
from kg.ingest.quantities import MONTHS, SCALES, UnitLexicon
from kg.vocab.units import Units

_THOUSANDS = re.compile(r"^(?:['’]000s?|000['’]?s)\s*|\s*(?:['’]000s?|000['’]?s)$")
_SCALE_WORD = re.compile(rf"^({'|'.join(SCALES)})\s+|\s+({'|'.join(SCALES)})$", re.I)
# "... of product" after a ratio's denominator unit ("kg/tonne of product", "MWh per tonne of output",
# "tCO2e/tonne of yarn"): what the denominator weighs or counts, in a word or three, is no part of
# the unit.
_OF_WHAT = re.compile(r"(?<=\S)\s+of\s+[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}$")
# What was done to a ratio's denominator ("g/kWh generated", "kWh/tonne produced", "m³/MWh sold",
# a lender's "tCO2e per US$ million lent"): it says what the figure is per, as "of product" does,
# and is no part of the unit.
_DONE_TO = re.compile(
    r"(?<=\S)\s+(?:generated|produced|manufactured|processed|sold|delivered|handled|transported|supplied|treated"
    r"|lent|loaned|invested|financed)$",
    re.I,
)
# A unit naming a ratio ("MWh/tonne", "kg per piece").
RATIO_MARK = re.compile(r"/|\bper\b", re.I)
# Unit cells that say "a count" without naming a unit of the lexicon.
_COUNT_UNIT = re.compile(
    r"^(?:number|no\.?|persons?|people|headcount|count|cases?|incidents?|times|person[- ]times?"
    r"|pieces|pcs\.?|units|items|sets|pairs|batches"
    r"|(?:number|no\.)\s+of\s+(?:persons|people|employees|cases|incidents|times))$",
    re.I,
)
# A unit cell of counted things per another that the lexicon reads as no unit ("students per
# teacher", "beds per ward"; "tonnes per employee" is one): a ratio of two counts, a number.
_COUNT_RATIO = re.compile(r"^[a-z]+s\s+per\s+[a-z]+$", re.I)
# Unit cells that name a percentage or hours of work in words.
# "% of revenue", "% of total staff": a percentage, of what it names.
_WORD_UNITS = (
    (re.compile(r"^(?:percentage|proportion)(?:\s*\(%\))?$", re.I), "PERCENT"),
    (re.compile(r"^%\s+of\s+[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}$", re.I), "PERCENT"),
    (re.compile(r"^(?:man|person|staff)[- ]hours?$", re.I), "HR"),
)
# "Number of ...", or "Lost days ..." / "Days lost ..." (a label whose head noun counts people or
# events is read by _COUNTED_NOUN below).
_COUNT_LABEL = re.compile(
    r"^(?:total\s+)?(?:number|no\.)\s+of\b"
    r"|^(?:[\w-]+\s+){0,2}(?:lost days|days lost)\b",
    re.I,
)


@dataclass(frozen=True)
class CellUnit:
    """A unit key of the lexicon and the scale printed with it."""

    key: str
    scale: Decimal = Decimal(1)


class UnknownUnit(ValueError):
    """A printed unit the lexicon does not know."""


def resolve_unit(surface: str, lexicon: UnitLexicon) -> CellUnit:
    """The unit a printed unit names: ``tonnes``, ``HK$'000``, ``RMB million``, ``'000 kWh``,
    a scale alone (``million``: a count in millions).

    The whole surface is looked up first ("tons/million RMB" is one unit), then with a scale cut
    off its start or end.
    """
    text = surface.strip()
    if text.lower() in SCALES:  # "Units shipped (million)": a count in millions
        return CellUnit("NUM", SCALES[text.lower()])
    found = _lookup(text, lexicon)
    if found is not None:
        return CellUnit(found)
    match = lexicon.lookup(text)  # intensities ("tCO2e per m²") and scaled currencies ("HK$'000")
    if match is not None:
        return CellUnit(match.key, match.scale)
    for pattern, scale in ((_THOUSANDS, Decimal(1000)), (_SCALE_WORD, None)):
        m = pattern.search(text)
        if m is None:
            continue
        rest = (text[: m.start()] + text[m.end() :]).strip()
        word = next((g for g in m.groups() if g), None) if scale is None else None
        factor = SCALES[word.lower()] if word else scale
        found = _lookup(rest, lexicon) if rest else "NUM"
        if found is not None and factor is not None:
            return CellUnit(found, factor)
    weighed = (_OF_WHAT.search(text) or _DONE_TO.search(text)) if RATIO_MARK.search(text) else None
    if weighed is not None:  # "m³/tonne of product", "g/kWh generated": no part of the unit
        return resolve_unit(text[: weighed.start()], lexicon)
    if (spelled := _spelled_scale(text, lexicon)) is not None:  # "tCO2e/HK$m": per HK$ million
        return resolve_unit(spelled, lexicon)
    close = ", ".join(repr(form) for form in lexicon.close_matches(text))
    raise UnknownUnit(f"unknown unit {surface!r}" + (f" (close matches: {close})" if close else ""))


# A scale cut to a letter or two after a currency ("HK$m", "RMBbn", "US$ m"), as financial
# tables print it; a figure's own "m" after a number is a metre, so only a currency's is read so.
_SHORT_SCALES = {"m": "million", "bn": "billion"}


def _spelled_scale(text: str, lexicon: UnitLexicon) -> str | None:
    """``text`` with a currency's short scale spelled out ("tCO2e/HK$m" is "tCO2e/HK$ million"),
    or None when it prints none."""
    currencies = "|".join(re.escape(form) for form in sorted(lexicon.prefixes, key=len, reverse=True))
    pattern = re.compile(rf"(?<![A-Za-z])({currencies})\s?({'|'.join(_SHORT_SCALES)})(?![A-Za-z])")
    spelled = pattern.sub(lambda m: f"{m.group(1)} {_SHORT_SCALES[m.group(2)]}", text)
    return spelled if spelled != text else None


def as_printed(unit: CellUnit, units: Units) -> CellUnit:
    """A scaled unit as the unit it is exactly, when the units define one: ``'000 kWh`` is MWh,
    ``thousand tonnes`` kilotonnes. The figure's value is then the number the cell prints.

    Only a unit of the same quantity kind whose multiplier is the scale times the unit's own
    is taken; currencies ("HK$'000") have no such unit and keep their scale, nor do counts.
    """
    if unit.scale == 1 or unit.key == "NUM" or unit.key not in units.units:
        return unit  # a count in millions is a count ("million" no megapixel), its value scaled
    base = units.units[unit.key]
    if base.multiplier is None:
        return unit
    for key, other in sorted(units.units.items()):
        if other.quantity_kind == base.quantity_kind and other.multiplier == base.multiplier * unit.scale:
            return CellUnit(key)
    return unit


# "as at 31 December", "as of March 31": the day of the year a table's or row's figures are of.
# A year after the day in the same cell ("as at 31 December 2023", "31 December, 2023") makes it one
# day of one year; a year after a tab or a run of spaces is the next column's heading ("Employees as
# at 31 December<TAB>2023<TAB>2024"), whose years the day is of.
_AS_AT = re.compile(
    rf"\bas\s+(?:at|of|on)\s+(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTHS})"
    rf"|(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?![\w,]*[ \u00a0]?(?:19|20)\d\d)\b",
    re.I,
)
_MONTH = {name.lower(): n for n, name in enumerate(MONTHS.split("|"), start=1)}


def as_at_day(text: str | None) -> tuple[int, int] | None:
    """The (month, day) an "as at 31 December" without a year names, or None.

    A table of several years prints the day once, for every column ("Employees (persons, as at
    31 December)"); a phrase with a year names one day only, and is left to the columns.
    """
    m = _AS_AT.search(text or "")
    if m is None:
        return None
    day, month = int(m.group("d1") or m.group("d2")), _MONTH[(m.group("m1") or m.group("m2")).lower()]
    try:
        date(2000, month, day)
    except ValueError:
        return None
    return month, day


# A row that counts or rates what happened over the period, not what stood on a day: hires,
# leavers, turnover, money a lender or fund lent, raised or gave in the period ("Green bonds
# issued", "Loans disbursed" beside "Loans outstanding" in a table "as at 31 March"), or a label
# that says "in the year" ("New hires in the year" under a table of employees "as at 31 December").
_FLOW = re.compile(
    r"\b(?:in|during|over|for|throughout)\s+the\s+(?:year|period)\b"
    r"|\b(?:hires|hired|hiring|recruits|recruited|recruitment|leavers|departures|resignations|turnover)\b"
    r"|\b(?:arranged|issued|disbursed|originated|underwritten|raised|donated)\b",
    re.I,
)


def is_flow(label: str | None) -> bool:
    """Whether a row label names a flow over the period (hires, turnover, bonds issued, "in the
    year"), whose figures are of the period even in a table dated "as at" a day."""
    return bool(_FLOW.search(label or ""))


# A unit column's cell naming, in one plural noun, what the row counts ("nights", "events",
# "meals", "visits"): no unit of measure the lexicon knows, but a count of those things.
_PLURAL_NOUN_CELL = re.compile(r"^[a-z]{3,}s$")


def counted_unit_cell(text: str) -> bool:
    """Whether a unit column's cell that names no known unit names things counted: one plural
    noun in lower case ("nights", "events"), as tables with a unit column print counts. Only the
    unit column is read so: parentheses of a label ("LPG (forklifts)") name what it is of."""
    return _PLURAL_NOUN_CELL.match(text.strip()) is not None


# A unit cell of a score ("points" of a satisfaction score), with the range it is scored on or
# not ("score 0-10", "points (0-100)"): a number in no unit.
_SCORE_UNIT = re.compile(r"^(?:points?|score)(?:\s+\(?\d{1,3}\s*(?:[-–]|to)\s*\d{1,3}\)?)?$", re.I)


def _lookup(text: str, lexicon: UnitLexicon) -> str | None:
    if _COUNT_UNIT.match(text) or _SCORE_UNIT.match(text):
        return "NUM"
    for pattern, key in _WORD_UNITS:
        if pattern.match(text):
            return key
    found = lexicon.suffix(text) or lexicon.prefix(text)
    if found is None and (_COUNT_RATIO.match(text) or _COUNTED_NOUN.match(text)):
        return "NUM"  # "students per teacher"; a unit cell naming what the row counts ("suppliers")
    return found


# Plural nouns of things a row counts when it prints no unit ("Total employees", "Work-related
# injuries", "Lost days due to work injury", "Member accounts"): people, events and cases a
# report tallies, and the accounts and outlets a business holds or runs. Not "staff"
# or "people", which name a group in rows of other measures ("Frontline staff" of training hours).
_COUNTED_NOUN = re.compile(
    r"^(?:employees|workers|workforce|persons|headcount|hires|leavers|recruits|trainees|interns|"
    r"graduates|volunteers|participants|beneficiaries|suppliers|contractors|customers|injuries|fatalities|"
    r"deaths|accidents|incidents|cases|complaints|recalls|samples|audits|inspections|days|[a-z]+-days|accounts|"
    r"branches|outlets|stores)$",
    re.I,
)
# A past participle closing a label after its head noun ("Complaints received", "Samples tested",
# "Suppliers audited"): what was done to the things counted, not the head noun.
_PARTICIPLE = re.compile(r"^(?:[a-z]{2,}ed|held|sold|won|made|given|taken)$", re.I)
# Where a label's head noun ends: before its qualifiers ("... due to work injury", "... by gender").
_LABEL_TAIL = re.compile(
    r"\s+(?:due\s+to|as\s+(?:at|of|on)|by|of|in|at|for|with|from|under|over|aged)\b.*$|\s*[(:].*$", re.I
)


def counted(label: str) -> bool:
    """A row label that says it counts things ("Number of ...", or a plural noun of people or
    events such as "Total employees", "Lost days due to work injury", before what was done to
    them or not: "Complaints received"): a figure without a unit is a count."""
    if _COUNT_LABEL.match(label):
        return True
    head = _LABEL_TAIL.sub("", label.strip()).split()
    if len(head) > 1 and _PARTICIPLE.match(head[-1]):
        head = head[:-1]
    return bool(head) and _COUNTED_NOUN.match(head[-1]) is not None


# Head nouns of measures that are pure numbers: a ratio, a coefficient, a data centre's
# power usage effectiveness (PUE, facility energy over IT energy).
_RATIO_NOUN = re.compile(r"^(?:ratios?|coefficients?|PUE)$", re.I)


def dimensionless(label: str) -> bool:
    """A row label whose head noun names a ratio of like quantities ("Gender pay ratio", "Site A:
    annualised PUE"): a figure printed without a unit is a number in no unit, not an unread one."""
    measure = re.sub(r"\([^()]*\)", " ", label).rpartition(":")[2]  # "Site A: annualised PUE": after the site
    head = _LABEL_TAIL.sub("", measure.strip()).split()
    return bool(head) and _RATIO_NOUN.match(head[-1]) is not None


# A caption whose measure is a time ("Average training hours per employee", "Volunteer hours by
# region"): its head, before what it is per or broken down by, names the unit.
# "Bed-days", "patient-days" count days of a thing, no time; "man-hours", "person-days" are work time.
_TIME_WORD = re.compile(r"(?<![\w-])(?:hours|days)\b|\b(?:man|person|staff)-(?:hours|days)\b", re.I)
_CAPTION_TAIL = re.compile(r"\s+(?:per|by)\s+.*$|\s*[/(].*$", re.I)


def caption_time_unit(caption: str | None) -> str | None:
    """The time unit word ("hours") a caption's measure is in, or None."""
    m = _TIME_WORD.search(_CAPTION_TAIL.sub("", caption or ""))
    return m.group().lower().rpartition("-")[2] if m else None


def exact_product(number: Decimal, multiplier: Decimal) -> Decimal:
    """``number * multiplier`` exactly: a context wide enough, trapping any rounding."""
    with localcontext() as ctx:
        ctx.prec = len(number.as_tuple().digits) + len(multiplier.as_tuple().digits) + 1
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        ctx.traps[Inexact] = True
        return number * multiplier


def figure_value(cell: FigureCell, scale: Decimal) -> tuple[Decimal, Decimal]:
    """The value of a figure cell (scale applied) and its precision: half a unit of the last digit printed.

    ``(12.5)``, ``-12.5`` and 12.5 after an en dash (U+2013, typeset for the minus sign) are
    negative (changes print so).
    """
    printed = cell.figure.text
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", printed)
    assert digits is not None  # a figure cell holds a number by construction
    number = Decimal(digits.group().replace(",", ""))
    if printed.startswith(("-", "−", "–", "(")):
        number = -number
    decimals = len(digits.group().partition(".")[2])
    return exact_product(number, scale), exact_product(Decimal(5).scaleb(-decimals - 1), scale)


def column_period(
    column: Column, report_year: int, fiscal_year_end: str | None, as_at: tuple[int, int] | None = None
) -> Period:
    """The period a column's header names.

    With ``as_at`` (month, day: the table or row says "as at 31 December") it is that day of the
    year the column ends in. A calendar year (``2021``) is that year. A fiscal-year label
    (``FY2021``, ``2019/20``) is the twelve months ending on the report's ``fiscal_year_end``
    (MM-DD, report.yaml) in the year the label ends in; a fiscal year ending on 31 December is
    the calendar year; a header that names its day ("Year ended 31 March 2024", "As at 31 March
    2024") gives that year end, or that day. A column naming no year (a headerless row, measures
    under a caption naming none) is of the report's own period: the report year, or the fiscal
    year ending in it when the report's fiscal year ends on another day than 31 December.
    Without a fiscal year end the months of a fiscal-year label are unknown, and ``ValueError``
    says so: the cells are listed as not read rather than given a guessed period.
    """
    year = column.year if column.year is not None else report_year
    if column.instant:  # "As at 31 March 2024": the day its header names
        as_at = column.ends
    if as_at is not None:
        return Period(date(year, *as_at).isoformat())
    if column.year is None and fiscal_year_end in (None, "12-31"):
        return Period(str(report_year))  # a headerless row, or measures under a caption naming no year
    if column.year is not None and not column.fiscal:
        return Period(str(year))
    if column.ends is not None:  # "Year ended 31 March 2024": the year end its header names
        fiscal_year_end = f"{column.ends[0]:02d}-{column.ends[1]:02d}"
    if fiscal_year_end is None:
        raise ValueError(f"fiscal year {column.period!r}: report.yaml gives no fiscal_year_end (MM-DD)")
    month, day = (int(p) for p in fiscal_year_end.split("-"))
    if (month, day) == (12, 31):
        return Period(str(year))
    end = date(year, month, day)
    start = date(year - 1, month, day) + timedelta(days=1)
    return Period(start.isoformat(), end.isoformat())
