"""Read the English half of a bilingual cell: Chinese (or Japanese) words printed before the
English on the same line.

Hong Kong reports print their headings, table headers and row labels in both languages, the
Chinese first: ``能源消耗 Energy consumption``, ``單位 Unit``, ``30歲以下 Under 30``. The table
readers match English words (a unit column, a breakdown group, a catalogue metric), so they read
the English half; the quote of a row stays the whole line as printed.
"""

from __future__ import annotations

import re

# CJK ideographs, kana, CJK punctuation and full-width forms.
_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# Leading words (apart with spaces) that print a CJK character and no Latin letter ("30歲以下"
# holds digits), before a word that does.
_LEADING = re.compile(rf"^(?:[^\sA-Za-z]*[{_CJK}][^\sA-Za-z]*\s+)+(?=[^\s{_CJK}]*[A-Za-z])")


def english_start(text: str) -> int:
    """Where the English half of ``text`` starts: after its leading Chinese words when English
    follows them on the line, else 0 (a cell in one language is read as it is)."""
    m = _LEADING.match(text)
    return m.end() if m else 0


def english_part(text: str) -> str:
    """``text`` without its leading Chinese words: ``單位 Unit`` is ``Unit``; ``Unit`` and ``單位``
    alone are as printed."""
    return text[english_start(text) :]
