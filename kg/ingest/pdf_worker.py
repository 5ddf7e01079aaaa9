"""Read the text lines of a PDF in a process of their own, under limits: the untrusted part of ``csrkg draft``.

A PDF is input from anyone. pdfminer.six parses it in pure Python, but decompresses every stream
whole (a small file can expand to gigabytes), follows whatever object graph the file describes
and can take minutes on a crafted file. So the parse runs in this child process with an
address-space and a CPU-time limit, an audit hook that refuses sockets and new processes, and the
page-count, page-size and character limits checked as it goes; the parent
(:mod:`kg.ingest.pdf`) adds a wall-clock timeout and turns every ending into one line.

Nothing in the file is executed or extracted but the text drawn on its pages: JavaScript,
embedded files, annotations, forms and links are never read.

A clock also limits each step (opening the document, reading one page): pdfminer follows a
reference cycle such as an object that refers to itself forever, using no memory, so only a
timer ends it.

Protocol: ``python -m kg.ingest.pdf_worker FILE MAX_PAGES MAX_SIDE MAX_CHARS MEMORY CPU STEP`` writes
one JSON object to stdout: ``{"pages": [{"width": w, "height": h, "lines": [[x0, x1, top,
bottom, text], ...]}, ...]}`` (``top`` and ``bottom`` measured down from the page's top edge), or
``{"error": "one line"}``.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
from typing import Any

_REFUSED_EVENTS = ("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork")


def _refuse(event: str, args: tuple[Any, ...]) -> None:
    """Audit hook: a PDF parse has no business opening a connection or starting a program."""
    if event.startswith(_REFUSED_EVENTS):
        raise PermissionError(f"refused {event} while reading a PDF")


class Refused(Exception):
    """The file breaks one of the limits; the message says which."""


class Expired(BaseException):
    """A step ran past its time. A BaseException, so that no ``except Exception`` in the parser
    swallows it."""


class _Step:
    """A timer for one step of the parse: :class:`Expired` when it runs past ``seconds`` (and
    every second after that, until it is not caught)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.what = ""
        signal.signal(signal.SIGALRM, self._expired)

    def _expired(self, signum: int, frame: Any) -> None:
        if not self.what:
            return
        raise Expired(f"{self.what} took more than {self.seconds:g} s (a reference cycle?)")

    def start(self, what: str) -> None:
        self.what = what
        signal.setitimer(signal.ITIMER_REAL, self.seconds, 1.0)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        self.what = ""


def _lines(layout: Any) -> list[list[Any]]:
    """Every horizontal text line of one analysed page, as [x0, x1, top, bottom, text]."""
    from pdfminer.layout import LTTextBox, LTTextLineHorizontal

    height = layout.height
    found: list[list[Any]] = []
    stack = list(layout)
    while stack:
        item = stack.pop()
        if isinstance(item, LTTextBox):
            stack.extend(item)
        elif isinstance(item, LTTextLineHorizontal):
            text = item.get_text().strip()
            if text:
                found.append(
                    [round(item.x0, 2), round(item.x1, 2), round(height - item.y1, 2), round(height - item.y0, 2), text]
                )
    found.sort(key=lambda line: (line[2], line[0]))
    return found


def extract(path: str, max_pages: int, max_side: float, max_chars: int, step: _Step) -> dict[str, Any]:
    """The pages of ``path`` with their text lines, or :class:`Refused`."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with open(path, "rb") as handle:
        parser = PDFParser(handle)
        step.start("opening the PDF")
        try:
            document = PDFDocument(parser, password="")
        except PDFPasswordIncorrect:
            raise Refused("the PDF is password-protected (give csrkg draft an unprotected copy)") from None
        except PDFEncryptionError as exc:
            raise Refused(f"the PDF's encryption is not supported: {exc}") from None
        declared = resolve1(resolve1(document.catalog.get("Pages", {})) or {})
        count = resolve1(declared.get("Count", 0)) if isinstance(declared, dict) else 0
        if isinstance(count, int) and count > max_pages:
            raise Refused(f"the PDF declares {count} pages (the limit is {max_pages})")
        # Layout analysis groups characters into lines; boxes_flow=None skips pdfminer's own box
        # ordering, which kg.ingest.layout replaces with a column-aware one.
        laparams = LAParams(line_overlap=0.5, char_margin=2.0, word_margin=0.1, line_margin=0.5, boxes_flow=None)
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=laparams)
        interpreter = PDFPageInterpreter(manager, device)
        pages: list[dict[str, Any]] = []
        chars = 0
        step.stop()
        pages_of = PDFPage.create_pages(document)
        for number in range(1, max_pages + 2):
            step.start(f"reading page {number}")
            page = next(pages_of, None)
            if page is None:
                break
            if number > max_pages:
                raise Refused(f"the PDF has more than {max_pages} pages")
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            width, height = abs(x1 - x0), abs(y1 - y0)
            if width > max_side or height > max_side:
                raise Refused(f"page {number} is {width:.0f} x {height:.0f} pt (the limit is {max_side:.0f} pt a side)")
            interpreter.process_page(page)
            layout = device.get_result()
            lines = _lines(layout)
            chars += sum(len(line[4]) for line in lines)
            if chars > max_chars:
                raise Refused(f"the PDF holds more than {max_chars} characters of text")
            pages.append({"width": round(layout.width, 2), "height": round(layout.height, 2), "lines": lines})
        step.stop()
    return {"pages": pages}


def main(argv: list[str]) -> int:
    path, max_pages, max_side, max_chars, memory, cpu, seconds = argv
    resource.setrlimit(resource.RLIMIT_AS, (int(memory), int(memory)))
    resource.setrlimit(resource.RLIMIT_CPU, (int(cpu), int(cpu) + 1))
    sys.addaudithook(_refuse)
    sys.setrecursionlimit(5000)
    step = _Step(float(seconds))
    try:
        try:
            result = extract(path, int(max_pages), float(max_side), int(max_chars), step)
        finally:
            step.stop()
    except (Refused, Expired) as exc:
        result = {"error": str(exc)}
    except MemoryError:
        result = {"error": f"reading the PDF needs more than {int(memory) >> 20} MiB of memory (a decompression bomb?)"}
    except RecursionError:
        result = {"error": "the PDF's objects are nested too deeply to read"}
    except Exception as exc:  # pdfminer raises many kinds on malformed files: each is a broken PDF
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        result = {"error": f"not a readable PDF ({type(exc).__name__}{': ' + detail if detail else ''})"}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
