"""Labels a table of measures over staff groups composes ("Turnover: Drivers", "Training: Share
trained: Women", "Employees by category: Men") read as the workforce metrics they measure; the
same words in money are no workforce metric."""

from __future__ import annotations

import pytest

from kg.vocab.catalogue import match_metric


@pytest.mark.parametrize(
    ("label", "unit", "notation"),
    [
        ("Turnover: Female", "PERCENT", "turnover-rate-female"),
        ("Turnover, aged under 30", "PERCENT", "turnover-rate-under-30"),
        ("Share trained: Male", "PERCENT", "employees-trained-share-male"),
        ("Percentage trained: Middle management", "PERCENT", "employees-trained-share-middle-management"),
        ("Training: Average hours: Female", "HR", "training-hours-average-female"),
        ("Employees by category: Female", "NUM", "employees-female"),
        ("Staff by group: Aged over 50", "NUM", "employees-over-50"),
        ("Employees by category: Macau head office", "NUM", "employees-in-region"),
        ("Turnover: Shenzhen office", "PERCENT", "turnover-rate-in-region"),
    ],
)
def test_staff_measure_labels(label: str, unit: str, notation: str) -> None:
    match = match_metric(label, unit)
    assert match is not None and match.notation == notation


def test_turnover_in_money_is_no_workforce_metric() -> None:
    assert match_metric("Turnover", "HKD") is None
    assert match_metric("Average hours: Female", "HR") is None  # hours of what, the label does not say
    assert match_metric("Employees: Head office", "NUM") is None  # an office, in no place the label names
