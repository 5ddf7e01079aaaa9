"""Malformed report folders for fuzzing the claim-sheet reader and the report-folder loader.

Each case starts from the conforming mini report (``tests/fixtures/mini-report``) and breaks one
file in one way: truncation, a wrong encoding, a value of the wrong type, a huge value, deep
nesting, an alias bomb, a YAML tag, stray bytes or characters, a missing file or a directory in
its place, or a page map (pages.json) beside the text that is malformed or lays furniture over a
quote. :func:`run_case` builds a case and says how it ended; the only acceptable endings
are a one-line :class:`kg.ingest.sheet.InputError` naming the file, or a graph that every export format
carries intact. Used by ``tests/test_fuzz_inputs.py`` and ``benchmarks/fuzz_inputs.py``.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.ingest.loader import load_reports
from kg.outputs.export import FORMATS, parse
from kg.outputs.export import serialise as export_serialise
from kg.rdf.build import serialise
from kg.rdf.iris import Minter
from kg.rdf.mapping import report_graph
from tests.support.graphs import same_graph
from tests.support.paths import MINI_REPORT

MINI = MINI_REPORT
SHEET = "claims/sheet.yaml"
META = "report.yaml"
TEXT = "report.txt"
YAML_FILES = (META, SHEET)
DIRECTORY = None  # a value in Case.files: make a directory where the file should be


@dataclass(frozen=True)
class Case:
    """A report folder to build: the mini report with ``files`` replaced (relative path -> bytes)."""

    name: str
    kind: str
    files: dict[str, bytes | None]
    removed: tuple[str, ...] = ()

    def write(self, folder: Path) -> Path:
        shutil.copytree(MINI, folder)
        for rel in self.removed:
            target = folder / rel
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink()
        for rel, data in self.files.items():
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists() and (data is DIRECTORY or target.is_dir()):
                shutil.rmtree(target) if target.is_dir() else target.unlink()
            if data is DIRECTORY:
                target.mkdir()
            else:
                target.write_bytes(data)
        return folder


@dataclass(frozen=True)
class Outcome:
    """How a case ended: ``error`` (InputError), ``graph``, ``traceback`` or ``hang``."""

    status: str
    message: str
    seconds: float

    @property
    def message_class(self) -> str:
        """The message without file, line, quoted values and numbers, for grouping."""
        text = re.sub(r"^\S*?(\.yaml|\.txt|\.json|\.md|\.pdf|\.html?|report|\])(:\d+)?: ", "", self.message)
        text = re.sub(r"'[^']*'|\"[^\"]*\"|\([^)]*\)", "…", text)
        text = re.sub(r"\d+", "N", text)
        return " ".join(text.split()[:7])


class Hang(Exception):
    """A case ran past its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in this (main) thread when the block runs longer than ``seconds``."""

    def alarm(signum: int, frame: Any) -> None:
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_case(case: Case, workdir: Path, limit: float = 10.0, written: set[tuple] | None = None) -> Outcome:
    """Load and map ``case`` through the Python API and check the result is one of the two endings.

    A graph must also survive every export format (parse back isomorphic), the way ``csrkg
    build`` and ``csrkg export`` would write it. ``written`` holds the graphs (triples and
    prefixes) a campaign has written already: many harmless cases map to the same graph, and
    what the writers make of a graph depends on nothing else (tests/integration/
    test_properties_graph.py checks they ignore even the hash seed), so such a graph is written
    once per campaign.
    """
    folder = case.write(workdir / "report")
    start = time.perf_counter()
    try:
        with time_limit(limit):
            try:
                graph = report_graph(load_reports([folder]), Minter())
            except InputError as exc:
                return Outcome("error", str(exc), time.perf_counter() - start)
            key = (frozenset(graph), tuple(sorted(graph.namespaces())))
            if written is None or key not in written:
                for fmt in FORMATS:
                    if not same_graph(parse(export_serialise(graph, fmt), fmt), graph):
                        return Outcome("traceback", f"{fmt} export does not round-trip", time.perf_counter() - start)
                serialise(graph)
                if written is not None:
                    written.add(key)
            return Outcome("graph", f"{len(graph)} triples", time.perf_counter() - start)
    except Hang as exc:
        return Outcome("hang", str(exc), time.perf_counter() - start)
    except BaseException as exc:  # every other ending is the finding we count
        if isinstance(exc, KeyboardInterrupt):
            raise
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        return Outcome("traceback", f"{type(exc).__name__} at {where}: {str(exc)[:200]}", time.perf_counter() - start)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------------- the inputs


def original(rel: str) -> bytes:
    return (MINI / rel).read_bytes()


def _data(rel: str) -> Any:
    return yaml.load(original(rel), Loader=yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


def _dump(data: Any, rng: random.Random) -> bytes:
    style = rng.choice([None, True, False])
    return yaml.safe_dump(data, default_flow_style=style, allow_unicode=True, sort_keys=False, width=10**6).encode()


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside nested lists and mappings."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _replace(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {k: (_replace(v, rest, value) if k == head else v) for k, v in data.items()}
    return [(_replace(v, rest, value) if i == head else v) for i, v in enumerate(data)]


WRONG_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    2**70,
    3.5,
    float("inf"),
    float("nan"),
    "",
    " ",
    "x" * 300,
    [],
    ["a", 1],
    {},
    {"id": "x"},
    [[["deep"]]],
    {"__line__": 3},
    "2019-02-30",
    "0000/9999",
)


def wrong_type(rng: random.Random) -> Case:
    rel = rng.choice(YAML_FILES)
    data = _data(rel)
    path = rng.choice(_paths(data))
    value = rng.choice(WRONG_VALUES)
    return Case(
        f"{rel}: {'.'.join(map(str, path))} = {value!r:.40}",
        "wrong type",
        {rel: _dump(_replace(data, path, value), rng)},
    )


def truncated(rng: random.Random) -> Case:
    rel = rng.choice((*YAML_FILES, TEXT))
    data = original(rel)
    cut = rng.randrange(0, len(data))
    return Case(f"{rel} cut at byte {cut}", "truncated", {rel: data[:cut]})


def wrong_encoding(rng: random.Random) -> Case:
    rel = rng.choice((*YAML_FILES, TEXT))
    text = original(rel).decode("utf-8")
    if rel != TEXT:
        text = text.replace("Mini Co", "Mini Co — Société 小米", 1)
    else:
        text = text.replace("Mini Co set up", "Mini Co — Société 小米 set up", 1)
    how = rng.choice(["latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "bom", "invalid", "cp1252"])
    if how == "bom":
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    elif how == "invalid":
        raw = text.encode("utf-8")
        at = rng.randrange(0, len(raw))
        bad = rng.choice([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"\x80"])
        data = raw[:at] + bad + raw[at:]
    else:
        data = text.encode(how, errors="replace")
    return Case(f"{rel} as {how}", "encoding", {rel: data})


def _set_scalar(rng: random.Random, rel: str, raw: str) -> Case | None:
    """Replace one scalar value of ``rel`` by the YAML text ``raw`` (a tag, a huge literal ...)."""
    text = original(rel).decode("utf-8")
    spots = [m for m in re.finditer(r"(?<=: )[^\s{}\[\],][^{}\[\],\n]*", text)]
    spot = rng.choice(spots)
    return Case(
        f"{rel}: {text[spot.start() : spot.end()]!r:.30} -> {raw!r:.60}",
        "",
        {rel: (text[: spot.start()] + raw + text[spot.end() :]).encode("utf-8")},
    )


TAGGED = (
    "!!python/object:os.system {}",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/tuple [a, b]",
    "!custom value",
    "!<tag:example.org,2024:x> value",
    "!!binary aGVsbG8=",
    "!!binary ////",
    "!!binary 'not base64 at all!'",
    "!!binary /w==",
    "!!timestamp 2019-12-31",
    "!!timestamp 2019-02-30",
    "!!timestamp not-a-date",
    "!!timestamp 2019-12-31T25:61:61Z",
    "!!set {a, b}",
    "!!set [a, b]",
    "!!omap [a: 1, b: 2]",
    "!!omap [a, b]",
    "!!omap {a: 1}",
    "!!pairs [a: 1]",
    "!!int abc",
    "!!int 0x",
    "!!float xyz",
    "!!bool maybe",
    "!!null something",
    "!!str 5",
    "!!seq scalar",
    "!!map scalar",
    "!!merge x",
    "!!int " + "9" * 5000,
    "9" * 5000,
    "-" + "9" * 4400,
    "1e400",
    "-1e400",
    ".nan",
    "0b" + "1" * 20000,
    "0o" + "7" * 5000,
    "0x" + "f" * 5000,
    "1_000_000",
    "190:20:30",
    "'" + "a" * 1_000_000 + "'",
    "&a [*a]",
    "*undefined",
    "{<<: [1, 2]}",
    "{<<: *undefined}",
    "? [a, b]\n  : c",
    "{[a]: b}",
    "{{a: 1}: b}",
    "'tab\tand\x0bvertical'",
    '"nul \\0 bell \\a escape \\e"',
    '"form \\f feed \\x1c sep \\u2028 line \\x85 nel"',
    '"\\uFFFE\\uFFFF"',
    '"\\ud800"',
    '"\\U0010FFFF"',
)


def tagged(rng: random.Random) -> Case:
    rel = rng.choice(YAML_FILES)
    case = _set_scalar(rng, rel, rng.choice(TAGGED))
    assert case is not None
    return Case(case.name, "tag or literal", case.files)


def deep(rng: random.Random) -> Case:
    depth = rng.choice([100, 1000, 10_000, 100_000])
    how = rng.choice(["flow-list", "flow-map", "block", "field"])
    if how == "flow-list":
        body = "claims: " + "[" * depth + "]" * depth + "\n"
    elif how == "flow-map":
        body = "claims: " + "{a: " * depth + "b" + "}" * depth + "\n"
    elif how == "block":
        depth = min(depth, 3000)  # block indentation grows quadratically in bytes
        body = "claims:\n" + "".join(" " * i + "- \n" for i in range(1, depth)) + " " * depth + "- x\n"
    else:
        body = original(SHEET).decode().replace("about: [schools]", "about: " + "[" * depth + "]" * depth)
    return Case(f"{SHEET}: {how} nested {depth} levels", "deep nesting", {SHEET: body.encode()})


def alias_bomb(rng: random.Random) -> Case:
    levels = rng.choice([5, 9, 12, 20])
    width = rng.choice([2, 9, 10])
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    where = rng.choice(["claims", "entities", "about", "alt_labels", "expectation_issues", "key"])
    if where == "about":
        body = original(SHEET).decode().replace("about: [schools]", f"about: *a{levels}")
        text = "\n".join(lines) + "\n" + body
    elif where == "alt_labels":
        body = (
            original(SHEET)
            .decode()
            .replace(
                "{id: schools, type: StakeholderGroup, label: Schools}",
                f"{{id: schools, type: StakeholderGroup, label: Schools, alt_labels: *a{levels}}}",
            )
        )
        text = "\n".join(lines) + "\n" + body
    elif where == "expectation_issues":
        text = "\n".join(lines) + f"\nexpectation_issues: {{x: *a{levels}}}\n"
    elif where == "key":
        text = "\n".join(lines) + f"\n? *a{levels}\n: value\n"
    else:
        text = "\n".join(lines) + f"\n{where}: *a{levels}\n"
    return Case(f"{SHEET}: {width}^{levels} alias expansion under {where}", "alias bomb", {SHEET: text.encode()})


STRAY = (
    "\x00",
    "\x07",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\r",
    "\r\n",
    "\t",
    "：",
    "５",
    "٣",
    "𝟘",
    "e\u0301",
    "\U0001f600",
    "'",
    '"',
    "&",
    "*",
    "!",
    "%",
    "@",
    "`",
    "|",
    ">",
    "#",
    "- ",
    ": ",
    "{",
    "]",
    "\\",
    "<",
    "9" * 60,
)


def stray(rng: random.Random) -> Case:
    rel = rng.choice((*YAML_FILES, TEXT, TEXT))
    text = original(rel).decode("utf-8")
    out = text
    for _ in range(rng.choice([1, 1, 2, 5])):
        at = rng.randrange(0, len(out) + 1)
        out = out[:at] + rng.choice(STRAY) + out[at:]
    return Case(f"{rel} with stray characters", "stray characters", {rel: out.encode("utf-8")})


def flipped(rng: random.Random) -> Case:
    rel = rng.choice((*YAML_FILES, TEXT))
    data = bytearray(original(rel))
    for _ in range(rng.choice([1, 3, 10])):
        at = rng.randrange(0, len(data))
        data[at] = rng.randrange(256)
    return Case(f"{rel} with flipped bytes", "flipped bytes", {rel: bytes(data)})


def structure(rng: random.Random) -> Case:
    choice = rng.randrange(16)
    meta = original(META).decode()
    if choice == 0:
        return Case("report.txt missing", "structure", {}, removed=(TEXT,))
    if choice == 1:
        return Case("report.yaml missing", "structure", {}, removed=(META,))
    if choice == 2:
        return Case("claims/ missing", "structure", {}, removed=("claims",))
    if choice == 3:
        return Case("report.txt is a directory", "structure", {TEXT: DIRECTORY})
    if choice == 4:
        return Case("report.yaml is a directory", "structure", {META: DIRECTORY})
    if choice == 5:
        return Case("a claim sheet is a directory", "structure", {"claims/zz.yaml": DIRECTORY})
    if choice == 6:
        return Case("empty claim sheet", "structure", {SHEET: b""})
    if choice == 7:
        return Case("empty report.yaml", "structure", {META: b""})
    if choice == 8:
        return Case("whitespace report.txt", "structure", {TEXT: b" \n\t\n"})
    if choice == 9:
        iri = rng.choice(["not an iri", "<http://x/>", "http://x/a b", "", "relative/path", "http://x/\\u0000"])
        return Case(
            f"curator iri {iri!r}",
            "structure",
            {META: meta.replace("{name: Fixture curator}", f'{{name: c, iri: "{iri}"}}').encode()},
        )
    if choice == 10:
        day = rng.choice(["20190101", "2019-W01-1", "2019-13-01", "2019-1-1", "2019-12-31T00:00"])
        field = rng.choice(["issued", "curated"])
        return Case(f"{field} {day!r}", "structure", {META: (meta + f"{field}: '{day}'\n").encode()})
    if choice == 11:
        year = rng.choice(["-5", "0", "99999", "685230", "2019.5", "'2019'", "1e3"])
        return Case(f"year {year}", "structure", {META: meta.replace("year: 2019", f"year: {year}").encode()})
    target = rng.choice(["../../../etc/hostname", "/etc/hostname", "claims", "missing.txt", "bad\x00name.txt", ".", ""])
    yaml_target = '"' + target.replace("\x00", "\\0") + '"'
    return Case(f"report.yaml text: {target!r}", "structure", {META: (meta + f"text: {yaml_target}\n").encode()})


def huge_text(rng: random.Random) -> Case:
    text = original(TEXT).decode()
    how = rng.choice(["digits", "line", "sections", "commas"])
    if how == "digits":
        text += "\nIt counted " + "7" * rng.choice([30, 5000, 200_000]) + " items.\n"
    elif how == "line":
        text += "\n" + "word " * 400_000 + "\n"
    elif how == "sections":
        text += "".join(f"\n{i}. Heading {i}\n\nBody.\n" for i in range(3, 5000))
    else:
        text += "\nTotal 1" + ",000" * 50_000 + " tons.\n"
    return Case(f"report.txt with huge {how}", "huge text", {TEXT: text.encode()})


PAGES = "pages.json"
ODD_NUMBERS = ("-1", "1e9", "true", "null", '"3"', "1.5", "9" * 40, "NaN", "[]", "{}")


def _page_map() -> dict[str, Any]:
    """A valid page map of the mini text: two pages split at a line break, its title line a header."""
    text = original(TEXT).decode("utf-8")
    middle = text.index("\n", len(text) // 2) + 1
    title = text.index("\n")
    return {
        "source": "mini.pdf",
        "pages": [{"page": 1, "start": 0, "end": middle}, {"page": 2, "start": middle, "end": len(text)}],
        "furniture": [{"start": 0, "end": title, "kind": "header"}],
    }


def page_map(rng: random.Random) -> Case:
    """A page map beside the text: valid, cut short, bytes flipped, an odd number, a span moved or nested deep."""
    data = _page_map()
    raw = json.dumps(data).encode()
    how = rng.choice(["valid", "truncated", "flipped", "number", "number", "span", "nested", "furniture"])
    if how == "truncated":
        raw = raw[: rng.randrange(len(raw))]
    elif how == "flipped":
        flipped_raw = bytearray(raw)
        for _ in range(rng.choice([1, 3])):
            flipped_raw[rng.randrange(len(flipped_raw))] = rng.randrange(256)
        raw = bytes(flipped_raw)
    elif how == "number":
        numbers = [m.span() for m in re.finditer(rb"\d+", raw)]
        lo, hi = rng.choice(numbers)
        raw = raw[:lo] + rng.choice(ODD_NUMBERS).encode() + raw[hi:]
    elif how == "span":
        entry = rng.choice([*data["pages"], *data["furniture"]])
        entry[rng.choice(["start", "end"])] += rng.choice([-5, -1, 1, 7, 10_000])
        raw = json.dumps(data).encode()
    elif how == "nested":
        depth = rng.choice([100, 5000, 200_000])
        raw = b'{"source": "mini.pdf", "pages": ' + b"[" * depth + b"]" * depth + b"}"
    elif how == "furniture":  # a running header laid over a claim's quote
        text = original(TEXT).decode("utf-8")
        at = text.index("Mini Co set up")
        data["furniture"].append({"start": at, "end": at + 14, "kind": rng.choice(["header", "footer"])})
        raw = json.dumps(data).encode()
    return Case(f"pages.json {how}", "page map", {PAGES: raw})


GENERATORS: tuple[Callable[[random.Random], Case], ...] = (
    wrong_type,
    truncated,
    wrong_encoding,
    tagged,
    deep,
    alias_bomb,
    stray,
    flipped,
    structure,
    huge_text,
    page_map,
)


def cases(count: int, seed: int = 0) -> Iterator[Case]:
    """``count`` cases, cycling through the generators, reproducibly from ``seed``."""
    rng = random.Random(seed)
    for index in range(count):
        case = GENERATORS[index % len(GENERATORS)](rng)
        yield Case(case.name, case.kind or GENERATORS[index % len(GENERATORS)].__name__, case.files, case.removed)


def tagged_cases() -> Iterator[Case]:
    """Every entry of :data:`TAGGED` once, in the claim sheet and in report.yaml."""
    for rel in YAML_FILES:
        for raw in TAGGED:
            case = _set_scalar(random.Random(raw), rel, raw)
            assert case is not None
            yield Case(case.name, "tag or literal", case.files)


# --------------------------------------------------------------------------- draft sources


@dataclass(frozen=True)
class SourceCase:
    """A file for ``csrkg draft``: its name (the suffix picks the reader) and bytes."""

    name: str
    kind: str
    filename: str
    data: bytes


def run_source_case(case: SourceCase, workdir: Path, limit: float = 60.0) -> Outcome:
    """Draft ``case`` into a folder and build it; ``error`` (InputError), ``graph`` or ``folder``
    (drafted, but the loader refused it: the message says why), else ``traceback`` or ``hang``.

    A folder left behind on an error, or any stray file beside it, is a ``traceback`` too.
    """
    from kg.ingest.draft import Given, draft, read_source, write_folder
    from kg.ingest.loader import load_report
    from kg.ingest.pdf import Limits

    source = workdir / case.filename
    source.write_bytes(case.data)
    out = workdir / "drafted"
    start = time.perf_counter()
    try:
        with time_limit(limit):
            try:
                drafted = draft(read_source(source, Limits(step_seconds=limit / 4, html_seconds=limit / 4)), Given())
                write_folder(out, drafted.files, force=False)
            except InputError as exc:
                if out.exists() or sorted(p.name for p in workdir.iterdir()) != [case.filename]:
                    return Outcome("traceback", f"left files behind: {exc}", time.perf_counter() - start)
                return Outcome("error", str(exc), time.perf_counter() - start)
            try:
                report = load_report(out)
            except InputError as exc:
                return Outcome("folder", str(exc), time.perf_counter() - start)
            return Outcome("graph", f"{len(report.claims)} claims", time.perf_counter() - start)
    except Hang as exc:
        return Outcome("hang", str(exc), time.perf_counter() - start)
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        return Outcome("traceback", f"{type(exc).__name__} at {where}: {str(exc)[:200]}", time.perf_counter() - start)
    finally:
        shutil.rmtree(out, ignore_errors=True)
        source.unlink(missing_ok=True)


_SAMPLE_PDF: list[bytes] = []


def sample_pdf() -> bytes:
    """The printed sample report (tests/support/pdfs.py), made once."""
    if not _SAMPLE_PDF:
        import tempfile

        from tests.support.pdfs import SAMPLE, write_pdf

        with tempfile.TemporaryDirectory() as tmp:
            _SAMPLE_PDF.append(write_pdf(SAMPLE, Path(tmp) / "s.pdf").read_bytes())
    return _SAMPLE_PDF[0]


def pdf_truncated(rng: random.Random) -> SourceCase:
    data = sample_pdf()
    cut = rng.randrange(0, len(data))
    return SourceCase(f"sample.pdf cut at byte {cut}", "pdf truncated", "r.pdf", data[:cut])


def pdf_flipped(rng: random.Random) -> SourceCase:
    data = bytearray(sample_pdf())
    count = rng.choice([1, 10, 100, 1000])
    for _ in range(count):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return SourceCase(f"sample.pdf with {count} flipped bytes", "pdf flipped", "r.pdf", bytes(data))


def pdf_spliced(rng: random.Random) -> SourceCase:
    """A stretch of the file moved, repeated or removed: objects and offsets no longer agree."""
    data = sample_pdf()
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    how = rng.choice(["remove", "repeat", "swap"])
    if how == "remove":
        out = data[:a] + data[b:]
    elif how == "repeat":
        out = data[:b] + data[a:b] * rng.choice([2, 50]) + data[b:]
    else:
        out = data[a:b] + data[:a] + data[b:]
    return SourceCase(f"sample.pdf bytes {a}-{b} {how}", "pdf spliced", "r.pdf", out)


def pdf_random(rng: random.Random) -> SourceCase:
    body = rng.randbytes(rng.choice([0, 100, 5000, 65536]))
    head = rng.choice([b"%PDF-1.4\n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"%PDF-2.0\n1 0 obj\n<<"])
    return SourceCase(f"{len(body)} random bytes after a PDF header", "pdf random", "r.pdf", head + body)


def pdf_hostile(rng: random.Random) -> SourceCase:
    from tests.support import hostile_pdfs as h

    makers: list[tuple[str, Callable[[], bytes]]] = [
        ("javascript and attachment", h.with_javascript_and_attachment),
        ("huge page", h.huge_page),
        ("absurd page count", h.absurd_page_count),
        ("understated page count", lambda: h.understated_page_count(rng.choice([2, 50]))),
        ("deep nesting", lambda: h.deep_nesting(rng.choice([100, 10_000, 1_000_000]))),
        ("a catalog that refers to itself", h.self_reference),
        ("empty content", lambda: h.raw_pdf(h.one_page(content=b""))),
        ("operators without operands", lambda: h.raw_pdf(h.one_page(content=b"BT Tf Td Tj TJ ' \" ET Do q Q cm"))),
    ]
    name, make = rng.choice(makers)
    return SourceCase(name, "pdf hostile", "r.pdf", make())


_TAGS = ("p", "div", "table", "tr", "td", "th", "script", "style", "pre", "br", "li", "span", "b", "title", "svg")


def html_deep(rng: random.Random) -> SourceCase:
    depth = rng.choice([1000, 100_000, 1_000_000])
    tag = rng.choice(_TAGS)
    closed = rng.choice([True, False])
    markup = f"<{tag}>" * depth + "Deep Co Ltd ESG Report 2020" + (f"</{tag}>" * depth if closed else "")
    return SourceCase(f"<{tag}> nested {depth} deep", "html deep", "r.html", markup.encode())


_HTML_BITS = (
    "<p>",
    "</p>",
    "<td>",
    "</tr>",
    "<table>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&nbsp;",
    "&bogus;",
    "<img src='http://127.0.0.1:9/x'>",
    "<link href='file:///etc/passwd'>",
    "<iframe src='http://127.0.0.1:9/'>",
    "<br/>",
    "\x00",
    "\x0c",
    "\ufeff",
    "\u2028",
    "Report",
    "2021",
    "Acme Ltd",
    "\t",
    "\n",
    "<",
    ">",
    "'",
    '"',
    "<pre>",
    "</pre>",
)


def html_random(rng: random.Random) -> SourceCase:
    how = rng.choice(["bits", "bits", "bytes", "charset"])
    if how == "bits":
        data = "".join(rng.choice(_HTML_BITS) for _ in range(rng.choice([10, 1000, 50_000]))).encode("utf-8")
    elif how == "bytes":
        data = rng.randbytes(rng.choice([10, 5000]))
    else:
        charset = rng.choice(["latin-1", "utf-16", "no-such-codec", "utf-7"])
        data = f"<meta charset={charset}><p>Caf\u00e9 Co Ltd ESG Report 2019</p>".encode("latin-1") + b"\xff"
    return SourceCase(f"html {how}", "html random", rng.choice(["r.html", "r.htm"]), data)


def text_random(rng: random.Random) -> SourceCase:
    bits = ("Acme Ltd", "ESG Report 2021", "\f", "\ufeff", "\r\n", "\x00", "\x07", "\u2028", "\t", "\n", "\u00a0", "x")
    text = "".join(rng.choice(bits) for _ in range(rng.choice([5, 500, 20_000])))
    encoding = rng.choice(["utf-8", "utf-8", "utf-16", "latin-1"])
    return SourceCase(
        f"text as {encoding}", "text random", rng.choice(["r.txt", "r.md"]), text.encode(encoding, "replace")
    )


SOURCE_GENERATORS: tuple[Callable[[random.Random], SourceCase], ...] = (
    pdf_truncated,
    pdf_flipped,
    pdf_spliced,
    pdf_random,
    pdf_hostile,
    html_deep,
    html_random,
    text_random,
)


def source_cases(count: int, seed: int = 0) -> Iterator[SourceCase]:
    """``count`` draft sources, cycling through the generators, reproducibly from ``seed``."""
    rng = random.Random(seed)
    for index in range(count):
        yield SOURCE_GENERATORS[index % len(SOURCE_GENERATORS)](rng)
