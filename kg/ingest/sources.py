"""The files ``csrkg draft`` reads, by suffix: named apart from the drafter, so that ``csrkg build``
tells a source file from a report folder without importing the drafter (pdfminer, the recognisers).
"""

from __future__ import annotations

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
SOURCE_SUFFIXES = (*PDF_SUFFIXES, *HTML_SUFFIXES, *TEXT_SUFFIXES)
