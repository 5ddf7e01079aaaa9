"""A line broken early before a long name ("... in accordance with the" over "Harbour Building
Energy Code"): it ends on a word no sentence ends on, or on a comma, and the paragraph goes on."""

from __future__ import annotations

from kg.ingest.prose import prose_view

FILLER = (
    "The Group runs its depots under an environmental management system that covers\n"
    "every site, and each depot reports its energy, water and waste data to the head\n"
    "office every month, so that the figures in this report can be traced to source.\n"
)
EARLY = (
    "Our depots are designed in accordance with the\n"
    "Harbour Building Energy Code and are audited each year by our Chief Engineer,\n"
    "Mr. Lee Tak-ming, who reports to the Board.\n"
)
HEADING = "Energy and the\n\nWater\n"


def test_a_line_broken_before_a_name_joins_the_next() -> None:
    view = prose_view(FILLER + "\n" + EARLY)
    assert (
        "in accordance with the Harbour Building Energy Code and are audited each year by our Chief Engineer, "
        "Mr. Lee Tak-ming, who reports" in view.text
    )


def test_a_blank_line_still_ends_the_paragraph() -> None:
    view = prose_view(FILLER + "\n" + HEADING)
    assert view.text.endswith("Energy and the\n\nWater\n")
