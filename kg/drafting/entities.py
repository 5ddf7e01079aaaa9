"""Recognise the entities a report names, by the shape of their names, and join the names of one entity.

ESG reports name things in a few fixed shapes: a run of capitalised words ending in a head word
that says what it is ("... Committee", "... Ordinance", "... Award", "... Foundation"), a standard's
code ("ISO 14001"), a Chinese title in 《》 beside an English one, a defined short name in
parentheses ("(the “ESG Committee”)"), a person after an honorific or beside a role, a place from
the gazetteer. Those shapes are general, so the rules here carry no report's names. A mention's
offsets are code points into the report text, so a drafted claim can point at it.

Call ``entity_mentions`` on a whole section or report, not sentence by sentence: a definition
("(the “Committee”)") applies to the later mentions of the same call. ``resolve_aliases`` then joins
the mentions of one entity (short names, acronyms, case, articles, plurals, Chinese titles) and
gives each label one id, namespaced as the claim sheets namespace them (kg.rdf.iris.Minter.entity).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

from kg.drafting.certification_blocks import certification_blocks
from kg.drafting.places import place_names, region_names
from kg.drafting.sentences import split_sentences
from kg.ingest.bilingual import english_part, english_start
from kg.vocab.names import slugify


@dataclass(frozen=True)
class EntityMention:
    """One naming of an entity in the text; ``label`` is ``text[start - offset:end - offset]``."""

    start: int
    end: int
    label: str
    type: str  # a sheet type of kg.vocab.entity_types.sheet_types()
    organiser: str | None = None  # awards, certifications: the label of who gives them, as printed
    unit_of: str | None = None  # units: the label of the organisation they belong to, when printed
    label_zh: str | None = None  # a Chinese title printed in 《》 beside the English one
    jurisdiction: str | None = None  # laws: "PRC", "Hong Kong", ... when the title or its Cap. number says
    cap: str | None = None  # Hong Kong ordinances: "Cap. 57"
    role: str | None = None  # people: the role printed beside the name ("Chairman")
    titled: str | None = None  # people: the name with the honorific it is printed after ("Dr. Lam Tai-man")
    alias_of: str | None = None  # a defined short name or acronym: the label of the full name


# ---------------------------------------------------------------- head words

# Head word (lower case, singular) -> sheet type. The head is the last word of the name before its
# first "of" ("Ministry of ...", "Board of Directors of ..."), else its last word.
_HEADS: dict[str, str] = {}
for _type, _words in {
    "Committee": "committee subcommittee sub-committee",
    "Board": "board",
    "Department": "department division office",
    "Team": "team taskforce task-force",
    "Law": "law ordinance act regulation rule provision measure directive decree interpretation",
    "Standard": "standard guide guideline guidance principle framework protocol specification criterion "
    "criteria goal convention charter requirement",
    "Certification": "certification certificate accreditation rating",
    "Award": "award prize medal trophy honour honor accolade list ranking title logo label",
    "Organization": "foundation association alliance federation society institute institution university "
    "college academy council commission ministry bureau agency authority chamber union fund trust exchange "
    "consortium community hospital school kindergarten church club organization organisation centre center chest "
    "polytechnic "
    "government laboratory observatory "
    "advisory consultancy consulting "  # "Harbour Sustainability Advisory": a consulting firm
    "limited ltd ltd. berhad bhd bhd. plc llc pte "
    "corporation corp corp. inc inc. co. company holdings bank magazine group ngo charity administration "
    "gmbh ag kft kft. zrt zrt. nyrt nyrt.",  # German and Hungarian companies: "Nordwerk GmbH", "Acme Hungary Kft."
    "Initiative": "programme program project campaign initiative scheme challenge plan scholarship course compact",
    "Event": "conference forum summit expo exhibition festival competition contest marathon fair ceremony "
    "seminar workshop day week congress flood earthquake typhoon",
    "Policy": "policy handbook manual procedure code",
    "Place": "park plaza tower building mall estate garden court square campus headquarters factory plant "
    "district province state city village town county street road island port airport harbour place lake river bay "
    "sea ocean gulf strait "
    "hotel resort mill warehouse terminal depot",
    "Product": "app application platform series card mortgage loan mini-program mini-programme dashboard",
}.items():
    for _word in _words.split():
        _HEADS[_word] = _type

# Two-word heads that override the last word's type.
_PAIR_HEADS = {
    ("working", "group"): "Team",
    ("leading", "group"): "Team",
    ("steering", "group"): "Team",
    ("task", "force"): "Team",
    ("code", "of"): "Policy",
    ("reporting", "code"): "Standard",  # the exchange's "ESG Reporting Code", its "Corporate Governance Code"
    ("governance", "code"): "Standard",
    ("action", "plan"): "Initiative",
    ("transition", "plan"): "Policy",  # "Climate Transition Plan": a strategy the board adopts, no programme
    ("continuity", "plan"): "Policy",  # "Business Continuity Plan": how operations go on in a crisis, no programme
    ("provident", "fund"): "Initiative",  # "Mandatory Provident Fund": a retirement scheme staff join
    ("new", "area"): "Place",  # "Pudong New Area": a Chinese state-level new district
    ("power", "grid"): "Organization",  # "China Southern Power Grid"; "Power Grids" are networks, no one
    # A site goods are stored, sorted or cooked at ("Tai Po Distribution Centre", "Yuen Long Central
    # Kitchen"): a place of the company's, no organisation.
    **{(kind, head): "Place" for kind in ("distribution", "logistics") for head in ("centre", "center")},
    ("central", "kitchen"): "Place",
}

# Words a capitalised run starts with only because it starts a sentence or a possessive.
_LEADING = frozenset(
    [
        "the",
        "our",
        "this",
        "these",
        "those",
        "its",
        "their",
        "a",
        "an",
        "in",
        "during",
        "as",
        "at",
        "with",
        "through",
        "since",
        "for",
        "by",
        "to",
        "on",
        "we",
        "all",
        "each",
        "every",
        "besides",
        "see",  # "See Tables 4 to 8", "See Note 3": a pointer, no name
        "moreover",
        "furthermore",
        "meanwhile",
        "additionally",
        "also",
        "after",
        "before",
        "under",
        "upon",
        "last",
        "in",
        "while",
        "when",
        "where",
        "if",
        "although",
        "since",
        "following",
        "according",
        "among",
        "apart",
        "from",
        "over",
        "around",
        "about",
        "nearly",
        "approximately",
        "almost",
        "more",
        "than",
        "less",
        "up",
        "some",
        "many",
        "most",
        "several",
        "both",
        "only",
    ]
)
_CONNECTORS = "of|and|for|the|on|&|de|du|des|la|against"
_JOINERS = frozenset(_CONNECTORS.split("|"))
_WORD = (
    r"(?:Co\.|Ltd\.|Inc\.|Corp\.|Pte\.|Sdn\.|Bhd\.|St\.|(?:[A-Z]\.){2,}|[A-Z]\.|[A-Z][A-Za-z0-9’'\-+/]*(?:™|®)?|\d+(?:st|nd|rd|th)\b|\d[\d\-/:]*(?:\.\d+)*[A-Za-z]?"
    r"|\([A-Z][A-Za-z\- ]{1,30}\)(?= [A-Z(]))"
)
_RUN = re.compile(
    rf"(?<![\w’'])(?:{_WORD}(?:,? (?:(?:{_CONNECTORS}) ){{0,2}}{_WORD})*)(?![\w’'])",
)
# Possessives inside names: "People's Republic", "Women's Federation"; "Persons'" (s') is kept too.
# The company's own boards; a board with another name ("Hong Kong Tourism Board") is an organisation.
_OWN_BOARD = re.compile(
    r"(?:[Tt]he |[Oo]ur |[Ii]ts )?(?:(?:Supervisory|Executive|Management|Main|Group|Company|Bank)\s)?"
    r"(?:Board|Boards)(?: of (?:Directors|Supervisors|Management|Commissioners))?(?: of .+)?"
)
_DOCUMENTS = frozenset({"report", "statement", "review", "disclosure"})
# People of a body, opening a sentence before its name ("Officers of the Labour Department led ..."):
# no part of the name.
_STAFF_OF = frozenset({"officers", "officials", "members", "representatives", "staff", "inspectors", "experts"})
_PLURAL_PEOPLE = frozenset({"people", "women", "men", "children"})
# An office's possessive is part of an award's name: "Prime Minister's Hibiscus Award", "Governor's Award".
_OFFICES = frozenset(
    {"minister", "president", "governor", "mayor", "premier", "executive", "secretary", "king", "queen"}
)
# A heading: a line that is only a (numbered) capitalised run, no sentence around it.
# "Hazard Analysis and Critical Control Point (HACCP) system": a headless name defining its acronym.
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)(\s+(?:system|standards?|principles|protocol|framework))?")
# What may precede a bullet's first word: "Established the ..." there is a verb, not part of a name.
_BULLET = re.compile(r"\s*(?:[-•·▪●*]\s*)?")
# Heads a company's own rules share with laws; such a name is a law only with a jurisdiction, Cap. number
# or Chinese title, or when nothing says it is the company's.
_WEAK_LAW = re.compile(r"\b(?:Regulations?|Rules|Provisions|Measures|Directives?)\b")
# "... Regulation of Acme Corporation": a rule an organisation made for itself.
_OWNED = re.compile(
    r" of (?:the )?[A-Z][\w\-]*(?: [A-Z][\w\-]*)* (?:Corporation|Company|Group|Limited|Ltd\.?|Inc\.?|Bank)$"
)
_INTERNAL = re.compile(
    r"\b(?:our|its|internal|formulated|established|issued|developed|implemented|introduced|"
    r"updated|revised|such as)\b[^.]*$"
)
_HEADING = re.compile(r"\s*(?:(?:[\d.]+|[A-Z]{1,4}[.)])\s+)?[A-Z][\w’'&,\- ]*")
_ABBREVIATION = re.compile(r"\b(?:Co|Ltd|Inc|Corp|Pte|Sdn|St|Bhd|Kft|Zrt|Nyrt)\.$")
# "certified at Level A. Acme Freight Limited is ...": a grade letter's full stop ends the sentence.
_GRADE_STOP = re.compile(
    r"\b(?:Level|Grade|Class|Category|Tier|Phase|Stage|Type|Scope|Part|Zone|Block) [A-Z0-9]{1,2}\. "
)
# "Level 3 of the Multi-Level Protection Scheme": a grade of a scheme that grades, a standard met at a grade.
_GRADED_BEFORE = re.compile(r"\b(?:Level|Grade|Tier|Class) [A-Z0-9]{1,3}\s+of\s+the\s+$")
GRADED_WINDOW = 30  # characters before a name where its grade is printed
# "... Acme Ports Sdn. Bhd. We buy ...": a legal form's full stop ends the sentence before a sentence's word.
# A Chinese company's whole form, "Co., Ltd.", ends its name: a capital after it starts the next
# sentence ("... Acme Gas Co., Ltd. Acme Energy (Wuhan) Co., Ltd. runs ...").
_ABBREVIATION_STOP = re.compile(
    r"\b(?:Ltd|Bhd|Inc|Corp)\. (?=(?:We|Our|The|This|These|It|Its|In|During|All|As|At|For)\b)"
    r"|\bCo\.,\s+Ltd\.\s(?=[A-Z])"
)
# "... and the Energy Market Authority": "and the" before a capital starts another name.
_AND_THE = re.compile(r",? and the (?=[A-Z])")
_LEGAL_FORM = re.compile(
    r"\b(?:Limited|Ltd\.?|Inc\.|LLC|plc|PLC|Berhad|Bhd\.?|GmbH|AG|Kft\.?|Zrt\.?|S\.A\.|Corporation)$"
)
_COMPANY_WORDS = frozenset({"group", "company", "bank", "corporation"})
# Legal forms printed before a company's name (Indonesian "PT", "CV"; Malaysian and Thai "PT" too).
_LEGAL_FORM_PREFIXES = frozenset({"PT", "CV"})
# What such a name prints after it: a state company's "(Persero)", a listed one's "Tbk".
_LEGAL_FORM_AFTER = re.compile(r" (?:\(Persero\)|Tbk\.?)(?![\w(])")
# A unit named with the company's word first ("the Group Health, Safety and Environment Department"):
# its name, no mention of the company.
_UNIT_AFTER = r" [A-Z][\w-]*(?:,? (?:and |& )?[A-Z][\w-]*){0,6} (?:Department|Committee|Office|Division)\b"
_OWN_UNIT = re.compile(rf"The (?:Group|Company)(?={_UNIT_AFTER})")
_SELF = re.compile(rf"\b[Tt]he (?:Group|Company|Bank|Corporation)\b(?![’']s? [A-Z])(?!{_UNIT_AFTER})")
_SELF_POSSESSIVE = re.compile(r"\b[Tt]he (?:Group|Company|Bank|Corporation)[’']s ")
_GENERIC = re.compile(
    r"\b[Tt]he (Board|Committee|Foundation|Programme|Program|Initiative|Project|Scheme)\b(?![’'] |\s+of\b)"
)

# Standard codes: ISO 14001, ISO 45001:2018, OHSAS 18001, SA8000, GB/T 2589-2008, IEC 62443, NIST 800-88, UL 9540A.
_CODE = re.compile(
    r"\b(?P<code>(?:(?:ISO(?:/IEC)?|IEC|OHSAS|SA|FSSC|GB(?:/T)?|EN|BS|IATF|ANSI|ASTM|AS/NZS|QC080000|NIST(?: SP)?)"
    r"\s?\d{3,6}"
    r"(?:\.\d{1,2}(?=[-:]))?(?:[-:]\d{1,4})*"  # a part number before the year: "GB/T 19963.1-2021"
    r"|UL\s\d{2,5}[A-Z]?(?!\w|\.\d)"  # Underwriters Laboratories' safety standards: "UL 9540A", "UL 94"
    r"))(?:\s(?:certification|certificate|certified))?\b"
)
# Certification schemes named by their acronym or brand, not by a code: a site is certified under
# them or implements them and is audited against them ("implemented HACCP", "LEED Gold").
# Accounting and disclosure standards by number: "IFRS S2", "HKFRS 16", "IAS 37".
_FRS_CODE = re.compile(r"\b(?:IFRS|HKFRS|IAS|HKAS|SFRS)\s?S?\d{1,2}\b")
_SCHEME = re.compile(r"\b(?:HACCP|GMP|BRCGS|FSC|PEFC|RSPO|LEED|BREEAM|BEAM Plus|Fairtrade)\b(?![\w-])")
# "accredited as an Authorized Economic Operator": a status a certifier grants.
_SCHEME_CUE = re.compile(r"\b(?:accredited|certified|registered|qualified) as (?:an?|the)\s+$")
_CERTIFIED_TO = re.compile(r"\b(?:certified|accredited|registered) (?:to|under|against) (?:the\s+)?$")
# "meets the ... Requirements (FSR) at Level A": a standard met at a grade is a certification held.
_LEVEL_AFTER = re.compile(r"(?:\s*\([A-Z]{2,8}\))?\s+at\s+(?:Level|Grade|Tier|Class)\s+[A-Z0-9]\b")
# Words around a code that say the company holds a certificate to it.
_CERTIFIED_BEFORE = re.compile(
    r"\b(?:certified|accredited|registered)\s+(?:to|under|with|against|as|by|for)\s+(?:the\s+)?$|"
    r"\b(?:certifications?|certificates?|accreditation)\s+(?:to|for|of|under)\s+(?:the\s+)?$|"
    r"\b(?:holds?|held|holding|obtained|obtain(?:s|ing)?|passed|achieved|attained|received|maintain(?:s|ed)?|"
    r"renewed|awarded|granted|gained)\s+(?:the\s+|an?\s+|its\s+)?$"
)
_CERTIFIED_AFTER = re.compile(
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:[A-Za-z\-]+\s+){0,3}?(?:certifications?|certificates?|certified|accreditation|"
    r"registration|(?:surveillance |recertification |external )?audits?)\b"
)
# "obtain ISO 14064 verification": what is obtained is a verification under the standard, no certificate.
_CITED_AFTER = re.compile(
    r"\s*(?:[A-Za-z\-]+\s+){0,2}?(?:verification|verified|assurance|assessments?|reporting|inventory|guidance)\b"
)
# A list item: a bullet or number, then its name up to a colon, a dash, a comma before a lower-case
# word ("..., awarded by") or the end of the line.
_ITEM = re.compile(
    r"\s*(?P<marker>[-•·▪●*–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(?P<name>[^:;\n]+?)\s*(?:[:;]|\s[–-]\s|,\s+[a-z]|\.?\s*$)"
)
MAX_ITEM_WORDS = 10
MAX_INLINE_WORDS = 6
# Of a list of groups an engagement verb governs, the share whose items end in a stakeholder noun
# for the others to count as groups too.
MIN_KNOWN_SHARE = 0.75
# "... the following key issues: A, B and C." / "Our stakeholders include A, B, and C." (a line may
# break after an item's comma: a list printed over short lines).
_INLINE_LIST = re.compile(
    r"\b(?P<what>(?:material|key|significant|important|major|priority|ESG|sustainability)\s+(?:ESG\s+)?"
    r"(?:issues|topics|matters)|stakeholders|stakeholder groups)"
    r"(?:\s+(?:we identified|identified|were|are|include|included|includes|such as))?\s*(?:include,?|:|are|were)\s+"
    r"(?P<items>(?:[^.:;\n()]|(?<=,)\n)+?)\."
)
# "We engage our stakeholders throughout the year: tenants (surveys, a hotline), lenders (briefings)
# and staff (town halls).": the groups, each with the channels it is engaged through in parentheses.
_GROUPS_WITH_CHANNELS = re.compile(r"\bstakeholders\b[^.:;\n()]{0,40}:\s+(?P<items>[^.:;]+?\))\.")
_CHANNELS_IN_PARENS = re.compile(r"\([^()]*\)")
# Between two codes a certification verb governs both: "... since 2019 and to ...", "..., and our
# energy management system to ...": the verb left out before a second system's code.
_ALSO_TO = re.compile(
    r"(?:\s+(?:since|in|from)\s+(?:\d{4}|FY\d{2,4}))?,?\s+and\s+(?:also\s+)?"
    r"(?:(?:our|its|the)\s+(?:[\w-]+\s+){0,4}?(?:systems?|sites?|plants?|facilit(?:y|ies)|factor(?:y|ies)|"
    r"operations|offices?)\s+(?:also\s+)?)?(?:to|under)\s+"
    # "..., DC2 and DC3 also to ISO/IEC 27701": other sites named, and "also" says the verb is theirs too
    r"|,\s+(?:[A-Z][\w-]*(?:,\s+|\s+and\s+)){0,3}[A-Z][\w-]*\s+also\s+(?:to|under)\s+"
)
# "... to ISO 14001 and ISO 50001 management systems; all sites were certified to both standards":
# the codes' certificate told after them, in the same sentence.
_CERTIFIED_LATER = re.compile(
    r"[^.]{0,100}?\b(?:certified|accredited)\s+(?:to|under|against)\s+(?:both|all|each of|these|those|them|"
    r"the two|all three)\b"
)
# A line of the contents page: a title, dot leaders and a page number.
_CONTENTS_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}\s*$|…+\s*\d{1,3}\s*$")
# A guideline titled with a verb or a topic after "to", "for" or "on", every other word capitalised.
_TITLE_WORD = r"(?:[A-Z][\w\-]*|and|for|on|of|the|in|to|by)"
_GUIDELINE_TITLE = re.compile(
    rf"\b(?:(?!(?:The|This|These|Our|Its|Their|In|Under)\s)[A-Z][\w\-]*\s+){{0,4}}"
    r"(?:Guidelines|Guideline|Guide|Guidance|Code of Practice)\s+(?:to|for|on)\s+"
    rf"(?:{_TITLE_WORD}\s+){{1,16}}[A-Z][\w\-]*(?!\s+[A-Z])(?=[\s,.;:)]|$)"
)
# A unit whose name lists functions, commas included, with an optional acronym before its head word.
_LISTED_UNIT = re.compile(
    r"\b(?:[A-Z][\w&\-]*,\s+){1,4}(?:[A-Z][\w&\-]*\s+){0,2}(?:and|&)\s+(?:[A-Z][\w&\-]*\s+){0,2}?[A-Z][\w&\-]*"
    r"(?:\s+\([\"“]?[A-Z]{2,8}[\"”]?\))?\s+(?P<head>Department|Committee|Office|Division|Centre|Center|Team)\b"
)
# "... 8 were identified as highly material, including A, B and C.": the issues the assessment found material;
# "The topics rated most material were A, B and C.": the same, the verb after the list's lead.
_MATERIAL_INLINE = re.compile(
    r"\b(?:identified|assessed|rated|considered|determined|ranked|prioriti[sz]ed|confirmed|selected|validated)"
    r"(?: (?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve) (?:issues|topics|matters))?"
    r" as (?:highly |most |the most )?"
    r"material(?: issues| topics)?(?:,?\s+(?:including|namely|such as)|\s*:)\s+(?P<items>(?:[^.:;\n()]|(?<=,)\n)+?)\.|"
    r"\b(?:issues|topics|matters)\s+(?:(?:that|which)\s+(?:were|are)\s+)?(?:identified|assessed|rated|considered|"
    r"determined|ranked|found)\s+(?:to be\s+|as\s+)?(?:highly |most |the most )?material\s+"
    r"(?:were|are|include|included|:)\s*:?\s+(?P<after>(?:[^.:;\n()]|(?<=,)\n)+?)\."
)
# "From 20 issues, 6 were rated highly material: A; B and C; and D.": the issues after the colon, apart
# with semicolons where an issue's name holds "and" (or with commas).
_RATED_MATERIAL = re.compile(
    r"\b(?:were|are)\s+(?:rated|identified|assessed|considered|determined|ranked|found)\s+(?:as\s+|to\s+be\s+)?"
    r"(?:highly\s+|most\s+|the\s+most\s+)?material(?:\s+(?:issues|topics|matters))?\s*:\s*(?P<items>[^.:\n()]+?)\."
)
# "We engage stakeholders through the channels each prefers: surveys and visits for tenants; site
# visits with lenders and insurers; ...": each item a group's channels, then "for" or "with" and the group.
_CHANNELS_BY_GROUP = re.compile(
    r"\bstakeholders?\b[^.:\n]*?\b(?:channels?|through|via|means|ways)\b[^.:\n]*:\s*(?P<items>[^.:\n]+?;[^.:\n]+?)\."
)
# "Customers (car makers): safety, delivery; channels: business reviews, audits": a line giving a
# group's concerns and then the channels it is engaged through names the group before its colon,
# whatever leads the lines (they need no bullet and no "Our stakeholders are:" above them).
_GROUP_CHANNELS_LINE = re.compile(
    r"^[ \t]*(?:[-•·▪●*][ \t]*)?(?P<name>[A-Z][\w\-’']*(?:[ \t]+(?:and|&|[a-z][\w\-’']*)){0,5})"
    r"(?:[ \t]*\([^()\n]{1,80}\))?:[ \t]+[^\n]*?[;.][ \t]*(?:(?:main|key|engagement|communication)[ \t]+)?"
    r"(?:channels?|methods?|means)(?:[ \t]+of[ \t]+(?:engagement|communication))?[ \t]*:",
    re.M,
)
_FOR_GROUP = re.compile(r"\s(?:for|with)\s+(?P<group>[a-z][^;]*?)\s*$")
# "we surveyed 415 stakeholders, including A, B and C, through ...": a count of stakeholders, then their groups.
_STAKEHOLDERS_INCLUDING = re.compile(
    r"\bstakeholders,?\s+(?:including|such as|namely|comprising|from|among them)\s+(?P<items>[^.:;\n()]+?)[.;]"
)
# "We interviewed 34 customers, suppliers and investors", "held focus groups with ...": an engagement
# verb before a list of groups,
# each item ending in a noun the field uses for a group of stakeholders.
_ENGAGED = re.compile(
    r"\b(?:surveyed|interviewed|consulted|engage[sd]?(?: with)?|polled|"
    r"(?:focus groups|meetings|dialogues?|workshops) with)\s+(?:(?:over|about|approximately|some|"
    r"more than|nearly)\s+)?(?:\d[\d,]*\s+)?(?P<groups>[a-z][^.:;\n()]+?)[.;]"
)
_STAKEHOLDER_NOUNS = frozenset(
    [
        "customers",
        "clients",
        "consumers",
        "suppliers",
        "vendors",
        "contractors",
        "investors",
        "shareholders",
        "employees",
        "staff",
        "workers",
        "partners",
        "communities",
        "residents",
        "regulators",
        "authorities",
        "government",
        "governments",
        "ngos",
        "media",
        "analysts",
        "tenants",
        "guests",
        "patients",
        "students",
        "farmers",
        "dealers",
        "distributors",
        "agents",
        "policyholders",
        "lenders",
        "banks",
        "unions",
        "experts",
        "academics",
        "organisations",
        "organizations",
    ]
)
# Words that start the rest of the sentence after an enumeration: "A, B and C, to rate ...", "..., through ...".
_LIST_END = frozenset(
    [
        "to",
        "through",
        "via",
        "by",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "across",
        "during",
        "who",
        "which",
        "that",
        "as",
        "when",
        "where",
        "whose",
    ]
)
# The first header cell of a table whose first column names stakeholder groups or material issues.
_TABLE_COLUMN = {
    f"{lead}{noun}{plural}": type_
    for lead in ("", "key ", "main ", "major ")
    for noun, type_ in (
        ("stakeholder", "StakeholderGroup"),
        ("stakeholder group", "StakeholderGroup"),
        ("material issue", "MaterialIssue"),
        ("material topic", "MaterialIssue"),
        ("award", "Award"),
    )
    for plural in ("", "s")
}
# The header cell of an awards table's column that names who gave each award ("Organiser").
_ORGANISER_HEADER = re.compile(
    r"(?:awarding\s+)?(?:organi[sz]er|body|issuer)s?|(?:presented|awarded|issued|given)\s+by", re.I
)
# Between the cells of a table row: a tab, or a run of spaces where columns are aligned with spaces.
_CELL_GAP = re.compile(r" *\t[\t ]*| {2,}")
_CHANNELS = re.compile(r"\b(?:through|via|channels?|means|methods?|ways?|forms?)\b", re.I)
_STAKEHOLDER_LEAD = re.compile(r"\bstakeholders?\b", re.I)
_MATERIAL_LEAD = re.compile(
    r"\bmaterial(?:ity)?\b.*\b(?:issues?|topics?|matters?|aspects?)\b|\btopics?\b.*\bimportant\b|"
    r"\b(?:issues|topics)\b.*\b(?:as|were|are|be) (?:highly |most |the most )?material\b",
    re.I,
)
# A heading of a tier of a materiality assessment over the tier's issues ("Highly material", "Most
# material topics:"); the list of issues goes on under the next tiers' headings, whatever they say
# ("Material", "Relevant", "Emerging").
_MATERIAL_TIER = re.compile(
    r"^(?:(?:highly|most|very|moderately|less|least)\s+)?material(?:\s+(?:issues|topics|matters))?\s*:?$", re.I
)
_ISSUE_NAME = re.compile(r"(?:[^:;()\n–]|\([^()\n]*\))+?(?=\s*(?:[:;]|\s[–-]\s|$))", re.M)
_ISSUE_CLAUSE = re.compile(r",\s+(?:including|which|who|where|such|e\.g\.|i\.e\.|as|with|for|in|at)\b", re.I)
_TIER_HEADING = re.compile(r"^[A-Z][a-z]+(?:[ -][a-z]+){0,2}:?$")
# A lead that says its list names the company's own departments ("ESG work is carried out by the
# following departments:"), or the companies, schools or hospitals the report covers ("The report
# covers the head office and its five schools:"): a report's scope is the group's own entities.
_DEPARTMENT_LEAD = re.compile(r"\bdepartments\b[^.:]*:$", re.I)
# A short heading over the organisations the report works with ("Community partners", "Our NGO partners").
_PARTNERS_LEAD = re.compile(r"^(?:[\w-]+\s+){0,4}partners$", re.I)
# A line that is only a list of names ("A, B of Hong Kong, C and D."): capitalised items apart with commas.
_NAME_LIST = re.compile(r"(?:[A-Z][^,;:\d\n]*,\s+)+(?:and\s+)?[A-Z][^,;:\d\n]*?\.?$")
# A lead sentence that introduces the bodies the company belongs to or works with: "We are a member
# of the following associations and work with these partners:".
_MEMBERS_LEAD = re.compile(
    r"\b(?:following|these)\s+(?:[\w-]+\s+){0,2}?(?:associations|organi[sz]ations|partners|bodies|institutions)\s*:$",
    re.I,
)
# The same list with its names apart by semicolons: "Global Battery Alliance; Clean Cobalt Initiative; ...".
_SEMICOLON_LIST = re.compile(r"(?:[A-Z][^,;:\d\n]*;\s+)+(?:and\s+)?[A-Z][^,;:\d\n]*?\.?$")
_SCOPE_LEAD = re.compile(
    r"\b(?:report|scope|boundary)\b[^:]*\b(?:covers?|includes?|comprises?|consists?\s+of)\b[^:]*"
    r"\b(?:its|our|the\s+Group[’']s)\s+(?:\w+\s+)?(?:subsidiaries|companies|schools|colleges|hospitals)\b[^:]*:$",
    re.I,
)
_AWARDS_FOLLOW = re.compile(r"\b(?:following|these|below)\s+(?:awards?|honou?rs?|accolades?|recognitions?)\b", re.I)
_AWARD_LEAD = re.compile(r"^\s*(?:[\d.]+\s+)?(?:major |key |selected )?(?:awards?|honou?rs?|recognitions?)\b", re.I)
# A short heading over a list of certifications ("Certifications held", "Our certificates").
_CERTIFICATION_LEAD = re.compile(
    r"^\s*(?:[\d.]+\s+)?(?:our\s+)?(?:certifications?|certificates|accreditations)\b", re.I
)
# A certification item's standard code ("ISO 14001:2015 environmental management: ..."): the name.
_CERTIFIED_CODE = re.compile(r"[A-Z]+(?:/[A-Z]+)?\s+\d[\d:.-]*\d")
# What a certification item says after its name ("... certification from the Council: 7 buildings").
_CERTIFICATION_TAIL = re.compile(r"\s+(?:certification|certificate|accreditation)\b.*$|:\s.*$", re.I)
CUE_WINDOW = 100  # characters before a name in which the words that type it are looked for
CUE_REACH = 80  # characters from a name's start back to where a cue that ends just before it may start
# Whole labels that are no names: numbers, fiscal periods, document parts with their number, the
# "(CONTINUED)" of a heading or table carried over a page.
_NOT_A_NAME = re.compile(
    r"[\d\s,.\-/:]+|(?:FY|CY|H[12]|Q[1-4])\s?\d{2,4}(?:/\d{2,4})?|(?i:continued|cont(?:['’]d|\.))|"
    r"(?:Appendix|Annex|Schedule|Section|Chapter|Part|Article|Table|Figure|Note|Page)\s[\dA-Z]{1,4}(?:\.\d+)*|"
    r"\d+(?:st|nd|rd|th)|(?:RMB|HK\$|US\$|HKD|USD|MOP|S\$|NT\$)\s?\d[\d,.]*|"
    r"(?:KPI\s)?[AB]\d{1,2}(?:\.\d{1,2})?(?:\s[A-Z][\w\-]*(?: (?:and|of|&) [A-Z][\w\-]*| [A-Z][\w\-]*)*)?"
)
# "Central China", "Southern Africa": a part of a known place.
_COMPASS = re.compile(
    r"(?:(?:North|South)(?:-?(?:east|west))?|East|West|Central|(?:North|South|East|West)ern) (?P<place>.+)"
)
_OWN = re.compile(r"\b(?:[Oo]ur|[Ii]ts|the (?:Group|Company|Bank|Corporation)[’']s)\s+$")
# An organisation's words that say it is an in-house body: "our Golden Chef Academy" trains staff,
# "the Quality Assurance Centre" is a unit; both are the company's, not outside organisations.
_ACADEMIES = frozenset({"academy", "institute", "school", "college", "university"})
_FUNCTIONS = frozenset(
    [
        "quality",
        "assurance",
        "control",
        "research",
        "development",
        "r&d",
        "innovation",
        "technology",
        "testing",
        "inspection",
        "training",
        "learning",
        "customer",
        "service",
        "services",
        "data",
        "operations",
        "operation",
        "logistics",
        "procurement",
        "safety",
        "security",
        "monitoring",
        "engineering",
        "design",
        "distribution",
        "call",
        "management",
        "information",
        "it",
        "finance",
        "financial",
        "shared",
        "dispatch",
        "command",
        "production",
        "product",
        "analysis",
        "risk",
        "compliance",
        "audit",
        "marketing",
        "sales",
        "human",
        "resources",
        "technical",
        "energy",
        "environmental",
    ]
)
# Public services a government department is named for, and no company's unit: "Environmental Protection
# Department", "Water Supplies Department", "Food and Environmental Hygiene Department".
_PORTFOLIOS = frozenset(
    [
        "protection",
        "supplies",
        "hygiene",
        "customs",
        "excise",
        "labour",
        "labor",
        "highways",
        "drainage",
        "buildings",
        "lands",
        "marine",
        "fire",
        "immigration",
        "housing",
        "welfare",
        "agriculture",
        "fisheries",
        "conservation",
        "mechanical",
        "aviation",
        "census",
        "statistics",
        "ecology",
        "ecological",
    ]
)
# A numbered part or grade of a document before "of" the document: "Rules 711A and 711B of the", "Section
# 4 of", "Class 1A of the Discharge Standard ..." ("Chapter 354 of the Laws of Hong Kong" is a Cap. number).
_DOCUMENT_PART = re.compile(
    r"(?:Rules?|Sections?|Articles?|Chapters?|Parts?|Clauses?|Paragraphs?|Schedules?|Annex(?:es)?|Class(?:es)?|"
    r"Grades?) "
    r"[\dA-Z][\w.]*(?:(?:, | and | to )[\dA-Z][\w.]*)* of (?:the )?(?=[A-Z])(?!Laws of )"
)
# Parts of a postal address: "18/F, Acme Tower, 66 Jinshui Road", "Room 1203, Harbour Centre".
_ADDRESS_BEFORE = re.compile(r"(?:\b\d{1,3}/F|\b(?:Room|Unit|Flat|Suite|Shop) [\w\-]+),?\s+$")
_ADDRESS_AFTER = re.compile(
    r",\s+\d{1,5}[A-Za-z]?(?:-\d{1,5})? [A-Z][\w\-]*(?: [A-Z][\w\-]*)* (?:Road|Street|Avenue|Lane|Drive)\b"
)
# Public holidays are dates, not events a report's claims are about.
_HOLIDAY = re.compile(
    r"(?:Spring|Mid-Autumn|Lantern|Dragon Boat|Qingming|Double Ninth) Festival|(?:Chinese|Lunar) New Year|"
    r"Christmas|Easter|National Day"
)
# "PB Track, our digital platform": a name the next words say is the company's product.
_PRODUCT_APPOSITIVE = re.compile(
    r",\s+(?:our|its|the Group[’']s|the Company[’']s)\s+(?:[a-z\-]+\s+){0,2}?"
    r"(?:platform|app|application|system|tool|brand|product|service|website|mini-program|mini-programme|"
    r"insurance(?: policy| plan| product)?)\b"
)
# "Acme Thrive, our wellbeing programme, ...": the programme the text names.
_INITIATIVE_APPOSITIVE = re.compile(
    r",\s+(?:our|its|the Group[’']s|the Company[’']s)\s+(?:[a-z\-]+\s+){0,2}?"
    r"(?:programme|program|scheme|campaign|initiative|project|platform for)\b"
)
# "our EV Shield motor insurance": a product of the company's, named before the kind of product it is.
_OWN_PRODUCT_AFTER = re.compile(
    r"\s+(?:[a-z\-]+\s+){0,2}?(?:insurance|app|card|account|loan|platform|mini-program|mini-programme)\b"
)
# "Through Coding Sprouts, run with ...": a programme run with or by someone.
_RUN_WITH_AFTER = re.compile(
    r",\s+(?:run|organi[sz]ed|co-organi[sz]ed|delivered|launched|held|hosted|operated)\s+(?:jointly\s+)?"
    r"(?:with|by|together with|in partnership with)\s"
)
_INCORPORATED = re.compile(r"\b(?:incorporated|registered|domiciled) in (?:the )?$", re.I)
# Named events: storms ("Typhoon Ma-on", "Super Typhoon Mangkhut") and the pandemic.
_EVENT = re.compile(
    r"\b(?:(?:[Ss]uper |[Ss]evere )?(?:[Tt]yphoon|Tropical Storm|[Tt]ropical [Cc]yclone|[Hh]urricane|[Cc]yclone) "
    r"(?!(?:Signal|Signals|Warning|Warnings|Season|Shelter|Preparedness|Emergency|Contingency|Plan|Drill)\b)"
    r"[A-Z][a-z]+(?:-[a-z]+)?|"
    r"COVID-19)\b"
)
# The integrity policies a listed company is asked to disclose (HKEX B7, GRI 205), named in lower case:
# "our whistleblowing policy", "the anti-bribery policy".
_INTEGRITY_POLICY = re.compile(
    r"\b(?:whistle-?blowing|anti-corruption|anti-bribery|anti-fraud|anti-money[- ]laundering|conflicts? of interest) "
    r"polic(?:y|ies)\b"
)
# A law cited by its number and year: "Regulation No. 12 of 2019 on Waste Management", "Ministerial
# Decree No. 7 of 2020": head word, number and year are its name, with the title after "on" when the
# title is capitalised (a lower-case "on ..." says what the law covers, and is no part of the name).
# A law numbered within its year: "Law No. 13 of 2003 on Manpower", and the acts numbered in Roman
# numerals as Hungary and its neighbours cite them, "Act CLXXXV of 2012 on Waste". The word before
# the title is part of it ("Ministerial Regulation No. 7"), unless it is a nationality ("Hungarian
# Act I of 2012 on the Labour Code", "Indonesian Law No. 13"), which says whose law it is.
_NUMBERED_LAW = re.compile(
    r"\b(?:(?!(?:The|This|Our|Its|Their|Under|With|And)\s|[A-Z][a-z]+(?:ian|ese|ish|an)\s)[A-Z][a-z]+ )?"
    r"(?:(?:Law|Regulation|Decree|Act|Ordinance|Circular|Decision|Resolution|Instruction) No\. ?\d{1,4}|"
    r"Act [CDLXVI]{1,9}) of (?:19|20)\d\d"
    r"(?: on (?:the )?[A-Z][\w\-]*(?:(?: (?:and(?! the )|of|the|for|&))* (?!(?:Act|Law|Regulation|Directive|Decree)\b)"
    r"[A-Z][\w\-]*)*)?(?![\w\-])"
)
# The European Union's acts by their number: "Regulation (EU) 2023/1542", "Regulation (EC) No
# 1907/2006", "Directive (EU) 2022/2464", "Directive 2014/95/EU". The number is the act's name as
# the Official Journal prints it; a short name defined after it ("(REACH)", or after the subject,
# "... concerning batteries (the “Batteries Regulation”)") is its alias.
_EU_LAW = re.compile(
    r"\b(?:(?:Commission|Council|Delegated|Implementing) )*(?:Regulation|Directive|Decision)"
    r"(?: \((?:EU|EC|EEC|Euratom)\) (?:No\.? ?)?\d{1,4}/\d{1,4}| (?:No\.? ?)?\d{2,4}/\d{1,4}/(?:EU|EC|EEC))(?![\w/])"
)
# The subject an act's number is followed by before its short name: "concerning batteries and waste batteries".
_EU_LAW_SUBJECT = re.compile(r"\s+(?:concerning|on|laying down|amending)\s+[a-z][^()\n.;:“\"]{0,100}?(?=\s*\()")
# "... Protection No. 72/2020/XY": a number printed after a law's title, no part of its name.
_LAW_NUMBER_AFTER = re.compile(r"\. ?\d")
# A weather disaster named by its date: "the drought of July and August 2022", "the black rainstorm of
# 8 September 2023", "the floods of 2021".
_DATED_DISASTER = re.compile(
    r"\b(?:(?:black|red|amber|severe|extreme|record|major) )?"
    r"(?:drought|floods?|flooding|rainstorms?|heatwave|heat wave|snowstorm|blizzard|earthquake|wildfires?|"
    r"landslides?|storm surge) (?:of|in) "
    r"(?:(?:\d{1,2} |early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:(?: and |-|–| to )(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December))?,? )?(?:19|20)\d\d\b"
)
# Vehicle emission standards: "Euro 6", "Euro VI", "China VI".
_EMISSION_STANDARD = re.compile(
    r"\b(?:Euro (?:[1-6]|I{1,3}|IV|VI?)|China (?:IV|VI?))\b(?! (?:million|billion|thousand)\b)"
)
# "our subsidiary Acme Wind Power Co., Ltd.", "The subsidiaries within the boundary are ..."
_SUBSIDIARY_CUE = re.compile(
    r"\bsubsidiar(?:y|ies)(?:,| such as| including|(?: [a-z]+){0,4}? (?:are|is|include|includes|namely):?)?\s+$"
)
_PROGRAMME_JOINERS = "to|in|into|with|at|from|a"
_PROGRAMME = re.compile(
    rf"(?<![\w’'])(?P<name>[A-Z][\w\-]*(?: (?:(?:{_PROGRAMME_JOINERS}|{_CONNECTORS}) ){{0,2}}[A-Z0-9][\w\-]*)+) "
    r"(?P<head>programmes?|programs?|campaigns?|initiatives?|schemes?|projects?)\b"
)
_CURRENCY_AFTER = re.compile(r"\s+(?:dollars?|yuan|renminbi|ringgit|baht|rupees?|pounds?|euros?)\b", re.I)
# A lower-case word after an acronym that makes it a modifier ("LED lighting"), not a name ("WWF to").
_FUNCTION_WORDS = (
    "to|and|or|in|on|at|for|of|with|by|is|are|was|were|has|have|had|which|who|that|as|from|since|during|will|"
    "would|can|could|may|also|through"
)
_FRAMEWORK_AFTER = re.compile(r" (?:recommendations|framework|standards|guidelines|guidance|principles)\b")
_ADJECTIVE_USE = re.compile(rf" (?!(?:{_FUNCTION_WORDS})\b)[a-z]")
# Cues that the headless name after them is a standard or framework: "recommendations of the TCFD".
_STANDARD_CUE = re.compile(
    r"\b(?:recommendations|requirements|principles|guidelines|guidance|disclosure requirements)\s+of\s+(?:the\s+)?$|"
    r"\b(?:prepared|reported|disclosed)\s+(?:in accordance with|with reference to|in line with|under)\s+(?:the\s+)?$|"
    r"\baligned with\s+(?:the\s+)?$"
)
# "under Basel III", "in line with Solvency II": a regulatory regime named with its Roman numeral.
_ROMAN_END = re.compile(r" (?:II|III|IV|V|VI)$")
_REGIME_CUE = re.compile(
    r"\b(?:under|pursuant to|in line with|in accordance with|according to|complies with|comply with)\s+(?:the\s+)?$"
)
_RECOMMENDATIONS = re.compile(r"\brecommendations\s+(?:of|by|from)\s+(?:the\s+)?$")
_COUNCILS = frozenset({"council", "commission"})
_CLUBS = frozenset({"association", "club", "society", "union"})
# The head word after a quoted title: “Green Steps” programme, "Green Factory" title, "Caring Company" logo.
_QUOTED_HEAD = re.compile(
    r"\s*(?:[a-z][a-z\-]+\s+)?(programmes?|programs?|projects?|campaigns?|initiatives?|schemes?|awards?|titles?|"
    r"logos?|prizes?|medals?|certifications?|ratings?|labels?|platforms?|apps?|series|class(?:es)?|courses?|"
    r"targets?)\b"
)
# Quoted heads that name what the company runs or sets itself: a class it teaches, targets it adopts.
_QUOTED_INITIATIVES = frozenset({"class", "classes", "course", "courses", "target", "targets"})
# Who may give an award: an organisation, or a committee or department of one ("Environmental Campaign Committee").
_ORGANISER_TYPES = frozenset({"Organization", "Committee", "Department"})
# "• Caring Company Logo (10 Years Plus), The Hong Kong Council of Social Service": an award line
# ending in the organisation after a comma.
_GRADE = re.compile(
    r"(?:Gold|Silver|Bronze|Platinum|Grand|Merit|Excellence|First|Second|Third|Special)\s+(?:award|prize|medal)s?|"
    r"Gold|Silver|Bronze|Platinum|Merit|"
    r"Certificates? of (?:Merit|Excellence|Distinction)|Honou?rable Mention",
    re.I,
)
_LISTED_ORGANISER = re.compile(r"[”\"]?(?:\s*\([^)\n]*\))?(?:,|\s[–—-])\s+(?:[Tt]he\s+)?")
ORGANISER_AFTER = 80  # characters from an award's end to its organiser's start ("... by the ...")
ORGANISER_BEFORE = 60  # characters from an organiser's end to the award's start ("X awarded us the ...")
_ORGANISER_BEFORE_CUE = re.compile(
    r"(?:[’']s?\s+|\s+(?:awarded|presented|granted|gave|named)\s+(?:us|the Group|the Company|[A-Z]\w+)?\s*"
    r"(?:the|a|an|its|with the|with a|as)?\s*)"
)
_APPENDIX = re.compile(
    r"\bAppendix\s+[A-Z]?\d{1,2}\s+(?:to|of)\s+[*_]?(?:[Tt]he\s+)?(?:[A-Z][\w\-]*\s+){0,4}?(?:Listing\s+)?Rules\b"
    r"(?:\s+Governing\s+the\s+Listing\s+of\s+Securities\b)?"
)
_GUIDE_IN = re.compile(r"(?:\s*\([^()\n]{1,40}\))?\s+(?:in|of|under|set out in|contained in)\s+")
_LAUNCH_CUE = re.compile(
    r"\b(?:launched|introduced|rolled out|initiated|kicked off|inaugurated|piloted)\s+(?:the\s+|our\s+|its\s+|an?\s+)?"
    r"(?:(?:new|first|annual|pilot)\s+)?$"
)
_QUOTED_NAME = re.compile(r"[“\"]([A-Z0-9][^”\"\n]{2,80}?)[”\"]")
_ZH_TITLE = re.compile(r"《([^》\n]{1,80})》")
_CAP = re.compile(r"\(\s*(?:Cap(?:ter)?\.?|Chapter)\s*(\d+[A-Z]?)(?:\s+of\s+the\s+Laws\s+of\s+Hong\s+Kong)?\s*\)")
_DEFINITION = re.compile(
    r"\s*\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?|“the\s+|\"the\s+)?[“\"]?"
    r"(?:the\s+)?([A-Z][A-Za-z0-9&\-’' ]{0,60}?)[”\"]?\s*\)"
)
# "(the “Company”)", "(“Coral Bay”, the “Company” ...)", "(“Jinghua” or “we”)": the reporting company's names.
_SELF_DEFINITION = re.compile(
    r"\s*\(\s*(?:[“\"]([A-Z][^”\"]{1,40})[”\"]\s*(?:,|or|and)\s*)?(?:the\s+)?[“\"]?"
    r"(Company|Group|Bank|Corporation|we|us)\b[”\"]?"
)
_AWARD_CUE = re.compile(
    r"\b(?:awarded|received|won|granted|honou?red (?:as|with)|named(?: as)?|recogni[sz]ed as|rated as|"
    r"selected as|listed (?:as|in|on)|(?:a )?constituent (?:stock )?of|titled|"
    r"ranked(?:\s+(?:No\.\s?)?\d{1,3}(?:st|nd|rd|th)?\s+(?:among|in|on))?)"
    r"\s+(?:as\s+)?(?:one of\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?:title of\s+)?$"
)
_ORGANISER_CUE = re.compile(
    r"^[”\"]?\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:[a-z]+,?\s+){0,2}?(?:which is\s+|that is\s+)?"
    r"(?:awarded|presented|granted|given|organi[sz]ed|"
    r"issued|conferred|hosted|jointly organi[sz]ed)?\s*(?:by|from)\s+(?:[Tt]he\s+)?$"
)
_PARTNER_CUE = re.compile(
    r"\b(?:partner(?:ed|ship)? with|collaborat\w* with|co-?operat\w* with|work(?:ed|s)? (?:closely )?with|"
    r"joined hands with|teamed up with|jointly with|together with|supported by|sponsored by|organi[sz]ed by|"
    r"hosted by|awarded by|presented by|granted by|issued by|certified by|donated to|member of|joined|"
    r"alongside|funded by|in conjunction with|run with|in collaboration with|signatory (?:of|to)|"
    r"(?:programmes?|programs?|campaigns?|initiatives?|schemes?|projects?) of|"
    r"supplied by|regulated by|licensed by|(?:purchased|bought|procured|sourced) from|"
    r"(?<!accordance )(?<!line )(?<!compared )(?<!comply )(?<!complies )(?<!complied )(?<!consistent )with|"
    r"(?:award|awards|prize|medal|certification|certificate|rating|recognition|title)\s+(?:from|by)|"
    r"(?:companies|organi[sz]ations|partners|institutions|brands|enterprises|NGOs|charities|universities)\s+"
    r"(?:such as|including|like))\s+(?:the\s+)?$",
    re.I,
)
# Cues that the name after them is outside the company, even when its head is a unit's.
_EXTERNAL_CUE = re.compile(
    r"\b(?:partner(?:ed|ship)? with|collaborat\w* with|co-?operat\w* with|joined hands with|teamed up with|"
    r"organi[sz]ed by|hosted by|awarded by|presented by|granted by|issued by|certified by|donated to|"
    r"(?:published|promulgated|released|developed|compiled|jointly issued) by|"
    r"joined|funded by|supplied by|provided by|regulated by|licensed by|inspected by|(?:purchased|bought) from)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# Membership of what the name after it names.
_MEMBERSHIP_CUE = re.compile(
    r"\b(?:joined|(?:a |an )?members? of|signator(?:y|ies) (?:to|of)|(?:became|become|becoming) a member of)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# The letters of a Latin-script name, with the accented ones of Latin-1 and Latin Extended-A
# ("Zsófia Kertész", "Łukasz Nowak"): a name word is a capital, then lower-case letters or hyphens.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
_NAME_WORD = rf"[{_UP}][{_LOW}\-]+(?:[’'][{_UP}][{_LOW}]+)?"
# An honorific cut from its name by the run's stop at its full stop ("... and Mr. Liu Chao").
_TITLE_ALONE = re.compile(r"(?:Mr|Ms|Mrs|Dr|Prof|Madam|Miss|Sir|Dame)\.?")
_HONORIFIC = re.compile(
    r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Sir|Dame|Madam|Tan Sri|Puan Sri|Datuk Seri|Datuk|Dato[’']? Sri|Dato[’']?|"
    r"Datin|Tun|Encik|Puan)\.?[ \t]+"
    rf"((?:{_NAME_WORD}|[A-Z]\.)"
    rf"(?:[ \t]+(?:(?:bin|binti|bte|van|von|de|der|da) )?{_NAME_WORD}){{0,3}})"
)
_ROLE_NOUN = (
    r"(?:Chairman|Chairwoman|Chairperson|Chair|President|Director|Founder|Co-founder|Secretary-General|"
    r"Secretary General|Secretary|Minister|Mayor|Manager|Officer|Partner|Dean|Principal|Controller|Treasurer|"
    r"CEO|CFO|COO|CTO|CSO|CRO|CIO|Head of (?:[A-Z][\w\-]*)(?: (?:and )?[A-Z][\w\-]*){0,3})"
)
# "Chairman of the Company": a role of an organisation, no name of one.
_PRODUCT_CUE = re.compile(
    r"\b(?:[Oo]ur|[Ii]ts|the (?:Group|Company)[’']s)\s+(?:(?:lead|leading|flagship|core|key|main|new|best-selling)\s+)?"
    r"(?:products?|brands?|drugs?|models?|apps?)(?:,| such as| including| named| called| is| are)?\s+$"
)
_UNIT_APPOSITIVE = re.compile(
    r"\b(?:[Oo]ur|[Ii]ts|the (?:Group|Company)[’']s)\s+(?:[a-z\-]+\s+)?(team|committee|programme|program|"
    r"campaign|initiative|foundation|fund|academy)(?:,| called| named| known as)\s+(?:the\s+)?$"
)
_OFFICE_OF = re.compile(rf"{_ROLE_NOUN} of (?:the )?")
# A role: a role noun with up to three capitalised modifiers ("Independent Non-executive Director").
_ROLE = rf"(?:(?:[A-Z][\w\-]* ){{0,3}}{_ROLE_NOUN})"
_OF_ORG = r"(?: of (?:the )?[A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*){0,4})?"
_ROLE_NAME = re.compile(
    rf"\b({_ROLE}(?: and {_ROLE})?(?: of (?:the )?[A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*){{0,4}})?),?\s+"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\b(?!\s+[A-Z])"
)
_NAME_ROLE = re.compile(
    rf"\b({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}),\s+"
    rf"(?:the\s+|our\s+|its\s+|an?\s+)?((?:{_ROLE})(?: and {_ROLE})?)\b"
)
# A signature: a name alone on its line, the signer's role alone on the next ("Chan Tai-man\nChairman").
_SIGNATURE = re.compile(
    rf"^[ \t]*([{_UP}][{_LOW}]+(?:[ \t]+[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+)?){{1,3}})[ \t]*\n"
    rf"[ \t]*({_ROLE}{_OF_ORG})[ \t]*$",
    re.M,
)
# A list of names before a name: "with A, B and " -> the cue before A applies to the name too.
_LIST_TAIL = re.compile(r"(?:[A-Z][\w’'.\-]*(?: (?:of |and |for |the )?[A-Z][\w’'.\-]*)*(?:, and |, | and ))+$")
# "... by the Environmental Protection Department and the ": one name before, each with its article.
_LIST_TAIL_THE = re.compile(r"(?:\bthe )?[A-Z][\w’'\-]*(?: (?:of |and |for |the )?[A-Z][\w’'\-]*)*,? and the $")
# A capitalised name with a lower-case head: "Green Office programme", "CSR working group".
_LOWER_HEAD = re.compile(
    r"(?: ([a-z][a-z\-]+))?(?: ([a-z][a-z\-]+))? (programme|program|project|campaign|initiative|scheme|team|department|"
    r"working group|task force|series|certification|rating|magazine|newspaper|list|ranking|"
    r"committee|platform|app|award|awards|festival|competition|conference|summit|forum|policy|"
    r"handbook|manual|guidelines|standard|foundation|alliance|association|course|mini-programs?|mini-programmes?|"
    r"earthquake|floods?|scholarships?|plant|factory|mill|warehouse|hotel|campus)\b"
)
# "Next year the programme": words of time before a head word describe no name.
_TIME_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "time", "period"})
_NOT_MODIFIERS = frozenset(
    [
        "to",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "for",
        "with",
        "in",
        "on",
        "at",
        "by",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "its",
        "our",
        "their",
        "this",
        "that",
        "which",
        "who",
        "as",
        "from",
        "into",
        "also",
        "be",
        "been",
        "being",
        "will",
        "would",
        "can",
        "could",
        "may",
        "should",
        "not",
        # a pronoun opens a clause of its own: "with the Red Cross we ran flood relief"
        "we",
        "they",
        "it",
        "he",
        "she",
        "us",
    ]
)
_LOCATIVE = re.compile(r"(?:\b(?:[Ii]n|[Aa]t|on|from|across|to|throughout|within|around|near|and|of)|,)\s+(?:the\s+)?$")
# A list of names closed by the region they are in ("Alton, Brede and Cray in Kent").
_NAME = r"[A-Z][a-z]+(?:['’][a-z]+)?(?: [A-Z][a-z]+)?"
_LIST_ITEM = re.compile(_NAME)
_REGION_LIST = re.compile(
    rf"(?<![\w'’])(?P<items>{_NAME}(?:, {_NAME})*,? and {_NAME}) in (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
_MIN_LISTED = 3  # "Ann and Bob in Leeds" may name people; three names or more, and a region, name places
_LIST_CUE = re.compile(r"(?:\b(?:in|at|across|throughout)|:)\s+$")
_JURISDICTIONS = (
    (re.compile(r"\s+of\s+the\s+People[’']s\s+Republic\s+of\s+China|\s+of\s+the\s+PRC|\s+of\s+China"), "PRC"),
    (
        re.compile(r"\s+of\s+(?:the\s+)?Hong\s+Kong(?:\s+Special\s+Administrative\s+Region)?|\s+of\s+the\s+HKSAR"),
        "Hong Kong",
    ),
    (re.compile(r"\s+of\s+(?:the\s+)?Macao(?:\s+Special\s+Administrative\s+Region)?"), "Macao"),
    (re.compile(r"\s+of\s+Singapore"), "Singapore"),
    (re.compile(r"\s+of\s+the\s+(?:EU|European\s+Union)$"), "EU"),
)
_JURISDICTION_PREFIX = (
    (re.compile(r"^(?:PRC|China|Chinese|National)\b"), "PRC"),
    (re.compile(r"^(?:Hong Kong|HK)\b"), "Hong Kong"),
    (re.compile(r"^(?:EU|European)\b"), "EU"),
    (re.compile(r"^(?:UK)\b"), "UK"),
)
_ZH_AFTER = re.compile(r"\s*[*_]*\s*《([^》\n]{1,80})》")
_ZH_TYPES = (
    (
        re.compile(
            r"(?:法|條例|条例|規定|规定|辦法|办法|規則|规则|細則|细则|決定|决定|名录|名錄|目录|目錄)(?:\s*[（(][^）)]*[）)])?$"
        ),
        "Law",
    ),
    (re.compile(r"(?:標準|标准|指引|指南|準則|准则|規範|规范)$"), "Standard"),
    (re.compile(r"(?:制度|手冊|手册|政策|守則|守则)$"), "Policy"),
)


def _cue_at(before: str) -> int:
    """Where the end-anchored cue patterns start looking in ``before``: no cue is longer than this,
    and a regular expression tried at every position of a long window is most of the recogniser's time."""
    return max(0, len(before) - CUE_REACH)


# An appositive that says the name before it is a title or an award given to the company.
_TITLE_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:title|award|honou?r|accolade|prize)\s+(?:from|by|given|granted|awarded)\b"
)
# Words a place's name opens with to say what kind of place it is.
_PLACE_PREFIXES = frozenset({"mount", "mt.", "lake"})
# A site named by a short code, and where it is in brackets after it: "DC2 (Kwun Tong)".
_SITE_CODE = re.compile(r"\b([A-Z]{1,4}\d{1,2})[ \t]+\((?=[A-Z])")


def _type_of(words: list[str]) -> str | None:
    """The sheet type the name's head word says, or None when it has no head word.

    The head is the last word before the first "of", "for" or "on" ("Ministry of ...", "Awards for
    ...", "Regulations on ..."), else the last word.
    """
    lowered = [w.lower().rstrip("’'") for w in words]
    cut = next((i for i, w in enumerate(lowered) if i and w in ("of", "for", "on", "against")), len(lowered))
    for i in range(len(lowered) - 1):
        pair = (lowered[i], lowered[i + 1])
        if pair in _PAIR_HEADS and (pair[1] == "of" or i + 2 in (cut, len(lowered))):
            return _PAIR_HEADS[pair]
    for candidates in (lowered[:cut], lowered):
        for word in reversed(candidates):
            if word in ("and", "the", "&") or re.fullmatch(r"[\d/\-:.]+|\(.*\)", word):
                continue
            singular = _singular(word)
            if singular in _HEADS:
                return _HEADS[singular]
            break
    if 2 <= len(lowered) <= 3 and lowered[0] in _PLACE_PREFIXES:
        return "Place"  # "Mount Tai", "Lake Taihu": a mountain or a lake named after its kind
    return None


def _singular(word: str) -> str:
    if word in _HEADS or len(word) < 4:
        return word
    for plural, single in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(plural) and word[: -len(plural)] + single in _HEADS:
            return word[: -len(plural)] + single
    return word


@dataclass
class _Found:
    start: int
    end: int
    type: str
    fields: dict[str, str]
    priority: int  # on overlap: longer span first, then higher priority
    inner: tuple[int, int] | None = None  # the span of a proper name inside the name, its alias


class _Scanner:
    """One pass over one text: candidate spans from each rule, then overlaps resolved."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[_Found] = []
        self.defined: dict[str, tuple[str, str]] = {}  # short name -> (type, full label)
        self.own_names: set[str] = set()  # the reporting company's names, from its definition
        self.last_award: _Found | None = None  # the award or certification found last, for its organiser
        self.inner: tuple[int, int] | None = None  # the proper name inside the name _run is reading
        # the starts of documents an outside company's name follows ("Listing Manual of X Limited")
        self.published: set[int] = set()

    def add(self, start: int, end: int, type_: str, priority: int = 0, **fields: str | None) -> None:
        if _CONTENTS_LINE.search(self._line(start, end)):
            return  # "07 Community ........ 16": a contents entry names a chapter, not an entity
        while end > start and self.text[end - 1] in " ,.;:" and not _ABBREVIATION.search(self.text, start, end):
            end -= 1
        if end > start:
            found = _Found(start, end, type_, {k: v for k, v in fields.items() if v}, priority)
            if self.inner and start <= self.inner[0] and self.inner[1] <= end and self.inner != (start, end):
                found.inner = self.inner
            self.found.append(found)
            if type_ in ("Award", "Certification"):
                self.last_award = found

    # ------------------------------------------------------------ rules

    def runs(self) -> None:
        """Capitalised runs: typed by their head word, by a cue before them, or by the gazetteer."""
        for match in _RUN.finditer(self.text):
            end = match.end()
            possessive = _POSSESSIVE_END.search(match.group()) if match.group().endswith(("'", "’", "s")) else None
            if possessive and match.group()[: possessive.start()].split()[-1].lower() not in _PLURAL_PEOPLE | _OFFICES:
                end = match.start() + possessive.start()
                # "... Welfare for Acme's support": the owner after a connector is not part of the name.
                owner = _OWNER_END.search(self.text, match.start(), end)
                if owner:
                    end = owner.start()
            dated = _DATED.search(self.text, match.start(), end)
            if dated:
                end = dated.start()
            counted = _NTH_TIME.search(self.text[match.start() : end])
            if counted and _TIMES_AFTER.match(self.text, end):
                end = match.start() + counted.start()  # "... Logo for the 10th consecutive year": how often
            if self.text.endswith(" No", match.start(), end) and _LAW_NUMBER_AFTER.match(self.text, end):
                end -= 3  # "Labour Code No. 10/2012/XY": the title, its number after it
            begin = match.start()
            if _OWN_UNIT.match(self.text, begin, end):
                begin += 4  # "The Group Safety Department": the unit's name starts with the company's word
            for start, piece_end in self._split(begin, end):
                for name_start, name_end in self._owner(start, piece_end):
                    self._run(name_start, name_end)
        self.inner = None

    def _owner(self, start: int, end: int) -> list[tuple[int, int]]:
        """ "Charter on External Lighting of the Environment Bureau": a name, then its owner, two names.

        A unit keeps its owner in its name ("Audit Committee of the Board"; _unit_of reads it).
        """
        label = self.text[start:end]
        part = _DOCUMENT_PART.match(label)
        if part and len(label) > part.end():  # "Rules 711A and 711B of the Listing Manual": the document is the name
            return self._owner(start + part.end(), end)
        located = re.search(r" on ", label)
        if (
            located
            and _type_of(label[: located.start()].split()) == "Place"
            and label[located.end() :] in place_names()
        ):
            # "Acme Pier Terminal on Lantau": a site, then the island or coast it is on, two names
            return [(start, start + located.start()), (start + located.end(), end)]
        listed = re.search(r" on (?:the )?(?=[A-Z][\w\-]* Exchange\b)", label)
        if listed:  # "Listing of Securities on the Stock Exchange of ...": the exchange is the name
            return [(start + listed.end(), end)]
        for match in re.finditer(r" of (?:the )?", label):
            left, right = label[: match.start()].split(), label[match.end() :].split()
            if len(left) == 1 and left[0].lower() in _STAFF_OF and _type_of(right) is not None:
                return [(start + match.end(), end)]  # "Officers of the Labour Department": the body is the name
            if left and left[-1].lower() in _DOCUMENTS and _type_of(right) is not None:
                return [(start + match.end(), end)]  # "Sustainability Statement of Acme Berhad": the company
            if (
                _type_of(left) == "Policy"
                and left[-1].lower() in ("manual", "manuals", "handbook", "handbooks")
                and len(right) > 1
                and _LEGAL_FORM.search(" ".join(right))
                and not any(" ".join(right).startswith(n) for n in self.own_names)
            ):
                # "Listing Manual of the Singapore Exchange ... Limited": another company's manual is a standard
                # it sets for others, not one of the reporting company's policies (its "Code of Conduct for
                # Employees of Acme Corporation" stays the company's: a report may not define its own name)
                self.published.add(start)
                return [(start, start + match.start()), (start + match.end(), end)]
            if len(left) < 2 or _type_of(left) in ("Committee", "Board", "Department", "Team", "Policy"):
                continue
            if _type_of(left) is None and len(right) < 2:
                continue  # "Good Manufacturing Practice of the National Medical Products Administration": two names
            if _type_of(left) == "Law" and _WEAK_LAW.search(" ".join(left)):
                continue
            if (
                _type_of(right) == "Organization"
                and _singular(right[-1].lower()) in _HEADS
                and _type_of(left) != "Organization"
            ):
                return [(start, start + match.start()), (start + match.end(), end)]
        return [(start, end)]

    def _split(self, start: int, end: int) -> list[tuple[int, int]]:
        """The run cut into names: at possessives, at commas (but "Environmental, Social and Governance
        Committee" is one name), at " and " between two complete names; leading sentence words dropped."""
        text = self.text
        stop = _GRADE_STOP.search(text, start, end) or _ABBREVIATION_STOP.search(text, start, end)
        if stop:
            return [*self._split(start, stop.end() - 1), *self._split(stop.end(), end)]
        other = _AND_THE.search(text, start, end)
        if other:
            return [*self._split(start, other.start()), *self._split(other.end(), end)]
        official = re.search(r" (?:of|on|for|by|&) (?=The [A-Z])", text[start:end])
        if official:  # "... Listing Rules of The Stock Exchange of ...": a capital "The" starts an official name
            return [*self._split(start, start + official.start()), *self._split(start + official.end(), end)]
        for possessive in re.finditer(r"[’']s? ", text[start:end]):
            head = text[start : start + possessive.start()].split()[-1].lower()
            if head not in _PLURAL_PEOPLE | _OFFICES and not possessive.group().startswith(("’ ", "' ")):
                owner = re.search(r" (?:and|&) (?=[A-Z][\w\-]*$)", text[start : start + possessive.start()])
                if owner:  # "the Labour Law of ... and Vietnam's Labour Code": a name, its owner, a name
                    return [
                        *self._split(start, start + owner.start()),
                        *self._split(start + owner.end(), start + possessive.start()),
                        *self._split(start + possessive.end(), end),
                    ]
                return [*self._split(start, start + possessive.start()), *self._split(start + possessive.end(), end)]
        pieces: list[tuple[int, int]] = []
        cursor = start
        for joint in re.finditer(r",? and |, ", text[start:end]):
            left = text[cursor : start + joint.start()].split()
            rest = text[start + joint.end() : end]
            if not left or not rest:
                continue
            if joint.group() == ", ":
                if re.match(r"(?:Ltd|Limited|Inc|LLC|L\.L\.C|S\.A|plc)\b", rest):
                    continue
                if (
                    len(left) <= 2
                    and re.match(r"[A-Z]\w+(?:, [A-Z]\w+)*,? and [A-Z]", rest)
                    and _type_of(rest.split())
                    and " ".join(left) not in place_names()
                ):
                    continue
            elif joint.group() != ", and " and not self._complete(left, rest.split()):
                continue
            pieces.append((cursor, start + joint.start()))
            cursor = start + joint.end()
        pieces.append((cursor, end))
        stripped = []
        for piece_start, piece_end in pieces:
            words = list(re.finditer(r"\S+", text[piece_start:piece_end]))
            bare_the = [
                i for i, w in enumerate(words) if w.group() == "the" and i and words[i - 1].group() not in _JOINERS
            ]
            if bare_the:
                words = words[bare_the[-1] + 1 :]
            # An article starts no name; a capitalised leading word is kept only when it is an
            # acronym ("AT", "IN"), not the article "A" opening a sentence ("A Safety Team of ...").
            while (
                words
                and words[0].group().lower().strip(",") in _LEADING
                and not (words[0].group().isupper() and len(words[0].group()) > 1)
            ):
                words.pop(0)
            if len(words) > 2 and words[-2].group() == "of" and re.fullmatch(r"\d[\d,]*", words[-1].group()):
                counted = re.match(r" ([a-z]+)", text[piece_end : piece_end + 30])
                if counted and counted.group(1) not in _JOINERS | _LEADING:
                    piece_end = piece_start + words[-2].start() - 1  # "Safety Team of 9 engineers": a headcount
                    words = words[:-2]
            if len(words) > 4 and _GRADED_BEFORE.fullmatch(" ".join(w.group() for w in words[:4]) + " "):
                del words[:4]  # "Level 3 of the Multi-Level Protection Scheme": a grade, then the scheme graded
            while len(words) > 2 and re.fullmatch(r"\d[\d,.]*", words[0].group()) and words[1].group() in _JOINERS:
                del words[:2]  # "US$120,000 for STEM scholarships": a figure and its preposition start no name
            if (
                len(words) > 2
                and re.fullmatch(r"[A-Z][a-z]+ed", words[0].group())
                and _BULLET.fullmatch(
                    text[text.rfind("\n", 0, piece_start + words[0].start()) + 1 : piece_start + words[0].start()]
                )
            ):
                words.pop(0)
            if words:
                stripped.append((piece_start + words[0].start(), piece_end))
        return stripped

    def _complete(self, left: list[str], rest: list[str]) -> bool:
        """Whether ``left`` is a name by itself, so " and " after it separates two names.

        A name with a head word ends in it ("Quality Committee and Audit Committee"); one without
        rarely contains "and", so there "and" joins two names ("Food Angel and St. James' Settlement").
        """
        if _type_of(left + rest) is None or _CODE.fullmatch(" ".join(left)):
            return True  # "ISO 14064-1 and the GHG Protocol": a code is a whole name
        left_type = _type_of(left)
        if left_type is not None and left_type == _type_of(rest):
            return True
        return (len(left) > 1 and _singular(left[-1].lower()) in _HEADS) or " ".join(left) in place_names()

    def _run(self, start: int, end: int) -> None:
        text = self.text
        label = text[start:end].rstrip(" ,")
        if numbered := re.match(r"\d{1,3}:\s+(?=[A-Z])", label):  # "Case study 3: Clean Plate Campaign"
            start, label = start + numbered.end(), label[numbered.end() :]
        words = label.split()
        if not words or (len(words) == 1 and len(words[0]) < 2):
            return
        if _NOT_A_NAME.fullmatch(label) or re.match(r"\s*:\s*[\d+(]", text[end : end + 12]):
            return  # "126", "FY2021", "Appendix 27"; "Stock Code: 8817" labels a field
        if _NUMBERED_LAW.search(label) or _EU_LAW.search(label):
            return  # "Hungarian Act I of 2012 on the Labour Code": a numbered law, read as one (events)
        if _TITLE_ALONE.fullmatch(label):
            return  # "Mr" of "Mr. Liu": an honorific, the name after it is the person's (people)
        if words[0] in _LEGAL_FORM_PREFIXES and (form := _LEGAL_FORM_AFTER.match(text, end)):
            end = form.end()  # "PT Acme Energi (Persero)", "PT Acme Tbk": the legal form closes the name too
            label, words = text[start:end], text[start:end].split()
        if len(words) == 1 and text[end : end + 1] == "$" and label.isupper():
            return  # "HK$68.4 billion", "S$2 million": a currency's sign
        office = _OFFICE_OF.match(label)
        if office:  # "Chairman of the Company", "Director of the Acme Institute": a role, then whose
            self._run(start + office.end(), end)
            return
        lower_head = _LOWER_HEAD.match(text, end)
        modifiers = [w for w in lower_head.group(1, 2) if w] if lower_head else []
        head_type = None
        self.inner = None
        if lower_head and _HEADS.get(lower_head.group(3)) == "Place" and (label in place_names() or words[0] == "No"):
            lower_head = None  # "our Suzhou plant" is a plant in a known place, the place the name; "No plant" none
        if lower_head and lower_head.group(3) == "team" and not lower_head.group(1) and label in place_names():
            lower_head = None  # "our Singapore team grew": the staff in a place, the place the name
        if (
            lower_head
            and re.search(r"(?<!\w)[A-Z]", label)
            and not _CODE.fullmatch(label)
            and not any(w in _NOT_MODIFIERS or w.endswith("ed") or w in _TIME_WORDS for w in modifiers)
        ):
            head = lower_head.group(3).split()[-1]
            if head.startswith("certification") or head == "rating":
                # "ISCC EU certification", "BRCGS Global Standard for Food Safety certification", "Green
                # Mark Platinum rating": the certification to a scheme, the scheme's name its alias.
                head_type = "Certification"
                self.inner = (start, end)
                end = lower_head.end()
                label = text[start:end]
                words = label.split()
            else:
                if (
                    " " in lower_head.group().strip()
                    and _type_of(words) is None
                    and label not in place_names()
                    and not (len(words) == 1 and words[0].isupper())
                ):
                    # "our Drive Safe 360 defensive-driving course": the capitalised words are its
                    # proper name too, an alias of the whole phrase ("CSR management team" has none).
                    self.inner = (start, end)
                end = lower_head.end()
                label = text[start:end]
                words = label.split()
        type_ = head_type or _type_of(words)
        if type_ is not None and _TITLE_APPOSITIVE.match(text, end):
            type_ = "Award"  # "Green Factory, a national-level title from the Ministry ...": what the words say it is
        if type_ in (None, "Initiative") and _GRADED_BEFORE.search(text, max(0, start - GRADED_WINDOW), start):
            type_ = "Standard"  # "classified at Level 3 of the Multi-Level Protection Scheme": a graded standard
        if type_ in (None, "Place") and len(words) > 1 and words[0] in _LEGAL_FORM_PREFIXES:
            type_ = "Organization"  # "PT Acme Nusantara", "CV Acme Jaya": a company by its legal form's prefix
        if _GRADE.fullmatch(label) and (
            re.match(r",\s+[A-Z]", text[end : end + 3])
            or re.match(r"(?:\s*\([^)\n]{1,60}\))?\s+(?:in|at|of|under) (?:the )?[A-Z]", text[end : end + 80])
        ):
            # "Gold award, Green Fleet Award 2023", "the Gold Award (Retail) in the Green Shop Awards": the grade
            # of the award named next, its category in parentheses
            return
        # The cues are read in the words just before the name (a list of names before it skipped): a
        # short window keeps the end-anchored cue patterns from scanning far back at every name.
        before = text[max(0, start - 200) : start]
        if before.endswith((", ", " and ")):
            before = _LIST_TAIL.sub("", before)
        elif before.endswith(" and the "):
            before = _LIST_TAIL_THE.sub("", before)
        before = before[-CUE_WINDOW:]
        if words[-1].lower() in _COMPANY_WORDS and len(words) == 1:
            return
        if type_ in (None, "Place") and _INCORPORATED.search(before, _cue_at(before)):
            return  # "(Incorporated in the Cayman Islands with limited liability)": the legal seat
        if type_ == "Place" and _CURRENCY_AFTER.match(text, end):
            return  # "United States dollars": a currency
        if type_ in ("Place", "Organization") and (
            _ADDRESS_BEFORE.search(before, _cue_at(before)) or _ADDRESS_AFTER.match(text, end)
        ):
            return  # "18/F, Acme Tower, 66 Jinshui Road": a building in an address
        if _HOLIDAY.fullmatch(label) or (type_ == "Event" and re.match(r" holidays?\b", text[end : end + 10])):
            return
        if type_ is None and len(words) > 1 and _PRODUCT_APPOSITIVE.match(text, end):
            self.add(start, end, "Product")
            return
        if type_ in (None, "Organization") and len(words) > 1 and _INITIATIVE_APPOSITIVE.match(text, end):
            self.add(start, end, "Initiative")
            return
        if type_ is None and len(words) > 1 and _OWN.search(before) and _OWN_PRODUCT_AFTER.match(text, end):
            self.add(start, end, "Product")
            return
        if type_ is None and len(words) > 1 and _RUN_WITH_AFTER.match(text, end):
            self.add(start, end, "Initiative")
            return
        if len(words) > 1 and (
            _SCHEME_CUE.search(before, _cue_at(before))
            or (type_ in (None, "Standard", "Initiative") and _CERTIFIED_TO.search(before, _cue_at(before)))
            or (type_ == "Standard" and _LEVEL_AFTER.match(text, end))
        ):
            self.add(start, end, "Certification")
            self._definition(end, "Certification", label)
            return
        if (
            _AWARD_CUE.search(before, _cue_at(before))
            and type_ in (None, "Organization", "Certification")
            and not re.match(r"[’']s?\s", text[end : end + 3])  # "received the X Trust's funding": a giver
        ):
            # "was named Best Bank for Green Finance in Asia 2022": an award, its place and year included.
            tail = re.match(r" in (?:the )?[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3}(?: \d{4})?\b", text[end : end + 60])
            if tail and not re.match(r" in (?:\d|" + _MONTHS + ")", tail.group()):
                end += tail.end()
                label = text[start:end]
                words = label.split()
            if type_ is not None and len(words) > 1 and not self._heading(start, end):
                self.add(start, end, "Award")
                return
        own = next((n for n in sorted(self.own_names, key=lambda n: (-len(n), n)) if label.startswith(f"{n} ")), None)
        if own and label[len(own) + 1 :] in place_names():
            self.add(start, end, "Subsidiary", priority=1)
            return
        numbered = re.fullmatch(r"(.+?)(?: \d[\d,.]*)+", label)
        if type_ is None and numbered and numbered.group(1) in place_names():
            label, end = numbered.group(1), start + len(numbered.group(1))
            words = label.split()
        zh = _ZH_AFTER.match(text, end)
        law = self.found[-1] if self.found and self.found[-1].type == "Law" else None
        if zh and law and re.fullmatch(r" (?:by|in|for|to|against|with|from) ", text[law.end : start]):
            # "... Law on the Prevention of Pollution by Solid Waste 《...》": the title names the whole law.
            law.end = end
            law.fields["label_zh"] = zh.group(1)
            return
        if type_ is None and zh and len(words) > 1:
            zh_type = next((t for pattern, t in _ZH_TYPES if pattern.search(zh.group(1))), None)
            if zh_type:
                self.add(start, end, zh_type, label_zh=zh.group(1))  # "*Data Quality Management* 《...管理制度》"
                return
        if (
            type_ is None
            and (chapter := re.fullmatch(r"[A-Z]{2,8}[-–](.+)", label))
            and chapter.group(1) in place_names()
        ):
            self.add(start, end, "Organization")  # "WWF-Singapore": an international body's office in a place
            return
        if type_ is None:
            near = text[max(0, start - 30) : start]
            if label == "China" and text[max(0, start - 9) : start] == "mainland ":
                self.add(start - 9, end, "Place")  # "mainland China", as Hong Kong reports write it
                return
            compass = _COMPASS.fullmatch(label)
            if (label in place_names() or (compass and compass.group("place") in place_names())) and (
                len(words) > 1
                or _LOCATIVE.search(before)
                or _LOCATIVE.search(near)
                or self._beside_place(end)
                or self._row_label(start, end)
            ):
                # "United States dollars" names a currency; "(Incorporated in Bermuda with limited
                # liability)" is the company's legal seat, printed under its name, not a place it works in.
                if not _CURRENCY_AFTER.match(text, end) and not _INCORPORATED.search(before, _cue_at(before)):
                    self.add(start, end, "Place")
                return
            if _PRODUCT_CUE.search(before, _cue_at(before)) and not _CODE.match(label):
                self.add(start, end, "Product")  # "our lead product, Qingmab injection"
                return
            unit = _UNIT_APPOSITIVE.search(before, _cue_at(before))
            if unit and re.match(r"\s*[,(]", text[end : end + 2]):
                # "our volunteer team, Lionrock Volunteers, ...": the name the text gives the unit
                self.add(start, end, _HEADS.get(_singular(unit.group(1).lower()), "Initiative"))
                return
            if len(words) > 1 and _FRS_CODE.match(label):
                self.add(start, end, "Standard")  # "IFRS S2 Climate-related Disclosures": a standard's title
                return
            if len(words) <= 3 and all(w.istitle() for w in words) and self._after_place(start):
                self.add(start, end, "Place")  # "in Kwai Chung and Tsing Yi": a place beside a place
                return
            if len(words) <= 2 and self._listed_in_region(start, end):
                self.add(start, end, "Place")  # "Alton, Brede and Cray in Kent": towns the region places
                return
            if (
                len(words) <= 3
                and all(w.istitle() for w in words)
                and re.search(r"\b(?:in|at|near)\s+$", before)
                and (region := re.match(r", ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b", text[end : end + 40]))
                and region.group(1) in region_names()
            ):
                self.add(start, end, "Place")  # "in Senai, Johor": a town the state or country after it places
                return
            line = self._line(start, end).strip()
            if label.isupper() and len(words) > 1 and (line == label or _HEADING.fullmatch(line)):
                return  # a heading: "I. COMMUNITY", "KEY FIGURES"
            if words[0].isupper() and len(words) == 1 and _FRAMEWORK_AFTER.match(text, end):
                self.add(start, end, "Standard", priority=-1)  # "TCFD recommendations", "SASB standards"
                return
            if words[0].isupper() and len(words) == 1 and _ADJECTIVE_USE.match(text, end):
                return  # "LED lighting", "ESG risks": an acronym used as a modifier names nothing here
            owner = re.match(r"[’']s\s+[A-Z]", text[end : end + 4])  # "Bursa Malaysia's Reporting Guide"
            if (_STANDARD_CUE.search(before, _cue_at(before)) and not owner) or (
                _ROMAN_END.search(label) and _REGIME_CUE.search(before)
            ):
                self.add(start, end, "Standard", priority=-1)
            elif self._organiser_after_award(start, before):
                self.add(start, end, "Organization", priority=-1)
            elif _AWARD_CUE.search(before, _cue_at(before)):
                self.add(start, end, "Award", priority=-1)
            elif (
                (cue := _PARTNER_CUE.search(before, _cue_at(before)))
                and not re.fullmatch(r"[\d\s]+", label)
                and (len(words) > 1 or not cue.group().lower().strip().endswith("with") or not words[0].istitle())
            ):
                self.add(start, end, "Organization", priority=-1)
            elif _PRODUCT.search(label) and not _NOT_PRODUCT.search(label):
                self.add(start, end, "Product", priority=-1)
            elif len(words) > 1 and (acronym := _ACRONYM_AFTER.match(text, end)):
                standard = acronym.group(2) is not None
                self.add(start, end, "Standard" if standard else "Organization", priority=-1)
                self._definition(end, "Standard" if standard else "Organization", label)
            return
        if len(words) == 1 or self._heading(start, end):
            return
        if type_ == "Place" and re.match(r"\d", label):
            return  # "88 Harbour Road": an address
        if type_ == "Event" and re.search(r"\b(?:organi[sz]ed|presented|hosted|awarded|given) by (?:the )?$", before):
            type_ = "Organization"  # "organised by the Asia Transport Forum": who organises is an organisation
        if type_ in ("Committee", "Department", "Team") and _EXTERNAL_CUE.search(before, _cue_at(before)):
            type_ = "Organization"
        if type_ == "Department" and self._government_department(label, before):
            type_ = "Organization"
        # (a "Sichuan Department of Ecology and Environment" is named with its province)
        government = re.match(r"((?:[A-Z][a-z]+ ){1,2})(?=Ministry\b|(?:[A-Z][\w-]* )+(?:Department|Bureau)$)", label)
        if type_ == "Organization" and government and government.group(1).strip() in place_names():
            # "Hong Kong Environmental Protection Department", "China Ministry of Ecology and Environment":
            # a government's body with its place before it, by its own name too
            self.inner = (start + len(government.group(1)), end)
        if (
            type_ == "Place"
            and _singular(words[-1].lower()) in ("hotel", "resort")
            and (_PARTNER_CUE.search(before, _cue_at(before)) or _EXTERNAL_CUE.search(before, _cue_at(before)))
        ):
            type_ = "Organization"  # "cooperated with Acme Hotel": a hotel one works with is the company running it
        if type_ == "Initiative" and words[-1] == "Initiative" and _MEMBERSHIP_CUE.search(before, _cue_at(before)):
            type_ = "Organization"  # "joined the Clean Cobalt Initiative": a body with members
        if type_ == "Board" and not _OWN_BOARD.fullmatch(label):
            type_ = "Organization"  # "International Sustainability Standards Board", "Tourism Board"
        if type_ in ("Team", "Organization") and (
            _RECOMMENDATIONS.search(before) or re.fullmatch(r"Task ?[Ff]orce on .+ Disclosures", label)
        ):
            # "the recommendations of the Task Force on ...", "the Task Force on Nature-related Financial
            # Disclosures": the disclosure framework a task force wrote
            type_ = "Standard"
        if type_ == "Organization" and _SUBSIDIARY_CUE.search(before):
            type_ = "Subsidiary"  # "our subsidiary Acme Wind Power Co., Ltd."
        if type_ == "Organization" and self._own_company(label):
            type_ = "Subsidiary"  # "Acme Freight (Hong Kong) Limited" in the report of Acme Holdings Limited
        if type_ == "Organization" and self._in_house(words, before, text[end : end + 40]):
            type_ = "Department" if _singular(words[-1].lower()) in ("centre", "center") else "Initiative"
        if type_ == "Organization" and self._own_unit(words, before):
            type_ = "Committee" if _singular(words[-1].lower()) in _COUNCILS else "Team"
        if type_ == "Law" and _WEAK_LAW.search(label) and _OWNED.search(label):
            type_ = "Policy"
        if (
            type_ == "Law"
            and _WEAK_LAW.search(label)
            and not (fields_law := self._law_fields(label, end)).get("jurisdiction")
            and not fields_law.get("label_zh")
            and _INTERNAL.search(before[-80:])
        ):
            type_ = "Policy"
        if type_ == "Policy" and re.search(r"\bCodes?\b", label) and _jurisdiction(label):
            type_ = "Law"  # "Labour Code of Vietnam": a country's code is its law
        if (
            type_ == "Policy"
            and re.search(r"\bCodes?\b", label)
            and (country := re.search(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)[’']s\s+$", before))
            and country.group(1) in region_names()
        ):
            type_ = "Law"  # "Vietnam's Labour Code": a country's code is its law
        if type_ == "Award" and re.search(r"\b(?:against|to meet|to comply with)\s+(?:the\s+)?$", before):
            type_ = "Standard"  # "managed against the ... Substances List": a list to meet is no honour
        if type_ == "Policy" and re.match(r" No\. ?\d", text[end : end + 8]):
            type_ = "Law"  # "Labour Code No. 10/2012/XY": a code cited by a law's number is a law
        if (
            type_ == "Law"
            and re.search(r"\b(?:our|its|the Group[’']s|the Company[’']s)\s+$", before)
            and not _CAP.match(text[end : end + 40].lstrip(" *_"))
        ):
            type_ = "Policy"  # "its Waste Regulation"; one with a chapter number ("... (Cap. 12A)") is a law
        if (
            type_ == "Standard"
            and _singular(words[-1].lower()) in ("guideline", "guidance")
            and re.search(r"\b(?:our|the Group[’']s|the Company[’']s)\s+$", before)
        ):
            type_ = "Policy"  # "our Green Site Guidelines": guidelines the company says are its own
        if type_ == "Policy" and (
            start in self.published
            or (
                words[0] in self.defined
                and self.defined[words[0]][0] == "Organization"
                and words[0] not in self.own_names
            )
        ):
            type_ = "Standard"  # "RBA Code of Conduct", "RBA" defined as an outside body: that body's code
        dated = re.fullmatch(r"(.+ (?:19|20)\d\d) of (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)", label)
        if type_ == "Law" and dated and dated.group(2) in place_names():
            self.inner = (start, start + len(dated.group(1)))  # "... Act 2012 of Singapore": the act, by its year
        union = re.fullmatch(r"(.+) of the (?:EU|European Union)", label)
        if type_ == "Law" and union:
            self.inner = (start, start + len(union.group(1)))  # "General Data Protection Regulation of the EU"
        if type_ == "Policy" and re.fullmatch(r"(?:[A-Z]+ )?Code", label):
            return
        # "Strategy Committee of the Board", "Due Diligence Team of the Procurement Department"
        owned = re.search(
            r" of (?:the )?(?:Board|Company|Group|Bank|(?:[A-Z][\w&-]* ){1,4}(?:Department|Division))$", label
        )
        if type_ in ("Committee", "Department", "Team") and owned:
            self.inner = (start, start + owned.start())  # "Strategy Committee of the Board": its short name
        # A standard's or place's name ending in a year ("GRI Standards 2021", "Green Campus 2030")
        dated = type_ in ("Standard", "Place") and re.search(r" (?:19|20)\d\d$", label) is not None
        if type_ == "Standard" and len(words) > 2 and dated:
            self.inner = (start, end - 5)  # "GRI Standards 2021": the standards, whatever their edition
        if (
            type_ in ("Place", "Standard")
            and len(words) > 1
            and all(w.isalpha() and w.islower() for w in words[1:])
            and re.search(r"(?:^|[\n\t]|[.!?]\s)\s*$", text[max(0, start - 3) : start])
        ):
            # "Green campus" opening a cell, "Reporting standard." a paragraph: a common noun
            # capitalised where a line or sentence opens ("our Zhanggong plant" keeps its place)
            return
        if type_ == "Place" and dated:
            type_ = "Initiative"  # "Green Campus 2030": a programme named for the year it runs to, no place
        fields: dict[str, str | None] = {}
        if type_ == "Law":
            fields.update(self._law_fields(label, end))
        elif type_ in ("Committee", "Board", "Department", "Team"):
            fields["unit_of"] = self._unit_of(label, start)
        self.add(start, end, type_, **fields)
        self._definition(end, type_, label)

    def _own_unit(self, words: list[str], before: str) -> bool:
        """Whether an organisation's name is a unit of the reporting company's.

        "Our Sustainability Council" (a council the company says is its own) is a committee;
        "the Acme Volunteer Association" (a club under the company's own name) is a team.
        """
        head = _singular(words[-1].lower())
        if head in _COUNCILS and re.search(r"\b(?:[Oo]ur|[Ii]ts|the (?:Group|Company|Bank)[’']s)\s+$", before):
            return True
        own = any(" ".join(words).startswith(f"{n} ") for n in self.own_names)
        return own and head in _CLUBS

    def _in_house(self, words: list[str], before: str, after: str = "") -> bool:
        """Whether an organisation's name is the company's own programme or unit.

        "our Golden Chef Academy" (an academy the company says is its own) trains its staff;
        "the Acme Employee Care Fund" (a fund under the company's own name) is its programme;
        "the Quality Assurance Centre" (a centre named for a function only) is one of its units.
        """
        head = _singular(words[-1].lower())
        label = " ".join(words)
        if head in _ACADEMIES and _OWN.search(before):
            return True
        if head in _ACADEMIES and any(label.startswith(f"{n} ") for n in self.own_names):
            # under the company's name it is its programme, unless the text calls it a centre or school
            return not re.match(r",\s+(?:our|its)\s+(?:[\w\-]+\s+)?(?:centre|center|institute|college|school)\b", after)
        if head == "fund" and (_OWN.search(before) or any(label.startswith(f"{n} ") for n in self.own_names)):
            return True
        return (
            head in ("centre", "center")
            and all(w.lower() in _FUNCTIONS for w in words[:-1])
            and not _EXTERNAL_CUE.search(before, _cue_at(before))
            and not _PARTNER_CUE.search(before, _cue_at(before))
        )

    def _own_company(self, label: str) -> bool:
        """Whether ``label`` is another company under the reporting company's name: a subsidiary.

        "Acme Freight (Hong Kong) Limited" in the report of "Acme Holdings Limited" (defined as
        "Acme"): it starts with the company's name and ends in a legal form, and is not the company.
        """
        words = label.split()
        if len(words) > 2 and words[0] in _LEGAL_FORM_PREFIXES:
            # "PT Acme Batam Logistics": the legal form printed first, the company's name after it
            return any(" ".join(words[1:]).startswith(f"{n} ") for n in self.own_names)
        if not _LEGAL_FORM.search(label):
            return False
        own = {_without_legal_suffix(n) for n in self.own_names}
        if _without_legal_suffix(label) in own:
            return False
        if any(label.startswith(f"{n} ") for n in self.own_names):
            return True
        # "Xiamen Acme Logistics Co., Ltd.": a place, then the company's name, as subsidiaries in China are named
        first = label.split()[0]
        return first in place_names() and any(
            re.match(rf"{re.escape(first)} {re.escape(n)} ", label) for n in self.own_names
        )

    def _organiser_after_award(self, start: int, before: str) -> bool:
        """Whether a name is an award's organiser: "... Award 2022 by Asia Finance Review"."""
        if not re.search(r"\b(?:by|from)\s+(?:the\s+)?$", before):
            return False
        award = self.last_award
        return award is not None and award.end <= start and bool(_ORGANISER_CUE.match(self.text[award.end : start]))

    def _heading(self, start: int, end: int) -> bool:
        """Whether the span lies on a heading line: capitalised words, no sentence punctuation,
        and no word after its end that the sentence would go on from ("... operated by" ends a
        wrapped line of prose, not a heading)."""
        line = self._line(start, end)
        words = line.split()
        return bool(_HEADING.fullmatch(line)) and not (words and words[-1] in _LIST_END | _JOINERS)

    def _line(self, start: int, end: int) -> str:
        """The whole line the span lies on."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        return self.text[line_start : len(self.text) if line_end < 0 else line_end]

    def _government_department(self, label: str, before: str = "") -> bool:
        """ "Inner Mongolia Department of Industry and Information Technology": a place's department of a
        portfolio is a government's, an outside organisation, not a unit of the company; so is a department
        named for a public service alone ("Water Supplies Department"), unless the text says it is the
        company's ("our Fire Services Department") or a company function is named beside the service
        ("Safety and Environmental Protection Department")."""
        named = re.match(r"(?:the )?(.+?) Department of [A-Z]", label)
        if named and named.group(1) in place_names():
            return True
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", label)}
        return (
            label.endswith(" Department")
            and bool(words & _PORTFOLIOS)
            # "Safety and Environmental Protection Department": a company's function beside the service
            and not words & (_FUNCTIONS - {"environmental", "services", "service"})
            and not _OWN.search(before)
        )

    def _row_label(self, start: int, end: int) -> bool:
        """Whether the span is a table row's whole label ("Vietnam\t208\t215") in a breakdown by place.

        A city's name there ("Male") must have a place in the row above or below, since the names of
        cities are often words too; a country's, province's or region's needs none.
        """
        line_start = self.text.rfind("\n", 0, start) + 1
        if self.text[line_start:start].strip() or self.text[end : end + 1] != "\t":
            return False
        label = self.text[start:end]
        compass = _COMPASS.fullmatch(label)
        if label in region_names() or (compass and compass.group("place") in region_names()):
            return True
        above = self.text[self.text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]
        line_end = self.text.find("\n", end)
        below = self.text[line_end + 1 : self.text.find("\n", line_end + 1)] if line_end >= 0 else ""
        return any(row.split("\t")[0].strip() in place_names() for row in (above, below) if "\t" in row)

    def _beside_place(self, end: int) -> bool:
        """Whether a place name follows in the same list ("Shenzhen and Guangzhou")."""
        after = re.match(r"(?:,| and|, and) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", self.text[end : end + 40])
        return bool(after) and any(
            after.group(1)[: len(n)] == n and after.group(1)[len(n) : len(n) + 1] in ("", " ")
            for n in (after.group(1), after.group(1).split()[0])
            if n in place_names()
        )

    def _listed_in_region(self, start: int, end: int) -> bool:
        """Whether the name at ``start``-``end`` is an item of a list of three or more names that
        a region closes ("cities: Alton, Brede and Cray in Texas"), after a place's cue ("in",
        "across", a colon) or with an item the gazetteer knows: towns or districts of that region,
        though the gazetteer may know none of them. A list of people ("thanks Ann, Bo and Cy in
        Ohio") has neither."""
        at = max(0, start - 120)
        window = " ".join(self.text[at : end + 120].split("\n"))
        for m in _REGION_LIST.finditer(window):
            if m.group("region") not in region_names() or not (m.start() <= start - at and end - at <= m.end("items")):
                continue
            items = [(i.start(), i.end()) for i in _LIST_ITEM.finditer(m.group("items"))]
            names = [m.group("items")[a:b] for a, b in items]
            # "cities: A, B and C in R", "in A, B and C in R", or a list the gazetteer knows an item of.
            cued = _LIST_CUE.search(window[: m.start()]) is not None or any(n in place_names() for n in names)
            return cued and len(items) >= _MIN_LISTED and (start - at - m.start(), end - at - m.start()) in items
        return False

    def _after_place(self, start: int) -> bool:
        """Whether a known place comes just before, in the same list ("Kwai Chung and ", "Zhengzhou, ")."""
        before = re.search(
            r"([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:,| and|, and) $", self.text[max(0, start - 40) : start]
        )
        if not before:
            return False
        words = before.group(1).split()
        return any(" ".join(words[i:]) in place_names() for i in range(len(words)))

    def _law_fields(self, label: str, end: int) -> dict[str, str | None]:
        after = self.text[end : end + 120]
        fields: dict[str, str | None] = {}
        zh = re.match(r"\s*[*_]*\s*《([^》\n]{1,80})》", after)
        if zh:
            fields["label_zh"] = zh.group(1)
        else:
            zh_before = re.search(
                r"《([^》\n]{1,80})》\s*[(（]\s*(?:the\s+)?$",
                self.text[max(0, end - len(label) - 90) : end - len(label)],
            )
            if zh_before:
                fields["label_zh"] = zh_before.group(1)
        cap = _CAP.match(after.lstrip(" *_") if zh is None else after[zh.end() :].lstrip(" *_"))
        if cap:
            fields["cap"] = f"Cap. {cap.group(1)}"
            fields["jurisdiction"] = "Hong Kong"
        owner = re.search(
            r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)[’']s\s+$", self.text[max(0, end - len(label) - 40) : end - len(label)]
        )
        place = owner.group(1) if owner and owner.group(1) in place_names() else None
        fields["jurisdiction"] = fields.get("jurisdiction") or _jurisdiction(label) or place
        return fields

    def _unit_of(self, label: str, start: int) -> str | None:
        owner = re.search(r"\bof (?:the )?([A-Z][\w’'\-]*(?: [A-Z&][\w’'\-]*)*)$", label)
        if owner and _type_of(owner.group(1).split()) == "Organization":
            return owner.group(1)
        possessive = re.search(
            r"\b((?:[Tt]he )?[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,4})[’']s\s+$", self.text[max(0, start - 80) : start]
        )
        if possessive:
            owner_label = possessive.group(1)
            words = owner_label.split()
            if words[-1].lower() in _COMPANY_WORDS or _type_of(words) == "Organization":
                return owner_label
        return None

    def _definition(self, end: int, type_: str, label: str) -> None:
        """A parenthesised short name right after a name defines it: "... Committee (the “ESG Committee”)"."""
        own = _SELF_DEFINITION.match(self.text, end)
        if own and type_ == "Organization":
            for group in (1, 2):
                if own.group(group) and own.group(group)[0].isupper():
                    self.add(own.start(group), own.end(group), type_, priority=2, alias_of=label)
            if own.group(1):
                self.defined[own.group(1)] = (type_, label)
                self.own_names.add(own.group(1))
            self.own_names.add(label)
            first = label.split()[0]
            if len(first) >= 4 and first[0].isupper() and len(label.split()) > 1:
                self.own_names.add(first)  # "Eastgate" of "Eastgate Logistics Holdings Limited"
            return
        match = _DEFINITION.match(self.text, end)
        if not match:
            return
        short = match.group(1).strip()
        if (
            not short
            or short == label
            or _CAP.match(self.text[end:].lstrip())
            or re.fullmatch(r"\d+|[a-z].*", short)
            or _NOT_A_NAME.fullmatch(short)  # "ENVIRONMENTAL DATA (CONTINUED)": no short name
        ):
            return
        if short in place_names() and match.group().strip() == f"({short})":
            # "Bank of China (Hong Kong)": a place in bare parentheses is part of a company's name, no short name
            name = self.found[-1] if self.found else None
            if name and name.end == end and type_ in ("Organization", "Subsidiary"):
                name.end = match.end()
            return
        if " " not in short and not short.isupper() and _type_of([short]) is None:
            return
        own_type = _type_of(short.split()) if " " in short else None
        if own_type is not None and own_type != type_ and type_ in ("Organization", "Subsidiary"):
            # "The Stock Exchange of Hong Kong Limited (the “Listing Rules”)": the short name is of
            # another thing, its own head word says which; it is defined, as no alias of the name before.
            self.add(match.start(1), match.start(1) + len(short), own_type, priority=2)
            self.defined[short] = (own_type, short)
            return
        self.add(match.start(1), match.start(1) + len(short), type_, priority=2, alias_of=label)
        self.defined[short] = (type_, label)
        self.defined.setdefault(f"the {short}", (type_, label))

    def codes(self) -> None:
        """Standard codes: a certification where the text says the company is certified to them.

        "certified to ISO 14001 and ISO 45001", "holds ISO 9001, ISO 14001 and ISO 45001 certification":
        the words before the first code of a list and after its last apply to every code in it; the
        label is the code alone ("ISO 14001 certification" names the certification to ISO 14001).
        A code cited otherwise ("verified under ISO 14064", "in line with GB/T 24001") is a standard.
        """
        codes = list(_CODE.finditer(self.text))
        groups: list[list[re.Match[str]]] = []
        for match in codes:
            if groups and re.fullmatch(r",? and |, |/| or |, or ", self.text[groups[-1][-1].end() : match.start()]):
                groups[-1].append(match)
            else:
                groups.append([match])
        previous: tuple[int, bool] | None = None  # the end of the group before and whether it was certified
        blocks = certification_blocks(self.text, _CODE)
        for group in groups:
            before = self.text[max(0, group[0].start() - 60) : group[0].start()]
            after = self.text[group[-1].end() : group[-1].end() + 60]
            certified = bool(
                _CERTIFIED_AFTER.match(after)
                or group[-1].group().endswith("ed")
                or (_CERTIFIED_BEFORE.search(before) and not _CITED_AFTER.match(after))
                # "certified to ISO 14001 since 2019 and to ISO 50001 since 2021": the verb is shared
                or (previous and previous[1] and _ALSO_TO.fullmatch(self.text[previous[0] : group[0].start()]))
                or _CERTIFIED_LATER.match(self.text, group[-1].end(), group[-1].end() + 160)
                # a table or lines of codes under a certification heading, no verb beside each, unless
                # the line says the code's use was verified ("ISO 14067 footprints, verified by ...")
                or (
                    any(start <= group[0].start() < end for start, end in blocks)
                    and not re.search(r"\bverifi(?:ed|cation)\b", self._line(group[0].start(), group[-1].end()))
                )
            )
            previous = (group[-1].end(), certified)
            for match in group:
                end = match.start() + len(match.group("code"))
                self.add(match.start(), end, "Certification" if certified else "Standard", priority=3)
        for match in _SCHEME.finditer(self.text):
            self.add(match.start(), match.end(), "Certification", priority=2)
        for match in _FRS_CODE.finditer(self.text):
            self.add(match.start(), match.end(), "Standard", priority=2)

    def events(self) -> None:
        """Named storms, weather disasters named by their date and the pandemic (events), vehicle
        emission standards ("Euro 6") and integrity policies named in lower case ("whistleblowing policy")."""
        for match in _EVENT.finditer(self.text):
            self.add(match.start(), match.end(), "Event", priority=3)
        for match in _NUMBERED_LAW.finditer(self.text):
            self.add(match.start(), match.end(), "Law", priority=3)
        for match in _EU_LAW.finditer(self.text):
            self.add(match.start(), match.end(), "Law", priority=3, jurisdiction="EU")
            subject = _EU_LAW_SUBJECT.match(self.text, match.end())
            self._definition(subject.end() if subject else match.end(), "Law", match.group())
        for match in _DATED_DISASTER.finditer(self.text):
            self.add(match.start(), match.end(), "Event", priority=3)
        for match in _INTEGRITY_POLICY.finditer(self.text):
            self.add(match.start(), match.end(), "Policy")
        for match in _EMISSION_STANDARD.finditer(self.text):
            self.add(match.start(), match.end(), "Standard", priority=3)

    def programmes(self) -> None:
        """A programme's name with small words a name run does not join: "Road to Logistics programme".

        The lower-case head says it is a programme, so words like "to", "in" or "with" between
        capitalised words ("Journey to Zero campaign", "Walk with Elders scheme") are part of its name.
        """
        for match in _PROGRAMME.finditer(self.text):
            words = list(re.finditer(r"\S+", match.group("name")))
            led = False
            while words and words[0].group().lower() in _LEADING:
                words.pop(0)
                led = True
            name = " ".join(w.group() for w in words)
            # A sentence's first word may be capitalised only for being first: "Donations to ...".
            mid_sentence = led or re.search(r"[a-z,]\s$", self.text[max(0, match.start() - 2) : match.start()])
            if mid_sentence and len(words) > 2 and re.search(rf" (?:{_PROGRAMME_JOINERS}) ", name):
                type_ = _HEADS.get(_singular(match.group("head").lower()), "Initiative")
                self.add(match.start("name") + words[0].start(), match.end(), type_)

    def quoted(self) -> None:
        """A quoted title after an award verb is an award ("was named a “Caring Company”"); one before a
        head word is of the head's type (“Green Steps” programme, "Green Factory" title); one a verb says
        was launched is a programme ("launched “Project Blue”")."""
        for match in _QUOTED_NAME.finditer(self.text):
            before = self.text[max(0, match.start() - 60) : match.start()]
            head = _QUOTED_HEAD.match(self.text, match.end())
            if _AWARD_CUE.search(before):
                self.add(match.start(1), match.end(1), "Award", priority=1)
            elif head:  # the name as printed, quotes and head word included: “Green Steps” programme
                word = head.group(1).lower()
                type_ = "Initiative" if word in _QUOTED_INITIATIVES else _HEADS.get(_singular(word), "Award")
                self.inner = (match.start(1), match.end(1))  # and the quoted name alone: “Green Steps”
                self.add(match.start(), head.end(), type_, priority=1)
                self.inner = None
            elif _LAUNCH_CUE.search(before) and not _ADJECTIVE_USE.match(self.text, match.end()):
                # "we launched “Project Blue”": what is launched is a programme ("... “X” strategy" is a strategy)
                self.add(match.start(1), match.end(1), "Initiative", priority=1)

    def chinese_titles(self) -> None:
        """A 《》 title with no English beside it is a mention of its own, typed by its last characters."""
        for match in _ZH_TITLE.finditer(self.text):
            title = match.group(1)
            before = self.text[max(0, match.start() - 3) : match.start()]
            after = self.text[match.end() : match.end() + 3]
            if re.search(r"[A-Za-z)*_]\s*$", before) or re.match(r"\s*[(（]", after):
                continue
            line_start = self.text.rfind("\n", 0, match.start()) + 1
            line_end = self.text.find("\n", match.end())
            rest = self.text[match.end() : line_end if line_end >= 0 else len(self.text)]
            if not re.search(r"[A-Za-z]", self.text[line_start : match.start()]) and re.search(r"[A-Za-z]{3}", rest):
                continue  # a bilingual heading, Chinese first: the English after it names the title
            for pattern, type_ in _ZH_TYPES:
                if pattern.search(title):
                    self.add(match.start(1), match.end(1), type_, label_zh=title)
                    break

    def appendices(self) -> None:
        """ "Appendix 27 to the Main Board Listing Rules": a listing rule's appendix is a reporting guide.

        Where the guide's own name comes just before ("the ESG Reporting Guide in Appendix 27 of the
        Listing Rules"), the appendix is another name of it.
        """
        for match in _APPENDIX.finditer(self.text):
            guide = next(
                (
                    f
                    for f in reversed(self.found)
                    if f.type == "Standard" and _GUIDE_IN.fullmatch(self.text[f.end : match.start()])
                ),
                None,
            )
            alias = self.text[guide.start : guide.end] if guide else None
            self.add(match.start(), match.end(), "Standard", priority=2, alias_of=alias)

    def lists(self) -> None:
        """The items of a list its lead line says are stakeholder groups, material topics, awards,
        the company's departments or the entities the report covers.

        "Key stakeholder groups include:" or "Our material issues were:" and then one item a line
        ("• Commercial tenants", "2) Data privacy", "* Customers: surveys and ..."): each item up to
        its first colon or dash names one group, one issue; under an awards heading ("AWARDS AND
        RECOGNITION") each item up to ", awarded by ..." names one award (a quoted title inside it).
        """
        lines = list(re.finditer(r"[^\n]+", self.text))
        for i, lead in enumerate(lines):
            self._table_column(lines, i)
            type_ = _list_type(lead.group())
            if type_ is None:
                continue
            # A paragraph is one line (a wrapped one is, in the prose view): the list's own lead is its
            # last sentence ("We engage stakeholders through surveys. Our key groups are:" lists groups).
            spans = split_sentences(lead.group())
            last = lead.group()[spans[-1][0] :] if spans else lead.group()
            marker = None
            tiered = _MATERIAL_TIER.match(lead.group().strip()) is not None
            for k, line in enumerate(lines[i + 1 :], start=i + 1):
                item = _ITEM.match(line.group())
                adjacent = lines[k - 1].end() + 1 == line.start()  # no blank line above it
                if (
                    item is None
                    and tiered
                    and adjacent
                    and _TIER_HEADING.match(line.group().strip())
                    and k + 1 < len(lines)
                ):
                    following = _ITEM.match(lines[k + 1].group())
                    if following is not None and re.sub(r"\d+|[a-z]", "0", following.group("marker")) == marker:
                        continue  # "Relevant" over the next tier's issues: the list goes on
                # One list keeps one marker: "3. Compliance" after "(2) Safe production" is a heading.
                style = item and re.sub(r"\d+|[a-z]", "0", item.group("marker"))
                if item is None or marker not in (None, style):
                    break
                marker = style
                start, end = line.start() + item.start("name"), line.start() + item.end("name")
                start += english_start(self.text[start:end])  # "食物浪費 Food waste": its English
                whole = _ISSUE_NAME.match(self.text, start) if type_ == "MaterialIssue" else None
                if whole is not None and not _ISSUE_CLAUSE.search(whole.group()):
                    # "2. Crew health, safety and wellbeing", "3. Air emissions (SOx, NOx, PM)": an
                    # issue's name holds commas; it ends at a colon, a dash or the line's end, unless
                    # a clause follows a comma ("Data privacy, including ...")
                    end = max(end, start + len(whole.group().rstrip(" .")))
                if type_ == "StakeholderGroup" and _CHANNELS.search(last) and not re.search(r"[:–-]\s*$", item.group()):
                    break  # "We engage stakeholders through:" lists channels; "• Tenants: surveys" names groups
                quoted = _QUOTED_NAME.match(self.text, start)
                title_end = line.start() + len(line.group().rstrip(" ."))
                second = re.sub(r"\s*\([^()]*\)", "", self.text[end + 3 : title_end].split(", ", 1)[0])
                if (
                    type_ == "Award"
                    and not quoted
                    and re.match(r"\s[\u2013-]\s", self.text[end : end + 3])
                    and (_type_of(second.split()) in ("Award", "Certification") or second in place_names())
                ):
                    # "Green Awards 2023 - Low Carbon Prize (Gold), organised by ...", "Operator of the Year -
                    # Asia Pacific": the dash joins a scheme and its prize, or a prize and its region, one
                    # title up to the comma ("Best Report - Asia Reporting Forum" names who gives it)
                    end = title_end
                if type_ == "Award" and quoted:
                    start, end = quoted.start(1), quoted.end(1)
                elif type_ == "Award" and ", " in self.text[start:end]:
                    comma = self.text.index(", ", start)
                    if _GRADE.fullmatch(self.text, start, comma):
                        # "Gold award, Green Fleet Award 2023, organised by ...": a grade of the award named next
                        start = comma + 2
                        end = self.text.find(", ", start, end) if ", " in self.text[start:end] else end
                    else:
                        end = comma  # "Caring Company Logo, The Hong Kong Council ...": the award, its giver
                elif type_ == "Certification":
                    # "• ISO 14001:2015 environmental management: 42 sites": the standard's code names
                    # it; else the words before "certification" or the item's colon do
                    code = _CERTIFIED_CODE.match(line.group(), item.start("name"))
                    item_text = line.group()[item.start("name") :]
                    name = code.group() if code else _CERTIFICATION_TAIL.sub("", item_text)
                    start = line.start() + item.start("name")
                    end = start + len(name)
                elif type_ in ("Department", "Subsidiary"):
                    # "• Acme University (Main Campus, Changsha)": the name, then where it is
                    end = start + len(self.text[start:end].split(" (", 1)[0])
                    if self.text[start:end] in place_names() or not self.text[start : start + 1].isupper():
                        continue
                # a dash between a title's parts and a bracketed grade ("(Gold)") are no words of it
                if len(re.sub(r"\s[–-]\s|\([^()]*\)", " ", self.text[start:end]).split()) <= MAX_ITEM_WORDS:
                    # a code listed under a certifications heading is held there, not only a standard (codes: 3)
                    self.add(start, end, type_, priority=4 if type_ == "Certification" else 2)

    def _table_column(self, lines: list[re.Match[str]], at: int) -> None:
        """A table whose first header cell is "Stakeholder groups", "Material issues" or "Awards":
        its first column names them.

        "Stakeholder group<TAB>Main channels" and then "Customers<TAB>Surveys, ...": each row's first
        cell, up to the first line that is no row of the table, names one group. The cells may be
        set apart by tabs or aligned with runs of spaces; a year or a number in brackets in a cell
        is a name's ("... Award 2023", "... Logo (10 Years Plus)"), not a figure's. In an awards
        table whose second column is headed "Organiser", that cell names who gave the award; a row of
        one word a cell there is another table's header ("Partner  Programme"). A line indented past
        the first column continues or details the row above ("  - Gold Award") and is skipped.
        """
        header = _cells(lines[at].group())
        head = english_part(header[0][2]) if header else ""  # "持份者 Stakeholder group": its English
        type_ = _TABLE_COLUMN.get(re.sub(r"\s+", " ", head.lower())) if header else None
        if len(header) < 2 or type_ is None:
            return
        organisers = type_ == "Award" and _ORGANISER_HEADER.fullmatch(english_part(header[1][2])) is not None
        end = lines[at].end()
        for line in lines[at + 1 :]:
            if line.start() != end + 1:  # a blank line ends the table
                break
            end = line.end()
            if _RULE_LINE.fullmatch(line.group().strip()):
                continue  # "--------" under the header
            cells = _cells(line.group())
            if cells and cells[0][0] > header[0][0]:
                continue  # indented past the first column: continues or details the row above
            cells = _bilingual_cells(cells, header[1][0], line.group())
            first = cells[0][2] if cells else ""
            if (
                len(cells) < 2
                or not first[:1].isupper()
                or (type_ == "Award" and all(" " not in cell for _, _, cell in cells))  # another header
                or re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b|\([^)]*\)", "", first))
                or any(re.fullmatch(r"[\d\s,.%]+", cell) for _, _, cell in cells[1:])
            ):
                break
            if len(first.split()) > MAX_ITEM_WORDS:
                continue
            organiser = cells[1][2] if organisers and len(cells) == 2 else None
            self.add(line.start() + cells[0][0], line.start() + cells[0][1], type_, priority=2, organiser=organiser)
            if organiser is not None:
                self.add(line.start() + cells[1][0], line.start() + cells[1][1], "Organization", priority=2)

    def guideline_titles(self) -> None:
        """A guideline's title with the small words a name run does not join: "Guidelines to Account
        for and Report on Greenhouse Gas Emissions ... in Hong Kong" is one standard, not a run of names."""
        for match in _GUIDELINE_TITLE.finditer(self.text):
            self.add(match.start(), match.end(), "Standard", priority=3)

    def listed_units(self) -> None:
        """A unit named for several functions: "the Safety, Health and Environment ("SHE") Department".

        Capitalised runs stop at commas, so the words before the head would be read as names of their own.
        """
        for match in _LISTED_UNIT.finditer(self.text):
            type_ = _HEADS.get(_singular(match.group("head").lower()))
            items = re.split(r",\s+|\s+(?:and|&)\s+", match.group()[: match.start("head") - match.start()])
            if type_ and not any(item.strip() in place_names() or _type_of(item.split()) for item in items):
                self.add(match.start(), match.end(), type_, priority=3)

    def site_codes(self) -> None:
        """Sites a report names by a code and places in brackets: "DC2 (Kwun Tong), MY1 (Cyberjaya,
        Malaysia)". A code followed by a place the other rules found names the site there
        (a place, as the report's own sites are), whose later mentions go by the code alone."""
        places = {f.start for f in self.found if f.type == "Place"}
        for match in _SITE_CODE.finditer(self.text):
            if match.end() in places:
                self.add(match.start(1), match.end(1), "Place", priority=2)
                self.defined.setdefault(match.group(1), ("Place", match.group(1)))

    def channel_lines(self) -> None:
        """Lines that each give a stakeholder group, its concerns and its channels: the groups.

        "Employees: safety, pay; channels: staff survey, intranet." is how a report without a table
        prints its stakeholder map, one group a line; two such lines or more make the map, so that a
        single sentence with "channels:" in it names no group.
        """
        found = list(_GROUP_CHANNELS_LINE.finditer(self.text))
        if len(found) >= 2:
            for match in found:
                self.add(match.start("name"), match.end("name"), "StakeholderGroup", priority=2)

    def partner_lists(self) -> None:
        """The names a line lists under a short "... partners" heading, or after a sentence that
        introduces "the following associations" or partners: organisations the report works with.

        "Community partners" and then "The Harbour Trust, Caritas Lantau and Kowloon Food Bank.": each
        item, apart with commas and a last "and" (or with semicolons), names one organisation,
        whatever its words say ("Clean Cobalt Initiative" is a body with members).
        """
        lines = list(re.finditer(r"[^\n]+", self.text))
        for lead, line in pairwise(lines):
            led = _PARTNERS_LEAD.match(lead.group().strip()) or _MEMBERS_LEAD.search(lead.group().strip())
            listed = _NAME_LIST.fullmatch(line.group().strip())
            semicolons = _SEMICOLON_LIST.fullmatch(line.group().strip())
            if not led or not (listed or semicolons):
                continue
            body = line.group().rstrip().rstrip(".")
            items = [(m.start(), m.end()) for m in re.finditer(r"[^;]+" if semicolons else r"[^,]+", body)]
            last = body[items[-1][0] : items[-1][1]]
            joined = re.search(r"\s+and\s+", last)
            if joined and not re.match(r"\s*and\s", last):
                # no comma before the last "and": its first "and" parts the last two items ("A, B and
                # the Food and Health Council"), and a name's own "and" comes after it
                a, b = items.pop()
                items += [(a, a + joined.start()), (a + joined.end(), b)]
            for a, b in items:
                name = re.sub(r"^\s*(?:and\s+)?", "", body[a:b]).rstrip()
                start = line.start() + a + body[a:b].index(name)
                if 0 < len(name.split()) <= MAX_ITEM_WORDS:
                    self.add(start, start + len(name), "Organization", priority=2)

    def inline_lists(self) -> None:
        """A sentence that enumerates its material issues or stakeholder groups after a colon or "include".

        "We identified the following key issues: product safety, employment, health and safety, and
        supply chain management." Items are cut at commas (so "health and safety" stays one); a
        list of fewer than two short items, or one with figures, is no enumeration of names.
        """
        found = [
            (m, "items", "StakeholderGroup" if m.group("what").lower().startswith("stakeholder") else "MaterialIssue")
            for m in _INLINE_LIST.finditer(self.text)
        ]
        found += [
            (m, "items" if m.group("items") else "after", "MaterialIssue") for m in _MATERIAL_INLINE.finditer(self.text)
        ]
        found += [(m, "items", "MaterialIssue") for m in _RATED_MATERIAL.finditer(self.text)]
        self._channel_groups()
        self._groups_with_channels()
        if not any(f.type == "StakeholderGroup" for f in self.found):
            # A report that lists or tabulates its stakeholder groups names them there; the groups a
            # sentence happens to enumerate ("we surveyed residents and tenants") count only without one.
            found += [(m, "items", "StakeholderGroup") for m in _STAKEHOLDERS_INCLUDING.finditer(self.text)]
            # overlapping: "surveyed 2,184 stakeholders and held focus groups with A, B and C"
            at = 0
            while (engaged := _ENGAGED.search(self.text, at)) is not None:
                found.append((engaged, "groups", "StakeholderGroup"))
                at = engaged.start() + 1
        for match, group, type_ in found:
            text = match.group(group)
            # Items apart with semicolons hold commas and "and" of their own ("A; B and C; and D").
            mark = ";" if ";" in text else ","
            items = [(i.start(), i.end()) for i in re.finditer(rf"[^{mark}\s](?:[^{mark}]*[^{mark}\s])?", text)]
            ended = next((k for k, (a, _) in enumerate(items) if k and text[a:].split()[0] in _LIST_END), None)
            if ended is not None:
                items = items[:ended]  # "A, B and C, to rate 18 issues": the sentence goes on after the list
            if type_ == "StakeholderGroup":
                # "... such as customers and suppliers through surveys": the list ends inside its last item
                for k, (a, b) in enumerate(items):
                    tail = re.search(rf" (?:{'|'.join(sorted(_LIST_END))}) ", text[a:b])
                    if tail:
                        items = [*items[:k], (a, a + tail.start())]
                        break
            if group == "groups":
                # the list ends with its last item ending in a stakeholder noun ("..., and 90 employees
                # answered"); an item the nouns do not know ("shipping lines", "patients' families") is a
                # group when most items around it end in one: the verb engages groups, not things
                nouns = [text[a:b].split()[-1].lower() in _STAKEHOLDER_NOUNS for a, b in items]
                items = items[: len(nouns) - nouns[::-1].index(True)] if True in nouns else []
                names = [p.split() for a, b in items for p in text[a:b].split(" and ") if p.strip()]
                known = sum(words[-1].lower() in _STAKEHOLDER_NOUNS for words in names)
                introduced = any(
                    re.match(r"(?:stakeholders?|including|such as|namely|comprising)\b", text[a:b]) for a, b in items
                )
                if not all(nouns[: len(items)]) and (introduced or known < MIN_KNOWN_SHARE * len(names)):
                    items = items[: nouns.index(False)]  # "stakeholders, including ...": the groups follow
            oxford = any(text.startswith("and ", a) for a, _ in items)
            items = [(a + 4, b) if text.startswith("and ", a) else (a, b) for a, b in items]
            if items and mark == "," and not oxford and " and " in text[items[-1][0] : items[-1][1]]:
                a, b = items.pop()  # "customers, employees and suppliers": no comma before the last "and"
                cut = text.index(" and ", a)
                items += [(a, cut), (cut + 5, b)]
            labels = [text[a:b] for a, b in items]
            if len(labels) < 2 or any(len(t.split()) > MAX_INLINE_WORDS or re.search(r"\d", t) for t in labels):
                continue
            for a, b in items:
                self.add(match.start(group) + a, match.start(group) + b, type_, priority=2)

    def _groups_with_channels(self) -> None:
        """The groups of a list that prints after each stakeholder group, in parentheses, the
        channels it is engaged through ("tenants (surveys, a hotline), lenders (briefings) and staff
        (town halls)"): each group is the words before its parentheses; a list of fewer than two
        such groups, or a group of many words, names none."""
        for match in _GROUPS_WITH_CHANNELS.finditer(self.text):
            items, at = match.group("items"), match.start("items")
            groups, last = [], 0
            for paren in _CHANNELS_IN_PARENS.finditer(items):
                before = items[last : paren.start()]
                name = re.sub(r"^[\s,]*(?:and\s+)?", "", before).rstrip()
                if name:
                    start = at + last + before.index(name)
                    groups.append((start, start + len(name)))
                last = paren.end()
            names = [self.text[a:b] for a, b in groups]
            if items[last:].strip() or len(groups) < 2:
                continue
            if all(len(name.split()) <= MAX_INLINE_WORDS and "," not in name for name in names):
                for a, b in groups:
                    self.add(a, b, "StakeholderGroup", priority=2)

    def _channel_groups(self) -> None:
        """The groups of a list of the channels each stakeholder group is engaged through, apart with
        semicolons: each item ends with "for" or "with" and its group ("surveys for tenants", "site
        visits with lenders and insurers"), a group as the report groups them, when its last word is a
        stakeholder noun; a list of fewer than two such groups names none."""
        for match in _CHANNELS_BY_GROUP.finditer(self.text):
            at = match.start("items")
            groups = []
            for item in re.finditer(r"[^;]+", match.group("items")):
                named = _FOR_GROUP.search(item.group())
                if named and named.group("group").split()[-1].lower() in _STAKEHOLDER_NOUNS:
                    start = at + item.start() + named.start("group")
                    groups.append((start, start + len(named.group("group"))))
            if len(groups) >= 2 and all(len(self.text[a:b].split()) <= MAX_INLINE_WORDS for a, b in groups):
                for a, b in groups:
                    self.add(a, b, "StakeholderGroup", priority=2)

    def people(self) -> None:
        for match in _HONORIFIC.finditer(self.text):
            after = self.text[match.end() : match.end() + 60]
            role = re.match(rf",?\s+(?:the\s+|our\s+|its\s+|an?\s+)?({_ROLE}{_OF_ORG})\b", after) or re.search(
                rf"\b({_ROLE}),?\s+$", self.text[max(0, match.start() - 60) : match.start()]
            )
            self.add(
                match.start(1),
                match.end(1),
                "Person",
                priority=4,
                role=role.group(1) if role else None,
                titled=" ".join(self.text[match.start() : match.end(1)].split()),
            )
        for match in _ROLE_NAME.finditer(self.text):
            if " of " in match.group(1) and "," not in self.text[match.end(1) : match.start(2)]:
                continue
            if _type_of(match.group(2).split()) is None and match.group(2) not in place_names():
                self.add(match.start(2), match.end(2), "Person", priority=4, role=match.group(1))
        for match in _SIGNATURE.finditer(self.text):
            if _type_of(match.group(1).split()) is None and match.group(1) not in place_names():
                self.add(match.start(1), match.end(1), "Person", priority=4, role=match.group(2))
        for match in _NAME_ROLE.finditer(self.text):
            name = match.group(1)
            if name.split()[0].lower() not in _LEADING and _type_of(name.split()) is None and name not in place_names():
                self.add(match.start(1), match.end(1), "Person", priority=4, role=match.group(2))

    def self_references(self) -> None:
        """ "the Group", "the Company": the reporting company (resolve_aliases gives them its id)."""
        for match in _SELF.finditer(self.text):
            self.add(match.start(), match.end(), "Organization", priority=5)
        for match in _SELF_POSSESSIVE.finditer(self.text):
            self.add(match.start(), match.end() - 3, "Organization", priority=5)

    def generic(self) -> None:
        """ "the Committee" after a definition, and defined short names and acronyms used later."""
        for match in _GENERIC.finditer(self.text):
            type_ = _HEADS.get(_singular(match.group(1).lower()), "Organization")
            target = self.defined.get(f"the {match.group(1)}")
            self.add(match.start(), match.end(), type_, priority=1, alias_of=target[1] if target else None)
        for short, (type_, label) in self.defined.items():
            if short.startswith("the "):
                continue
            for match in re.finditer(rf"(?<![\w“\"]){re.escape(short)}(?![\w”\"])", self.text):
                self.add(match.start(), match.end(), type_, priority=1, alias_of=label if label != short else None)

    # ------------------------------------------------------------ overlaps

    def organisers(self, kept: list[_Found]) -> None:
        """An award's organiser: the organisation named by "by"/"from" right after it, or before its verb.

        A committee or department named as an award's organiser ("... Certificate by the Environmental
        Campaign Committee") is an outside organisation, and retyped so. Only the names within a
        short window of the award are looked at (found by bisection), so a long report stays linear.
        """
        orgs = [f for f in kept if f.type in _ORGANISER_TYPES or f.type == "Event"]
        starts = [f.start for f in orgs]
        by_end = sorted(orgs, key=lambda f: f.end)
        ends = [f.end for f in by_end]
        for found in kept:
            if found.type not in ("Award", "Certification"):
                continue
            before = by_end[bisect_left(ends, found.start - ORGANISER_BEFORE) : bisect_right(ends, found.start)]
            for org in before:
                if org.type == "Organization" and _ORGANISER_BEFORE_CUE.fullmatch(self.text[org.end : found.start]):
                    found.fields["organiser"] = self.text[org.start : org.end]
            after = orgs[bisect_left(starts, found.end) : bisect_right(starts, found.end + ORGANISER_AFTER)]
            for org in after:  # "by" after the award says it more plainly than a name before it
                between = self.text[found.end : org.start]
                if org.type == "Event" and not _LISTED_ORGANISER.fullmatch(between):
                    continue  # an event after an award is its organiser only as the line's last name
                if _ORGANISER_CUE.match(between) or (
                    _LISTED_ORGANISER.fullmatch(between)
                    and re.match(r"[ .]*(?:\n|$)", self.text[org.end : org.end + 3])
                ):
                    found.fields["organiser"] = self.text[org.start : org.end]
                    org.type = "Organization"
                    break

    def resolved(self) -> list[_Found]:
        ordered = sorted(self.found, key=lambda f: (-(f.end - f.start), -f.priority, f.start))
        kept: list[_Found] = []
        # The kept spans do not overlap, so sorted by start their ends are sorted too: a new span
        # overlaps one only if the last kept span starting before its end reaches past its start.
        starts: list[int] = []
        ends: list[int] = []
        for found in ordered:
            at = bisect_left(starts, found.end)
            if at and ends[at - 1] > found.start:
                continue
            kept.append(found)
            starts.insert(at, found.start)
            ends.insert(at, found.end)
        kept.sort(key=lambda f: (f.start, f.end))
        self.organisers(kept)
        return kept


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Words a number follows that are not products: document parts, codes, scopes, currencies, ranks.
_NUMBERED = (
    r"Appendix|Annex|Schedule|Section|Chapter|Cap|Part|Article|Clause|Rule|Note|Page|Table|Figure|Chart|Phase|Stage|"
    r"Appendices|Annexes|Sections|Chapters|Parts|Articles|Notes|Pages|Tables|Figures|Charts|"
    # a figure's qualifier opening a sentence ("Circa 1,800 staff", "Some 40 sites")
    r"Circa|Approximately|About|Around|Some|Nearly|Almost|Over|Roughly|"
    r"Scope|Goal|Goals|SDG|SDGs|KPI|KPIs|Aspect|Level|Grade|Class|Category|Tier|Type|No|Top|Year|Day|Week|Month|"
    r"Room|Floor|Block|Zone|Line|Unit|Version|Article|Item|Step|Round|Batch|Group|Team|Region|District|"
    r"RMB|HKD|USD|EUR|GBP|JPY|SGD|MOP|CNY|HK|US|NT|Euro|Euros|A|B|C"
)
# A product: a capitalised name and a model number ("Mi Band 4"); "Donated 500 ..." at a sentence's
# start is a verb and its figure.
_PRODUCT = re.compile(
    rf"^(?!(?:{_MONTHS}|{_NUMBERED}) [A-Z]?\d)(?!(?:{_MONTHS})\b)(?![A-Z][a-z]+(?:ed|ing) \d)"
    r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]*)* "
    r"(?:\d{1,4}[A-Za-z]?|[A-Z]\d{1,3})"
    r"(?: (?:Pro|Plus|Max|Lite|Ultra|SE))?$|[™®]$"
)


def _cells(line: str) -> list[tuple[int, int, str]]:
    """The (start, end, text) of each cell of a table row, set apart by tabs or runs of spaces."""
    cells, start = [], len(line) - len(line.lstrip())
    for gap in [*_CELL_GAP.finditer(line, start), None]:
        stop = gap.start() if gap else len(line.rstrip())
        if stop > start:
            cells.append((start, stop, line[start:stop]))
        start = gap.end() if gap else stop
    return cells


# A rule of dashes under a table's header.
_RULE_LINE = re.compile(r"-{3,}|={3,}|_{3,}|─{3,}")


def _bilingual_cells(cells: list[tuple[int, int, str]], second: int, line: str) -> list[tuple[int, int, str]]:
    """A table row's cells with a first cell printed Chinese first ("顧客 Customers") read by its
    English half (kg.ingest.bilingual); a first cell that runs into the next column one space
    short of it (a long bilingual name, "股東 Shareholders Returns, ...": the Chinese widens it)
    cut where the header's second cell starts, when a word starts there."""
    if not cells:
        return cells
    start, stop, text = cells[0]
    if stop > second > start and line[second - 1] == " " and line[second] != " ":
        rest = (second, stop, line[second:stop])
        stop = len(line[:second].rstrip())
        cells = [(start, stop, line[start:stop]), rest, *cells[1:]]
        text = cells[0][2]
    if (k := english_start(text)) > 0:
        cells = [(start + k, stop, text[k:]), *cells[1:]]
    return cells


# A sentence pointing at the list under it: "the six below", "the following issues", "these below".
_POINTS_BELOW = re.compile(
    r"\b(?:the|these)\s+(?:\w+\s+)?below\b"
    r"|\bthe\s+following\s+(?:\w+\s+)?(?:issues|topics|matters|aspects|groups|stakeholders)\b",
    re.I,
)


def _last_sentence(line: str) -> str:
    """A paragraph's last sentence: the one that leads into a list printed under it."""
    spans = split_sentences(line)
    return line[spans[-1][0] :] if spans else line


def _list_type(line: str) -> str | None:
    """The type of what the list after ``line`` names, when ``line`` introduces one."""
    line = line.strip()
    if not line or _ITEM.match(line):
        return None
    # "... the following:", "... as follows", or a last sentence that speaks of "the six below" or
    # "the following issues" ("Of 14 issues, the six below were rated material.")
    introduces = (
        line.endswith(":")
        or re.search(r"\b(?:below|following|as follows)\W*$", line)
        or (_POINTS_BELOW.search(line) and _POINTS_BELOW.search(_last_sentence(line)))
    )
    if (introduces and _MATERIAL_LEAD.search(line)) or _MATERIAL_TIER.match(line):
        return "MaterialIssue"
    if introduces and _STAKEHOLDER_LEAD.search(line):
        return "StakeholderGroup"
    if _AWARD_LEAD.match(line) and len(line.split()) <= 6 and not line.endswith("."):
        return "Award"
    if introduces and _AWARDS_FOLLOW.search(line):
        return "Award"  # "During the year we received the following awards:"
    undated = re.sub(r"\s+(?:as\s+(?:at|of)|in|during)\s.*$", "", line)  # "... held as at 31 March 2024"
    if _CERTIFICATION_LEAD.match(line) and len(undated.split()) <= 6 and not line.endswith("."):
        return "Certification"
    if _DEPARTMENT_LEAD.search(line):
        return "Department"
    if _SCOPE_LEAD.search(line):
        return "Subsidiary"
    return None


# A name and number that is no product: a document of a year, a capital tier, a numbered part.
_NOT_PRODUCT = re.compile(
    r"\b(?:Appendix|Annex|Schedule|Section|Chapter|Part|Article|Clause|Rule|Page|Table|Figure|Phase|Stage|Scope|"
    r"Goal|SDG|KPI|Level|Grade|Class|Category|Tier|Type|Version|Report|Review|Figures|Highlights|Index|Summary|"
    r"Statement|Edition|Vision|Agenda) \S+$|"
    r" (?:19|20)\d\d$"
)


_POSSESSIVE_END = re.compile(r"[’']s?$")
_OWNER_END = re.compile(rf" (?:{_CONNECTORS}) [A-Z][\w\-]*$")
# "for the 10th (consecutive) year", "for the third time" after a name: an ordinal of times, at
# the run's end, before the lower-case word it counts.
_NTH_TIME = re.compile(r" for the \d+(?:st|nd|rd|th)$")
_TIMES_AFTER = re.compile(r"\s+(?:consecutive\s+|successive\s+)?(?:years?|times?)\b")
_DATED = re.compile(rf"(?:,? (?:{_CONNECTORS}))? (?:\d{{1,2}} )?(?:{_MONTHS})\b")


def _jurisdiction(label: str) -> str | None:
    for pattern, name in _JURISDICTIONS:
        if pattern.search(label):
            return name
    for pattern, name in _JURISDICTION_PREFIX:
        if pattern.search(label):
            return name
    country = re.search(r"\bof (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)$", label)
    if country and country.group(1) in place_names():
        return country.group(1)  # "... Act 1994 of Malaysia", "Labour Ordinance of Sabah"
    if re.search(r"\bOrdinance\b", label):
        return "Hong Kong"
    return None


def entity_mentions(text: str, offset: int = 0) -> list[EntityMention]:
    """Every entity mention in ``text``, in text order; offsets are ``offset`` + index into ``text``.

    Mentions do not overlap, except that a name whose proper part is a name too ("Drive Safe 360
    defensive-driving course", "ISCC EU certification", "Audit Committee of the Board") is followed
    by a mention of that part, an alias of the whole (``alias_of``), so that either naming finds it.
    """
    scanner = _Scanner(text)
    scanner.runs()
    scanner.listed_units()
    scanner.guideline_titles()
    scanner.codes()
    scanner.events()
    scanner.programmes()
    scanner.quoted()
    scanner.appendices()
    scanner.lists()
    scanner.channel_lines()
    scanner.site_codes()
    scanner.partner_lists()
    scanner.inline_lists()
    scanner.chinese_titles()
    scanner.people()
    scanner.self_references()
    scanner.generic()
    mentions = []
    for found in scanner.resolved():
        label = text[found.start : found.end]
        mentions.append(EntityMention(found.start + offset, found.end + offset, label, found.type, **found.fields))
        if found.inner:
            start, end = found.inner
            mentions.append(EntityMention(start + offset, end + offset, text[start:end], found.type, alias_of=label))
    return mentions


# ---------------------------------------------------------------- aliases

# Company-specific types are minted under the company's IRI (kg.rdf.iris.Minter.entity), so their ids
# need no company prefix; the board is the exception the bundled sheets make ("<company>-board").
_SELF_LABELS = re.compile(r"^(?:the )?(?:group|company|bank|corporation)$")
_SPELLING = (("programme", "program"), ("organisation", "organization"), ("centre", "center"), ("labour", "labor"))
_LEGAL_SUFFIX = re.compile(
    r"\b(?:co\.?,? ?ltd\.?|company limited|limited|ltd\.?|corporation|corp\.|inc\.?|holdings|group|plc)\W*$", re.I
)


def _without_legal_suffix(label: str) -> str:
    """ "Acme Holdings Limited" -> "Acme": the name without its legal form."""
    while (shorter := _LEGAL_SUFFIX.sub("", label).strip(" ,")) != label:
        label = shorter
    return label


def _key(label: str) -> str:
    """The form two labels of one entity share: no article, quotes or case; singular; one spelling."""
    key = re.sub(r"[“”\"*_]", "", label).strip().lower().rstrip(".")
    key = re.sub(r"\s*\([^)]*\)$", "", key)
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"\s+", " ", key)
    for british, american in _SPELLING:
        key = key.replace(british, american)
    words = key.split()
    if words:
        words[-1] = _singular(words[-1]) if words[-1].endswith("s") and len(words[-1]) > 4 else words[-1]
        if words[-1].endswith("s") and not words[-1].endswith("ss") and len(words[-1]) > 4 and words[-1][:-1] in _HEADS:
            words[-1] = words[-1][:-1]
    return " ".join(words)


def _initials(label: str) -> str | None:
    """ "Environmental, Social and Governance Committee" -> "esg committee": the acronym form of a name."""
    words = re.sub(r"[,“”\"]", "", label).split()
    if len(words) < 3 or _HEADS.get(_singular(words[-1].lower())) is None:
        return None
    letters = "".join(w[0] for w in words[:-1] if w.lower() not in ("of", "and", "for", "the", "on", "&"))
    return f"{letters.lower()} {_key(words[-1])}" if len(letters) >= 2 else None


def _law_id(mention: EntityMention) -> str:
    label = re.sub(r"^the\s+", "", mention.label, flags=re.I)
    for pattern, name in _JURISDICTIONS:
        if pattern.search(label):
            return slugify(f"{pattern.sub('', label)} {name}")
    return slugify(label)


def is_titled(label: str) -> bool:
    """Whether a person's name starts with an honorific ("Dr. Lam Tai-man"): an alias, never the label."""
    return _HONORIFIC.match(label) is not None


def resolve_aliases(mentions: list[EntityMention], company: str) -> dict[str, str]:
    """Each mention's label -> the id of its entity, the several names of one entity sharing one id.

    Names are joined when one defines the other (``alias_of``), when they differ only in article,
    quotes, case, plural or spelling, when one is the other's acronym with the same head word
    ("ESG Committee"), when one place is the other with "Province" or "State" ("Hubei Province",
    "Hubei"), or when they carry the same Chinese title. "the Group", "the Company" and
    the company's own name get ``company``. A generic "the Committee" that no definition and no
    single committee explains names nothing and is left out.
    """
    parent: dict[str, str] = {}

    def find(label: str) -> str:
        while parent.setdefault(label, label) != label:
            parent[label] = parent[parent[label]]
            label = parent[label]
        return label

    def union(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)

    generic = [
        m for m in mentions if m.label.lower().startswith("the ") and m.alias_of is None and _GENERIC.fullmatch(m.label)
    ]
    named = [m for m in mentions if m not in generic]
    by_key: dict[str, str] = {}
    by_zh: dict[str, str] = {}
    for mention in named:
        find(mention.label)
        province = re.sub(r" (?:province|state)$", "", _key(mention.label)) if mention.type == "Place" else None
        for key in (_key(mention.label), _initials(mention.label), province and f"place {province}"):
            if key:
                if key in by_key:
                    union(by_key[key], mention.label)
                else:
                    by_key[key] = mention.label
        if mention.alias_of:
            union(mention.alias_of, mention.label)
        if mention.label_zh:
            if mention.label_zh in by_zh:
                union(by_zh[mention.label_zh], mention.label)
            else:
                by_zh[mention.label_zh] = mention.label

    groups: dict[str, list[EntityMention]] = {}
    for mention in named:
        groups.setdefault(find(mention.label), []).append(mention)
    ids: dict[str, str] = {}
    for members in groups.values():
        ident = _group_id(members, company)
        for member in members:
            ids[member.label] = ident
    for mention in generic:
        same_type = {ids[m.label] for m in named if m.type == mention.type and m.label in ids} - {company}
        if len(same_type) == 1:
            ids[mention.label] = same_type.pop()
        elif mention.type == "Board":
            ids[mention.label] = f"{company}-board"
    return ids


def _group_id(members: list[EntityMention], company: str) -> str:
    """The id of one entity: from its longest full name (a definition's short name never names it)."""
    full = [m for m in members if m.alias_of is None] or members
    canonical = min(full, key=lambda m: m.start)
    label = re.sub(r"^the\s+", "", canonical.label, flags=re.I)
    if canonical.type == "Organization" and any(
        _SELF_LABELS.match(m.label.lower()) or company in (slugify(m.label), slugify(_without_legal_suffix(m.label)))
        for m in members
    ):
        return company
    if canonical.type == "Board":
        return f"{company}-board"
    if canonical.type == "Law":
        return _law_id(canonical)
    return slugify(label)
