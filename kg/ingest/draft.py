"""Draft a report folder from a PDF, HTML or text file: report.txt, its page map, and guessed metadata.

A drafted folder is what ``csrkg build`` reads: ``report.txt``, ``report.yaml``, a claim sheet
naming the reporting company (every claim's default subject), ``claims/drafted.yaml`` (the claims
:mod:`kg.drafting` reads from the prose) and, where the source has pages, ``pages.json``. Its
tables become claims at build time (the loader reads them from the text), so nothing about them
is written here. Whatever the command line does not give is guessed from the
text and marked in report.yaml with a comment saying so and from what: the folder is a draft
for a person to check, and its curator is the software.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

import yaml
from pydantic import ValidationError

from kg.drafting.assembler import SHEET, draft_sheet
from kg.errors import InputError
from kg.ingest.layout import Fragment, Page, reading_order
from kg.ingest.page_edges import running_lines
from kg.ingest.pages import Furniture, FurnitureKind, PageMap
from kg.ingest.pages import Page as TextPage
from kg.ingest.pagetext import PagedText, Span, assemble, contiguous
from kg.ingest.pdf import Limits, read_pdf
from kg.ingest.quantities import MONTHS
from kg.ingest.sheet import SLUG, SLUG_MAX, CompanyIdentifiers, SectorSpec
from kg.ingest.sheet_errors import explain
from kg.ingest.sources import HTML_SUFFIXES, PDF_SUFFIXES, SOURCE_SUFFIXES, TEXT_SUFFIXES
from kg.ingest.text import ReportText
from kg.ingest.textfile import FORBIDDEN_CHARS
from kg.vocab.names import slugify

DEFAULT_STANDARD = "hkex-esg-guide-2019"
CURATOR = "csrkg draft (software; the folder is not checked by a person)"

_YEAR = r"(?:19[5-9]\d|20\d\d|2100)"
_REPORT_WORDS = re.compile(
    r"(?:\b(?:FY\s?)?" + _YEAR + r"(?:\s?[/–-]\s?\d{2,4})?\s+)?"
    r"(?:\b(?:annual|sustainability|sustainable development|esg|csr|corporate social responsibility|"
    r"environmental,? social,? and governance|social responsibility|impact|responsibility|integrated)\s+)*"
    r"(?:report|review)\b.*$",
    re.I,
)
_LEGAL = re.compile(
    r"\b(?:co\.?,? ?ltd\.?|company limited|limited|ltd\.?|corporation|corp\.|inc\.?|incorporated|plc|"
    r"holdings|group|ag|s\.a\.|n\.v\.|llc|gmbh|berhad|bhd)(?=\W|$)",
    re.I,
)
_TITLE_YEAR = re.compile(r"(?:FY\s?)?(?P<year>" + _YEAR + r")(?:\s?[/–-]\s?(?P<end>\d{2}|" + _YEAR + r"))?(?!\d)")
_PERIOD = re.compile(
    r"(?:year|period)\s+end(?:ed|ing)\s+(?:on\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?(?P<a>"
    + _YEAR
    + r")"
    r"|(?:from|between)\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?" + _YEAR + r"\s+(?:to|and|until)\s+"
    r"(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?(?P<b>" + _YEAR + r")"
    r"|reporting (?:period|year)[^.\n]{0,40}?(?P<c>" + _YEAR + r")",
    re.I,
)
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s")  # a numbered heading is no title
_LEGAL_NAME = re.compile(
    r"\b(?:[A-Z][\w&'’.-]*\s+){1,4}(?:Corporation|Limited|Ltd\.?|Inc\.?|PLC|plc|Holdings|Group|AG|Co\.,? Ltd\.?)(?!\w)"
)
_FRONT = 20_000  # characters read for the reporting period


def _day_month(p: str) -> str:
    """A day and month ("31 March", "March 31st"), its groups prefixed with ``p``."""
    return (
        rf"(?:(?P<{p}d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<{p}m1>{MONTHS})"
        rf"|(?P<{p}m2>{MONTHS})\s+(?P<{p}d2>\d{{1,2}})(?:st|nd|rd|th)?,?)"
    )


# The day a report's years end, as its text states it: "for the year ended 31 March 2022", "financial
# year ending 30 June", "financial year-end: 30 June", "(1 April 2021 to 31 March 2022)".
_YEAR_END = re.compile(
    r"\b(?:(?:financial|fiscal|reporting)\s+)?(?:year|period|twelve\s+months|12\s+months)\s+"
    r"(?:which\s+)?end(?:ed|ing|s)?\s+(?:on\s+)?" + _day_month("e") + r"(?!\d)"
    r"|\b(?:financial|fiscal)\s+year[-\s]end(?:\s+(?:date|is|of))*\s*:?\s+(?:on\s+)?" + _day_month("f") + r"(?!\d)"
    r"|\b"
    + _day_month("s")
    + r"\s+(?P<sy>"
    + _YEAR
    + r")\s*(?:to|until|through|and|–|-)\s*"
    + _day_month("t")
    + r"\s+(?P<ty>"
    + _YEAR
    + r")",
    re.I,
)
_MONTH_NUMBER = {name.lower(): n for n, name in enumerate(MONTHS.split("|"), start=1)}


@dataclass(frozen=True)
class Guess:
    """A metadata value and, when it was guessed, the comment that says from what."""

    value: str
    why: str | None = None


@dataclass(frozen=True)
class Source:
    """What a source file holds: its text, page map (None without pages) and title hint."""

    path: Path
    text: str
    pages: tuple[Span, ...] | None = None
    furniture: tuple[Span, ...] = ()
    title_hint: str = ""

    @property
    def name(self) -> str:
        return self.path.name


class NoGuess(ValueError):
    """A metadata value the text does not give away; the message says which option to give."""


@dataclass(frozen=True)
class Given:
    """The metadata given on the command line (None: guess it)."""

    id: str | None = None
    company: str | None = None
    year: int | None = None
    title: str | None = None
    standard: str = DEFAULT_STANDARD
    identifiers: CompanyIdentifiers | None = None  # written to report.yaml as given, never guessed
    sector: SectorSpec | None = None


def given_identity(
    identifiers: dict[str, str | None], sector: dict[str, str | None]
) -> tuple[CompanyIdentifiers | None, SectorSpec | None]:
    """The company's identifiers and sector from command-line options (``--lei`` ...: the
    report.yaml field with ``-`` for ``_``), checked as report.yaml's are; None where none is given."""
    checked: list[Any] = []
    for model, values in ((CompanyIdentifiers, identifiers), (SectorSpec, sector)):
        given = {k: v for k, v in values.items() if v is not None}
        if not given:
            checked.append(None)
            continue
        try:
            checked.append(model.model_validate(given))
        except ValidationError as exc:
            error = exc.errors()[0]
            names = [str(p) for p in error["loc"][:1]] or ["exchange", "stock_code"]
            prefix = "--" if model is CompanyIdentifiers else "--sector-"
            options = "/".join(prefix + name.replace("_", "-") for name in names)
            if error["type"] == "missing":
                problem = "missing: give --sector-scheme, --sector-code and --sector-label together"
            else:
                problem = explain(model, given, [error])[1].strip()
            raise InputError(f"{options}: {problem}") from None
    return checked[0], checked[1]


@dataclass
class Draft:
    """A drafted folder's files, and which metadata were guessed (for the summary line)."""

    report_id: str
    files: dict[str, bytes]
    guessed: list[str] = field(default_factory=list)
    pages: int = 0
    furniture: int = 0
    claims: int = 0  # drafted claims (claims/drafted.yaml)
    observations: int = 0


# --------------------------------------------------------------------------- text hygiene


def clean(text: str) -> str:
    """Text as report.txt may hold it: no BOM, LF line ends, no character RDF/XML cannot carry.

    Form feeds are page breaks and are handled before (see :func:`text_source`); NBSP and other
    spaces are kept as printed (the quantity reader parses them inside numbers).
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return FORBIDDEN_CHARS.sub("", text)


def _decode(path: Path, data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]{1,40})""", data[:4096], re.I)
        if what == "HTML" and declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise InputError(f"{path}: {what} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _read(path: Path, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise InputError(f"{path}: the file is {size >> 20} MiB (the limit is {limits.max_bytes >> 20} MiB)")
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise InputError(f"{path}: cannot read the file: {getattr(exc, 'strerror', None) or exc}") from None


def text_source(path: Path, text: str) -> Source:
    """A plain-text (or Markdown) report; form feeds split it into pages, and the lines repeated
    at their edges are its running headers and footers (:mod:`kg.ingest.page_edges`)."""
    if "\f" not in text:
        return Source(path, clean(text))
    pieces = [clean(piece).strip("\n") for piece in text.split("\f")]
    parts: list[str] = []
    spans: list[Span] = []
    at = 0
    for number, piece in enumerate(pieces, start=1):
        if at and piece:
            parts.append("\n\n")
            at += 2
        spans.append(Span(at, at + len(piece), str(number)))
        parts.append(piece)
        at += len(piece)
    joined = "".join(parts) + "\n"
    pages = contiguous(spans, len(joined))
    return Source(path, joined, pages, running_lines(joined, pages))


def html_source(path: Path, data: bytes, seconds: float) -> Source:
    from kg.ingest.html import TooSlow, html_text

    try:
        text, title = html_text(_decode(path, data, "HTML"), seconds)
    except TooSlow as exc:
        raise InputError(f"{path}: {exc}") from None
    return Source(path, clean(text) + "\n", title_hint=clean(title))


# Typographic ligatures a PDF's fonts draw as one glyph: the text has the letters.
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)


def clean_fragment(fragment: Fragment) -> Fragment:
    """A PDF text run as report text: :func:`clean`, ligatures spelt out, tabs and breaks as spaces."""
    text = clean(fragment.text).translate(_LIGATURES).replace("\t", " ").replace("\n", " ")
    return Fragment(fragment.x0, fragment.x1, fragment.top, fragment.bottom, text)


def pdf_source(path: Path, limits: Limits) -> Source:
    pages = read_pdf(path, limits)
    cleaned = [
        Page(p.number, p.width, p.height, tuple(f for f in map(clean_fragment, p.fragments) if f.text.strip()))
        for p in pages
    ]
    paged: PagedText = assemble([reading_order(page) for page in cleaned])
    return Source(path, paged.text, paged.pages, paged.furniture)


def read_source(path: Path, limits: Limits | None = None) -> Source:
    """The text of ``path`` by its suffix; an unreadable or empty one is an InputError."""
    limits = limits or Limits()
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        source = pdf_source(path, limits)
    elif suffix in HTML_SUFFIXES:
        source = html_source(path, _read(path, limits), limits.html_seconds)
    elif suffix in TEXT_SUFFIXES:
        source = text_source(path, _decode(path, _read(path, limits), "the file"))
    else:
        known = ", ".join(SOURCE_SUFFIXES)
        raise InputError(f"{path}: cannot draft from a {suffix or 'suffix-less'} file (known: {known})")
    if len(source.text) > limits.max_chars:
        raise InputError(f"{path}: the text has more than {limits.max_chars} characters")
    if not source.text.strip():
        raise InputError(f"{path}: no text found")
    return source


# --------------------------------------------------------------------------- metadata guessing


def _front_lines(source: Source, count: int = 40) -> list[str]:
    """The first lines of the title page (the first page, furniture left out)."""
    end = source.pages[0].end if source.pages and source.pages[0].end > 0 else len(source.text)
    text = source.text
    for span in sorted(source.furniture, key=lambda s: s.start, reverse=True):
        if span.end <= end:
            text = text[: span.start] + text[span.end :]
            end -= span.end - span.start
    lines = [" ".join(line.split()) for line in text[:end].splitlines()]
    return [line for line in lines if line and "\t" not in line][:count]


def _short(text: str) -> str:
    text = text if len(text) <= 60 else text[:57] + "..."
    return text.replace('"', "'")


def guess_company(lines: list[str], text: str = "") -> Guess:
    """The company: a name with a legal suffix on the title page, the words before "... Report"
    in a title, a name with a legal suffix in the first paragraphs, or the title page's first line."""
    titles = [line for line in lines[:15] if not _NUMBERED.match(line)]
    for line in titles:
        if len(line) <= 100 and (legal := list(_LEGAL.finditer(line))):
            name = line[: legal[-1].end()].strip(" ,")
            return Guess(name, f'guessed from the title page: "{_short(line)}"')
    for line in titles:
        report = _REPORT_WORDS.search(line)
        if report and report.start() > 0 and len(line) <= 150:
            name = line[: report.start()].strip(" ,:–-")
            if re.search(r"[A-Za-z]", name):
                return Guess(name, f'guessed from the title page: "{_short(line)}"')
    named = _LEGAL_NAME.search(text[:_FRONT])
    if named:
        return Guess(named.group(), f'guessed: the first company name in the text, "{_short(named.group())}"')
    for line in titles[:5]:
        if len(line.split()) <= 8 and re.search(r"[A-Za-z]", line) and not _REPORT_WORDS.match(line):
            return Guess(line, f'guessed: the first line of the title page, "{_short(line)}"')
    raise NoGuess("cannot guess the company from the title page; give --company NAME")


def _title_line(lines: list[str]) -> str | None:
    for line in lines[:20]:
        if len(line) <= 150 and not _NUMBERED.match(line) and re.search(r"\b(?:report|review)\b", line, re.I):
            return line
    return None


def guess_title(lines: list[str], company: str, hint: str) -> Guess:
    line = hint if hint and re.search(r"\b(?:report|review)\b", hint, re.I) else _title_line(lines)
    if line is None:
        raise NoGuess("cannot guess the title from the title page; give --title T")
    title = line if company.casefold() in line.casefold() else f"{company} {line}"
    where = "the HTML title" if line == hint else "the title page"
    return Guess(title, f'guessed from {where}: "{_short(line)}"')


def guess_year(lines: list[str], text: str, title: str) -> Guess:
    years = [m for m in _TITLE_YEAR.finditer(title)]
    if years:
        last = years[-1]
        year = int(last.group("year"))
        if last.group("end"):
            end = last.group("end")
            year = int(end) if len(end) == 4 else year // 100 * 100 + int(end)
        return Guess(str(year), f'guessed from the title: "{_short(title)}"')
    period = _PERIOD.search(text[:_FRONT])
    if period:
        year = next(g for g in period.groups() if g)
        return Guess(year, f'guessed from the reporting period: "{_short(period.group())}"')
    counted = Counter(m.group("year") for line in lines for m in _TITLE_YEAR.finditer(line))
    if counted:
        year, _ = max(counted.items(), key=lambda item: (item[1], item[0]))
        return Guess(year, "guessed: the year the title page names most often")
    raise NoGuess("cannot guess the year from the title or the reporting period; give --year YYYY")


def _month_day(m: re.Match[str], p: str) -> tuple[int, int] | None:
    day, month = m.group(f"{p}d1") or m.group(f"{p}d2"), m.group(f"{p}m1") or m.group(f"{p}m2")
    if day is None or month is None:
        return None
    number, day_number = _MONTH_NUMBER[month.lower()], int(day)
    try:
        date(2001 if (number, day_number) != (2, 29) else 2000, number, day_number)
    except ValueError:
        return None
    return number, day_number


def _year_end(m: re.Match[str]) -> tuple[int, int] | None:
    """The month and day a year-end phrase names; a range only when it spans one year exactly."""
    if m.group("sy") is None:
        return _month_day(m, "e") or _month_day(m, "f")
    first, last = _month_day(m, "s"), _month_day(m, "t")
    if first is None or last is None:
        return None
    try:
        start, end = date(int(m.group("sy")), *first), date(int(m.group("ty")), *last)
    except ValueError:
        return None
    if start.replace(year=start.year + 1) - timedelta(days=1) != end:
        return None  # not twelve months: no statement of a year end
    return last


def guess_fiscal_year_end(text: str) -> Guess | None:
    """The day (MM-DD) the report's years end, when the text says so; None when it does not.

    Read from what reports print about their period ("for the year ended 31 March 2022", "the
    financial year ending 30 June", "from 1 April 2021 to 31 March 2022"); the day stated most
    often wins, the first stated on a tie. Nothing is assumed: a text that names no year end
    gets no guess (its FY2021 columns stay unread rather than given invented months).
    """
    found: list[tuple[tuple[int, int], str]] = []
    for m in _YEAR_END.finditer(text[:_FRONT]):
        day = _year_end(m)
        if day is not None:
            found.append((day, m.group()))
    if not found:
        return None
    counted = Counter(day for day, _ in found)
    best = max(counted.values())
    (month, day), phrase = next(item for item in found if counted[item[0]] == best)
    return Guess(f"{month:02d}-{day:02d}", f'guessed from the reporting period: "{_short(phrase)}"')


# --------------------------------------------------------------------------- the folder


def _scalar(value: str | int) -> str:
    """One YAML scalar, quoted where YAML needs it."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def _line(key: str, value: str | int, why: str | None) -> str:
    """``key: value  # why``; the reason quotes the text, whose phrase may run over a line break,
    and a YAML comment ends at the line's end, so its white space is one space each."""
    return f"{key}: {_scalar(value)}" + (f"  # {' '.join(why.split())}" if why else "") + "\n"


def _block(key: str, entry: CompanyIdentifiers | SectorSpec | None) -> str:
    """A mapping of report.yaml given on the command line, its fields in the model's order, each
    double-quoted: codes must be text, and YAML reads some unquoted ones (0700) as numbers."""
    if entry is None:
        return ""
    fields = entry.model_dump(exclude={"line"}, exclude_none=True)
    return f"{key}:\n" + "".join(
        f"  {name}: {json.dumps(value, ensure_ascii=False)}\n" for name, value in fields.items()
    )


def _slug(value: str, option: str) -> str:
    if not SLUG.match(value) or len(value) > SLUG_MAX:
        raise InputError(f"{option} {value[:60]!r} is not a slug (lower-case letters, digits and hyphens)")
    return value


def draft(source: Source, given: Given) -> Draft:
    """The files of a report folder for ``source`` (see the module's docstring)."""
    lines = _front_lines(source)
    try:
        company = Guess(given.company) if given.company else guess_company(lines, source.text)
        title = Guess(given.title) if given.title else guess_title(lines, company.value, source.title_hint)
        year = Guess(str(given.year)) if given.year else guess_year(lines, source.text, title.value)
    except NoGuess as exc:
        raise InputError(f"{source.path}: {exc}") from None
    fiscal = guess_fiscal_year_end(source.text)
    company_id = slugify(company.value)
    report_id = (
        Guess(_slug(given.id, "--id"))
        if given.id
        else Guess(f"{company_id}-{year.value}", "guessed: the company and the year")
    )
    meta = (
        f"# Drafted by csrkg draft from {source.name}: check each value marked as guessed.\n"
        + _line("id", report_id.value, report_id.why)
        + _line("company", company_id, company.why and f"{company.why} (a slug of it)")
        + _line("title", title.value, title.why)
        + _line("year", int(year.value), year.why)
        + (_line("fiscal_year_end", fiscal.value, fiscal.why) if fiscal else "")
        + _line("language", "en", "assumed")
        + _line("standard", given.standard, "assumed: the reporting guide csr-kg maps")
        + _line("source", source.name, None)
        + _line("text", "report.txt", None)
        + "curator:\n"
        + f"  name: {_scalar(CURATOR)}\n"
        + _block("identifiers", given.identifiers)
        + _block("sector", given.sector)
    )
    sheet = (
        "# Drafted by csrkg draft: the reporting company, the subject of every claim by default.\n"
        '# Claims go in sheets beside this one (README "Adding a report"); the text\'s tables are read at build time.\n'
        "entities:\n"
        f"  - id: {_scalar(company_id)}\n"
        "    type: Organization\n"
        f"    label: {_scalar(company.value)}\n"
    )
    claims = draft_sheet(
        report_text(source), int(year.value), company_id, given.standard, fiscal_year_end=fiscal and fiscal.value
    )
    files = {
        "report.txt": source.text.encode("utf-8"),
        "report.yaml": meta.encode("utf-8"),
        "claims/00-draft.yaml": sheet.encode("utf-8"),
        SHEET: claims.sheet().encode("utf-8"),
    }
    if source.pages is not None:
        files["pages.json"] = pages_json(source).encode("utf-8")
    named = (("id", report_id), ("company", company), ("title", title), ("year", year), ("fiscal_year_end", fiscal))
    guessed = [name for name, g in named if g is not None and g.why]
    return Draft(
        report_id.value,
        files,
        guessed,
        len(source.pages or ()),
        len(source.furniture),
        len(claims.claims),
        claims.observations,
    )


def report_text(source: Source) -> ReportText:
    """The source's text as the loader will read it from the drafted folder: with its page map."""
    pages = None
    if source.pages is not None:
        pages = PageMap(
            source.name,
            tuple(TextPage(int(span.kind), span.start, span.end) for span in source.pages),
            tuple(Furniture(span.start, span.end, cast(FurnitureKind, span.kind)) for span in source.furniture),
        )
    return ReportText(Path("report.txt"), source.text, pages)


def pages_json(source: Source) -> str:
    """The page map: pages in order covering the text, and the furniture spans (README "pages.json")."""
    document = {
        "source": source.name,
        "pages": [{"page": int(span.kind), "start": span.start, "end": span.end} for span in source.pages or ()],
        "furniture": [{"start": span.start, "end": span.end, "kind": span.kind} for span in source.furniture],
    }
    return json.dumps(document, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def write_folder(out: Path, files: dict[str, bytes], force: bool) -> None:
    """Write ``files`` as the folder ``out``, all or nothing.

    They are written into a hidden sibling directory which is then renamed to ``out``, so no
    half-written folder is ever seen under that name. An existing ``out`` is replaced only with
    ``force``, and only if it is a report folder (it has report.yaml) or empty, so that a wrong
    ``--out`` cannot remove an unrelated directory.
    """
    if out.exists() or out.is_symlink():
        if not force:
            raise InputError(f"{out}: already exists (give --force to replace it)")
        if not out.is_dir() or out.is_symlink():
            raise InputError(f"{out}: exists and is not a directory; not replaced")
        if any(out.iterdir()) and not (out / "report.yaml").is_file():
            raise InputError(f"{out}: is not a report folder (no report.yaml); not replaced")
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".draft", dir=parent))
    except OSError as exc:
        raise InputError(f"{out}: cannot write the folder: {exc.strerror or exc}") from None
    old: Path | None = None
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        for rel, data in sorted(files.items()):
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if out.exists():
            old = parent / f".{out.name}.{os.getpid()}.old"
            os.rename(out, old)
        os.rename(tmp, out)
    except OSError as exc:
        if old is not None and not out.exists():
            os.rename(old, out)
            old = None
        raise InputError(f"{out}: cannot write the folder: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
