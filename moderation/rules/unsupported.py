"""Unsupported claims: research appeals, statistics and vague authority with no citation in the
sentence (WP:MEDRS, MOS:WEASEL, FTC Health Products Compliance Guidance 2022), and cited claims
whose only sources are too weak for them. The statistic pattern is detectors/statistics.py, as
claims.py reads it too; weak_sources asks claims.py which sentences claim a benefit."""

import re
from collections.abc import Iterator

from moderation import triggers
from moderation.base import ClaimCategory, Hit
from moderation.claims import claim_for_sentence
from moderation.detectors.statistics import POPULATION_RE, STAT_QUICK_RE, STATISTIC, STATISTIC_RE
from moderation.document import Document
from moderation.language import ANIMAL_CONTEXT_RE, NEGATOR_RE, is_negated
from moderation.patterns import GatedAlternation, ci

_FINDING = (
    r"(?:shows?|showed|shown|find|finds|found|suggests?|suggested|suggesting|indicates?|indicated|indicating"
    r"|demonstrates?|demonstrated|demonstrating|proves?|proved|proven|confirms?|confirmed|reveals?|revealed"
    r"|establish(?:es|ed)?|links?|linked|supports?|backs?|backed|points? to|pointed to|tells? us"
    r"|discover(?:s|ed)?|uncover(?:s|ed)?|observed|observes|reported|reports that|concluded|concludes"
    r"|says|(?<!can\s)(?<!could\s)(?<!will\s)(?<!would\s)(?<!to\s)say(?!\s+(?:whether|if)\b)|ties|tie|tied|connects?"
    r"|connected|credits?"
    r"|credited)"
)
_RESEARCH_NOUN = (
    r"(?:research|studies|study|trials?|clinical trials?|evidence|science|scientists|researchers|data|findings"
    r"|experiments?|meta-analys[ie]s|reviews?|literature|investigations?|surveys?|polls?|papers|publications)"
)
# Each branch with the words it cannot match without (see patterns.GatedAlternation).
RESEARCH_APPEAL_RE = GatedAlternation([
    (("research", "stud", "trial", "evidence", "science", "scientist", "data", "finding", "experiment", "meta-analys",
      "review", "literature", "investigation", "survey", "poll", "paper", "publication"),
     rf"\b{_RESEARCH_NOUN}(?:\s+(?!(?:is|are|was|were|needed)\b)[\w'’-]+(?:,\d{{3}})*){{0,5}}?\s+(?:(?:has|have|had|also"
     rf"|now|consistently|repeatedly|clearly|strongly|recently|already|just|first)\s+)*{_FINDING}\b"),
    (("study", "trial", "review", "meta-analysis", "survey", "report", "paper", "experiment"),
     r"\b(?:a|one|the|this|that|recent|new|landmark)\s+(?:(?:recent|new|large|small|major|landmark|groundbreaking|"
     r"published|\d{4}|clinical|randomi[sz]ed|controlled|double-blind|placebo-controlled|harvard|stanford)[\s,-]+){0,4}"
     r"(?:study|trial|review|meta-analysis|survey|report|paper|experiment)\s+(?:published|conducted|appearing|"
     r"presented|carried out|from|by|at|in)\b"),
    (("according to",),
     r"\baccording to (?:a|one|the|recent|new|several|some|many|multiple|current|\d{4})\s*(?:[\w-]+\s+){0,3}?"
     r"(?:study|studies|trial|trials|research|review|survey|report|data|evidence|findings|scientists|researchers)\b"),
    (("been",),
     r"(?:\b(?:has|have|had)|['’]s|['’]ve) been (?:clinically |scientifically )?(?:shown|proven|demonstrated|found"
     r"|documented|established)(?: (?:time and (?:time )?again|again and again|repeatedly|consistently|conclusively"
     r"|many times))? (?:to|that)\b"),
    (("clinically", "scientifically", "medically"),
     r"\b(?:clinically|scientifically|medically) (?:proven|shown|tested|validated|backed)\b"),
    (("documented", "established", "researched", "studied"),
     r"\b(?:well|widely|extensively)[- ](?:documented|established|researched|studied)\b"),
    (("based on", "backed by", "as noted in", "as shown in"),
     r"\b(?:based on|backed by|as noted in|as shown in) (?:current |recent |the |scientific |clinical )*(?:research"
     r"|studies|evidence|science)\b"),
    (("body of",), r"\b(?:growing|large|strong|mounting|substantial) body of (?:research|evidence)\b"),
    (("science", "research", "evidence", "data", "literature", "studies"),
     r"(?<!whether )(?<!whether the )(?<!if )(?<!if the )\b(?:the )?(?:science|research|evidence|data|literature|studies)"
     r" (?:is|are) (?:now |really |very |quite |absolutely |totally |pretty )?(?:clear|settled|unequivocal|conclusive"
     r"|overwhelming|undeniable|indisputable)\b"),
])
# A research noun with no finding ("more research is needed", "studies are under way") is not an appeal.
NOT_AN_APPEAL_RE = ci(
    r"\b(?:no|few|little|limited|insufficient|more|further|larger|future|inconsistent|inconclusive|mixed|weak"
    r"|conflicting)\s+(?:\w+\s+)?(?:research|studies|evidence|trials)\b",
)

STRONG_FINDING_RE = ci(r"\b(?:show|found|prove|demonstrat)")
DAILY_VALUE_RE = ci(r"\bdaily value\b|%\s?DV\b|\bDV\b|\bRDA\b|elemental")

VAGUE_AUTHORITY_RE = ci(
    r"\b(?:(?:many|most|some|top|leading|health|medical|nutrition)\s+)?(?:experts|doctors|physicians|scientists"
    r"|nutritionists|dietitians|health professionals|professionals|specialists|practitioners|naturopaths"
    r"|clinicians)\s+(?:(?:in|across|throughout) [\w ]{1,20}?\s+|who [^,.;]{1,40}?\s+)?(?:\w+\s+){0,2}?(?:agree|say"
    r"|believe|recommend|suggest|advise|consider|claim|swear|think|know|warn|tell|known|knew|switch\w*|turn\w* to"
    r"|accept|acknowledge|admit|report|reports|(?:have|has) (?:long )?(?:used|prescribed|relied on) [^.;]{0,40}?for"
    r" (?:years|decades|centuries|generations)"
    r"|insist|prescribe|praise|tout|endorse|love)\b"
    r"|\baccording to (?:many |most |some |the |leading |top )?(?:[\w-]+ )?(?:experts|doctors|scientists|health experts"
    r"|specialists|nutritionists|professionals|physicians)\b"
    r"|\b(?:it is|it['’]s)\s+(?:widely|well|generally|commonly|often|universally)\s+(?:known|accepted|believed"
    r"|agreed|recognized|recognised|acknowledged|understood)\b"
    r"|\b(?:is|are)\s+(?:widely|often|commonly|frequently|generally|usually|universally|increasingly)\s+(?:recommended"
    r"|considered|regarded|thought|believed|accepted|recognized|recognised|touted|praised|hailed|prescribed|cited"
    r"|described)\b"
    r"|\b(?:some|many)\s+(?:people\s+)?(?:say|believe|claim|argue)\b"
    r"|\b(?:is|are)\s+(?:thought|believed|said|reputed|known)\s+to\b|\bis (?:well )?known for\b"
    r"|\bthe consensus is\b|\bmost (?:experts|doctors|people) agree\b"
    r"|\b(?:it is|it['’]s|is)\s+common knowledge\b|\bcommon knowledge (?:among|that)\b",
)


RESEARCH = triggers.define("research", [
    "research", "stud", "trial", "evidence", "scien", "data", "finding", "experiment", "meta", "review", "literatur",
    "investigat", "report", "paper", "survey", "been", "clinically", "medically", "document", "establish", "accord",
    "based", "backed", "noted", "shown", "body", "poll", "publication",
])
VAGUE = triggers.define("vague_authority", [
    "expert", "doctor", "physician", "scientist", "nutritionist", "dietitian", "professional", "specialist",
    "practitioner", "naturopath", "clinician", "known", "accepted", "believ", "agreed", "recogni", "acknowledg",
    "understood", "recommended", "considered", "regarded", "thought", "touted", "praised", "hailed", "prescribed",
    "cited", "described", "said", "reputed", "consensus", "say", "claim", "argue", "agree", "knowledge",
])


def _uncited(doc: Document, pattern: re.Pattern, group: str, *, negation=True, quick: re.Pattern | None = None,
             headings=True, negation_words=3):
    for sentence in doc.triggered(group):
        if sentence.cited or sentence.is_question or (sentence.is_heading and not headings):
            continue
        if quick is not None and not quick.search(doc.lower, sentence.start, sentence.end):
            continue
        for m in pattern.finditer(sentence.text):
            if negation and (is_negated(sentence.text, m.start(), words=negation_words)
                             or NEGATOR_RE.search(m.group(0))):
                continue
            yield sentence, m
            break


def research_appeal(doc: Document) -> Iterator[Hit]:
    """ "Research shows", "studies have found", "a 2021 study published in ..." with no citation."""
    # Five words back: "No form of magnesium has been shown to ..." denies the finding.
    for sentence, m in _uncited(doc, RESEARCH_APPEAL_RE, RESEARCH, headings=False, negation_words=5):
        head = sentence.text[max(0, m.start() - 30):m.end()]
        if NOT_AN_APPEAL_RE.search(head) and not STRONG_FINDING_RE.search(m.group(0)):
            continue
        yield Hit(
            sentence.start + m.start(), sentence.start + m.end(),
            f"“{sentence.text[m.start():m.end()]}” appeals to research without citing it in the sentence.",
            "Add a citation to the study (e.g. [[cite:pmid:NUMBER]]), or remove the appeal.",
        )


def statistic(doc: Document) -> Iterator[Hit]:
    """Percentages, fractions and counts of people ("over half of adults", "seven in ten") with no citation."""
    for sentence, m in _uncited(doc, STATISTIC_RE, STATISTIC, negation=False, quick=STAT_QUICK_RE):
        if DAILY_VALUE_RE.search(sentence.text) and "%" in m.group(0) and not POPULATION_RE.search(m.group(0)):
            continue
        yield Hit(
            sentence.start + m.start(), sentence.start + m.end(),
            f"The statistic “{sentence.text[m.start():m.end()]}” has no citation.",
            "Add a citation for the figure, or remove it.",
        )


MODAL_RE = ci(r"\b(?:may|might|could|can)\s+(?:suggest|recommend|advise|prescribe|offer)\b")
MAGNESIUM_OBJECT_RE = ci(
    r"\b(?:magnesium|supplements?|supplementation|capsules?|tablets?|pills?|products?|brands?|glycinate|citrate"
    r"|oxide|malate|taurate|threonate|chloride|sulfate|it|this|them)\b",
)


def vague_authority(doc: Document) -> Iterator[Hit]:
    """ "Experts agree", "doctors recommend", "is often recommended": authority with no one named or cited."""
    for sentence, m in _uncited(doc, VAGUE_AUTHORITY_RE, VAGUE, negation=False, headings=False):
        if MODAL_RE.search(m.group(0)):
            # "doctors may suggest a preventive treatment": what care a reader may be offered, not an
            # appeal to authority, unless what is suggested is magnesium or a supplement.
            after = sentence.text[m.end():m.end() + 80]
            end = re.search(r"[,;:.]", after)
            if not MAGNESIUM_OBJECT_RE.search(after[: end.start()] if end else after):
                continue
        yield Hit(
            sentence.start + m.start(), sentence.start + m.end(),
            f"“{sentence.text[m.start():m.end()]}” attributes the statement to an unnamed authority.",
            "Name and cite the source (who recommends it, where), or state the evidence directly.",
        )


def weak_sources(doc: Document) -> Iterator[Hit]:
    """A cited efficacy or disease claim whose resolved sources are all animal, in vitro, expert-opinion
    or manufacturer material."""
    if not doc.sources:
        return
    for sentence in doc.prose:
        if not sentence.cited:
            continue
        resolved = [doc.sources[k] for k in sentence.keys if k in doc.sources]
        if not resolved or not all(s.is_weak for s in resolved):
            continue
        category = claim_for_sentence(doc, sentence)
        if category not in (ClaimCategory.EFFICACY, ClaimCategory.DISEASE):
            continue
        if ANIMAL_CONTEXT_RE.search(sentence.text):
            continue  # the sentence says what kind of evidence it is
        designs = ", ".join(sorted({s.study_design.replace("_", " ") for s in resolved}))
        yield Hit(
            sentence.start, sentence.end,
            f"A health-benefit claim supported only by weak sources ({designs}). Health benefits need randomized "
            "controlled trials in people; animal, in-vitro, expert-opinion and manufacturer sources are not enough.",
            "Cite a human RCT or systematic review, or say plainly what the evidence is (e.g. “in rats”) and "
            "soften the claim.",
        )
