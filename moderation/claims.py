"""Health claims: the sentences of an article a medical reviewer must approve one by one.

extract_claims (through reviewer_claim) lists every sentence that states something a reviewer must
check: an effect, mechanism or benefit, a dose or limit, a safety fact or risk, a statistic, a
reported study or guideline finding (also one that found nothing), a cause of a condition, a
disease statement (also a negated one: "does not cure"). It leaves out what a sentence does on the
page rather than says: headings, titles and table headers, questions, transitions and filler ("In
this article we will explore ..."), disclaimers ("consult your doctor before ..." with nothing else
to check), navigation, bylines and boilerplate. A list item or table cell with no claim of its own
takes its lead-in's or column's. Measured on a hand-labelled table (tests/moderation/claims/, run by
tests/moderation/test_claims_table.py).

claim_for_sentence is the narrower question the rules ask (does the sentence claim a benefit, a
disease effect, a dose, a risk or a statistic for magnesium); rules/unsupported.weak_sources reads
it, so it keeps its behaviour whatever the reviewer's list does. Disease matches, doses and
statistics come from the same detectors the rules read (moderation/detectors). Rules may read claims;
claims never read rules.
"""

import bisect
import re

from moderation import triggers
from moderation.base import Claim, ClaimCategory, fingerprint
from moderation.detectors.disease import disease_matches
from moderation.detectors.doses import doses
from moderation.detectors.statistics import STAT_QUICK_RE, STATISTIC, STATISTIC_RE
from moderation.document import Document, Sentence
from moderation.language import SUBJECT_RE, is_negated, is_rejected
from moderation.patterns import ci
from moderation.triggers import trie_regex

EFFECT_RE = ci(
    r"\b(?:improv\w*|reduc\w*|reliev\w*|relief|help\w*|support\w*|prevent\w*|lower\w*|boost\w*|calm\w*|eas(?:e|es|ed"
    r"|ing)|alleviat\w*|protect\w*|promot\w*|enhanc\w*|aid\w*|benefit\w*|beneficial|effective\w*|works?|treat\w*"
    r"|cur(?:e|es|ed|ing)|heal\w*|repair\w*|revers\w*|regulat\w*|restor\w*|strengthen\w*|increas\w*|decreas\w*"
    r"|soothe\w*|relax\w*|fight\w*|combat\w*|stabili[sz]\w*|normali[sz]\w*|optimi[sz]\w*|maintain\w*|contribut\w*"
    r"|regenerat\w*|slows?|stops?|eliminat\w*|manag\w*|control\w*|lessen\w*|minimi[sz]\w*|amplif\w*|better"
    r"|sharpen\w*|speeds? up|melts? away|shrinks?|rebuild\w*|makes? (?:\w+ )?(?:learn|think|sleep|recover|perform"
    r"|focus|remember)\w*|switch(?:es|ed|ing)? on|activat\w*|unlock\w*|rais(?:e|es|ed|ing)|keep(?:s|ing)|shield\w*)\b"
    # a product said to be absorbed better than others: a benefit claim for the product
    r"|\b(?:absorbed|absorbs) (?:\w+ ){0,2}(?:better|more (?:easily|completely|readily)|as well)\b(?= than| as)",
)
SAFETY_RE = ci(
    r"\b(?:safe|safely|safety|side effects?|diarrh\w+|nausea|toxic\w*|overdose|hypermagnes\w+|laxative|tolerated"
    r"|well-tolerated|interact\w*|kidney|renal|upper limit|cramping|adverse|harm\w*|risk\w*|caution)\b",
)
STATEMENT_VERB_RE = ci(r"\b(?:is|are|can|may|cause\w*|should|could|be)\b")
_HEALTH_WORDS = (
    "sleep", "insomnia", "muscle", "muscles", "cramp", "cramps", "spasm", "spasms", "nerve", "nerves", "pain", "anxiety",
    "stress", "mood", "migraine", "migraines", "headache", "headaches", "blood", "pressure", "heart", "bone", "bones",
    "energy", "fatigue", "inflammation", "sugar", "glucose", "insulin", "symptom", "symptoms", "health", "function",
    "constipation", "digestion", "relaxation", "recovery", "brain", "memory", "level", "levels", "deficiency",
    "absorption", "leg", "legs", "restless", "fibromyalgia", "osteoporosis", "immune", "metabolism", "tension", "calm",
    "stamina", "endurance", "performance", "learning", "learn", "remember", "focus", "concentration", "alertness",
    "reaction", "strength", "skin", "joints", "cartilage", "testosterone", "hormone", "hormones", "libido",
    "tablets", "capsules", "forms", "supplements", "form", "cells", "nervous",
)
HEALTH_OBJECT_RE = ci(
    rf"(?<![\w-])(?:(?:{trie_regex(['neuropath', 'depress', 'diabet', 'cognit'])})\w*|(?:{trie_regex(_HEALTH_WORDS)})\b)",
)


def _subject(doc: Document, sentence: Sentence) -> bool:
    text = sentence.text
    index = _index(doc)
    if doc.lower.find("magnesium", sentence.start, sentence.end) != -1:
        return True
    if sentence.index in index["forms"] and doc.reference.form_re.search(text):
        return True
    if sentence.index in index["products"] and doc.config.product_re and doc.config.product_re.search(text):
        return True
    if SUBJECT_RE.search(text):
        # "it", "this", "supplements": about magnesium when the sentence before was
        previous = doc.previous(sentence)
        return previous is not None and "magnesium" in doc.lower[previous.start:previous.end]
    return False


def _index(doc: Document) -> dict[str, set[int]]:
    def compute(doc: Document) -> dict[str, set[int]]:
        return {
            "disease": {m.sentence.index for m in disease_matches(doc)},
            "dosage": {d.sentence.index for d in doses(doc)},
            "statistic": {s.index for s in doc.triggered(STATISTIC)
                          if STAT_QUICK_RE.search(doc.lower, s.start, s.end) and STATISTIC_RE.search(s.text)},
            "safety": {s.index for s in doc.triggered(SAFETY)},
            "forms": {s.index for s in doc.triggered("ref:forms")},
            "products": {s.index for s in doc.triggered("cfg:products")},
        }

    return doc.memo("claim_index", compute)


def claim_for_sentence(doc: Document, sentence: Sentence) -> ClaimCategory | None:
    """The claim category of `sentence`, or None when it makes no health claim."""
    if sentence.in_reference_list or sentence.is_question or len(sentence.text) < 12:
        return None
    index = _index(doc)
    if sentence.index in index["disease"]:
        return ClaimCategory.DISEASE
    if sentence.index in index["dosage"]:
        return ClaimCategory.DOSAGE
    if not _subject(doc, sentence):
        return None
    text = sentence.text
    if sentence.index in index["safety"] and SAFETY_RE.search(text) and STATEMENT_VERB_RE.search(text):
        return ClaimCategory.SAFETY
    if sentence.index in index["statistic"]:
        return ClaimCategory.STATISTIC
    # An effect verb with a health object after it (within 80 characters), not negated.
    last_verb_end = -1
    for h in HEALTH_OBJECT_RE.finditer(text):
        for m in EFFECT_RE.finditer(text, max(0, h.start() - 100, last_verb_end), h.start()):
            last_verb_end = m.end()
            if h.start() - m.end() <= 80 and not is_negated(text, m.start(), words=4):
                return ClaimCategory.EFFICACY
    return None


SAFETY = triggers.define("safety", [
    "safe", "side", "diarrh", "nausea", "toxic", "overdose", "hypermagnes", "laxative", "tolerat", "well-tolerated",
    "interact", "kidney", "renal", "upper", "cramping", "adverse", "harm", "risk", "caution",
])


# -- What a reviewer must check -------------------------------------------------------------------
#
# claim_for_sentence answers the rules' question: does this sentence claim a benefit, a disease
# effect, a dose, a risk or a statistic for magnesium? rules/unsupported.weak_sources asks it and a
# flag depends on the answer, so it stays as it is. The reviewer's question is wider and narrower at
# once: every sentence a medical reviewer must check before publication (a reported study finding, a
# risk, a cause of a condition, a negated or hedged effect, a list item that inherits its lead-in's
# claim), and no heading, question, transition, disclaimer or page furniture, however health-laden
# its words. reviewer_claim answers that one; extract_claims lists its answers.
#
# Each pattern below but the two common ones (health words, effect verbs) comes with word stems
# that every match of it contains (triggers.py): it runs only on sentences holding one.


class _Pattern:
    """A case-insensitive pattern tried only on sentences that hold one of `stems`."""

    def __init__(self, name: str, stems: list[str], source: str):
        self.group = triggers.define(f"claims:{name}", stems)
        self.re = ci(source)


# Body, symptom, condition and outcome words: what a health statement is about.
HEALTH_RE = ci(
    r"(?<![\w-])(?:nerv(?:e|es|ous)|neur\w+|pain\w*|muscl\w+|muscular|cramp\w*|spasm\w*|twitch\w*|sleep\w*|asleep"
    r"|insomnia|anxi\w+|stress\w*|mood\w*|depress\w+|migraine\w*|headache\w*|blood|heart\w*|cardi\w+|circulat\w+"
    r"|bones?|fatigue\w*|inflammat\w+|anti-inflammatory|glucose|insulin|diabet\w+|symptoms?|health|healthy|healthier"
    r"|constipat\w+|digestive|gut|bowel|stomach\w*|relax\w*|recover\w*|brain\w*|cognit\w+|memory|deficien\w+"
    r"|absor\w+|bioavailab\w+|legs?|restless|fibromyalgia|osteoporosis|immun\w+|metabolism|tension|calm\w*"
    r"|kidneys?|renal|laxatives?|diarrh\w+|nausea|neurotransmitter\w*|gaba|nmda|receptors?|myelin|regenerat\w+"
    r"|repair\w*|heal\w*|damage\w*|diseases?|illness\w*|injur\w+|numb(?:ness|ed)?|tingl\w+|sore\w*|swelling"
    r"|weakness|\w*excit\w+|sensitiv\w+|discomfort|well-being|wellbeing|relief|pregnan\w+|attacks|seizures?"
    r"|hypertension|tolerat\w+|well-tolerated|side effects?|conditions?|disorders?|syndrome|medicines?"
    r"|medications?|treatments?|cures?|therap(?:y|ies)|tissues?|levels?|effective\w*|effects?"
    r"|benefit\w*|improvements?|support|quality of life|energy|learn\w*|remember\w*|focus\w*"
    r"|concentration|alertness|stamina|endurance|performance|strength|skin|joints?|cartilage|testosterone"
    r"|hormones?|libido|tiredness)(?![\w-])",
)
# An effect or a cause in verb form (not "relaxation"), or an outcome compared, whatever the subject.
EFFECT_VERB_RE = ci(
    r"\b(?:improv(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|reliev(?:e|es|ed|ing)|help(?:s|ed|ing)?|supports?|supported"
    r"|supporting|prevent(?:s|ed|ing)?|lower(?:s|ed|ing)|boost(?:s|ed|ing)|(?:can|may|might|could|will|to|help|helps"
    r"|does|do) (?:lower|boost|calm)|calms|calming|eas(?:e|es|ed|ing)|alleviat(?:e|es|ed|ing)|protect(?:s|ed|ing)?"
    r"|promot(?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)|aids|aided|treat(?:s|ed|ing)?|cur(?:e|es|ed|ing)|heal(?:s|ed|ing)?"
    r"|repair(?:s|ed|ing)?|revers(?:e|es|ed|ing)|regulat(?:e|es|ed|ing)|restor(?:e|es|ed|ing)|strengthen\w*"
    r"|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|sooth(?:e|es|ed|ing)|relax(?:es|ed|ing)?|fight(?:s|ing)?"
    r"|combat(?:s|ed|ing)?|stabili[sz](?:e|es|ed|ing)|normali[sz](?:e|es|ed|ing)|maintain(?:s|ed|ing)?"
    r"|contribut(?:e|es|ed|ing|or|ors)|regenerat(?:e|es|ed)|slow(?:s|ed|ing)?|stop(?:s|ped|ping)?"
    r"|manag(?:e|es|ed|ing)|control(?:s|led|ling)?|lessen\w*|minimi[sz](?:e|es|ed|ing)|target(?:s|ed|ing)"
    r"|affects|influenc(?:e|es|ed|ing)|caus(?:es|ed|ing)|(?:can|may|might|could|will|to|often|also|not) cause"
    r"|lead(?:s|ing)? to|led to|result(?:s|ed|ing)? in|trigger(?:s|ed|ing)?|worsen(?:s|ed|ing)?"
    r"|exacerbat(?:e|es|ed|ing)|damag(?:es|ed|ing)|deplet(?:e|es|ed|ing)|disrupt(?:s|ed|ing)?|impair(?:s|ed|ing)?"
    r"|linked (?:to|with)|associated with|stimulat(?:e|es|ed|ing)|facilitat(?:e|es|ed|ing)|penetrat(?:e|es|ed|ing)"
    r"|cross(?:es|ing)|passes|(?:can|may|to|will) attack|works?|worked|benefit(?:s|ed)?|advantages?|counteract\w*"
    r"|amplif\w+|optimi[sz](?:e|es|ed|ing)|floods?|activat(?:e|es|ed|ing)|block(?:s|ed|ing)?|modulat(?:e|es|ed|ing)"
    r"|loosen\w*|stem(?:s|ming)? from|aris(?:e|es|ing) from|accompan(?:y|ies|ied)|fewer|sooner|less frequent"
    r"|(?:common|leading|main|major|significant|most common) (?:cause|contributor|symptom|sign|trigger)s?"
    r"|recommend(?:s|ed|ing)?|eliminat(?:e|es|ed|ing)|sharpen(?:s|ed|ing)?|speeds? up|melts? away|shrinks?"
    r"|rebuild(?:s|ing)?|switch(?:es|ed|ing)? on|unlock(?:s|ed|ing)?|rais(?:e|es|ed|ing)|keeps?|keeping"
    r"|shield(?:s|ed|ing)?|makes? (?:\w+ )?(?:learn|think|sleep|recover|perform|focus|remember)\w*)\b",
)
# "or increased sensitivity", "with reduced feeling": a participle describing a noun, not an effect.
ATTRIBUTIVE_BEFORE_RE = ci(r"(?:^|\b(?:or|and|with|of|for|by|an?|the|to|in|your|their)\s+|[,(:;]\s*)$")
# "increase your intake": an amount eaten, not an effect on the body.
INTAKE_OBJECT_RE = ci(r"\s+(?:your |their |our |the )?(?:daily )?(?:magnesium )?intake\b")
PRONOUN_OBJECT_RE = ci(r"\s+(?:\w+\s+)?(?:it|them|this|these|those)\b")  # matched where the verb ends

# Harm and tolerance: a safety statement whatever its subject ("Oxide may act as a laxative").
HARM = _Pattern("harm", [
    "side", "toxic", "toxin", "overdos", "hypermagnes", "laxativ", "tolerat", "interact", "adverse", "harm", "risk",
    "danger", "unsafe", "safe", "caution", "irregular", "cardiac", "build", "loosen", "gentle", "should",
    "avoid",
], r"\b(?:should (?:not take|avoid|stop|skip)|avoid (?:magnesium|supplements?|taking)|side effects?|toxic\w*|toxins?|overdos\w+|hypermagnes\w+|laxative\w*|tolerat\w+|well-tolerated"
   r"|interact(?:s|ion|ions)?|adverse|harm\w*|risk\w*|danger\w*|unsafe|safe|safely|safety|caution\w*"
   r"|irregular heartbeat|cardiac arrest|build up|loosen\w* stools?)\b|\bgentle on (?:the |your )?(?:stomach|digestive|gut)")
SAFE_WORD_RE = ci(r"safe|safely|safety|caution\w*")  # harm words that a disclaimer uses too
# Symptoms that are side effects when something is said to bring them on ("may cause diarrhea");
# "attacks often bring nausea" describes a migraine.
SIDE_EFFECT = _Pattern("side_effect", ["diarrh", "nausea", "vomit", "upset", "drowsiness"],
                       r"\b(?:diarrh\w+|nausea|vomit\w*|upset|drowsiness)\b")
BRINGS_ON_RE = ci(r"\b(?:caus\w+|likely|risk\w*|dose|doses|supplement\w*|magnesium|may|can)\b")
# What a study, review, guideline or "research" showed, including that the evidence is missing.
EVIDENCE = _Pattern("evidence", [
    "stud", "trial", "research", "evidence", "review", "meta-analys", "cochrane", "placebo", "randomi", "systematic",
    "clinical", "guideline", "proof", "proven", "shown", "demonstrated", "concluded", "fact", "well-documented",
    "best-documented", "anecdotal", "found", "tell", "cohort", "the authors",
], r"\b(?:stud(?:y|ies)|trials|research\w*|evidence|cohorts?|the authors|(?<!star )(?<!customer )(?<!user )reviews?|reviewers"
   r"|meta-analys[ie]s|cochrane|placebo\w*|randomi[sz]ed|systematic|clinical(?:ly)?|guidelines?|proof|proven|shown"
   r"|demonstrated|concluded|fact sheet|well-documented|best-documented|anecdotal)\b"
   r"|\b(?:randomi[sz]ed|controlled|clinical|placebo-controlled|double-blind|\d{4}|small|large|pilot) (?:\w+ )?trial\b"
   r"|\bfound (?:that|no|none|only|too|little|modest|fewer|more)\b|\btells? us (?:little|nothing|much|more|less)\b")
# How well a form is absorbed: a claim about the body whatever the subject ("Chelated forms are
# better absorbed", "conditions that limit absorption").
ABSORPTION = _Pattern("absorption", ["absor", "bioavailab", "malabsor"],
                      r"\b(?:absorb\w*|absorption|bioavailab\w+|malabsorption)\b")
# How soon an effect shows: "may take a month", "within days", "takes time", "a trial of a few weeks".
TIMELINE = _Pattern("timeline", ["take", "within", "weeks", "months", "timeline", "trial"],
                    r"\btakes? time\b|\btakes? (?:[\w-]+ )?(?:days|weeks|months)\b|\bwithin (?:\w+ )?(?:days|weeks"
                    r"|months)\b|\b(?:weeks|months) (?:or|to) (?:weeks|months)\b|\btimeline\b"
                    r"|\b(?:weeks|months), not (?:days|weeks)\b|\btrial of (?:a few|several|\d+) (?:days|weeks|months)\b")
# An outcome felt or judged, a sign of a condition, or a promise of one: effect claims in other words.
OUTCOME = _Pattern("outcome", [
    "feel", "notice", "see", "indicator", "sign", "symptom", "best", "better", "deeper", "ultimate", "perfect", "mak",
], r"\b(?:feel|notice|see)s? (?:a |any )?(?:difference|improvements?|results?|change)\b"
   r"|\b(?:can|may|might) (?:also )?be (?:an? )?(?:early )?(?:indicators?|signs?|symptoms?)\b"
   r"|\b(?:best|better|deeper|ultimate|perfect)\s+(?:\w+\s+)?(?:sleep|rest|health|relief|recovery|nights?)\b"
   r"|\bmak(?:e|es|ing) (?:[\w-]+ ){1,3}(?:less|more) (?:frequent|severe|intense|painful|common)\b")
# How common a condition is, in words: "become common in pregnancy", "is rare".
PREVALENCE = _Pattern("prevalence", ["common", "rare", "uncommon", "widespread", "prevalent"],
                      r"\b(?:is|are|becomes?|remains?) (?:\w+ )?(?:common|rare|uncommon|widespread|prevalent)\b"
                      # said of the condition, not "a common cause"
                      r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|among|after|during|with|at|for|once|as|than|worldwide|and|but|or)\b)")
# Magnesium, a form or a product given a role in the body: "is central to", "plays a role in".
ROLE = _Pattern("role", [
    "central", "essential", "crucial", "vital", "critical", "key", "integral", "fundamental", "required", "important",
    "needed", "play", "involved",
], r"\b(?:central|essential|crucial|vital|critical|key|integral|fundamental|required|important|needed)"
   r" (?:to|for|in)\b|\bplays? (?:a|an) (?:\w+ )?(?:role|part)\b|\binvolved in\b")
# Advice given for magnesium, a form or a product: "is sensible for everyone", "the wisest choice".
ADVICE = _Pattern("advice", ["sensible", "best", "ideal", "wise", "optimal", "preferred", "ultimate"],
                  r"\b(?:sensible|best|ideal|wise|optimal|preferred|ultimate)\b")
# An amount said to be needed, allowed or limited; or a limit or dose named for magnesium.
AMOUNT_RE = ci(r"\b\d[\d,.]*\s*(?:-|–|to)?\s*(?:\d[\d,.]*\s*)?(?:mg|milligrams?|g|grams?)\b")
INTAKE = _Pattern("intake", [
    "limit", "tolerable", "daily", "rda", "recommended", "day", "need", "enough", "come", "add", "take",
], r"\b(?:limits?|tolerable upper|daily value|rda|recommended (?:amount|intake|dietary allowance|dose)|a day"
   r"|per day|daily|each day|needs?|enough|comes? to|adds? up to|takes? (?:it|you) to)\b")
DOSE_TERM = _Pattern("dose_term", ["limit", "tolerable", "daily", "rda", "recommended", "dos"],
                     r"\b(?:limits?|tolerable upper|daily value|rda|recommended (?:amount|intake|dietary allowance)"
                     r"|doses?|dosage|dosing)\b")
# "one heaped tablespoon in juice each evening", "two capsules before bed": how much, how often.
DOSE_INSTRUCTION = _Pattern("dose_instruction", ["each", "every", "before bed", "bedtime", "daily", "twice", "once"],
                            r"\b(?:one|two|three|four|a|an|half an?|\d+)\s+(?:heaped |level |full )?(?:capsules?|tablets?"
                            r"|tablespoons?|teaspoons?|scoops?|softgels?|gummies|drops|sachets?|servings?)\b[^.;]{0,60}?"
                            r"\b(?:(?:each|every) (?:day|night|evening|morning)|before bed|at bedtime|daily"
                            r"|(?:twice|once) (?:a|per) day)\b")
DOSE_SUBJECT_RE = ci(r"\b(?:magnesium|supplements?|supplemental|capsules?|tablets?)\b")
EXCEED_RE = ci(r"\bexceed\w*")
# "the usual treatment for migraine": a configured disease term with what treats, causes or goes
# with it. "For sciatica, physiotherapy is the usual first step": a treatment for a condition.
DISEASE_CONTEXT_RE = ci(
    r"^\W*for\b|\b(?:treat\w*|therap\w+|cures?|caus\w+|effective|remed\w+|surgery|prevent\w*|approach|contribut\w+"
    r"|accompan\w+|risk\w*|underlying|control)\b",
)
FOR_CONDITION = _Pattern("for_condition", ["therap", "surgery", "treatment", "medication", "medicine"],
                         r"^\W*for [^,]{3,60}, [^.]*\b(?:therap(?:y|ies)|surgery|treatments?|medications?|medicines?)\b")
# A body part or system as the subject, magnesium unnamed: physiology described, not an effect
# claimed ("Nerves carry signals to the muscles ...", "A steady heartbeat is vital for ...").
BODY_SUBJECT_RE = ci(
    r"^\W*(?:[\w ]+: )?(?:the |your |these |those |a |an )?(?:healthy |peripheral |central |autonomic |sensory "
    r"|motor )?(?:nerves?|nerve cells|neurons?|muscles?|cells?|receptors?|nervous system|body|brain|myelin(?: sheath)?"
    r"|blood circulation|circulation|blood flow)\b(?!\s+(?:damage|pain|injur\w*|regeneration|repair|health))",
)
# A pronoun standing for what the sentence before named: "it", "they", or "this", "these", "that"
# used alone ("These can be taken ...", not "These tablets ...").
PRONOUN_SUBJECT_RE = ci(
    r"\b(?:it|its|they|them)\b|\b(?:this|these|that)\s+(?:is|are|was|were|can|may|might|could|will|has|have|helps?"
    r"|makes?|means?|works?)\b",
)
# A sentence carrying on the one before with a pronoun and qualifying it (a negation, a limit,
# advice): "It does not count magnesium in food and water.", "It is not something to work up to on
# your own." ("It is a mineral." qualifies nothing.)
CONTINUES_RE = ci(r"^\W*(?:it|this|that|these|they)\s+(?!\w+\s+(?:is|are)\b)")
QUALIFIES_RE = ci(r"\b(?:not|no|never|only|unlikely|recommended|advised|should|must)\b|n['’]t\b")
# A leading title-case label ("Supporting Cellular Energy: ..."): the claim, if any, is after it.
LABEL_RE = re.compile(
    r"^\W*((?:[A-Z][\w'’-]*|and|of|for|the|in|to|&)(?:\s+(?:[A-Z][\w'’-]*|and|of|for|the|in|to|&)){0,5}):\s",
)

# Page furniture and filler: what a sentence does on the page, not what it says.
TRANSITION = _Pattern("transition", [
    "this article", "this guide", "this post", "this piece", "this page", "this section", "this blog", "we'll",
    "we’ll", "we will", "we are going", "we want", "i'll", "i’ll", "i will", "i am going", "i want", "you'll",
    "you’ll", "you will", "let's", "let’s", "lets", "keep reading", "continue reading", "read on", "before we",
    "answer", "have a", "equal", "questions", "this question", "good news", "some good news", "the picture",
    "stand out", "whole story", "overwhelm", "confusing", "baffling", "daunting", "runs deep", "maximi",
    "get the most", "make the most",
], r"\b(?:in|throughout) this (?:article|guide|post|piece|page|section|blog)\b"
   r"|\bthis (?:article|guide|post|piece|page|section) (?:sets out|explains|covers|looks|will|discusses|explores"
   r"|is about|examines|outlines|describes|answers)\b"
   r"|\b(?:we|i)(?:['’]ll| will| are going to| am going to| want to) (?:explore|look|discuss|examine|cover|walk"
   r"|dive|delve|break|answer|take a look|unpack|review)\b"
   r"|\byou(?:['’]ll| will) (?:discover|learn|find out|read about)\b"
   r"|\blet['’]?s (?:look|explore|dive|take|start|break|examine|turn|unpack|delve)\b"
   r"|\b(?:keep|continue) reading\b|\bread on\b|\bbefore we (?:delve|dive|get|look|start|begin|go)\b"
   r"|\bthe (?:short |simple )?answer (?:requires|is nuanced|is complicated|depends)\b"
   r"|\b(?:doesn['’]t|does not|won['’]t) have a (?:simple|straightforward|single|clear)\b"
   r"|\bnot all\b[^.]{0,40}\bare (?:created|made) equal\b|\byou (?:likely|probably|may|might) have (?:some )?questions\b"
   r"|\bthis question (?:likely |probably |may |might )?feels?\b|\bthere is (?:some )?good news\b"
   r"|\bchanges the picture\b|\b(?:patterns|points|things|themes) stand out\b|\bis(?:n['’]t| not) the whole story\b"
   r"|\bcan be (?:overwhelming|confusing|baffling|daunting)\b|\bruns deep\b"
   r"|^\W*to (?:maximi[sz]e|get the most|make the most)\b")
# A lead-in that tells the reader what to do or what follows, not what is true ("Here is what to
# check:", "When choosing a form, consider:"); tried on sentences ending in ":".
LEAD_IN_TRANSITION = _Pattern("lead_in", ["here", "consider", "prioriti", "look for"],
                              r"(?:^\W*|,\s*)(?:here(?:['’]s| is| are)|consider|prioriti[sz]e|look for)\b")
NAVIGATION = _Pattern("navigation", [
    "for more", "for further", "for additional", "website", "site", "pages", "page", "resources", "share this",
    "subscribe", "sign up for our", "leave a", "click here", "read more", "related articles", "related posts",
    "next review", "medically reviewed", "reviewed by", "last reviewed", "last updated", "written by", "this article",
    "this post", "this page", "this piece", "references", "reference", "sources", "source", "further reading",
    "bibliography",
], r"\bfor (?:more|further|additional) (?:information|reading|details|resources)\b"
   r"|\b(?:visit|explore|exploring|check out)\b[^.]{0,50}\b(?:website|site|pages?|resources)\b"
   r"|\b(?:share this|subscribe|sign up for our|leave a (?:reply|comment)|click here|read more|related (?:articles"
   r"|posts))\b"
   # bylines, review dates, disclosures about the article, a reference list run into one line
   r"|\b(?:next review|medically reviewed|reviewed by|last (?:reviewed|updated)|written by)\b"
   r"|\b(?:sponsor\w*|fund\w*|paid for|review\w*|commission\w*)\b[^.]{0,30}\bthis (?:article|post|page|piece)\b"
   r"|^\W*(?:references?|sources?|further reading|bibliography)\s*:")
BOILERPLATE = _Pattern("boilerplate", [
    "purposes", "medical advice", "replace", "intended", "meant", "designed", "evaluated", "representations",
    "unrelated", "this article", "this content", "this information", "this post", "this page", "the article",
    "the content", "the information", "the post", "the page",
], r"\b(?:informational|educational|information) purposes\b"
   r"|\bnot (?:intended as |meant as |a substitute for |to replace )?(?:professional )?medical advice\b"
   r"|\b(?:should not|does not|is not (?:intended|meant) to) replace (?:professional|your doctor)"
   r"|\bnot (?:been )?(?:intended|meant|designed) to (?:diagnose|treat|cure|prevent)"
   r"|\bhas not been evaluated by\b|\bdoes not contain any representations\b|\bunrelated to (?:the )?products\b"
   r"|\b(?:this|the) (?:article|content|information|post|page) (?:discusses|is for|is intended|is not|does not)\b")
# "Consult your doctor before ...": advice to see a professional, a disclaimer unless the sentence
# also says something a reviewer must check.
CONSULT = _Pattern("consult", [
    "doctor", "physician", "gp", "healthcare", "health care", "clinician", "pharmacist", "midwife", "practitioner",
    "professional", "provider", "medical team", "guidance", "supervision", "under the care",
], r"\b(?:consult\w*|talk(?:ing)? (?:to|with)|speak(?:ing)? (?:to|with)|ask(?:ing)?|discuss\w*|check(?:ing)? with"
   r"|seek\w*)\b[^.;]{0,80}?\b(?:doctors?|physicians?|gp|healthcare|health care|clinicians?|pharmacists?|midwife"
   r"|practitioners?|professionals?|providers?|medical team)\b"
   r"|\bunder the (?:guidance|care|supervision) of (?:a|your) (?:doctor|healthcare|health care|medical|qualified)"
   r"|\byour (?:doctor|gp|physician|healthcare provider|pharmacist) (?:can|is|will|may)\b")
# Triage and conditional cautions: when a symptom needs a doctor, what to do with a condition.
TRIAGE = _Pattern("triage", [
    "doctor", "gp", "clinician", "physician", "deserve", "worth seeing", "if you", "supervision",
], r"\b(?:see|visit|call|contact)\b[^.;]{0,25}\b(?:doctors?|gp|clinicians?|physicians?)\b[^.;]{0,5}\bif\b"
   r"|\bdeserves? (?:a visit|attention|a check)|\bworth seeing (?:a|your) (?:doctor|gp)"
   r"|^\W*if you (?:have|are|['’]re|take|get)\b[^.;:]{0,80}?,\s*(?:\w+\s+){0,2}?(?:take|check|avoid|skip|stop"
   r"|don['’]t|do not|stay|keep|limit)\b"
   r"|^\W*(?:skip|avoid|stop|don['’]t take|do not take|take no)\b[^.;]{0,60}\bif you\b"
   r"|\bunder (?:a |the |medical |close )?(?:clinician['’]s |doctor['’]s |medical )?supervision\b")
# A table column that says something about health ("Absorption", "Upper limit", "Verdict"), and a
# cell that rates nothing.
HEALTH_COLUMN_RE = ci(
    r"absor|bioavailab|limit|verdict|review|evidence|effect|benefit|best for|uses|risk|safety|toleran|dose|dosage"
    r"|recommend",
)
NO_RATING_RE = ci(r"\s*(?:not rated|not known|n/?a|none|[—–-]+)?\s*")
CITE_MARKER_RE = re.compile(r"\[\[\s*cite\s*:[^\]]*\]\]")
# A footnote glued to the sentence it qualifies ("... muscles relax.* *This statement has not been
# evaluated by the FDA."): the footnote is not the sentence's own text.
FOOTNOTE_TAIL_RE = re.compile(r"(?<=[.!?])[*†‡]+\s+[*†‡]+.*$", re.DOTALL)
SHORT_QUOTE = 40  # characters: a quotation this short mentions words ("best absorbed"), it does not claim


class _Reading:
    """One sentence as the reviewer's tests read it, worked out once."""

    __slots__ = ("groups", "quotes", "text")

    def __init__(self, doc: Document, sentence: Sentence, groups: frozenset[str]):
        text = sentence.text
        if "[[" in text:  # citation keys are not words of the sentence
            text = CITE_MARKER_RE.sub(_blank, text)
        if "*" in text or "†" in text or "‡" in text:
            text = FOOTNOTE_TAIL_RE.sub(_blank, text)
        self.text = text
        self.groups = groups
        self.quotes = [(max(a, sentence.start) - sentence.start, min(b, sentence.end) - sentence.start)
                       for a, b in _quotes_in(doc, sentence)]

    def said(self, m: re.Match) -> bool:
        """The match is not inside a short quotation: “lowers blood pressure” is mentioned, not
        claimed, while a quoted endorsement says what it says."""
        return not any(a < m.start() < b for a, b in self.quotes)

    def find(self, pattern: "_Pattern | object", *, said: bool = False) -> re.Match | None:
        """The first match of `pattern` in the sentence; with `said`, the first outside a short
        quotation."""
        if isinstance(pattern, _Pattern):
            if pattern.group not in self.groups:
                return None
            pattern = pattern.re
        for m in pattern.finditer(self.text):
            if not said or self.said(m):
                return m
        return None


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


def _quotes_in(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    starts = doc.memo("claim_quote_starts", lambda doc: [s for s, _ in doc.quote_spans])
    spans = doc.quote_spans
    i = bisect.bisect_left(starts, sentence.end)
    out = []
    while i > 0:
        i -= 1
        a, b = spans[i]
        if b <= sentence.start:
            break
        if b - a <= SHORT_QUOTE:
            out.append((a, b))
    return out


def _read(doc: Document, sentence: Sentence) -> _Reading:
    def compute(doc: Document) -> dict:
        groups: dict[int, set[str]] = {}
        names = {p.group for p in _PATTERNS}
        for name in names:
            for s in doc.triggered(name):
                groups.setdefault(s.index, set()).add(name)
        return {"groups": {i: frozenset(g) for i, g in groups.items()}, "readings": {}}

    memo = doc.memo("claim_readings", compute)
    reading = memo["readings"].get(sentence.index)
    if reading is None:
        reading = memo["readings"][sentence.index] = _Reading(
            doc, sentence, memo["groups"].get(sentence.index, frozenset()))
    return reading


_PATTERNS = (HARM, SIDE_EFFECT, EVIDENCE, ABSORPTION, TIMELINE, OUTCOME, PREVALENCE, ROLE, ADVICE, INTAKE, DOSE_TERM,
             DOSE_INSTRUCTION, FOR_CONDITION, TRANSITION, LEAD_IN_TRANSITION, NAVIGATION, BOILERPLATE, CONSULT, TRIAGE)


def _previous_health(doc: Document, sentence: Sentence) -> bool:
    previous = doc.previous(sentence)
    return previous is not None and HEALTH_RE.search(_read(doc, previous).text) is not None


def _effect(doc: Document, sentence: Sentence, *, lead_in: bool = False) -> bool:
    """An effect or causal verb with a body or health word after it (within 80 characters), neither
    quoted nor reported in order to reject it. A lead-in may name its health topic first or by a
    pronoun for the sentence before ("These habits help prevent them:")."""
    reading = _read(doc, sentence)
    text = reading.text
    label = LABEL_RE.match(sentence.text)
    skip_to = label.end() if label else 0
    for m in EFFECT_VERB_RE.finditer(text, skip_to):
        if not reading.said(m) or is_rejected(text, m.start()):
            continue
        if m.group().endswith("ed") and ATTRIBUTIVE_BEFORE_RE.search(text, 0, m.start()):
            continue
        if HEALTH_RE.search(text, m.end(), m.end() + 80) is not None:
            return True
        if lead_in and (HEALTH_RE.search(text, skip_to) is not None
                        or PRONOUN_OBJECT_RE.match(text, m.end()) and _previous_health(doc, sentence)):
            return True
    return False


def _about_magnesium(doc: Document, sentence: Sentence) -> bool:
    """Magnesium, a form, a product or a supplement is what the sentence is about, or a pronoun
    standing for it after a sentence that named magnesium."""
    if _subject(doc, sentence):
        return True
    if PRONOUN_SUBJECT_RE.search(sentence.text):
        previous = doc.previous(sentence)
        return previous is not None and "magnesium" in doc.lower[previous.start:previous.end]
    return False


def _is_furniture(doc: Document, sentence: Sentence) -> bool:
    """Headings, questions, table headers and captions, transitions, navigation and boilerplate."""
    layout = doc.layout(sentence)
    if sentence.is_question or layout.heading_like or layout.table_header:
        return True
    reading = _read(doc, sentence)
    if reading.text.rstrip(" \t\"'”’)").endswith(":") and reading.find(LEAD_IN_TRANSITION):
        return True
    return bool(reading.find(TRANSITION) or reading.find(NAVIGATION) or reading.find(BOILERPLATE))


def _own_category(doc: Document, sentence: Sentence, *, lead_in: bool = False) -> ClaimCategory | None:
    """What the sentence itself claims, before any disclaimer test. A lead-in (ending in ":") may
    name its health topic before the verb or by a pronoun."""
    index = _index(doc)
    reading = _read(doc, sentence)
    text = reading.text
    lead_in = lead_in or text.rstrip(" \t\"'”’)").endswith(":")
    if sentence.index in index["disease"]:
        return ClaimCategory.DISEASE
    if sentence.index in index["dosage"]:
        return ClaimCategory.DOSAGE
    if sentence.index in index["statistic"] or reading.find(PREVALENCE) and HEALTH_RE.search(text):
        return ClaimCategory.STATISTIC
    if reading.find(TRIAGE) or reading.find(HARM, said=True) or reading.find(SIDE_EFFECT) and BRINGS_ON_RE.search(text):
        return ClaimCategory.SAFETY
    magnesium = _about_magnesium(doc, sentence)
    amount = AMOUNT_RE.search(text)
    if amount and reading.find(INTAKE) or reading.find(DOSE_TERM) and (
            amount or magnesium or DOSE_SUBJECT_RE.search(text)) or reading.find(DOSE_INSTRUCTION):
        return ClaimCategory.DOSAGE
    if sentence.index in _disease_terms(doc) and any(
            not is_rejected(text, m.start()) for m in DISEASE_CONTEXT_RE.finditer(text)) or reading.find(FOR_CONDITION):
        return ClaimCategory.DISEASE
    if (reading.find(EVIDENCE, said=True) or reading.find(ABSORPTION, said=True) or reading.find(TIMELINE)
            or reading.find(OUTCOME, said=True)):
        return ClaimCategory.EFFICACY
    if magnesium:
        if (reading.find(HEALTH_RE, said=True) or reading.find(ROLE) or reading.find(ADVICE) or any(
                reading.said(m) and not INTAKE_OBJECT_RE.match(text, m.end()) for m in EFFECT_VERB_RE.finditer(text))):
            return ClaimCategory.EFFICACY
    elif BODY_SUBJECT_RE.match(text):
        return None  # physiology described
    if _effect(doc, sentence, lead_in=lead_in) or reading.find(ROLE) and HEALTH_RE.search(text):
        return ClaimCategory.EFFICACY
    return None


def _disease_terms(doc: Document) -> set[int]:
    """Sentences naming a configured disease or condition."""
    pattern = doc.config.disease_re
    return doc.memo("claim_disease_terms", lambda doc: set() if pattern is None else {
        s.index for s in doc.triggered("cfg:disease_terms") if pattern.search(s.text)})


def _is_disclaimer(doc: Document, sentence: Sentence) -> bool:
    """Advice to consult a professional that says nothing else a reviewer must check: no amount
    or limit, no cause, effect, finding, harm or triage besides the advice."""
    reading = _read(doc, sentence)
    if not reading.find(CONSULT):
        return False
    text = reading.text
    harm = reading.find(HARM)
    return not (AMOUNT_RE.search(text) or EXCEED_RE.search(text) or _effect(doc, sentence)
                or reading.find(EVIDENCE) or reading.find(TRIAGE)
                or harm and any(not SAFE_WORD_RE.fullmatch(m.group()) for m in HARM.re.finditer(text)))


def _inherited(doc: Document, sentence: Sentence) -> ClaimCategory | None:
    """A table cell or list item with no claim of its own says what its column or lead-in says: a
    row rated under "Absorption" claims an absorption; items under "These habits help prevent them:"
    claim the effect; foods under "Good food sources include:" claim nothing."""
    layout = doc.layout(sentence)
    if layout.table_row:
        header = doc.table_header(sentence)
        if header is None:
            return None
        columns = header.strip(" \t|").split("|")
        cells = doc.table_line(sentence).strip(" \t|").split("|")
        if len(cells) == len(columns):
            rated = any(HEALTH_COLUMN_RE.search(col) and not NO_RATING_RE.fullmatch(cell)
                        for col, cell in zip(columns, cells, strict=True))
        else:
            rated = bool(HEALTH_COLUMN_RE.search(header))
        return ClaimCategory.EFFICACY if rated else None
    lead = doc.lead_in(sentence)
    if lead is None or not layout.starts_line or _is_disclaimer(doc, lead):
        return None
    if doc.layout(lead).heading_like:
        # A list straight under a heading about health ("What to try for night cramps") says what
        # the heading says.
        return ClaimCategory.EFFICACY if HEALTH_RE.search(_read(doc, lead).text) else None
    if _is_furniture(doc, lead):
        return None
    return _own_category(doc, lead, lead_in=True)


def _continues(doc: Document, sentence: Sentence) -> Sentence | None:
    """The sentence before, when `sentence` carries it on with a pronoun and qualifies it."""
    previous = doc.previous(sentence)
    if previous is None or previous.paragraph != sentence.paragraph or not CONTINUES_RE.match(sentence.text) \
            or not QUALIFIES_RE.search(sentence.text):
        return None
    return previous


def reviewer_claim(doc: Document, sentence: Sentence) -> ClaimCategory | None:
    """The claim category of `sentence` on the reviewer's list, or None when it is not a claim. A
    sentence that carries on the claim before it with a pronoun and qualifies it ("It does not count
    magnesium in food and water." after a sentence on the upper limit) is part of that claim."""
    decided = doc.memo("reviewer_claims", lambda doc: {})
    if sentence.index in decided:
        return decided[sentence.index]
    category = _decide(doc, sentence)
    chain = [sentence]  # back along a chain of "It ..." sentences, without recursion
    while category is None and not _excluded(doc, chain[-1]) and (previous := _continues(doc, chain[-1])):
        if previous.index in decided:
            category = decided[previous.index]
            break
        category = _decide(doc, previous)
        chain.append(previous)
    for link in chain:  # each link has no claim of its own and carries on the next: one answer for all
        decided[link.index] = category
    return category


def _excluded(doc: Document, sentence: Sentence) -> bool:
    return sentence.in_reference_list or len(sentence.text) < 4 or _is_furniture(doc, sentence) \
        or _is_disclaimer(doc, sentence)


def _decide(doc: Document, sentence: Sentence) -> ClaimCategory | None:
    """The sentence's own claim, or its lead-in's or column's; None for furniture and disclaimers."""
    if _excluded(doc, sentence):
        return None
    return _own_category(doc, sentence) or _inherited(doc, sentence)


def extract_claims(doc: Document) -> list[Claim]:
    """The claims a medical reviewer must decide, one per sentence, in text order."""
    out = []
    for sentence in doc.prose:
        category = reviewer_claim(doc, sentence)
        if category is None:
            continue
        out.append(Claim(
            text=sentence.text, start=sentence.start, end=sentence.end, category=category,
            citation_keys=sentence.keys, fingerprint=fingerprint("claim", sentence.text),
        ))
    return out
