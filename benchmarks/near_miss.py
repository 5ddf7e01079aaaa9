"""Print how long explaining a quote that does not anchor takes on a long report text.

Run: python benchmarks/near_miss.py [--size KB] [--repeat N]
The bundled report text is repeated up to ``--size`` kilobytes, and quotes of each failure kind
(curly quote, line break, changed word, no match at all) are explained against it: the cost a
curator pays once per broken quote, bounded by a few linear scans of the text.
"""

from __future__ import annotations

import argparse
import statistics
import time

from kg.ingest.near_miss import near_miss
from kg.vocab.data import bundled_reports

QUOTES = {
    "curly quote": "Xiaomi\u2019s investment in R&D reached approximately RMB7.5 billion.",
    "changed word": "In 2019, Xiaomi's investment in R&D reached approximately RMB7.6 billion.",
    "misspelt words": "In 2019, Xiaomis investmnt in R&D reachd approximatly RMB7.5 bilion.",
    "no match": "nothing of this sentence appears in any report text: zebra quokka axolotl",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=300, help="text size in kB (the bundled text repeated)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per quote (median is printed)")
    args = parser.parse_args()
    one = (bundled_reports()[0] / "report.txt").read_text(encoding="utf-8")
    text = (one * (args.size * 1000 // len(one) + 1))[: args.size * 1000]
    print(f"text: {len(text)} characters")
    for name, quote in QUOTES.items():
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            why = near_miss(text, quote)
            times.append(time.perf_counter() - start)
        print(f"{name:15} {statistics.median(times) * 1000:7.1f} ms  {why[:90]}")


if __name__ == "__main__":
    main()
