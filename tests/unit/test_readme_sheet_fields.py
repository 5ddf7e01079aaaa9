"""The README's "Adding a report" reference names every field the sheet reader accepts."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from kg.ingest import sheet
from kg.ingest.yaml_safe import LINE_KEY
from kg.vocab.entity_types import sheet_types
from tests.support.paths import ROOT

MODELS = [
    sheet.ReportMeta,
    sheet.Curator,
    sheet.CompanyIdentifiers,
    sheet.SectorSpec,
    sheet.Sheet,
    sheet.EntitySpec,
    sheet.MetricSpec,
    sheet.ClaimSpec,
    sheet.ObservationSpec,
    sheet.SDGLink,
    sheet.StakeholderRowSpec,
    sheet.UncoveredSpec,
    sheet.TableNoteSpec,
    sheet.CorrectionSpec,
]


def _section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Adding a report\n", 1)[1].split("\n## ", 1)[0]


def test_every_sheet_model_is_listed() -> None:
    """A new model (a new part of a sheet) must be added to MODELS, and so to the README."""
    defined = {
        obj
        for obj in vars(sheet).values()
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == sheet.__name__
    }
    assert defined - {sheet._Entry} == set(MODELS)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    documented = set(re.findall(r"`([a-z_]+)`", _section()))
    fields = {name for name, info in model.model_fields.items() if info.alias != LINE_KEY}
    assert fields - documented == set()


def test_every_entity_type_is_documented() -> None:
    assert set(sheet_types()) <= set(re.findall(r"\b[A-Z][A-Za-z]+\b", _section()))
