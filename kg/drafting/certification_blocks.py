"""Where a report lists the certificates it holds as a block of lines under a certification heading.

A report prints its certificates as a table or a run of lines under a heading or a header cell
("Accreditation and certification", "| Certification | Scope | Sites |") with no verb beside each
code: "| ISO 14001:2015 | Environmental management | all plants |", "Acme Hospital<TAB>ISO 9001:2015;
ISO 14001:2015". Under such a heading a code names a certificate held, not a standard cited, so
the recogniser asks these spans whether a code's words around it fail to say so.
"""

from __future__ import annotations

import re

# A heading or first header cell that is only the word for certificates, maybe with a qualifier or
# "and accreditation": "Certifications", "Accreditation and certification", "| Certificate | Scope |".
# A heading that names standards too ("Certifications and standards") lists both and says nothing.
_CERTIFICATE_WORD = r"(?:certifications?|certificates?|accreditations?)"
_HEADING = re.compile(
    rf"\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:\|\s*)?(?:[A-Za-z]+\s+){{0,2}}?{_CERTIFICATE_WORD}"
    rf"(?:\s+(?:and|&)\s+{_CERTIFICATE_WORD})?\s*(?:\||\t|$)",
    re.I,
)

# A line of such a block: a table row (cells apart with bars or tabs) or an item that starts with its
# code; a sentence after the table ("Our plants follow GB/T ...") cites standards.
_ROW = re.compile(r"[^\n]*[|\t]|\s*(?:[-•·▪●*–]\s*)?[A-Z]+(?:/[A-Z]+)?\s?\d")


def certification_blocks(text: str, code: re.Pattern[str]) -> list[tuple[int, int]]:
    """The (start, end) of each run of lines right under a certification heading that each print a code.

    The run ends at the first line with no ``code`` match (a blank line, the next heading) or that is
    no row or item, so a heading far above a later paragraph of cited standards says nothing of it.
    """
    blocks: list[tuple[int, int]] = []
    lines = list(re.finditer(r"^.*$", text, re.M))
    for i, lead in enumerate(lines):
        if not _HEADING.match(lead.group()) or code.search(lead.group()):
            continue
        start = end = None
        for line in lines[i + 1 :]:
            if not code.search(line.group()) or not _ROW.match(line.group()):
                break
            start = line.start() if start is None else start
            end = line.end()
        if start is not None and end is not None:
            blocks.append((start, end))
    return blocks
