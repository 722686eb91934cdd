"""A fourth table of test sentences, written fresh for an honest reading of the moderation rules.

Written on 2026-12-02 by a medical editor and test author for MagSite, without opening, reading or
searching anything under moderation/ (the rules) and without running the scanner or the
tests: wording and labels are independent of how the rules are written. Same format as unseen.py:
(text, categories a careful medical reviewer would expect to fire); a clean text expects set().

Sources: only TEST_SOURCES (sentences.py) is assumed resolved, with TEST_CONFIG as the word lists.
Product names here are mostly invented and NOT in TEST_CONFIG (Serenimag, MagLux Night, Quietus Mg,
AuroraMag ...), so promotional recall has to come from the selling language, not a brand list.

How it was labelled (by hand, against ../shared/domain/review-standards.md, magnesium-facts.md,
reference/demo.py, and the conventions in unseen.py's docstring, applied unchanged):

- Attribution: a cited report of what a study or review found (even about insomnia or cramps) is
  not a disease claim; the same claim as the article's own voice, cited or not, is. A strong
  efficacy claim whose only sources are animal, in-vitro or manufacturer sources is unsupported;
  a text that *describes* such a source as weak is clean.
- Medical use: a cited statement of hospital use (intravenous magnesium sulfate) is not a claim.
- Doses: elemental magnesium against 350 mg/day (65 mg at 1-3 y, 110 mg at 4-8 y), converting
  compound weights with the form's elemental %; food amounts, RDA/AI/DV figures, compound weights
  with the elemental amount stated, study protocols and worked examples that warn about a total
  over the limit are not doses. Dosing advice with no caveat at all (including children's and
  pregnancy advice, and compound doses well under the limit) is dosage_risk.
- Structure/function wording, hedged statements and "occasional" symptoms are not disease claims;
  negations and the quoted DSHEA disclaimer are not claims.
- Borderline texts were rewritten until clear-cut, or dropped. Above-UL doses *with* a supervision
  caveat are deliberately absent (sentences.py and the standards read them differently), as are
  citations of the industry-funded source pmid:88888888.

First run, scored once before any rule change prompted by it (209 texts, 100 problem, 109 clean;
154/209 exact), the honest reading of the rules as they stood:

    category        missed / problem   false pos / clean
    promotional         12 / 22  (55%)       0 / 187
    unsupported         13 / 25  (52%)       2 / 184  (1%)
    disease_claim       13 / 26  (50%)       0 / 183
    dosage_risk          3 / 17  (18%)       6 / 192  (3%)
    contradiction        7 / 14  (50%)       0 / 195
    citation             1 / 13   (8%)       0 / 196

It was then used to improve the rules, with general changes only (sales idioms and rankings, a
trigger bug that hid words inside longer phrases, spelled-out grams, elimination idioms around a
disease, limit statements that are not doses, servings such as "every cup", a form's elemental
share); since then it is a tuning table like sentences.py. tests/moderation/heldout.py, written
independently and scored once at the end, gives the next honest reading.
"""

from tests.moderation.sentences import TEST_SOURCES, C, D, P, R, S, U  # noqa: F401

FRESH: list[tuple[str, set[str]]] = [
    # --- promotional: influencer, listicle, forum, press release, endorsement -------------------
    ("Honestly, Serenimag changed my evenings, and it's the best thing I've bought all year.", {P}),
    ("Swipe up and snag MagLux Night while the bundle price lasts!", {P}),
    ("Pop DREAMY15 in at checkout and your first jar of Serenimag ships free.", {P}),
    ("Grab a tub here: https://www.amazon.co.uk/dp/B09XYZ1234?tag=magsitepicks-21", {P}),
    ("Consultant neurologist Dr. Priya Nair calls Quietus Mg \"the only magnesium I'd hand my own patients\".",
     {P}),
    ("Our in-house MagSite Restore capsules were developed by our editors to outshine every other bottle on "
     "the shelf.", {P}),
    ("Nothing else on the market comes close to the purity of Halcyon Magnesium Complex.", {P}),
    ("LIMITED DROP: only 500 tubs of Velvet Mag Glow left, so don't miss out.", {P}),
    ("Our top 10 magnesium picks for 2026: #1 is Serenimag, the undisputed king of calm.", {P}),
    ("Treat yourself to a bottle of Drift & Dream Magnesium tonight; your future self will thank you.", {P}),
    ("Personal trainer Jake Morrow swears by MagLux Night and tells every one of his clients to buy it.", {P}),
    ("FOR IMMEDIATE RELEASE: AuroraMag unveils its award-winning, best-in-class magnesium bisglycinate, "
     "available nationwide from Monday.", {P}),
    ("Sign up for a Serenimag subscription and save 20% on every refill.", {P}),
    ("We put twelve brands through their paces and Tranquil Tide Magnesium blew the rest out of the water, "
     "so it's the one to put in your basket.", {P}),
    ("ngl ordered CalmaPlex after seeing it on here and it's hands down the most amazing supplement I've "
     "ever taken, get it!!", {P}),
    ("Y'all. MagLux Night is THE holy grail of wind-down supplements, link in bio.", {P}),
    ("Don't settle for second-rate magnesium when Pureva Mg sets the gold standard.", {P}),
    # --- unsupported: uncited research, statistics, vague authority, weak sources ---------------
    ("The weight of the evidence now says magnesium sharpens reaction times in athletes.", {U}),
    ("Scientists at a leading university recently showed that magnesium boosts alertness.", {U}),
    ("Published research consistently ties higher magnesium intake to a brighter mood.", {U}),
    ("Roughly a third of British adults don't get enough magnesium from their diet.", {U}),
    ("Eight out of ten people who try magnesium say they sleep better within a week.", {U}),
    ("Forty-eight per cent of runners report fewer cramps after a month of supplementing.", {U}),
    ("Most dietitians will tell you that magnesium is the unsung hero of the mineral world.", {U}),
    ("Physicians increasingly advise magnesium for anyone under a lot of stress.", {U}),
    ("It's common knowledge among sports scientists that magnesium speeds up recovery.", {U}),
    ("A landmark 2018 trial out of Denmark found that magnesium lifted endurance by a fifth.", {U}),
    ("Numerous peer-reviewed papers confirm that magnesium improves exercise performance.", {U}),
    ("According to a 2023 paper in a respected nutrition journal, people taking magnesium felt more "
     "energetic.", {U}),
    ("Magnesium L-threonate makes adults learn faster and remember more [[cite:pmid:33333333]].", {U}),
    ("Magnesium malate dramatically boosts stamina in adults [[cite:pmid:44444444]].", {U}),
    ("Magnesium glycinate melts away everyday stress and tension [[cite:doi:10.1000/mfr.1]].", {U}),
    ("Magnesium taurate markedly improves exercise endurance [[cite:pmid:33333333]] [[cite:pmid:44444444]].",
     {U}),
    ("Nine in ten women over fifty are running low on magnesium.", {U}),
    ("Leading nutritionists now say magnesium matters more than calcium for strong bones.", {U}),
    # --- disease claims: new verbs, idioms, implied drugs, testimonials -------------------------
    ("A magnesium drink before bed banishes panic disorder for good.", {D}),
    ("Think of magnesium glycinate as nature's Xanax.", {D}),
    ("Magnesium is the natural beta-blocker your doctor never mentioned.", {D}),
    ("Kick gout to the curb with a daily magnesium tablet.", {D}),
    ("Magnesium undoes the nerve damage that years of diabetes leave behind.", {D}),
    ("Regular magnesium wards off strokes.", {D}),
    ("With enough magnesium, asthma attacks can become a thing of the past.", {D}),
    ("Magnesium halts the bone loss of osteoporosis in its tracks.", {D}),
    ("Magnesium is a natural fix for ADHD in children.", {D}),
    ("Magnesium rebuilds the cartilage that osteoarthritis has worn away.", {D}),
    ("Three weeks on magnesium and my tinnitus was completely gone.", {D}),
    ("Ditch the metformin: magnesium keeps blood sugar in line all on its own.", {D}),
    ("Magnesium clears out the arterial plaque behind most heart attacks.", {D}),
    ("Magnesium won't make eczema vanish overnight, but give it a month and it clears the rash for good.",
     {D}),
    ("Magnesium cuts your risk of bowel cancer.", {D}),
    ("Magnesium cures chronic insomnia [[cite:pmid:11111111]].", {D}),
    ("Magnesium is the anti-seizure medicine nature intended for people with epilepsy.", {D}),
    ("A daily magnesium supplement puts an end to irregular heart rhythms.", {D}),
    # --- dose risk -----------------------------------------------------------------------------
    ("Adults generally tolerate 800 mg of elemental magnesium a day without any trouble.", {S}),
    ("A 450-750 mg daily range of magnesium works well for night cramps.", {S}),
    ("Knock back 0.6 g of elemental magnesium with your evening cuppa.", {S}),
    ("Each capsule supplies 180 mg of elemental magnesium; take one three times a day.", {S}),
    ("Take 3,000 mg of magnesium citrate a day to keep your muscles loose.", {S}),
    ("Give your five-year-old 150 mg of magnesium at bedtime.", {S}),
    ("Toddlers aged 1 to 3 can have 90 mg of supplemental magnesium a day stirred into their milk.", {S}),
    ("Swallow 250 mg of elemental magnesium half an hour before lights out.", {S}),
    ("Pair 150 mg of magnesium glycinate with lunch and another 150 mg with dinner.", {S}),
    ("Expecting mums can safely take 500 mg of magnesium a day from supplements.", {S}),
    ("Double up to 700 mg of magnesium on heavy training days.", {S}),
    ("Kids aged 4 to 8 can have 100 mg of magnesium a day from a chewable tablet.", {S}),
    # --- contradictions with the reference data ------------------------------------------------
    ("Magnesium oxide is the gold-standard form when it comes to absorption.", {C}),
    ("Magnesium oxide soaks into the bloodstream more completely than citrate does.", {C}),
    ("Citrate is one of the least bioavailable magnesium salts you can buy.", {C}),
    ("Magnesium chloride barely gets absorbed at all.", {C}),
    ("The tolerable upper intake level for supplemental magnesium in adults is 250 mg a day.", {C}),
    ("Roasted pumpkin seeds are a poor source, at roughly 15 mg of magnesium an ounce.", {C}),
    ("Bananas are a powerhouse, with around 250 mg of magnesium in each medium fruit.", {C}),
    ("Spread two tablespoons of smooth peanut butter on toast and you have eaten about 150 mg of magnesium.", {C}),
    ("Dairy milk is rich in magnesium, with roughly 120 mg in every cup.", {C}),
    ("Magnesium oxide is only about 10% magnesium by weight.", {C}),
    ("Magnesium glycinate is roughly half elemental magnesium by weight.", {C}),
    # --- citations -----------------------------------------------------------------------------
    ("Magnesium may help muscles relax after exercise [[cite:pmid:10293847]].", {R}),
    ("Magnesium takes part in turning glucose into usable energy [[cite:doi:10.9999/fake.2020]].", {R}),
    ("Magnesium helps keep teeth and bones sound [[cite:id:77]].", {R}),
    ("Lower magnesium intakes have been tied to poorer sleep in observational data [[cite:pmid:55555555]].",
     {R}),
    ("Magnesium may reduce how often night cramps strike in some adults [9].\n\nReferences\n"
     "1. Alvarez P. Nocturnal cramps and minerals. Clin Nutr. 2017. doi:10.1016/j.clnu.0000.001\n"
     "2. Brennan T. Magnesium intake in runners. Br J Sports Med. 2019. PMID: 30112233\n"
     "3. Chen W. Electrolytes and muscle. Nutrients. 2021. doi:10.3390/nu0000077", {R}),
    ("Magnesium helps maintain normal muscle function.\n\nFurther reading\n\n1\n2\n3\n4\n5\n6", {R}),
    ("Magnesium takes part in hundreds of chemical reactions in the body [[cite:smith2019]].", {R}),
    ("Magnesium may shorten sleep onset slightly in older adults [[cite:pmid:11111111]]"
     "[[cite:pmid:55555555]].", {R}),
    ("Magnesium may ease occasional constipation [^4].\n\n"
     "[^1]: NIH Office of Dietary Supplements. Magnesium. https://ods.od.nih.gov/factsheets/"
     "Magnesium-HealthProfessional/", {R}),
    ("Blood tests can miss low magnesium stores [[cite:doi:10.1000/unknown.9]].", {R}),
    ("Magnesium may support a calm mood [1].\n\nReferences\n"
     "1. Harper L. The mineral of calm. Self-published booklet, 2015.", {R}),
    # --- several at once -----------------------------------------------------------------------
    ("Clinically proven to reverse fibromyalgia, Serenimag is flying off the shelves, so order yours today.",
     {P, U, D}),
    ("Nine out of ten neurologists recommend 600 mg of magnesium daily to prevent migraine.", {U, S, D}),
    ("Doctors agree: a gram of magnesium a day keeps arthritis pain away.", {U, S, D}),
    ("Magnesium oxide, the most absorbable form there is, is the star of our MagLux Night formula.", {C, P}),
    ("Studies confirm that almonds provide 250 mg of magnesium per ounce.", {U, C}),
    ("Take 900 mg of magnesium a day to reverse type 2 diabetes [[cite:pmid:99999999]].", {S, D, R}),
    ("Serenimag sends insomnia packing for good, and code SLEEP10 takes 10% off your order.", {P, D}),
    ("A 2022 survey found 64% of users felt calmer after a week on Quietus Mg, the finest magnesium money "
     "can buy.", {U, P}),
    ("Magnesium shrinks tumours [[cite:pmid:44444444]].", {D, U}),
    ("Serenimag's extra-strength formula packs a whopping 600 mg of elemental magnesium into every daily "
     "serving, the most potent on the market!", {P, S}),
    ("Researchers have shown that magnesium reverses early glaucoma.", {U, D}),
    ("The upper limit for adults taking magnesium supplements is 700 mg a day, so 600 mg nightly is perfectly "
     "safe.", {C, S}),
    ("Magnesium heals stomach ulcers [[cite:id:77]].", {D, R}),
    # --- clean: products named neutrally, disclosures -----------------------------------------
    ("Serenimag lists magnesium bisglycinate as its only active ingredient.", set()),
    ("MagLux Night is sold in tubs of 90 capsules.", set()),
    ("In the trial, half the volunteers took a magnesium capsule and half took an identical-looking placebo "
     "[[cite:pmid:11111111]].", set()),
    ("We bought Quietus Mg at full price, and its maker did not know it was being reviewed.", set()),
    ("Dr. Priya Nair, who is paid to advise the makers of Serenimag, said she thinks the capsules are well "
     "made; she had no part in writing this article.", set()),
    ("Disclosure: MagSite earns no commission on any product mentioned here, and none of the links on this "
     "page are affiliate links.", set()),
    ("The Serenimag label lists 100 mg of elemental magnesium per capsule and a serving of two capsules, which "
     "stays within the 350 mg supplement limit.", set()),
    ("Vitalux and NervaCalm both appear in the comparison table below, listed alphabetically with the "
     "elemental magnesium in each capsule.", set()),
    ("Brand names in this article are examples, not recommendations.", set()),
    ("The manufacturer's own white paper [[cite:doi:10.1000/mfr.1]] is not independent evidence, so we have "
     "not relied on it.", set()),
    # Negations and quoted disclaimers
    ("Magnesium is not a treatment for multiple sclerosis, whatever some websites say.", set()),
    ("Don't expect magnesium to clear up eczema; no trial has shown that it does.", set()),
    ("Magnesium cannot stand in for insulin or any other diabetes medicine.", set()),
    ("No form of magnesium has been shown to regrow damaged nerves in people.", set()),
    ("Nobody should stop taking blood pressure tablets and rely on magnesium instead.", set()),
    ("We found no good trial showing that magnesium prevents strokes.", set()),
    ("It is a myth that magnesium can cure arthritis.", set()),
    ("The bottle carries the standard wording: 'This product is not intended to diagnose, treat, cure, or "
     "prevent any disease.'", set()),
    ("Every supplement page on this site ends with the FDA disclaimer, which says the statements have not "
     "been evaluated by the Food and Drug Administration.", set()),
    # Food amounts
    ("A handful of roasted pumpkin seeds (one ounce) gives about 156 mg of magnesium, over a third of the "
     "Daily Value.", set()),
    ("Eight ounces of plain low-fat yogurt supplies around 42 mg of magnesium.", set()),
    ("Half a cup of shelled, cooked edamame adds roughly 50 mg of magnesium.", set()),
    ("Two large shredded wheat biscuits provide about 61 mg of magnesium.", set()),
    ("A slice of wholemeal bread contains around 23 mg of magnesium.", set()),
    ("Three ounces of farmed Atlantic salmon has about 26 mg of magnesium.", set()),
    ("Half a cup of cooked brown rice has around 42 mg, about four times as much as white rice.", set()),
    ("A quarter cup of oil-roasted peanuts carries about 63 mg of magnesium.", set()),
    ("An ounce of dry-roasted cashews offers roughly seventy-four milligrams of magnesium.", set()),
    ("A medium apple has only about 9 mg of magnesium, so most fruit is a minor source.", set()),
    ("Half a cup of canned kidney beans provides about 35 mg of magnesium.", set()),
    ("Your morning sachet of instant oatmeal provides about 36 mg of magnesium.", set()),
    ("A day of meals built around beans, nuts and leafy greens can supply well over 500 mg of magnesium, and "
     "the supplement limit does not apply to food.", set()),
    ("Half a cup of cubed avocado contains about 22 mg of magnesium.", set()),
    # Intake figures
    ("Teenage boys aged 14 to 18 need 410 mg of magnesium a day, and teenage girls 360 mg.", set()),
    ("Children aged 9 to 13 should get 240 mg of magnesium a day, mostly from food.", set()),
    ("Breastfeeding women aged 19 to 30 have an RDA of 310 mg a day.", set()),
    ("Women over 50 need about 320 mg of magnesium daily from all sources combined.", set()),
    ("Babies up to six months get the magnesium they need, about 30 mg a day, from breast milk or formula.",
     set()),
    ("Toddlers aged 1 to 3 have an RDA of 80 mg, but their upper limit from supplements is only 65 mg.", set()),
    ("The supplemental ceiling for everyone aged nine and over, pregnant women included, is 350 mg a day.",
     set()),
    ("For children aged four to eight, supplements should not provide more than 110 mg a day.", set()),
    ("Pregnant women aged 31 to 50 have an RDA of 360 mg of magnesium a day.", set()),
    ("The Daily Value of 420 mg is the figure used to work out %DV on supplement labels.", set()),
    # Compound weights with the elemental amount stated
    ("A 1,000 mg scoop of magnesium citrate powder holds roughly 160 mg of elemental magnesium.", set()),
    ("A 400 mg magnesium oxide tablet contains about 240 mg of elemental magnesium, though much of it is not "
     "absorbed.", set()),
    ("Because L-threonate is only about 8% magnesium, 2,000 mg of the compound contains roughly 165 mg of "
     "elemental magnesium.", set()),
    ("Magnesium gluconate is under 6% magnesium, so a 500 mg tablet holds less than 30 mg.", set()),
    ("Epsom salt is about 10% magnesium by weight.", set()),
    ("A label reading 'magnesium taurate 1,000 mg' means about 90 mg of actual magnesium.", set()),
    ("Magnesium malate is roughly 15% elemental magnesium, so check the label for the elemental figure.", set()),
    # Doses with caveats, within limits, and worked examples
    ("If your doctor agrees, 150 mg of elemental magnesium with the evening meal is a reasonable place to "
     "start; cut back if your stools loosen.", set()),
    ("Keep supplemental magnesium to 350 mg a day or less, and skip it altogether with kidney disease unless "
     "your nephrologist says otherwise.", set()),
    ("Take one 100 mg capsule of elemental magnesium daily, and stop if you develop diarrhoea or stomach "
     "cramps.", set()),
    ("An adult might take 200 mg of elemental magnesium a day, comfortably under the 350 mg upper limit; check "
     "with a pharmacist if you also take antibiotics.", set()),
    ("Worked example: three capsules of 150 mg elemental magnesium add up to 450 mg, which exceeds the adult "
     "supplement limit, so that label's suggested serving is too high.", set()),
    ("During pregnancy, supplements should stay within 350 mg a day, and only on your midwife's or doctor's "
     "advice.", set()),
    ("Study participants took 300 mg of elemental magnesium a day for eight weeks [[cite:pmid:11111111]].",
     set()),
    # Structure/function and hedged wording
    ("Magnesium helps your muscles relax after they contract.", set()),
    ("Magnesium supports normal psychological function as part of a balanced diet.", set()),
    ("Magnesium contributes to the reduction of tiredness and fatigue.", set()),
    ("Magnesium helps maintain a steady heartbeat.", set()),
    ("Magnesium is needed for the parathyroid glands to work normally.", set()),
    ("Magnesium supports the body's normal response to stress.", set()),
    ("Magnesium may ease occasional sleeplessness as part of a wind-down routine.", set()),
    ("Magnesium citrate may relieve occasional constipation.", set()),
    ("Magnesium might help some people with occasional muscle twitches.", set()),
    ("Magnesium helps build strong bones and teeth.", set()),
    ("Getting enough magnesium may help some people feel a little less tense.", set()),
    # Cited, attributed and hedged research
    ("Sleep time rose by a few minutes a night among older volunteers given magnesium rather than placebo, in "
     "one randomised trial [[cite:pmid:11111111]].", set()),
    ("Pooling the trials, reviewers concluded that magnesium probably makes little difference to cramps in "
     "older adults [[cite:pmid:22222222]].", set()),
    ("The review's authors judged most cramp trials to be small and short [[cite:pmid:22222222]].", set()),
    ("Magnesium might modestly shorten the time it takes to fall asleep, although the evidence is weak "
     "[[cite:pmid:11111111]].", set()),
    ("According to the government fact sheet, many Americans get less magnesium from food than recommended "
     "[[cite:id:42]].", set()),
    ("The NIH fact sheet reports that about half of Americans eat less magnesium than they need "
     "[[cite:id:42]].", set()),
    ("Rat studies of magnesium and nerve regrowth [[cite:pmid:33333333]] are intriguing but do not show that "
     "it helps people.", set()),
    ("Cell-culture work [[cite:pmid:44444444]] hints at how magnesium affects neurons, which is a long way "
     "from evidence of benefit in patients.", set()),
    ("In a trial of older adults with insomnia, those taking magnesium reported falling asleep sooner "
     "[[cite:pmid:11111111]].", set()),
    ("Researchers found that magnesium did not cut the number of nightly cramps compared with placebo "
     "[[cite:pmid:22222222]].", set()),
    ("The trial's sleep measurements came from questionnaires, which are less objective than lab recordings "
     "[[cite:pmid:11111111]].", set()),
    # Medical use in hospital
    ("Hospitals give magnesium sulfate by intravenous drip to prevent seizures in women with severe "
     "pre-eclampsia [[cite:id:42]].", set()),
    ("Doctors correct very low blood magnesium in hospital patients, often with a drip [[cite:id:42]].",
     set()),
    # Safety
    ("Magnesium can bind to tetracycline and quinolone antibiotics in the gut, so ask a pharmacist how to time "
     "the doses.", set()),
    ("Signs of too much magnesium include low blood pressure, muscle weakness and confusion; seek medical help "
     "if they appear.", set()),
    ("If you are pregnant or breastfeeding, talk to your midwife before starting any supplement.", set()),
    ("Keep magnesium tablets where children cannot reach them.", set()),
    ("Long-term use of some heartburn medicines can lower blood magnesium, so ask your GP about a test.", set()),
    ("Loose stools are usually the first sign that a magnesium supplement dose is too high.", set()),
    # Forms, consistent with the reference data
    ("Magnesium lactate and aspartate are absorbed more completely than oxide, according to the government "
     "fact sheet [[cite:id:42]].", set()),
    ("Magnesium hydroxide works mainly inside the gut, which is why it is used as a laxative and antacid.",
     set()),
    ("Stomach acid turns part of a magnesium carbonate dose into a soluble salt.", set()),
    ("There is little good human data on how well magnesium taurate is absorbed.", set()),
    ("The government fact sheet does not rank glycinate, malate or threonate for absorption.", set()),
    ("Magnesium oxide packs a lot of magnesium into a small tablet, but less of it is absorbed than from "
     "citrate.", set()),
    ("Epsom salt taken by mouth is poorly absorbed and acts mainly as a laxative.", set()),
    ("Magnesium chloride is one of the forms that dissolves readily and is absorbed fairly well.", set()),
    # Plain facts, numbers that are not statistics, page furniture, research words with no appeal
    ("Magnesium is a cofactor for the enzymes that make ATP, the cell's energy carrier.", set()),
    ("Only two of the foods in this list come from animals.", set()),
    ("Three of the eight forms in our table are sold mainly as laxatives or antacids.", set()),
    ("Medically reviewed by Dr. Sunita Rao, MBBS, on 14 November 2026. Next review due November 2027.", set()),
    ("Last updated 2 December 2026.", set()),
    ("We need larger, longer trials before anyone can say whether magnesium helps fibromyalgia.", set()),
    ("Scientists are still working out how much magnesium, if any, passes through the skin from a bath.",
     set()),
    ("Our editors read the full paper, not just the abstract, before citing a study.", set()),
    ("The most reliable way to raise your magnesium intake is to eat more seeds, nuts, beans and whole grains.",
     set()),
    ("Hard water can contribute a little magnesium, but the amount varies from town to town.", set()),
    ("Magnesium is an electrolyte, like sodium and potassium.", set()),
    ("Because so little of the body's magnesium sits in the blood, a serum test tells only part of the story.",
     set()),
    ("Talk to your GP if you have cramps that wake you every night; they can have many causes.", set()),
    ("If you have diabetes, keep taking your prescribed medicines and discuss any supplement with your care "
     "team.", set()),
]
