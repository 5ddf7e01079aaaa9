"""Time drafting the claims of a 100-page report: segmenting, reading figures, entities, kinds, the sheet.

Run: python benchmarks/draft_claims.py [--pages N] [--repeat R]
The report is plain text: the three development fixtures of tests/fixtures/draft-dev/ (each some
two pages of prose, bullets, highlight boxes and tables), one after another with form feeds between
pages, over and over until it has N pages (default 100). Printed: the seconds of the best of R runs
of :func:`kg.drafting.assembler.draft_sheet` (the claims/drafted.yaml text included), per page, the
first run (which also parses the ontology and the metric catalogue, once per process), and the
claims and figures it drafted. Target: under 10 s for 100 pages on the 2-core machine. Reading
a PDF is measured by benchmarks/pdf_draft.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.drafting.assembler import draft_sheet  # after the path above
from kg.ingest.pages import form_feed_pages
from kg.ingest.text import ReportText

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "draft-dev"
PAGE = 3000  # characters of a printed report page of prose


def report(pages: int) -> str:
    """A text of ``pages`` pages of about PAGE characters, cut at paragraph ends."""
    paragraphs = [p for path in sorted(FIXTURES.glob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n\n")]
    out: list[str] = []
    page: list[str] = []
    size = 0
    i = 0
    while len(out) < pages:
        paragraph = paragraphs[i % len(paragraphs)]
        page.append(paragraph)
        size += len(paragraph)
        i += 1
        if size >= PAGE:
            out.append("\n\n".join(page))
            page, size = [], 0
    return "\f".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = report(args.pages)
    source = ReportText(Path("report.txt"), text, form_feed_pages(text))
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        drafted = draft_sheet(source, 2022, "reporter")
        drafted.sheet()
        times.append(time.perf_counter() - start)
    best = min(times)
    print(
        f"{args.pages} pages ({len(text)} characters): {best:.2f} s, {best / args.pages * 1000:.0f} ms a page "
        f"(first run, loading the ontology and catalogue: {times[0]:.2f} s); "
        f"{len(drafted.claims)} claims, {drafted.observations} figures"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
