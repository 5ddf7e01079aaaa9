"""Reading order of PDF text extractors on the printed two-column page and the table page.

Run: python benchmarks/pdf_reading_order.py
For each extractor, on the sample report's two-column page (tests/support/pdfs.py: a heading
across the page, two paragraphs in each column, a paragraph across the page) and its KPI table
page (two- and three-cell rows, labels far left of right-aligned figures), prints how many of
the expected paragraphs and table rows come out whole and in order, and whether table cells
stay on one line. The extractors: pdfminer.six's extract_text with its default layout analysis
(boxes_flow 0.5) and without box ordering, pdfplumber's extract_text on the whole page and
cropped to the page's left and right halves (when pdfplumber is installed: pip install
pdfplumber), and csr-kg's own (pdfminer.six lines ordered by kg.ingest.layout).
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.pdfs import COLUMNS_PAGE, TABLE_PAGE, Spec, page_text, write_pdf  # after the path above


def _expected(blocks: tuple) -> list[str]:
    return [" ".join(item.split()) for item in page_text(blocks).replace("\n\n", "\n").split("\n")]


def _in_order(text: str, items: list[str]) -> tuple[int, int]:
    """(items found whole, the longest run of them found in the right order)."""
    flat = " ".join(text.split())
    positions = [flat.find(item) for item in items]
    found = [p for p in positions if p >= 0]
    best: list[int] = []  # longest increasing subsequence of positions, O(n^2) for a handful
    for index, position in enumerate(found):
        best.append(1 + max((best[j] for j in range(index) if found[j] < position), default=0))
    return len(found), max(best, default=0)


def _rows_on_one_line(text: str, rows: list[str]) -> int:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return sum(row in lines for row in rows)


def pdfminer_default(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def pdfminer_no_boxes(path: Path) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    return extract_text(str(path), laparams=LAParams(boxes_flow=None))


def pdfplumber_page(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfplumber_halves(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        parts = []
        for page in pdf.pages:
            middle = page.width / 2
            for box in ((0, 0, middle, page.height), (middle, 0, page.width, page.height)):
                parts.append(page.crop(box).extract_text() or "")
        return "\n".join(parts)


def csr_kg(path: Path) -> str:
    from kg.ingest.draft import read_source

    return read_source(path).text


def main() -> int:
    extractors: list[tuple[str, Callable[[Path], str]]] = [
        ("pdfminer.six extract_text (boxes_flow=0.5)", pdfminer_default),
        ("pdfminer.six extract_text (boxes_flow=None)", pdfminer_no_boxes),
    ]
    try:
        import pdfplumber  # noqa: F401

        extractors += [("pdfplumber page", pdfplumber_page), ("pdfplumber cropped to halves", pdfplumber_halves)]
    except ImportError:
        print("pdfplumber not installed: its rows are left out (pip install pdfplumber)")
    extractors.append(("csr-kg (pdfminer.six lines + kg.ingest.layout)", csr_kg))
    with tempfile.TemporaryDirectory() as tmp:
        pages = {
            "two-column page": (COLUMNS_PAGE, write_pdf(Spec(pages=(COLUMNS_PAGE,)), Path(tmp) / "columns.pdf")),
            "table page": (TABLE_PAGE, write_pdf(Spec(pages=(TABLE_PAGE,)), Path(tmp) / "table.pdf")),
        }
        print(f"{'extractor':48} {'page':16} {'whole':>6} {'in order':>9} {'rows on a line':>15} {'seconds':>8}")
        for name, extract in extractors:
            for label, (blocks, path) in pages.items():
                expected = _expected(blocks)
                rows = [" ".join(r.split()) for r in page_text(blocks).split("\n") if "\t" in r]
                start = time.perf_counter()
                text = re.sub(r"(?<=\w)-\n(?=\w)", "", extract(path))
                seconds = time.perf_counter() - start
                whole, ordered = _in_order(text, expected)
                on_line = f"{_rows_on_one_line(text, rows)}/{len(rows)}" if rows else "-"
                print(
                    f"{name:48} {label:16} {whole:>3}/{len(expected):<2} {ordered:>6}/{len(expected):<2} "
                    f"{on_line:>15} {seconds:8.2f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
