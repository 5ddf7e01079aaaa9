"""The held-out reports (tests/fixtures/heldout/<name>/) and their hand-made gold lists.

Each folder holds ``report.txt`` (plain text as a PDF conversion prints it) and ``gold.yaml``,
written by reading the text, never by running csr-kg on it, so that the drafting rules are
measured on reports their authors have not seen (benchmarks/draft_accuracy.py). gold.yaml has:

- ``report``: ``company``, ``year``, ``standard`` (a reporting guide's notation) for
  ``csrkg draft``;
- ``figures``: every figure the report states: ``context`` (a verbatim snippet of the text
  holding it, unique in the text), ``figure`` as printed (inside the context), ``value`` (a
  decimal string, scale words applied; negative for a printed decrease; null for a cell printed
  "N/A"), ``unit`` (a unit key of ontology/units.ttl or a ratio key as
  kg.ingest.quantities.ratio_key composes it), ``period`` (YYYY, YYYY-MM-DD or START/END),
  optional ``baseline`` and ``qualifier``, ``kind`` (level, change or target), ``metric`` (a
  catalogue notation of ontology/metrics.ttl, or null when none fits) and ``kpis`` (codes of the
  report's guide);
- ``missing``: figures the text announces but does not print;
- ``traps``: digits that are no figures (dates, codes, page and section numbers ...);
- ``inconsistencies``: what the text gets wrong on purpose (``check``: total-of-parts,
  intensity or scope-label);
- ``entities``: ``label`` as printed, ``type`` (a sheet type of ontology/csr.ttl), ``aliases``,
  optional ``organiser`` (another entity's label);
- ``claims``: sampled sentences with their claim kind (a notation of ontology/claim-kinds.ttl),
  or null for a statement about the report itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from tests.support.paths import FIXTURES

HELDOUT = FIXTURES / "heldout"
# libyaml's parser where PyYAML has it: the gold lists are read when the test modules are
# collected (in every xdist worker), and PyYAML's pure-Python parser takes seconds on them.
_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
# Written blind (by someone who had not read the drafting rules) and never tuned on: the
# acceptance figures of drafting. Every other folder has been tuned on (ACCEPTANCE.md there).
ACCEPTANCE: frozenset[str] = frozenset({"sollway-2024", "songhe-2022", "lanshan-2024", "tiancheng-2023"})
FIGURE_KINDS = ("level", "change", "target")
CHECKS = ("total-of-parts", "intensity", "scope-label")


@dataclass(frozen=True)
class GoldFigure:
    context: str
    figure: str
    value: Decimal | None
    unit: str | None
    period: str
    kind: str
    metric: str | None
    kpis: tuple[str, ...]
    baseline: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class GoldEntity:
    label: str
    type: str
    aliases: tuple[str, ...]
    organiser: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class GoldClaim:
    context: str
    kind: str | None


@dataclass(frozen=True)
class GoldNote:
    """A missing figure, a trap or a planted inconsistency: where it is and what it is."""

    context: str
    what: str | None  # the trap's figure, the inconsistency's check, the missing figure's metric
    why: str | None = None


@dataclass(frozen=True)
class Gold:
    name: str
    folder: Path
    company: str
    year: int
    standard: str
    figures: tuple[GoldFigure, ...]
    entities: tuple[GoldEntity, ...]
    claims: tuple[GoldClaim, ...]
    missing: tuple[GoldNote, ...]
    traps: tuple[GoldNote, ...]
    inconsistencies: tuple[GoldNote, ...]

    @property
    def acceptance(self) -> bool:
        return self.name in ACCEPTANCE

    @property
    def text(self) -> str:
        return (self.folder / "report.txt").read_text(encoding="utf-8")


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def read_gold(folder: Path) -> Gold:
    """The gold list of one held-out report folder."""
    data = yaml.load((folder / "gold.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    meta = data["report"]
    figures = tuple(
        GoldFigure(
            context=f["context"],
            figure=str(f["figure"]),
            value=_decimal(f["value"]),
            unit=f["unit"],
            period=str(f["period"]),
            kind=f["kind"],
            metric=f["metric"],
            kpis=tuple(f["kpis"]),
            baseline=str(f["baseline"]) if f.get("baseline") else None,
            qualifier=f.get("qualifier"),
        )
        for f in data["figures"]
    )
    entities = tuple(
        GoldEntity(e["label"], e["type"], tuple(e.get("aliases") or ()), e.get("organiser")) for e in data["entities"]
    )
    return Gold(
        name=folder.name,
        folder=folder,
        company=meta["company"],
        year=int(meta["year"]),
        standard=meta["standard"],
        figures=figures,
        entities=entities,
        claims=tuple(GoldClaim(c["context"], c["kind"]) for c in data["claims"]),
        missing=tuple(GoldNote(m["context"], m.get("metric")) for m in data.get("missing") or ()),
        traps=tuple(GoldNote(t["context"], str(t["figure"]), t.get("why")) for t in data.get("traps") or ()),
        inconsistencies=tuple(
            GoldNote(i["context"], i["check"], i.get("note")) for i in data.get("inconsistencies") or ()
        ),
    )


def heldout_reports() -> list[Gold]:
    """Every held-out report, by folder name."""
    return [read_gold(folder) for folder in sorted(HELDOUT.iterdir()) if (folder / "gold.yaml").is_file()]
