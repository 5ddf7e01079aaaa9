"""The text lines of a PDF's pages, read by a limited child process (:mod:`kg.ingest.pdf_worker`).

This side checks what can be checked before parsing (size, the ``%PDF-`` header, that
pdfminer.six is installed), starts the worker with the limits, waits at most ``timeout`` seconds
and turns every way it can end (an error it reports, a crash, a kill by the memory or CPU
limit, a timeout) into one :class:`~kg.errors.InputError` naming the file.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.ingest.layout import Fragment, Page


@dataclass(frozen=True)
class Limits:
    """What ``csrkg draft`` accepts from one file (documented in README "Drafting a report folder")."""

    max_bytes: int = 200 * 2**20  # file size
    max_pages: int = 2000
    max_side: float = 14_400.0  # points: the largest page PDF 1.7 allows (200 inches)
    max_chars: int = 20_000_000  # characters of text in the whole file
    memory: int = 2 * 2**30  # address space of the parsing process (bytes)
    step_seconds: float = 30.0  # wall-clock seconds to open the document, and to read each page
    cpu: int = 600  # CPU seconds of the parsing process
    timeout: float = 900.0  # wall-clock seconds for the whole file
    html_seconds: float = 120.0  # wall-clock seconds to parse an HTML file


def _missing_pdfminer() -> bool:
    return importlib.util.find_spec("pdfminer") is None


def read_pdf(path: Path, limits: Limits | None = None) -> list[Page]:
    """The pages of ``path`` with their text lines; any reason it cannot be read is an InputError."""
    limits = limits or Limits()
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise InputError(f"{path}: cannot read the file: {getattr(exc, 'strerror', None) or exc}") from None
    if size > limits.max_bytes:
        raise InputError(f"{path}: the file is {size >> 20} MiB (the limit is {limits.max_bytes >> 20} MiB)")
    if b"%PDF-" not in head:
        raise InputError(f"{path}: not a PDF (no %PDF- header in its first 1024 bytes)")
    if _missing_pdfminer():
        raise InputError(f"{path}: reading PDFs needs pdfminer.six: pip install 'csr-kg[pdf]'")
    package_root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    command = [
        sys.executable,
        "-m",
        "kg.ingest.pdf_worker",
        str(path.resolve()),
        str(limits.max_pages),
        str(limits.max_side),
        str(limits.max_chars),
        str(limits.memory),
        str(limits.cpu),
        str(limits.step_seconds),
    ]
    try:
        proc = subprocess.run(command, env=env, capture_output=True, timeout=limits.timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise InputError(f"{path}: reading the PDF took more than {limits.timeout:.0f} s") from None
    if proc.returncode != 0:
        raise InputError(f"{path}: reading the PDF failed ({_ending(proc.returncode)})")
    try:
        result = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(f"{path}: reading the PDF failed (no result from the reader)") from None
    if "error" in result:
        raise InputError(f"{path}: {result['error']}")
    pages = [
        Page(
            number=index,
            width=page["width"],
            height=page["height"],
            fragments=tuple(Fragment(x0, x1, top, bottom, text) for x0, x1, top, bottom, text in page["lines"]),
        )
        for index, page in enumerate(result["pages"], start=1)
    ]
    if not pages:
        raise InputError(f"{path}: the PDF has no pages")
    if not any(page.fragments for page in pages):
        raise InputError(f"{path}: the PDF has no text (a scanned PDF needs OCR first)")
    return pages


def _ending(status: int) -> str:
    """How the worker ended, in words: a negative status is the signal that killed it."""
    if status == -9:
        return "killed: over the CPU-time limit or out of memory"
    if status == -24:  # SIGXCPU
        return "over the CPU-time limit"
    if status < 0:
        return f"killed by signal {-status}"
    return f"exit status {status}"
