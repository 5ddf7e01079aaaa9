"""Recall and precision of the entity recogniser against hand-made entity lists.

Run as ``python benchmarks/draft_entities.py [FOLDER ...]``. A folder is a report folder
(report.txt + claims/*.yaml, whose ``entities:`` are the reference) or a development fixture
(report.txt + expected.yaml listing the expected mentions). An expected entity is found when a
drafted entity carries one of its labels (English, alternative or Chinese), compared without case,
article, quotes or plural; a drafted entity is right when it is one of the expected ones. A curated
sheet lists what its curators cared to name, not every name, so precision against it is a floor.
Prints the figures per type and the misses.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from kg.drafting.entities import _key, entity_mentions, resolve_aliases

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "kg/reports/xiaomi-2019", *sorted((ROOT / "tests/fixtures/draft-dev-entities").glob("*/"))]


def expected_entities(folder: Path) -> list[dict]:
    """The reference entities of a report folder or a fixture (organisations' self names included)."""
    if (folder / "expected.yaml").is_file():
        return yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))["entities"]
    found = []
    for sheet in sorted((folder / "claims").glob("*.yaml")):
        found.extend((yaml.safe_load(sheet.read_text(encoding="utf-8")) or {}).get("entities") or [])
    return [e for e in found if e["type"] not in ("MaterialIssue", "StakeholderGroup")]


FIELDS = ("organiser", "unit_of", "label_zh", "jurisdiction", "cap", "role")


def measure(folder: Path) -> tuple[Counter, Counter, Counter, list[str], list[str], Counter]:
    text = (folder / "report.txt").read_text(encoding="utf-8")
    company = (yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8")) or {}).get("company", "company")
    mentions = entity_mentions(text)
    ids = resolve_aliases(mentions, company)
    drafted: dict[str, set[str]] = {}
    types: dict[str, str] = {}
    fields: dict[str, dict[str, set[str]]] = {}
    for mention in mentions:
        if mention.label in ids:
            ident = ids[mention.label]
            drafted.setdefault(ident, set()).update(k for k in (_key(mention.label), mention.label_zh) if k)
            types.setdefault(ident, mention.type)
            for name in FIELDS:
                if getattr(mention, name):
                    value = getattr(mention, name)
                    value = value if name in ("unit_of", "organiser") else _key(value)
                    fields.setdefault(ident, {}).setdefault(name, set()).add(value)
    wanted = expected_entities(folder)
    found, total, right, checks = Counter(), Counter(), Counter(), Counter()
    misses, wrong = [], []
    matched: set[str] = set()
    for entity in wanted:
        keys = {_key(label) for label in (entity["label"], *entity.get("alt_labels", ()))}
        keys |= {entity["label_zh"]} if entity.get("label_zh") else set()
        total[entity["type"]] += 1
        hits = [ident for ident, labels in drafted.items() if labels & keys]
        if hits:
            found[entity["type"]] += 1
            matched.update(hits)
            checks["type right"] += any(types[h] == entity["type"] for h in hits)
            for name in FIELDS:
                if entity.get(name):
                    checks[f"{name} expected"] += 1
                    got = set().union(*(fields.get(h, {}).get(name, set()) for h in hits))
                    if name in ("unit_of", "organiser"):
                        # Compared as entity ids: sheets name them by id; a unit with no owner printed is the company's.
                        got_ids = {ids.get(label, label) for label in got} or (
                            {company} if name == "unit_of" else set()
                        )
                        named = next((e for e in wanted if entity[name] in (e.get("id"), e["label"])), None)
                        keys = {
                            _key(x)
                            for x in (entity[name], *((named["label"], *named.get("alt_labels", ())) if named else ()))
                        }
                        checks[f"{name} right"] += ids.get(entity[name], entity[name]) in got_ids or any(
                            _key(label) in keys for label in got
                        )
                    else:
                        checks[f"{name} right"] += _key(entity[name]) in got
        else:
            misses.append(f"{entity['type']}: {entity['label']}")
    for ident, type_ in types.items():
        if ident in matched:
            right[type_] += 1
        else:
            wrong.append(f"{type_}: {ident}")
    drafted_by_type = Counter(types.values())
    precision = Counter({t: (right[t], n) for t, n in drafted_by_type.items()})
    return found, total, precision, misses, wrong, checks


def main(folders: list[Path]) -> None:
    for folder in folders:
        found, total, precision, misses, wrong, checks = measure(folder)
        right = sum(r for r, _ in precision.values())
        drafted = sum(n for _, n in precision.values())
        print(
            f"== {folder.name}: recall {sum(found.values())}/{sum(total.values())} = "
            f"{sum(found.values()) / max(1, sum(total.values())):.1%}, precision {right}/{drafted} = "
            f"{right / max(1, drafted):.1%}"
        )
        print(
            f"   type right for {checks['type right']}/{sum(found.values())} found; fields right: "
            + ", ".join(
                f"{n} {checks[n + ' right']}/{checks[n + ' expected']}" for n in FIELDS if checks[n + " expected"]
            )
        )
        for type_ in sorted(total):
            print(f"   {type_:<14} recall {found[type_]}/{total[type_]}")
        print("   misses:", *misses[:200], sep="\n     ")
        print("   not in the reference:", *wrong[:200], sep="\n     ")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or DEFAULT)
