"""Read the figures of one quotable unit: what each quantity is a value, change or target of, and when.

Every quantity mention the recogniser (:mod:`kg.ingest.quantities`) finds in a unit becomes one
:class:`Figure`, unless its context shows it is no figure: a reference number ("Cap. 57",
"Goal 7", "page 12", "Euro 6", a regulator's "Notice 12"), any number of a list a code opens
("SDGs 3, 4 and 13"), an age ("aged 18", "44 years old", "aged between 30 and 50", "Madam Chan,
71, joined"), a rank ("Top 100"), the denominator of a rate ("per 200,000 hours"), a number
inside a name ("the Drive Safe 360 course"), a schedule ("7 days a week"), a time of day, a
street number. Years, dates, ordinals, codes and list numbers the recogniser already sets apart.

A figure's **role** is read from the words right before and after it: ``change`` after "increased
by", "a decrease of", "up", "down", before "reduction" or "year-on-year" (with a direction, so a
decrease is negative); ``target`` in a sentence that commits ("aim", "target", "plan", "will")
and names a year to reach ("by 2030"); else ``value`` ("down from 0.24 ... in 2020" is a value of
2020); a figure named as the level aimed at ("our target of 95%") is a target too. Its **period**
is the label printed before it ("(2021: 8.25%; 2020: 9.1%)"), else its place in a list of periods
("... in 2022 and 2021 respectively"), else the period phrase right after it ("... 98.6 million
litres in 2023", shared by the figures joined to it by "and"), else the one the sentence opens with
("In 2021, ...", "As at 31 December 2022, ...", "At year end, ...", "By 31 March 2022, ..." (a day
that has come), "Since 2017, ...", "From 2016 to 2019, ...", "For the year ended 31 March 2022,
...", "Over the past three years, ...", "In February alone, ..."),
else the caption of its bullet list, else that of the sentence it goes on from ("Of these, ..."),
else the report's period (None). The date of an event ("launched in 2015") dates nothing, or starts
what has been done since ("... we have provided ..."). A change's baseline is
the period it is "compared with" ("the previous year", "2020", "year-on-year": the year before);
a target's is its stated base year. Its **metric** is named from the sentence (see
:func:`metric_name`); when the unit announces a figure it does not print ("... is disclosed in
the appendix", a currency with no number), :attr:`Reading.missing` names it instead, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from kg.drafting.sentences import CHANGE_LINE, Unit
from kg.ingest.quantities import MONTHS, Mention

_YEAR = r"(?:19[5-9]\d|20\d\d)"
_MONTH_NUMBER = {name.lower(): n for n, name in enumerate(MONTHS.split("|"), start=1)}
# A day's number may carry its ordinal's letters ("5th October 2021", "March 1st, 2023").
_ORD = r"(?:st|nd|rd|th)?"
_DAY = rf"(?:(?P<d1>\d{{1,2}}){_ORD}\s+(?P<m1>{MONTHS})|(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}}){_ORD},?)\s+(?P<y>{_YEAR})"
# A year as a period names it: "2021", or a fiscal year ("FY2021", "2020/21", "the financial year 2021",
# "the 2024/25 school year": a split year is a fiscal one, whatever kind of year the words after it name).
_SPLIT_YEAR_KIND = r"\s+(?:school|academic|financial|fiscal|reporting)\s+year\b"
_TOKEN = (
    rf"(?:FY\s?|(?:the\s+)?(?:fiscal|financial)\s+year\s+|the\s+(?={_YEAR}\s?/))?"
    rf"{_YEAR}(?:\s?/\s?(?:{_YEAR}|\d{{2}})(?:{_SPLIT_YEAR_KIND})?)?(?![\d/])"
)
_FISCAL_TOKEN = re.compile(r"^(?:FY|(?:the\s+)?(?:fiscal|financial))|/", re.I)


def _from_day(p: str) -> str:
    """An optional day and month before a year ("1 April 2021"), its groups prefixed with ``p``."""
    return rf"(?:(?P<{p}d>\d{{1,2}})\s+)?(?:(?P<{p}m>{MONTHS})\s+)?"


_LAST_YEAR = r"(?:previous|prior|last|preceding)\s+(?:financial\s+|fiscal\s+|reporting\s+)?year\b"
# A sentence that says what one unit is in another: "One megalitre is 1,000 m³", "1 MWh equals 3.6 GJ".
_CONVERSION = re.compile(
    r"^(?:one|an?|1)\s+(?P<unit>\S+)\s+(?:is|equals|=|is\s+equal\s+to)\s+(?:about\s+)?\d[\d,.]*\s*\S+?\.?$", re.I
)
# A product's specifications, printed as figures of one unit joined by "+" ("a 48MP+12MP camera",
# "8GB+256GB of storage"): the sentence describes a product, and its figures (a charging power, a
# screen's share) are the product's, not what the company did or used; its price is the company's.
_SPECIFICATIONS = re.compile(r"\d[\d.]*\s?(?P<u>[A-Za-z]{1,3})\+\d[\d.]*\s?(?P=u)\b")
# Between two figures of one list: "310, 295 and 280 tCO2e", "310, 295, and 280".
_LIST_GAP = re.compile(r",\s*|,?\s+and\s+")
# What a list's figures are of, right after its last: "in the three years", "over the past three years".
_YEARS_OF_LIST = re.compile(r"^\s+(?:in|over|for|during)\s+the\s+(?:(?:past|last)\s+)?(?P<n>\w+)\s+years\b", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT_WORDS = "|".join(_COUNTS)
_PARTS = {"first": 1, "second": 2, "third": 3, "fourth": 4}

# Period phrases, each with the span it covers; the first group that matches names its kind.
_PERIODS = re.compile(
    # Two or three periods for as many figures, in order ("... in 2022 and 2021 respectively").
    rf"(?P<days>\bas\s+(?:at|of|on)\s+(?:(?P<sd1>\d{{1,2}})\s+(?P<sm1>{MONTHS})|(?P<sm2>{MONTHS})\s+(?P<sd2>\d{{1,2}}),?)\s+"
    rf"(?P<sy1>{_YEAR})(?:\s*,\s*(?P<sy2>{_YEAR}))?\s*,?\s+and\s+(?P<sy3>{_YEAR})\b)"
    rf"|(?P<years>\b(?:in|during|for|of)\s+(?:the\s+years\s+)?(?P<ys1>{_TOKEN})(?:\s*,\s*(?P<ys2>{_TOKEN}))?\s*,?\s+and\s+"
    rf"(?P<ys3>{_TOKEN}))"
    rf"|(?P<asat>\b(?:as\s+(?:at|of|on)\s+(?:{_DAY}|the\s+end\s+of\s+(?P<ey>{_TOKEN})"
    # "as of December 2023", "as at the end of June 2023": the month's last day; "as of the third
    # quarter of 2023": the quarter's
    rf"|(?:the\s+end\s+of\s+)?(?P<amo>{MONTHS})\s+(?P<amy>{_YEAR})"
    rf"|(?:the\s+end\s+of\s+)?the\s+(?P<app>first|second|third|fourth)\s+(?P<apk>half|quarter)\s+of\s+(?P<apy>{_YEAR}))"
    rf"|at\s+the\s+end\s+of\s+(?P<ey2>{_TOKEN})"
    # "At 31 December 2023 we employed ...": "at" a day is "as at" it
    rf"|at\s+(?P<ad1>\d{{1,2}})\s+(?P<am1>{MONTHS})\s+(?P<ay>{_YEAR})"
    rf"|(?:as\s+)?at\s+the\s+end\s+of\s+the\s+(?P<eown>reporting\s+(?:period|year)|(?:financial\s+|fiscal\s+)?year)(?!\s+\d)"
    # "At year end, 71% of ...", "1,200 staff at the year-end": the last day of the report's own year
    rf"|(?:as\s+)?at\s+(?:the\s+)?(?P<yend>(?:financial\s+|fiscal\s+)?year[- ]?end)\b(?!\s+\d)))"
    rf"|(?P<on>\bon\s+(?:(?P<od1>\d{{1,2}})\s+(?P<om1>{MONTHS})|(?P<om2>{MONTHS})\s+(?P<od2>\d{{1,2}}),?)\s+(?P<oy>{_YEAR}))"
    # "from 2017 to 2020", and two years a dash joins ("from 2017-2020", "in 2017 - 2020", an en dash as well)
    rf"|(?P<range>\b(?:from|between|(?:in|during|over|throughout)(?=\s+{_YEAR}\s*[–—-]\s*{_YEAR}\b))\s+"
    rf"{_from_day('a')}(?P<r1>{_TOKEN})(?:\s+(?:to|and|until|through)\s+|\s*[–—-]\s*){_from_day('b')}(?P<r2>{_TOKEN}))"
    # "from 3 October to 20 November (2023)", "from October 3rd to November 20th": those days
    rf"|(?P<dates>\b(?:from|between)\s+(?:(?P<da1>\d{{1,2}}){_ORD}\s+(?P<dam1>{MONTHS})|(?P<dam2>{MONTHS})\s+(?P<da2>\d{{1,2}}){_ORD})"
    rf"\s+(?:to|and|until|through)\s+(?:(?P<db1>\d{{1,2}}){_ORD}\s+(?P<dbm1>{MONTHS})|(?P<dbm2>{MONTHS})\s+(?P<db2>\d{{1,2}}){_ORD})"
    rf"(?:,?\s+(?P<dy>{_YEAR}))?)"
    rf"|(?P<since>\bsince\s+(?P<sy>{_TOKEN}))"
    # "by the end of 2022", "by 31 March 2024", "by June 30, 2024", "by (the end of) June 2024": a
    # deadline, or (see _periods) the day a level was reached
    rf"|(?P<end>\bby\s+(?:the\s+end\s+of\s+(?P<eny>{_TOKEN})|(?P<ebd>\d{{1,2}}){_ORD}\s+(?P<ebm>{MONTHS})\s+(?P<eby>{_YEAR})"
    rf"|(?P<ebm2>{MONTHS})\s+(?P<ebd2>\d{{1,2}}){_ORD},?\s+(?P<eby2>{_YEAR})"
    rf"|(?:the\s+end\s+of\s+)?(?P<ebmo>{MONTHS})\s+(?P<ebmy>{_YEAR})))"
    # "by 2030", and a level to keep each year up to a deadline ("at least 40 hours each year to 2025")
    # or from a year to come ("at least 85% every year from 2026")
    rf"|(?P<by>\b(?:by|(?:each|every)\s+year\s+(?:(?:up\s+)?(?:to|until|through)|from|starting\s+(?:from|in)))\s+"
    rf"(?P<byy>{_TOKEN}))"
    rf"|(?P<baseyear>\b(?:(?P<bb>{_TOKEN})\s+(?:baseline|base\s+year|levels?)|base\s+year:?\s+(?:of\s+)?(?P<ba>{_TOKEN})"
    rf"|(?:using|with|taking)\s+(?P<bu>{_TOKEN})\s+as\s+(?:the|its|our|a)\s+(?:baseline|base)(?:\s+year)?))"
    rf"|(?P<compared>\b(?:compared\s+(?:with|to)|against|versus|relative\s+to|over|from|on|than(?:\s+(?:in|for|at))?)\s+"
    rf"(?:the\s+)?(?:(?:same\s+period\s+(?:of|in)\s+|year\s+)?(?P<cy>{_TOKEN})|(?P<prev>{_LAST_YEAR}|a\s+year\s+(?:earlier|ago|before))))"
    rf"|(?P<yoy>\b(?:year[- ]on[- ]year|yoy|y-o-y)\b)"
    rf"|(?P<yearended>\b(?:(?:for|during|in)\s+)?the\s+(?:financial\s+|fiscal\s+|reporting\s+)?(?:year|period)\s+ended\s+"
    rf"(?:(?P<ed1>\d{{1,2}})\s+(?P<em1>{MONTHS})|(?P<em2>{MONTHS})\s+(?P<ed2>\d{{1,2}}),?)\s+(?P<eyr>{_YEAR}))"
    rf"|(?P<past>\b(?:over|in|during|for|throughout)\s+the\s+(?:past|last|previous)\s+(?P<pn>\d{{1,2}}|{_COUNT_WORDS})\s+"
    rf"(?:financial\s+|fiscal\s+)?years)"
    # "in the next five years", "over the coming 3 years": the years after the report's own
    rf"|(?P<next>\b(?:over|in|during|for|throughout|within)\s+the\s+(?:next|coming|following)\s+(?P<nn>\d{{1,2}}|{_COUNT_WORDS})\s+"
    rf"(?:financial\s+|fiscal\s+)?years)"
    rf"|(?P<lastyear>\b(?:(?:in|during|for)\s+)?(?:the\s+)?{_LAST_YEAR})"
    rf"|(?P<part>\b(?:in|during|for|over|from|since|until)\s+the\s+(?P<pp>first|second|third|fourth)\s+(?P<pk>half|quarter)\s+of\s+(?P<py>{_YEAR}))"
    rf"|(?P<report>\b(?:during|in|over|for|throughout)\s+the\s+(?:reporting\s+(?:period|year)|(?:financial\s+|fiscal\s+)?year(?!\s+\d)))"
    rf"|(?P<months>\b(?:from|between)\s+(?P<ma>{MONTHS})\s+(?:to|and|until|through)\s+(?P<mb>{MONTHS})\s+(?P<mby>{_YEAR}))"
    rf"|(?P<month>\b(?:in|during|throughout)\s+(?P<mo>{MONTHS})(?:\s+(?P<moy>{_YEAR})|(?![\s,]*\d)))"
    rf"|(?P<year>\b(?:in|during|for|of|throughout)\s+(?:the\s+year\s+)?(?P<yy>{_TOKEN}))"
    rf"|(?P<label>(?:(?<=\()|(?<=[;,]\s))\s*(?:(?P<ly>{_TOKEN})|(?P<ld>\d{{1,2}})\s+(?P<lm>{MONTHS})\s+(?P<lyy>{_YEAR}))\s*:)",
    re.I,
)
_COMMIT = re.compile(
    r"\b(?:aims?|aiming|targets?|targeting|plans?|planning|commit(?:s|ted)?|strives?|goals?|ambition|pledges?|"
    r"will|intends?|seeks?|endeavou?r)\b",
    re.I,
)
_DECREASE = (
    r"decrease[ds]?|decreasing|reduc(?:e[ds]?|ing|tion)|fell|fall(?:en|s)?|dropp?(?:ed|s)?|declin(?:e[ds]?|ing)|"
    r"down|cut(?:s|ting)?|lower(?:ed)?|less"
)
_INCREASE = (
    r"increase[ds]?|increasing|r(?:o|i)se[ns]?|rising|gr(?:e|o)w(?:n|s|th)?|up|rais(?:e[ds]?|ing)|higher|more|"
    r"improv(?:e[ds]?|ement)|expand(?:ed)?"
)
_CHANGE_BEFORE = re.compile(rf"\b(?:(?P<dec>{_DECREASE})|(?P<inc>{_INCREASE}))(?:\s+(?:by|of))?\s*$|\bby\s*$", re.I)
# An arrow printed right before a figure ("▲ 6.2% vs 2022", "▼ 1 case"), as key-figure pages mark a change.
_ARROW_BEFORE = re.compile(r"(?:(?P<inc>[▲△↑⬆])|[▼▽↓⬇])[ \t]*$")
_CHANGE_VERB = re.compile(rf"\b(?:(?P<dec>{_DECREASE})|(?P<inc>{_INCREASE}))\b", re.I)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?P<dec>reduction|decrease|decline|drop|fall|cut|lower|less|fewer)|(?P<inc>increase|rise|growth|higher|more))\b"
    r"|^\s*(?:year[- ]on[- ]year|yoy|y-o-y)\b"
    # "9.8% below its 2020 level", "4% above the previous year": a distance from another period's
    # figure; "... 2.2% below the baseline, water use 7.6% below it": "it" is the period named before.
    rf"|^\s*(?:(?P<below>below)|(?P<above>above))\s+(?:(?:its|the|our|their|that\s+of)\s+)?"
    rf"(?:{_TOKEN}|(?:previous|prior|last)\s+year|baseline|base\s+year|it\b)",
    re.I,
)
# A change from the period the change before it was measured from ("... 7.6% below it").
_FROM_IT = re.compile(r"^\s*(?:below|above)\s+it\b", re.I)
_YEAR_EARLIER_AFTER = re.compile(rf"^,?\s+(?:a\s+year\s+(?:earlier|ago|before)|(?:in\s+)?the\s+{_LAST_YEAR})", re.I)
_FROM_BEFORE = re.compile(r"\b(?:up|down|increased|decreased|rose|fell|dropped|grew|declined)\s+from\s*$", re.I)
# "improved to 1.39 from 1.44", "fell to 8.2% from 9.5%": the figure after "from" is the level before the change.
_TO_FROM_BEFORE = re.compile(
    rf"\b(?:{_DECREASE}|{_INCREASE}|went|changed|moved)\s+to\s+[^\s,;]+(?:\s+[^\s,;]+){{0,3}}\s+from\s*$", re.I
)
# "up" as a phrasal verb's particle: "made up of", "added up to", and any passive ("the app was
# opened up 2 million times", "were picked up 40 times"), where a change's "up" is never passive.
_NOT_CHANGE = re.compile(
    r"\b(?:make|makes|made|making|set|sets|sum|sums|summed|add|adds|added|end|ended)\s+up(?:\s+of)?\s*$"
    r"|\b(?:is|are|was|were|be|been|being)\s+[a-z]+(?:ed|en)\s+up\s*$",
    re.I,
)
_TO_AFTER = re.compile(r"^[^,;.]{0,30}?\bto\b", re.I)  # "rose from 120 to 150": a range, not the year before
_TO_BEFORE = re.compile(r"\bto\s*(?:(?:at\s+least|over|more\s+than|nearly|about|approximately)\s+)?$", re.I)

# Context that makes a digit run no figure (see the module's docstring).
_REFERENCE = re.compile(
    r"(?:\b(?:Cap|Chapter|Ch|No|Nos|Page|Pages|p|pp|Goal|Goals|Principle|Principles|Rule|Rules|Clause|Grade|Class|"
    r"Tier|Category|Item|Part|Schedule|Table|Figure|Fig|Annex|Paragraph|Para|Top|Phase|Stage|Level|Article|"
    r"Section|Appendix|Scope|SDG|SDGs|KPI|KPIs|Aspect|Standard|GRI|Code|Codes|Tel|Fax|Euro|Type|Model|Version|"
    r"Series|Generation|Gen|Block|Tower|Zone|Room|Floor|Unit|Line|Batch|Notice|Circular)\.?:?|#)\s*$",
    re.I,
)
# A telephone number ("call (852) 2811 3096", "+44 20 7946 0000").
_PHONE_BEFORE = re.compile(
    r"\b(?:tel|telephone|phone|fax|hotline|call|dial)\b\.?:?\s*(?:[+(]*\d{1,4}\)?[\s-]+)*[+(]*$", re.I
)
_PHONE = re.compile(r"(?:\+\s?\d{1,4}|\(\+?\d{2,4}\))(?:[\s-]\d{1,4})?(?:[\s-]\d{3,5}){2,3}(?!\d|[,.]\d)")
# A time limit ("resolved 97% of them within 14 days"), unless the figure is what was measured
# ("the average response time was within 2 hours").
_WITHIN = re.compile(r"^within\s+", re.I)
_WITHIN_BEFORE = re.compile(r"\bwithin\s*$", re.I)
_MEASURED_WITHIN = re.compile(r"\b(?:was|were|is|are|remained|averaged|took)\s*$", re.I)
# One event's past passive ("the leak was contained within 6 hours"): what it took, a figure,
# unless a share before it in its clause is measured against the limit (see ``_ALL_WITHIN``);
# "must be contained within 6 hours" is a limit, and so may be a plural's ("repairs were
# completed within 48 hours": a service standard as often as what they took).
_DONE_WITHIN = re.compile(r"\bwas\s+(?:[a-z]+-)?[a-z]+(?:ed|en)\s*$", re.I)
_SHARE_IN_CLAUSE = re.compile(r"%[^,;]*$")
# "every complaint was answered within 14 days", "all sites reopened within 24 hours": the limit
# is what all of them took at most, a figure; a share before it ("98% of them ... within 7 days")
# is measured against the limit, which is then a service standard.
_ALL_WITHIN = re.compile(r"\b(?:all|every|each)\b(?![^,;]*%)[^,;]*$", re.I)
# "relief goods reached the town within 36 hours of the flood", "we kept 90% of branches open
# within 2 days of the storm": a time counted from an event, which a past verb says was taken once,
# a figure; "complaints are handled within 14 days of receipt" is a standard (see _DONE_ONCE).
_OF_EVENT_AFTER = re.compile(r"\s+of\s+(?:the|an?|its|their|our)\s", re.I)
_DONE_ONCE = re.compile(
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bto\s)"
    r"\b(?:[a-z]{2,}ed|kept|sent|brought|gave|took|got|ran|began|rebuilt|made|reached)\b(?![^,;]*\b(?:must|will|shall)\b)"
)
_TIME_WORD = re.compile(r"^\s*(?:(?:working|business|calendar)\s+)?(?:days?|hours?|weeks?|months?|minutes?)\b", re.I)
# A year to come a level holds from, in the figure's clause: "... 40% of its voyages from 2025".
_FROM_YEAR_AFTER = re.compile(r"[^;.]*?\bfrom\s+(?P<y>(?:19|20)\d\d)\b(?!\s*(?:to|-|–|until|through)\s)", re.I)
# A rank bound: "our 10 largest customers", "the top 20 suppliers" ("top" before the number,
# a superlative after it).
_RANK_BEFORE = re.compile(r"\b(?:our|the|its|their)\s+(?:top\s+)?$", re.I)
_RANK_AFTER = re.compile(r"^\s+(?:largest|biggest|main|leading|most\s+[a-z]+|[a-z]+est)\b", re.I)
# The scale of a score ("rated 4.6 out of 5"), and the age bound of a group ("22% are under 30" of a
# unit that speaks of ages).
_OUT_OF_BEFORE = re.compile(r"\bout\s+of\s*$", re.I)
_SCALE_AFTER = re.compile(r"^\s*(?:points?\b|stars?\b|[,.;:)]|$)", re.I)  # "3 out of 5 plants": 5 is a count
_AGE_BOUND = re.compile(r"^(?:under|over|above|below|less\s+than|more\s+than)\s+\d{2}$", re.I)
_AGED = re.compile(r"\b(?:aged?|ages)\b", re.I)
_PEOPLE_BEFORE = re.compile(
    r"\b(?:employees|staff|people|workers|persons|colleagues|those|anyone|anybody|no\s+one|nobody|children)\s+$", re.I
)
# A threshold that selects what is counted ("loans above US$5 million"), not a measured figure:
# a bound right after a plural noun.
_THRESHOLD = re.compile(r"^(?:above|exceeding|in\s+excess\s+of)\b", re.I)
_PLURAL_BEFORE = re.compile(r"\b(?!(?:was|is|has|does)\b)[a-z]{3,}s\s*$", re.I)
_LIST_OF_CODES = re.compile(r"^\s*(?:,|and|&|/|\+|or|-|–|to|,\s*and)\s*$")
# A time of day ("from 9 a.m. to 6 p.m.", "9:30").
_CLOCK_AFTER = re.compile(r"^(?:\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)|:\d\d)", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:aged?|age\s+of|ages\s+of|under\s+the\s+age\s+of|over\s+the\s+age\s+of)\s*"
    r"(?:between\s+(?:\d{1,3}\s+and\s*)?|(?:from\s+)?\d{1,3}\s*(?:to|-|–|and)\s*|(?:under|over|above|below)\s*)?$",
    re.I,
)
_AGE_AFTER = re.compile(r"^\s*(?:years?\s+)?(?:old|of\s+age)\b|^-year-old", re.I)
_AGE_WORD = re.compile(r"\bage\b[^.;,]{0,40}$", re.I)
# A person's age set off by commas after their name: "Madam Chan, 71, joined our class".
_AGE_OF_PERSON = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Madam|Mdm|Dr|Mr\.|Mrs\.|Ms\.|Dr\.)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3},\s*$"
)
_YEAR_NUMBER = re.compile(_YEAR)
_FISCAL_YEAR_BEFORE = re.compile(rf"(?:FY\s?)?{_YEAR}\s?[/–-]\s?$")  # "2020/21", "2022-23": a fiscal year's end
_AFTER_YEAR = re.compile(r"^\s*(?:[,.;:)]|$|levels?\b|figures?\b|and\b|baseline\b)")
# A comparison figure that is not the company's ("the industry average of 3.1").
_BENCHMARK = re.compile(
    r"\b(?:industry|national|sector|market|peer|regional|global)\s+(?:average|median|benchmark)\s+(?:of\s+)?$", re.I
)
# A unit that goes on past what the lexicon read ("61.2 gCO2e per tonne-km"), or a symbol glued to
# a number the lexicon does not know ("1.5°C", "60 mph"): the unit cannot be told, so the figure
# is left out.
_UNREAD_UNIT = re.compile(r"^[-–/][A-Za-z]|^\s?[A-Za-z]{1,4}/[A-Za-z]{1,4}\b")
# What a rule requires or allows, not what was measured: "every teacher must complete at least 72
# hours", "trucks are limited to 40 km/h".
_OBLIGATION_BEFORE = re.compile(
    r"\b(?:must|(?:is|are)\s+(?:required|limited|capped|restricted)\s+to)\s+(?:[a-z]+\s+){0,2}$"
)
_UNKNOWN_SYMBOL = re.compile(
    r"^(?:[^\s,.;:)\]”\"'’%]|[^\S\n]?[A-Za-z]{0,2}[A-Z][A-Za-z]{0,3}\b(?<![A-Z][a-z]{3})(?!\s+[a-z]{3,}))"
)
# The level of a base year printed after it: "the 2019 baseline of 41.6", "its 2020 base-year value of 8,412".
_BASELINE_OF = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\s+(?:baseline|base[- ]year)(?:\s+(?:level|value|figure))?\s+of\s+$", re.I
)
# A base year's level printed right after it, in a sentence that may set a target against it:
# "against 2019 (274.3 kWh/m²)", "from a 2020 baseline (1,612 litres)", "against our 2019
# baseline of 151.9 kgCO2e".
_BASE_LEVEL_BEFORE = re.compile(
    r"\b(?:against|from|compared\s+(?:with|to)|relative\s+to)\s+(?:(?:the|a|an|our|its)\s+)?"
    r"(?P<year>(?:19|20)\d\d)(?:\s+(?:baseline|base[- ]year)(?:\s+(?:level|value|figure))?)?"
    r"(?:\s*\(\s*|\s+of\s+)$",
    re.I,
)
# A "when" clause after a base year, before the figure: "set against an FY2019 baseline, when our
# intensity was 2.4 kg per unit" (no other year between).
_BASELINE_WHEN = re.compile(
    r"\b(?P<year>(?:FY\s?)?(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?)\s+(?:baseline|base[- ]year),?\s+when\b"
    r"(?:(?!\b(?:19|20)\d\d\b)(?:[^.;]|\.(?=\d)))*$",
    re.I,
)
# Not a unit's symbol but things counted: an acronym's plural ("24 RTGs", "12 EVs"), a compound
# modifier an acronym opens ("46 LNG-powered trucks"), or a short word opening a name in the
# plural ("40 Go Stores", "12 Eco Hubs").
_COUNTED_ACRONYM = re.compile(r"^\s(?:[A-Z]{2,}(?:s\b|-[a-z])|[A-Z][a-z]{0,3}\s[A-Z][a-z]{2,}s\b)")
# A number inside a name ("the Drive Safe 360 course"): a bare count right after a capitalised
# word that does not open the unit (a count follows a verb, a determiner or a preposition).
_NAME_BEFORE = re.compile(r"(?<=[a-z,;:]\s)(?:[A-Z][a-z]+\s)*[A-Z][A-Za-z]+\s$")
# A figure inside a name that opens its unit as a label a colon closes ("Aero 5 (Slim Edition):
# Design Award", "Home Blender Max 2L: Innovation Prize"): a short number, its unit glued to it,
# after capitalised words (and the small words of a name), then a bracket or more capitalised words
# and the colon. A headline's figure ("Water Saved 1,200 m³: ...") prints its unit apart.
_IN_NAME = re.compile(r"\d{1,4}(?:\.\d+)?[A-Za-z]{0,3}")
_LABEL_NAME_BEFORE = re.compile(r"^(?:[A-Z][\w'’.-]*\s+)(?:(?:[A-Z][\w'’.-]*|and|of|for|the|&)\s+)*$")
_LABEL_NAME_AFTER = re.compile(r"^(?:\s*\([^()]{1,40}\)|\s+[A-Z][\w'’.-]*)*\s*:\s")
# A figure inside a quoted name a naming word opens ("the design concept of “90% of the look for
# 10% of the cost”", "a record for the world's “Largest tree planting in 48 hours”", "a campaign
# called "Walk 10,000 Steps""): the name's words, not a figure of the company.
_QUOTED_NAME = re.compile(
    r"\b(?:concept|record|slogan|motto|theme|title|principle|called|named|titled|themed|world['’]s)\s+"
    r"(?:(?:of|for|as)\s+)?(?:the\s+)?[“\"][^”\"]*$",
    re.I,
)
# An item number of a list run into a sentence ("focus on (1) safety, (2) people", "are: 1) safety;").
_ENUMERATOR_AFTER = re.compile(r"^\)\s+[A-Za-z]")
_ENUMERATOR_BEFORE = re.compile(r"(?:\(|(?:^|(?<!\d)[:;]|,|\band|\bor)\s*)$")  # not a label's "(2021: 5)"
_FRACTION_BEFORE = re.compile(r"\d/$")  # the denominator of "1/3"
_UNGROUPED = re.compile(r"\d{4,}")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)")
_LEADING_ZERO = re.compile(r"0\d+")  # "02", "007": a number, a code or a section, never a count
# A schedule ("staffed 7 days a week", "24 hours a day"), not a quantity measured.
_SCHEDULE_AFTER = re.compile(r"^\s*(?:a|per|each|every)\s+(?:day|week|month)\b", re.I)
_SCHEDULE_UNITS = frozenset({"DAY", "HR", "MIN"})
_PER_BEFORE = re.compile(r"\b(?:per|every|each)\s*$", re.I)
# The rating of each of a number of things ("12 chargers of 60 kW", "20 turbines of 2 MW each",
# "each with a 5 kW inverter"): what one of them is rated at, not a quantity the report measures.
_RATED_BEFORE = re.compile(r"\d[\d,]*\s+(?:[a-z-]+\s+){0,2}[a-z]{3,}s\s+of\s*$|\beach\s+with\s+an?\s*$", re.I)
_EACH_AFTER = re.compile(r"^\s*each\b", re.I)
_POWER_UNITS = frozenset({"W", "KiloW", "MegaW"})
# A street number ("66 Jinshui Road", "18 Harbour Street").
_ADDRESS_AFTER = re.compile(
    r"^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Street|Avenue|Lane|Boulevard|Drive|Highway|Rd|St|Ave)\b"
)

_VERB = (
    r"was|were|is|are|reached|totall?ed|amounted\s+to|stood\s+at|came\s+to|hit|exceeded|achieved|recorded|"
    r"remained\s+at|rose\s+to|fell\s+to|increased\s+to|decreased\s+to|dropped\s+to|grew\s+to|accounted\s+for|"
    r"made\s+up|makes?\s+up|reached\s+a\s+total\s+of"
)
_SUBJECT_BEFORE = re.compile(
    rf"(?P<subject>[A-Za-z][^,;:()]*?)\s+(?:{_VERB})\s+(?:(?:a|an|the)\s+(?:total|average|rate)\s+of\s+)?$", re.I
)
_ACTION_VERBS = (
    r"donated|invested|contributed|spent|raised|consumed|used|generated|collected|recycled|planted|trained|"
    r"delivered|granted|saved|installed|supported|recorded|employed|served|reached|completed|received|volunteered|"
    r"purchased|distributed|provided|offered|organised|organized|held|hosted|launched|opened|built|treated|"
    r"discharged|produced|emitted|avoided|reduced|saving|saved"
)
_ACTION = re.compile(
    rf"\b(?P<verb>{_ACTION_VERBS})\s+(?:(?:a\s+total\s+of|an\s+average\s+of|about|around|"
    r"approximately|over|more\s+than|nearly|almost|up\s+to|at\s+least|some)\s+)?$",
    re.I,
)
_ACTION_ANYWHERE = re.compile(
    rf"(?<![\w-])(?:{_ACTION_VERBS}|hired|recruited|joined|left|audited|assessed|inspected|visited|screened|"
    r"recommended|attracted|sold|released|published|conducted|signed)\b",
    re.I,
)
_STOP = re.compile(
    r"\b(?:in|at|to|for|by|from|during|with|on|and|or|which|who|that|was|were|is|are|has|have|had|since|as|than|"
    r"compared|while|whereas|across|per|over|under|through|within|into|of\s+which|of\s+whom|up|down|we|our|they|"
    r"their|it|its|a\s+year|each\s+year|per\s+year|annually|free\s+of\s+charge)\b(?![-’'])|[,.;:()\n]",
    re.I,
)
_LEADING = re.compile(
    r"^(?:(?:and|while|but|whereas|the|our|its|their|this|these|a|an|total|overall|annual|some|all|about|approximately|also|now|further|"
    r"we|group's|company's|group’s|company’s)\s+)+",
    re.I,
)
_POSSESSIVE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*['’]s\s+")
_MISSING = re.compile(
    r"\b(?:is|are|was|were|will\s+be)\s+(?:\w+\s+)?(?:disclosed|presented|shown|set\s+out|reported|provided|detailed|"
    r"listed|available|included|not\s+included)\b",
    re.I,
)
_MEASURABLE = re.compile(
    r"\b(?:total|amount|volume|number|quantity|percentage|share|rate|consumption|emissions?|waste|water|energy|"
    r"electricity|fuel|discharged?|intensity|hours|spend|spending|expenditure|donations?|investment)\b",
    re.I,
)
# Where a clause starts; the "and" of "Scope 1 and Scope 2 emissions" joins a scope's numbers, not two clauses.
_CLAUSE = re.compile(r"[,;:]\s+|(?<![Ss]cope \d)(?<![Ss]copes \d)\s+(?:and|while|whereas|but)\s+")
MAX_NAME_WORDS = 8


@dataclass(frozen=True)
class Figure:
    """One printed quantity of a unit, read.

    ``period`` and ``baseline`` are YYYY, YYYY-MM-DD or START/END (None: the report's period);
    ``direction`` is ``increase`` or ``decrease`` for changes and for targets of a change;
    ``unit`` is a unit key read beside a figure that prints none (a highlight's caption, the
    last figure of its list).
    """

    mention: Mention
    role: str  # value | change | target
    metric: str
    period: str | None = None
    baseline: str | None = None
    direction: str | None = None
    unit: str | None = None
    # The index among the unit's figures of the first figure of the list this one is printed in
    # ("310, 295 and 280 tCO2e"), whose metric it shares; None for a figure in no list or first in one.
    listed: int | None = None


@dataclass(frozen=True)
class Reading:
    """What a unit states in figures: its figures, or the metric it announces without a figure."""

    unit: Unit
    figures: tuple[Figure, ...] = ()
    missing: str | None = None
    commits: bool = False


@dataclass(frozen=True)
class _Period:
    start: int
    end: int
    kind: str
    value: str | None  # a token (see FigureReader's periods)
    previous: bool = False  # "compared with the previous year", "a year earlier": the year before the figure's
    values: tuple[str | None, ...] = ()  # of a list of periods ("in 2022 and 2021"), in order


@dataclass
class FigureReader:
    """Reads units of one report (its year gives "the previous year" and "since 2017" their end).

    ``fiscal_year_end`` (MM-DD, None when the text states none) makes "FY2021", "2020/21" and the
    report's own period ("during the Reporting Period", a figure with no period phrase) the twelve
    months ending that day; a bare "2021" stays the calendar year, as printed.
    """

    year: int
    currencies: tuple[str, ...] = field(default_factory=tuple)
    fiscal_year_end: str | None = None
    # The unit key of a unit word ("hours": HR), None when the word is no unit; without it a
    # highlight's caption gives no unit.
    unit_of: Callable[[str], str | None] | None = None
    # Whether the report prints its thousands grouped ("1,126"; see :func:`groups_thousands`):
    # then an ungrouped "6082" is a name (an alloy grade, a model), not a count.
    grouped: bool = False
    # The paragraph of the last sentence read with figures, and the period of its first level:
    # what a sentence going on from it ("Of these, ...") is dated by. Units are read in order.
    _carried: tuple[int, str | None] | None = field(default=None, init=False, repr=False)
    # Whether a sentence without figures came between it and the unit read next: then the sentence
    # no longer goes on describing the day the carried one is "as at".
    _interrupted: bool = field(default=False, init=False, repr=False)

    def read(self, unit: Unit, mentions: list[Mention]) -> Reading:
        """``mentions`` are the recogniser's mentions of the whole text inside the unit, in order."""
        text = unit.text
        at = unit.start
        quantities = [m for m in mentions if m.kind == "quantity"]
        kept = [m for m in quantities if self._is_figure(text, at, m, mentions)]
        if self._converts(text):
            kept = []  # "One megalitre is 1,000 m³": a conversion factor, no figure of the company
        if _SPECIFICATIONS.search(text):
            kept = [m for m in kept if any(c in m.surface for c in self.currencies)]
        commits = bool(_COMMIT.search(text) or (unit.kind == "bullet" and _COMMIT.search(unit.lead)))
        if not kept:
            self._interrupted = True
            return Reading(unit, (), self._missing(unit) if not kept else None, commits)
        periods = self._periods(text)
        lead = self._periods(unit.lead) if unit.kind == "bullet" else []
        spans = [(m.start - at, m.end - at) for m in kept]
        owned = _owners(text, periods, spans)
        paired = _paired(text, periods, spans)
        carried = self._carried
        goes_on = carried is not None and unit.paragraph == carried[0] and _GOES_ON.match(text) is not None
        inherited = carried[1] if carried is not None and goes_on else None
        described = carried is not None and unit.paragraph == carried[0] and not self._interrupted
        if described and carried is not None and self._states_the_day_on(carried[1], text, periods):
            inherited = carried[1]
        self._interrupted = False
        figures: list[Figure] = []
        for index, mention in enumerate(kept):
            figure = self._figure(unit, mention, index, spans, periods, lead, owned, figures, inherited)
            if index in paired and figure.role == "value":
                figure = replace(figure, period=paired[index])
            if (shared := _range_unit(text, kept, spans, index)) is not None and figure.unit is None:
                figure = replace(figure, unit=shared)
            figures.append(figure)
        if unit.paragraph is not None:
            levels = [f.period for f in figures if f.role == "value"]
            self._carried = (unit.paragraph, levels[0]) if levels else None
        figures = self._listed_figures(text, at, figures)
        figures = _compared(text, at, figures)
        return Reading(unit, tuple(self._captioned(unit, self._dated(f)) for f in figures), None, commits)

    def _listed_figures(self, text: str, at: int, figures: list[Figure]) -> list[Figure]:
        """Figures printed as one list whose last one prints the unit ("310, 295 and 280 tCO2e"):
        each is in that unit and of the metric the words before the list name (the first's);
        when the list says its figures are of as many years as it lists ("... in the three
        years", "over the past three years"), they are those years up to the report's, in order."""
        out = list(figures)
        i = 0
        while i < len(out):
            j = i
            while j + 1 < len(out) and _LIST_GAP.fullmatch(_between(text, at, out[j], out[j + 1])):
                j += 1
            run = out[i : j + 1]
            last = run[-1].mention
            bare = all(f.mention.unit is None and f.mention.scale is None and f.unit is None for f in run[:-1])
            if j > i and bare and last.unit is not None and last.scale is None and all(f.role == "value" for f in run):
                years = _YEARS_OF_LIST.match(text[last.end - at :])
                counted = years is not None and _COUNTS.get(years.group("n").lower()) == len(run)
                first = self.year - len(run) + 1
                for k, f in enumerate(run):
                    period = str(first + k) if counted else f.period
                    unit = last.unit if k < len(run) - 1 else f.unit
                    listed = i if k else None
                    out[i + k] = replace(f, metric=run[0].metric, unit=unit, period=period, listed=listed)
            i = j + 1
        return out

    @staticmethod
    def _states_the_day_on(day: str | None, text: str, periods: list[_Period]) -> bool:
        """Whether a sentence goes on describing the day the sentence right before it is "as at",
        in the same paragraph ("As at 31 December 2022 we had 910 staff. Women made up 48% of
        them."): it names no period of its own and tells of no action (hired, trained, donated),
        which would have happened over the year, not on its last day. A sentence without figures
        between them ("Waste oil is handled by licensed collectors.") has moved on from that day."""
        return (
            day is not None
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) is not None
            and not periods
            and _ACTION_ANYWHERE.search(text) is None
        )

    def _captioned(self, unit: Unit, figure: Figure) -> Figure:
        """A highlight's unitless figure with the unit its caption opens with: the caption's first
        words ("86.8 / tCO2e per US$ million revenue (Scope 1 and 2)" is 86.8 tCO2e per US$
        million), else a word or two, then a unit word ("2,150 / volunteer hours contributed ..."
        is 2,150 hours). A callout printing its caption first ("Volunteer hours given / 2,150")
        has its caption before the figure."""
        if unit.kind != "highlight" or figure.mention.unit is not None or self.unit_of is None:
            return figure
        label = unit.text[: figure.mention.start - unit.start].rstrip()
        rest = unit.text[figure.mention.end - unit.start :].strip()
        per = _LABEL_PER.search(label[:-1]) if label.endswith(":") else None
        if per is not None and not rest:
            # A key-data line whose label says what its figure is per ("Fatality rate per million
            # hours worked: 0.12"), the figure alone after it (no word of a unit unread, "kgce"):
            # a count per that, when the words read as a rate.
            words = per.group().split()
            for n in range(len(words), 1, -1):
                key = self.unit_of(" ".join(words[:n]))
                if key is not None and key.startswith("NUM-PER-"):
                    return replace(figure, unit=key)
        elif per is not None and _UNIT_WORD.fullmatch(rest):
            # "Energy per tonne of raw coal: 5.83 kgce": the word after the figure over what the
            # label says it is per, when the two read as a unit ("kgce/tonne of raw coal").
            key = self.unit_of(f"{rest}/{per.group().split(maxsplit=1)[1]}")
            if key is not None:
                return replace(figure, unit=key)
        caption = unit.text[figure.mention.end - unit.start :]
        if not caption.strip():
            caption = unit.text[: figure.mention.start - unit.start]
        words = caption.strip().split("\n", 1)[0].split()[:6]
        for n in range(len(words), 0, -1):
            key = self.unit_of(" ".join(words[:n]))
            if key is not None:
                return replace(figure, unit=key)
        for word in re.findall(r"[A-Za-z]+", caption)[:3]:
            key = self.unit_of(word)
            if key is not None:
                return replace(figure, unit=key)
        return figure

    # ------------------------------------------------------------ what is a figure

    def _converts(self, text: str) -> bool:
        """Whether a sentence only says what one unit is in another ("One megalitre is 1,000 m³",
        "1 MWh = 3.6 GJ"): the word after "one" must read as a unit ("One site is 2,000 m²" is a figure)."""
        m = _CONVERSION.match(" ".join(text.split()))
        if m is None or self.unit_of is None:
            return False
        word = m.group("unit")
        return self.unit_of(word) is not None or self.unit_of(f"{word}s") is not None

    def _is_figure(self, text: str, at: int, m: Mention, mentions: list[Mention]) -> bool:
        start, end = m.start - at, m.end - at
        before, after = text[max(0, start - 40) : start], text[end : end + 30]
        if _REFERENCE.search(before) or _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
            return False
        if m.unit == "YR" or (m.unit is None and _AGE_WORD.search(before)):
            return False
        if (
            m.unit is None
            and re.fullmatch(r"\d{1,3}", m.surface)
            and _AGE_OF_PERSON.search(before)
            and after[:1] == ","
        ):
            return False
        if m.unit is None and _FISCAL_YEAR_BEFORE.search(before) and re.fullmatch(r"\d{2}|" + _YEAR, m.surface):
            return False
        if _PER_BEFORE.search(before) and m.qualifier is None:
            return False
        if m.unit is None and (_PHONE_BEFORE.search(before) or _in_phone_number(text, start, end)):
            return False
        if _is_time_limit(m.surface, before, after, text[_clause_start(text, start) : start]):
            return False
        if _OUT_OF_BEFORE.search(before) and _SCALE_AFTER.match(after):
            return False
        if m.unit is None and m.qualifier is None and _RANK_BEFORE.search(before) and _RANK_AFTER.match(after):
            return False  # "5 of our 10 largest customers": a rank bound that picks them, no count
        if m.unit is None and _AGE_BOUND.match(m.surface) and (_AGED.search(text) or _PEOPLE_BEFORE.search(before)):
            return False  # "aged under 30", "employees under 30": an age group
        if _THRESHOLD.match(m.surface) and _PLURAL_BEFORE.search(before):
            return False
        if (
            m.unit is None
            and m.scale is None
            and _YEAR_NUMBER.fullmatch(m.surface.split()[-1])
            and _AFTER_YEAR.match(after)
        ):
            return False  # "an increase of 3% over 2020": a year compared with, though a qualifier precedes it
        if (
            _BENCHMARK.search(before)
            or _OBLIGATION_BEFORE.search(before)
            or _UNREAD_UNIT.match(after)
            or (m.unit is None and _UNKNOWN_SYMBOL.match(after) and not _COUNTED_ACRONYM.match(after))
        ):
            return False
        if _QUOTED_NAME.search(text, max(0, start - 120), start) and re.match(r"[^“”\"]{0,80}[”\"]", text[end:]):
            return False
        if (
            _IN_NAME.fullmatch(m.surface)
            and _LABEL_NAME_BEFORE.match(text[:start])
            and _LABEL_NAME_AFTER.match(text[end : end + 60])
        ):
            return False
        bare = m.unit is None and m.scale is None and m.qualifier is None
        # "Windows 10", "Jadeite Tower 2": a number ending a name. A figure opening its line (a
        # highlight's figure under its caption) ends no name, whatever the caption ends with.
        if bare and start > 0 and text[start - 1] != "\n" and _NAME_BEFORE.search(text[max(0, start - 40) : start]):
            return False
        if m.unit in _SCHEDULE_UNITS and _SCHEDULE_AFTER.match(after):
            return False
        if m.unit in _POWER_UNITS and (_RATED_BEFORE.search(before) or _EACH_AFTER.match(after)):
            return False
        if bare and (_ADDRESS_AFTER.match(after) or _FRACTION_BEFORE.search(before)):
            return False
        if bare and _ENUMERATOR_AFTER.match(after) and _ENUMERATOR_BEFORE.search(before):
            return False
        if bare and _LEADING_ZERO.fullmatch(m.surface):
            return False  # "02 2023 at a glance": a section or page number printed with its zero
        if bare and self.grouped and _UNGROUPED.fullmatch(m.surface):
            return False  # "our 6063 and 6082 alloys" in a report that prints "1,126 stakeholders"
        if _CLOCK_AFTER.match(after) or self._listed_code(text, at, m, mentions):
            return False
        return not (_AGE_WORD.search(before) and m.unit in (None, "YR", "YEAR"))

    @staticmethod
    def _listed_code(text: str, at: int, m: Mention, mentions: list[Mention]) -> bool:
        """Whether the digit run goes on a list of codes ("SDGs 3, 4 and 13", "Scope 1 and 2"): the
        runs before it, each joined to the next by a comma, "and", "or" or a dash, open with a
        code (an identifier, or a number after a reference word)."""
        previous = [p for p in mentions if p.end <= m.start]
        nxt = m
        while previous:
            p = previous.pop()
            if not _LIST_OF_CODES.match(text[p.end - at : nxt.start - at]):
                return False
            before = text[max(0, p.start - at - 40) : p.start - at]
            if p.kind == "identifier" and _FISCAL_YEAR_BEFORE.search(before):
                return False  # "in FY2021/22, and 412 days ...": a fiscal year's end opens no list
            if (p.kind == "identifier" and not _AGE_BEFORE.search(before)) or _REFERENCE.search(before):
                return True  # an age range ("aged 30-50 and 1,126 ...") opens no list of codes
            nxt = p
        return False

    # ------------------------------------------------------------ periods
    #
    # While a unit is read, a period is a token: "2021" (a calendar year), "FY2021" (the fiscal
    # year ending in 2021), "2021-12-31" (a day), "A/B" (from the start of A to the end of B), or
    # None (the report's own period). :meth:`_dated` writes tokens as the sheet's periods.

    @property
    def _own(self) -> str:
        """The report's own period as a token."""
        return f"FY{self.year}" if self._fiscal else str(self.year)

    @property
    def own_written(self) -> str | None:
        """The report's own period as a figure's period is written (None for a calendar year)."""
        return self._written(None)

    @property
    def _fiscal(self) -> bool:
        return self.fiscal_year_end is not None and self.fiscal_year_end != "12-31"

    def _periods(self, text: str) -> list[_Period]:
        found = []
        for m in _PERIODS.finditer(text):
            kind = next(k for k in _KINDS if m.group(k))
            previous = kind == "compared" and m.group("prev") is not None
            value = self._period_value(kind, m)
            if kind in ("days", "years"):
                found.append(_Period(m.start(), m.end(), kind, None, False, self._listed(kind, m)))
                continue
            if kind == "since" and _RELATIVE_BEFORE.search(text, 0, m.start()) and _CLAUSE_END.match(text, m.end()):
                # "the depot, which we have run since 2019, installed 40 chargers": the relative
                # clause's own date, closed by its comma, dates nothing outside it.
                continue
            if kind == "on" and _DECIDED_BEFORE.search(text, 0, m.start()) and _DECIDED_AFTER.match(text, m.end()):
                continue
            if kind in ("year", "month", "on") and _EVENT_BEFORE.search(text, 0, m.start()):
                # The date of an event ("the programme, launched in 2015, ..."): what has been done
                # since ("we have provided ...") runs from it, and nothing else is dated by it.
                if not _PERFECT.search(text, m.end()) or value is None or _year_of(value) >= self.year:
                    continue
                kind, value = "since", f"{value.partition('/')[0]}/{self._own}"
            if kind == "end" and value and _year_of(value) <= self.year and not _COMMIT.search(text):
                # "by the end of 2022, 58 depots ran on solar power": a year that has come, in a sentence
                # that commits to nothing, is no deadline but the day the level was reached (a
                # change reached by then is of the year).
                kind = "reached"
            found.append(_Period(m.start(), m.end(), kind, value, previous))
        return found

    def _listed(self, kind: str, m: re.Match[str]) -> tuple[str | None, ...]:
        """The periods of a list ("as at 31 December 2022 and 2021", "in 2021 and 2022"), in order."""
        if kind == "days":
            month = _MONTH_NUMBER[(m.group("sm1") or m.group("sm2")).lower()]
            day = int(m.group("sd1") or m.group("sd2"))
            years = [m.group(g) for g in ("sy1", "sy2", "sy3") if m.group(g)]
            return tuple(_day(int(y), month, day).isoformat() for y in years)
        tokens = [_token(m.group(g)) for g in ("ys1", "ys2", "ys3") if m.group(g)]
        return tuple(None if t == self._own else t for t in tokens)

    def _period_value(self, kind: str, m: re.Match[str]) -> str | None:
        own = self._own
        if kind == "asat":
            if m.group("ey") or m.group("ey2"):
                return self._last_day(_token(m.group("ey") or m.group("ey2")))
            if m.group("eown") or m.group("yend"):  # "at the end of the Reporting Period", "at year end": its last day
                return self._last_day(own)
            if m.group("amo"):  # "as of December 2023": the month's last day
                return _month_end(int(m.group("amy")), _MONTH_NUMBER[m.group("amo").lower()]).isoformat()
            if m.group("app"):  # "as of the third quarter of 2023": the quarter's last day
                months = 6 if m.group("apk").lower() == "half" else 3
                number = _PARTS[m.group("app").lower()]
                return None if number * months > 12 else _month_end(int(m.group("apy")), number * months).isoformat()
            if m.group("ad1"):  # "at 31 December 2023"
                day, month_name, year = m.group("ad1"), m.group("am1"), m.group("ay")
            else:
                day, month_name, year = m.group("d1") or m.group("d2"), m.group("m1") or m.group("m2"), m.group("y")
            month = _MONTH_NUMBER[month_name.lower()]
            return f"{year}-{month:02d}-{int(day):02d}"
        if kind == "range":
            first, last = _range_end(m, "a", _token(m.group("r1"))), _range_end(m, "b", _token(m.group("r2")))
            if first == last:
                return None if first == own else first
            if "-" in first and "-" in last:  # two days: "from 1 April 2021 to 31 March 2022"
                return f"{first}/{last}" if first < last else None
            return f"{first}/{last}" if _year_of(first) < _year_of(last) else None
        if kind == "since":
            start = _token(m.group("sy"))
            return f"{start}/{own}" if _year_of(start) < self.year else None
        if kind == "end" and m.group("ebd"):  # "by 31 March 2024": that day
            return _day(int(m.group("eby")), _MONTH_NUMBER[m.group("ebm").lower()], int(m.group("ebd"))).isoformat()
        if kind == "end" and m.group("ebd2"):  # "by March 31, 2024"
            return _day(int(m.group("eby2")), _MONTH_NUMBER[m.group("ebm2").lower()], int(m.group("ebd2"))).isoformat()
        if kind == "end" and m.group("ebmo"):  # "by June 2024": its last day
            return _month_end(int(m.group("ebmy")), _MONTH_NUMBER[m.group("ebmo").lower()]).isoformat()
        if kind == "end":
            ends = _token(m.group("eny"))
            return ends if ends.startswith("FY") else self._last_day(ends)
        if kind == "by":
            return _token(m.group("byy"))
        if kind == "baseyear":
            return _token(m.group("bb") or m.group("ba") or m.group("bu"))
        if kind == "compared":
            return _token(m.group("cy")) if m.group("cy") else _previous(own)
        if kind in ("yoy", "lastyear"):
            return _previous(own)
        if kind == "yearended":
            month = _MONTH_NUMBER[(m.group("em1") or m.group("em2")).lower()]
            end = _day(int(m.group("eyr")), month, int(m.group("ed1") or m.group("ed2")))
            if (month, end.day) == (12, 31):
                token = str(end.year)
            else:
                token = f"{(_day(end.year - 1, month, end.day) + timedelta(days=1)).isoformat()}/{end.isoformat()}"
            return None if token == own or self._bounds(own)[1] == end.isoformat() else token
        if kind == "past":
            count = int(m.group("pn")) if m.group("pn").isdigit() else _COUNTS[m.group("pn").lower()]
            first = f"FY{self.year - count + 1}" if self._fiscal else str(self.year - count + 1)
            return f"{first}/{own}" if count > 1 else None
        if kind == "next":
            count = int(m.group("nn")) if m.group("nn").isdigit() else _COUNTS[m.group("nn").lower()]
            prefix = "FY" if self._fiscal else ""
            first, last = f"{prefix}{self.year + 1}", f"{prefix}{self.year + count}"
            return f"{first}/{last}" if count > 1 else first
        if kind == "part":
            year, number = int(m.group("py")), _PARTS[m.group("pp").lower()]
            months = 6 if m.group("pk").lower() == "half" else 3
            if months == 6 and number > 2:
                return None
            first = (number - 1) * months + 1
            return f"{year}-{first:02d}-01/{_month_end(year, first + months - 1).isoformat()}"
        if kind == "dates":
            first = _MONTH_NUMBER[(m.group("dam1") or m.group("dam2")).lower()]
            last = _MONTH_NUMBER[(m.group("dbm1") or m.group("dbm2")).lower()]
            year = int(m.group("dy")) if m.group("dy") else self._year_of_month(last)
            start = _day(year - (first > last), first, int(m.group("da1") or m.group("da2")))
            finish = _day(year, last, int(m.group("db1") or m.group("db2")))
            return f"{start.isoformat()}/{finish.isoformat()}" if start < finish else None
        if kind == "months":
            year = int(m.group("mby"))
            first, last = (_MONTH_NUMBER[m.group(g).lower()] for g in ("ma", "mb"))
            start = date(year - (first > last), first, 1)
            return f"{start.isoformat()}/{_month_end(year, last).isoformat()}"
        if kind == "on":  # "On 4 June 2022, 286 mm of rain fell": the day of an event
            month = _MONTH_NUMBER[(m.group("om1") or m.group("om2")).lower()]
            return _day(int(m.group("oy")), month, int(m.group("od1") or m.group("od2"))).isoformat()
        if kind == "month":
            number = _MONTH_NUMBER[m.group("mo").lower()]
            year = int(m.group("moy")) if m.group("moy") else self._year_of_month(number)
            return f"{year}-{number:02d}-01/{_month_end(year, number).isoformat()}"
        if kind == "label" and m.group("ld"):  # "(31 March 2021: 1,180)": that day
            return _day(int(m.group("lyy")), _MONTH_NUMBER[m.group("lm").lower()], int(m.group("ld"))).isoformat()
        if kind in ("year", "label"):
            token = _token(m.group("yy") or m.group("ly"))
            return None if token == own else token
        return None  # the reporting period

    def _year_of_month(self, number: int) -> int:
        """The year of a month the text names without one ("In February alone ..."): the month
        of the report's own period (a fiscal year ending 30 June 2023 has August 2022)."""
        if not self._fiscal or self.fiscal_year_end is None:
            return self.year
        end_month, end_day = (int(p) for p in self.fiscal_year_end.split("-"))
        return self.year if (number, 1) <= (end_month, end_day) else self.year - 1

    def _last_day(self, token: str) -> str:
        """The last day of a year token."""
        return self._bounds(token)[1]

    def _bounds(self, token: str) -> tuple[str, str]:
        """The first and last day of a token (a day is both)."""
        if token.startswith("FY"):
            year = int(token[2:])
            if not self._fiscal or self.fiscal_year_end is None:
                return f"{year}-01-01", f"{year}-12-31"
            month, day = (int(p) for p in self.fiscal_year_end.split("-"))
            end = _day(year, month, day)
            return (_day(year - 1, month, day) + timedelta(days=1)).isoformat(), end.isoformat()
        if "-" in token:
            return token, token
        return f"{token}-01-01", f"{token}-12-31"

    def _written(self, token: str | None) -> str | None:
        """A token as the sheet writes a period: YYYY, YYYY-MM-DD or START/END."""
        if token is None:
            return self._written(self._own) if self._fiscal else None
        first, _, last = token.partition("/")
        if not last:
            if token.startswith("FY"):
                start, end = self._bounds(token)
                return f"{start}/{end}" if self._fiscal else token[2:]
            return token
        if all(len(t) == 4 and t.isdigit() for t in (first, last)):
            return token
        if not self._fiscal:
            first, last = first.removeprefix("FY"), last.removeprefix("FY")
            if len(first) == len(last) == 4:
                return f"{first}/{last}"
        return f"{self._bounds(first)[0]}/{self._bounds(last)[1]}"

    def _dated(self, figure: Figure) -> Figure:
        """The figure with its period and baseline written as the sheet writes them."""
        baseline = None if figure.baseline is None else self._written(figure.baseline)
        return replace(figure, period=self._written(figure.period), baseline=baseline)

    # ------------------------------------------------------------ one figure

    def _figure(
        self,
        unit: Unit,
        mention: Mention,
        index: int,
        spans: list[tuple[int, int]],
        periods: list[_Period],
        lead: list[_Period],
        owned: dict[int, tuple[int, ...]],
        earlier: list[Figure],
        inherited: str | None = None,
    ) -> Figure:
        text = unit.text
        start, end = spans[index]
        nxt = spans[index + 1][0] if index + 1 < len(spans) else len(text)
        before, after = text[max(0, start - 60) : start], text[end : end + 40]
        role, direction = _change(text, before, after, start)
        if role == "value" and (base := _BASE_LEVEL_BEFORE.search(before)) is not None:
            # "reduce it by 15% by 2025 against 2019 (274.3 kWh/m²)", "against our 2019 baseline of
            # 41.6": the base year's level, though the sentence sets a target.
            metric = metric_name(unit, mention, start, end, role, [f.metric for f in earlier if f.role == "value"])
            return Figure(mention, "value", metric, _token(base.group("year")))
        target = self._target(unit, periods, lead, start, end, self._owned(index, periods, owned))
        aimed = _TARGET_OF.search(before)
        if target is None and aimed is not None:  # "exceeding our target of 95%", "our 2025 target of 30%"
            target = _token(aimed.group("ty")) if aimed.group("ty") else _target_year_after(periods, end) or self._own
        named_target = _TARGET_NAMED.search(text, 0, start) if target is None and aimed is None else None
        if named_target is not None:  # "Our target for 2030 is 30% below 2019": the target its subject names
            target = named_target.group("a") or named_target.group("b")
        named = "target" if target is not None else role
        metric = metric_name(unit, mention, start, end, named, [f.metric for f in earlier if f.role == "value"])
        metric = _with_time_words(metric, mention, after, [f.metric for f in earlier if f.role == "value"])
        own = self._own
        if target is not None:
            baseline = next((p.value for p in [*periods, *lead] if p.kind == "baseyear"), None)
            baseline = baseline or next((p.value for p in periods if p.kind == "compared"), None)
            if baseline is None and (below := _BELOW_YEAR.match(after)) is not None:
                baseline = below.group("y")  # "30% below 2019": a change committed to since that year
            level = role != "change" or _TO_BEFORE.search(before) is not None
            return Figure(mention, "target", metric, target, baseline, None if level else direction)
        # A bullet with no period of its own is dated by its list's caption ("As at 31 December 2022, we had:").
        led = [p.value for p in lead if p.kind in _LEVEL_KINDS]
        period = self._period_of(text, index, periods, owned, start, led[-1] if led else inherited)
        if role == "change":
            if (
                period is None
                and earlier
                and index > 0
                and _OF_THE_FIGURE_BEFORE.search(text[spans[index - 1][1] : start])
                and not _aside(text, spans[index - 1][0], start)
            ):
                period = earlier[-1].period  # "US$3 billion as at ..., up 28% from a year earlier"
            compared = [
                p for p in periods if p.kind in ("compared", "yoy", "baseyear") and start - 5 <= p.start < nxt + 20
            ]
            baseline = compared[0].value if compared else None
            if baseline is None and (below := _BELOW_YEAR.match(after)) is not None:
                baseline = below.group("y")  # "emissions 12% below 2019"
            if _FROM_IT.match(after) and (prior := [f.baseline for f in earlier if f.role == "change" and f.baseline]):
                baseline = prior[-1]  # "2.2% below the 2020 baseline, water use 7.6% below it": the same base
            if period is not None and any(p.kind == "reached" and p.value == period for p in periods):
                # "by the end of 2023, 9% below": the change over the year that ends that day (a
                # fiscal year's end is kept as its token, "FY2023")
                if period in (own, self._last_day(own)):
                    period = None
                elif not period.startswith("FY"):
                    period = period[:4]
            if period is not None and _DAY_SPAN.fullmatch(period):
                # "From March to June 2022 we used 6% less": over those months, against the same a year earlier
                return Figure(mention, "change", metric, period, baseline or _year_earlier(period), direction)
            if period is not None and "/" in period and baseline is None:
                baseline, period = period.split("/")
                period = None if period == own else period
            ends = period or own
            if (compared and compared[0].previous) or baseline is None or _year_of(baseline) >= _year_of(ends):
                baseline = _previous(ends)
            return Figure(mention, "change", metric, period, baseline, direction)
        if (
            period is not None
            and mention.unit == "PERCENT"
            and any(p.kind == "since" and p.value == period for p in periods)
        ):
            period = None  # "Since FY2021/22, 20% of the bonus has been linked": a share does not add up over years
        last_end = spans[index - 1][1] if index else None
        if (prior := _comparative(text, mention, start, end, last_end, earlier)) is not None:
            basis = earlier[-1].period or own
            if period in (None, earlier[-1].period) and "/" not in basis:
                # "3,120 hours (2,480 hours)", "1.86 litres/kWh against 1.89 litres/kWh": the figure
                # before it, a year earlier; a bare number takes that figure's unit ("0.24 per ... (0.43)")
                return Figure(mention, "value", earlier[-1].metric, _previous(basis), unit=prior[0])
        if period is None and earlier and _WITH_CLAUSE.search(text[spans[index - 1][1] : start]):
            # "14 estates as at 31 March 2022, with a floor area of 1,250,000 m²"; the figure a
            # parenthesis of the year before follows ("3 injuries (2022: 5), with 41 days lost"): the 4's
            period = earlier[_before_aside(text, spans, index - 1)].period
        if period is not None and "/" in period and _TO_BEFORE.search(before) and not _gives_to(text, spans, index):
            period = period.split("/")[1]
            period = None if period == own else period
        if (
            period is not None
            and earlier
            and period == earlier[-1].period
            and _DAY_TOKEN.fullmatch(period)
            and (_FROM_BEFORE.search(before) or _YEAR_EARLIER_AFTER.match(after))
        ):
            # "As at 31 March 2024 ... Women hold 36% of seats, up from 27% a year earlier": the day a year before
            period = _previous(period)
        if period is None and _FROM_BEFORE.search(before) and not _TO_AFTER.match(after):
            period = _previous(own)  # "24.6 hours, up from 21.3 hours": the level of the year before
        if period is None and earlier and _TO_FROM_BEFORE.search(text[max(0, spans[index - 1][0] - 30) : start]):
            period = _previous(earlier[-1].period or own)  # "improved to 1.39 from 1.44": the level before
        if period is None and _YEAR_EARLIER_AFTER.match(after):
            period = _previous(own)  # "rose to 81% from 46% a year earlier"
        if period is None and (base := _BASELINE_OF.search(before)):
            period = base.group("year")  # "14% below the 2019 baseline of 41.6 kg per unit": the base year's level
        elif base := _BASELINE_WHEN.search(text[max(0, start - 160) : start]):
            period = _token(base.group("year"))  # "against a 2019 baseline, when it was 41.6": of 2019
        if period is None:
            period = _base_year_level(text, periods, start)
        if period is None and (starts := _FROM_YEAR_AFTER.match(text, end, nxt)) and int(starts.group("y")) > self.year:
            period = starts.group("y")  # "covers 40% of voyages from 2025": the level from a year to come
        if _CUMULATIVE.search(before) and (period is None or _YEAR_TOKEN.fullmatch(period)):
            # "bringing cumulative reclaimed land to 21.6 million m²": a total to date, a stock on
            # the last day of the year, not a flow over it.
            period = self._last_day(period or own)
        # A stock the sentence gives no day of ("we employ 3,400 people", "a floor area of 12,500
        # m²") keeps the report's period: the text does not say on which day it was counted.
        return Figure(mention, "value", metric, period)

    def _target(
        self, unit: Unit, periods: list[_Period], lead: list[_Period], start: int, end: int, own: list[_Period]
    ) -> str | None:
        """The year a committed figure is to be reached by ("aim ... by 2030"), or None.

        The first such year after the figure is its own ("... by 50% by 2030, and 100% by
        2027"), else the last one before it, else the year of the targets the sentence lists
        the figure among ("our 2025 targets: to cut waste by 10%"), else a later year the figure
        owns ("will open 2 sites in 2024"); a figure owning a period that has come ("the rate was 52% in 2021", the
        report's period) is no target, though the sentence commits.
        """
        commits = _COMMIT.search(unit.text[:start]) or (unit.kind == "bullet" and _COMMIT.search(unit.lead))
        opened = [
            p
            for p in periods
            if p.kind in ("by", "end") and p.end <= start and p.value and _year_of(p.value) > self.year
        ]
        opened = opened if _COMMIT.search(unit.text) else []
        deadline = self._deadline_after(unit.text, periods, end)
        # A bullet of a list a deadline to come leads ("By 2030, against 2020:" over "• cut water
        # use per site by 10%"): each bullet is a target to be met by it, with no word that commits.
        led_by = unit.kind == "bullet" and any(
            p.kind in ("by", "end") and p.value and _year_of(p.value) > self.year for p in lead
        )
        # "By 2030, 100% of our packaging will be recyclable": the commitment after
        if not (commits or opened or deadline or led_by):
            return None
        if any(p.value is None or _year_of(p.value) <= self.year for p in own):
            return None
        years = [p for p in periods if p.kind in ("by", "end") and p.value and _year_of(p.value) >= self.year]
        after = [p.value for p in years if p.start >= end]
        before = [p.value for p in years if p.start < end]
        led = [p.value for p in lead if p.kind in ("by", "end") and p.value and _year_of(p.value) >= self.year]
        led += [p.value for p in lead if p.kind == "year" and p.value and _year_of(p.value) > self.year]
        later = [p.value for p in own if p.kind == "year" and p.value]
        titles = _YEAR_TARGETS.finditer(unit.text[:start])
        titled = [_token(m.group("ty")) for m in titles if _year_of(m.group("ty")) > self.year]
        chosen = after[:1] or before[-1:] or titled[-1:] or led[:1] or later[:1]
        return chosen[0] if chosen else None

    def _deadline_after(self, text: str, periods: list[_Period], end: int) -> bool:
        """Whether the figure's own clause goes on to a year still to come that it is to be reached
        by ("Cut water use by 10% by 2026.", "Raise the share to 40% of the fleet by the end of
        2030."): a commitment, though a list of targets under a caption prints no word that says so."""
        return any(
            p.kind in ("by", "end")
            and p.start >= end
            and p.value is not None
            and _year_of(p.value) > self.year
            and _CLAUSE_BREAK.search(text, end, p.start) is None
            for p in periods
        )

    def _owned(self, index: int, periods: list[_Period], owned: dict[int, tuple[int, ...]]) -> list[_Period]:
        """The level period phrases the figure owns (see :func:`_owners`)."""
        return [p for n, p in enumerate(periods) if index in owned.get(n, ()) and p.kind in _LEVEL_KINDS]

    def _period_of(
        self,
        unit_text: str,
        index: int,
        periods: list[_Period],
        owned: dict[int, tuple[int, ...]],
        start: int,
        inherited: str | None,
    ) -> str | None:
        """The period label printed right before the figure ("(2021: 9.1%)"), else the period
        phrase the figure owns, else the last free phrase before it (one that opens the sentence
        or a clause and so applies to what follows), else ``inherited`` (the period of the sentence
        a "goes on" sentence continues, see ``_GOES_ON``), else the report's period (None).

        A label's year takes the day of the unit's "as at" date ("as at 31 December 2022 (2021:
        9.1%)" is 31 December 2021)."""
        for p in periods:
            if p.kind == "label" and start - 2 <= p.end <= start:
                return _label_period(p, periods)
            if p.value is not None and p.end <= start and _level_of(unit_text, p, start):
                return p.value  # "8.5% less than the FY2018/19 level of 66.9 MWh": the level of that year
        for number, p in enumerate(periods):
            if index in owned.get(number, ()):
                return p.value
        labels = [p for p in periods if p.kind == "label" and p.end <= start]
        last = labels[-1] if labels else None
        if last and not re.search(r"[);]", unit_text[last.end : start]) and "(" in unit_text[: last.start]:
            return _label_period(last, periods)  # "(2022: 8 injuries and 142 lost days)": all its figures
        for p in periods:
            # "All 90 depots we ran as at 30 June 2023: 52 in the north and 38 in the south": the
            # parts a colon lists after the day a total is counted on are counted on that day.
            colon = unit_text.find(":", p.end, start)
            if (
                p.value is not None
                and re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.value) is not None
                and colon >= 0
                and not unit_text[p.end : colon].strip()
                and not any(p.end < q.start < start for q in periods)
            ):
                return p.value
        free = [
            p
            for n, p in enumerate(periods)
            if n not in owned
            and p.kind in _LEVEL_KINDS
            and p.end <= start
            and (p.kind not in _OPENING_KINDS or _OPENS.search(unit_text[: p.start]))
            and (p.kind != "reached" or not _NEW_CLAUSE.search(unit_text, p.end, start))
        ]
        return free[-1].value if free else inherited

    # ------------------------------------------------------------ metric names

    def _missing(self, unit: Unit) -> str | None:
        """The metric a unit announces without printing its figure, or None."""
        text = unit.text
        blank = re.search(rf"(?:{'|'.join(re.escape(c) for c in self.currencies)})(?=\s+[^\d\s])", text)
        if blank and self.currencies:
            return _tidy(text[: blank.start()]) or None
        m = _MISSING.search(text)
        if m is None:
            return None
        subject = text[: m.start()].strip()
        if not _MEASURABLE.search(subject) or len(subject.split()) > 14:
            return None
        return _tidy(subject)


# A sentence that goes on from the one before: a part of its total ("Of these, ...") or a breakdown
# of it ("By age, ...").
_GOES_ON = re.compile(
    r"^(?:Of\s+(?:these|them|this|which|whom|the\s+total|this\s+total)|Among\s+(?:them|these|those)|"
    r"(?:By|In\s+terms\s+of)\s+(?:gender|sex|age(?:\s+group)?|region|location|geography|country|nationality|"
    r"employment\s+(?:type|contract)|(?:employee\s+)?category|type|grade|rank|function|level|segment|source|site)"
    r")\b",
    re.I,
)
# A verb that dates an event, right before its period phrase ("completed in June 2020").
_EVENT_BEFORE = re.compile(
    r"\b(?:launched|established|founded|introduced|started|set\s+up|initiated|created|completed|opened|"
    r"commissioned|inaugurated|began|begun|kicked\s+off|built)\s*$",
    re.I,
)
# The day a decision was taken on, what it decided following ("the Board resolved on 3 May 2022 to
# grant 120,000 shares"): the day dates the decision, and what it granted is of the year.
_DECIDED_BEFORE = re.compile(r"\b(?:resolved|decided|approved|agreed|announced)\s*$", re.I)
_DECIDED_AFTER = re.compile(r",?\s+to\s+[a-z]+", re.I)
# The present perfect ("we have provided", "has planted"): what has been done up to now.
# A relative clause set off by a comma ("..., which we have managed since"), and its closing comma.
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|where|who|whom)\b[^,;.]*$", re.I)
_CLAUSE_END = re.compile(r"\s*,")
_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:(?:so\s+far|already|now|cumulatively|together)\s+)?(?!to\b|no\b|not\b)"
    r"[a-z]+(?:ed|en|wn|ne|de|ld|id|ught|t)\b",
    re.I,
)
# A clause with a subject of its own after a level reached by a day ("By 31 March 2023, 40 of
# our sites had solar panels, and we replaced the boilers at 3 sites"): what it tells was done
# in the year, not reached by that day.
_NEW_CLAUSE = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s+(?:we|it|they|our|the)\b", re.I)
_KINDS = (
    *("days", "years", "asat", "on", "range", "dates", "since", "end", "by", "baseyear", "compared", "yoy"),
    *("yearended", "past", "next", "lastyear", "part", "report", "months", "month", "year", "label"),
)
# Period phrases that date the figures after them only where they open the sentence or a clause
# ("Over the past three years, we ..."), not where they end one ("no fatalities in the past three
# years, and the injury rate fell ...").
_OPENING_KINDS = ("yearended", "past", "lastyear", "part")
_OPENS = re.compile(r"(?:^|[,;:(]\s*|\b(?:and|but|while|whereas)\s+)\W*$", re.I)
_LEVEL_KINDS = (
    "asat",
    "reached",
    "on",
    "range",
    "dates",
    "since",
    "yearended",
    "past",
    "next",
    "lastyear",
    "part",
    "report",
    "months",
    "month",
    "year",
)
# A change printed as an aside on the figure before it ("US$3 billion ..., up 28% from ...").
_OF_THE_FIGURE_BEFORE = re.compile(
    r"^[^,;.]*,\s*(?:up|down|an?\s+(?:increase|decrease|rise|drop|reduction|decline|fall)\s+of|"
    r"(?:increasing|decreasing|rising|falling|growing|declining)(?:\s+by)?)\s*$",
    re.I,
)


# A span of days ("2022-03-01/2022-06-30": some months, a half, a quarter, two dates).
_DAY_SPAN = re.compile(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}")


_THAN_END = re.compile(r"\bthan\s*$", re.I)


# A figure alone in parentheses ("(2,480 hours)"), or after "compared with", "against", "versus".
_PAREN_BEFORE = re.compile(r"\(\s*$")
_PAREN_AFTER = re.compile(r"^\s*\)")
_AGAINST_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s*$", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def _between(text: str, at: int, figure: Figure, nxt: Figure) -> str:
    """The text printed between two figures of a unit whose text starts at offset ``at``."""
    return text[figure.mention.end - at : nxt.mention.start - at]


def _comparative(
    text: str, mention: Mention, start: int, end: int, last_end: int | None, earlier: list[Figure]
) -> tuple[str | None] | None:
    """Whether a figure is the comparative of the value figure right before it in the same
    sentence, and then the unit key it takes from that figure (in a tuple: None when it prints
    its own); None when it is no comparative.

    Reports print last year's figure after this year's, in the same unit, either alone in
    parentheses ("gave 3,120 hours of their time (2,480 hours)", "lost days (71)") or after
    "compared with" / "against" ("1.86 litres/kWh against 1.89 litres/kWh"): it is the level of the
    period before the one of the figure it follows. A figure in another unit ("1,286 staff (52%)")
    is no comparative, nor one a period label dates ("(2021: 8.2%)": read before this).
    """
    if last_end is None or not earlier or earlier[-1].role != "value":
        return None
    paren = _PAREN_BEFORE.search(text[:start]) is not None and _PAREN_AFTER.match(text[end:]) is not None
    if not (paren or _AGAINST_BEFORE.search(text[max(0, start - 20) : start])):
        return None
    gap = text[last_end:start]
    if len(gap) > 120 or _SENTENCE_END.search(gap):
        return None
    printed = earlier[-1].mention.unit
    if mention.unit is not None:
        return (None,) if mention.unit == printed else None
    return (earlier[-1].unit or printed,)


# A range printed with its unit once, after its upper end: "contracts of 6 to 9 months", "between
# 20 and 25 tonnes", "from 11.6 to 11.9 knots".
_RANGE_GAP = re.compile(r"^\s*(?:to|-|–)\s*$", re.I)
_BETWEEN_GAP = re.compile(r"^\s*and\s*$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s*$", re.I)


def _range_unit(text: str, kept: list[Mention], spans: list[tuple[int, int]], index: int) -> str | None:
    """The unit a bare number takes from the upper end of the range it opens (see
    ``_RANGE_GAP``), or None: that end must print a unit and no scale word, which the bare
    number would lack ("5 to 10 million tonnes" is no range of tonnes from 5)."""
    mention = kept[index]
    if mention.unit is not None or mention.scale is not None or index + 1 >= len(kept):
        return None
    upper = kept[index + 1]
    if upper.unit is None or upper.scale is not None:
        return None
    gap = text[spans[index][1] : spans[index + 1][0]]
    between = _BETWEEN_GAP.match(gap) is not None and _BETWEEN_BEFORE.search(text[: spans[index][0]]) is not None
    return upper.unit if _RANGE_GAP.match(gap) or between else None


def _year_earlier(span: str) -> str:
    """The same span of days a year before: a month's last day is that month's last day then."""
    days = [date.fromisoformat(d) for d in span.split("/")]
    earlier = [
        _month_end(d.year - 1, d.month) if d == _month_end(d.year, d.month) else d.replace(year=d.year - 1)
        for d in days
    ]
    return "/".join(d.isoformat() for d in earlier)


# A clause that names the level it prints as the base year's ("the baseline water use 5.2 m³").
_BASELINE_WORD = re.compile(r"\bbase(?:line|[- ]year)\b", re.I)


def _base_year_level(text: str, periods: list[_Period], start: int) -> str | None:
    """The base year a figure is the level of: a clause naming the baseline before it ("The
    FY2019 baseline intensity was 2.4 kg, the baseline water use 5.2 m³"), after the base year
    is named in the sentence. A figure compared with a baseline is a change, read elsewhere."""
    named = [p.value for p in periods if p.kind == "baseyear" and p.end <= start and p.value]
    if not named or _BASELINE_WORD.search(text, _clause_start(text, start), start) is None:
        return None
    return named[-1]


# Between a period and the figure that is its level: "the FY2018/19 level of 66.9 MWh", "the 2019
# baseline of 310 m³".
_LEVEL_OF = re.compile(r"\s+(?:level|baseline)\s+of\s+", re.I)
_LEVEL_WORD = re.compile(r"\b(?:level|baseline)$", re.I)


def _level_of(text: str, period: _Period, start: int) -> bool:
    """Whether the figure at ``start`` is printed as the level of ``period`` ("the 2019 level of
    310 m³"), the level word after the period phrase or inside it (a base year's phrase holds it)."""
    if _LEVEL_OF.fullmatch(text, period.end, start):
        return True
    return re.fullmatch(r"\s+of\s+", text[period.end : start]) is not None and bool(
        _LEVEL_WORD.search(text, period.start, period.end)
    )


# What ends a clause between a figure and a period phrase ("... 25%, and by 2030 ...").
_CLAUSE_BREAK = re.compile(r"[,;:.]\s")


# A trailing clause that describes what the figure before it counts.
_WITH_CLAUSE = re.compile(r",\s+with\s+[^,;.()]*$", re.I)


def _before_aside(text: str, spans: list[tuple[int, int]], last: int) -> int:
    """The figure (index) a clause after figure ``last`` goes on from: ``last``, or, when it
    stands in a parenthesis that closes before the clause ("4 injuries (2022: 6), with ..."),
    the last figure before that parenthesis, if any."""
    if not text[spans[last][1] :].lstrip().startswith(")"):
        return last
    opened = text.rfind("(", 0, spans[last][0])
    before = [k for k in range(last) if spans[k][1] <= opened]
    return before[-1] if opened >= 0 and before else last


# "44.1 hours (FY2022: 39.6)", "12.5 hours of training (2021: 10.0)": a year and a colon opening a
# parenthesis after a figure and at most a few words of what it measures.
_OTHER_YEAR = re.compile(rf"^(?:\s+[A-Za-z-]+){{0,4}}\s*\(\s*{_TOKEN}\s*:\s*$", re.I)
_BARE_END = re.compile(r"^\s*[),;]")  # "(FY2022: 39.6)", not "(FY2022: 8 injuries ...)", a measure of its own


def _compared(text: str, at: int, figures: list[Figure]) -> list[Figure]:
    """A bare figure of another year in parentheses after a figure ("averaged 44.1 hours
    (FY2022: 39.6)", "12.5 hours of training (2021: 10.0)") is in that figure's unit: the
    parenthesis prints the same measure for the other year. Not after a figure with a scale
    word, whose scale the bare figure does not print, nor for a figure a noun follows ("(2021:
    8 injuries and 142 lost days)"), which names its own measure."""
    out: list[Figure] = []
    for figure in figures:
        m = figure.mention
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.unit is None
            and m.scale is None
            and figure.unit is None
            and prev.mention.scale is None
            and (prev.mention.unit or prev.unit) is not None
            and _OTHER_YEAR.match(text[prev.mention.end - at : m.start - at])
            and _BARE_END.match(text[m.end - at :])
        ):
            figure = replace(figure, unit=prev.mention.unit or prev.unit)
        out.append(figure)
    return out


# What the recogniser reads into a time unit or leaves after it ("1,146 lost days", "24.5 hours per
# employee"): words of the metric, not of the unit.
_TIME_MODIFIER = re.compile(r"\d\s+(?P<m>[a-z]+)\s+(?P<u>days?|hours?)$", re.I)
_PER_HEAD_AFTER = re.compile(r"^\s*(?:per|/)\s*(?P<h>employee|staff|person|capita|head|participant|trainee)s?\b", re.I)


def _with_time_words(metric: str, mention: Mention, after: str, earlier: list[str]) -> str:
    """The metric's name with the words a time figure prints beside its unit: "lost days" for
    "resulting in 1,146 lost days", "... per employee" for "24.5 hours per employee" (of the metric
    before it when the name is only "average": "186,400 hours of training, an average of 29.2
    hours per employee")."""
    modifier = _TIME_MODIFIER.search(mention.surface)
    if modifier:
        return f"{modifier.group('m')} {modifier.group('u')}"
    head = _PER_HEAD_AFTER.match(after)
    if head and " per " not in f" {metric} ":
        if earlier and set(metric.lower().split()) <= _AMOUNT_WORDS | {"an", "a", "the"}:
            metric = earlier[-1]
        return f"{metric} per {head.group('h').lower()}"
    return metric


# Targets named by their year, then what they are to do ("the 2030 climate targets we adopted
# in 2022: to cut ..."): the year the figures they list are to be reached by.
_YEAR_TARGETS = re.compile(
    rf"\b(?P<ty>{_TOKEN})\s+(?:[A-Za-z-]+\s+){{0,2}}(?:targets?|goals?)\b[^.;]*?\bto\s+[a-z]+\b", re.I
)
# A figure named as the level aimed at: "our target of 95%", "its 2025 goal of 30%".
# A sentence whose subject is a target of a year, the figure after its verb: "Our target for 2030
# is 30% below 2019", "The 2030 target is ...", "The Target 2030 column shows a level 30% ...";
# not a figure of a clause after it ("Our 2030 target is set, and emissions fell 5%").
_TARGET_NAMED = re.compile(
    rf"\b(?:targets?\s+(?:for\s+)?(?P<a>{_YEAR})|(?P<b>{_YEAR})\s+targets?)\b(?:\s+\w+){{0,2}}?"
    r"\s+(?:is|are|was|were|shows?|sets?)\b(?:(?!,\s+(?:and|but|while)\b|;|\bwhile\b|\bbut\b)[^.])*$",
    re.I,
)
# The year a change is measured from, after the figure: "30% below 2019", "10% above 2020".
_BELOW_YEAR = re.compile(rf"^\s*(?:below|above|lower\s+than|higher\s+than)\s+(?:the\s+)?(?P<y>{_YEAR})\b", re.I)
# "our 2025 target of 30%", "the 2025 target is a cut of 30%" (a change the company aims at).
_TARGET_OF = re.compile(
    rf"\b(?:(?P<ty>{_TOKEN})\s+)?(?:target|goal)\s+(?:of|was|is)"
    r"(?:\s+an?\s+(?:cut|reduction|decrease|increase|rise)\s+of)?\s*$",
    re.I,
)


def restated_days(readings: list[Reading], own: str | None) -> list[Reading]:
    """The readings with a level printed without a day of its own (``own``, the report's period as
    written) given the day another unit prints the same figure of (a summary bullet "Employed
    4,382 staff" restating "As at 31 December 2022, we employed 4,382 staff"; a highlight's
    "41.2 million visits" over "By 30 June 2022 the site had 41.2 million visits"): it is one
    count, on that day. Only a figure of four significant digits or more, or with a scale word,
    in the same unit and before the same word, is taken for the same; a figure two units print
    with different days keeps its own period."""
    days: dict[tuple[str, str | None, str], set[str]] = {}
    for reading in readings:
        for f in reading.figures:
            if f.role == "value" and f.period is not None and _DAY_TOKEN.fullmatch(f.period) and _distinctive(f):
                days.setdefault(_restatement_key(reading, f), set()).add(f.period)
    out = []
    for reading in readings:
        figures = tuple(
            replace(f, period=next(iter(found)))
            if f.role == "value"
            and f.period == own
            and _distinctive(f)
            and len(found := days.get(_restatement_key(reading, f), set())) == 1
            else f
            for f in reading.figures
        )
        out.append(reading if figures == reading.figures else replace(reading, figures=figures))
    return out


def _distinctive(figure: Figure) -> bool:
    """Whether a figure is unlikely to be printed twice for two different things."""
    digits = re.sub(r"\D", "", figure.mention.surface.split("(")[0]).strip("0")
    return len(digits) >= 4 or (figure.mention.scale is not None and len(digits) >= 2)


def _restatement_key(reading: Reading, figure: Figure) -> tuple[str, str | None, str]:
    """The figure's value, unit and the word printed after it (what it counts)."""
    after = reading.unit.text[figure.mention.end - reading.unit.start :]
    word = re.match(r"\s*([A-Za-z][\w-]*)?", after)
    return str(figure.mention.value), figure.unit or figure.mention.unit, (word.group(1) or "").lower() if word else ""


def groups_thousands(mentions: list[Mention]) -> bool:
    """Whether a report prints its figures of a thousand or more with grouped thousands
    ("1,126"): most of them, and at least three, so."""
    grouped = sum(1 for m in mentions if m.kind == "quantity" and _GROUPED.search(m.surface))
    ungrouped = sum(1 for m in mentions if m.kind == "quantity" and re.search(r"(?<![\d,.])\d{4,}(?![\d,])", m.surface))
    return grouped >= 3 and grouped > 2 * ungrouped


def _label_period(label: _Period, periods: list[_Period]) -> str | None:
    """A label's period; a label's year takes the day of the unit's "as at" date."""
    day = next((q.value for q in periods if q.kind in ("asat", "reached") and q.value and len(q.value) == 10), None)
    if day is not None and label.value is not None and label.value.isdigit():
        return f"{label.value}{day[4:]}" if day[4:] != "-02-29" else f"{label.value}-02-28"
    return label.value


def _aside(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``start`` is printed in parentheses closed before ``end`` ("1,284
    (2022: 1,406), a decrease of 8.7%"): an aside, which what follows does not go on from."""
    opened = text.rfind("(", 0, start)
    return opened >= 0 and text.rfind(")", 0, start) < opened and ")" in text[start:end]


def _target_year_after(periods: list[_Period], end: int) -> str | None:
    """The year to reach a figure "target of" names right after it ("a target of 30% by 2025")."""
    return next((p.value for p in periods if p.kind in ("by", "end") and 0 <= p.start - end <= 3), None)


# What a figure before "to" gives to the figure after it ("donated 300 laptops to 12 schools"): the
# things counted, then "to", with no "from" before the first figure.
_GIVEN_TO = re.compile(r"\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+to\s+(?:[a-z]+\s+){0,2}")
_FROM_END = re.compile(r"\bfrom\s*$", re.I)


def _gives_to(text: str, spans: list[tuple[int, int]], index: int) -> bool:
    """Whether the figure's "to" names whom the figure before it went to ("over 2017-2020 we gave
    300 laptops to 12 schools": both figures are of the span), not the level a change over the
    span came to ("from 2017 to 2020 the share rose to 45%": of the span's last year)."""
    if index == 0:
        return False
    first, last = spans[index - 1], spans[index]
    return _GIVEN_TO.fullmatch(text, first[1], last[0]) is not None and not _FROM_END.search(text, 0, first[0])


def _is_time_limit(surface: str, before: str, after: str, clause: str) -> bool:
    """Whether a figure is "within N days" said of something else (see ``_WITHIN`` and ``_ALL_WITHIN``);
    ``clause`` is the figure's clause up to it (see ``_OF_EVENT_AFTER``)."""
    inside = _WITHIN.match(surface)
    outside = _WITHIN_BEFORE.search(before)
    if inside is None and outside is None:
        return False
    prefix = before if outside is None else before[: outside.start()]
    unit_words = re.sub(r"^.*?\d[\d.,]*\s*", "", surface)
    measured = (
        _MEASURED_WITHIN.search(prefix) is not None
        or _ALL_WITHIN.search(prefix) is not None
        or (_DONE_WITHIN.search(prefix) is not None and _SHARE_IN_CLAUSE.search(prefix) is None)
    )
    counted = f"{unit_words} {after}"
    timed = _TIME_WORD.match(counted)
    if timed is not None and _OF_EVENT_AFTER.match(counted, timed.end()) and _DONE_ONCE.search(clause):
        return False
    return timed is not None and not measured


def _in_phone_number(text: str, start: int, end: int) -> bool:
    """Whether ``start``-``end`` lies inside a telephone number's shape."""
    lo = max(0, start - 25)
    return any(m.start() + lo <= start and end <= m.end() + lo for m in _PHONE.finditer(text[lo : end + 25]))


def _token(printed: str) -> str:
    """A printed year as a token: "2021", or "FY2021" for "FY2021", "2020/21", "financial year 2021",
    "the 2020/21 school year"."""
    m = re.search(rf"(?P<y>{_YEAR})(?:\s?/\s?(?P<e>\d{{2,4}}))?$", re.sub(rf"{_SPLIT_YEAR_KIND}$", "", printed.strip()))
    assert m is not None  # the patterns only pass years
    year = int(m.group("y"))
    if m.group("e"):
        end = m.group("e")
        year = int(end) if len(end) == 4 else year // 100 * 100 + int(end) + (100 if int(end) < year % 100 else 0)
    return f"FY{year}" if _FISCAL_TOKEN.search(printed.strip()) else str(year)


def _year_of(token: str) -> int:
    """The year a token ends in."""
    return int(re.findall(r"\d{4}", token)[-1])


def _previous(token: str) -> str:
    """The same kind of period a year earlier: "FY2021" for "FY2022", "2021-12-31" for "2022-12-31"."""
    last = token.rpartition("/")[2]
    if last.startswith("FY"):
        return f"FY{int(last[2:]) - 1}"
    if "-" in last:
        year, month, day = (int(p) for p in last.split("-"))
        return _day(year - 1, month, day).isoformat()
    return str(int(last) - 1)


def _day(year: int, month: int, day: int) -> date:
    """A day of a year; 29 February is 28 February in a year that has none."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, day - 1)


def _month_end(year: int, number: int) -> date:
    """The last day of a month."""
    return date(year + (number == 12), number % 12 + 1, 1) - timedelta(days=1)


def _range_end(m: re.Match[str], p: str, token: str) -> str:
    """One end of a range: its day when the range prints one ("1 April 2021"), else its year token."""
    month = m.group(f"{p}m")
    if month is None or token.startswith("FY"):
        return token
    number = _MONTH_NUMBER[month.lower()]
    year = int(token)
    if m.group(f"{p}d"):
        return _day(year, number, int(m.group(f"{p}d"))).isoformat()
    if p == "a":
        return f"{year}-{number:02d}-01"
    following = date(year + (number == 12), number % 12 + 1, 1)
    return (following - timedelta(days=1)).isoformat()


OWN_GAP = 50  # characters: a period phrase this close after a figure, with no comma between, is its own
# Between two figures that share the period phrase after the second ("31 injuries and 1,520 lost
# days in 2019"): the first figure's noun, then "and".
_COORDINATED = re.compile(r"^\s+(?:[a-z][\w-]*\s+){1,4}(?:and|or|as\s+well\s+as)\s+$")


def _paired(text: str, periods: list[_Period], spans: list[tuple[int, int]]) -> dict[int, str | None]:
    """The period of each figure a list of periods dates, in order: as many coordinated figures
    ("RMB5.2 billion and RMB4.8 billion") right before the list, or right after it when it opens the
    sentence ("In 2021 and 2022, emissions were 500 tonnes and 450 tonnes")."""
    found: dict[int, str | None] = {}
    for p in periods:
        count = len(p.values)
        if not count:
            continue
        before = [i for i, (_, end) in enumerate(spans) if end <= p.start][-count:]
        after = [i for i, (start, _) in enumerate(spans) if start >= p.end][:count]
        for group in (before, after):
            joined = all(_JOINED.match(text[spans[i][1] : spans[i + 1][0]]) for i in group[:-1])
            if len(group) == count and joined and not found.keys() & set(group):
                found.update(zip(group, p.values, strict=True))
                break
    return found


# Between figures of a list: a comma or "and", maybe after the first figure's noun.
_JOINED = re.compile(r"^(?:\s+(?:[a-z][\w-]*\s+){0,4}?)?\s*(?:,\s*(?:and\s+)?|and\s+|,)\s*$")


def _owners(text: str, periods: list[_Period], spans: list[tuple[int, int]]) -> dict[int, tuple[int, ...]]:
    """Which figures (indexes) each period phrase (index) belongs to: the figure right before it,
    when no comma, other figure or more than OWN_GAP characters lie between, and the figures
    coordinated with that one before it (see ``_COORDINATED``) that own no phrase themselves, or
    the figure that one restates in parentheses ("310.5 tonnes (124,200 reams) of 2023")."""
    owners: dict[int, tuple[int, ...]] = {}
    for number, p in enumerate(periods):
        if p.kind not in _LEVEL_KINDS:
            continue
        before = [i for i, (_, end) in enumerate(spans) if end <= p.start]
        if before:
            i = before[-1]
            gap = text[spans[i][1] : p.start]
            # "6% less than from March to June 2021": the period compared with, not the figure's own
            if len(gap) <= OWN_GAP and not re.search(r"[,;:]", gap) and not _THAN_END.search(gap):
                owners[number] = (i,)
    _clause_openers(text, periods, spans, owners)
    taken = {i for found in owners.values() for i in found}
    for number, (i,) in list(owners.items()):
        group = [i]
        while group[0] > 0 and group[0] - 1 not in taken:
            j = group[0] - 1
            if not _COORDINATED.match(text[spans[j][1] : spans[j + 1][0]]):
                break
            group.insert(0, j)
        owners[number] = tuple(group)
    for number, group in list(owners.items()):
        # "the 310.5 tonnes (124,200 reams) of 2023": the figure restated in the parenthesis
        # the period follows, and the one it restates
        i = group[0]
        restated = i > 0 and re.fullmatch(r"\s*\(\s*", text[spans[i - 1][1] : spans[i][0]]) is not None
        closed = re.fullmatch(r"[^(),;]*\)\s*", text[spans[i][1] : periods[number].start]) is not None
        if restated and closed and i - 1 not in taken:
            owners[number] = (i - 1, *group)
    return owners


def _clause_openers(
    text: str, periods: list[_Period], spans: list[tuple[int, int]], owners: dict[int, tuple[int, ...]]
) -> None:
    """A period opening a clause after a semicolon owns the clause's first figure ("... by 2025;
    in 2024 we diverted 23.1%"), when the clause commits to nothing before the figure: the clause
    reports what that period came to, beside a target the clause before sets."""
    taken = {i for found in owners.values() for i in found}
    for number, p in enumerate(periods):
        if number in owners or p.kind not in _LEVEL_KINDS or not text[: p.start].rstrip().endswith(";"):
            continue
        after = [i for i, (start, _) in enumerate(spans) if start >= p.end]
        if not after or after[0] in taken:
            continue
        gap = text[p.end : spans[after[0]][0]]
        if not re.search(r"[;:.]", gap) and not _COMMIT.search(gap):
            owners[number] = (after[0],)
            taken.add(after[0])


def _change(text: str, before: str, after: str, start: int) -> tuple[str, str | None]:
    """("change", direction) when the words around a figure print it as a change, else ("value", None)."""
    if _FROM_BEFORE.search(before) or _NOT_CHANGE.search(before):
        return "value", None
    if (arrow := _ARROW_BEFORE.search(before)) is not None:
        return "change", "increase" if arrow.group("inc") else "decrease"
    m = _CHANGE_BEFORE.search(before)
    if m is not None and not (m.group("dec") or m.group("inc")):
        verbs = list(_CHANGE_VERB.finditer(text[_clause_start(text, start) : start]))
        if not verbs:
            verbs = list(_CHANGE_VERB.finditer(text[:start]))
        if not verbs:
            return "value", None
        m = verbs[-1]
    if m is None:
        m = _CHANGE_AFTER.match(after)
    if m is None:
        return "value", None
    groups = m.re.groupindex
    if any(g in groups and m.group(g) for g in ("dec", "below")):
        return "change", "decrease"
    if any(g in groups and m.group(g) for g in ("inc", "above")):
        return "change", "increase"
    return "change", None


def _clause_start(text: str, at: int) -> int:
    starts = [m.end() for m in _CLAUSE.finditer(text, 0, at)]
    return starts[-1] if starts else 0


def _tidy(name: str) -> str:
    """A metric name as a label: leading articles, possessives and "total" dropped, one line."""
    name = " ".join(name.split())
    name = _POSSESSIVE.sub("", name)
    name = _LEADING.sub("", name)
    name = name.strip(" -–,.;:")
    words = name.split()[:MAX_NAME_WORDS]
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words)


_TRAILING = frozenset(
    ["of", "with", "by", "to", "a", "an", "the", "and", "in", "at", "for", "on", "from", "as", "than"]
)


def _words_after(text: str) -> str:
    stop = _STOP.search(text)
    return text[: stop.start()] if stop else text


def metric_name(unit: Unit, mention: Mention, start: int, end: int, role: str, earlier: list[str]) -> str:
    """The name of what the figure at ``start``-``end`` of ``unit`` measures, from the words around it.

    In this order: a highlight box's caption; for a change or target, what changes ("X decreased
    by", "reduce X by", "raise X to"), or with no subject of its own ("..., a decrease of 6.2%")
    the metric of the figure before it; a figure compared with the one before ("compared with",
    "down from") or a part of it ("of whom 41% were female") is of that metric; a count and its
    noun ("2,846 employees", "planted 5,000 trees": "trees planted"); "X was/reached N";
    "N unit of X" ("consumed 42,380 MWh of electricity": "electricity consumed"); a verb and its
    figure ("donated RMB 5 million to X": "amount donated to X"); else the words before the figure
    in its clause.
    """
    text = unit.text
    before, after = text[:start], text[end:]
    clause = before[_clause_start(text, start) :]
    if unit.kind == "highlight" and (label := _key_label(before)):
        return label
    lines = text.split("\n")
    if unit.kind == "highlight" and len(lines) == 3 and CHANGE_LINE.match(lines[2].strip()) and _tidy(lines[0]):
        return _tidy(lines[0])  # a caption, its figure, the figure's change: both figures are the caption's
    if unit.kind == "highlight":
        rest = _OF_LEAD.sub("", (before + " " + after).strip())
        if role == "change":
            rest = _CHANGE_LEAD.sub("", rest)
        rest = _COUNTED_AGENT.split(rest, maxsplit=1)[0]
        if rest:
            return _tidy(rest)
    if role in ("change", "target"):
        for pattern in (_MOVED_OBJECT, _MOVED_SUBJECT):
            moved = pattern.search(clause) or pattern.search(before)
            if moved and _tidy(moved.group("x")) and not _PRONOUN.fullmatch(_tidy(moved.group("x"))):
                return _tidy(moved.group("x"))
        if earlier and _CHANGE_NOUN.search(clause):
            return earlier[-1]
    if earlier:
        part = _PART_OF.match(after) or (_PREDICATE.match(after) if _WHOM.search(before) else None)
        if part and _words_after(part.group("p")):
            return _tidy(f"{earlier[-1]}: {_words_after(part.group('p'))}")
        if _COMPARED.search(before) or _WHOM.search(before):
            return earlier[-1]
    action = _ACTION.search(before)
    if mention.unit is None:
        counted = re.match(r"^\s*(?P<x>[A-Za-z][^,.;:()\n]*)", after)
        thing = _tidy(_words_after(counted.group("x"))) if counted else ""
        if thing and not _PRONOUN.fullmatch(thing):
            return _tidy(f"{thing} {action.group('verb')}") if action else thing
    named = _NAMED_OF.search(_PARENTHESES.sub("", clause))
    if named and mention.unit is not None:
        thing = _tidy(_words_after_stop(named.group("x")))
        if thing and not _PRONOUN.fullmatch(thing) and thing.split()[-1].lower() not in _AMOUNT_WORDS:
            return thing
    subject = _SUBJECT_BEFORE.search(clause)
    if subject and _tidy(subject.group("subject")) and not _PRONOUN.fullmatch(_tidy(subject.group("subject"))):
        return _tidy(subject.group("subject"))
    of_what = re.match(r"^\s+(?:of|in)\s+(?P<x>[A-Za-z][^,.;:()\n]*)", after)
    if of_what and not re.match(r"^\s+(?:of|in)\s+(?:which|whom|it|the\s+(?:year|period))\b", after):
        thing = _tidy(_words_after(of_what.group("x")))
        if thing:
            return _tidy(f"{thing} {action.group('verb')}") if action else thing
    if action:
        verb = action.group("verb")
        if mention.unit is not None and mention.surface[-1:].isalpha() and not mention.surface.startswith(_LETTERS):
            return _tidy(f"{_unit_words(mention.surface)} {verb}")
        purpose = re.match(r"^\s+(?P<prep>to|in|on|for)\s+(?P<p>[^,.;:()\n]+)", after)
        if purpose and _words_after(purpose.group("p")) and not _PERIOD_START.match(purpose.group("p")):
            return _tidy(f"amount {verb} {purpose.group('prep')} {_words_after(purpose.group('p'))}")
        return f"amount {verb}"
    if earlier and "per" in mention.surface:
        return _tidy(f"{earlier[-1]} per {mention.surface.rpartition('per')[2]}")
    words = re.findall(r"[A-Za-z][\w'’-]*", clause)
    if len(words) < 2:  # "..., and met 4 times": the clause's subject is in the clause before
        words = re.findall(r"[A-Za-z][\w'’-]*", before)
    name = _tidy(" ".join(words[-MAX_NAME_WORDS:]))
    if (not name or _PRONOUN.fullmatch(name)) and earlier:
        return earlier[-1]
    return name or "figure"


# A total to date, right before its figure: "cumulative", "accumulated" (not "accumulated over the year").
_CUMULATIVE = re.compile(
    r"\b(?:cumulative(?:ly)?|accumulated)\b(?![^.;:]*\b(?:in|during|over)\s+the\s+year\b)[^.;:]{0,50}$", re.I
)
_YEAR_TOKEN = re.compile(r"(?:FY)?\d{4}")
_DAY_TOKEN = re.compile(r"\d{4}-\d\d-\d\d")
# What a key-data label says its figure is per: "per million tonnes of raw coal".
_LABEL_PER = re.compile(r"\bper\s+\S.*$", re.I)
# One word after a key-data line's figure that may be a unit: "kgce".
_UNIT_WORD = re.compile(r"[A-Za-z]{1,10}")
# The day or year a key-data label names after what it measures ("Employees as at 31 December
# 2023", "Trees planted in 2023"): the figure's period, no part of its metric.
_LABEL_TIME = re.compile(r"\s+(?:as\s+(?:at|of|on)\s+\S.*|(?:in|during)\s+(?:FY\s?)?(?:19|20)\d\d)$", re.I)


def _key_label(before: str) -> str:
    """The metric a key-data line names: its label before the colon ("Employees as at 31 December
    2023: 42,386 persons" is "Employees"), without the day or year it names; "" for a highlight
    that is no "label: figure" line."""
    head = before.rstrip()
    if not head.endswith(":") or "\n" in head:
        return ""
    return _tidy(_LABEL_TIME.sub("", head[:-1].strip()))


def _words_after_stop(text: str) -> str:
    """The words after the last stop word, verb or punctuation of ``text`` ("... fleet emitted nitrogen oxides")."""
    stops = [*_STOP.finditer(text), *_VERBS.finditer(text)]
    stops.sort(key=lambda m: m.end())
    return text[stops[-1].end() :] if stops else text


def _unit_words(surface: str) -> str:
    """The unit words of a printed figure: "8,600 hours" is "hours"."""
    return re.sub(
        r"^[^A-Za-z]*?(?:about|around|approximately|over|nearly|up to|at least|more than)?\s*[\d.,]+\s*", "", surface
    )


# "nitrogen oxides (NOx) of 186.2 kg": the thing measured, named right before "of" and the figure.
_NAMED_OF = re.compile(r"(?P<x>[A-Za-z][^,;:()]*?)\s+of\s*$")
_VERBS = re.compile(rf"\b(?:{_VERB}|{_ACTION_VERBS})\b", re.I)
# A highlight's caption goes on to who or where the figure came from ("... contributed by 680 employees").
_COUNTED_AGENT = re.compile(r"\s+(?:by|from|across)\s+(?:our\s+|the\s+)?\d", re.I)
# "donated ... in 2022": a period, not what the money went to.
_PERIOD_START = re.compile(
    rf"(?:the\s+)?(?:(?:fiscal|financial|reporting)\s+)?(?:year|period|FY\s?{_YEAR}|{_YEAR})\b", re.I
)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
# Words that say how much, not of what ("a total of", "an average of", "out of").
_AMOUNT_WORDS = frozenset({"total", "average", "sum", "amount", "maximum", "minimum", "out", "part", "rate", "level"})
# A highlight printing a change: "12.4% reduction in electricity ..." names what changed after the change noun.
_CHANGE_LEAD = re.compile(r"^(?:reduction|decrease|decline|drop|fall|cut|increase|rise|growth)\s+(?:in|of)\s+", re.I)
_LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_OF_LEAD = re.compile(r"^(?:of|in|on|for)\s+", re.I)
_PRONOUN = re.compile(r"(?:and\s+)?(?:we|it|they|this|that|which|these|those|he|she|or|and|to|of|figure)", re.I)
_MOVED_OBJECT = re.compile(
    r"\b(?:reduce|reducing|cut|cutting|lower|lowering|increase|increasing|raise|raising|improve|improving|grow|"
    r"growing|bring|keep)\s+(?P<x>[^,;:()]+?)\s+(?:by|to)\s*$",
    re.I,
)
_MOVED_SUBJECT = re.compile(rf"(?P<x>[A-Za-z][^,;:()]*?)\s+(?:{_DECREASE}|{_INCREASE})(?:\s+(?:by|to))?\s*$", re.I)
_CHANGE_NOUN = re.compile(
    r"(?:\ban?\s+)?\b(?:increase|decrease|reduction|rise|growth|decline|drop|fall|up|down)\s+(?:of\s+)?$", re.I
)
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against|from|than)\s*$", re.I)
_WHOM = re.compile(r"\bof\s+(?:whom|which)\s*$", re.I)
_PART_OF = re.compile(
    r"^\s+of\s+(?:it|them|which|this)\s+(?:was|were|is|are|came|come)\s+(?:from\s+)?(?P<p>[^,.;:()\n]+)", re.I
)
_PREDICATE = re.compile(r"^\s+(?:was|were|is|are|came|come)\s+(?:from\s+)?(?P<p>[^,.;:()\n]+)", re.I)
