"""Where a figure-table row prints its unit, read from its label and its unit cell alone.

The loader (:mod:`kg.ingest.loader`) resolves the candidates given here against the unit lexicon,
in order, and takes the first that names a unit. The layouts read:

* ``Waste (tonnes)``: the label's last parentheses;
* ``Emissions (Scope 1, tCO2e)``: the last of the parts those parentheses list, the others
  qualifying the metric; a part that is the day the figures are of (``Capacity (MW, as at 30
  June)``) is no unit (the day is read from the label where periods are), nor parentheses
  printing the day alone (``Accounts (as at 31 March)``);
* ``Donations (HK$'000) (cash and in kind)``: a second pair of parentheses that qualifies the
  label after the one that prints the unit;
* ``Staff trained (%): women``: a measure and its unit printed before the group its row is of;
* ``Recycled content (% by weight)``: a per cent sign and what the share is of, which qualifies
  the metric;
* ``Overtime (hours per worker per week)``: a rate's unit and the time it is a rate over, which
  qualifies the metric;
* ``Cargo handled, million tonnes``: a label without parentheses whose unit follows its last
  comma (tables with no unit column print it so); the words before the comma name the metric;
* a dash in the unit column (``PUE  -  1.39``, or an en dash): the figures have no unit; they are numbers;
* ``Intensity per MWh of output`` under a caption or heading that prints the numerator's unit
  (``tCO2e``): the row's unit is that unit per what the label says (:func:`denominator`).
"""

from __future__ import annotations

import re

from kg.ingest.figure_tables import split_label

_PARTS = re.compile(r"[,;]")
_DAY = re.compile(r"^as\s+(?:at|of|on)\s+\S", re.I)
_UNIT_BEFORE_GROUP = re.compile(r"^(?P<measure>.+?)\s*\((?P<unit>[^()]+)\)\s*:\s*(?P<group>\S.*)$")
_DASH = re.compile(r"^[-–—]$")
# A share and what it is taken of or by: "% by weight", "% of revenue", "% of total".
_QUALIFIED_PERCENT = re.compile(r"^%\s+(?P<of>(?:by|of|in)\s+\S.*)$", re.I)
# A unit and the time its figure is a rate over: "hours per worker per week", "kg per day".
_OVER_TIME = re.compile(r"^(?P<unit>\S.*?)\s+(?P<over>(?:per|a|each)\s+(?:week|month|day|year))$", re.I)
# The unit after a label's last comma: short (a unit, not a clause), and no digit but a power
# ("m³", "tCO2e"): "Scope 1, 2 and 3" lists scopes.
_COMMA_UNIT = re.compile(r"^(?P<name>\S.*),\s+(?P<unit>[^,()]{1,40})$")
_NO_UNIT_DIGIT = re.compile(r"(?<![A-Za-z])\d")
_PER = re.compile(r"\bper\s+(?P<what>[^()]+?)\s*$", re.I)


def label_units(label: str) -> list[tuple[str, str]]:
    """The (metric label, unit as printed) readings of a row label, most likely first (see the
    module's docstring); none when the label prints no parentheses and no unit after a comma."""
    found: list[tuple[str, str]] = []
    name, paren = split_label(label)
    parts = [p.strip() for p in _PARTS.split(paren) if p.strip()] if paren is not None else []
    if paren is not None and parts and all(_DAY.match(p) for p in parts):
        return found  # "Member accounts (as at 30 June)": the day alone, no unit
    if paren is not None:
        found.append((name, paren))
        kept = [p for p in parts if not _DAY.match(p)]
        if kept and (len(kept) < len(parts) or len(kept) > 1):
            *qualifiers, last = kept
            found.append((f"{name} ({', '.join(qualifiers)})" if qualifiers else name, last))
        inner, first = split_label(name)
        if first is not None:
            found.append((f"{inner} ({paren})", first))
        if (share := _QUALIFIED_PERCENT.match(paren)) is not None:
            found.append((f"{name} ({share.group('of')})", "%"))
        if (rate := _OVER_TIME.match(paren)) is not None:
            found.append((f"{name} ({rate.group('over')})", rate.group("unit")))
    elif (m := _UNIT_BEFORE_GROUP.match(label)) is not None:
        found.append((f"{m.group('measure')}: {m.group('group')}", m.group("unit")))
    elif (m := _COMMA_UNIT.match(label)) is not None and not _NO_UNIT_DIGIT.search(m.group("unit")):
        found.append((m.group("name"), m.group("unit").strip()))
    return found


def no_unit(cell: str | None) -> bool:
    """A unit cell holding a dash alone: the row's figures are numbers in no unit (a ratio such
    as power usage effectiveness), not a unit the lexicon lacks."""
    return cell is not None and _DASH.match(cell.strip()) is not None


def denominator(label: str) -> str | None:
    """What a row's label says its figures are per ("HK$ million of revenue" of "GHG intensity
    (Scope 1 and 2) per HK$ million of revenue"), outside its parentheses; None when it says none."""
    m = _PER.search(split_label(label)[0])
    return m.group("what") if m else None
