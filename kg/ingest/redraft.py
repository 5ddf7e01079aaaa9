"""``csrkg draft --update DIR``: draft a report folder's text again without losing what a person checked.

A drafted sheet is edited by people: they set ``review: reviewed`` on a claim they checked, or
``corrected`` after mending it (a claim without ``review`` is a person's too). Re-drafting
(after the drafter improved, say) must keep those
entries as they are, and must not draft their text again (it would come back as a second,
drafted claim of the same quote). So the new sheet is: every reviewed or corrected claim of the
old sheet, verbatim, with the old definitions of the entities and metrics it refers to; and the
fresh draft's claims whose text overlaps none of them, replacing the old drafted ones. Only
``claims/drafted.yaml`` is written (atomically); report.txt, report.yaml and the curated sheets
are read, never written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.drafting.assembler import SHEET, draft_sheet, sheet_yaml
from kg.errors import InputError
from kg.ingest.loader import text_path
from kg.ingest.sheet import check_sheet, read_meta
from kg.ingest.text import ReportText
from kg.ingest.yaml_safe import LINE_KEY, load_yaml
from kg.rdf.build import write_atomically

_ENTITY_REFS = ("unit_of", "parent", "organiser")
_METRIC_REFS = ("component_of", "intensity_of", "denominator")


@dataclass(frozen=True)
class Update:
    """What ``--update`` did: claims kept as a person left them, drafted claims written, old drafted ones gone."""

    path: Path
    kept: int
    drafted: int
    added: int  # drafted claims whose id the old sheet did not have
    removed: int  # drafted claims of the old sheet the new draft no longer has


def _plain(value: Any) -> Any:
    """A YAML value without the line numbers :func:`load_yaml` adds to every mapping."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _closure(start: set[str], table: dict[str, dict[str, Any]], refs: tuple[str, ...]) -> set[str]:
    """``start`` and every id of ``table`` reachable from it through ``refs``."""
    seen: set[str] = set()
    todo = sorted(start)
    while todo:
        ident = todo.pop()
        if ident in seen or ident not in table:
            continue
        seen.add(ident)
        todo.extend(ref for key in refs if isinstance(ref := table[ident].get(key), str))
    return seen


def _references(claim: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The entity ids and metric ids a sheet claim names."""
    entities = set(claim.get("about") or ())
    if claim.get("subject"):
        entities.add(claim["subject"])
    for targets in (claim.get("links") or {}).values():
        entities |= set(targets)
    metrics = {claim["missing_figure"]} if claim.get("missing_figure") else set()
    for obs in claim.get("observations") or ():
        metrics.add(obs["metric"])
        if obs.get("subject"):
            entities.add(obs["subject"])
    return entities, metrics


def update(folder: Path) -> Update:
    """Re-draft ``folder``'s text into its ``claims/drafted.yaml`` (see the module's docstring)."""
    meta = read_meta(folder)
    text = ReportText.read(text_path(folder, meta.text, meta.line))
    path = folder / SHEET
    old: dict[str, Any] = {}
    if path.is_file():
        data = load_yaml(path)
        check_sheet(data, path)  # a broken sheet is an error naming its line, not something to overwrite
        old = data or {}
    old_claims = old.get("claims") or []
    # Reviewed, corrected, or without a review status (a person's claim, as the loader reads it).
    kept_specs = [c for c in old_claims if c.get("review") != "drafted"]
    spans: list[tuple[int, int]] = []
    for claim in kept_specs:
        try:
            anchor = text.anchor(claim["quote"], claim.get("section"), claim.get("occurrence"))
        except (LookupError, KeyError) as exc:
            raise InputError(f"{path}:{claim[LINE_KEY]}: claim {claim['id']}: {exc.args[0]}") from None
        spans.append((anchor.start, anchor.end))
    kept = [_plain(c) for c in kept_specs]
    kept_ids = {c["id"] for c in kept}

    fresh = draft_sheet(text, meta.year, meta.company, meta.standard, fiscal_year_end=meta.fiscal_year_end)
    ordered: list[tuple[int, str, dict[str, Any]]] = [(s, c["id"], c) for (s, _), c in zip(spans, kept, strict=True)]
    drafted_ids: set[str] = set()
    for claim in fresh.claims:
        anchor = text.anchor(claim["quote"], None, claim.get("occurrence"))
        if claim["id"] in kept_ids or any(s < anchor.end and anchor.start < e for s, e in spans):
            continue
        ordered.append((anchor.start, claim["id"], claim))
        drafted_ids.add(claim["id"])

    entities, metrics = dict(fresh.entities), dict(fresh.metrics)
    old_entities = {e["id"]: _plain(e) for e in old.get("entities") or ()}
    old_metrics = {m["id"]: _plain(m) for m in old.get("metrics") or ()}
    wanted_entities: set[str] = set()
    wanted_metrics: set[str] = set()
    for claim in kept:
        named, measured = _references(claim)
        wanted_entities |= named
        wanted_metrics |= measured
    for ident in _closure(wanted_entities, old_entities, _ENTITY_REFS):
        entities[ident] = old_entities[ident]
    for ident in _closure(wanted_metrics, old_metrics, _METRIC_REFS):
        metrics[ident] = old_metrics[ident]

    claims = [claim for _, _, claim in sorted(ordered, key=lambda item: (item[0], item[1]))]
    write_atomically(path, sheet_yaml(entities, metrics, claims).encode("utf-8"))
    old_drafted = {c["id"] for c in old_claims if c.get("review") == "drafted"}
    return Update(path, len(kept), len(drafted_ids), len(drafted_ids - old_drafted), len(old_drafted - drafted_ids))
