"""Compare sentence splitters on the drafting development fixtures: the rule splitter, pysbd, syntok.

Run: python benchmarks/segmenters.py
Each fixture of tests/fixtures/draft-dev/ has a gold list of its prose sentences (NAME.sentences,
one a line, checked by hand). The drafter's segmenter cuts the text into paragraphs (headings,
tables, bullets and highlight boxes apart); each splitter then splits the paragraphs, as printed
(a paragraph a line) and wrapped at 80 columns as PDF conversions print them. Printed per
splitter: sentences right (the gold's words, white space ignored), precision, recall, and the
seconds it takes for 100 copies of the three fixtures (about 100 pages of prose).
"""

from __future__ import annotations

import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.drafting.sentences import Segmenter, split_sentences  # after the path above
from kg.ingest.quantities import Recogniser
from kg.vocab.units import load_units

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "draft-dev"
Splitter = Callable[[str], list[tuple[int, int]]]


def pysbd_splitter() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> list[tuple[int, int]]:
        spans = []
        for span in segmenter.segment(text):
            body = span.sent.strip()
            if body:
                start = span.start + len(span.sent) - len(span.sent.lstrip())
                spans.append((start, start + len(body)))
        return spans

    return split


def syntok_splitter() -> Splitter:
    from syntok import segmenter

    def split(text: str) -> list[tuple[int, int]]:
        spans = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                last = sentence[-1]
                spans.append((sentence[0].offset, last.offset + len(last.value)))
        return spans

    return split


def wrapped(text: str) -> str:
    """Each long line wrapped at 80 columns, as a PDF conversion prints a paragraph."""
    return "\n".join(
        textwrap.fill(line, 80, break_on_hyphens=False) if len(line) > 80 else line for line in text.split("\n")
    )


def words(text: str) -> str:
    return " ".join(text.split())


def main() -> int:
    recogniser = Recogniser(load_units().lexicon)
    splitters = {"rule": split_sentences, "pysbd": pysbd_splitter(), "syntok": syntok_splitter()}
    texts = []
    for gold_path in sorted(FIXTURES.glob("*.sentences")):
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold = {words(line.replace("\\n", "\n")) for line in gold_path.read_text(encoding="utf-8").splitlines()}
        texts.append((text, gold))
        texts.append((wrapped(text), gold))
    print(f"{'splitter':8} {'right':>6} {'found':>6} {'gold':>6} {'precision':>9} {'recall':>7} {'s/100 pages':>11}")
    for name, splitter in splitters.items():
        segmenter = Segmenter(recogniser, splitter=splitter)
        right = found = total = 0
        for text, gold in texts:
            got = {words(u.text) for u in segmenter.units(text) if u.kind == "sentence"}
            right += len(got & gold)
            found += len(got)
            total += len(gold)
        body = "\n\n".join(text for text, _ in texts[::2]) * 100
        start = time.perf_counter()
        segmenter.units(body)
        seconds = time.perf_counter() - start
        print(f"{name:8} {right:6} {found:6} {total:6} {right / found:9.3f} {right / total:7.3f} {seconds:11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
