"""Dose risk (Food and Nutrition Board Tolerable Upper Intake Level, via the NIH ODS fact sheet).

The doses themselves, with their daily elemental total and the upper limit for the age group, are
found by detectors/doses.py (claims.py reads them too); these rules decide which ones to report.
"""

from collections.abc import Iterator

from moderation.base import Hit
from moderation.detectors.doses import doses
from moderation.document import Document
from moderation.patterns import ci
from moderation.reference import UpperLimit

SAFETY_CAVEAT_RE = ci(
    r"\b(?:consult\w*|talk (?:to|with)|speak (?:to|with)|ask|check with|see)\s+(?:with\s+)?(?:your|a|an)\s+(?:[\w'’]+\s+)?"
    r"(?:doctor|physician|gp|pharmacist|provider|professional|clinician|pediatrician|paediatrician|dietitian)"
    r"|medical supervision|under (?:the )?(?:supervision|guidance|care)|side effects?|diarrh\w+|upper limit|\bUL\b"
    r"|kidney (?:disease|problems|function|impairment)|do not exceed|don['’]t exceed|not exceed|tolerable upper"
    r"|toxicity|interact\w* with|clash\w* with|caution|cautious|not (?:safe|suitable) for|laxative effect"
    r"|(?:supplement(?:al)?|safe|safety|daily|adult|tolerable|recommended|maximum)\s+(?:intake\s+)?(?:limit|ceiling)"
    r"|within (?:the |that |this )?(?:\d+\s*mg\s+)?(?:[\w-]+\s+){0,2}(?:limit|ceiling)"
    r"|(?:if|when|once|as long as|after) your (?:doctor|physician|gp|pharmacist|midwife|nephrologist|clinician|provider)"
    r" (?:has |have )?(?:agrees|approves|says|okays|advises|recommends|checked|confirmed|approved|agreed|okayed|cleared)"
    r"|(?:doctor|physician|gp|pharmacist|midwife|nephrologist|clinician)['’]s (?:advice|approval|ok|okay|blessing|guidance"
    r"|supervision|care)"
    r"|(?:cut back|stop|reduce (?:the dose|it)?|ease off) if",
)
RISK_GROUP_RE = ci(
    r"\b(?:kidney|renal|dialysis|pregnan\w+|breastfeeding|breast-feeding|lactating|nursing mothers|children|child|kids"
    r"|toddlers?|infants?|babies|baby|heart block|myasthenia)\b",
)
CAUTION_RE = ci(
    r"\b(?:consult\w*|doctor|physician|healthcare|health care|provider|pediatrician|paediatrician|medical|supervision"
    r"|caution|careful|avoid|not|never|only|check|talk|ask|speak|risk|unsafe|dangerous|approval|advice|unless|skip"
    r"|midwife|nephrologist|pharmacist)\b",
)


def _limit_text(limit: UpperLimit) -> str:
    return f"{limit.mg} mg/day ({limit.label})"


def above_upper_limit(doc: Document) -> Iterator[Hit]:
    """A dose above the adult upper limit with no medical-supervision caveat."""
    for dose in doses(doc):
        if dose.limit.age_from >= 9 and dose.daily_mg > dose.limit.mg and not dose.supervised:
            yield Hit(
                dose.start, dose.end,
                f"Dose above the upper limit: {dose.working()}, over the {_limit_text(dose.limit)} for "
                "supplemental magnesium, with no medical-supervision caveat.",
                "Lower the dose to the upper limit or below, or add “under medical supervision”.",
            )


def child_above_upper_limit(doc: Document) -> Iterator[Hit]:
    """A children's dose above the children's upper limit (1–3 years: 65 mg; 4–8 years: 110 mg)."""
    for dose in doses(doc):
        if dose.limit.age_from < 9 and dose.daily_mg > dose.limit.mg and not dose.supervised:
            assumed = "" if dose.age_explicit else " (no age given: judged against the 4–8 years limit)"
            yield Hit(
                dose.start, dose.end,
                f"Children's dose above their upper limit: {dose.working()}, over the {_limit_text(dose.limit)}"
                f"{assumed}.",
                "Give children's doses only within their upper limit, and add “ask your child's doctor”.",
            )


def above_upper_limit_supervised(doc: Document) -> Iterator[Hit]:
    """Above the upper limit, but with a supervision caveat: worth a look, not a blocker."""
    for dose in doses(doc):
        if dose.daily_mg > dose.limit.mg and dose.supervised:
            yield Hit(
                dose.start, dose.end,
                f"Dose above the upper limit ({dose.working()}; limit {_limit_text(dose.limit)}), given with a "
                "medical-supervision caveat. Check the caveat is clear and next to the dose.",
                "",
            )


def no_safety_caveat(doc: Document) -> Iterator[Hit]:
    """Dosing advice in an article that has no safety caveat anywhere (one note, at the first dose)."""
    if SAFETY_CAVEAT_RE.search(doc.text):
        return
    for dose in doses(doc):
        yield Hit(
            dose.start, dose.end,
            "The article gives a supplement dose but no safety caveat anywhere (side effects, the upper limit, "
            "kidney disease, asking a doctor).",
            "Add a safety note: the 350 mg/day upper limit for supplements, possible diarrhea, and to ask a "
            "doctor first, especially with kidney disease.",
        )
        return


def risk_group(doc: Document) -> Iterator[Hit]:
    """Dosing advice aimed at a group at risk (kidney disease, pregnancy, children) with no caution."""
    seen = set()
    for dose in doses(doc):
        sentence = dose.sentence
        if sentence.index in seen:
            continue
        group = RISK_GROUP_RE.search(sentence.text)
        if group and not CAUTION_RE.search(sentence.text):
            seen.add(sentence.index)
            yield Hit(
                dose.start, dose.end,
                f"Dosing advice for a group at risk (“{sentence.text[group.start():group.end()]}”) with no caution.",
                "Add a caution: ask a doctor first (for children, their doctor; with kidney disease, do not "
                "supplement without medical advice).",
            )
