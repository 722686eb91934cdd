"""Shared reading helpers: clauses, negation, attribution, what the sentence is about."""

import re

from moderation.patterns import ci

# Where a new clause starts: a negation before it does not reach past it
# ("won't cure X overnight, but it does repair Y").
CLAUSE_BREAK_RE = ci(
    r"[;:!?]|,\s*(?:but|yet|however|although|though|whereas|while|so|and it|and this|instead)\b"
    r"|\s(?:but|yet|however|whereas|although)\s|\s[—–]\s|—|\.\s",
)
NEGATOR_RE = ci(
    r"\b(?:not(?!\s+(?:only|just|merely|simply|least))|no(?!\s+(?:longer|doubt|matter))|never|cannot|nothing|none"
    r"|neither|nor|unlikely|fail(?:s|ed)?\s+to|little evidence|lack of evidence|insufficient evidence"
    r"|(?:is|are|was|were|does|do|did|wo|ca|could|should|would|has|have|had)n['’]t|won['’]t|can['’]t)\b",
)
# A statement reported in order to reject it: "the myth that magnesium cures diabetes".
REJECTION_RE = ci(
    r"\b(?:myths?|claims?|the (?:idea|notion|belief)|promises?|marketers?|sellers?|ads|advertis\w+|websites?|"
    r"rumou?rs?)\s+(?:that|to)\b|\bit is (?:false|untrue|a myth)\b|\bthere is no (?:evidence|proof)\b|\bfalsely\b"
    r"|\b(?:read|hear|see|seen|heard)(?: \w+){0,2} that\b|\b(?:headlines?|reports?|articles?|posts?|ads?|adverts?)"
    r" (?:promising|claiming|saying) that\b|\b(?:sellers?|marketers?|ads|brands|websites?|companies|influencers?)"
    r" (?:call|calls|called|describe|describes|promote|promotes|market|markets|bill|bills|tout|touts)\b"
    r"|\b(?:misleading|wrong|inaccurate|incorrect|false|unfair|premature|a stretch|an overstatement|too early) to"
    r" (?:call|describe|say|claim|label|present)\b|\bwhether\b",
)
# Reporting what a study found (a cited report of findings is not the article's own claim).
ATTRIBUTION_RE = ci(
    r"\b(?:study|studies|trial|trials|review|meta-analysis|analysis|cohort|researchers|investigators|authors)\b"
    r"[^.;]{0,90}?\b(?:found|find|reported|report|observed|noted|concluded|showed|suggested|saw|measured|tested|"
    r"examined|compared|link|links|linked|tie|ties|tied|associate|associates|associated|connect|connects|connected)\b"
    r"|\bin (?:a|one|two|three|several|the|this|that|their) (?:\d{4} )?(?:[\w-]+ ){0,3}(?:study|trial|trials|studies|"
    r"review|meta-analysis)\b|\bparticipants\b|\baccording to\b",
)
# Reporting what a named authority says or did: a guideline, a society, an agency ("The American
# Headache Society guideline lists magnesium as probably effective ...", "Neurology guidelines rate ...").
# Agencies named by acronym count only in capitals ("WHO", not "who"): a pattern of their own, so the
# common case runs case-insensitively on lowercased text (patterns.ci).
_SOURCE_VERBS = (
    r"\b(?:lists?|listed|rates?|rated|ranks?|ranked|grades?|graded|recommends?|recommended|reviewed"
    r"|classif(?:y|ies|ied)|considers?|considered|describes?|described|notes?|noted|states?|stated|says|said"
    r"|concludes?|concluded|judges?|judged|assess(?:es|ed)|calls?|called|labels?|labell?ed|endorses?|endorsed"
    r"|includes?|included|found|finds|advises?|advised|suggests?|suggested)\b"
)
SOURCE_ATTRIBUTION_RE = ci(
    r"(?<!\bour )(?<!\bmy )\b(?:guidelines?|recommendations?|society|societies|association|academy|college"
    r"|organi[sz]ations?|agency|agencies|panels?|committee|task force|institutes?|consensus statement"
    r"|position statement|fact sheet)\b[^.;]{0,80}?" + _SOURCE_VERBS,
)
SOURCE_ACRONYM_ATTRIBUTION_RE = re.compile(
    r"(?<!\b(?i:our) )(?<!\b(?i:my) )\b(?:FDA|NIH|ODS|WHO|NICE|EFSA|AAN|AHS)\b[^.;]{0,80}?(?i:" + _SOURCE_VERBS + ")",
)
# Medical (drug) use reported as such: "intravenous magnesium is used in hospitals to treat eclampsia".
MEDICAL_USE_RE = ci(
    r"\b(?:intravenous\w*|injections?|injected|infusions?|intramuscular\w*)\b|\bin (?:the )?hospitals?\b",
)
MEDICAL_USE_IV_RE = re.compile(r"\bIV\b")
# Cheap test before the acronym patterns: most sentences name no agency at all.
_ACRONYMS_QUICK_RE = re.compile(r"FDA|NIH|ODS|WHO|NICE|EFSA|AAN|AHS|IV")
# A sentence that carries on the report of the one before ("They rated magnesium ...", "The guideline ...").
CONTINUES_REPORT_RE = ci(
    r"^\W*(?:they|it|its|their|these|this|the (?:guideline|guidelines|review|reviewers|panel|authors|society|study"
    r"|trial|trials|analysis|meta-analysis|committee|agency|report|researchers))\b",
)
# What a health claim is about: magnesium, a supplement, or a pronoun standing for one.
SUBJECT_RE = ci(
    r"\b(?:magnesium|mg supplements?|supplement(?:s|ation|ing)?|this mineral|the mineral|minerals?|it|its|this|"
    r"they|epsom|capsules?|tablets?|formula|product|dose|doses|glycinate|citrate|oxide|malate|taurate|threonate|"
    r"chloride|sulfate|bisglycinate)\b",
)
QUESTION_START_RE = ci(r"^\s*(?:can|does|do|is|are|will|should|could|how|what|why|which|when)\b")
ANIMAL_CONTEXT_RE = ci(
    r"\b(?:rats?|mice|mouse|rodents?|animals?|animal models?|in vitro|cell cultures?|cells in a dish|laboratory|"
    r"test[- ]tube|piglets?|dogs?|rabbits?|zebrafish)\b",
)


# Ages as articles write them: "aged 4 to 8", "children 1-3", "4-8 years", "a 6-year-old", "six-year-olds",
# "10 years old", "under 4", "over 50", "51+".
_AGE_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
AGE_RE = ci(
    rf"\b(?:aged?|ages)\s+(?P<a>\d{{1,2}}|{_AGE_WORDS})(?:\s*(?:-|–|to|through)\s*(?P<b>\d{{1,2}}|{_AGE_WORDS}))?"
    r"|\b(?:children|kids|toddlers?)(?: aged)?\s+(?P<g>\d{1,2})\s*(?:-|–|to|through)\s*(?P<h>\d{1,2})\b"
    r"|\b(?P<toddlers>toddlers?)\b"
    r"|\b(?P<c>\d{1,2})\s*(?:-|–|to)\s*(?P<d>\d{1,2})[- ](?:years?|yrs?|year-olds?)"
    rf"|\b(?P<e>\d{{1,2}}|{_AGE_WORDS})[- ]years?[- ]olds?\b|\b(?P<f>\d{{1,2}}) years? old\b"
    r"|\bunder (?:the age of )?(?P<under>\d{1,2})\b"
    r"|\b(?:over|older than|above)\s+(?P<over>\d{1,2})\b|\b(?P<plus>\d{1,2})\s*(?:\+|years? and (?:over|older|up))",
)
_AGE_NUMBERS = {word: float(i) for i, word in enumerate(_AGE_WORDS.split("|"), start=1)}


def age_bands(text: str) -> list[tuple[float, float]]:
    """The age bands `text` names, in years, in order: "aged 4 to 8" (4, 8), "a 6-year-old" (6, 6),
    "under 4" (0, 3), "over 50" (51, 120)."""
    bands = []
    for m in AGE_RE.finditer(text):
        if m.group("toddlers"):
            bands.append((1.0, 3.0))
        elif m.group("under"):
            bands.append((0.0, float(m.group("under")) - 1))
        elif m.group("over") or m.group("plus"):
            bands.append((float(m.group("over") or m.group("plus")) + (1 if m.group("over") else 0), 120.0))
        else:
            values = [_AGE_NUMBERS.get(v.lower()) or float(v) for v in m.group("a", "b", "c", "d", "e", "f", "g", "h")
                      if v]
            bands.append((min(values), max(values)))
    return bands


def clause_start(text: str, pos: int, *, lookback: int = 240) -> int:
    """Start of the clause containing `pos` (searching at most `lookback` characters back)."""
    base = max(0, pos - lookback)
    start = base
    for m in CLAUSE_BREAK_RE.finditer(text, base, pos):
        start = m.end()
    return start


def clause_end(text: str, pos: int, *, lookahead: int = 240) -> int:
    m = CLAUSE_BREAK_RE.search(text, pos, min(len(text), pos + lookahead))
    return m.start() if m else min(len(text), pos + lookahead)


def is_negated(text: str, pos: int, *, words: int = 8) -> bool:
    """A negator among the `words` words before `pos`, within the same clause."""
    start = clause_start(text, pos)
    before = text[start:pos]
    tokens = before.split()
    window = " ".join(tokens[-words:])
    return bool(NEGATOR_RE.search(window))


def is_rejected(text: str, pos: int) -> bool:
    start = clause_start(text, pos)
    return bool(REJECTION_RE.search(text, max(0, start - 40), pos))


def reports_source(text: str) -> bool:
    """The sentence reports what a study, a named authority or medical practice says or does."""
    return bool(
        ATTRIBUTION_RE.search(text) or SOURCE_ATTRIBUTION_RE.search(text) or MEDICAL_USE_RE.search(text)
        or _ACRONYMS_QUICK_RE.search(text)
        and (SOURCE_ACRONYM_ATTRIBUTION_RE.search(text) or MEDICAL_USE_IV_RE.search(text))
    )
