"""Methane escaping a gas network, a mine or a landfill ("fugitive methane") is a direct
(Scope 1) emission of that one gas, whether or not the label names the scope."""

from __future__ import annotations

import pytest

from kg.vocab.catalogue import match_metric


@pytest.mark.parametrize(
    "label", ["Fugitive methane from the pipeline network", "Scope 1: Fugitive methane", "Fugitive methane emissions"]
)
def test_fugitive_methane_is_scope_1_methane(label: str) -> None:
    match = match_metric(label, "TONNE")
    assert match is not None and match.notation == "ghg-scope-1-ch4"
