"""Statements that contradict MagSite's own reference data: a form's absorption, the upper limit,
the Daily Value, a food's magnesium per serving. The absorption stems (detectors/absorption.py) and
the number stems (quantities.py) are shared with claims.py and the dose finding."""

import re
from collections.abc import Iterator

from moderation import triggers
from moderation.base import Hit
from moderation.detectors.absorption import ABSORPTION
from moderation.document import Document, Sentence
from moderation.language import age_bands
from moderation.patterns import ci
from moderation.quantities import NUMBER, find_amounts, find_serving

RDA = triggers.define("rda", ["rda", "recommended dietary", "recommended daily", "recommended intake",
                             "recommended allowance", "recommended amount", "dietary allowance", "need", "require"])
UPPER_LIMIT = triggers.define("upper_limit", ["upper", "ul", "safe", "maximum", "ceiling", "limit"])
DAILY_VALUE = triggers.define("daily_value", ["daily", "dv"])
ABSORB_HIGH_RE = ci(
    r"\b(?:(?:highly|readily|easily|well|better|best|most|very|quickly|rapidly|efficiently|fully|completely|superbly"
    r"|more easily|more readily)[- ](?:absorbed|absorbable|bioavailable)"
    r"|(?:high|excellent|superior|great|good|the highest|highest|best|optimal|maximum|exceptional|outstanding|"
    r"enhanced|increased|better|greater)\s+(?:bio-?availability|absorption(?: rates?)?|absorbability|uptake)"
    r"|absorbs? (?:well|best|easily|readily|quickly|better|beautifully|brilliantly|superbly|nicely|really well|so well"
    r"|very well)|(?:most|more|very) (?:bio-?available|absorbable)"
    r"|absorbed (?:better|best|well|easily|readily|quickly|efficiently|(?:much |far )?more (?:easily|readily"
    r"|completely|efficiently|fully))"
    # "the gold-standard form when it comes to absorption", "soaks into the bloodstream more completely"
    r"|(?:the )?(?:gold[- ]standard|best|top|number one|#1|leading)(?: form| choice| pick| option)?"
    r" (?:for|when it comes to|in terms of) (?:absorption|bioavailability|being absorbed)"
    r"|(?:soaks?|soaked|gets?|passes?|passed|enters?|entered|goes|went)\s+(?:up\s+)?(?:in(?:to)?\s+)?(?:the |your )?"
    r"(?:blood(?:stream)?|body|system)\s+(?:(?:much |far )?more (?:completely|easily|readily|efficiently|fully|quickly)"
    r"|better|faster|easily|readily|quickly|efficiently)"
    # "few forms are absorbed as efficiently as magnesium hydroxide": the form named last is the best
    r"|(?:absorbed|taken up)(?: by the (?:gut|body|intestines?))? (?:almost |nearly |virtually )?(?:completely|fully"
    r"|entirely)"
    r"|(?:few|no) (?:other )?(?:forms?|types?|kinds?|supplements?) (?:are|is|get|gets) (?:absorbed|taken up) (?:as|so)"
    r" (?:well|efficiently|easily|readily|completely|fully) as)\b",
)
ABSORB_LOW_RE = ci(
    r"\b(?:(?:poorly|badly|barely|least|less|hardly|minimally|not well|not easily|not readily|scarcely)[- ]"
    r"(?:(?:gets?|got|is|are|being)\s+)?(?:absorbed|absorbable|bioavailable)"
    r"|(?:low|poor|limited|minimal|the lowest|lowest|inferior|reduced|lower|weak)\s+(?:bio-?availability"
    r"|absorption(?: rates?)?|absorbability|uptake)|(?:least|less) (?:bio-?available|absorbable)|absorbs? poorly"
    r"|absorbed (?:poorly|badly|less (?:well|easily|readily|completely|efficiently)|least)"
    r"|(?:so |very |too )?little (?:of (?:it|the dose|a dose) )?(?:gets?|is|being) absorbed|unabsorbed|not absorbed"
    r"|isn['’]t absorbed)\b",
)
CLAUSE_OR_CELL_RE = re.compile(r"[;.!?]\s|\|")
PRONOUN_RE = ci(r"\b(?:it|its|of it)\b")
CONTRAST_RE = ci(r"[;:]|\b(?:while|whereas|but)\b")
LESS_BEFORE_RE = ci(r"\b(?:less|least)\s+$")
NOT_BEFORE_RE = ci(r"\b(?:not|isn['’]t|aren['’]t|never|no)\s+(?:\w+\s+)?$")
# Forms after these are the other side of a comparison, not the subject of the statement.
COMPARISON_BREAK_RE = ci(
    r"\b(?:than|unlike|compared (?:to|with)|versus|vs\.?|over|whereas|while|but|instead of|rather than)\b|[;:—]",
)
UL_PHRASE_RE = re.compile(
    r"(?i:\b(?:tolerable\s+)?upper\s+(?:intake\s+|tolerance\s+|safe\s+)?(?:limit|level)s?\b|\bceiling\b"
    r"|\bsafe(?:ty)?\s+upper\s+limit\b|\bmaximum\s+safe\s+(?:dose|amount|intake)\b)|\bUL\b"
)
UL_LINK_RE = ci(
    r"^(?:\s*\([^)]*\))?(?:\s*(?:for|in|among|of)\s+(?:[^\d.;]|\d(?![\d,.]*\s*(?:mg|g|grams?|milligrams?)\b)){0,60}?)?\s*"
    r"(?:is|are|was|were|of|at|around|about|roughly|approximately|=|:|\(|sits at|stands at|set at|be|remains|,)"
    r"(?:\s+(?:generally|usually|typically|often|commonly|considered|thought|said|to|be|set|at|around|about|roughly"
    r"|approximately|only|just|now|still|currently|is|of))*\s*$",
)
UL_AFTER_AMOUNT_RE = ci(
    r"^\s*(?:(?:a|per)\s+day\s+|daily\s+|/day\s+)?(?:of\s+)?(?:elemental\s+|supplemental\s+)?(?:magnesium\s+)?(?:a\s+day\s+)?"
    r"(?:from supplements\s+)?(?:is|as|marks|represents)\s+(?:the\s+)?(?:tolerable\s+|safe\s+)?(?:upper\s+)?(?:intake\s+)?"
    r"(?:limit|ceiling)",
)
DV_RE = ci(r"\b(?:daily value|DV)\b(?:\s+(?:for|of)\s+magnesium)?(?:\s+(?:is|was|of|at|=|:|set at|sits at))\s*$")
PREP_RE = ci(r"\b(?:raw|fresh|uncooked|dried|frozen|sprouted|boiled|cooked|roasted|baked|canned|steamed)\b")
# "Magnesium oxide is only about 10% magnesium by weight", "glycinate is roughly half elemental magnesium".
_SHARE = (r"(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent|per cent)|(?P<frac>half|a half|a third|one third|two[- ]thirds|a quarter"
          r"|one quarter|three[- ]quarters|a fifth|one fifth|a tenth|one tenth)")
ELEMENTAL_SHARE_RE = ci(
    r"\b(?:is|are|contains?|provides?|has|holds|delivers|yields|supplies|at)\s+(?:only\s+|just\s+|about\s+|around\s+"
    r"|roughly\s+|approximately\s+|nearly\s+|almost\s+|over\s+|under\s+|a mere\s+|some\s+|an? [\w-]+\s+)*(?:"
    + _SHARE + r")\s+"
    r"(?:(?:elemental\s+)?magnesium\s+by\s+(?:weight|mass)|elemental(?:\s+magnesium)?|magnesium\s+\(?elemental\)?"
    r"|magnesium(?=\s*(?:[,;.]|$|\s+(?:so|and|which|but|while|because|in it)\b)))",
)
FRACTION_SHARE = {"half": 50, "a half": 50, "a third": 33.3, "one third": 33.3, "two thirds": 66.7, "two-thirds": 66.7,
                  "a quarter": 25, "one quarter": 25, "three quarters": 75, "three-quarters": 75, "a fifth": 20,
                  "one fifth": 20, "a tenth": 10, "one tenth": 10}
TOTAL_RE = ci(r"\b(?:together|in total|combined|altogether|between them|add up|adds up|more than|over)\b")
FOOD_LIST_RE = ci(r"[^.;:]{0,40}?(?:,|\band\b)[^.;:]{0,40}")
COOKED_WORDS = {"boiled", "cooked", "roasted", "baked", "canned", "steamed"}
RAW_WORDS = {"raw", "fresh", "uncooked", "dried", "frozen", "sprouted"}


def record_fix(what: str) -> str:
    """The suggested fix when the text disagrees with a reference record."""
    return f"Correct the {what} to match the reference record, or cite a source and ask for the record to be reviewed."


def _subject_form(doc: Document, sentence: Sentence, start: int, end: int):
    """The form a statement at [start, end) is about: the nearest one before it in its clause,
    else the first one right after it ("the best-absorbed form, magnesium oxide")."""
    text = sentence.text
    clause_from = 0
    for m in CLAUSE_OR_CELL_RE.finditer(text, 0, start):
        clause_from = m.end()
    before = text[clause_from:start]
    forms = list(doc.reference.form_re.finditer(before))
    for m in reversed(forms):
        between = before[m.end():]
        if COMPARISON_BREAK_RE.search(between):
            break
        head = before[max(0, m.start() - 12):m.start()]
        if COMPARISON_BREAK_RE.search(head):
            continue
        return doc.reference.form_by_name.get(m.group(0).lower())
    after = text[end:end + 45]
    m = doc.reference.form_re.search(after)
    if m and not COMPARISON_BREAK_RE.search(after[: m.start()]) and len(after[: m.start()].split()) <= 4:
        return doc.reference.form_by_name.get(m.group(0).lower())
    if clause_from and PRONOUN_RE.search(text, clause_from, end):
        forms = list(doc.reference.form_re.finditer(text, 0, clause_from))
        if len(forms) == 1:  # "it" can only be the one form the sentence has named
            return doc.reference.form_by_name.get(forms[0].group(0).lower())
    return None


def form_absorption(doc: Document) -> Iterator[Hit]:
    """ "Magnesium oxide is highly absorbable" when the oxide record says low (and the reverse)."""
    for sentence in doc.triggered(ABSORPTION):
        text = sentence.text
        if not doc.reference.form_re.search(text):
            continue
        claims = [(m, "high") for m in ABSORB_HIGH_RE.finditer(text)] + [(m, "low") for m in ABSORB_LOW_RE.finditer(text)]
        for m, level in claims:
            if NOT_BEFORE_RE.search(text[max(0, m.start() - 20):m.start()]):
                level = "low" if level == "high" else "high"
            elif level == "high" and LESS_BEFORE_RE.search(text[max(0, m.start() - 10):m.start()]):
                level = "low"  # "less well absorbed"
            form = _subject_form(doc, sentence, m.start(), m.end())
            if form is None or form.bioavailability in ("moderate", "not_rated") or form.bioavailability == level:
                continue
            yield Hit(
                sentence.start + m.start(), sentence.start + m.end(),
                f"Says {form.name.lower()} is {'well' if level == 'high' else 'poorly'} absorbed; MagSite's "
                f"reference record rates its bioavailability {form.bioavailability}.",
                record_fix("statement"),
            )


def _ul_for_amount(doc: Document, text: str, start: int, end: int):
    for _low, high in age_bands(text[max(0, start - 70):min(len(text), end + 70)]):
        if high < 9:
            return doc.reference.upper_limit_for(high) or doc.reference.adult_upper_limit
    return doc.reference.adult_upper_limit


def upper_limit(doc: Document) -> Iterator[Hit]:
    """An upper limit stated as anything other than the reference UL for that age (350 mg for 9+)."""
    for sentence in doc.triggered(UPPER_LIMIT):
        text = sentence.text
        phrases = list(UL_PHRASE_RE.finditer(text))
        if not phrases:
            continue
        for amount in find_amounts(text):
            stated = False
            for phrase in phrases:
                gap = amount.start - phrase.end()
                if 0 <= gap <= 120 and UL_LINK_RE.match(text[phrase.end():amount.start]):
                    stated = True
            if not stated and UL_AFTER_AMOUNT_RE.match(text[amount.end:amount.end + 150]):
                stated = True
            if not stated:
                continue
            limit = _ul_for_amount(doc, text, amount.start, amount.end)
            values = {round(amount.low), round(amount.high)}
            if values != {limit.mg}:
                yield Hit(
                    sentence.start + amount.start, sentence.start + amount.end,
                    f"States the upper limit as {text[amount.start:amount.end]}; the Tolerable Upper Intake Level "
                    f"for supplemental magnesium is {limit.mg} mg/day ({limit.label}).",
                    f"Write “{limit.mg} mg a day from supplements ({limit.label})”.",
                )


def daily_value(doc: Document) -> Iterator[Hit]:
    for sentence in doc.triggered(DAILY_VALUE):
        text = sentence.text
        for amount in find_amounts(text):
            if DV_RE.search(text[max(0, amount.start - 50):amount.start]) and round(amount.high) != doc.reference.daily_value_mg:
                yield Hit(
                    sentence.start + amount.start, sentence.start + amount.end,
                    f"States the Daily Value as {text[amount.start:amount.end]}; the current Daily Value for "
                    f"magnesium is {doc.reference.daily_value_mg} mg.",
                    f"Write {doc.reference.daily_value_mg} mg.",
                )


def food_amount(doc: Document) -> Iterator[Hit]:
    """A food's magnesium per serving far (over 2×) from its reference record."""
    food_re = doc.reference.food_re
    numbers = {s.index for s in doc.triggered(NUMBER)}
    for sentence in doc.triggered("ref:foods"):
        if sentence.index not in numbers:
            continue
        text = sentence.text
        foods = list(food_re.finditer(text))
        if not foods:
            continue
        amounts = find_amounts(text)
        if not amounts:
            continue
        for i, food_m in enumerate(foods):
            food = doc.reference.food_by_name[food_m.group(0).lower()]
            next_food = foods[i + 1].start() if i + 1 < len(foods) else len(text)
            amount = next((a for a in amounts if food_m.end() <= a.start < min(next_food, food_m.end() + 70)), None)
            if amount is None:
                continue
            between = text[food_m.end():amount.start]
            if CONTRAST_RE.search(between) or doc.reference.form_re.search(between):
                continue
            if TOTAL_RE.search(between) or (i > 0 and FOOD_LIST_RE.fullmatch(text[foods[i - 1].end():food_m.start()])):
                continue  # "an ounce of almonds ... and half a cup of black beans together supply 218 mg": a total
            window_start = max(0, food_m.start() - 30)
            if i > 0:
                window_start = max(window_start, foods[i - 1].end())
            found = find_serving(text[window_start:food_m.start()]) or find_serving(text[amount.end:amount.end + 30])
            if found is None:
                found = find_serving(between)
            expected = _expected_mg(food, found, text[window_start:amount.end + 30])
            if expected is not None and not (0.5 <= amount.high / expected <= 2):
                yield _food_hit(food, text[food_m.start():food_m.end()], text[amount.start:amount.end], expected,
                                sentence.start + food_m.start(), sentence.start + amount.end)
    # "Chia seeds? Barely any magnesium, about 20 mg an ounce.": the food named by a short question
    # before the answer that gives its amount.
    for sentence in doc.triggered("ref:foods"):
        following = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
        if not sentence.is_question or len(sentence.text.split()) > 6 or following is None \
                or following.paragraph != sentence.paragraph or food_re.search(following.text):
            continue
        foods = list(food_re.finditer(sentence.text))
        amounts = find_amounts(following.text)
        if len(foods) != 1 or not amounts:
            continue
        food, amount, text = doc.reference.food_by_name[foods[0].group(0).lower()], amounts[0], following.text
        found = find_serving(text[amount.end:amount.end + 30]) or find_serving(text[:amount.start])
        expected = _expected_mg(food, found, sentence.text + " " + text)
        if expected is not None and not (0.5 <= amount.high / expected <= 2):
            yield _food_hit(food, foods[0].group(0), text[amount.start:amount.end], expected,
                            following.start + amount.start, following.start + amount.end)


def _expected_mg(food, found, local: str) -> float | None:
    """The record's magnesium for the serving found, or None where the record does not apply."""
    if found is None or food.parsed_serving is None:
        return None
    ratio = found[0].ratio_to(food.parsed_serving)
    if ratio is None:
        return None
    preps = set(PREP_RE.findall(local.lower()))
    record_preps = set(PREP_RE.findall(food.name.lower()))
    if (preps & RAW_WORDS and record_preps & COOKED_WORDS) or (preps & COOKED_WORDS and record_preps & RAW_WORDS):
        return None  # raw spinach is not boiled spinach: the record does not apply
    expected = food.mg * ratio
    return expected if expected > 0 else None


def _food_hit(food, name: str, stated: str, expected: float, start: int, end: int) -> Hit:
    return Hit(
        start, end,
        f"Gives {name} {stated} of magnesium for that serving; the reference record ({food.name}) has {food.mg} mg per "
        f"{food.serving}, about {expected:.0f} mg for the serving named.",
        "Correct the figure to match the reference record, or cite the source of the figure.",
    )


def elemental_percent(doc: Document) -> Iterator[Hit]:
    """A form's share of elemental magnesium stated far (over 1.5x) from its reference record
    ("magnesium oxide is only about 10% magnesium by weight"; the record says 60%)."""
    for sentence in doc.triggered("ref:forms"):
        text = sentence.text
        for m in ELEMENTAL_SHARE_RE.finditer(text):
            stated = float(m.group("pct")) if m.group("pct") else FRACTION_SHARE[" ".join(m.group("frac").split())]
            form = _subject_form(doc, sentence, m.start(), m.end())
            if form is None or not form.elemental_percent:
                continue
            ratio = stated / float(form.elemental_percent)
            if 1 / 1.5 <= ratio <= 1.5:
                continue
            yield Hit(
                sentence.start + m.start(), sentence.start + m.end(),
                f"Says {form.name.lower()} is {text[m.start('pct') if m.group('pct') else m.start('frac'):m.end()]};"
                f" MagSite's reference record gives {float(form.elemental_percent):g}% elemental magnesium by weight.",
                record_fix("figure"),
            )


# -- Recommended Dietary Allowances -------------------------------------------------------------

RDA_PHRASE_RE = ci(
    r"\b(?:rda|recommended dietary allowance|recommended (?:daily |total )?(?:intake|allowance|amount)s?"
    r"|dietary allowance)\b"
    r"|\b(?:men|women|adults|males|females|boys|girls|teens|teenagers)\b(?: (?:aged|over|under|older than) \d{1,2})?"
    r"(?: to \d{1,2})?(?: years?)?(?: (?:only|typically|generally|usually))? (?:need|needs|require|requires)\b",
)
MALE_RE = ci(r"\b(?:men|man|males?|boys?|husbands?|fathers?)\b")
FEMALE_RE = ci(r"\b(?:women|woman|females?|girls?|wives|mothers?)\b")
PREGNANCY_RE = ci(r"\bpregnan\w*")
LACTATION_RE = ci(r"\b(?:breastfeeding|breast-feeding|lactat\w+|nursing)\b")
AGE_GROUP_WORDS_RE = ci(r"\b(?P<teen>teens?|teenagers?|teenage|adolescents?)\b|\b(?P<child>children|kids)\b")
GROUP_AFTER_RE = ci(r"\s*(?:(?:a|per) day\s+|daily\s+)?(?:(?:for|in|among|during)\b|\()")
CLAUSE_END_RE = re.compile(r"[,;]|\band\b")
OTHER_FIGURE_RE = ci(r"\bupper (?:intake )?(?:limit|level)|\bul\b|daily value|\bdv\b|from supplements|supplement")


def _group(text: str) -> tuple[str | None, str, tuple[float, float] | None]:
    """(sex, life stage, ages) described in `text`: None and "general" when it does not say."""
    stage = "pregnancy" if PREGNANCY_RE.search(text) else "lactation" if LACTATION_RE.search(text) else "general"
    sex = "female" if stage != "general" or FEMALE_RE.search(text) else "male" if MALE_RE.search(text) else None
    bands = age_bands(text)
    words = AGE_GROUP_WORDS_RE.search(text)
    ages = bands[0] if bands else (14.0, 18.0) if words and words.group("teen") else (1.0, 13.0) if words else None
    return sex, stage, ages


def rda(doc: Document) -> Iterator[Hit]:
    """A Recommended Dietary Allowance stated against the reference table for the group named
    ("the RDA for women aged 31 to 50 is 420 mg"; the table says 320 mg)."""
    allowances = doc.reference.allowances
    if not allowances:
        return
    for sentence in doc.triggered(RDA):
        text = sentence.text
        phrase = RDA_PHRASE_RE.search(text)
        if not phrase:
            continue
        amounts = [a for a in find_amounts(text) if a.start > phrase.end()]
        previous_end = phrase.end()
        for i, amount in enumerate(amounts):
            before = text[previous_end:amount.start]
            following = amounts[i + 1].start if i + 1 < len(amounts) else len(text)
            after = text[amount.end:min(following, amount.end + 40)]
            previous_end = amount.end
            if OTHER_FIGURE_RE.search(before):
                break  # the sentence has moved on to the upper limit or the Daily Value
            # The group is named right after the figure ("420 mg for men"), else before it ("for men ... is 420 mg").
            attached = GROUP_AFTER_RE.match(after)
            if attached:
                sex, stage, ages = _group(after[: CLAUSE_END_RE.search(after + ",").start()])
                if ages is None:  # the age band named earlier in the sentence still applies
                    ages = _group(text[max(0, phrase.start() - 60):amount.start])[2]
            else:
                sex, stage, ages = _group(text[max(0, phrase.start() - 60):amount.start] if i == 0 else before)
            rows = [r for r in allowances if r.life_stage == stage and (sex is None or r.sex in (sex, "any"))
                    and (r.overlaps(*ages) if ages else r.age_from >= 19)]
            if not rows:
                continue
            low, high = min(r.mg for r in rows), max(r.mg for r in rows)
            if low * 0.95 <= amount.low and amount.high <= high * 1.05:
                continue
            expected = f"{low} mg" if low == high else f"{low}–{high} mg"
            yield Hit(
                sentence.start + amount.start, sentence.start + amount.end,
                f"States a Recommended Dietary Allowance of {text[amount.start:amount.end]}; MagSite's intake table "
                f"gives {expected} a day for the group named.",
                f"Correct the figure to {expected}, or name the group it is for.",
            )
