"""Whether a line without figures under a table row is the rest of that row's label.

A report converted from PDF prints a long row label on two lines the way the PDF wraps it: the
figures stand on the first line, beside the label's first half, and its second half, often with
the unit in parentheses, stands alone on the next line::

    Diesel (standby         MWh   4,212   3,876
    generators)¹
    Lost-time injury rate         0.24    0.43
    (per 200,000 hours worked)

Such a line reads as a heading over the rows below it unless its own words or the row above say
that the label goes on: this module reads those signs from the two texts alone. The table reader
(:mod:`kg.ingest.figure_tables`) decides with them, and with the lines around (a table that
wraps one label wraps the others so).
"""

from __future__ import annotations

import re

# Words a label does not end on: the phrase they open goes on ("Renewable share of", "Scope 1:
# petrol in", "General office and", "Lost days due to").
_OPEN_WORD = re.compile(
    r"(?:^|\s)(?:of|in|and|or|for|per|to|the|by|with|from|at|on|as|due|including|excluding|under|over|than)$",
    re.I,
)
# A label cut after a hyphen ("fuel-"), a colon ("By region:"), a comma, a slash or an "&".
_OPEN_MARK = re.compile(r"[-–:,/&]$")
# A line that starts as no label does: in lower case ("consumption", "leakage", "per MWh of IT
# energy"), or with a parenthesis (the unit or a qualifier: "(MWh)", "(per employee)").
_CONTINUING_START = re.compile(r"^(?:[a-z]|\()")


def open_label(label: str) -> bool:
    """Whether a row label is cut short as printed: a parenthesis left open ("Diesel (standby"),
    or a last word or mark a label does not end on ("Renewable share of", "By region:")."""
    text = label.strip()
    return text.count("(") > text.count(")") or bool(_OPEN_WORD.search(text) or _OPEN_MARK.search(text))


def continues_label(label: str, line: str) -> bool:
    """Whether ``line``, printed alone under a row labelled ``label``, is that label's second line
    by the signs either text shows: the label is cut short (:func:`open_label`), or the line
    starts as no label does (lower case, a parenthesis), or closes a parenthesis it never opened
    ("vehicles)")."""
    text = line.strip()
    if not text:
        return False
    closes = text.find(")")
    unopened = closes >= 0 and "(" not in text[:closes]
    return open_label(label) or unopened or bool(_CONTINUING_START.match(text))
