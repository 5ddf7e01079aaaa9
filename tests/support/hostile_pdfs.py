"""Hostile PDFs written byte by byte: JavaScript, embedded files, bombs, absurd pages and counts.

reportlab writes only well-formed files, so these are assembled here from numbered objects with
a correct cross-reference table (:func:`raw_pdf`), each breaking one limit or carrying one thing
``csrkg draft`` must never run or extract.
"""

from __future__ import annotations

import zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 14 Tf 72 760 Td (Hostile Co Limited) Tj 0 -24 Td (ESG Report 2022) Tj ET"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 is the catalog), with its xref table and trailer."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page(
    content: bytes = TEXT, catalog_extra: bytes = b"", media_box: bytes = b"[0 0 595 842]", count: int = 1
) -> list[bytes]:
    """Objects of a one-page document: catalog, pages, page, font, content."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box + b" /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        FONT,
        stream(content),
    ]


def with_javascript_and_attachment() -> bytes:
    """Text on the page, JavaScript run on opening, and an attached file whose text must not appear."""
    objects = one_page(
        catalog_extra=b"/OpenAction 6 0 R /Names << /JavaScript << /Names [(a) 6 0 R] >> "
        b"/EmbeddedFiles << /Names [(secret.txt) 7 0 R] >> >>"
    )
    objects += [
        b"<< /S /JavaScript /JS (app.launchURL\\('http://attacker.example/'\\); "
        b"this.exportDataObject\\({cName: 'x'}\\)) >>",
        b"<< /Type /Filespec /F (secret.txt) /EF << /F 8 0 R >> >>",
        stream(b"ATTACHED SECRET TEXT", b"/Type /EmbeddedFile"),
    ]
    return raw_pdf(objects)


def huge_page() -> bytes:
    return raw_pdf(one_page(media_box=b"[0 0 1000000 1000000]"))


def absurd_page_count() -> bytes:
    return raw_pdf(one_page(count=2_000_000_000))


def self_reference() -> bytes:
    """A trailer whose catalog is a reference to itself: pdfminer would resolve it forever."""
    return raw_pdf([b"1 0 R", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def understated_page_count(pages: int) -> bytes:
    """``pages`` pages under a page tree that declares only one."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count 1 >>",
        FONT,
        stream(TEXT),
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 4 0 R >>"
    ] * pages
    return raw_pdf(objects)


def decompression_bomb(expanded: int) -> bytes:
    """A page whose content stream is ``expanded`` bytes of spaces, flate-compressed to a small file."""
    packer = zlib.compressobj(9)
    chunk = b" " * 2**24
    parts = [packer.compress(chunk) for _ in range(expanded // len(chunk))]
    parts.append(packer.flush())
    return raw_pdf([*one_page()[:4], stream(b"".join(parts), b"/Filter /FlateDecode")])


def deep_nesting(depth: int) -> bytes:
    """A page whose resources hold arrays nested ``depth`` levels deep."""
    nested = b"[" * depth + b"]" * depth
    objects = one_page()
    objects[2] = objects[2].replace(b"/Contents 5 0 R", b"/Contents 5 0 R /Junk " + nested)
    return raw_pdf(objects)
