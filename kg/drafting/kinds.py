"""The kind of claim a sentence makes, from the words that mark each kind, or None if it is no claim.

Kinds are the notations of ``ontology/claim-kinds.ttl`` (kg.vocab.ontology.vocabulary().kinds). A
sentence gets the first kind whose cue it contains, in an order that puts the most telling cues
first:

1. a statement about the report itself (its scope, period, currency, the guide it follows, where
   to send comments, a KPI it deems immaterial) is no company claim at all;
2. a forward-looking verb makes a commitment whatever else the sentence says;
3. complying with or following a named law or standard, or the absence of breaches, is compliance;
   a certificate against a standard is a certification, an award or a title given by a third party
   a recognition; who holds responsibility (a board's, a committee's) is governance; being the
   first, or having no incidents, an achievement; statistics from a named source, context;
4. a figure makes the sentence quantitative, unless its figures are all in a clause after a first
   clause without any (that clause then says the kind: "We prohibit X, and 64% of ..."), the
   sentence opens with an act and how many it did ("We replaced 2,140 lights", "we completed 38
   projects": an achievement), or all its figures
   are counts of the partners worked with, of what a programme did, of the people engaged or of
   what was accomplished: the count is then part of the partnership, the initiative, the engagement
   or the achievement (a figure with a unit, a share or an amount of money is a metric's value); a
   figure announced but not printed is quantitative too;
5. the remaining kinds are told apart by their cues: partnership, governance by a unit as the
   subject, context (where emissions or water come from), engagement, initiative by a product as
   the subject, policy (rules, codes, entitlements), initiative (programmes, services, acts told in
   the past tense), achievement; a short phrase with none of these cues names a topic, no claim;
   a sentence with none that names an award is a recognition, one that names a product or a
   programme an initiative (the entity types come from kg.drafting.entities).

The cues are ordinary English and HKEX/GRI reporting wording, not any report's phrasing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

TOPIC_WORDS = 6  # a phrase this short, with no cue and no full stop, names a topic

# -- 1. about the report ------------------------------------------------------------------

_ABOUT_REPORT = re.compile(
    r"^(?:\W*)(?:this|the|our)\s+(?:esg\s+|sustainability\s+|csr\s+|environmental,? social and governance\s+)?"
    r"(?:report|section|chapter|table|index)\b(?!\s+(?:to|directly)\s+the\s+board)"
    r"|\b(?:this|the present)\s+(?:esg\s+|sustainability\s+)?report\s+(?:covers|has been prepared|is prepared|"
    r"was prepared|summari[sz]es|presents|describes|sets out|discloses|follows|complies|is published|is available)"
    r"|\b(?:will be|are|is)\s+(?:discussed|described|presented|set out|detailed|explained)\s+(?:below|under|in "
    r"(?:this|the following|the next|later|other|each|the relevant|the)?\s*"
    r"(?:report|sections?|chapters?|tables?|pages?|parts?|appendix|index)\b|in the [A-Z]\w* (?:section|chapter)\b)"
    r"|^\W*this (?:[\w,()\"“”-]+\s+){0,8}?report\b(?:[^.]{0,200}?\))?[^.]{0,40}?"
    r"\b(?:covers|is prepared|has been prepared)\b"
    r"|\bapproved (?:this|the) (?:esg |sustainability )?report\b"
    r"|\b(?:emissions|data|figures|inventory|inventories)\s+(?:are|were|is|was|have been|has been)\s+"
    r"(?:calculated|accounted for|computed|estimated|compiled|quantified)\s+(?:with reference to|according to|"
    r"in accordance with|based on|using|following)\b"
    r"|\bin the following (?:sections|chapters|pages)\b|\bplease refer to\b|\bfor details,? (?:please )?(?:see|refer)\b"
    r"|\breporting (?:scope|boundary|period|principles?)\b.*\b(?:covers|includes|is|are)\b"
    r"|^\W*(?:the\s+)?reporting (?:scope|boundary|period|year)\s*[:：]"  # a label line: "Reporting period: ..."
    r"|\bwelcome (?:your|any|readers'?) (?:feedback|comments|suggestions|questions|opinions)\b"
    r"|\b(?:readers|stakeholders|you) are (?:welcome|invited|encouraged) to (?:send|share|give|provide|contact)\b"
    r"|\b(?:comments|feedback|suggestions|questions|enquiries|inquiries|opinions)\b[^.]{0,60}?\b(?:may|can|should)\s+be\s+"
    r"(?:sent|directed|addressed|made|forwarded|emailed|submitted)\b"
    r"|[\w.+-]+@[\w-]+\.[a-z][\w.-]*"  # an e-mail address: where to write about the report
    r"|^\W*(?:contacts?(?: us| details| information)?|enquiries|address|tel(?:ephone)?|fax|e-?mail|website)\s*[:：]"
    r"|^(?:it|this|the report|this report)\s+(?:was|has been|is)\s+(?:prepared|compiled|written|approved)\b"
    r"|^\W*(?:this|it) is (?:the|our) (?:[\w,-]+\s+){0,8}?report\b"
    r"|^it\s+(?:covers|includes|spans)\b"
    r"|\b(?:was|has been|is)\s+prepared\s+(?:under|in accordance with|with reference to|according to|following)\b"
    r"|\bunless (?:otherwise )?(?:stated|specified|indicated|noted|mentioned)\b"
    # "Franchised stores are excluded.": what the reporting boundary leaves out
    r"|^[^.]{0,80}?\b(?:is|are)\s+excluded(?:\s+from\s+(?:this|the)\s+(?:report|reporting\s+(?:scope|boundary)))?\.?$"
    r"|^\W*(?:all\s+)?(?:monetary\s+)?(?:amounts|figures|data|values|numbers)\s+(?:are|is)\s+"
    r"(?:expressed |presented |stated |reported |shown |given )?in\b"
    r"|\b(?:is|are) not (?:considered |deemed |regarded as )?(?:a )?material (?:to|for)\b"
    r"|\b(?:is|are) (?:considered |deemed )?(?:insignificant|immaterial|not applicable)\b"
    r"|\b(?:information|data|contents?|figures|scope|boundary|period) (?:in|of|disclosed in|contained in) "
    r"(?:this|the) (?:esg |sustainability )?report\b",
    re.I,
)
# Complying with or following a reporting guide is what the report does, not the company.
_REPORTING_GUIDE = re.compile(
    r"\b(?:(?:ESG|Environmental,? Social and Governance) Reporting Guide|ESG Guide|Appendix (?:27|C2)|"
    r"GRI Standards?|Listing Rules|reporting (?:guide|framework|standards?|requirements))\b",
    re.I,
)
_FOLLOWS = re.compile(
    r"\b(?:compl(?:y|ies|ied)|compliance|accordance|reference|follows?|followed|adopts?|adopted|prepared|"
    r"provisions|disclosure requirements)\b",
    re.I,
)

# -- 2. commitment ---------------------------------------------------------------------------

_COMMITMENT = re.compile(
    r"\b(?:(?<!free )(?<!good )(?<!political )will(?! power)|plans? to|planning to|planned to|aims? to|aiming to|"
    r"intends? to|targets? (?:to|of|a|an|is|for)|target is|strives? to|striving to|endeavou?rs? to|"
    r"(?<!been )commit(?:s|ted)? to|"
    r"undertakes? to|pledges? to|seeks? to|hopes? to|aspires? to|expects? to|going forward|in the future|"
    r"in the coming years?|next year|looking ahead|by (?:the end of )?(?:FY)?20[2-9]\d|"
    r"(?:vision|ambition|aspiration|goal|objective)s? (?:is|are) to|sets? (?:its|our) sights on)\b",
    re.I,
)

# -- 3. compliance, certification, recognition, responsibility ------------------------------

# A named law, regulation or external standard: capitalised words ending in the instrument's word.
_INSTRUMENT = (
    r"(?:the\s+)?(?:relevant\s+|applicable\s+)?(?:\(?[A-Z][\w'’().,/-]*\s+(?:(?:of|and|on|for|the|in|to)\s+)*){0,12}?"
    r"(?:Laws?|Ordinances?|Acts?|Regulations?|Rules|Standards?|Directives?|Conventions?|Provisions|Measures)\b"
)
_COMPLIES = re.compile(
    r"\b(?:compl(?:y|ies|ied|ying) with|in (?:strict |full )?compliance with|abid(?:es?|ing) by|abided by|"
    r"adher(?:e[sd]?|ing) to|in (?:strict )?accordance with (?:the )?(?:relevant |applicable )?(?:laws|regulations|"
    r"requirements)|strictly (?:observes?|follows?|implements?)|(?:was|were|is|are) not aware of any|"
    r"(?:did|does|do) not (?:identify|find|record|detect) any|"
    r"(?:was|were|has been|have been|is|are) not (?:been )?subject to any|"
    r"none of (?:our|the|its) (?:[\w-]+\s+){0,4}?(?:was|were|has been|have been) subject to any)\b"
    r"|\bno\s+(?:[\w-]+\s+){0,4}?(?:non-compliance|violations?|breach(?:es)?|penalt(?:y|ies)|fines?|sanctions?|"
    r"legal (?:cases?|proceedings|actions?)|lawsuits?|litigations?|prosecutions?|convictions?|cases? of|"
    r"complaints? (?:about|concerning|regarding|of|on|related to)\s+(?:[\w-]+\s+){0,3}?(?:breach|infringement|"
    r"violation|non-compliance|corruption|discrimination|harassment))"
    r"|\b(?:above|below|within|met|meets?|meeting|satisf(?:y|ies|ied)|exceed(?:s|ed)?)\s+(?:the\s+|all\s+)?"
    r"(?:regulatory|statutory|legal|prescribed|permitted) (?:minimum|maximum|limits?|requirements?|thresholds?)\b",
    re.I,
)
# Following, meeting or acting under a named instrument ("We follow the Employment Ordinance").
_FOLLOWS_INSTRUMENT = re.compile(
    r"\b(?i:follow(?:s|ed|ing)?|observ(?:es?|ed|ing)|meets?|met|conforms? to|in (?:strict |full )?(?:accordance|line) "
    rf"with|pursuant to|as required by)\s+{_INSTRUMENT}"
    # "We follow the recommendations of the Task Force on ...": a named body's recommendations
    r"|\b(?i:follow(?:s|ed|ing)?|adopt(?:s|ed|ing)?)\s+the\s+(?i:recommendations)\s+of\s+(?:the\s+)?[A-Z]"
)
_CERTIFICATION = re.compile(
    r"\b(?:certified|certificates?|certifications?|accredited|accreditation)\b(?!\s+(?:body|bodies))", re.I
)
# Holding or renewing what the sentence names as a certification (kg.drafting.entities), with no certificate word.
_HELD = re.compile(r"\b(?:holds?|held|renew(?:s|ed|al)|obtained|maintain(?:s|ed)|attained|achieved)\b", re.I)
# Certificates of renewable electricity, which a company buys and retires: a purchase of energy, no
# certificate of its own ("we buy green electricity certificates", "as more certificates were retired").
_ENERGY_CERTIFICATES = re.compile(
    r"\b(?:(?:green|renewable)\s+(?:electricity|energy|power)\s+certificates?|energy\s+attribute\s+certificates?|"
    r"I-RECs?|RECs|GECs?)\b"
    r"|\bcertificates?\s+(?:were|was|are|is|have\s+been)\s+(?:retired|surrendered|cancell?ed|bought|purchased)\b"
    r"|\b(?:retir(?:e|es|ed|ing)|surrender(?:s|ed)?|bought|purchas(?:e|es|ed)|buy)\s+(?:[\w-]+\s+){0,3}?certificates?\b",
    re.I,
)
# A standard a certificate is issued against ("ISO 14001", "... Standard").
_STANDARD = re.compile(r"\b(?:ISO|IEC|OHSAS|IATF|SA\s?8000|LEED|BEAM|BREEAM|FSC|PEFC|GB/T)\b|\b[Ss]tandards?\b")
_GIVEN = re.compile(r"\b(?:awarded|won|received|presented with|granted)\b", re.I)
_RECOGNITION = re.compile(
    r"\b(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+)?(?:awarded|honou?red|named|rated|"
    r"recogni[sz]ed|selected|listed|voted|presented with|granted the title)\b(?!\s+(?:to|highest|lowest)\b)"
    r"|\b(?:awarded|presented|conferred|bestowed) by\b|\b(?:won|wins?|winning)\b"
    r"|\branked (?:first|top|no\.|number|among|in|as|#|\d)|"
    r"\bnamed (?:as|a|an|the|one)\b|\brecogni[sz]ed as\b"
    r"|\b(?:received|receives?|obtained|earned|garnered|gained|won)\s+(?:\w+\s+){0,5}?(?:recognition|awards?|prizes?|"
    r"titles?|honou?rs?|accolades?|commendations?|medals?|praise|thank-you|thank you)\b"
    r"|\bhighly (?:recogni[sz]ed|endorsed|praised|acclaimed|commended|appreciated)\b"
    r"|\btitle of\b|\baccolades?\b|\bmedals?\b|\bcommended\b|\bselected as\b|\blisted (?:as|in|among) (?:the|one)\b",
    re.I,
)
# An award or prize the sentence names; it is the company's own ("set up the ... Award") when made by it.
_AWARD = re.compile(r"\b(?:awards?|prizes?)\b(?!\s+shares?)", re.I)
_OWN_AWARD = re.compile(
    r"\b(?:set up|established|launched|introduced|created|founded|granted|awarded to|award shares?|share award)\b", re.I
)
_RESPONSIBILITY = re.compile(
    r"\b(?:has|have|holds?|held|bears?|takes?|assumes?|retains?|had)\s+(?:the\s+)?(?:overall|ultimate|full|primary|"
    r"final|collective)\s+(?:responsibility|accountability|oversight)\b"
    r"|\b(?:chaired|led|headed|convened)\s+by\s+(?:the|our|its|a|an)\b"
    r"|\b(?:chaired|headed|convened)\s+by\s+(?:independent|executive|non-executive|(?-i:[A-Z])\w*)\b"
    r"|\b(?:committee|working group|task ?force|council|team)\s+(?:with|comprising|consisting of|composed of|"
    r"made up of)\s+(?:[\w-]+\s+){0,2}?(?:members|representatives|heads|directors)\b"
    r"|\b(?:leads?|chairs?|heads?|convenes?)\s+(?:the|our|its)\s+(?:[\w-]+\s+){0,4}?(?:board|committee|council|"
    r"working group|task ?force)\b"
    r"|\b(?:supported|assisted|owned|overseen|supervised|coordinated)\s+by\s+(?:the|our|its|a|an)\s+"
    r"(?:member of the\s+)?(?:[\w-]+\s+){0,4}?(?:board|committee|council|department|team|working group|task ?force|"
    r"officer|office|division)\b"
    r"|\bunder the (?:supervision|leadership|guidance|oversight) of the (?:[\w-]+\s+){0,4}?"
    r"(?:board|committee|council)\b"
    r"|\bmanagement structure\b|\bgovernance structure\b"
    r"|\b(?:set up|established|formed|restructured|built|created)\s+(?:the|a|an|our|its)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:board|committee|council|department|team|working group|task ?force)\b"
    r"|\b(?:board|committee|council|department|team|working group|task ?force)s?\s+(?:has|have|had)?\s*"
    r"(?:been|was|were)\s+(?:set up|established|formed)\b"
    r"|\bappointed\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,4}?(?:officer|manager|director|head|representative)\b"
    r"|^\W*(?:(?:in|during)\s[^,]{1,30}?,?\s+)?(?:the|our|its)\s+(?:(?-i:[A-Z])[\w&-]*\s+){0,4}(?:board|committee|council|"
    r"working group)\s+(?:reviewed|oversaw|discussed|monitored|supervised|considered|evaluated)\b",
    re.I,
)

# -- 4. figures ----------------------------------------------------------------------------

# A figure: a number that is not a year, a code ("ISO 14001", "A1.2", "SDG 7") or a list number.
# A number right after a capitalised word is a name's ("Model 3", "Phase 2", "Top 50"), not a figure.
_FIGURE = re.compile(
    r"(?<![\w./-])(?!(?:19|20)\d\d(?!\d|,\d|\.\d))(?<!ISO )(?<!SDG )(?<!SDGs )(?<!Cap\. )(?<!Goal )"
    r"(?<![A-Z] )(?<![A-Z][A-Za-z] )(?<![A-Z][A-Za-z]{2} )(?<![A-Z][A-Za-z]{3} )(?<![A-Z][A-Za-z]{4} )"
    r"(?<![A-Z][A-Za-z]{5} )(?<![A-Z][A-Za-z]{6} )(?<![A-Z][A-Za-z]{7} )(?<!No\. )"
    r"\d[\d,]*(?:\.\d+)?(?![\w.]?\d)(?!\))(?:\s*%|\s*[a-zA-Z³²]+)?",
)
# A figure the sentence says is not there ("are not yet measured"): quantitative, per the scheme's
# definition (a claim that announces a figure it omits).
_OMITTED = re.compile(
    r"\b(?:is|are|was|were|has|have) not (?:yet |been )*(?:measured|monitored|recorded|disclosed|collected|"
    r"calculated|quantified|tracked)\b|\bnot (?:yet )?available\b",
    re.I,
)
# Past tenses that do not end in -ed.
_IRREGULAR_PAST = (
    r"built|held|made|ran|began|took|gave|sent|brought|led|won|grew|became|set up|wrote|spent|sold|met|paid"
)
# What is kept from being disclosed ("to ensure that a user's number is not disclosed") is no omitted figure.
_SAFEGUARD = re.compile(r"\b(?:ensur(?:e|es|ing)|so that|prevent(?:s|ing)?|protect(?:s|ing)?)\b", re.I)
# A programme, scheme or association as the sentence's subject: its counts tell what it did.
_PROGRAMME_SUBJECT = re.compile(
    r"^\W*(?:(?:in|since|during|from|by|as at|as of|over)\s[^,]{1,40},\s*)?(?:(?:the|our|its|this|their)\s+)?"
    r"(?:[\w“”\"'’&-]+\s+){0,6}?(?:programmes?|programs?|schemes?|campaigns?|"
    r"initiatives?|projects?|associations?|clubs?|foundations?|scholarships?|funds?|academy|academies)\b"
    r"(?:,[^,]{0,80},)?\s+"
    rf"(?:\w+ly\s+)?(?:has\s+|have\s+)?(?:[a-z]+(?:ed|s)|{_IRREGULAR_PAST})\b"
    r"|\bin support of (?:the )?(?:UN |United Nations )?(?:SDGs?|Sustainable Development Goals?|Goal)\b"
    r"|^\W*through\s+(?:the|our|its)\s+(?:[\w“”\"'’&-]+\s+){0,6}?(?:programmes?|programs?|schemes?|campaigns?|"
    r"initiatives?|projects?|academy|academies|funds?)\b",
    re.I,
)
_ENGAGED = re.compile(
    r"\b(?:engag(?:ed|es|e|ing)|surveyed|consulted|interviewed)\b[^.]{0,80}?\b(?:through|via|by|in|with)\b"
    r"|\b(?:surveyed|consulted|interviewed|engaged)\s+(?:[\w,-]+\s+){0,6}?stakeholders\b"
    r"|\bstakeholders\b[^.]{0,40}?\b(?:responded to|took part in|participated in|completed|answered)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:surveys?|questionnaires?|interviews?|assessments?)\b"
    # "ran an online survey answered by 1,146 stakeholders": the survey as the subject
    r"|\b(?:surveys?|questionnaires?)\s+(?:was\s+|were\s+)?(?:answered|completed|filled in)\s+by\s+"
    r"(?:[\w,-]+\s+){0,4}?(?:stakeholders|customers|employees|suppliers|investors|residents)\b",
    re.I,
)
# A new thing tried or put in place, told with a count of where or how many ("we piloted ... in 12
# stores", "launched 3 campaigns"): the initiative, not a metric's value.
_TRIED = re.compile(r"\b(?:trial(?:l)?ed|piloted|launched|rolled out)\b", re.I)
# Acts that accomplish something, told with a count of what was done ("We replaced 2,140 lights",
# "• installing 12 charging points"): an achievement in words, not a metric's value.
_ACCOMPLISHED = re.compile(
    r"\b(?:replac|install|upgrad|retrofitt?|convert|complet|assess|distribut|plant|renovat|refurbish|deliver|"
    r"switch|phas)(?:ed|ing)\b(?! by\b)"
    r"|\b(?:built|rebuilt)\b",
    re.I,
)
# Where a sentence's first clause ends: the kind of a sentence is its main clause's, and figures in a
# clause added after it ("We prohibit X, and 64% of ...") are that clause's.
_CLAUSE_END = re.compile(r",\s+(?:and|which|while|whereas|with)\s+|;\s+|:\s+(?=[a-z])")
# A year, the only number a first clause may print and still decide the kind ("In 2022 we prohibited ...").
_YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.]\d)")
# A change told in words is a metric's, whose figures follow: "Emissions fell, and ... 5%".
_CHANGED = re.compile(
    r"\b(?:fell|rose|grew|dropped|declined|increased|decreased|reduced|improved|went (?:up|down)|"
    r"higher|lower|more|less|fewer)\b",
    re.I,
)
# Certificates people obtain are their qualifications, not the company's certification.
_PEOPLE_CERTIFIED = re.compile(
    r"\b(?:employees|staff|workers|students|trainees|participants|drivers|technicians|members|colleagues)\b"
    r"[^.]{0,60}?\b(?:obtained|received|earned|gained|passed|were awarded)\b[^.]{0,60}?\bcertificat",
    re.I,
)
# What the company buys being certified ("All copy paper we buy is certified by ...") is its procurement policy.
_PROCURED = re.compile(
    r"\b(?:we|the group|the company)\s+(?:buy|purchase|procure|source|order)\b[^.]{0,30}?\b(?:is|are)\s+certified\b",
    re.I,
)
# People taking part in a named programme: "Over 1,100 employees joined Acme Thrive".
_PARTICIPATED = re.compile(
    r"\b(?:joined|took part in|participated in|enrolled in|attended|benefit(?:ed|ted) from)\s+(?-i:[A-Z])", re.I
)
# A sentence opening with what was done and how many: "We replaced 2,140 lights ...", "• installing 18 ...".
_ACCOMPLISHED_START = re.compile(
    r"^\W*(?:(?:in|during|since)\s[^,]{1,30}?,?\s+)?(?:we\s+(?:also\s+)?)?(?:replac|install|upgrad|retrofitt?|convert|"
    r"renovat|refurbish|plant|complet)(?:ed|ing)\s+(?:over |more than |about |approximately |nearly )?\d",
    re.I,
)
# -- 5. the remaining kinds ------------------------------------------------------------------

_ACHIEVED_FIRST = re.compile(
    r"\b(?:is|was|became|become|becoming|being|as)\s+(?:the|one of the)\s+(?:[\w-]+\s+){0,3}?first\b"
    r"|\b(?:world|industry|country|nation|market)['’]?s first\b|\bfirst in the (?:industry|world|country|market)\b"
    r"|\bno\s+(?:[\w-]+\s+){0,3}?(?:incidents?|accidents?|fatalit(?:y|ies)|injur(?:y|ies)|issues|outbreaks?|"
    r"interruptions?|disruptions?|leaks?|spills?|losses|complaints?)\b"
    r"(?!\s+(?:management|response|reporting|prevention|handling|mechanisms?|channels?|procedures?))",
    re.I,
)
# Background the report cites: statistics and definitions, where a resource or an emission comes from.
_BACKGROUND = re.compile(
    r"\baccording to (?:the )?(?:statistics|data|figures|estimates)\b|\bstatistics (?:from|of|by|released)\b", re.I
)
_SOURCES = re.compile(
    r"\b(?:arises?|arising|arose|comes?|coming|derived?|derives|originates?|stems?)\s+(?:mainly\s+|primarily\s+|"
    r"largely\s+|mostly\s+|chiefly\s+)?from\b"
    r"|\b(?:is|are)\s+(?:mainly\s+|primarily\s+|largely\s+)?(?:supplied|sourced)\s+(?:by|from)\b"
    r"|\b(?:main|principal|major|primary|largest)\s+(?:sources?|forms?|types?|contributors?)\s+of\b"
    r"|\b(?:mainly|primarily|largely|mostly)\s+(?:includes?|included|consists? of|comprises?)\b"
    r"|\bdraws?\s+(?:[\w-]+\s+)?(?:municipal|mains|city|public|tap)\s+water\b"
    r"|\bdraws?\s+(?:its\s+|our\s+|their\s+)?water\s+from\b"
    r"|\b(?:mainly|primarily|largely|mostly)\s+(?:located|based|situated)\s+in\b"
    r"|\b(?:refers? to|is defined as|are defined as)\b"
    r"|\bas defined by (?:the )?(?:local|national|relevant|(?-i:[A-Z]))",
    re.I,
)
# Membership as the sentence's main clause: "We joined ...", "The Group became a signatory to ...".
_JOINED = re.compile(
    r"^\W*(?:(?:in|since|during)\s[^,]{1,30},\s*)?"
    r"(?:we|the (?:group|company|bank)|(?-i:[A-Z][\w&-]*)(?: (?-i:[A-Z][\w&-]*)| \([^)]{1,30}\)){1,6})"
    r"\s+(?:joined|(?:became|is|are|was|has become) (?:a |an )?(?:member|signatory|partner|supporter)s?)\b",
    re.I,
)
_FISCAL_YEAR = re.compile(r"\bFY\s?\d{2}(?:\d{2})?(?:/\d{2})?\b")
# A second predicate of the sentence's subject, joined without a comma: "... in 2023 and cut ...".
_ALSO_DID = re.compile(r"\s+and\s+(?:we\s+|it\s+|then\s+)?(?=[a-z]+\b)(?!the\b|our\b|its\b|other\b)")
_PARTNERSHIP = re.compile(
    r"\b(?:partner(?:ed|ing|ship)?s? with|in partnership with|co-?operat(?:ed|es|ion) with|in co-?operation with|"
    r"collaborat(?:ed|es|e|ion) with|joined hands with|teamed up with|together with|agreements? with|"
    r"(?:member|members|council members?) of"
    r"(?! (?:the|our) (?:[\w-]+\s+){0,3}?(?:board|committee|management|team|staff)\b)|"
    r"joined the|strategic partners?|signatory (?:to|of)|run with|in collaboration with|jointly with)\b"
    r"|^\W*(?:together )?with (?:the )?(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))* (?:we|our)\b",
    re.I,
)
_GOVERNANCE = re.compile(
    r"\b(?:board|committee|council|department|team|working group|task ?force|officer)s?\b.{0,60}?"
    r"\b(?:is|are|was|were)?\s*"
    r"(?:responsible for|oversees?|oversaw|supervis(?:es|ed|e)|reports? to|accountable for|in charge of|"
    r"review(?:s|ed)? and approv)",
    re.I,
)
# A unit of the organisation as the subject of a verb: what that unit does is who is responsible.
_UNIT_SUBJECT = re.compile(
    r"^\W*(?:(?:the|our|its|each)\s+)?(?:[A-Z][\w&-]*\s+){0,6}(?:Board|Committee|Council|Department|[Tt]eam|"
    r"Working Group|Task ?[Ff]orce|Officer|Division)s?\b(?:,[^,]{0,80},)?\s+(?:\w+ly\s+)?(?:is|are|meets?|monitors?|"
    r"oversees?|carries|conducts?|reviews?|manages?|leads?|coordinates?|supervises?|approves?|implements?|reports?|"
    r"handles?|ensures?|owns?|sets?|evaluates?|assesses?|guides?|directs?)\b"
)
_ENGAGEMENT = re.compile(
    r"\b(?:stakeholders?|engag(?:e|ed|es|ement) with|engagement|communicat(?:e|ed|es|ing|ion) with|"
    r"communication channels?|"
    r"surveys?|questionnaires?|interviews?|feedback|listen(?:ed|s|ing)? to|consult(?:s|ed|ing|ations?)?|dialogues?|"
    r"materiality assessments?|"
    r"opinions|expectations|exchang(?:e|ed|es|ing) (?:[\w-]+\s+){0,2}?(?:views|insights|ideas|experiences?)|"
    r"shar(?:e|ed|es|ing) (?:[\w-]+\s+){0,3}?(?:experiences?|insights|practices)|invited|visited|"
    r"participat(?:e|ed|es|ing|ion) in (?:[\w-]+\s+){0,4}?(?:drafting|standards?|standardi[sz]ation|conferences?|"
    r"summits?|forums?|seminars?|discussions?|dialogues?|consultations?))\b",
    re.I,
)
_POLICY = re.compile(
    r"\b(?:polic(?:y|ies)|procedures?|code of conduct|handbook|manual|guidelines|mechanisms?|management systems?|"
    r"has (?:established|formulated|adopted|implemented)|have (?:established|formulated|adopted|implemented)|"
    r"requires?|required|prohibits?|prohibited|forbidden|not (?:allowed|permitted|tolerated)|zero tolerance|"
    r"entitled to|(?:does|do) not discriminate|principles? of|shall|strictly|regularly|all employees|must|"
    r"(?:does|do) not (?:employ|hire|recruit|use|engage|accept))\b"
    r"|\b(?:formulated|issued|released|revised|updated|adopted|implemented|enacted|drew up|drawn up)\b.{0,80}?"
    r"\b(?:regulations?|rules|codes?|clauses|specifications?|standards?|processes|charters?|principles)\b",
    re.I,
)
_INITIATIVE = re.compile(
    r"\b(?:launched|organi[sz]ed|held|hosted|initiated|set up|established|introduced|programmes?|programs?|"
    r"campaigns?|projects?|initiatives?|activities|events?|donated|sponsored|volunteers?|volunteering|"
    r"offers?|offered|provides?|provided|organi[sz]es?|promotes?|promoted|publici[sz]es?|enables?|allows?|helps?|"
    r"services?|functions?|features?|functionalit(?:y|ies)|trainings?|audits?)\b",
    re.I,
)
# A product or service as the subject of what it offers ("Our savings account has no monthly fee").
_PRODUCT_SUBJECT = re.compile(
    r"^\W*(?:our|the|its|this|these)\s+(?:[\w-]+\s+){0,4}?(?:accounts?|loans?|products?|services?|apps?|"
    r"applications?|platforms?|cards?|policies|insurance|devices?|features?|functions?|tools?)\s+(?:also\s+)?"
    r"(?:has|have|offers?|provides?|allows?|lets?|enables?|helps?|features?|supports?|gives?|includes?|charges?|"
    r"requires? no|needs? no)\b",
    re.I,
)
_ACHIEVEMENT = re.compile(
    r"\b(?:achieved|accomplished|completed|reduced|increased|improved|reached|exceeded|became|saved|recorded|"
    r"succeeded|the first|successfully)\b",
    re.I,
)
# Background about the world, not the company.
_WORLD = re.compile(
    r"\b(?:according to (?:the )?(?-i:[A-Z])|statistics|worldwide|globally|around the world|there (?:are|is|were|was)|"
    r"is defined as|"
    r"means)\b",
    re.I,
)
_COMPANY = re.compile(r"\b(?:we|our|us|the (?:group|company|bank|corporation))\b", re.I)
# Words in -ed that describe rather than tell of an act ("is committed to", "qualified contractors").
_ADJECTIVES = (
    r"(?:committed|dedicated|devoted|based|related|located|qualified|limited|listed|detailed|advanced|required|"
    r"expected|interested|concerned|involved|experienced|skilled|automated|integrated|centrali[sz]ed|hundred|need|"
    r"speed|seed|feed|exceed|proceed|succeed)"
)
# An act told in the past tense ("Replaced ...", "we installed ...", "... were planted"), and a
# practice told in the present passive ("... is handed to qualified contractors").
_PAST = re.compile(
    rf"^\W*(?:[A-Z][a-z]+ly )?(?:[A-Z][a-z]+ed|[a-z]+ed|(?i:{_IRREGULAR_PAST}))\b"
    rf"|\b(?!{_ADJECTIVES}\b)(?:[a-z]{{3,}}ed|(?<=we )(?:{_IRREGULAR_PAST}))\b"
)
_NOT_PAST = re.compile(r"^\W*(?:Based|United|Related|Dedicated|Committed|Used to|Red)\b")
_PRESENT_PASSIVE = re.compile(
    r"\b(?:is|are)\s+(?:not\s+|\w+ly\s+)?[a-z]{3,}(?:ed|en)\b(?!\s+(?:to|by) (?:be|the end))", re.I
)

# In order, after the statements about the report: the first kind whose cue the sentence contains.
_BEFORE_FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("commitment", _COMMITMENT),
    ("compliance", _COMPLIES),
    ("compliance", _FOLLOWS_INSTRUMENT),
)
_AFTER_FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("partnership", _PARTNERSHIP),
    ("governance", _GOVERNANCE),
    ("governance", _UNIT_SUBJECT),
    ("context", _SOURCES),
    ("engagement", _ENGAGEMENT),
    ("initiative", _PRODUCT_SUBJECT),
    ("policy", _POLICY),
    ("initiative", _INITIATIVE),
    ("achievement", _ACHIEVEMENT),
)


def about_report(sentence: str) -> bool:
    """Whether the sentence is about the report (its scope, period, currency, guide, contacts), not the company."""
    text = sentence.strip()
    if _ABOUT_REPORT.search(text):
        return True
    return bool(_REPORTING_GUIDE.search(text) and _FOLLOWS.search(text))


def claim_kind(sentence: str, figures: Sequence[str | None] | None = None, named: Collection[str] = ()) -> str | None:
    """The notation of the sentence's claim kind, or None when it states nothing about the company.

    ``figures`` are the units of the figures a reader took from the sentence (None for a bare
    count), or None when no reader has read it: then any number that is not a year or a code is
    taken for a figure. A short phrase with no cue and no full stop (a list item naming a topic) is
    None too. A sentence with no cue at all is ``context`` when it speaks of the world
    (statistics, definitions) without a first-person or company subject, ``initiative`` when it
    tells of something done (a past-tense verb), else ``policy`` (how the company describes its way
    of working).

    ``named`` are the types of the entities the sentence names (kg.drafting.entities): an award
    named in a sentence with no other cue ("• Green Factory - Ministry of Industry") is a
    recognition, a product or programme named so is an initiative. Figures only in a clause after
    the first ("We prohibit X, and 64% of ...") leave the first clause to say what kind of claim
    the sentence makes.
    """
    text = sentence.strip()
    clause = _CLAUSE_END.search(text)
    if clause and _RESPONSIBILITY.search(text, 0, clause.start()) and not about_report(text[: clause.start()]):
        # "The Board has overall responsibility for ..., and confirms that it approved this report": who
        # is responsible is the main clause; approving the report is added after it
        return "governance"
    if not text or about_report(text):
        return None
    for kind, pattern in _BEFORE_FIGURES:
        if found := pattern.search(text):
            if kind == "compliance" and clause and clause.end() <= found.start():
                # "Our system is certified to ISO/IEC 27001, and we comply with ...": the first clause's kind
                first = _third_party(text[: clause.start()])
                if first == "certification":
                    return first
            return kind
    clause = _CLAUSE_END.search(text)
    if clause and _JOINED.search(text, 0, clause.start()):
        return "partnership"  # "We joined the X Initiative in 2022, and our plant was certified to ..."
    joined = _JOINED.search(text)
    also = _ALSO_DID.search(text, joined.end()) if joined and clause is None else None
    if also and not re.search(r"\d", _YEAR.sub("", _FISCAL_YEAR.sub("", text[: also.start()]))):
        return "partnership"  # "We joined the X Initiative in 2023 and cut our speed to 10 knots": no comma
    kind = _third_party(text)
    if kind is not None:
        return kind
    if "Certification" in named and _HELD.search(text):
        return "certification"  # "Plant B holds the scheme's Gold rating, renewed in May": a named one held
    if _RESPONSIBILITY.search(text):
        return "governance"
    if _ACHIEVED_FIRST.search(text):
        return "achievement"
    if _BACKGROUND.search(text):
        return "context"
    states = bool(figures) if figures is not None else bool(_FIGURE.search(text))
    if states and _ACCOMPLISHED_START.search(text):
        return "achievement"
    if states:
        clause = _CLAUSE_END.search(text)
        first = text[: clause.start()] if clause else text
        if (
            clause
            and not re.search(r"\d", _YEAR.sub("", first))
            and len(first.split()) >= 4
            and not _CHANGED.search(first)
        ):
            return _worded_kind(first) or _fallback(first, named)
        if figures is not None and all(unit is None for unit in figures):
            if _PARTNERSHIP.search(first):
                return "partnership"
            if _PROGRAMME_SUBJECT.search(text):
                return "initiative"
            if _ENGAGED.search(text):
                return "engagement"
            if _PARTNERSHIP.search(text):
                return "partnership"
            if _ACCOMPLISHED.search(first):
                return "achievement"
            if _TRIED.search(first):
                return "initiative"  # "we trialled refill stations in 12 stores": a trial, its reach counted
            if _PARTICIPATED.search(first) and "Initiative" in named:
                return "initiative"
        return "quantitative"
    omitted = _OMITTED.search(text)
    if omitted and not _SAFEGUARD.search(text, 0, omitted.start()):
        return "quantitative"
    return _worded_kind(text) or (None if _topic(text) else _fallback(text, named))


def _topic(text: str) -> bool:
    """A bare phrase with no cue names a topic ("Product quality and safety"), it states nothing."""
    return len(text.split()) <= TOPIC_WORDS and not re.search(r"[.!?]$", text)


def _worded_kind(text: str) -> str | None:
    """The kind the cues of a sentence without figures say, or None when it has none of them."""
    for kind, pattern in _AFTER_FIGURES:
        if pattern.search(text):
            return kind
    return None


def _fallback(text: str, named: Collection[str]) -> str:
    """The kind of a sentence with no cue: what it names, what it speaks of, its tense."""
    if "Award" in named and not _OWN_AWARD.search(text):
        return "recognition"
    if named and {"Product", "Initiative"} & set(named):
        return "initiative"
    if _WORLD.search(text) and not _COMPANY.search(text):
        return "context"
    if _PAST.search(text) and not _NOT_PAST.search(text) and not _PRESENT_PASSIVE.search(text):
        return "initiative"
    return "policy"


def _third_party(text: str) -> str | None:
    """``certification`` for a certificate against a standard, ``recognition`` for an award, a title, a ranking.

    A certificate that was awarded and names no standard ("awarded the ... Certificate by ...") is
    an award; an award the company set up or gives is neither.
    """
    if (
        _CERTIFICATION.search(_ENERGY_CERTIFICATES.sub(" ", text))
        and (_STANDARD.search(text) or not _GIVEN.search(text))
        and not _PEOPLE_CERTIFIED.search(text)
        and not _PROCURED.search(text)
    ):
        return "certification"
    if _RECOGNITION.search(text) and not re.search(r"\bawarded\s+(?:[\w-]+\s+){0,4}?to\b", text, re.I):
        return "recognition"
    if _AWARD.search(text) and not _OWN_AWARD.search(text):
        return "recognition"
    return None
