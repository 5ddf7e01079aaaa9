"""The number recogniser: scale words, qualifiers, units, percentages, and what is not a quantity."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.ingest.quantities import Recogniser
from kg.vocab.units import load_units


@pytest.fixture(scope="module")
def rec() -> Recogniser:
    return Recogniser(load_units().lexicon)


@pytest.mark.parametrize(
    ("surface", "value", "unit", "qualifier"),
    [
        ("approximately RMB7.5 billion", Decimal("7500000000"), "CNY", "approximately"),
        ("RMB100 million", Decimal("100000000"), "CNY", None),
        ("INR7.665 million", Decimal("7665000"), "INR", None),
        ("INR1,500,000", Decimal("1500000"), "INR", None),
        ("MOP7.25 million", Decimal("7250000"), "MOP", None),
        ("MOP$ 850,000", Decimal("850000"), "MOP", None),
        ("58%", Decimal("58"), "PERCENT", None),
        ("more than 180.6%", Decimal("180.6"), "PERCENT", "over"),
        ("over 33,000", Decimal("33000"), None, "over"),
        ("Nearly 100", Decimal("100"), None, "nearly"),
        ("almost 3,000", Decimal("3000"), None, "nearly"),
        ("up to 40%", Decimal("40"), "PERCENT", "up-to"),
        ("within 24 hours", Decimal("24"), "HR", "up-to"),
        ("at most 3 times", Decimal("3"), "NUM", "up-to"),
        ("34.1 billion times", Decimal("34100000000"), "NUM", None),
        ("250kg", Decimal("250"), "KiloGM", None),
        ("4000mAh", Decimal("4000"), "MilliA-HR", None),
        ("1.78-inch", Decimal("1.78"), "IN", None),
        ("69 Minutes", Decimal("69"), "MIN", None),
        ("22,782.26", Decimal("22782.26"), None, None),
    ],
)
def test_parse_quantities(
    rec: Recogniser, surface: str, value: Decimal, unit: str | None, qualifier: str | None
) -> None:
    m = rec.parse(surface)
    assert (m.value, m.unit, m.qualifier, m.surface) == (value, unit, qualifier, surface)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Complete the audit within 2021.", []),
        ("ranked within 5 of its peers", [("5", None)]),
        ("relief arrived within 3 days of the flood", [("within 3 days", "up-to")]),
        ("spent within RMB2 million", [("within RMB2 million", "up-to")]),
    ],
)
def test_within_bounds_a_quantity_only_with_a_unit_or_scale(
    rec: Recogniser, text: str, found: list[tuple[str, str | None]]
) -> None:
    """A bare number after "within" is no bounded quantity: a year is a deadline, a rank no amount."""
    assert [(m.surface, m.qualifier) for m in rec.quantities(text)] == found


def test_scale_word_keeps_printed_number(rec: Recogniser) -> None:
    m = rec.parse("RMB7.5 billion")
    assert (m.number, m.scale, m.value) == (Decimal("7.5"), "billion", Decimal("7500000000"))


def test_cjk_text_around_figures(rec: Recogniser) -> None:
    text = "小米捐赠了RMB22 million，约“小愛同學”被喚醒34.1 billion times。"
    found = rec.quantities(text)
    assert [(m.surface, m.value) for m in found] == [
        ("RMB22 million", Decimal("22000000")),
        ("34.1 billion times", Decimal("34100000000")),
    ]
    assert [text[m.start : m.end] for m in found] == [m.surface for m in found]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In 2019, we grew.", "year"),
        ("As of December 31, 2019, we had", "date"),
        ("On July 1st, 2019, it launched", "date"),
        ("the 40th Anniversary", "ordinal"),
        ("certified to ISO 27001 in", "identifier"),
        ("the first 5G phone", "identifier"),
        ("Direct GHG emissions (Scope 1) (tons)", "identifier"),
        ("\n2.1 Quality Management\n", "enumerator"),
        ("\n(1) Poverty alleviation\n", "enumerator"),
        ('\n1. "Selected Participants" refer to', "enumerator"),
        ("\n[3] Data cover the head office only.\n", "enumerator"),  # a note's marker under a table
    ],
)
def test_non_quantities(rec: Recogniser, text: str, kind: str) -> None:
    kinds = [m.kind for m in rec.mentions(text)]
    assert kinds[0] == kind


@pytest.mark.parametrize("text", ["MIUI11 added", "Redmi K30 5G", "the 64MP+2MP camera is 5G"])
def test_digits_inside_names_are_no_bare_counts(rec: Recogniser, text: str) -> None:
    assert all(m.unit for m in rec.quantities(text))


def test_storage_sizes_are_quantities(rec: Recogniser) -> None:
    found = rec.quantities("features a 2GB+32GB storage")
    assert [(m.surface, m.value, m.unit) for m in found] == [("2GB", 2, "GigaBYTE"), ("32GB", 32, "GigaBYTE")]


def test_parse_rejects_more_than_one_figure(rec: Recogniser) -> None:
    with pytest.raises(ValueError, match="not a single printed quantity"):
        rec.parse("20,000 orders, 48,000 messages")


def test_unit_of_a_word_is_not_taken_from_inside_another(rec: Recogniser) -> None:
    # "W" is the watt, but not the first letter of "with".
    (m,) = rec.quantities("27 with")
    assert (m.surface, m.unit) == ("27", None)


# ---------------------------------------------------------------- text hygiene: CJK and typeset numbers


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Full-width digits are the numbers they print; the surface keeps them as printed.
        ("用水１２０３０立方米", [("１２０３０", Decimal("12030"), None)]),
        ("增长１２．５％。", [("１２．５％", Decimal("12.5"), "PERCENT")]),
        ("约RMB１．２ billion", [("RMB１．２ billion", Decimal("1200000000"), "CNY")]),
        # The ideographic comma and full stop end a figure; they never group or point its digits.
        ("共５，１２３名员工。", [("５", Decimal("5"), None), ("１２３", Decimal("123"), None)]),
        ("减少５。３个百分点", [("５", Decimal("5"), None), ("３", Decimal("3"), None)]),
        # No-break, narrow no-break and thin spaces group digits; a plain space does not.
        ("1\u00a0234\u00a0567 tonnes", [("1\u00a0234\u00a0567 tonnes", Decimal("1234567"), "TONNE")]),
        ("1\u202f234\u202f567", [("1\u202f234\u202f567", Decimal("1234567"), None)]),
        ("1\u2009234\u2009567.25 kWh", [("1\u2009234\u2009567.25 kWh", Decimal("1234567.25"), "KiloW-HR")]),
        ("5 123 tonnes", [("5", Decimal("5"), None), ("123 tonnes", Decimal("123"), "TONNE")]),
        # One number, one separator: a switch of separator, or a group that is not three digits, ends it.
        ("1,234\u2009567", [("1,234", Decimal("1234"), None), ("567", Decimal("567"), None)]),
        ("5%\u00a0123 tonnes", [("5%", Decimal("5"), "PERCENT"), ("123 tonnes", Decimal("123"), "TONNE")]),
        ("5\u00a01234 tonnes", [("5", Decimal("5"), None), ("1234 tonnes", Decimal("1234"), "TONNE")]),
        ("100\u00a0kWh", [("100\u00a0kWh", Decimal("100"), "KiloW-HR")]),
    ],
)
def test_cjk_and_typeset_numbers(rec: Recogniser, text: str, found: list[tuple[str, Decimal, str | None]]) -> None:
    quantities = rec.quantities(text)
    assert [(m.surface, m.value, m.unit) for m in quantities] == found
    assert [text[m.start : m.end] for m in quantities] == [m.surface for m in quantities]


@pytest.mark.parametrize(("text", "kind"), [("２０１９年", "year"), ("the first ５G phone", "identifier")])
def test_full_width_digits_are_classified_like_ascii_ones(rec: Recogniser, text: str, kind: str) -> None:
    assert [m.kind for m in rec.mentions(text)] == [kind]


def test_digits_of_other_scripts_are_not_read(rec: Recogniser) -> None:
    # Arabic-Indic digits: not a form reports in scope print, and not silently valued.
    assert list(rec.mentions("\u0661\u0662\u0663 tonnes")) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # What a day or an hour is of may stand between the number and the unit.
        ("The injuries cost 1,146 lost days.", [("1,146 lost days", "DAY")]),
        ("Each new nurse receives 40 training hours.", [("40 training hours", "HR")]),
        ("We lost 12 parcels.", [("12", None)]),
        # Hours per person are an average of hours; anything else per person is an intensity.
        ("Training averaged 24.5 hours per employee.", [("24.5 hours", "HR")]),
        ("Drivers logged 6 hours/employee of coaching.", [("6 hours", "HR")]),
        ("Offices used 3.2 kWh per employee.", [("3.2 kWh per employee", "KiloW-HR-PER-EMPLOYEE")]),
        # A heading on the line before is no identifier word of the figure below it.
        ("OUR YEAR\n8,214\nmeals served", [("8,214", None)]),
    ],
)
def test_time_modifiers_per_person_averages_and_figures_below_headings(
    rec: Recogniser, text: str, found: list[tuple[str, str | None]]
) -> None:
    assert [(m.surface, m.unit) for m in rec.quantities(text)] == found


def test_a_time_per_head_keeps_its_whole_printing_as_a_ratio_reading(rec: Recogniser) -> None:
    """Claim sheets written before times per head were read as averages name the whole printing;
    the loader finds it as this reading, with its ratio unit, so those sheets still load."""
    (found,) = rec.quantities("Training averaged 24.5 hours per employee.")
    assert (found.surface, found.unit, found.value) == ("24.5 hours", "HR", Decimal("24.5"))
    assert found.per_head is not None
    whole = found.per_head
    assert (whole.surface, whole.unit, whole.value, whole.start) == (
        "24.5 hours per employee",
        "HR-PER-EMPLOYEE",
        Decimal("24.5"),
        found.start,
    )
    (intensity,) = rec.quantities("Offices used 3.2 kWh per employee.")
    assert intensity.per_head is None


def test_lengths_land_and_speeds(rec: Recogniser) -> None:
    found = [(m.surface, m.unit) for m in rec.mentions("We inspected 12,480 km of mains and restored 35 hectares.")]
    assert found == [("12,480 km", "KiloM"), ("35 hectares", "HA")]
    # A speed limit is a speed, not a distance; a mass per kilometre is an intensity.
    assert [(m.surface, m.unit) for m in rec.mentions("Buses keep to 60 km/h; trucks emit 0.9 kg per km.")] == [
        ("60 km/h", "KiloM-PER-HR"),
        ("0.9 kg per km", "KiloGM-PER-KiloM"),
    ]
    # Ships sail nautical miles at knots: a distance and a speed of their own units.
    found = [(m.surface, m.value, m.unit) for m in rec.mentions("Tugs sailed 1.2 million nautical miles at 9.5 knots.")]
    assert found == [("1.2 million nautical miles", Decimal(1200000), "MI_N"), ("9.5 knots", Decimal("9.5"), "KN")]


def test_a_percentage_per_something_is_a_percentage(rec: Recogniser) -> None:
    # "by 4.6% per kilometre": a rate per kilometre changed by 4.6%; no unit "per cent per km".
    found = [(m.surface, m.unit) for m in rec.mentions("Fuel use fell by about 4.6% per kilometre driven.")]
    assert found == [("about 4.6%", "PERCENT")]


def test_scale_abbreviations_glued_to_a_figure(rec: Recogniser) -> None:
    text = "Sales were HK$2.4bn and costs RMB310m; we moved 1.5m tonnes and 2bn litres on a 400m quay."
    found = [(m.surface, m.value, m.unit, m.scale) for m in rec.quantities(text)]
    assert found == [
        ("HK$2.4bn", Decimal("2400000000"), "HKD", "bn"),
        ("RMB310m", Decimal("310000000"), "CNY", "m"),
        ("1.5m tonnes", Decimal("1500000"), "TONNE", "m"),
        ("2bn litres", Decimal("2000000000"), "L", "bn"),
    ]  # "400m" before no unit word and after no currency is no million (a length, which is not read)
