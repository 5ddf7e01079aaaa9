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


def measure(folder: Path) -> tuple[Counter, Counter, Counter, list[str], list[str]]:
    text = (folder / "report.txt").read_text(encoding="utf-8")
    company = (yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8")) or {}).get("company", "company")
    mentions = entity_mentions(text)
    ids = resolve_aliases(mentions, company)
    drafted: dict[str, set[str]] = {}
    types: dict[str, str] = {}
    for mention in mentions:
        if mention.label in ids:
            ident = ids[mention.label]
            drafted.setdefault(ident, set()).update(k for k in (_key(mention.label), mention.label_zh) if k)
            types.setdefault(ident, mention.type)
    wanted = expected_entities(folder)
    found, total, right = Counter(), Counter(), Counter()
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
        else:
            misses.append(f"{entity['type']}: {entity['label']}")
    for ident, type_ in types.items():
        if ident in matched:
            right[type_] += 1
        else:
            wrong.append(f"{type_}: {ident}")
    drafted_by_type = Counter(types.values())
    return found, total, Counter({t: (right[t], n) for t, n in drafted_by_type.items()}), misses, wrong


def main(folders: list[Path]) -> None:
    for folder in folders:
        found, total, precision, misses, wrong = measure(folder)
        right = sum(r for r, _ in precision.values())
        drafted = sum(n for _, n in precision.values())
        print(f"== {folder.name}: recall {sum(found.values())}/{sum(total.values())} = "
              f"{sum(found.values()) / max(1, sum(total.values())):.1%}, precision {right}/{drafted} = "
              f"{right / max(1, drafted):.1%}")
        for type_ in sorted(total):
            print(f"   {type_:<14} recall {found[type_]}/{total[type_]}")
        print("   misses:", *misses[:60], sep="\n     ")
        print("   not in the reference:", *wrong[:60], sep="\n     ")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or DEFAULT)
