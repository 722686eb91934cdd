"""Health claims: sentences saying magnesium does something for health, for reviewers to approve.

A claim is a sentence (not a question) about magnesium, a form or a supplement that states an
effect, a dose, a safety fact or a statistic. Disease claims, doses and statistics are taken from
the same detectors the rules read (moderation/detectors), so a sentence the rules flag is always
also a claim. Rules may read claims (unsupported.weak_sources); claims never read rules.
"""

from moderation import triggers
from moderation.base import Claim, ClaimCategory, fingerprint
from moderation.detectors.absorption import ABSORPTION
from moderation.detectors.disease import disease_matches
from moderation.detectors.doses import doses
from moderation.detectors.statistics import STAT_QUICK_RE, STATISTIC, STATISTIC_RE
from moderation.document import Document, Sentence
from moderation.language import SUBJECT_RE, is_negated
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


EFFECT = triggers.define("effect", [
    "improv", "reduc", "reliev", "relief", "help", "support", "prevent", "lower", "boost", "calm", "eas", "alleviat",
    "protect", "promot", "enhanc", "aid", "benefi", "effective", "work", "treat", "cur", "heal", "repair", "revers",
    "regulat", "restor", "strengthen", "increas", "decreas", "sooth", "relax", "fight", "combat", "stabili",
    "normali", "optimi", "maintain", "contribut", "regenerat", "slow", "stop", "eliminat", "manag", "control",
    "lessen", "minimi", "amplif", "better", "sharpen", "speed", "melt", "shrink", "rebuild", "learn", "remember",
    "switch", "activat", "unlock", "rais", "keeping", "keeps", "shield",
])
SAFETY = triggers.define("safety", [
    "safe", "side", "diarrh", "nausea", "toxic", "overdose", "hypermagnes", "laxative", "tolerat", "well-tolerated",
    "interact", "kidney", "renal", "upper", "cramping", "adverse", "harm", "risk", "caution",
])


def extract_claims(doc: Document) -> list[Claim]:
    out = []
    index = _index(doc)
    wanted = {s.index for s in doc.triggered(EFFECT, SAFETY)} | index["disease"] | index["dosage"] | index["statistic"]
    # "absorbed far better than standard tablets": absorption compared, a benefit claimed for a product
    wanted |= {s.index for s in doc.triggered(ABSORPTION) if " than " in s.text or " as well as " in s.text}
    for sentence in doc.prose:
        if sentence.index not in wanted:
            continue
        category = claim_for_sentence(doc, sentence)
        if category is None:
            continue
        out.append(Claim(
            text=sentence.text, start=sentence.start, end=sentence.end, category=category,
            citation_keys=sentence.keys, fingerprint=fingerprint("claim", sentence.text),
        ))
    return out
