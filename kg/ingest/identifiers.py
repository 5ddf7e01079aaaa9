"""Check a company's identifiers as report.yaml gives them: LEI, ISIN, Wikidata item, stock code.

Two reports share their company's node when an identifier says they are the same company
(kg.ingest.companies), so a mistyped identifier would merge two companies or split one. The
check digits of LEIs (ISO 17442, ISO 7064 MOD 97-10) and ISINs (ISO 6166, Luhn) catch nearly
every typing error, so a wrong one is refused with the digit it should have.
"""

from __future__ import annotations

import re

LEI = re.compile(r"^[A-Z0-9]{18}[0-9]{2}$")
ISIN = re.compile(r"^[A-Z]{2}[A-Z0-9]{9}[0-9]$")
WIKIDATA_ITEM = re.compile(r"^Q[1-9][0-9]{0,11}$")
STOCK_CODE = re.compile(r"^[A-Z0-9](?:[A-Z0-9.-]{0,14}[A-Z0-9])?$")
SECTOR_CODE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,30}[A-Za-z0-9])?$")


def _digits(text: str) -> str:
    """Letters read as numbers, A=10 ... Z=35, as both standards do."""
    return "".join(str(int(ch, 36)) for ch in text)


def lei_check_digits(base: str) -> str:
    """The two check digits of the 18 characters ``base`` (ISO 7064 MOD 97-10)."""
    return f"{98 - int(_digits(base) + '00') % 97:02d}"


def check_lei(value: str) -> str:
    if not LEI.match(value):
        raise ValueError(f"{value[:40]!r} is not an LEI (ISO 17442: 18 upper-case letters or digits, 2 check digits)")
    if int(_digits(value)) % 97 != 1:
        raise ValueError(
            f"{value!r} is not an LEI: its check digits are {value[18:]}, "
            f"the first 18 characters need {lei_check_digits(value[:18])} (ISO 7064 MOD 97-10)"
        )
    return value


def isin_check_digit(base: str) -> str:
    """The check digit of the 11 characters ``base`` (ISO 6166: Luhn over the digits)."""
    total = 0
    for i, digit in enumerate(reversed(_digits(base))):
        n = int(digit) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return str((10 - total % 10) % 10)


def check_isin(value: str) -> str:
    if not ISIN.match(value):
        raise ValueError(
            f"{value[:40]!r} is not an ISIN (ISO 6166: a 2-letter country code, 9 letters or digits, 1 check digit)"
        )
    expected = isin_check_digit(value[:11])
    if value[11] != expected:
        raise ValueError(
            f"{value!r} is not an ISIN: its check digit is {value[11]}, the first 11 characters need {expected}"
        )
    return value


def check_wikidata(value: str) -> str:
    if not WIKIDATA_ITEM.match(value):
        raise ValueError(f"{value[:40]!r} is not a Wikidata item id (Q and digits, e.g. Q95)")
    return value


def check_stock_code(value: str) -> str:
    if not STOCK_CODE.match(value):
        raise ValueError(f"{value[:40]!r} is not a stock code (upper-case letters, digits, '.' or '-', at most 16)")
    return value


def check_sector_code(value: str) -> str:
    if not SECTOR_CODE.match(value):
        raise ValueError(f"{value[:40]!r} is not a sector code (letters, digits, '.' or '-', at most 32)")
    return value
