"""Disease-claim matching (FDA, 21 CFR 101.93(g)): where a sentence says magnesium cures, treats,
mitigates or prevents a disease, explicitly or by implication, or makes a blood-pressure claim.

Read by the disease rules (rules/disease.py) and by claims.py (a sentence the rules flag is always
also a disease claim), so it lives here rather than in either. Negated, rejected and quoted
statements ("does not cure", the DSHEA disclaimer) are not matches; structure/function wording
("supports normal nerve function") is allowed.
"""

import re
from dataclasses import dataclass

from moderation import triggers
from moderation.detectors.selling import CANDIDATE_RE, sells
from moderation.document import Document, Sentence
from moderation.language import (
    CONTINUES_REPORT_RE,
    SUBJECT_RE,
    clause_end,
    is_negated,
    is_rejected,
    reports_source,
)
from moderation.patterns import ci

STRONG_VERBS = (
    r"cur(?:e|es|ed|ing)|treat(?:s|ed|ing)?|heal(?:s|ed|ing)?|repair(?:s|ed|ing)?|revers(?:e|es|ed|ing)"
    r"|prevent(?:s|ed|ing)?|eliminat(?:e|es|ed|ing)|regenerat(?:e|es|ed|ing)|eradicat(?:e|es|ed|ing)"
    r"|stop(?:s|ped|ping)?|halt(?:s|ed|ing)?|fight(?:s|ing)?|combat(?:s|ed|ing)?|beat(?:s|ing)?|overcom(?:e|es|ing)"
    r"|defeat(?:s|ed|ing)?|get(?:s|ting)? rid of|protect(?:s|ed|ing)? (?:you |your \w+ |nerves |the \w+ )?against"
    r"|ward(?:s|ed|ing)? off|wipe(?:s|d)? out|clear(?:s|ed)? up|undo(?:es)?|resolv(?:e|es|ed|ing)"
    r"|fix(?:es|ed|ing)?|restor(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|counteract(?:s|ed|ing)?"
    r"|slow(?:s|ed|ing)? (?:down )?(?:the )?(?:progression|onset|development) of"
    r"|say(?:s|ing)? goodbye to|bid(?:s|ding)? farewell to|banish(?:es|ed|ing)?|end(?:s|ed|ing)? your"
    r"|knock(?:s|ed|ing)? out|abort(?:s|ed|ing)?|kill(?:s|ed|ing)?|stave(?:s|d)? off|nip(?:s|ped|ping)? in the bud"
    r"|put(?:s|ting)? (?:a stop|an end) to|shut(?:s|ting)? down"
    r"|shrink(?:s|ing)?|shrank|shrunk|rebuild(?:s|ing)?|rebuilt|regrow(?:s|ing)?|regrew|dissolv(?:e|es|ed|ing)"
    r"|clear(?:s|ed|ing)? (?:out|away)|melt(?:s|ed|ing)? away|flush(?:es|ed|ing)? out|unclog(?:s|ged|ging)?"
    r"|normali[sz](?:e|es|ed|ing)|silenc(?:e|es|ed|ing)|draw(?:s|ing)? (?:the |your )?[\w-]+ out of|drew (?:the |your )?"
    r"[\w-]+ out of|end(?:s|ed|ing)? (?:your|their|my|his|her|our)|quiet(?:en)?(?:s|ed|ing)?|sort(?:s|ed|ing)? out"
    r"|open(?:s|ed|ing)? up|say(?:s|ing)? (?:bye-bye|bye bye|so long|adios|sayonara) to|wav(?:e|es|ed|ing) goodbye to"
    r"|sorted (?:out )?(?:my|your|their|his|her)|steadi(?:es|ed)|steady|stabili[sz](?:e|es|ed|ing)"
)
SOFT_VERBS = (
    r"relie(?:ve|ves|ved|ving)|alleviat(?:e|es|ed|ing)|eas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)(?: the risk of)?"
    r"|lower(?:s|ed|ing)?(?: the risk of| your risk of)?|manag(?:e|es|ed|ing)|control(?:s|led|ling)?"
    r"|improv(?:e|es|ed|ing)|lessen(?:s|ed|ing)?|diminish(?:es|ed|ing)?|soothe(?:s|d)?|calm(?:s|ed|ing)?"
    r"|cut(?:s|ting)? (?:the risk of|your risk of)|help(?:s|ed|ing)? with|decreas(?:e|es|ed|ing)(?: the risk of)?"
    r"|minimi[sz](?:e|es|ed|ing)|tackl(?:e|es|ed|ing)|address(?:es|ed|ing)?|mitigat(?:e|es|ed|ing)"
    r"|slash(?:es|ed|ing)?(?: the risk of| your risk of)?|halv(?:e|es|ed|ing)(?: the risk of| your risk of)?"
    r"|(?:brilliant|great|amazing|fantastic|excellent|wonderful|perfect|ideal|good|helpful|a lifesaver) for"
)
# Not after "poorly", "well" or "badly": "poorly controlled diabetes" describes the disease.
VERB_RE = ci(rf"(?<!poorly )(?<!badly )(?<!well )(?<!well-)\b(?:(?P<strong>{STRONG_VERBS})|(?P<soft>{SOFT_VERBS}))\b")
NOUN_RE = ci(
    r"\b(?:cure|cures|treatment|treatments|remedy|remedies|therapy|therapies|prevention|reversal|relief|antidote"
    r"|solution|fix|answer|medicine|weapon|defen[cs]e|shield|ally|off-switch|off switch|kill switch|silver bullet"
    r"|magic bullet)\s+(?:for|of|from|to|against)\b|\ban end to\b",
)
DISEASE_NOUN_AFTER_RE = ci(
    r"^[\s-]*(?:treatment|treatments|cure|cures|remedy|remedies|relief|prevention|reversal|therapy)\b",
)
PASSIVE_RE = ci(
    r"^\s*(?:symptoms\s+)?(?:can|could|may|might|will|is|are|was|were|has been|have been|gets?|got|be)\s+(?:be\s+)?"
    r"(?:\w+ly\s+)?(?:cured|treated|reversed|prevented|healed|eliminated|eradicated|repaired|stopped|relieved"
    r"|alleviated|resolved|managed|controlled|improved|fixed|undone|rebuilt|restored|regenerated|regrown|dissolved)\b",
)
# "<disease> sufferers improve", "my migraines disappeared": the disease itself gets better.
IMPROVES_RE = ci(
    r"^\s*(?:sufferers|patients|symptoms|pain|attacks|flare-ups?)?\s*(?:[\w'’]+\s+){0,2}?(?:improved?|improves|recover(?:s|ed)?"
    r"|get better|got better|feel better|disappear(?:s|ed)?|vanish(?:es|ed)?|go(?:es)? away|went away|clear(?:s|ed)? up"
    r"|subside[sd]?|resolved?|resolves|(?:can |could |will |may )?(?:soon )?becomes? (?:a thing of the past|history)"
    r"|(?:is|are|was|were|has been|have been|had been|\w*['’]s|\w*['’]re) (?:\w+ly |all )?(?:gone|history"
    r"|a thing of the past)"
    r"|(?:don['’]t|doesn['’]t|won['’]t|do not|does not|will not) stand a chance"
    r"|respond(?:s|ed)? (?:\w+ly |well |so well |very well )?to (?:magnesium|supplement\w*|treatment|therapy|it|this)"
    r"|gone|melt(?:s|ed)? away|cleared|(?:has|have) been (?:an? )?(?:absolute |real |total )?(?:lifesaver|godsend"
    r"|life-changer|game-changer|miracle)|(?:\w+\s+){0,3}?never (?:have|get|suffer|had|got) (?:another|a single|an?)\b"
    r"|(?:will |should |would )?(?:stop|stops|stopped|end|ends|ended|cease|ceases|ceased)(?! \w+ing\b))\b",
)
KEEP_BEFORE_RE = ci(r"\b(?:keep(?:s|ing)?|kept)\s+(?:your\s+|the\s+|my\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}$")
AWAY_AFTER_RE = ci(
    r"^\s*(?:(?:attacks?|symptoms|episodes|flare-ups?|pain)\s+)?(?:away|at bay|in check|under control|from (?:coming back|returning|recurring|starting|happening"
    r"|developing|getting worse|flaring(?: up)?))\b",
)
WRAPS = (
    (ci(r"\bkick(?:s|ed|ing)?\s+(?:your\s+|the\s+|those\s+)?(?:[\w-]+\s+){0,2}$"), ci(r"^\s*(?:\w+\s+)?to the curb\b")),
    (ci(r"\bsend(?:s|ing)?\s+(?:your\s+|the\s+|those\s+)?(?:[\w-]+\s+){0,2}$"), ci(r"^\s*(?:\w+\s+)?packing\b")),
    (ci(r"\bshow(?:s|ed|ing)?\s+(?:your\s+|the\s+|those\s+)?(?:[\w-]+\s+){0,2}$"), ci(r"^\s*(?:\w+\s+)?the door\b")),
    (ci(r"\bmak(?:e|es|ing)\s+(?:your\s+|the\s+)?(?:[\w-]+\s+){0,2}$"),
     ci(r"^\s*(?:\w+\s+)?(?:a thing of the past|history|disappear|vanish|go away)\b")),
    (ci(r"\bnip(?:s|ped|ping)?\s+(?:your\s+|the\s+)?(?:[\w-]+\s+){0,2}$"), ci(r"^\s*(?:\w+\s+)?in the bud\b")),
    (ci(r"\bknock(?:s|ed|ing)?\s+(?:your\s+|my\s+|the\s+)?(?:[\w-]+\s+){0,2}$"), ci(r"^\s*(?:\w+\s+)?for six\b")),
    # "did more for my IBS than anything ... prescribed", "did wonders for my eczema"
    (ci(r"\b(?:did|does|do|works?|worked) (?:more|better|wonders|miracles) for (?:my|your|their|his|her)?\s*$"), ci(r"")),
    # "For migraine, take 600 mg of magnesium daily": dosing for a disease
    (ci(r"(?:^|[.;:]\s*)for\s+(?:your\s+|the\s+)?$"), ci(r"^\s*,?\s*(?:take|try|use|give|have)\b")),
)
WRAP_WORDS = ("keep", "kept", "kick", "send", "show", "mak", "nip", "knock", "did", "does", "do", "work", "for")  # every "before" pattern above starts with one
# A cure in all but name: a clearing or ending verb with "for good" in a sentence about a disease
# ("give it a month and it clears the rash for good").
FOR_GOOD_RE = ci(
    r"\b(?:clear(?:s|ed|ing)?|banish\w*|eliminat\w*|get(?:s|ting)? rid of|stop(?:s|ped|ping)?|end(?:s|ed|ing)?|fix\w*"
    r"|heal\w*|cur(?:e|es|ed|ing)|beat(?:s|ing)?|gone|quiet\w*|silenc\w*|sort\w* out)\b[^.;]{0,40}?\b(?:for good|permanently|once and for all|forever)\b"
    # ... or back to normal, or the symptom itself silenced ("magnesium does silence the ringing over time")
    r"|\b(?:put(?:s|ting)?|bring(?:s|ing)?|brought|get(?:s|ting)?|restor(?:e|es|ed|ing))\b[^.;]{0,30}?\bback (?:in)?to"
    r" (?:a )?normal\b"
    r"|\b(?:silenc\w+|clear(?:s|ed|ing)?|stop(?:s|ped|ping)?|end(?:s|ed|ing)?|banish\w*|eliminat\w*|cur(?:e|es|ed|ing)"
    r"|heal\w*|fix\w*|quiet\w*|put (?:an end|a stop) to)\s+(?:the|your|those|its|their)\s+(?:ringing|rash|itch\w*"
    r"|flare-ups?|attacks?|seizures?|symptoms?|spasms?|tremors?|palpitations?|wheezing|pain|aches?|stiffness|numbness"
    r"|tingling|cysts|lesions)\b"
    r"|\bmeans? no more\b",
)
IDIOM_WORDS = ("for", "back", "silenc", "clear", "stop", "end", "banish", "eliminat", "cur", "heal", "fix", "quiet",
               "no more", "put")
# "Kidney stones? Magnesium citrate dissolves them naturally.": the claim's object is a pronoun for
# the condition the sentence before named.
TESTIMONY_RE = re.compile(r"\b(?:I|I['’](?:m|ve|d)|[Mm]y|[Mm]e)\b")
RHETORICAL_RE = ci(r"\W*(?:who needs|why (?:take|bother with|pay for|risk))\b")
YES_RE = ci(r"\W*(?:a:\s*)?(?:yes|yep|absolutely|definitely|of course|it (?:can|does|will))\b")
NAMED_SUBJECT_RE = ci(r"\b(?:magnesium|supplements?|supplementation|capsules?|tablets?|epsom)\b")
PRONOUN_OBJECT_RE = ci(rf"\b(?:{STRONG_VERBS})\s+(?:them|it|these|those|this|that)\b(?!\s+(?:is|are|was|can|will)\b)")
BLOOD_PRESSURE = r"(?:(?:high|elevated|raised)\s+)?(?:blood[- ]pressure|hypertension|bp)\b"
BP_TERM_RE = ci(r"\b(?:blood[- ]pressure|hypertension|hypertensive)\b")
BP_VERB_RE = ci(
    r"\b(?:lower\w*|reduc\w*|decreas\w*|normali[sz]\w*|regulat\w*|control\w*|manag\w*|stabili[sz]\w*|balanc\w*"
    r"|treat\w*|cur(?:e|es|ed|ing)|prevent\w*|fight\w*|combat\w*|bring\w* down|drop\w*|improv\w*|help\w* with"
    r"|correct\w*|fix\w*|revers\w*)\s+(?:[\w'’-]+\s+){0,4}?" + BLOOD_PRESSURE
    + r"|\b(?:keep\w*|kept)\s+(?:your\s+|my\s+|their\s+)?" + BLOOD_PRESSURE + r"\s+(?:under control|in check|down|low"
    r"|normal|healthy|where it should be|in (?:a )?healthy range|on track)"
    + r"|\b(?:remed(?:y|ies)|cures?|treatments?|fix|answer|solution|medicine)\s+for\s+(?:[\w'’-]+\s+){0,2}?"
    + BLOOD_PRESSURE,
)
BP_PASSIVE_RE = ci(
    BLOOD_PRESSURE + r"\s+(?:levels?\s+)?(?:can|could|may|might|will|is|are|was|were)\s+(?:be\s+)?(?:\w+ly\s+)?"
    r"(?:lowered|reduced|controlled|normali[sz]ed|managed|treated|cured|improved|brought down)\b",
)
# The FDA qualified health claim for magnesium and blood pressure carries this qualification.
QUALIFIED_BP_RE = ci(r"inconsistent and inconclusive|inconclusive and inconsistent")
DISCLAIMER_RE = ci(
    r"not (?:been )?(?:intended|meant|designed) to (?:diagnose|treat|cure|prevent|mitigate)(?:[\s,]+(?:or\s+)?"
    r"(?:diagnose|treat|cure|prevent|mitigate))*\s+(?:any|a)\s+(?:disease|illness|condition)s?"
    r"|has not been evaluated by the (?:food and drug administration|fda)",
)
MEDICATION = (
    r"(?:(?:your|prescription|pain|blood[- ]pressure|sleep|anxiety|nerve|conventional|traditional|pharmaceutical|"
    r"the|my|their|his|her)\s+)*(?:[\w-]+\s+)?(?:medications?|medicines?|meds|drugs|pills|prescriptions|painkillers?"
    r"|gabapentin|pregabalin|lyrica|statins?|antidepressants?|ssris?|insulin|metformin|sleeping pills"
    r"|anti-inflammator(?:y|ies)|ibuprofen|benzodiazepines|xanax|valium|opioids|treatment|inhalers?|puffers?|antacids?"
    r"|laxatives?|ritalin|sertraline|prozac|fluoxetine|paracetamol|acetaminophen|aspirin|tylenol|advil|nurofen"
    r"|codeine|triptans?|sumatriptan|beta[- ]blockers?|blood thinners?)"
)
IMPLIED_RE = ci(
    rf"\b(?:replac(?:e|es|ed|ing)|instead of|alternative to|substitute for|better than|more effective than|stop taking"
    rf"|no need for|ditch|throw away|get off|come off|wean (?:yourself )?off|as (?:good|effective) as|works like"
    rf"|forget (?:about )?|works? (?:as well as|better than)|did (?:more|better) than|no more|who needs"
    rf"|do what)"
    rf"\s+(?:(?:your|their|my|our|his|her|all|the|of)\s+)*{MEDICATION}\b"
    r"|\b(?:cut (?:back|down) on|reduce|lower|drop|halve)\s+(?:the dose of\s+)?(?:(?:your|their|my|the)\s+)*"
    + MEDICATION + r"\b"
    r"|\b(?:put|throw|toss|bin|chuck)\s+(?:the|your|those|my)\s+(?:[\w-]+\s+)?" + MEDICATION + r"\s+(?:away|out|in the bin)\b"
    r"|\b(?:nature['’]s|natural|a natural|the natural) (?:antidepressants?|valium|xanax|statins?|blood thinners?"
    r"|painkillers?|beta[- ]blockers?|insulin|tranquill?i[sz]ers?|sleeping pills?|ibuprofen|aspirin|gabapentin"
    r"|sedatives?|antihypertensives?|prozac|ritalin|chill pill)\b"
    r"|\bnatural alternative\b"
    r"|\banti-?(?:seizure|anxiety|depressant|inflammatory|hypertensive|convulsant|arrhythmic|diabetic|cancer|migraine)"
    r"\s+(?:medicine|medication|drug|remedy|pill|treatment|agent)s?\b"
    r"|\b(?:medicine|medication|drug|remedy|cure|pill)s?\s+(?:that\s+)?nature\s+(?:intended|made|designed|gave us|provides?)\b",
)
HEDGE_QUICK_RE = re.compile(
    r"mixed|limited|inconclusive|inconsistent|unclear|weak|lacking|insufficient|conflicting|sparse|preliminary|uncertain"
)
NOUN_QUICK_RE = re.compile(
    r"cure|treatment|remed|therap|prevention|reversal|relief|antidote|solution|fix|answer|medicine|end to|weapon|defen"
    r"|shield|ally|switch|bullet"
)
# A sentence about the state of the evidence ("evidence for X is mixed") reports; it does not claim.
EVIDENCE_HEDGE_RE = ci(
    r"\b(?:evidence|data|research|trials?|studies)\b[^.;]{0,80}?\b(?:is|are|remains?|was|were|has been|have been)\s+"
    r"(?:\w+\s+)?(?:mixed|limited|inconclusive|inconsistent|unclear|weak|lacking|insufficient|conflicting|sparse"
    r"|preliminary|uncertain)\b",
)
MEDICATION_CONTEXT_RE = ci(rf"\b{MEDICATION}\b|\bdrugs?\b|\bpain\b")


# Beyond the configured disease terms: medication comparisons and blood pressure.
DISEASE = triggers.define("disease", [
    "medic", "meds", "drug", "pill", "prescription", "painkiller", "gabapentin", "pregabalin", "lyrica", "statin",
    "antidepress", "ssri", "insulin", "metformin", "sleeping", "anti-inflam", "ibuprofen", "benzodiaz", "xanax",
    "valium", "opioid", "treatment", "natural", "blood", "hypertens", "bp", "inhaler", "puffer", "antacid", "laxative",
    "ritalin", "sertraline", "prozac", "fluoxetine", "paracetamol", "acetaminophen", "aspirin", "tylenol", "advil",
    "nurofen", "codeine", "triptan", "sumatriptan", "beta", "thinner", "nature", "chill",
])


@dataclass(frozen=True)
class DiseaseMatch:
    kind: str  # "claim", "implied" or "blood_pressure"
    start: int  # absolute
    end: int
    sentence: Sentence


def _skip(doc: Document, sentence: Sentence, pos: int, disclaimers: list[tuple[int, int]]) -> bool:
    """Not the article's own claim: inside the DSHEA disclaimer, quoted, negated or rejected. A quoted
    first-person testimonial ("it's gone, totally gone") is not reported speech: a testimonial the
    article publishes is its own claim (FTC Endorsement Guides, 16 CFR 255.2)."""
    text = sentence.text
    quote = doc.quote_at(sentence.start + pos)
    return (
        any(s <= pos < e for s, e in disclaimers)
        or (quote is not None and not TESTIMONY_RE.search(doc.text, *quote))
        or is_negated(text, pos)
        or is_rejected(text, pos)
    )


def _testimony_after(doc: Document, sentence: Sentence) -> bool:
    """First-person testimony ("My fibromyalgia flare-ups have stopped") right after a sentence, in
    the same paragraph, that names magnesium or a product: the testimony is about that product."""
    previous = doc.previous(sentence)
    return bool(
        TESTIMONY_RE.search(sentence.text) and previous is not None and previous.paragraph == sentence.paragraph
        and (NAMED_SUBJECT_RE.search(previous.text) or CANDIDATE_RE.search(previous.text)
             or (doc.config.product_re and doc.config.product_re.search(previous.text)))
    )


def _attributed(doc: Document, sentence: Sentence) -> bool:
    """A cited report of what a study found or a guideline says (or of a medical use) is the source's
    claim, reported, not the article's own. The citation may close the report one sentence later, in
    the same paragraph ("The society reviewed treatments for preventing migraine. They rated
    magnesium probably effective.[1]")."""
    if not reports_source(sentence.text):
        return False
    if sentence.cited:
        return True
    following = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
    return (
        following is not None and following.cited and following.paragraph == sentence.paragraph
        and not following.in_reference_list and bool(CONTINUES_REPORT_RE.match(following.text))
    )


def disease_matches(doc: Document) -> list[DiseaseMatch]:
    def compute(doc: Document) -> list[DiseaseMatch]:
        out: list[DiseaseMatch] = []
        disease_re = doc.config.disease_re
        implied_re = doc.config.implied_re
        implied_in = {s.index for s in doc.triggered("cfg:implied_disease")}
        medication_in = {s.index for s in doc.triggered(DISEASE)}
        for sentence in doc.triggered("cfg:disease_terms", "cfg:implied_disease", DISEASE):
            text = sentence.text
            low = doc.lower[sentence.start:sentence.end]
            following = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
            asserted = RHETORICAL_RE.match(text) or (following is not None and YES_RE.match(following.text))
            if sentence.is_question and not asserted or not SUBJECT_RE.search(text) and not (
                doc.config.product_re and doc.config.product_re.search(text)
            ) and not sells(text) and not CANDIDATE_RE.search(text) and not _testimony_after(doc, sentence):
                continue  # not about magnesium or a product on sale
            disclaimers = []
            if "intended" in low or "evaluated" in low:
                disclaimers = [(m.start(), m.end()) for m in DISCLAIMER_RE.finditer(text)]
            found: list[tuple[str, int, int]] = []
            if disease_re is not None:
                diseases = [d for d in disease_re.finditer(text) if not BP_TERM_RE.search(d.group(0))]
                for d in diseases:
                    # The verb whose object this is: the nearest one before it (a verb further back
                    # has this one in between), in the same clause, a few words away.
                    verbs = list(VERB_RE.finditer(text, max(0, d.start() - 110), d.start()))
                    if not verbs:
                        continue
                    m = verbs[-1]
                    strong = bool(m.group("strong"))
                    if d.end() > clause_end(text, m.end(), lookahead=90 if strong else 60):
                        continue
                    if len(text[m.end():d.start()].split()) > (8 if strong else 5):
                        continue
                    if not _skip(doc, sentence, m.start(), disclaimers):
                        found.append(("claim", m.start(), d.end()))
                for m in NOUN_RE.finditer(text) if NOUN_QUICK_RE.search(low) else ():
                    limit = clause_end(text, m.end(), lookahead=70)
                    d = disease_re.search(text, m.end(), limit)
                    if (
                        d and not BP_TERM_RE.search(d.group(0)) and len(text[m.end():d.start()].split()) <= 5
                        and not _skip(doc, sentence, m.start(), disclaimers)
                    ):
                        found.append(("claim", m.start(), d.end()))
                for d in diseases:
                    tail = text[d.end():d.end() + 60]
                    after = DISEASE_NOUN_AFTER_RE.match(tail) or PASSIVE_RE.match(tail) or IMPROVES_RE.match(tail)
                    if after and not _skip(doc, sentence, d.start(), disclaimers):
                        found.append(("claim", d.start(), d.end() + after.end()))
                    window = low[max(0, d.start() - 40):d.start()]
                    if not any(word in window for word in WRAP_WORDS):
                        continue
                    for before_re, after_re in ((KEEP_BEFORE_RE, AWAY_AFTER_RE), *WRAPS):
                        before = before_re.search(text, max(0, d.start() - 40), d.start())
                        after = before and after_re.match(tail)
                        if after and not _skip(doc, sentence, before.start(), disclaimers):
                            found.append(("claim", before.start(), d.end() + after.end()))
                if diseases and any(word in low for word in IDIOM_WORDS):
                    for m in FOR_GOOD_RE.finditer(text):
                        if not _skip(doc, sentence, m.start(), disclaimers):
                            found.append(("claim", m.start(), m.end()))
            if implied_re is not None and sentence.index in implied_in:
                for m in implied_re.finditer(text):
                    if not _skip(doc, sentence, m.start(), disclaimers):
                        found.append(("implied", m.start(), m.end()))
            for m in IMPLIED_RE.finditer(text) if sentence.index in medication_in else ():
                if m.group(0).lower() == "natural alternative":
                    previous = doc.previous(sentence)
                    context = text + " " + (previous.text if previous else "")
                    if not MEDICATION_CONTEXT_RE.search(context) and not (disease_re and disease_re.search(context)):
                        continue
                if not _skip(doc, sentence, m.start(), disclaimers):
                    found.append(("implied", m.start(), m.end()))
            if ("blood" in low or "hypertens" in low or "bp" in low) and not QUALIFIED_BP_RE.search(text):
                for pattern in (BP_VERB_RE, BP_PASSIVE_RE):
                    for m in pattern.finditer(text):
                        if not _skip(doc, sentence, m.start(), disclaimers):
                            found.append(("blood_pressure", m.start(), m.end()))
            if not found or _attributed(doc, sentence) or (
                HEDGE_QUICK_RE.search(low) and EVIDENCE_HEDGE_RE.search(text)
            ):
                continue  # no claim, or a report of what a source found, or about the state of the evidence
            # One match per overlapping stretch and kind (the shortest: verb to its nearest disease).
            found.sort(key=lambda f: (f[0], f[1], f[2]))
            last: dict[str, int] = {}
            for kind, start, end in found:
                if start < last.get(kind, -1):
                    continue
                last[kind] = end
                out.append(DiseaseMatch(kind, sentence.start + start, sentence.start + end, sentence))
        claimed = {match.sentence.index for match in out}
        for sentence in doc.triggered("cfg:disease_terms"):
            # "Kidney stones? Magnesium citrate dissolves them naturally.": a short question or heading
            # names the condition, the next sentence of the paragraph claims the cure with a pronoun.
            following = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
            if (
                following is None or following.index in claimed or following.paragraph != sentence.paragraph
                or following.in_reference_list or following.is_question
                or not (sentence.is_question or sentence.is_heading or len(sentence.text.split()) <= 6)
            ):
                continue
            m = PRONOUN_OBJECT_RE.search(following.text) or FOR_GOOD_RE.search(following.text)
            named = NAMED_SUBJECT_RE.search(following.text) or doc.reference.form_re.search(following.text) or (
                doc.config.product_re and doc.config.product_re.search(following.text))
            if m and named and not _skip(doc, following, m.start(), []) and not _attributed(doc, following):
                out.append(DiseaseMatch("claim", following.start + m.start(), following.start + m.end(), following))
        return out

    return doc.memo("disease_matches", compute)
