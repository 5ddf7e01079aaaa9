"""A printed value in the canonical unit of a catalogue metric, by QUDT conversion multipliers.

Reports print the same metric in kg or tonnes, kWh, GJ or MWh; only values in one unit compare.
A value converts when its unit and the catalogue metric's canonical unit are of the same quantity
kind and both have a ``qudt:conversionMultiplier`` (for a ratio unit, when numerator and
denominator each do). Nothing converts across kinds: water printed in tonnes stays unconverted,
as cubic metres would need a density the report does not state.

Arithmetic is exact (fractions of the decimal multipliers). A result whose decimal expansion
ends is given in full; one that does not (GJ to MWh divides by 3.6) is rounded half-even three
digits below the converted precision, so rounding never reaches the digits the report printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

from rdflib import URIRef

from kg.vocab.catalogue import CatalogueMetric
from kg.vocab.names import local_name
from kg.vocab.units import Units

_GUARD_DIGITS = 3


@dataclass(frozen=True)
class Converted:
    """A value in the canonical unit, and whether the conversion is exact."""

    value: Decimal
    unit: URIRef
    unit_key: str
    exact: bool


def _kinds(units: Units, key: str) -> tuple[URIRef, ...] | None:
    """The quantity kinds of a unit: one, or a ratio unit's numerator's and denominator's."""
    if key in units.units:
        return (units.units[key].quantity_kind,)
    parts = units.ratio(key)
    if parts is None or parts[0] not in units.units or parts[1] not in units.units:
        return None
    return units.units[parts[0]].quantity_kind, units.units[parts[1]].quantity_kind


def _terminates(fraction: Fraction) -> bool:
    den = fraction.denominator
    for prime in (2, 5):
        while den % prime == 0:
            den //= prime
    return den == 1


def _decimal(fraction: Fraction, quantum: Decimal | None = None) -> Decimal:
    """``fraction`` as a Decimal: exact when it terminates, else rounded to ``quantum``."""
    with localcontext() as ctx:
        ctx.prec = 200
        value = Decimal(fraction.numerator) / Decimal(fraction.denominator)
        return value if quantum is None else value.quantize(quantum, rounding=ROUND_HALF_EVEN)


def to_canonical(
    units: Units, value: Decimal, precision: Decimal, unit_key: str, metric: CatalogueMetric
) -> Converted | None:
    """``value`` (printed in ``unit_key`` to ``precision``) in ``metric``'s canonical unit, or None
    when the units are of different kinds or either lacks a conversion multiplier."""
    if metric.canonical_unit is None:
        return None
    target = local_name(metric.canonical_unit)
    printed_kinds, target_kinds = _kinds(units, unit_key), _kinds(units, target)
    if printed_kinds is None or printed_kinds != target_kinds:
        return None
    source_factor, target_factor = units.multiplier(unit_key), units.multiplier(target)
    if source_factor is None or target_factor is None:
        return None
    factor = Fraction(source_factor) / Fraction(target_factor)
    exact_value, exact_precision = Fraction(value) * factor, Fraction(precision) * factor
    if _terminates(exact_value):
        return Converted(_decimal(exact_value), metric.canonical_unit, target, True)
    scale = _decimal(exact_precision, Decimal("1e-30")).adjusted() if exact_precision else 0
    quantum = Decimal(1).scaleb(scale - _GUARD_DIGITS)
    return Converted(_decimal(exact_value, quantum), metric.canonical_unit, target, False)
