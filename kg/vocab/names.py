"""Readable, stable identifiers made from labels."""

from __future__ import annotations

import re
import unicodedata


def slugify(label: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary within ``limit``.

    The same label always gives the same slug, so IRIs minted from labels are stable.
    """
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'s ", "s "))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or "x"
