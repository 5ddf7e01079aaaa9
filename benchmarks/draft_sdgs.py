"""SDG links and printed KPI codes drafted from curated claims' quotes, against the curators' own.

Run as ``python benchmarks/draft_sdgs.py [FOLDER]``. For every curated claim the quote is read by
kg.drafting.sdgs.sdg_links (with the types of the entities the claim is about) and the (claim,
goal) pairs compared with the curated ``sdgs:``; stated and inferred links are counted apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from kg.drafting.sdgs import sdg_links

ROOT = Path(__file__).resolve().parents[1]


def main(folder: Path) -> None:
    sheets = [yaml.safe_load(p.read_text(encoding="utf-8")) or {} for p in sorted((folder / "claims").glob("*.yaml"))]
    types = {e["id"]: e["type"] for s in sheets for e in s.get("entities") or []}
    curated, drafted = set(), set()
    for sheet in sheets:
        for claim in sheet.get("claims") or []:
            about = [types[i] for i in claim.get("about", ()) if i in types]
            curated |= {(claim["id"], s["goal"], s["basis"]) for s in claim.get("sdgs", ())}
            drafted |= {(claim["id"], s.goal, s.basis) for s in sdg_links(claim["quote"], about)}
    pairs = lambda found: {(c, g) for c, g, _ in found}  # noqa: E731
    right = pairs(curated) & pairs(drafted)
    print(f"== {folder.name}: curated links {len(pairs(curated))}, drafted {len(pairs(drafted))}, same {len(right)}")
    for basis in ("stated", "inferred"):
        mine = {(c, g) for c, g, b in drafted if b == basis}
        print(f"   drafted {basis}: {len(mine)}, of which curated {len(mine & pairs(curated))}")
    recall, precision = len(right) / max(1, len(pairs(curated))), len(right) / max(1, len(pairs(drafted)))
    print(f"   recall {recall:.1%}, precision {precision:.1%}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "kg/reports/xiaomi-2019")
