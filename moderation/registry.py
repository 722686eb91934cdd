"""Every rule, in one table: code, category, default severity, default on/off, what it checks and
the standard behind it. The admin (phase 2) switches rules off or changes their severity by code;
nothing else decides which rules run."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from moderation.base import Category, Hit, Severity
from moderation.document import Document
from moderation.rules import citation, contradiction, disease, dosage, promotional, unsupported

FTC_ENDORSEMENT = "FTC Endorsement Guides (16 CFR 255.5)"
FTC_HEALTH = "FTC Health Products Compliance Guidance (2022)"
FDA_DISEASE = "FDA 21 CFR 101.93(g)"
FNB_UL = "Food and Nutrition Board UL (NIH ODS magnesium fact sheet)"
REFERENCE = "MagSite reference data (NIH ODS magnesium fact sheet)"


@dataclass(frozen=True)
class Rule:
    code: str
    category: Category
    severity: Severity
    description: str
    standard: str
    check: Callable[[Document], Iterable[Hit]]
    enabled: bool = True


RULES: tuple[Rule, ...] = (
    # Promotional
    Rule("promo.product_plug", Category.PROMOTIONAL, Severity.WARNING,
         "A known brand or product named with selling language, uncited.", f"{FTC_ENDORSEMENT}; MOS:PUFFERY",
         promotional.product_plug),
    Rule("promo.repeated_plug", Category.PROMOTIONAL, Severity.WARNING,
         "One product named again and again (article-level, with the count).", FTC_ENDORSEMENT,
         promotional.repeated_plug),
    Rule("promo.unknown_product", Category.PROMOTIONAL, Severity.WARNING,
         "A product-like capitalized name next to strong selling language.", f"{FTC_ENDORSEMENT}; MOS:PUFFERY",
         promotional.unknown_product),
    Rule("promo.puffery", Category.PROMOTIONAL, Severity.WARNING,
         "Words that sell rather than describe (miracle, breakthrough, best supplement...).", "Wikipedia MOS:PUFFERY",
         promotional.puffery),
    Rule("promo.call_to_buy", Category.PROMOTIONAL, Severity.WARNING,
         "A call to buy, or a pitch for the publisher's own product.", f"{FTC_ENDORSEMENT}; MOS:PUFFERY",
         promotional.call_to_buy),
    Rule("promo.coupon", Category.PROMOTIONAL, Severity.WARNING,
         "A coupon or discount code.", FTC_ENDORSEMENT, promotional.coupon),
    Rule("promo.affiliate_link", Category.PROMOTIONAL, Severity.BLOCKER,
         "An affiliate-style link in an article with no disclosure.", FTC_ENDORSEMENT, promotional.affiliate_link),
    Rule("promo.endorsement", Category.PROMOTIONAL, Severity.BLOCKER,
         "An expert or user endorsing a product with no disclosed connection.", FTC_ENDORSEMENT,
         promotional.endorsement),
    # Unsupported
    Rule("unsupported.research_appeal", Category.UNSUPPORTED, Severity.WARNING,
         "“Research shows”, “studies have found”, “a 2021 study published in ...” with no citation in the sentence.",
         f"WP:MEDRS; {FTC_HEALTH}", unsupported.research_appeal),
    Rule("unsupported.statistic", Category.UNSUPPORTED, Severity.WARNING,
         "A statistic (percentage, fraction, “seven in ten adults”) with no citation.", f"{FTC_HEALTH}; WP:MEDRS",
         unsupported.statistic),
    Rule("unsupported.vague_authority", Category.UNSUPPORTED, Severity.WARNING,
         "“Experts agree”, “doctors recommend”, “is often recommended”: unnamed authority, uncited.",
         "Wikipedia MOS:WEASEL", unsupported.vague_authority),
    Rule("unsupported.weak_sources", Category.UNSUPPORTED, Severity.WARNING,
         "A cited efficacy or disease claim whose only sources are animal, in-vitro, opinion or manufacturer.",
         f"{FTC_HEALTH} (randomized controlled human trials); WP:MEDRS", unsupported.weak_sources),
    # Disease claims
    Rule("disease.claim", Category.DISEASE_CLAIM, Severity.BLOCKER,
         "Cure, treat, prevent, reverse, repair... with a disease or condition (cited or not).", FDA_DISEASE,
         disease.disease_claim),
    Rule("disease.implied", Category.DISEASE_CLAIM, Severity.BLOCKER,
         "An implied disease claim: “nature's antidepressant”, “replaces your medication”.", FDA_DISEASE,
         disease.implied_disease),
    Rule("disease.blood_pressure", Category.DISEASE_CLAIM, Severity.BLOCKER,
         "A blood-pressure claim stronger than the FDA qualified health claim.",
         f"FDA qualified health claim for magnesium and blood pressure (2022); {FDA_DISEASE}", disease.blood_pressure),
    # Dose risk
    Rule("dose.above_ul", Category.DOSAGE_RISK, Severity.BLOCKER,
         "A supplemental dose above the adult upper limit (350 mg/day elemental) with no supervision caveat.",
         FNB_UL, dosage.above_upper_limit),
    Rule("dose.child_above_ul", Category.DOSAGE_RISK, Severity.BLOCKER,
         "A children's dose above the children's upper limit (1–3 y: 65 mg; 4–8 y: 110 mg).", FNB_UL,
         dosage.child_above_upper_limit),
    Rule("dose.above_ul_supervised", Category.DOSAGE_RISK, Severity.NOTE,
         "A dose above the upper limit given with a medical-supervision caveat.", FNB_UL,
         dosage.above_upper_limit_supervised),
    Rule("dose.no_caveat", Category.DOSAGE_RISK, Severity.NOTE,
         "Dosing advice in an article with no safety caveat at all.", FNB_UL, dosage.no_safety_caveat),
    Rule("dose.risk_group", Category.DOSAGE_RISK, Severity.WARNING,
         "Dosing advice for kidney disease, pregnancy or children with no caution.", FNB_UL, dosage.risk_group),
    # Contradictions
    Rule("contradiction.form_absorption", Category.CONTRADICTION, Severity.WARNING,
         "A form's absorption stated against its reference record.", REFERENCE, contradiction.form_absorption),
    Rule("contradiction.upper_limit", Category.CONTRADICTION, Severity.BLOCKER,
         "An upper limit other than the reference UL for that age.", f"{FNB_UL}; {REFERENCE}",
         contradiction.upper_limit),
    Rule("contradiction.daily_value", Category.CONTRADICTION, Severity.WARNING,
         "A Daily Value other than the reference one (420 mg).", f"FDA Daily Value (21 CFR 101.9); {REFERENCE}",
         contradiction.daily_value),
    Rule("contradiction.food_amount", Category.CONTRADICTION, Severity.WARNING,
         "A food's magnesium per serving more than twice off its reference record.", REFERENCE,
         contradiction.food_amount),
    Rule("contradiction.rda", Category.CONTRADICTION, Severity.WARNING,
         "A Recommended Dietary Allowance other than the reference table's for the group named.",
         f"Food and Nutrition Board RDA (1997); {REFERENCE}", contradiction.rda),
    Rule("contradiction.elemental_percent", Category.CONTRADICTION, Severity.WARNING,
         "A form's elemental magnesium share more than 1.5 times off its reference record.", REFERENCE,
         contradiction.elemental_percent),
    # Citations
    Rule("citation.unresolved", Category.CITATION, Severity.BLOCKER,
         "A citation marker with no source behind it.", "WP:V; WP:MEDRS", citation.unresolved),
    Rule("citation.bare_reference_list", Category.CITATION, Severity.BLOCKER,
         "A reference list of bare numbers.", "WP:V; WP:MEDRS", citation.bare_reference_list),
    Rule("citation.no_identifier", Category.CITATION, Severity.WARNING,
         "A cited source or reference entry with no DOI, PMID or URL.", "WP:V (WP:CITE)", citation.no_identifier),
    Rule("citation.retracted", Category.CITATION, Severity.BLOCKER,
         "A cited source that has been retracted.", "WP:MEDRS (retracted sources)", citation.retracted),
    Rule("citation.industry_funded", Category.CITATION, Severity.NOTE,
         "A cited source funded by a supplement maker or seller.", "WP:MEDRS (conflicts of interest)",
         citation.industry_funded),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
assert len(RULES_BY_CODE) == len(RULES), "duplicate rule code"  # noqa: S101 - a programming error, at import
