"""Agreement of the claim-kind rules with curated claim sheets (``python benchmarks/draft_kinds.py [FOLDER]``).

Each curated claim's quote is read by kg.drafting.kinds.claim_kind and compared with the kind its
curators gave; prints overall agreement, a confusion count per curated kind, and sample misses.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from kg.drafting.kinds import claim_kind

ROOT = Path(__file__).resolve().parents[1]


def main(folder: Path) -> None:
    pairs = []
    for sheet in sorted((folder / "claims").glob("*.yaml")):
        for claim in (yaml.safe_load(sheet.read_text(encoding="utf-8")) or {}).get("claims") or []:
            pairs.append((claim["kind"], claim_kind(claim["quote"]), claim["quote"]))
    right = sum(1 for want, got, _ in pairs if want == got)
    print(f"== {folder.name}: {right}/{len(pairs)} = {right / max(1, len(pairs)):.1%} kinds agree")
    by_kind = Counter(want for want, _, _ in pairs)
    hits = Counter(want for want, got, _ in pairs if want == got)
    drafted = Counter(got for _, got, _ in pairs)
    for kind in sorted(by_kind):
        confused = Counter(got for want, got, _ in pairs if want == kind and got != kind).most_common(3)
        print(
            f"   {kind:<14} recall {hits[kind]}/{by_kind[kind]}, precision {hits[kind]}/{drafted[kind]}; "
            f"else {confused}"
        )
    for want, got, quote in [p for p in pairs if p[0] != p[1]][:25]:
        print(f"   {want} -> {got}: {quote[:110]!r}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "kg/reports/xiaomi-2019")
