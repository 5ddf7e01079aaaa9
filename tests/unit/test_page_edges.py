"""Running footers and headers of a form-fed text without a page map: a page's first or last line
repeated so on three pages or more, its page number changing, is furniture; lines inside a page are not."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.draft import text_source

FOOTER = "Acme Transit Ltd | Sustainability Report 2023 | {}"
PAGES = "\f".join(
    [
        "ACME TRANSIT LTD\nSustainability Report 2023\n",
        f"Our fleet ran 42 buses in 2023.\n{FOOTER.format(2)}\n",
        f"2. Safety\nWe recorded 4 injuries.\n\n{FOOTER.format(3)}\n",
        f"We trained 120 drivers.\nWe trained 120 drivers.\nWe trained 120 drivers.\n{FOOTER.format(4)}\n",
    ]
)


def _furniture(text: str) -> list[tuple[str, str]]:
    source = text_source(Path("report.txt"), text)
    return [(source.text[s.start : s.end], s.kind) for s in source.furniture]


def test_a_line_ending_three_pages_with_its_number_changing_is_a_running_footer() -> None:
    assert _furniture(PAGES) == [
        (FOOTER.format(2), "footer"),
        (FOOTER.format(3), "footer"),
        (FOOTER.format(4), "footer"),
    ]


def test_on_two_pages_only_or_without_form_feeds_nothing_is_furniture() -> None:
    assert _furniture(PAGES.rsplit("\f", 1)[0]) == []
    assert _furniture(PAGES.replace("\f", "\n")) == []
