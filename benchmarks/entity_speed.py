"""Time the entity recogniser on 25, 50 and 100 pages, to show that its time grows with the text, no faster.

Run: python benchmarks/entity_speed.py [--pages 25 50 100] [--repeat R]
The text is the one benchmarks/draft_claims.py drafts (its development fixtures, page after page).
Printed for each length: the best of R runs of :func:`kg.drafting.entities.entity_mentions`
followed by :func:`kg.drafting.entities.resolve_aliases`, milliseconds a page, and the mentions
found. The gazetteer is loaded once before timing. A recogniser whose rules compare every name
with every other (overlaps, an award's organiser) shows as milliseconds a page growing with the
pages; a linear one keeps them about level.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.draft_claims import report  # after the path above
from kg.drafting.entities import entity_mentions, resolve_aliases
from kg.drafting.places import place_names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[25, 50, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    place_names()
    for pages in args.pages:
        text = report(pages)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            mentions = entity_mentions(text)
            resolve_aliases(mentions, "reporter")
            times.append(time.perf_counter() - start)
        best = min(times)
        print(
            f"{pages} pages ({len(text)} characters): {best:.2f} s, {1000 * best / pages:.0f} ms a page; "
            f"{len(mentions)} mentions"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
