"""Say why a quote is not verbatim in the text: a typographic quote, white space, or where it drifts.

A curator copies a quote out of a PDF viewer or retypes it; most quotes that fail to anchor
differ from the text by a curly apostrophe, a line break where the quote has a space, or one
changed word. Saying which, and where, saves a search through a 300 kB text. Every check is a
linear scan or a handful of them (``str.find`` in a binary search, one regular expression with no
nested repetition, a few short ``difflib`` comparisons), so the cost is bounded on a long text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

# Typographic quotes and apostrophes, each mapped to the straight character it stands for. One
# character to one character, so offsets in the translated text are offsets in the text.
_STRAIGHT = {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"'}
_SPACE = re.compile(r"\s+")


def _straight(text: str) -> str:
    """``text`` with typographic quotes made straight (``str.replace`` scans in C; ``translate`` with a
    mapping costs a dictionary lookup per character, a tenth of a second on a 300 kB text)."""
    for curly, straight in _STRAIGHT.items():
        text = text.replace(curly, straight)
    return text


SHOWN = 24  # characters of context shown on each side of a difference
MIN_MATCH = 12  # a shorter common start or end is no evidence of where the quote was meant to be
PIECE = 8  # the quote is cut into pieces this long; where one occurs, a passage like the quote may start
PIECES = 12  # pieces looked up, at most
PIECE_TRIES = 20  # occurrences of each piece taken as candidate passages, at most
COMPARED = 300  # characters of a long quote compared with a passage by difflib


def near_miss(text: str, quote: str, lo: int = 0, hi: int | None = None) -> str:
    """Why ``quote`` is not in ``text[lo:hi]``, as a clause for the error message ('' if no idea)."""
    hi = len(text) if hi is None else hi
    straight_text = _straight(text[lo:hi])
    straight_quote = _straight(quote)
    return (
        _typographic(text, quote, lo, straight_text, straight_quote)
        or _spacing(text, quote, lo, straight_text, straight_quote)
        or _drift(text, quote, lo, straight_text, straight_quote)
    )


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _name(char: str) -> str:
    if char in _STRAIGHT:
        return f"curly {char}"
    if char in "'\"":
        return f"straight {char}"
    return repr(char)


def _quote_difference(text: str, start: int, quote: str) -> str:
    """The first typographic difference between ``quote`` and the equally long passage at ``start``."""
    i = next((i for i, char in enumerate(quote) if text[start + i] != char), None)
    if i is None:
        return ""
    return (
        f"the text has {_name(text[start + i])} where the quote has {_name(quote[i])} "
        f"(line {_line(text, start + i)}): curly and straight quotes differ"
    )


def _typographic(text: str, quote: str, lo: int, straight_text: str, straight_quote: str) -> str:
    """The quote is in the text once curly and straight quotes are taken as the same."""
    if not any(char in "'\"" for char in straight_quote):
        return ""
    at = straight_text.find(straight_quote)
    return "" if at == -1 else _quote_difference(text, lo + at, quote)


def _describe_space(run: str) -> str:
    if "\n" in run:
        return "a line break" if run.count("\n") == 1 else f"{run.count(chr(10))} line breaks"
    if run == "\t":
        return "a tab"
    if run == " ":
        return "a space"
    if set(run) == {" "}:
        return f"{len(run)} spaces"
    return "white space " + "".join(f"U+{ord(c):04X}" for c in run)


def _spacing(text: str, quote: str, lo: int, straight_text: str, straight_quote: str) -> str:
    """The quote is in the text once any run of white space is taken as any other."""
    words = straight_quote.split()
    if not words:
        return ""
    found = re.search(r"\s+".join(map(re.escape, words)), straight_text)
    if found is None:
        return ""
    start = lo + found.start()
    passage = text[start : lo + found.end()]
    quote_runs = _SPACE.findall(quote.strip())
    for text_run, quote_run in zip(_SPACE.finditer(passage), quote_runs, strict=False):
        if text_run.group() != quote_run:
            offset = start + text_run.start()
            return (
                f"the text has {_describe_space(text_run.group())} where the quote has "
                f"{_describe_space(quote_run)} (line {_line(text, offset)})"
            )
    stripped = quote.strip()
    if passage != stripped and _straight(passage) == _straight(stripped):
        return _quote_difference(text, start, stripped)
    return f"the quote has white space at its start or end that the text does not (line {_line(text, start)})"


def _longest(found: Callable[[int], bool], length: int) -> int:
    """The largest k <= length with found(k), for a found() that holds up to some k and not beyond."""
    low, high = 0, length
    while low < high:
        middle = (low + high + 1) // 2
        if found(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _drift(text: str, quote: str, lo: int, straight_text: str, straight_quote: str) -> str:
    """Where the quote leaves the text: after its longest matching start or before its longest matching
    end when that is most of the quote, else the passage most like it, else the shorter start or end."""
    n = len(straight_quote)
    head = _longest(lambda k: straight_text.find(straight_quote[:k]) != -1, n)
    tail = _longest(lambda k: straight_text.find(straight_quote[n - k :]) != -1, n)
    if 2 * max(head, tail) < n:
        nearest = _nearest_passage(text, quote, lo, straight_text, straight_quote)
        if nearest or max(head, tail) < min(MIN_MATCH, n):
            return nearest
    if head >= tail:
        at = lo + straight_text.find(straight_quote[:head]) + head
        return (
            f"the text matches its first {head} characters (line {_line(text, at)}), then has "
            f"{text[at : at + SHOWN].partition(chr(10))[0]!r} where the quote has {quote[head : head + SHOWN]!r}"
        )
    at = lo + straight_text.find(straight_quote[n - tail :])
    return (
        f"the text matches its last {tail} characters (line {_line(text, at)}), after "
        f"{text[max(lo, at - SHOWN) : at].rpartition(chr(10))[2]!r} where the quote has "
        f"{quote[max(0, n - tail - SHOWN) : n - tail]!r}"
    )


def _nearest_passage(text: str, quote: str, lo: int, straight_text: str, straight_quote: str) -> str:
    """The passage most like the quote, among those where a piece of it occurs (a misspelling spares most pieces)."""
    pieces = {straight_quote[i : i + PIECE]: i for i in range(0, max(1, len(straight_quote) - PIECE + 1), PIECE)}
    starts: set[int] = set()
    for piece, offset in list(pieces.items())[:PIECES]:
        at = straight_text.find(piece)
        for _ in range(PIECE_TRIES):
            if at == -1:
                break
            starts.add(max(0, at - offset))
            at = straight_text.find(piece, at + 1)
    best: tuple[float, int] = (0.0, -1)
    for start in sorted(starts):
        window = straight_text[start : start + len(straight_quote)]
        matcher = difflib.SequenceMatcher(None, window[:COMPARED], straight_quote[:COMPARED], autojunk=False)
        if matcher.real_quick_ratio() > best[0] and matcher.quick_ratio() > best[0] and matcher.ratio() > best[0]:
            best = (matcher.ratio(), start)
    ratio, start = best
    if start == -1 or ratio < 0.6:
        return ""
    window = straight_text[start : start + len(straight_quote)]
    first = difflib.SequenceMatcher(None, window, straight_quote, autojunk=False).get_matching_blocks()[0]
    begin = lo + max(0, start + first.a - first.b)
    while begin < len(text) and text[begin].isspace():
        begin += 1
    return f"the nearest passage (line {_line(text, begin)}) is {text[begin : begin + min(len(quote), 80)]!r}"
