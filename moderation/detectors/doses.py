"""Supplemental doses: the amounts an article tells readers to take, as elemental magnesium per day.

Read by the dose-risk rules (rules/dosage.py) and by claims.py (a sentence giving a dose is a
dosage claim), so it lives here rather than in either.

Supplemental doses are compared, as elemental magnesium per day, with the upper limit for the age
group the sentence is about: ranges use their top, grams count as 1,000 mg, per-capsule amounts are
multiplied by the capsules (and times) per day, and a compound weight is converted with the named
form's elemental percentage. Magnesium in food is not limited by the UL and is never a dose.
"""

import re
from dataclasses import dataclass

from moderation.document import Document, Sentence
from moderation.language import age_bands
from moderation.patterns import ci
from moderation.quantities import COUNT_WORDS, NUMBER, Amount, find_amounts, to_number
from moderation.reference import FormInfo, UpperLimit

UNIT_NOUN = r"(?:capsules?|caps|tablets?|tabs|softgels?|pills?|gummies|gummy|caplets?|scoops?|servings?|sachets?|packets?|drops|teaspoons?|tsp|doses)"
SUPPLEMENT_CUE_RE = ci(
    rf"\b(?:take|takes|taking|took|dose|doses|dosage|dosing|supplement\w*|{UNIT_NOUN}|powder|elemental|daily"
    r"|a day|per day|each day|every day|a night|per night|each night|every night|twice|nightly|at bedtime|before bed"
    r"|mg/d|mg/day|recommend\w*|try|start with|sweet spot"
    r"|aim for|therapeutic|regimen|protocol|prescribed|use|using|intake of|provid\w+|give|giving|pair|double up"
    r"|with (?:breakfast|lunch|dinner|supper|your evening meal|your main meal)|glycinate|bisglycinate|citrate|oxide"
    r"|malate|chloride|taurate|threonate|lactate|aspartate|gluconate|carbonate|hydroxide|sulfate|sulphate"
    r"|(?:stir|mix|add|dissolv)\w* (?:in)?to (?:their|your|a|the) (?:bottle|drink|juice|water|smoothie|tea|milk|food))\b"
    r"|/day\b",
)
GUIDELINE_BEFORE_RE = ci(
    r"(?:\bRDA\b|recommended dietary allowance|recommended (?:daily |total )?(?:amounts?|intakes?|allowances?)"
    r"|adequate intake|\bAI\b|daily value|\bDV\b|upper (?:\w+ )?(?:limit|level)|\blimits? (?:is|are|was|were|of)\b"
    r"|tolerable|\bUL\b|\bneeds?\b|\brequire\w*|requirement|from food|dietary intake|total intake|the body (?:contains|holds)"
    r"|body stores|stored|serum|blood levels?|excret\w+|loses?|lost|deficit|intake (?:is|was|of)|average (?:intake|american)"
    r"|consume|consumes|get only|eat|eats)[^.;:]{0,60}$",
)
SUPPLEMENTAL_AFTER_RE = ci(
    r"\s*(?:(?:a|per) day\s+|daily\s+)?(?:of\s+)?(?:elemental\s+)?(?:supplemental\b|magnesium\s+(?:from|in|as)\s+"
    r"(?:a\s+)?supplements?\b|(?:from|in|as)\s+(?:a\s+)?supplements?\b)",
)
LIMIT_WORD_RE = ci(r"limit|level|tolerable|\bUL\b|daily value|\bDV\b|ceiling|maximum")
LIMIT_SUBJECT_RE = ci(
    r"^\W*(?:the\s+)?(?:[\w-]+,?\s+){0,5}(?:upper limit|limit|ceiling|maximum|ul|cap|upper level)\b[^.;]{0,110}?"
    r"(?:\b(?:is|are|was|stands at|sits at|of|at)|:)\s+(?:about\s+|around\s+|roughly\s+)?$",
)
# "For adults, 350 mg a day from supplements is a ceiling, not a target."
LIMIT_AFTER_RE = ci(
    r"\s*(?:(?:of|from)\s+(?:[\w-]+\s+){0,2}?)?(?:(?:a|per) day\s+|daily\s+|/day\s+)?(?:(?:of|from)\s+(?:[\w-]+\s+){0,2}?)?"
    r"(?:is|are|marks|represents|as)\s+"
    r"(?:a|an|the|your)\s+(?:\w+\s+){0,2}?(?:ceiling|limit|maximum|cap|upper level)\b",
)
# The amount describes a product against the Daily Value, or what a label lists: not advice to take it.
DV_SHARE_RE = ci(r"\b\d+(?:\.\d+)?\s?%\s+(?:of\s+)?(?:the\s+|your\s+)?(?:daily value|dv|rda|recommended)")
LABEL_RE = ci(
    r"\b(?:labels?|packaging|packs?|bottles?|boxes|tubs?)\b[^.;]{0,30}\b(?:lists?|listed|states?|stated|says|shows?"
    r"|declares?|gives?)\b|\b(?:lists?|listed|states?|stated|declares?)\b[^.;]{0,70}\bon (?:its|the|their|each) (?:label"
    r"|packaging|pack|bottle|box|tub)\b",
)
PRODUCT_NOUN_AFTER_RE = ci(r"\s*(?:[\w-]+\s+){0,2}?(?:supplements?|capsules?|tablets?|pills?|softgels?|gummies|doses?)\b")
# "350 mg a day or less": a limit stated, not a dose. (Patterns read with .match(text, pos) have no "^":
# it would only match at the start of the text.)
OR_LESS_AFTER_RE = ci(
    r"\s*(?:of\s+(?:elemental\s+)?(?:magnesium\s+)?)?(?:(?:a|per) day\s+|daily\s+|/day\s+)?or (?:less|lower|fewer|under"
    r"|below)\b"
)
# "the 420 mg Daily Value": the amount names an intake value.
NAMED_VALUE_AFTER_RE = ci(r"\s*(?:daily value|dv|rda|recommended dietary allowance|upper limit|ul|tolerable upper)\b")
THRESHOLD_BEFORE_RE = ci(
    r"(?:above|over|more than|exceed\w*|beyond|in excess of|greater than|higher than|up from|less than|below|under"
    r"|no more than|not more than|at most|maximum of|limit (?:of|to)|stay (?:under|below|within)|keep (?:it )?(?:under|below)"
    r"|(?:stay|stays|keep|kept|remain|remains) within|no higher than|a maximum of"
    r"|do not (?:take|exceed)|don['’]t (?:take|exceed))\s*(?:about |around |roughly )?$",
)
HARM_RE = ci(
    r"\b(?:caus\w+|lead\w* to|result\w* in|toxic\w*|overdose\w*|hypermagnes\w+|fatal|death|died|poison\w*"
    r"|side effects?|diarrh\w+|laxative|cramping|nausea|dangerous|harm\w*|too much|excess\w*)\b",
)
ADVICE_RE = ci(
    r"\b(?:take|taking|try|start|aim|use|recommend\w*|suggest\w*|should|supplement with|add|consider|go for|opt for"
    r"|dosage of|dose of|is (?:a )?(?:good|safe|typical|standard|common)|works? (?:well|best))\b",
)
# Words that make an amount a supplement even beside a food ("a 200 mg capsule with a glass of milk").
SUPPLEMENT_NEAR_RE = ci(
    r"\b(?:capsules?|caps|tablets?|tabs|softgels?|pills?|gummies|gummy|caplets?|supplement\w*|powder|dose|dosage"
    r"|take|taking|elemental)\b",
)
FOOD_CONTEXT_RE = ci(
    r"\b(?:foods?|diet|dietary|meals?|nuts|seeds|greens|vegetables|legumes|beans|grains|cereal|fruit|chocolate"
    r"|cacao|cocoa|water|tofu|fish|serving of|servings of|a cup of|cups? of|an ounce of|ounces? of|oz of|handful"
    r"|slice of|tablespoons? of|per cup|per ounce|per oz|per serving|per 100 ?g|eat|eating)\b",
)
SUPERVISION_RE = ci(
    r"\bunder (?:the )?(?:close |strict )?(?:medical|clinical|professional|(?:a |your )?(?:doctor|physician|clinician"
    r"|healthcare provider|health care provider|health professional|healthcare professional)['’]s)?\s*(?:supervision"
    r"|guidance|care|direction|monitoring)\b"
    r"|\bmedically supervised\b|\b(?:doctor|physician|clinician)[- ]supervised\b"
    r"|\b(?:as )?(?:prescribed|directed|advised|recommended) by (?:a |your )?(?:doctor|physician|clinician|healthcare"
    r" provider|health care provider|health professional|healthcare professional|specialist)\b"
    r"|\bonly (?:with|under|if) (?:medical|a doctor|your doctor|a physician)\b|\bin (?:a )?hospital\b|\bintravenous\w*\b"
    r"|\bwith (?:medical|your doctor['’]s|a doctor['’]s|your physician['’]s) (?:supervision|approval|guidance)\b",
)
FREQUENCY_RE = ci(
    r"\b(?P<times>twice|two times|three times|thrice|four times|\d+\s*(?:times|x))\s+(?:a|per|each|every)?\s*"
    r"(?:day|daily)\b|\bevery (?P<hours>\d+|four|six|eight|twelve) hours\b"
    r"|\b(?:morning and (?:at )?(?:night|evening|bedtime))\b"
    r"|\bwith (?P<meals>each|every|all (?:three|3)) (?:main )?meals?\b",
)
PER_UNIT_AFTER_RE = ci(
    rf"^\s*(?:of\s+[\w\s-]{{0,30}}?)?(?:\s*\(\w[^)]*\))?\s*(?:per|each|a|in each|in every|in one|/|every)\s*{UNIT_NOUN}\b",
)
COUNT_PER_DAY_RE = ci(
    rf"\b(?P<count>{COUNT_WORDS})\s+(?:\w+\s+)?{UNIT_NOUN}\s+(?:a|per|each|every)\s+day\b"
    rf"|\b(?P<count2>{COUNT_WORDS})\s+(?:\w+\s+)?{UNIT_NOUN}\s+(?:daily|nightly)\b"
    rf"|\b(?:take|taking|takes|swallow|use)\s+(?P<count3>{COUNT_WORDS})\s+(?:\w+\s+)?{UNIT_NOUN}\b",
)
COUNT_BEFORE_RE = ci(rf"\b(?P<count>{COUNT_WORDS})\s*(?:x|×|\*)?\s*$")
UNIT_AFTER_RE = ci(rf"^\s*(?:of\s+\w+\s+)?(?:\w+\s+)?{UNIT_NOUN}\b")
COUNT_UNIT_BEFORE_RE = ci(
    rf"\b(?P<count>{COUNT_WORDS})\s+(?:\w+\s+)?{UNIT_NOUN}\s+(?:of|containing|with|providing)\s*(?:about |around )?$",
)
TIMES_BEFORE_RE = ci(r"\b(?P<count>\d+|two|three|four)\s*(?:x|×)\s*$")
ELEMENTAL_AFTER_RE = ci(r"^[\s(]*(?:of\s+)?(?:elemental\b|\(?elemental\b)")
ELEMENTAL_BEFORE_RE = ci(r"elemental(?:\s+magnesium)?\s*(?:[:(=,]|of|is|at)?\s*$")
CHILD_RE = ci(r"\b(?:children|child|kids|kid|pediatric|paediatric|preschool\w*|school-age\w*|youngsters)\b")
TODDLER_RE = ci(r"\b(?:toddlers?|infants?|babies|baby)\b")
TEEN_RE = ci(r"\b(?:teens?|teenagers?|adolescents?)\b")

# What makes an amount a dose someone takes: advice, a per-day or per-meal frequency, or dose words.
# A sentence with none of these describes a product or does arithmetic ("500 mg of magnesium
# glycinate provides about 70 mg of elemental magnesium", a table row, a caption): not a dose.
DOSE_CONTEXT_RE = ci(
    r"\b(?:take|takes|taking|took|try|use|uses|using|used|start|starting|aim|give|given|giving|swallow|add"
    r"|(?:can|could|may|might|should) (?:safely )?(?:have|get)|do well on|dose|doses|dosage|dosing|regimen|protocol"
    r"|recommend\w*|suggest\w*|advis\w+|should|prescrib\w+|safe|safely|typical|sensible|target|a day|per day"
    r"|each day|every day|a night|daily|nightly|twice|at bedtime|before bed|at night|with (?:each|every|all) \w* ?meals?"
    r"|with meals|mg/d(?:ay)?|(?:across|throughout|over) the day|morning|evening|double up|doubling|each night"
    r"|every night|per night|all you need"
    r"|with (?:breakfast|lunch|dinner|supper)|works? wonders|can work wonders|does the trick|do the trick)\b|/day\b",
)
# Advice in the strict sense: an imperative, a "you should/can take", a recommendation.
STRICT_ADVICE_RE = ci(
    r"(?:^|[.;:!?]\s+|,\s+(?:so|then|and)\s+|\bthen\s+)[\"“]?(?:please\s+)?(?:take|try|use|start|aim|give|add|swallow"
    r"|stick to|go for|opt for|consider taking|increase|double|pair|have)\b"
    r"|\b(?:you|adults|people|women|men|children|kids|most people|most adults|anyone|everyone|one|we|they|athletes)"
    r"\s+(?:\w+\s+)?(?:should|can|could|may|might|need to|ought to|are advised to)\s+(?:safely\s+)?(?:take|have|use"
    r"|try|start|give|get)\b"
    # "the label's suggested serving" names the label's figure; it advises nothing
    r"|\b(?:recommend\w*|suggest\w*|advis\w+)\b(?!\s+(?:serving|servings|dose|dosage|use|amount|intake|no more"
    r"|not|against|limiting|keeping|staying|avoiding)\b)"
    r"|\bis (?:a |the )?(?:good|safe|typical|standard|common|sensible|reasonable|ideal|usual|right|effective)"
    r" (?:\w+ )?(?:dose|dosage|amount|target|daily|starting|intake)|\bthe sweet spot\b",
)
# A worked example: a total reached by adding or multiplying ("adds up to 460 mg", "takes it to 460 mg",
# "three capsules of 150 mg is 450 mg").
TOTAL_BEFORE_RE = ci(
    r"\b(?:adds? up to|add(?:ing|ed) up to|comes? to|came to|takes? (?:it|you|that|this|the total|your total)(?: up)? to"
    r"|brings? (?:it|you|that|this|the total|your total|the daily total)(?: up)? to|totals?|totall?ing|a total of"
    r"|in total)\s*(?:about |around |roughly |approximately |just |only )?$",
)
PRODUCT_IS_RE = ci(
    r"^\s*(?:a day |per day |daily )?(?:is|makes|gives you|=)\s*(?:about |around |roughly |approximately )?$",
)
# The sentence itself says the amount is too much: a warning, not a recommendation.
OVER_LIMIT_RE = ci(
    r"\b(?:above|over|exceed\w*|beyond|past|more than|higher than|outside)\s+(?:the|that|this|your)\s+"
    r"(?:\d[\d,.]*\s*mg\s+)?(?:(?:daily|safe|tolerable|upper|supplement|supplemental|adult|adults['’]|children['’]s"
    r"|recommended|maximum)\s+){0,2}(?:intake\s+)?(?:limit|UL|level|ceiling)\b"
    r"|\b(?:too much|too high|an overdose)\b",
)
# ... unless it then says going over is fine: "above the upper limit but perfectly safe".
OVER_IS_FINE_RE = ci(
    r"\b(?:safe|safely|fine|harmless|no problem|nothing to worry|not a (?:concern|problem)|ok|okay)\b",
)
# A dose reported from a cited study ("the trials used around 600 mg a day [1]"), not advised.
STUDY_DOSE_RE = ci(
    r"\b(?:trials?|stud(?:y|ies)|researchers|investigators|participants|volunteers|patients|subjects|the authors"
    r"|the (?:treatment|magnesium|intervention|active) group)\b[^.;]{0,80}?\b(?:used|gave|given|took|received"
    r"|administered|tested|studied|compared|assigned|randomi[sz]ed)\b",
)
# "500 mg of magnesium glycinate provides about 70 mg": the second, smaller amount is what the first
# holds in elemental magnesium, so the first is a compound weight, not a dose.
CONVERSION_LINK_RE = ci(
    r"\b(?:holds?|holding|provides?|providing|supplies|supply|supplying|gives?|giving|contains?|containing|delivers?"
    r"|equals?|yields?|works? out (?:to|at)|amounts? to|is equivalent to|corresponds? to|has|have|carr(?:y|ies))\b",
)
SYMBOL_LINK_RE = ci(
    r"^\s*(?:[a-z-]+\s+){0,3}?[^\w\s]*[=≈→|(][\s(~≈]*(?:about|around|roughly|approximately|approx\.?)?\s*$",
)
ELEMENTAL_NEXT_RE = ci(r"^\s*(?:of\s+)?(?:elemental|magnesium\b(?!\s+(?:oxide|citrate|glycinate|"
                               r"bisglycinate|malate|chloride|sulfate|lactate|taurate|threonate|gluconate|aspartate)))")
# "A teaspoon of the powder supplies 350 mg": an amount per unit, with the units a day given elsewhere.
PER_UNIT_BEFORE_RE = ci(
    rf"\b(?:a|an|one|each|every|per|1)\s+(?:level\s+|heaped\s+|single\s+)?{UNIT_NOUN}(?:\s+of\s+[\w\s-]{{0,25}}?)?"
    r"\s+(?:supplies|provides|contains|holds|has|gives|delivers)\s+(?:about\s+|around\s+|roughly\s+)?$",
)


DIGIT_RE = re.compile(r"\d+")
NUMBER_END_RE = re.compile(r"[\d.]\s*$")
CLAUSE_SPLIT_RE = re.compile(r"[.;:]")


@dataclass(frozen=True)
class Dose:
    start: int  # absolute span of the amount as written
    end: int
    sentence: Sentence
    stated_mg: float  # top of the range, in mg, as written
    daily_mg: float  # elemental magnesium per day
    form: FormInfo | None
    elemental_stated: bool
    count: float  # units per day (1 when not stated)
    times: float  # times per day (1 when not stated)
    per_unit: bool
    limit: UpperLimit
    age_explicit: bool
    supervised: bool
    advice: bool

    def working(self) -> str:
        """How the daily figure was reached, for the editor."""
        parts = [f"{self.stated_mg:g} mg"]
        if self.form and not self.elemental_stated:
            parts = [f"{self.stated_mg:g} mg {self.form.name.lower()} × {self.form.elemental_percent:g}% elemental"]
        if self.per_unit:
            parts.append(f"× {self.count:g} per day" if self.count != 1 else "per unit")
        elif self.count != 1:
            parts.append(f"× {self.count:g} units")
        if self.times != 1:
            parts.append(f"× {self.times:g} times a day")
        return " ".join(parts) + f" ≈ {self.daily_mg:.0f} mg elemental magnesium a day"


def _age_limit(doc: Document, text: str) -> tuple[UpperLimit, bool]:
    """The upper limit for the age group the sentence is about (adults unless it says otherwise)."""
    ref = doc.reference
    ages = [int(high) for _low, high in age_bands(text)]  # a band is judged by its oldest age
    if ages and (CHILD_RE.search(text) or TODDLER_RE.search(text) or min(ages) < 14):
        age = min(ages)
        return ref.upper_limit_for(max(age, 1)) or ref.adult_upper_limit, True
    if TODDLER_RE.search(text):
        return ref.upper_limit_for(2) or ref.adult_upper_limit, True
    if CHILD_RE.search(text) and not TEEN_RE.search(text):
        # "children" with no age: the 4–8 limit, the one most children's doses are judged by.
        return ref.upper_limit_for(6) or ref.adult_upper_limit, False
    return ref.adult_upper_limit, False


def _form_near(doc: Document, text: str, amount: Amount) -> tuple[FormInfo | None, bool]:
    """(the form the amount is of, whether the amount is stated as elemental magnesium)."""
    after = text[amount.end:amount.end + 60]
    before = text[max(0, amount.start - 40):amount.start]
    if ELEMENTAL_AFTER_RE.match(after) or ELEMENTAL_BEFORE_RE.search(before):
        return None, True
    # Stop at the next amount: "500 mg glycinate (70 mg elemental)".
    next_amount = DIGIT_RE.search(after)
    window = after[: next_amount.start()] if next_amount else after
    elemental_at = window.lower().find("elemental")
    m = doc.reference.form_re.search(window)
    if m and len(window[: m.start()].split()) <= 3:
        if 0 <= elemental_at < m.start():
            return None, True
        return doc.reference.form_by_name.get(m.group(0).lower()), False
    if elemental_at >= 0 and len(window[:elemental_at].split()) <= 2:
        return None, True
    # "magnesium glycinate 500 mg", "magnesium citrate (300 mg)"
    forms = list(doc.reference.form_re.finditer(before))
    if forms:
        last = forms[-1]
        between = before[last.end():]
        if not DIGIT_RE.search(between) and len(between.split()) <= 3:
            return doc.reference.form_by_name.get(last.group(0).lower()), False
    return None, False


def _count(text: str, amount: Amount) -> tuple[float, bool]:
    """(units per day, whether the amount is per unit: "250 mg per capsule, 3 capsules a day")."""
    after = text[amount.end:amount.end + 80]
    before = text[max(0, amount.start - 20):amount.start]
    per_unit = bool(PER_UNIT_AFTER_RE.match(after)) or bool(
        PER_UNIT_BEFORE_RE.search(text, max(0, amount.start - 70), amount.start))
    if not per_unit:
        times_before = TIMES_BEFORE_RE.search(before)
        if times_before:
            return to_number(times_before.group("count")), False
        unit_before = COUNT_UNIT_BEFORE_RE.search(text[max(0, amount.start - 40):amount.start])
        if unit_before:
            return to_number(unit_before.group("count")), False
        count_before = COUNT_BEFORE_RE.search(before)
        if count_before and UNIT_AFTER_RE.match(after) and not NUMBER_END_RE.search(before[:count_before.start()]):
            return to_number(count_before.group("count")), False
        return 1, False
    m = COUNT_PER_DAY_RE.search(text, amount.end, amount.end + 120)
    if m is None:
        m = COUNT_PER_DAY_RE.search(text, max(0, amount.start - 120), amount.start)
    if m is not None:
        value = m.group("count") or m.group("count2") or m.group("count3")
        return to_number(value), True
    return 1, True


def _times(text: str, amount: Amount) -> float:
    m = FREQUENCY_RE.search(text, amount.end, min(len(text), amount.end + 80))
    if m is None:
        return 1
    if m.group("hours"):
        return 24 / to_number(m.group("hours"))
    if m.group("meals"):
        return 3  # three meals a day
    if m.group("times"):
        word = m.group("times").lower().split()[0]
        return {"twice": 2, "two": 2, "three": 3, "thrice": 3, "four": 4}.get(word) or to_number(
            DIGIT_RE.match(word).group(0)
        )
    return 2  # morning and night


def doses(doc: Document) -> list[Dose]:
    """Supplemental doses in prose sentences (food amounts, intake guidelines and harm thresholds excluded)."""

    def compute(doc: Document) -> list[Dose]:
        out = []
        for sentence in doc.triggered(NUMBER):
            text = sentence.text
            amounts = find_amounts(text)
            if not amounts or not SUPPLEMENT_CUE_RE.search(text):
                continue
            if (
                _worked_example(text, amounts) or (sentence.cited and STUDY_DOSE_RE.search(text))
            ) and not STRICT_ADVICE_RE.search(text):
                continue  # arithmetic, a warning, or a study's dose reported with its citation
            context = None  # whether the sentence gives amounts to take: read when first needed
            facts = None  # (advice, harm) of the sentence, read when an amount first needs them
            described = None  # the sentence describes a product or label rather than advising
            guideline_end = None  # end of the last amount read as an intake or limit value
            for i, amount in enumerate(amounts):
                before = text[max(0, amount.start - 60):amount.start]
                clause_before = CLAUSE_SPLIT_RE.split(before)[-1]
                guideline = GUIDELINE_BEFORE_RE.search(clause_before)
                if guideline and not LIMIT_WORD_RE.search(guideline.group(0)) and SUPPLEMENTAL_AFTER_RE.match(
                    text, amount.end
                ):
                    guideline = None  # "athletes need 500 mg of supplemental magnesium": a supplement dose
                if guideline and guideline_end is not None and \
                        amount.start - len(clause_before) + guideline.start() < guideline_end:
                    guideline = None  # the limit named was an earlier amount's: "the limit is 500 mg, so 450 mg ..."
                if guideline or (
                    # "The RDA is 420 mg for men and 320 mg for women": a list of intake values
                    guideline_end is not None and _same_list(text[guideline_end:amount.start])
                    and not PRODUCT_NOUN_AFTER_RE.match(text, amount.end)
                ):
                    guideline_end = amount.end
                    continue
                if THRESHOLD_BEFORE_RE.search(before) or OR_LESS_AFTER_RE.match(text, amount.end):
                    continue  # "no more than 350 mg", "350 mg a day or less": a limit, not a dose
                if LIMIT_SUBJECT_RE.search(text[:amount.start]) or LIMIT_AFTER_RE.match(text, amount.end) \
                        or NAMED_VALUE_AFTER_RE.match(text, amount.end):
                    continue  # "The supplemental ceiling for adults ... is 350 mg", "350 mg a day is a ceiling"
                if described is None:
                    described = bool(DV_SHARE_RE.search(text) or LABEL_RE.search(text)) and not STRICT_ADVICE_RE.search(text)
                if described:
                    continue  # "... covers 25% of the Daily Value", "the label lists 100 mg per capsule": described
                if i + 1 < len(amounts) and _converted(text, amount, amounts[i + 1]):
                    continue  # a compound weight with its elemental amount stated next to it
                form, elemental = _form_near(doc, text, amount)
                near = text[max(0, amount.start - 50):amount.end + 50]
                supplement_near = bool(form or elemental or SUPPLEMENT_NEAR_RE.search(near))
                if not supplement_near and (FOOD_CONTEXT_RE.search(near) or doc.reference.food_re.search(near)):
                    continue
                food_before = list(doc.reference.food_re.finditer(before))
                if food_before and not SUPPLEMENT_NEAR_RE.search(before[food_before[-1].end():]):
                    continue  # "<food> has 157 mg": the amount belongs to the food named just before it
                if facts is None:
                    facts = bool(ADVICE_RE.search(text)), bool(HARM_RE.search(text))
                advice, harm = facts
                if harm and not advice:
                    continue  # "doses of 5,000 mg have caused toxicity" warns; it does not recommend
                count, per_unit = _count(text, amount)
                if not per_unit and context is None:
                    context = bool(DOSE_CONTEXT_RE.search(text))
                if not context and not per_unit:
                    continue  # a description or a conversion, not an amount anyone is told to take
                times = _times(text, amount)
                per = amount.high
                if form is not None:
                    per = per * form.elemental_percent / 100
                daily = per * count * times
                limit, explicit = _age_limit(doc, text)
                out.append(Dose(
                    sentence.start + amount.start, sentence.start + amount.end, sentence, amount.high, daily, form,
                    elemental, count, times, per_unit, limit, explicit, _supervised(doc, sentence), advice,
                ))
        return out

    return doc.memo("doses", compute)


def _supervised(doc: Document, sentence: Sentence) -> bool:
    """A medical-supervision caveat in the sentence, or in the next sentence of the same line
    ("... 600 mg. Only under medical supervision."), not in the next list item."""
    if SUPERVISION_RE.search(sentence.text):
        return True
    following = doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
    return bool(following and "\n" not in doc.text[sentence.end:following.start]
                and SUPERVISION_RE.search(following.text))


def _worked_example(text: str, amounts: list[Amount]) -> bool:
    """Arithmetic on amounts (a total, a product) or an amount the sentence calls too much."""
    if OVER_LIMIT_RE.search(text) and not OVER_IS_FINE_RE.search(text):
        return True
    previous_end = None
    for amount in amounts:
        before = text[max(0, amount.start - 40):amount.start]
        if TOTAL_BEFORE_RE.search(before):
            return True
        if previous_end is not None and PRODUCT_IS_RE.match(text[previous_end:amount.start]):
            return True
        previous_end = amount.end
    return False


LIST_JOIN_RE = re.compile(r"^[^.;:]{0,60}$")
LIST_BREAK_RE = ci(
    r"\b(?:take|taking|try|use|supplement\w*|capsules?|tablets?|pills?|dose|doses|dosage|but|so|which|while|whereas"
    r"|than|plus|more|(?:above|over|exceed\w*) the|up to)\b",
)


def _same_list(between: str) -> bool:
    """The text between two amounts continues a list of values ("a day for men and ... for women")."""
    return bool(LIST_JOIN_RE.match(between)) and not LIST_BREAK_RE.search(between)


def _converted(text: str, amount: Amount, following: Amount) -> bool:
    """`amount` is a compound weight whose elemental content is the smaller amount that follows it."""
    if following.high > 0.62 * amount.high:  # no form is more than about 60% magnesium (oxide)
        return False
    between = text[amount.end:following.start]
    if len(between) > 110 or CLAUSE_SPLIT_RE.search(between) or STRICT_ADVICE_RE.search(between):
        return False
    if SYMBOL_LINK_RE.match(between):  # "500 mg (about 70 mg elemental)", a table row "500 mg | 70 mg elemental"
        return bool(ELEMENTAL_NEXT_RE.match(text[following.end:following.end + 30]))
    return bool(CONVERSION_LINK_RE.search(between))
