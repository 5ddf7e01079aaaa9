"""Read intensities whose numerator is a gram or kilogram of coal (or oil) equivalent, or a milligram.

Chinese reports print energy intensities in kilograms or grams of standard coal equivalent:
"kgce/tonne" (energy consumed per tonne of product), "gce/kWh" (the coal consumption rate of
power supply). The unit vocabulary has the tonne of coal equivalent (tce) and the tonne of oil
equivalent (toe) but no gram or kilogram of them, and needs none: a kilogram per tonne is a tonne
per thousand tonnes, a gram per kWh a tonne per million kWh (a GWh). So the numerator is read as
the tonne-equivalent and the denominator as the unit that many times larger, the figure's value
unchanged: "5.83 kgce/tonne" is 5.83 tce per kilotonne, "303.0 gce/kWh" 303.0 tce per GWh.

A concentration in milligrams is read so too: the vocabulary has the gram but no milligram, and a
milligram per litre is a gram per thousand litres, a cubic metre ("51.7 mg/L" is 51.7 g/m³).

A denominator that has no unit that many times larger (no "kilo-employee") is left unread: the
figure is then listed as not read, never given a guessed unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from kg.ingest.quantities import ratio_key
from kg.vocab.units import Units

# "kgce/tonne of raw coal", "gce per kWh", "kgoe/m²": a mass prefix, "ce" or "oe", then the denominator.
_EQUIVALENT = re.compile(r"^(?P<mass>kg|g)\s?(?P<kind>ce|oe)\s*(?:/|per\s)\s*(?P<per>\S.*)$", re.I)
# What the denominator weighs or counts ("tonne of raw coal"): no part of its unit.
_OF_WHAT = re.compile(r"\s+of\s+[A-Za-z].*$")
_PER_TONNE = {"kg": Decimal(1000), "g": Decimal(1_000_000)}  # how many of them make a tonne
# "mg/L", "mg per kg": milligrams, a thousand of which make the gram the vocabulary has.
_MILLIGRAM = re.compile(r"^mg\s*(?:/|per\s)\s*(?P<per>\S.*)$")


def equivalent_ratio(surface: str, units: Units, resolve: Callable[[str], str | None]) -> str | None:
    """The ratio key of an intensity in kg or g of coal or oil equivalent per something, or None.

    ``resolve`` gives the unit key of the denominator as printed (what it weighs, "of raw coal",
    cut off), or None when it names no unit of its own (a scaled one, "'000 tonnes", included)."""
    printed = " ".join(surface.split())
    if (m := _EQUIVALENT.match(printed)) is not None:
        numerator, times = units.lexicon.suffix("t" + m.group("kind").lower()), _PER_TONNE[m.group("mass").lower()]
    elif (m := _MILLIGRAM.match(printed)) is not None:
        numerator, times = units.lexicon.suffix("g"), Decimal(1000)
    else:
        return None
    per = resolve(_OF_WHAT.sub("", m.group("per")))
    base = units.units.get(per) if per is not None else None
    if numerator is None or base is None or base.multiplier is None:
        return None
    wanted = base.multiplier * times
    for key, other in sorted(units.units.items()):
        if other.quantity_kind == base.quantity_kind and other.multiplier == wanted:
            return ratio_key(numerator, key)
    return None
