"""An intensity whose row label names what it is per and whose unit cell names the numerator only.

Tables with a unit column often print the ratio in two places: the label says what the figure
is per ("Energy intensity per guest night", "Water use per employee") and the unit cell only
what is measured ("kWh", "litres"). The figure is then in kWh per guest night, not in kWh: read
alone, the unit cell would make an intensity a total. A time ("Training hours per employee":
hours) or a count is left as printed, since reports give averages of those in the plain unit.
"""

from __future__ import annotations

import re

from kg.vocab.units import QUANTITY_KINDS, Units

# "... per guest night", "... per m² of GFA" at the end of a label (before any parenthesis,
# comma or footnote marker): the denominator it names.
_PER = re.compile(r"\bper\s+(?P<per>[^\s,;:()\[\]][^,;:()\[\]]*?)[\s¹²³⁴⁵⁶⁷⁸⁹⁰*†]*$", re.I)
# Quantities a "per" label leaves in the printed unit: averages of times and of counts.
_PLAIN_KINDS = frozenset({QUANTITY_KINDS + "Time", QUANTITY_KINDS + "Count", QUANTITY_KINDS + "DimensionlessRatio"})


def label_denominator(label: str) -> str | None:
    """The denominator a row label ends by naming ("per guest night" -> "guest night"), or None."""
    m = _PER.search(label.strip())
    return m.group("per").strip() if m else None


def per_label_unit(label: str, unit: str, key: str, units: Units) -> str | None:
    """The surface form of the ratio the label and its unit cell print together ("kWh per guest
    night" for the label "Energy intensity per guest night" over the unit cell "kWh", key
    ``KiloW-HR``), or None when the unit cell is a ratio already, a time or a count, or the label
    names no denominator."""
    per = label_denominator(label)
    if per is None or units.ratio(key) is not None or key not in units.units:
        return None
    if str(units.units[key].quantity_kind) in _PLAIN_KINDS:
        return None
    return f"{unit} per {per}"
