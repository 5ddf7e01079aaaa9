"""What narrows a figure-table row: its own label's boundary words, and the notes that qualify it.

A table states one boundary for all its rows ("Unless otherwise specified, ... cover X"), but a
row may cover less. Two things say so:

* the row's label: an intensity printed as "<measure> in <where> per <denominator>" ("Energy use
  in stores per m²", "GHG emissions in offices per floor area") covers <where> only;
* a note below the table that defines the row. Notes with a marker on a row, column or cell are
  attached by :mod:`kg.ingest.figure_tables`; notes that carry no marker anywhere are attached by
  the curators (the sheet's ``table_notes``), each with the rows it qualifies, its rationale and,
  where the note narrows the rows' boundary, the note's own words for that boundary.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from kg.errors import InputError
from kg.ingest.figure_tables import FigureTable
from kg.ingest.model import Footnote, Observation, Report
from kg.ingest.sheet import TableNoteSpec

_NARROWED_INTENSITY = re.compile(r"^(?P<measure>.+?)\s+in\s+(?P<where>\S.*?)\s+per\s+(?P<denominator>\S.*)$", re.I)
TABLE_ORIGIN = "table:kpi:"


def label_boundary(label: str) -> str | None:
    """The boundary a row label narrows its table's to, as printed ("offices"), or None."""
    m = _NARROWED_INTENSITY.match(label)
    return m.group("where") if m else None


def attach_table_notes(report: Report, tables: list[FigureTable], specs: list[tuple[Path, TableNoteSpec]]) -> None:
    """Attach the curators' unmarked table notes to the rows they name, narrowing their boundary."""
    text = report.text.text
    for path, spec in specs:
        where = f"{path}:{spec.line}"
        found = [note for table in tables for note in table.notes.values() if spec.note in note.text.text]
        if len(found) != 1:
            how = "not found verbatim in" if not found else f"found in {len(found)} of"
            raise InputError(f"{where}: table note {spec.note[:60]!r} {how} the notes below the figure tables")
        note = found[0]
        if spec.boundary is not None and spec.boundary not in note.text.text:
            raise InputError(f"{where}: boundary {spec.boundary[:60]!r} is not words of note {note.marker}")
        if not spec.rationale.strip():
            raise InputError(f"{where}: a table note attached by the curators needs a rationale")
        line = text.count("\n", 0, note.text.start) + 1
        footnote = Footnote(note.marker, note.text.start, note.text.end, spec.rationale.strip(), f"line-{line}")
        assert text[footnote.start : footnote.end] == note.text.text
        for metric in spec.rows:
            if not _attach(report, metric, footnote, spec.boundary, where):
                raise InputError(f"{where}: {metric!r} is not the metric of a figure-table row")


def _attach(report: Report, metric: str, footnote: Footnote, boundary: str | None, where: str) -> bool:
    attached = False
    for claim in list(report.claims.values()):
        if not claim.origin.startswith(TABLE_ORIGIN):
            continue
        observations = list(claim.observations)
        for i, obs in enumerate(observations):
            if obs.metric != metric:
                continue
            observations[i] = _with_note(obs, footnote, boundary, where)
            attached = True
        report.claims[claim.id] = dataclasses.replace(claim, observations=tuple(observations))
    return attached


def _with_note(obs: Observation, footnote: Footnote, boundary: str | None, where: str) -> Observation:
    if any((n.start, n.end) == (footnote.start, footnote.end) for n in obs.notes):
        raise InputError(f"{where}: the figure {obs.surface!r} already carries this note")
    notes = (*obs.notes, footnote)
    return dataclasses.replace(obs, notes=notes, boundary=boundary if boundary is not None else obs.boundary)
