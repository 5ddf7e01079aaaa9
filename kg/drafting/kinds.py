"""The kind of claim a sentence makes, from the words that mark each kind, or None if it is no claim.

Kinds are the notations of ``ontology/claim-kinds.ttl`` (kg.vocab.ontology.vocabulary().kinds). A
sentence gets the first kind whose cue it contains, in an order that puts the most telling cues
first: a statement about the report itself is no company claim at all; a forward-looking verb
makes a commitment whatever else the sentence says; "complies with" a law, a certificate, an
award are each decided by one phrase; a figure makes the sentence quantitative; the remaining
kinds are told apart by their verbs. The cues are ordinary English, not any report's wording.
"""

from __future__ import annotations

import re

# A sentence about the report, its scope or its layout, not about what the company does.
_ABOUT_REPORT = re.compile(
    r"^(?:\W*)(?:this|the|our)\s+(?:esg\s+|sustainability\s+|csr\s+|environmental,? social and governance\s+)?"
    r"(?:report|section|chapter|table|index)\b(?!\s+(?:to|directly)\s+the\s+board)"
    r"|\b(?:this|the present)\s+(?:esg\s+|sustainability\s+)?report\s+(?:covers|has been prepared|is prepared|"
    r"was prepared|summari[sz]es|presents|describes|sets out|discloses|follows|complies|is published|is available)"
    r"|\b(?:will be|are|is)\s+(?:discussed|described|presented|set out|detailed|explained)\s+(?:below|under|in "
    r"(?:this|the following|the next|later|other|each|the relevant|the)?\s*"
    r"(?:report|sections?|chapters?|tables?|pages?|parts?|appendix|index)\b|in the [A-Z]\w* (?:section|chapter)\b)"
    r"|\bin the following (?:sections|chapters|pages)\b|\bplease refer to\b|\bfor details,? (?:please )?(?:see|refer)\b"
    r"|\breporting (?:scope|boundary|period|principles?)\b.*\b(?:covers|includes|is|are)\b"
    r"|\bwelcome (?:your|any) (?:feedback|comments|suggestions)\b"
    r"|^(?:it|this|the report|this report)\s+(?:was|has been|is)\s+(?:prepared|compiled|written)\b"
    r"|^it\s+(?:covers|includes|spans)\b"
    r"|\b(?:was|has been|is)\s+prepared\s+(?:under|in accordance with|with reference to|according to|following)\b",
    re.I,
)
_COMMITMENT = re.compile(
    r"\b(?:will|shall|plans? to|planning to|aims? to|aiming to|intends? to|targets? (?:to|of)|target is|strives? to|"
    r"striving to|endeavou?rs? to|commit(?:s|ted)? to|is committed to|are committed to|pledges? to|seeks? to|"
    r"expects? to|going forward|in the future|in the coming years?|next year|looking ahead|"
    r"by (?:the end of )?20[2-9]\d)\b",
    re.I,
)
_COMPLIANCE = re.compile(
    r"\b(?:compl(?:y|ies|ied) with|in (?:strict )?compliance with|abides? by|abided by|adhere[sd]? to|"
    r"in accordance with "
    r"(?:the )?(?:relevant |applicable )?(?:laws|regulations|requirements)|strictly (?:observes?|follows?|implements?)|"
    r"(?:was|were) not aware of any (?:material )?non-compliance|no (?:material )?(?:non-compliance|violation)s?)\b",
    re.I,
)
_CERTIFICATION = re.compile(
    r"\b(?:certified|certificates?|certifications?|accredited|accreditation)\b(?!\s+(?:body|bodies))", re.I
)
_RECOGNITION = re.compile(
    r"\b(?:awarded|award(?:s|ed)?|prizes?|honou?red|ranked|named (?:as|a|an|the|one)|recogni[sz]ed as|won|medal|"
    r"accolade|commended|selected as|listed (?:as|in|among) (?:the|one))\b",
    re.I,
)
# A figure: a number that is not a year, a code ("ISO 14001", "A1.2", "SDG 7") or a list number.
# A number right after a capitalised word is a name's ("Model 3", "Phase 2", "Top 50"), not a figure.
_FIGURE = re.compile(
    r"(?<![\w./-])(?!(?:19|20)\d\d(?!\d|,\d|\.\d))(?<!ISO )(?<!SDG )(?<!SDGs )(?<!Cap\. )(?<!Goal )"
    r"(?<![A-Z] )(?<![A-Z][A-Za-z] )(?<![A-Z][A-Za-z]{2} )(?<![A-Z][A-Za-z]{3} )(?<![A-Z][A-Za-z]{4} )"
    r"(?<![A-Z][A-Za-z]{5} )(?<![A-Z][A-Za-z]{6} )(?<![A-Z][A-Za-z]{7} )(?<!No\. )"
    r"\d[\d,]*(?:\.\d+)?(?![\w.]?\d)(?!\))(?:\s*%|\s*[a-zA-Z³²]+)?",
)
_PARTNERSHIP = re.compile(
    r"\b(?:partner(?:ed|ing|ship)?s? with|in partnership with|co-?operat(?:ed|es|ion) with|in co-?operation with|"
    r"collaborat(?:ed|es|ion) with|joined hands with|teamed up with|member of|joined the|strategic partner)\b",
    re.I,
)
_GOVERNANCE = re.compile(
    r"\b(?:set up|established|formed|restructured)\s+(?:the|a|an|our)\s+(?:\w+\s+){0,5}?"
    r"(?:board|committee|department|team|working group|task force)\b|"
    r"\b(?:board|committee|department|team|working group|task force|officer)s?\b.{0,60}?\b(?:is|are|was|were)?\s*"
    r"(?:responsible for|oversees?|oversaw|supervis(?:es|ed|e)|reports? to|chaired by|led by|accountable for|"
    r"in charge of|review(?:s|ed)? and approv)",
    re.I,
)
_ENGAGEMENT = re.compile(
    r"\b(?:stakeholders?|engag(?:e|ed|es|ement) with|communicat(?:e|ed|es|ion) with|surveys?|questionnaires?|"
    r"interviews?|feedback|listen(?:ed|s)? to|consult(?:ed|ation)s?)\b",
    re.I,
)
_POLICY = re.compile(
    r"\b(?:polic(?:y|ies)|procedures?|code of conduct|handbook|manual|guidelines|mechanisms?|management systems?|"
    r"has (?:established|formulated|adopted|implemented)|have (?:established|formulated|adopted|implemented)|"
    r"requires?|prohibits?|strictly|regularly|all employees|must)\b",
    re.I,
)
_INITIATIVE = re.compile(
    r"\b(?:launched|organi[sz]ed|held|hosted|initiated|set up|established|introduced|programmes?|programs?|"
    r"campaigns?|projects?|initiatives?|activities|events?|donated|sponsored|volunteers?|volunteering)\b",
    re.I,
)
_ACHIEVEMENT = re.compile(
    r"\b(?:achieved|accomplished|completed|reduced|increased|improved|reached|exceeded|became|saved|recorded|"
    r"succeeded|the first|successfully)\b",
    re.I,
)

# Background about the world, not the company.
_WORLD = re.compile(
    r"\b(?:according to|statistics|worldwide|globally|around the world|there (?:are|is|were|was)|arises? from|"
    r"comes? from|refers? to|is defined as|means)\b",
    re.I,
)

# A figure the sentence says is not there ("are not yet measured"): quantitative, per the scheme's
# definition (a claim that announces a figure it omits).
_OMITTED = re.compile(
    r"\b(?:is|are|was|were|has|have) not (?:yet |been )*(?:measured|monitored|recorded|disclosed|collected|"
    r"calculated|quantified|tracked)\b|\bnot (?:yet )?available\b",
    re.I,
)

# In order: the first kind whose cue the sentence contains.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("commitment", _COMMITMENT),
    ("compliance", _COMPLIANCE),
    ("certification", _CERTIFICATION),
    ("recognition", _RECOGNITION),
    ("quantitative", _FIGURE),
    ("quantitative", _OMITTED),
    ("partnership", _PARTNERSHIP),
    ("governance", _GOVERNANCE),
    ("engagement", _ENGAGEMENT),
    ("policy", _POLICY),
    ("initiative", _INITIATIVE),
    ("achievement", _ACHIEVEMENT),
)


def claim_kind(sentence: str) -> str | None:
    """The notation of the sentence's claim kind, or None when it states nothing about the company.

    A sentence about the report ("This report covers ...", "... are discussed in the following
    sections") is None; one with no cue at all is ``context`` when it speaks of the world (statistics,
    definitions) without a first-person or company subject, ``initiative`` when it tells of
    something done (a past-tense verb), else ``policy`` (how the company describes its way of working).
    """
    text = sentence.strip()
    if not text or _ABOUT_REPORT.search(text):
        return None
    for kind, pattern in _RULES:
        if pattern.search(text):
            return kind
    if _WORLD.search(text) and not re.search(r"\b(?:we|our|us|the (?:group|company|bank|corporation))\b", text, re.I):
        return "context"
    if re.search(r"\b[a-z]{3,}ed\b", text):
        return "initiative"
    return "policy"
