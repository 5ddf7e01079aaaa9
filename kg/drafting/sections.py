"""The guide aspects of the report section each offset of the text is in, from its headings.

A report's sections follow its guide's aspects ("B8 Community investment", "Anti-corruption",
"Employment and labour standards"); kg.vocab.aspects reads which aspects a heading names. A
heading that names none ("Awards and recognition", "Targets", "Our people") ends the section
above it: what follows is not read as disclosed under the aspect before it. In a report that
numbers its headings ("5.2  Use of energy"), an unnumbered heading that names none ("Case study:
a rooftop farm", "Highlights of the year") is a sub-heading inside the numbered section above,
and stays on that section's aspects; one in capitals ("OUR PEOPLE") opens a section of its own.
A section may instead be on a disclosure of the guide that is no aspect ("3.1 Governance
structure", kg.vocab.aspects.heading_disclosure), read and carried to sub-headings alike.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from kg.vocab.aspects import heading_aspects, heading_disclosure

# A caption ("Table 2 Waste") titles a table inside a section; it opens no section of its own.
_CAPTION = re.compile(r"^(?:Table|Figure|Chart|Exhibit)\s+\d", re.I)
# A heading printed this often, page numbers aside, is a running head ("ACME ESG REPORT 2023 |
# Page 8"): it opens and ends no section.
RUNNING_HEAD = 3
_DIGITS = re.compile(r"\d+")
# A numbered heading ("5.", "5.2", "5.2.1" before its title), not a date ("20 June 2024").
_NUMBERED = re.compile(
    r"\d{1,2}(?:\.\d{1,2})*\.?\s+"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z]"
)


class Sections:
    """The aspects of the sections of one report text, by offset."""

    def __init__(self, headings: list[tuple[int, str]], standard: str | None) -> None:
        running = Counter(_DIGITS.sub("#", line) for _, line in headings)
        kept = [
            (start, line)
            for start, line in headings
            if not _CAPTION.match(line) and running[_DIGITS.sub("#", line)] < RUNNING_HEAD
        ]
        self.starts = [start for start, _ in kept]
        self.headings = [line for _, line in kept]
        self.aspects = []
        self.disclosures: list[str | None] = []
        numbered: tuple[str, ...] | None = None  # the aspects of the numbered heading above, if any
        disclosed: str | None = None  # the disclosure of the numbered heading above, if any
        # A report numbers its sections when some heading is numbered within another ("5.2"); a
        # numbered list of material issues set as headings ("1. Food safety") does not.
        outline = any(re.match(r"\d{1,2}\.\d{1,2}\b", line) for line in self.headings)
        for line in self.headings:
            aspects = heading_aspects(line, standard)
            disclosure = None if aspects else heading_disclosure(line, standard)
            if outline and _NUMBERED.match(line):
                numbered, disclosed = aspects, disclosure
            elif line.isupper():
                numbered = disclosed = None  # an unnumbered heading in capitals ("OUR PEOPLE") is a section's own
            elif not aspects and not disclosure and numbered is not None:
                aspects, disclosure = numbered, disclosed  # a sub-heading of the numbered section it is in
            self.aspects.append(aspects)
            self.disclosures.append(disclosure)

    def aspects_at(self, offset: int) -> tuple[str, ...]:
        """The aspect codes of the section ``offset`` is in ("Employment and labour standards":
        B1 and B4), none outside a section on an aspect."""
        i = bisect_right(self.starts, offset)
        return self.aspects[i - 1] if i else ()

    def disclosure_at(self, offset: int) -> str | None:
        """The code of the guide's disclosure that is no aspect ("governance-structure") the section
        ``offset`` is in is on, or None."""
        i = bisect_right(self.starts, offset)
        return self.disclosures[i - 1] if i else None

    def heading_at(self, offset: int) -> str:
        """The heading of the section ``offset`` is in ("" before the first)."""
        i = bisect_right(self.starts, offset)
        return self.headings[i - 1] if i else ""
