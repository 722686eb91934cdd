"""A third table, written from scratch for an honest reading of the rules on text they were not
tuned against (same format as sentences.py: (text, categories expected to fire)).

No sentence here is copied from ../shared/seeds, sentences.py or holdout.py (test_unseen.py checks
the last two). Roughly 45% are problem sentences over all six categories, 55% clean sentences a
careful health writer would publish. Each text is scanned on its own, with UNSEEN_SOURCES (the main
table's sources plus a guideline, a meta-analysis, a cohort and a hospital trial) and TEST_CONFIG.

Labelling decisions, applied the same way throughout:

- Attribution. Reporting what a *cited* source says or found ("The American Headache Society
  guideline lists magnesium as probably effective for migraine prevention [[cite:...]]", "in a
  randomized trial, adults with insomnia fell asleep slightly faster [[cite:...]]") is not a disease
  claim under 21 CFR 101.93(g): the claim is the guideline's or the study's, reported with its
  source, and no product is said to treat anything. The same wording with no citation, or with a
  citation but no attribution ("Magnesium treats restless legs [2]"), is the article's own claim.
  Uncited appeals to unnamed authorities stay unsupported claims and do not neutralise a disease
  claim inside them.
- Medical use. A cited statement of how clinicians use magnesium as a drug (intravenous magnesium
  for eclampsia in hospital) is not a supplement disease claim.
- Doses. The UL (350 mg/day elemental, 9 y+) covers supplements only. RDA / intake / Daily Value
  figures, food amounts, compound weights converted to elemental magnesium, and worked examples
  that show a total going *over* the limit as a warning are not doses. Dosing advice with no safety
  caveat at all is dosage_risk (the dose.no_caveat note), as in sentences.py; a caveat in the same
  text (ask a pharmacist, kidney disease, the upper limit, diarrhea) makes an in-limit dose clean.
- Structure/function wording, hedged ("may", "might") statements and "occasional" symptoms
  (occasional constipation, occasional sleeplessness) are not disease claims.

First run, before any rule change prompted by this table, is recorded in test_unseen.py's docstring.
"""

from moderation import SourceInfo
from tests.moderation.sentences import TEST_SOURCES, C, D, P, R, S, U

UNSEEN_SOURCES = {
    **TEST_SOURCES,
    "pmid:60000001": SourceInfo("pmid:60000001", "Evidence-based guideline update: migraine prevention", "guideline"),
    "pmid:60000002": SourceInfo("pmid:60000002", "Oral magnesium and blood pressure: a meta-analysis",
                                "systematic_review"),
    "pmid:60000003": SourceInfo("pmid:60000003", "Serum magnesium and cardiovascular risk: a cohort study", "cohort"),
    "pmid:60000004": SourceInfo("pmid:60000004", "Magnesium sulfate versus diazepam for eclampsia", "rct"),
}

UNSEEN: list[tuple[str, set[str]]] = [
    # --- promotional --------------------------------------------------------------------------
    ("If you only buy one supplement this year, make it Vitalux Night Magnesium.", {P}),
    ("RestoreMag Pro is simply the most effective magnesium you can put in your body.", {P}),
    ("Readers can claim 30% off their first bottle of NervaCalm with the code NERVE30.", {P}),
    ("We've partnered with MagniSleep Forte to bring you an exclusive deal, so tap the link below to claim it.", {P}),
    ("Registered dietitian Carla Mendes told us she keeps NervaCalm on her nightstand and tells all her clients "
     "to do the same.", {P}),
    ("Our own Deep Rest blend was formulated by our editors to give you the calmest nights of your life.", {P}),
    ("This game-changing magnesium cream melts tension away in seconds.", {P}),
    ("Stock up now, because at this price Vitalux won't stay on the shelves for long.", {P}),
    # --- unsupported --------------------------------------------------------------------------
    ("A large Scandinavian study tracked thousands of adults and found that those who ate the most magnesium "
     "lived longer.", {U}),
    ("Researchers have discovered that magnesium helps the body cope with stress.", {U}),
    ("Roughly 80 percent of people with type 2 diabetes are short of magnesium.", {U}),
    ("Two in every five athletes finish a season low in magnesium.", {U}),
    ("Nutrition experts widely agree that most of us should be taking extra magnesium.", {U}),
    ("Magnesium is generally considered the most calming of all minerals.", {U}),
    ("The science is clear: magnesium sharpens focus and memory.", {U}),
    ("Magnesium threonate improves memory in older adults [[cite:pmid:33333333]].", {U}),
    ("Taking magnesium at night has been shown to halve the time it takes to fall asleep.", {U}),
    ("Magnesium shortfalls affect as many as 7 in 10 office workers, a recent survey revealed.", {U}),
    # --- disease claims -----------------------------------------------------------------------
    ("A nightly magnesium capsule is the simplest way to keep migraines from coming back.", {D}),
    ("Magnesium glycinate calms anxiety disorders without the side effects of prescription drugs.", {D}),
    ("For many readers, magnesium has meant an end to years of restless legs syndrome.", {D}),
    ("Magnesium supplements can normalize high blood pressure in a matter of weeks.", {D}),
    ("Magnesium is an effective treatment for depression.", {D}),
    ("Magnesium oil rubbed into the feet heals diabetic nerve damage.", {D}),
    ("Switching to magnesium let my mother stop taking her sleeping pills.", {D}),
    ("Regular magnesium protects you against type 2 diabetes.", {D}),
    ("Magnesium taken at the first sign of an attack can knock out a migraine.", {D}),
    # --- dose risk ----------------------------------------------------------------------------
    ("Most people do well on 700 mg of elemental magnesium spread across the day.", {S}),
    ("Take two 300 mg tablets of elemental magnesium at bedtime.", {S}),
    ("A level teaspoon of the powder supplies 350 mg of elemental magnesium, and two teaspoons a day is a typical "
     "serving.", {S}),
    ("Children aged 2 to 3 can be given 120 mg of magnesium daily to help them settle at night.", {S}),
    ("If you are pregnant, 400 mg of supplemental magnesium a day is a sensible target.", {S}),
    ("For night cramps, 2 grams of magnesium oxide a day usually does the trick.", {S}),
    ("People on dialysis can take 250 mg of magnesium a day.", {S}),
    ("Take 150 mg of elemental magnesium with each meal.", {S}),
    # --- contradictions -----------------------------------------------------------------------
    ("Magnesium oxide is absorbed better than any other form, which is why it is so popular.", {C}),
    ("The safe upper limit for supplemental magnesium is 600 mg a day for adults.", {C}),
    ("An ounce of pumpkin seeds provides around 40 mg of magnesium.", {C}),
    ("The FDA's Daily Value for magnesium is 400 mg.", {C}),
    ("Epsom salt taken by mouth is the best absorbed form of magnesium.", {C}),
    ("The upper limit for toddlers aged 1 to 3 is 110 mg of supplemental magnesium a day.", {C}),
    ("Half a cup of boiled spinach gives you about 20 mg of magnesium.", {C}),
    ("Magnesium citrate is one of the most poorly absorbed forms.", {C}),
    # --- citations ----------------------------------------------------------------------------
    ("Magnesium may help some adults wake less often during the night [[cite:pmid:12340000]].", {R}),
    ("Low magnesium intake has been associated with muscle cramps [4].\n\nReferences\n"
     "1. Ortega R. Dietary magnesium and cramps. Nutrients. 2020. doi:10.3390/nu0000042\n"
     "2. Patel S. Magnesium status in athletes. J Sports Sci. 2018. PMID: 23456789", {R}),
    ("Magnesium may slightly reduce how often cramps occur [[cite:pmid:55555555]].", {R}),
    ("Magnesium plays a part in turning food into energy [[cite:id:77]].", {R}),
    ("In one trial, older adults taking magnesium woke up less often [[cite:pmid:88888888]].", {R}),
    ("Magnesium is needed for healthy bones.\n\nReferences\n[1]\n[2]\n[3]\n[4]", {R}),
    ("Magnesium may ease cramps in pregnancy [[cite:see table 2]].", {R}),
    # --- several at once ----------------------------------------------------------------------
    ("Studies prove 1,000 mg of magnesium a day wipes out migraines.", {U, S, D}),
    ("Over 60% of our customers say NervaCalm is the best magnesium they have tried.", {U, P}),
    # --- clean: intake figures, food, compound weights, worked examples ------------------------
    ("Adults need 310 to 420 mg of magnesium a day from food, depending on age and sex.", set()),
    ("The RDA for men over 30 is 420 mg a day, and for women over 30 it is 320 mg.", set()),
    ("During pregnancy the recommended intake rises to 350 to 360 mg a day.", set()),
    ("Men aged 19 to 30 should aim for 400 mg a day and older men 420 mg, mostly from food.", set()),
    ("500 mg of magnesium glycinate provides about 70 mg of elemental magnesium.", set()),
    ("Because magnesium oxide is about 60% magnesium by weight, a 250 mg tablet supplies roughly 150 mg.", set()),
    ("Two 500 mg capsules of magnesium glycinate give about 140 mg of elemental magnesium, within the upper limit.",
     set()),
    ("A label listing 1,000 mg of magnesium citrate per two capsules is describing the compound, which holds about "
     "160 mg of elemental magnesium.", set()),
    ("For example, a multivitamin with 100 mg plus a 360 mg magnesium tablet adds up to 460 mg, which is over "
     "the 350 mg limit.", set()),
    ("If your diet already gives you about 300 mg, a 200 mg supplement brings your total to 500 mg, and only the "
     "200 mg from the supplement counts toward the upper limit.", set()),
    ("Someone who eats plenty of seeds, beans and leafy greens can easily get more than 420 mg a day from food, "
     "which is not a concern.", set()),
    ("One ounce of chia seeds has about 111 mg of magnesium, roughly a quarter of the Daily Value.", set()),
    ("Half a cup of cooked black beans adds about 60 mg of magnesium to a meal.", set()),
    ("A baked potato with its skin has around 43 mg of magnesium.", set()),
    ("The upper limit of 350 mg a day applies to magnesium from supplements and medicines, not to magnesium "
     "in food.", set()),
    ("Supplement labels use a Daily Value of 420 mg for adults and children aged 4 and older.", set()),
    ("The upper limit for children aged 1 to 3 is 65 mg a day from supplements.", set()),
    ("About 99% of the body's magnesium is in bone, muscle and soft tissue, and less than 1% is in the blood.",
     set()),
    # Structure/function and plain facts
    ("Magnesium plays a role in muscle contraction and a normal heart rhythm.", set()),
    ("The body needs magnesium to build bone and to make DNA and protein.", set()),
    ("Magnesium helps keep nerves and muscles working normally.", set()),
    ("Good food sources include pumpkin seeds, almonds, spinach, black beans and whole grains.", set()),
    ("Tap and bottled water can also supply magnesium, though the amount varies a lot.", set()),
    ("Blood tests for magnesium can look normal even when the body's stores are low.", set()),
    ("Severe magnesium deficiency is rare in healthy people because the kidneys limit how much is lost in urine.",
     set()),
    ("Magnesium might help some people with occasional constipation, which is why it is found in many laxatives.",
     set()),
    # Cited, attributed and hedged research
    ("In a randomized trial, older adults with insomnia who took magnesium fell asleep slightly faster than those "
     "on placebo [[cite:pmid:11111111]].", set()),
    ("A systematic review found little evidence that magnesium prevents muscle cramps in older adults "
     "[[cite:pmid:22222222]].", set()),
    ("The American Headache Society guideline lists magnesium as probably effective for migraine prevention "
     "[[cite:pmid:60000001]].", set()),
    ("Neurology guidelines rate magnesium as a level B option for preventing migraine, which means the evidence "
     "is moderate [[cite:pmid:60000001]].", set()),
    ("The migraine guideline notes that magnesium is inexpensive and generally well tolerated "
     "[[cite:pmid:60000001]].", set()),
    ("A meta-analysis of small trials reported that magnesium lowered blood pressure by a few points, and the "
     "authors called the evidence inconsistent [[cite:pmid:60000002]].", set()),
    ("People with low blood magnesium tend to have more heart disease, although that link does not show that "
     "supplements lower the risk [[cite:pmid:60000003]].", set()),
    ("Whether magnesium helps with anxiety is still an open question, because the trials so far are small and "
     "short [[cite:pmid:22222222]].", set()),
    ("Intravenous magnesium is used in hospitals to treat eclampsia, a dangerous complication of pregnancy "
     "[[cite:pmid:60000004]].", set()),
    ("The trial enrolled 126 adults and lasted eight weeks [[cite:pmid:11111111]].", set()),
    ("Researchers in that trial measured sleep with wrist monitors rather than questionnaires "
     "[[cite:pmid:11111111]].", set()),
    # Negated claims and quoted disclaimers
    ("Magnesium will not cure diabetes, and no reputable source says it does.", set()),
    ("No supplement can undo nerve damage that is already there.", set()),
    ("“These statements have not been evaluated by the Food and Drug Administration,” reads the small print on "
     "the bottle.", set()),
    ("There is no proof that magnesium reverses osteoporosis.", set()),
    ("Don't stop any prescribed medication in favour of magnesium.", set()),
    # Safety
    ("High doses from supplements can cause diarrhea, nausea and stomach cramps.", set()),
    ("People with kidney disease can build up magnesium to harmful levels and should not take supplements unless "
     "a doctor advises it.", set()),
    ("Magnesium can reduce the absorption of some antibiotics and osteoporosis drugs, so take them at least two "
     "hours apart.", set()),
    ("Very large doses of magnesium-containing laxatives have caused dangerous toxicity, mostly in people with "
     "poor kidney function.", set()),
    ("Ask your doctor to check your magnesium if you take a diuretic or a proton pump inhibitor for a long time.",
     set()),
    # Forms, consistent with the reference data
    ("Magnesium citrate and magnesium chloride dissolve well in water and are absorbed more completely than "
     "magnesium oxide.", set()),
    ("Magnesium oxide contains a lot of magnesium by weight but is poorly absorbed.", set()),
    ("Epsom salt is mainly used in baths, and how much magnesium passes through the skin is unknown.", set()),
    ("Many people choose magnesium glycinate because it tends to cause less stomach upset than oxide.", set()),
    # Doses with caveats, within limits
    ("If you use a supplement, keep the total from supplements at or below 350 mg of elemental magnesium a day "
     "unless your doctor advises otherwise.", set()),
    ("A common starting dose is 100 to 200 mg of elemental magnesium a day; check with a pharmacist if you take "
     "other medicines.", set()),
    ("Under medical supervision, doctors sometimes use higher doses to correct a deficiency.", set()),
    # Products named neutrally, disclosures
    ("MagSite does not sell supplements and takes no money from supplement makers.", set()),
    ("Vitalux sent us no product and had no say in this article.", set()),
    ("Brands such as NervaCalm list both the compound and the elemental amount on the label.", set()),
]
