"""Read a text file a report folder holds, and find characters no RDF/XML file can carry.

Claim sheets and report texts are read the same way, so any reason one cannot be read (missing,
a directory, not UTF-8) is an :class:`InputError` naming the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import InputError

# Characters XML 1.0 cannot hold (C0 controls other than tab, LF and CR; lone surrogates;
# U+FFFE and U+FFFF): a graph holding one cannot be written as RDF/XML, so input holding one is
# refused where it is read, with its file and line.
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def forbidden_char(text: str) -> str | None:
    """A description of the first character of ``text`` no RDF/XML file can hold, or None."""
    found = FORBIDDEN_CHARS.search(text)
    return f"character U+{ord(found.group()):04X}" if found else None


def read_text_file(path: Path, what: str = "file") -> str:
    """The UTF-8 text of ``path``; any reason it cannot be read is an :class:`InputError`."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: {what} not found") from None
    except IsADirectoryError:
        raise InputError(f"{path}: {what} is a directory, not a file") from None
    except (OSError, ValueError) as exc:  # permissions, a NUL in the name ...
        raise InputError(f"{path}: cannot read {what}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
