"""How the rows of a figure table relate: which rows a total row adds up, and which row an
intensity row divides.

A report's table states its own arithmetic by layout and general words, never by one report's
wording, and the shapes (``shapes/findings.ttl``) check that arithmetic once the rows' metrics
carry it (``component_of``, ``intensity_of``, ``denominator``, as a curator writes them):

* a row whose label starts with "Total" (or "Subtotal") adds up the rows printed above it in the
  same part of the table: back to the table's header, a heading line inside the table
  ("Waste"), another total, or an intensity, rate or average row (rows that are parts of
  another row are passed over);
* a row naming two or more emission scopes ("Total (Scope 1 and 2)", "Scope 1, 2 and 3") adds
  up the rows of its table naming one of those scopes each, when each scope has exactly one;
* a row naming what the heading line it is printed under names ("Scope 1 emissions" under
  "Scope 1 (direct)"), after two or more rows of that heading that do not, adds those rows up:
  the heading opens a breakdown and the row that names it again closes it;
* an intensity row (its unit a ratio: "tCO2e/tonne", "MWh per employee") divides the row its
  label names ("Water intensity" the water row, "GHG emissions intensity (Scope 1 and 2)" the
  rows of those scopes), else the total printed above it in the same part of the table
  ("Intensity per tonne of product" under "Total (Scope 1 and 2)"; "GHG intensity" too when no
  row names greenhouse gas, as rows named by their scopes do not) or, for a label naming
  nothing, the one row of the table printed in the ratio's numerator unit; and it divides by
  what its label or unit says it is per ("per employee", "per RMB million revenue", "m³/m²").

The loader (:mod:`kg.ingest.loader`) checks units and the metric catalogue before it records a
link; this module reads only labels and layout.
"""

from __future__ import annotations

import re

from kg.ingest.figure_tables import FigureRow, FigureTable, breakdown_heading, split_label

_TOTAL = re.compile(r"^(?:sub-?)?total\b", re.I)
_ALL = re.compile(r"^(?:all|overall)\b", re.I)
# A row that is not a quantity to add: an intensity, rate, ratio, average or share.
_NOT_SUMMED = re.compile(
    r"\b(?:intensity|intensities|per|rate|ratio|average|mean|median|percentage|proportion)\b|%", re.I
)
_SCOPES = re.compile(r"\bscopes?\s*(?P<list>[123](?:\s*(?:,|and|&|\+|/)\s*(?:scope\s*)?[123])*)", re.I)
# "GHG intensity by revenue": what an intensity is "by" is its denominator, as "per" says.
_INTENSITY_WORDS = re.compile(r"\b(?:emissions?\s+)?intensit(?:y|ies)(?:\s+by\b.*$)?|\bper\b.*$|\([^()]*\)", re.I)
_WORD = re.compile(r"[a-z0-9]+")
# Words a label repeats without naming what is measured ("Total energy consumption" is energy).
_FILLER = {"total", "of", "the", "and", "consumption", "consumed", "used", "use", "generated", "produced"}
# Words that name greenhouse gas emissions without a scope: a row of a GHG table names its scope.
_GHG_WORDS = {"ghg", "greenhouse", "gas", "gases", "carbon", "emission", "emissions", "co2", "co2e"}
# A footnote digit a PDF conversion glues to a word ("emissions2"); a label's key drops it, as it
# drops parentheses ("Scope 2 (energy indirect)") and the words every emissions row repeats.
_GLUED_MARKER = re.compile(r"(?<=[a-z])\d+\b")
_KEY_FILLER = _FILLER | {"emission", "emissions"}


def scopes(label: str) -> frozenset[int]:
    """The emission scopes a label names: "Scope 1 and 2 emissions" names 1 and 2."""
    found: set[int] = set()
    for m in _SCOPES.finditer(label):
        found.update(int(d) for d in re.findall(r"[123]", m.group("list")))
    return frozenset(found)


def not_summed(label: str) -> bool:
    """A row of a rate, ratio, average or intensity: its breakdown narrows it, does not add up to it."""
    return _NOT_SUMMED.search(label) is not None


def is_total(row: FigureRow) -> bool:
    """A row that says it is a total: "Total ...", or one naming several emission scopes; or "All
    drivers", "Overall" (all of what the rows above it count), unless its unit cell or the
    heading it is printed under says it is a share or an average ("All employees  %" under
    "Average training hours"), of all of them but no sum of theirs."""
    if not_summed(row.label):
        return False
    if _TOTAL.match(row.label) or len(scopes(row.label)) >= 2:
        return True
    return bool(_ALL.match(row.label)) and not not_summed(f"{row.unit or ''} {row.section or ''}")


def summed_parts(table: FigureTable) -> dict[int, tuple[int, ...]]:
    """Each total row (index) with no parts of its own, and the rows it adds up."""
    rows = table.rows
    closing = _section_totals(rows)
    found: dict[int, tuple[int, ...]] = dict(closing)
    for i, row in enumerate(rows):
        if row.parent is not None or not is_total(row) or any(r.parent == i for r in rows):
            continue
        named = scopes(row.label)
        parts = _scope_rows(rows, named) if len(named) >= 2 else _rows_above(rows, i, set(closing))
        if len(parts) >= 2:
            found[i] = parts
    return found


def _key(label: str) -> list[str]:
    """The words a label names its quantity by, without parentheses, glued footnote digits and
    filler: "Scope 2 emissions2 (tCO2e)" and "Scope 2 (energy indirect)" are both scope 2."""
    name = re.sub(r"\([^()]*\)\d*", " ", label).lower()
    return [w for w in _WORD.findall(_GLUED_MARKER.sub("", name)) if w not in _KEY_FILLER]


def _section_totals(rows: list[FigureRow]) -> dict[int, tuple[int, ...]]:
    """Rows that close the breakdown their heading line opens, with the rows they add up: the
    first row under a heading whose label names what the heading names (its words, or the one
    emission scope it names: "Scope 1 emissions" under "Direct emissions (Scope 1)"), after two
    or more rows that name neither and are neither parts of a row, totals nor rates."""
    found: dict[int, tuple[int, ...]] = {}
    for i, row in enumerate(rows):
        heading = row.section
        if heading is None or row.parent is not None or any(r.parent == i for r in rows) or not_summed(row.label):
            continue
        key, scope = _key(heading), scopes(heading)
        if not ((key and _key(row.label) == key) or (len(scope) == 1 and scopes(row.label) == scope)):
            continue
        above = [j for j in range(i) if rows[j].section == heading]
        if any((key and _holds(_key(rows[j].label), key)) or scope & scopes(rows[j].label) for j in above):
            continue  # an earlier row names it too ("Water withdrawn" above "Water"): no breakdown of it
        parts = tuple(j for j in above if rows[j].parent is None)
        if len(parts) >= 2 and not any(is_total(rows[j]) or not_summed(rows[j].label) for j in parts):
            found[i] = parts
    return found


def _scope_rows(rows: list[FigureRow], named: frozenset[int]) -> tuple[int, ...]:
    """The rows naming one scope each of ``named``, one row per scope, or none when a scope has
    no row or several ("Scope 2 (location-based)" and "(market-based)")."""
    by_scope: dict[int, list[int]] = {}
    for j, row in enumerate(rows):
        own = scopes(row.label)
        if row.parent is None and len(own) == 1 and own <= named and not not_summed(row.label):
            by_scope.setdefault(next(iter(own)), []).append(j)
    if set(by_scope) != set(named) or any(len(js) != 1 for js in by_scope.values()):
        return ()
    return tuple(sorted(js[0] for js in by_scope.values()))


def _rows_above(rows: list[FigureRow], i: int, closing: set[int]) -> tuple[int, ...]:
    """The rows a total adds up: those above it under its heading, and, under a run of "By ..."
    headings ("By gender" rows, then "By age group" rows, then "Total"), those of every
    breakdown of the run: each adds up to the total on its own."""
    parts: list[int] = []
    section = rows[i].section
    for j in range(i - 1, -1, -1):
        row = rows[j]
        if row.section != section:
            if not (breakdown_heading(section) and breakdown_heading(row.section)):
                break
            section = row.section
        if row.parent is not None:
            continue
        if is_total(row) or not_summed(row.label) or j in closing:
            break
        parts.append(j)
    return tuple(reversed(parts))


def _words(label: str) -> list[str]:
    return _WORD.findall(split_label(label)[0].lower())


def intensity_stem(label: str) -> list[str]:
    """What an intensity label says it divides: "Water intensity" water, "Hazardous waste
    intensity" hazardous waste; nothing for "Intensity per tonne of product"."""
    return [w for w in _WORD.findall(_INTENSITY_WORDS.sub(" ", label).lower()) if w not in _FILLER]


def numerator_rows(
    table: FigureTable, i: int, candidates: list[int], totals: dict[int, tuple[int, ...]]
) -> tuple[int, ...]:
    """The row (or, for scopes without a printed total, the rows) intensity row ``i`` divides.

    ``candidates`` are the rows of the table printed in the intensity's numerator unit (the
    loader's reading of units); ``totals`` the table's total rows and their parts.
    """
    rows = table.rows
    label = rows[i].label
    named = scopes(label)
    if named:
        exact = [j for j in candidates if scopes(rows[j].label) == named]
        if len(exact) == 1:
            return (exact[0],)
        single = [j for j in candidates if len(scopes(rows[j].label)) == 1 and scopes(rows[j].label) <= named]
        if len(named) >= 2 and {next(iter(scopes(rows[j].label))) for j in single} == set(named):
            return tuple(single) if len(single) == len(named) else ()
        return ()
    stem = intensity_stem(label)
    words = [[w for w in _words(rows[j].label) if w not in _FILLER] for j in candidates]
    if stem and (_closest(candidates, words, stem) or not set(stem) <= _GHG_WORDS):
        named_rows = _closest(candidates, words, stem)
        # One total (or row with parts) naming the quantity ("Total water withdrawal" of "Water
        # intensity") before a row that begins with it ("Water recycled"): an intensity divides the whole.
        parents = {r.parent for r in rows}
        whole = [
            j
            for j in _closest_in(candidates, words, stem)
            if j in totals or j in parents or _TOTAL.match(rows[j].label)
        ]
        if len(whole) == 1:
            named_rows = whole
        if len(named_rows) > 1:
            named_rows = [j for j in named_rows if j in totals or _TOTAL.match(rows[j].label)] or [
                max((j for j in named_rows if j < i), default=named_rows[0])
            ]
        return (named_rows[0],) if len(named_rows) == 1 else ()
    section = rows[i].section
    above = [j for j in candidates if j < i and rows[j].section == section and (j in totals or is_total(rows[j]))]
    # An intensity naming neither scope nor quantity, under both a Scope 1 and 2 row and a wider
    # total: greenhouse gas intensity is of Scope 1 and 2 (HKEX KPI A1.2), not of a total with Scope 3.
    direct = [j for j in above if scopes(rows[j].label) == {1, 2}]
    if len(direct) == 1 and len(above) > 1:
        return (direct[0],)
    if above:
        return (above[-1],)
    return (candidates[0],) if len(candidates) == 1 else ()


def _holds(words: list[str], stem: list[str]) -> bool:
    """Whether the label words hold the stem's, in order and next to each other."""
    n = len(stem)
    return any(words[k : k + n] == stem for k in range(len(words) - n + 1))


def _closest_in(candidates: list[int], labels: list[list[str]], stem: list[str]) -> list[int]:
    """The candidates whose label words hold the stem's in order."""
    return [j for j, words in zip(candidates, labels, strict=True) if _holds(words, stem)]


def _closest(candidates: list[int], labels: list[list[str]], stem: list[str]) -> list[int]:
    """The candidates whose label words are the stem's, else begin with them, else hold them in
    order: "Hazardous waste intensity" divides "Hazardous waste", not "Non-hazardous waste"."""
    n = len(stem)
    for fits in (
        lambda words: words == stem,
        lambda words: words[:n] == stem,
        lambda words: _holds(words, stem),
    ):
        found = [j for j, words in zip(candidates, labels, strict=True) if fits(words)]
        if found:
            return found
    return []


def denominator_words(label: str, unit: str | None) -> str:
    """What an intensity is per, as printed: "tonne of product" of "Intensity per tonne of product"
    or of "m³/tonne of product", "m²" of "kWh/m²"; singular, lower case."""
    said = re.search(r"\bper\s+(.+)$", split_label(label)[0], re.I)
    printed = re.search(r"(?:/|\bper\b)\s*(.+)$", unit or "", re.I)
    text = (said or printed).group(1) if (said or printed) else ""
    words = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in text.lower().split()]
    return " ".join(words)


_HEADCOUNT = re.compile(
    r"^(?:total\s+)?(?:number\s+of\s+)?(?:employees|workforce|headcount|staff)(?:\s+\(?(?:headcount|persons|people)\)?)?$",
    re.I,
)
_REVENUE = re.compile(r"^(?:total\s+)?(?:revenue|turnover|sales)(?:\s+\([^()]*\))?$", re.I)


def headcount(label: str) -> bool:
    """A row of the whole headcount ("Total employees", "Total workforce", "Number of employees")."""
    return _HEADCOUNT.match(label.strip()) is not None


def revenue(label: str) -> bool:
    """A row of the company's revenue ("Revenue", "Total revenue", "Turnover")."""
    return _REVENUE.match(label.strip()) is not None


def bare(label: str) -> bool:
    """A label that names no measure without its heading: "Total (Scope 1 and 2)", "Intensity per
    tonne of product" under "Greenhouse gas emissions"."""
    return _only_total_words(_INTENSITY_WORDS.sub(" ", label))


def total_only(label: str) -> bool:
    """A label that says only that its row is a total ("Total", "Subtotal (t)"): what it totals is
    named by the table's caption or heading, not by the label."""
    return bool(_TOTAL.match(label)) and _only_total_words(re.sub(r"\([^()]*\)", " ", label))


def _only_total_words(text: str) -> bool:
    """Whether ``text`` has no word but "total", "subtotal" or "sub"."""
    return all(w in {"total", "subtotal", "sub"} for w in _WORD.findall(text.lower()))


def numerator_label(label: str) -> str:
    """The label of what an intensity divides, when the report prints no row of it: "GHG
    emissions intensity (Scope 1 and 2)" divides "GHG emissions (Scope 1 and 2)"."""
    text = re.sub(r"\s*\bintensit(?:y|ies)\b|\s+per\s+[^()]*", "", label, flags=re.I)
    return re.sub(r"\s{2,}", " ", text).strip() or label
