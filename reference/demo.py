"""Demo reference data: real sources, the full NIH ODS intake and food tables, forms and conditions.

Facts come from ../shared/domain/magnesium-facts.md (NIH ODS fact sheet, Food and Nutrition Board
1997); the prose is written fresh for MagSite. Every bibliographic detail below was checked against
the publisher's or PubMed's record; where an identifier could not be confirmed it is left blank
rather than guessed (see each source's `notes`).

`load_reference()` is create-only: rows are looked up by their natural key and never overwritten, so
running it twice, or after editors have corrected a value, changes nothing.
"""

from decimal import Decimal

from django.db import transaction

from reference.models import (
    Condition,
    EvidenceGrade,
    Food,
    IntakeGuideline,
    MagnesiumForm,
    Source,
    StudyDesign,
)
from reference.tables import AI, DAILY_VALUE_MG, DV, FOODS, FORMS, RDA, RDA_TABLE, UL, UL_TABLE

# What article writers cite, as `[[cite:<value>]]`, with what each source supports. Every entry
# has a PMID or DOI. The ODS fact sheet and the FDA page are web pages with neither: the reference
# pages cite them, articles don't need to.
DEMO_SOURCE_KEYS = {
    "dri_1997": "doi:10.17226/5776",  # RDA/AI by age and sex; the 350 mg/day supplemental UL (FNB 1997)
    "cochrane_cramps": "pmid:32956536",  # magnesium unlikely to help idiopathic cramps in older adults
    "cochrane_pregnancy_cramps": "doi:10.1002/14651858.CD010655.pub3",  # pregnancy leg cramps: inconsistent
    "aan_migraine_2012": "pmid:22529203",  # AAN/AHS guideline: magnesium "probably effective" (Level B)
    "anxiety_review": "pmid:28445426",  # suggestive but poor-quality evidence for subjective anxiety
    "insomnia_review": "pmid:33865376",  # 3 small RCTs in older adults; low to very low quality
    "bp_meta_2016": "pmid:27402922",  # 34 RCTs: small average BP differences (~2 mm Hg systolic)
    "diabetes_meta_2016": "pmid:27530471",  # 18 RCTs: modest fasting glucose change in diabetes
    "rls_review_2019": "doi:10.1016/j.smrv.2019.101218",  # restless legs: evidence inadequate to judge
}

# The same, as one readable line per source (for editors' help pages and the articles team).
DEMO_SOURCE_NOTES = {
    "dri_1997": "Intake values: RDA/AI by life stage and sex, and the 350 mg/day upper limit for supplements.",
    "cochrane_cramps": "Magnesium is unlikely to reduce idiopathic muscle cramps in older adults (Cochrane 2020).",
    "cochrane_pregnancy_cramps": "Trials of magnesium for leg cramps in pregnancy are inconsistent (Cochrane 2020).",
    "aan_migraine_2012": "Guideline rating magnesium 'probably effective' for preventing episodic migraine (Level B).",
    "anxiety_review": "Systematic review: suggestive but poor-quality evidence on magnesium and subjective anxiety.",
    "insomnia_review": "Meta-analysis of 3 small trials in older adults with insomnia; low-quality evidence.",
    "bp_meta_2016": "Meta-analysis of 34 trials: small average blood pressure differences with supplements.",
    "diabetes_meta_2016": "Meta-analysis of 18 trials: modest fasting glucose changes in people with diabetes.",
    "rls_review_2019": "Systematic review: evidence too limited to say whether magnesium helps restless legs.",
}

ODS_URL = "https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/"

SOURCES = {
    "ods": {
        "title": "Magnesium: Fact Sheet for Health Professionals",
        "publisher": "NIH Office of Dietary Supplements",
        "url": ODS_URL,
        "study_design": StudyDesign.GOVERNMENT,
        "notes": "Primary source for intake, food and absorption values. Revised from time to time: check "
                 "the page's 'Updated' date before quoting a figure.",
    },
    "dri_1997": {
        "title": "Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and Fluoride",
        "authors": "Institute of Medicine (US) Standing Committee on the Scientific Evaluation of Dietary "
                   "Reference Intakes",
        "publisher": "Washington (DC): National Academy Press",
        "year": 1997,
        "doi": "10.17226/5776",
        "study_design": StudyDesign.GOVERNMENT,
        "notes": "Food and Nutrition Board report behind the RDA, AI and UL values. PMID not recorded.",
    },
    "fda_bp_claim": {
        "title": "FDA Announces Qualified Health Claim for Magnesium and Reduced Risk of High Blood Pressure",
        "publisher": "US Food and Drug Administration",
        "year": 2022,
        "url": "https://www.fda.gov/food/hfp-constituent-updates/"
               "fda-announces-qualified-health-claim-magnesium-and-reduced-risk-high-blood-pressure",
        "study_design": StudyDesign.GOVERNMENT,
        "notes": "Constituent update of 10 January 2022. Wording a label may use; anything stronger is a flag.",
    },
    "cochrane_cramps": {
        "title": "Magnesium for skeletal muscle cramps",
        "authors": "Garrison SR, Korownyk CS, Kolber MR, et al",
        "publisher": "Cochrane Database Syst Rev",
        "year": 2020,
        "volume": "9",
        "pages": "CD009402",
        "doi": "10.1002/14651858.CD009402.pub3",
        "pmid": "32956536",
        "study_design": StudyDesign.SYSTEMATIC_REVIEW,
    },
    "cochrane_pregnancy_cramps": {
        "title": "Interventions for leg cramps in pregnancy",
        "publisher": "Cochrane Database Syst Rev",
        "year": 2020,
        "pages": "CD010655",
        "doi": "10.1002/14651858.CD010655.pub3",
        "study_design": StudyDesign.SYSTEMATIC_REVIEW,
        "notes": "2020 update of the 2015 review. Author list and PMID not confirmed at entry: add them from "
                 "the Cochrane Library record before relying on this citation.",
    },
    "aan_migraine_2012": {
        "title": "Evidence-based guideline update: NSAIDs and other complementary treatments for episodic "
                 "migraine prevention in adults: report of the Quality Standards Subcommittee of the "
                 "American Academy of Neurology and the American Headache Society",
        "authors": "Holland S, Silberstein SD, Freitag F, Dodick DW, Argoff C, Ashman E",
        "publisher": "Neurology",
        "year": 2012,
        "volume": "78(17)",
        "pages": "1346-53",
        "doi": "10.1212/WNL.0b013e3182535d0c",
        "pmid": "22529203",
        "study_design": StudyDesign.GUIDELINE,
    },
    "anxiety_review": {
        "title": "The Effects of Magnesium Supplementation on Subjective Anxiety and Stress—A Systematic Review",
        "authors": "Boyle NB, Lawton C, Dye L",
        "publisher": "Nutrients",
        "year": 2017,
        "volume": "9(5)",
        "pages": "429",
        "doi": "10.3390/nu9050429",
        "pmid": "28445426",
        "study_design": StudyDesign.SYSTEMATIC_REVIEW,
    },
    "insomnia_review": {
        "title": "Oral magnesium supplementation for insomnia in older adults: a Systematic Review & Meta-Analysis",
        "authors": "Mah J, Pitre T",
        "publisher": "BMC Complement Med Ther",
        "year": 2021,
        "volume": "21",
        "pages": "125",
        "doi": "10.1186/s12906-021-03297-z",
        "pmid": "33865376",
        "study_design": StudyDesign.SYSTEMATIC_REVIEW,
    },
    "bp_meta_2016": {
        "title": "Effects of Magnesium Supplementation on Blood Pressure: A Meta-Analysis of Randomized "
                 "Double-Blind Placebo-Controlled Trials",
        "authors": "Zhang X, Li Y, Del Gobbo LC, Rosanoff A, Wang J, Zhang W, et al",
        "publisher": "Hypertension",
        "year": 2016,
        "volume": "68(2)",
        "pages": "324-33",
        "doi": "10.1161/HYPERTENSIONAHA.116.07664",
        "pmid": "27402922",
        "study_design": StudyDesign.SYSTEMATIC_REVIEW,
        "notes": "One author is affiliated with the Center for Magnesium Education and Research.",
    },
    "diabetes_meta_2016": {
        "title": "Effect of magnesium supplementation on glucose metabolism in people with or at risk of "
                 "diabetes: a systematic review and meta-analysis of double-blind randomized controlled trials",
        "authors": "Veronese N, Watutantrige-Fernando S, Luchini C, Solmi M, Sartore G, Sergi G, et al",
        "publisher": "Eur J Clin Nutr",
        "year": 2016,
        "volume": "70(12)",
        "pages": "1354-9",
        "doi": "10.1038/ejcn.2016.154",
        "pmid": "27530471",
        "study_design": StudyDesign.SYSTEMATIC_REVIEW,
    },
    "rls_review_2019": {
        "title": "Magnesium supplementation for the treatment of restless legs syndrome and periodic limb "
                 "movement disorder: A systematic review",
        "authors": "Marshall NS, Serinel Y, Killick R, Child JM, Raisin I, Berry CM, et al",
        "publisher": "Sleep Med Rev",
        "year": 2019,
        "pages": "101218",
        "doi": "10.1016/j.smrv.2019.101218",
        "study_design": StudyDesign.SYSTEMATIC_REVIEW,
        "notes": "PMID and volume not confirmed at entry: add them from PubMed before relying on them.",
    },
}

KIDNEY = ("Kidney disease: the kidneys clear extra magnesium, so people with reduced kidney function should "
          "take supplements, laxatives or antacids containing magnesium only on medical advice.")
CHILDREN = ("Children: supplement limits are much lower (65 mg/day at 1–3 years, 110 mg/day at 4–8 years); "
            "don't give adult supplements to children without a clinician's advice.")
UL_NOTE = ("Supplements: more than 350 mg/day of magnesium from supplements (age 9 and over) can cause "
           "diarrhoea, nausea and cramping; higher doses belong under medical supervision.")

# (name, slug, grade, summary, evidence, cautions, related form slugs, source keys)
CONDITIONS = [
    ("Diabetic and peripheral neuropathy", "diabetic-neuropathy", EvidenceGrade.INSUFFICIENT,
     "Damage to the nerves of the feet, legs or hands that causes numbness, tingling or burning pain. "
     "Diabetes is its most common cause.",
     "People with diabetes often have lower blood magnesium, and a few small studies have looked at "
     "supplements for nerve symptoms. No good-quality trial shows that magnesium repairs nerves or relieves "
     "neuropathic pain. Blood sugar control and proven pain treatments come first.",
     "\n".join([KIDNEY + " Kidney disease is common in long-standing diabetes.", UL_NOTE]),
     ["magnesium-glycinate"], ["ods"]),
    ("Muscle cramps", "muscle-cramps", EvidenceGrade.MODERATE,
     "Sudden, painful tightening of a muscle, often in the calf at night. Most have no clear cause "
     "(idiopathic cramps) and become more common with age.",
     "A 2020 Cochrane review of 11 trials concluded that magnesium is unlikely to give older adults with "
     "idiopathic cramps a clinically meaningful reduction in how often they happen. The grade here describes "
     "how reliable that mostly negative finding is. For cramps linked to exercise or other illnesses there "
     "are too few trials to judge.",
     "\n".join([KIDNEY, UL_NOTE]),
     ["magnesium-citrate", "magnesium-oxide"], ["cochrane_cramps", "ods"]),
    ("Leg cramps in pregnancy", "pregnancy-leg-cramps", EvidenceGrade.LIMITED,
     "Painful calf cramps, often at night, that become common in the second half of pregnancy.",
     "Small trials of oral magnesium for pregnancy leg cramps disagree with one another. A 2020 Cochrane "
     "review could not pool them and rated the certainty of the evidence low to very low.",
     "\n".join([
         "Pregnancy: take supplements only on the advice of your midwife or doctor. The 350 mg/day limit "
         "for supplements applies in pregnancy too.",
         KIDNEY,
     ]),
     ["magnesium-lactate", "magnesium-citrate"], ["cochrane_pregnancy_cramps", "cochrane_cramps", "ods"]),
    ("Restless legs syndrome", "restless-legs-syndrome", EvidenceGrade.INSUFFICIENT,
     "An urge to move the legs, usually with unpleasant sensations, that comes on at rest and in the "
     "evening and eases with movement.",
     "A 2019 systematic review found too few well-controlled trials to say whether magnesium helps restless "
     "legs or periodic limb movements. Claims that magnesium “stops” restless legs are not supported.",
     "\n".join([KIDNEY, UL_NOTE]),
     ["magnesium-oxide", "magnesium-citrate"], ["rls_review_2019", "ods"]),
    ("Migraine", "migraine", EvidenceGrade.MODERATE,
     "Recurring headaches, often one-sided and throbbing, with sensitivity to light or sound and sometimes "
     "nausea or aura.",
     "A 2012 guideline from the American Academy of Neurology and the American Headache Society judged "
     "magnesium “probably effective” for preventing episodic migraine in adults (Level B), based on several "
     "trials of moderate quality. That makes it one option to discuss with a doctor, not a cure.",
     "\n".join([
         "Dose: the amounts used in migraine trials (often around 600 mg/day) are above the 350 mg/day "
         "supplement limit, so they should be taken only under a clinician's supervision.",
         KIDNEY,
         "Pregnancy: discuss any migraine treatment with your doctor or midwife.",
     ]),
     ["magnesium-citrate", "magnesium-oxide"], ["aan_migraine_2012", "ods"]),
    ("Anxiety", "anxiety", EvidenceGrade.LIMITED,
     "Ongoing worry or nervousness that is hard to control and can affect sleep, concentration and "
     "everyday life.",
     "A 2017 systematic review of 18 studies found results suggestive of a benefit for subjective anxiety "
     "in people prone to it, but judged the quality of the evidence poor. Well-designed trials are still "
     "needed. Magnesium is not a replacement for proven anxiety treatments.",
     "\n".join([KIDNEY, UL_NOTE]),
     ["magnesium-glycinate"], ["anxiety_review", "ods"]),
    ("Insomnia and sleep quality", "insomnia", EvidenceGrade.LIMITED,
     "Trouble falling asleep, staying asleep or waking refreshed, on most nights.",
     "A 2021 meta-analysis found three small randomised trials (151 older adults). People taking magnesium "
     "fell asleep about 17 minutes sooner on average than with placebo, but the evidence was rated low to "
     "very low quality. There are no good trials comparing forms for sleep.",
     "\n".join([KIDNEY, UL_NOTE]),
     ["magnesium-oxide", "magnesium-citrate", "magnesium-glycinate"], ["insomnia_review", "ods"]),
    ("Fibromyalgia", "fibromyalgia", EvidenceGrade.INSUFFICIENT,
     "Long-lasting, widespread pain with tiredness, poor sleep and trouble concentrating.",
     "We have not found a systematic review or a large, well-run trial of magnesium for fibromyalgia. Until "
     "there is one, claims that magnesium (or magnesium malate) eases fibromyalgia pain are unsupported.",
     "\n".join([KIDNEY, UL_NOTE]),
     ["magnesium-malate"], ["ods"]),
    ("Chronic venous insufficiency", "chronic-venous-insufficiency", EvidenceGrade.INSUFFICIENT,
     "Leg veins that struggle to return blood to the heart, causing swelling, aching, heaviness and skin "
     "changes around the ankles.",
     "We have not found a systematic review or good-quality trial of magnesium for venous insufficiency. "
     "Articles that credit magnesium with “better circulation” in the legs are not backed by human trials.",
     "\n".join([KIDNEY, UL_NOTE]),
     [], ["ods"]),
    ("High blood pressure", "high-blood-pressure", EvidenceGrade.LIMITED,
     "Blood pressure that stays at or above the treatment threshold, raising the risk of heart disease, "
     "stroke and kidney disease.",
     "The FDA allows only a qualified claim, in these words: “Inconsistent and inconclusive scientific "
     "evidence suggests that diets with adequate magnesium may reduce the risk of high blood pressure "
     "(hypertension), a condition associated with many factors.” A 2016 meta-analysis of 34 trials reported "
     "small average differences with supplements (about 2 mm Hg systolic). Magnesium is not a substitute for "
     "blood pressure medicine.",
     "\n".join([
         "Medicines: don't stop or change blood pressure medicines without your doctor. Some diuretics "
         "change how much magnesium the body keeps.",
         KIDNEY,
         UL_NOTE,
     ]),
     ["magnesium-citrate", "magnesium-chloride", "magnesium-oxide"], ["fda_bp_claim", "bp_meta_2016", "ods"]),
    ("Type 2 diabetes", "type-2-diabetes", EvidenceGrade.LIMITED,
     "A long-term condition in which the body does not use insulin well, so blood sugar runs high.",
     "Diets higher in magnesium are associated with a lower risk of diabetes in observational studies, which "
     "cannot show cause. A 2016 meta-analysis of 18 trials found modest improvements in fasting glucose in "
     "people with diabetes, with wide differences between trials. Supplements do not replace diabetes "
     "treatment.",
     "\n".join([KIDNEY + " Diabetes is a leading cause of kidney disease.", UL_NOTE]),
     [], ["diabetes_meta_2016", "ods"]),
    ("Constipation", "constipation", EvidenceGrade.MODERATE,
     "Infrequent, hard or difficult bowel movements.",
     "Magnesium hydroxide, oxide, citrate and sulfate act as osmotic laxatives: unabsorbed magnesium draws "
     "water into the bowel. They are established over-the-counter laxatives for short-term use, which is a "
     "different matter from magnesium as a nutrient.",
     "\n".join([
         KIDNEY + " Laxatives and antacids are a common source of dangerous magnesium levels.",
         CHILDREN,
         "Constipation that lasts more than a couple of weeks, or comes with bleeding or weight loss, needs a "
         "doctor's assessment.",
     ]),
     ["magnesium-hydroxide", "magnesium-oxide", "magnesium-citrate", "magnesium-sulfate"], ["ods"]),
    ("Chronic kidney disease", "chronic-kidney-disease", EvidenceGrade.INSUFFICIENT,
     "Long-term loss of kidney function. It is listed here as a caution: it changes whether magnesium "
     "supplements are safe.",
     "The kidneys remove extra magnesium from the blood. When they work poorly, magnesium from supplements, "
     "laxatives and antacids can build up to harmful levels, with weakness, low blood pressure and an "
     "irregular heartbeat. This is a safety concern, not a use.",
     "\n".join([
         "Do not take magnesium supplements, laxatives or antacids with kidney disease unless your kidney "
         "team advises it.",
         "Pregnancy and children: the same caution applies with any reduced kidney function.",
     ]),
     [], ["ods"]),
]

MALE, FEMALE, ANY = IntakeGuideline.Sex.MALE, IntakeGuideline.Sex.FEMALE, IntakeGuideline.Sex.ANY
GENERAL, PREGNANCY, LACTATION = (IntakeGuideline.LifeStage.GENERAL, IntakeGuideline.LifeStage.PREGNANCY,
                                 IntakeGuideline.LifeStage.LACTATION)


def _intake_rows():
    """Expand the compact tables into one IntakeGuideline row per (kind, age, sex, life stage)."""
    rows = []
    for kind, label, age_from, age_to, male, female, pregnancy, lactation in RDA_TABLE:
        base = {"kind": kind, "label": label, "age_from_years": Decimal(age_from),
                "age_to_years": Decimal(age_to) if age_to else None}
        rows.append({**base, "sex": MALE, "life_stage": GENERAL, "amount_mg": male})
        rows.append({**base, "sex": FEMALE, "life_stage": GENERAL, "amount_mg": female})
        if pregnancy:
            rows.append({**base, "sex": FEMALE, "life_stage": PREGNANCY, "amount_mg": pregnancy})
        if lactation:
            rows.append({**base, "sex": FEMALE, "life_stage": LACTATION, "amount_mg": lactation})
    for label, age_from, age_to, amount, note in UL_TABLE:
        rows.append({"kind": UL, "label": label, "age_from_years": Decimal(age_from),
                     "age_to_years": Decimal(age_to) if age_to else None, "sex": ANY,
                     "life_stage": GENERAL, "amount_mg": amount, "note": note})
    rows.append({"kind": DV, "label": "Adults and children 4 years and older", "age_from_years": Decimal(4),
                 "age_to_years": None, "sex": ANY, "life_stage": GENERAL, "amount_mg": DAILY_VALUE_MG,
                 "note": "Used for %DV on US food and supplement labels."})
    return rows


def _get_or_create_source(data):
    """Find a source by DOI, then PMID, then URL (its natural keys); create it only if none matches."""
    for field, lookup in (("doi", "doi__iexact"), ("pmid", "pmid"), ("url", "url")):
        value = data.get(field)
        existing = Source.objects.filter(**{lookup: value}).first() if value else None
        if existing:
            return existing, False
    source = Source(**data)
    source.full_clean()
    source.save()
    return source, True


@transaction.atomic
def load_reference(*, stdout=None) -> dict:
    """Create the demo reference library; return how many rows of each kind were created.

    Create-only and idempotent: every row is looked up by its natural key (DOI/PMID/URL for sources,
    slug for forms and conditions, name for foods, kind+age+sex+life stage for intake rows) and left
    untouched if it exists, including its relations. A second run returns all zeros.
    """
    created = {"sources": 0, "forms": 0, "foods": 0, "conditions": 0, "intake_guidelines": 0}

    sources = {}
    for key, data in SOURCES.items():
        sources[key], was_created = _get_or_create_source(data)
        created["sources"] += was_created

    forms = {}
    for (name, slug, aliases, pct, basis, bio, note, best_for, uses, side_effects, evidence,
         source_keys) in FORMS:
        form, was_created = MagnesiumForm.objects.get_or_create(slug=slug, defaults={
            "name": name, "aliases": aliases, "elemental_percent": Decimal(pct), "elemental_basis": basis,
            "bioavailability": bio, "bioavailability_note": note, "best_for": best_for,
            "typical_uses": uses, "side_effects": side_effects, "evidence_summary": evidence,
        })
        if was_created:
            form.sources.set([sources[k] for k in source_keys])
            created["forms"] += 1
        forms[slug] = form

    for name, serving, mg, group in FOODS:
        _, was_created = Food.objects.get_or_create(name=name, defaults={
            "serving": serving, "magnesium_mg": mg, "food_group": group, "source": sources["ods"],
        })
        created["foods"] += was_created

    for name, slug, grade, summary, evidence, cautions, form_slugs, source_keys in CONDITIONS:
        condition, was_created = Condition.objects.get_or_create(slug=slug, defaults={
            "name": name, "evidence_grade": grade, "summary": summary, "evidence_summary": evidence,
            "cautions": cautions,
        })
        if was_created:
            condition.related_forms.set([forms[s] for s in form_slugs if s in forms])
            condition.sources.set([sources[k] for k in source_keys])
            created["conditions"] += 1

    for row in _intake_rows():
        key = {k: row.pop(k) for k in ("kind", "age_from_years", "sex", "life_stage")}
        source = sources["dri_1997"] if key["kind"] in (RDA, AI, UL) else sources["ods"]
        _, was_created = IntakeGuideline.objects.get_or_create(**key, defaults={**row, "source": source})
        created["intake_guidelines"] += was_created

    if stdout is not None:
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in created.items())
        stdout.write(f"Reference library: created {summary}.\n")
    return created
