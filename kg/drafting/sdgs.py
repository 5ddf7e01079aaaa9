"""SDG links and reporting-guide KPIs of a sentence: the ones it prints, and the few a rule may infer.

A printed "SDG 7" or "KPI A1.2" is the company's own alignment (basis "stated"). Anything else is
csr-kg's reading and says so: an SDG inferred by a keyword rule carries the rule as its rationale,
and only phrases that name a goal's own subject (greenhouse gas emissions, renewable energy,
anti-corruption ...) fire, so an inferred link is rare and defensible rather than frequent. A KPI
inferred for a figure comes from the catalogue's crosswalks (ontology/crosswalks.ttl, read by
:mod:`kg.vocab.crosswalks`), the mapping a curator made, and carries that mapping's IRI and comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.drafting.kinds import claim_kind
from kg.vocab.crosswalks import metric_kpis
from kg.vocab.ontology import DEFAULT_STANDARD, vocabulary


@dataclass(frozen=True)
class SDGLinkDraft:
    """An SDG link as a claim sheet's ``sdgs:`` entry writes it."""

    goal: int
    basis: str  # "stated" or "inferred"
    rationale: str | None = None


@dataclass(frozen=True)
class KPIDraft:
    """A reporting-guide code a claim discloses, as a claim sheet's ``kpis:`` lists it, with why."""

    code: str
    basis: str  # "stated" (printed) or "inferred" (from a crosswalk of the figure's metric)
    rationale: str


_NUMBER = r"(1[0-7]|[1-9])(?!\.?\d)"
# "SDG 7", "SDGs 3, 4 and 8", "SDG7", "Sustainable Development Goal 13", "Goals 6 and 14", "(SDG 12.5)".
_STATED = re.compile(
    rf"\b(?:SDGs?|UN ?SDGs?|Sustainable Development Goals?|Goals?)\s*(?:No\.\s*|#)?{_NUMBER}"
    rf"((?:\s*(?:,|and|&|/|or)\s*(?:SDG\s*)?(?:1[0-7]|[1-9])(?!\.?\d))*)",
)
_MENTIONS_SDGS = re.compile(r"\bSDGs?\b|Sustainable Development Goals?", re.I)

# (goal, pattern, rationale): each pattern names the goal's own subject, in the words of its targets.
_RULES: tuple[tuple[int, re.Pattern[str], str], ...] = tuple(
    (goal, re.compile(pattern, re.I), rationale)
    for goal, pattern, rationale in (
        (1, r"\bpoverty (?:alleviation|reduction)\b|\balleviat\w* poverty\b", "poverty alleviation (SDG 1)"),
        (2, r"\bfood banks?\b|\bhunger\b|\bfood (?:donations?|security)\b", "food donation and hunger relief (SDG 2)"),
        (
            3,
            r"\b(?:public health|medical (?:care|services|supplies)|vaccin\w+|disease prevention)\b",
            "health care and disease prevention (SDG 3 target 3.8)",
        ),
        (
            4,
            r"\bscholarships?\b|\b(?:primary|secondary) schools?\b|\beducation (?:programmes?|programs?|funds?)\b",
            "education of children and young people (SDG 4)",
        ),
        (
            5,
            r"\bgender (?:equality|diversity|pay gap)\b|\bwomen[’']s empowerment\b",
            "gender equality (SDG 5 target 5.5)",
        ),
        (
            6,
            r"\b(?:water (?:consumption|conservation|saving|efficiency|recycling)|wastewater|sewage)\b",
            "water use efficiency and wastewater (SDG 6 targets 6.3 and 6.4)",
        ),
        (
            7,
            r"\b(?:renewable energy|solar (?:panels?|power|energy|photovoltaic)|energy efficiency|energy[- ]saving)\b",
            "renewable energy and energy efficiency (SDG 7 targets 7.2 and 7.3)",
        ),
        (
            8,
            r"\b(?:child labou?r|forced labou?r|decent work|occupational (?:health|safety)|"
            r"work-related (?:injur|fatalit)\w*)\b",
            "labour rights and safe working environments (SDG 8 targets 8.7 and 8.8)",
        ),
        (
            10,
            r"\bpersons? with disabilit\w+\b|\bdisabled (?:people|persons|employees)\b|\binformation accessibility\b",
            "inclusion of persons with disabilities (SDG 10 target 10.2)",
        ),
        (
            12,
            r"\b(?:recycl\w+|circular economy|waste reduction|reduc\w+ (?:of )?(?:packaging|waste)|hazardous waste)\b",
            "waste reduction and recycling (SDG 12 target 12.5)",
        ),
        (
            13,
            r"\b(?:greenhouse gas|GHG|carbon (?:emissions?|neutral\w*|footprint)|climate change|net[- ]zero)\b",
            "greenhouse gas emissions and climate action (SDG 13)",
        ),
        (
            14,
            r"\b(?:marine (?:conservation|life|litter)|ocean (?:plastics?|conservation)|coral reefs?)\b",
            "marine conservation (SDG 14)",
        ),
        (
            15,
            r"\b(?:biodiversity|tree planting|afforestation|reforestation|wildlife conservation)\b",
            "biodiversity and forests (SDG 15)",
        ),
        (
            16,
            r"\b(?:anti-corruption|corruption|bribery|money laundering|anti-money laundering)\b",
            "anti-corruption and anti-bribery (SDG 16 target 16.5)",
        ),
    )
)

# A claim that names only awards, laws or standards: a theme in their titles ("Occupational Safety
# and Health Ordinance") is not an action of the company's on it.
_NO_INFERENCE_TYPES = frozenset({"Award", "Law", "Standard"})


def sdg_links(sentence: str, entity_types: Iterable[str] = ()) -> list[SDGLinkDraft]:
    """The SDGs the sentence prints (stated), else the ones a keyword rule infers, by goal.

    ``entity_types`` are the sheet types of the entities the claim is about; a claim about awards,
    laws or standards alone gets no inferred link, nor does a sentence that is no company claim
    or states a fact about the world (kg.drafting.kinds: None or ``context``). Stated goals
    suppress inference: the company has said which.
    """
    stated: set[int] = set()
    if _MENTIONS_SDGS.search(sentence):
        for match in _STATED.finditer(sentence):
            stated.add(int(match.group(1)))
            stated.update(int(n) for n in re.findall(r"1[0-7]|[1-9]", match.group(2)))
    if stated:
        return [SDGLinkDraft(goal, "stated", "the sentence names the goal") for goal in sorted(stated)]
    types = set(entity_types)
    if (types and types <= _NO_INFERENCE_TYPES) or claim_kind(sentence) in (None, "context"):
        return []
    inferred: dict[int, str] = {}
    for goal, pattern, rationale in _RULES:
        match = pattern.search(sentence)
        if match and goal not in inferred:
            inferred[goal] = f"csr-kg keyword rule: “{match.group()}” names {rationale}"
    return [SDGLinkDraft(goal, "inferred", why) for goal, why in sorted(inferred.items())]


_KPI = re.compile(r"\b(?:KPIs?|Aspects?|General Disclosures?)\s+([AB]\d{1,2}(?:\.\d{1,2})?)(?![\w.]?\d)")
_BARE_CODE = re.compile(r"(?<![\w.])([AB]\d{1,2}\.\d{1,2})(?![\w.]?\d)")
_GRI = re.compile(r"\bGRI\s+(\d{1,3}-\d{1,2})\b")


def kpi_codes(sentence: str, metric_notation: str | None, standard: str | None) -> list[KPIDraft]:
    """The KPI codes the sentence prints (stated), else those the crosswalk gives its figure's metric.

    ``standard`` is the report's guide notation (report.yaml ``standard``; None reads the default
    guide, as the loader does). A printed code the guide does not have is not a KPI of it.
    """
    standard = standard or DEFAULT_STANDARD
    known = vocabulary().codes(standard)
    pattern = _GRI if standard.startswith("gri") else None
    printed = [m.group(1) for m in (pattern or _KPI).finditer(sentence)]
    if pattern is None:
        printed += [m.group(1) for m in _BARE_CODE.finditer(sentence)]
    stated = sorted({code for code in printed if code in known})
    if stated:
        return [KPIDraft(code, "stated", f"the sentence prints {code}") for code in stated]
    if metric_notation is None:
        return []
    return [KPIDraft(k.code, "inferred", k.rationale) for k in metric_kpis(metric_notation, standard)]
