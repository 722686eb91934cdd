"""A held-out table for one final, honest scoring run of the editorial rules
(same format as sentences.py and unseen.py: (text, categories a careful reviewer expects)).

Written on 2026-12-02 by MagSite's medical editor acting as test author, from the review standards
(../shared/domain/review-standards.md), the magnesium facts sheet, the site's reference data
(reference/demo.py) and the labelling conventions in unseen.py's docstring. It was written WITHOUT
reading the rule modules (moderation/) or any tuning table other than the three existing
ones it must not duplicate (sentences.py, holdout.py, unseen.py), and without running the scanner.
No sentence is copied from the seed articles or from those tables. Nobody tuning the rules should
read it before the final run.

Each text is scanned on its own with TEST_SOURCES as the resolved sources and TEST_CONFIG as the
word lists; product names other than Vitalux / NervaCalm / MagniSleep Forte are invented on purpose,
so promotional recall has to come from the selling language. Labels were assigned by hand, one text
at a time, then re-read once against the conventions below.

Conventions: those of unseen.py (attribution to a cited source, cited medical use in hospital, what
counts as a dose, caveats, structure/function wording, hedges, "occasional" symptoms), plus:

- Compound weights of a named form are converted with the reference elemental % before comparing
  with the 350 mg UL ("3 g of magnesium citrate" = ~480 mg elemental: over; "1,000 mg of glycinate
  (about 140 mg elemental)" with a caveat: clean). A number with no form named is read as elemental.
- Supplemental doses above the UL that carry a medical-supervision caveat are left out on purpose
  (sentences.py labels them dosage_risk, the standards call them acceptable), so no label here
  depends on that question.
- A bracketed marker such as [4] with no reference list in the same text is clean (as in
  sentences.py); a marker that matches no entry of a list given in the same text, a list of bare
  numbers, an entry with no DOI/PMID/URL, an unresolved [[cite:...]] key, id:77, the retracted
  pmid:55555555 and the industry-funded pmid:88888888 are citation problems.
- A cited strong efficacy claim resting only on an animal, in-vitro or manufacturer source is
  unsupported; an attributed report of such a study that states its limits ("in rats ..., not shown
  in people") is clean.
- The DSHEA disclaimer printed under a disease claim does not neutralise the claim.
- Muscle cramps are not treated as a disease (as in sentences.py); "chronic constipation", insomnia
  named as such, tinnitus, high cholesterol and gum disease are. "Lowers LDL cholesterol" is a
  disease claim; "supports normal heart rhythm" is structure/function.
- Discounts ("40% off"), %DV arithmetic and body-composition percentages are not statistics.
  Anecdote framed as "many parents find" is not an unsupported research appeal (as sentences.py's
  "Some people find ..."), though a disease claim inside it still counts.
- An RDA or Daily Value figure that disagrees with the reference table is a contradiction, like a
  wrong upper limit.
- Newsletter sign-up lines, "Share this article", review bylines and comparison-table field labels
  are page furniture, not promotion. A stated affiliate disclosure with no link or product is clean.

First run, scored once on 2026-12-02 after the rules had been tuned on fresh.py and before any change
prompted by this table (285 texts, 127 problem, 158 clean; 240/285 exact):

    category        missed / problem   false pos / clean
    promotional          8 / 28  (29%)       0 / 257
    unsupported          9 / 31  (29%)       0 / 254
    disease_claim       13 / 32  (41%)       2 / 253  (1%)
    dosage_risk          2 / 20  (10%)       4 / 265  (2%)
    contradiction        6 / 20  (30%)       0 / 265
    citation             1 / 18   (6%)       0 / 267

After that run it was used, like fresh.py, to make general improvements, and became a tuning
table; final.py gives the last honest reading. Two clean texts that happened to equal texts of
fresh.py were removed afterwards (283 texts now).
"""

from tests.moderation.sentences import TEST_SOURCES, C, D, P, R, S, U

assert "pmid:11111111" in TEST_SOURCES  # the sources every [[cite:...]] below is resolved against

BLIND: list[tuple[str, set[str]]] = [
    # --- promotional: invented and known products, selling language ---------------------------
    ("Hands down, SomnaMag Glycinate is the magnesium we'd spend our own money on, and at $19.99 it's a steal.",
     {P}),
    ("Don't sleep on this deal: Calmora Night Drops are 40% off until midnight Sunday.", {P}),
    ("Pop MAGFAM15 into the promo box at checkout and save on every tub of Mag-Ease 500.", {P}),
    ("Link in bio 👉 grab the magnesium spray I use every single night before it sells out again!", {P}),
    ("Want the exact magnesium I take? Get yours here: https://amzn.to/3Mg7QpX", {P}),
    ("Certified nutritionist Jodie Marsh calls DeepRest Mag “the only supplement I'd give my own mum.”", {P}),
    ("Our in-house formula, MagSite Essentials Tri-Mag, was built by our editors to outperform everything else "
     "on the shelf.", {P}),
    ("Revolutionise your evenings with the cutting-edge absorption technology inside NeuroSoothe Max.", {P}),
    ("Tired of magnesium that does nothing? Upgrade to PureCalm Elite, the gold standard in mineral support.", {P}),
    ("Forget the rest: Magnavita Triple Complex is the undisputed champion of magnesium supplements.", {P}),
    ("Customers can't get enough of MagniSleep Forte, so add it to your basket while stocks last.", {P}),
    ("Subscribe & save: get 20% off every month when you choose auto-delivery of SerenMag.", {P}),
    ("Limited stock! Order three tubs of RelaxaMag powder and the fourth one's on us.", {P}),
    ("Olympic sprinter Dana Reeves credits Vitalux Recovery Mag for her comeback; find it at vitalux.com/shop.",
     {P}),
    ("We put 23 magnesium brands head to head and BalanceMag Pure came out on top, so grab it through our "
     "partner link.", {P}),
    ("“I recommend MagnoPlex to every patient who walks through my door,” says Dr. Ravi Patel, a chiropractor "
     "in Leeds.", {P}),
    ("Treat yourself to the world's finest magnesium body butter, handmade by our team and sold only in the "
     "MagSite shop.", {P}),
    ("The unrivalled purity of Aurelia Magnesium Bisglycinate makes every other brand look ordinary.", {P}),
    ("Sponsored? Nope, we just genuinely think NovaMag is the best magnesium money can buy.", {P}),
    ("Hit the button below to unlock bundle pricing on Vitalux Night Magnesium.", {P}),
    # --- unsupported: research appeals, uncited statistics, vague authority, weak sources ------
    ("New findings reveal that magnesium is the missing link in modern-day fatigue.", {U}),
    ("A landmark 2019 trial out of Australia found that people taking magnesium slept 40 minutes longer.", {U}),
    ("According to a paper in the Journal of Nutrition, people who ate more magnesium kept sharper memories "
     "into old age.", {U}),
    ("Roughly one in two Brits doesn't get enough magnesium from their diet.", {U}),
    ("As many as 68 percent of American adults fall short of the RDA.", {U}),
    ("Three-quarters of regular gym-goers are running low on magnesium, yet hardly any of them get tested.", {U}),
    ("Nutritionists have long known that magnesium is the anti-stress mineral.", {U}),
    ("Functional medicine practitioners swear by magnesium for beating the afternoon slump.", {U}),
    ("Scientists now believe low magnesium is behind much of the tiredness people feel in winter.", {U}),
    ("It's been scientifically demonstrated that magnesium speeds up workout recovery.", {U}),
    ("Dozens of studies back up magnesium's calming effect on the mind.", {U}),
    ("Magnesium sharpens reaction time in healthy adults [[cite:doi:10.1000/mfr.1]].", {U}),
    ("Magnesium taurate strengthens the heart muscle [[cite:pmid:33333333]].", {U}),
    ("Magnesium L-threonate switches on the brain's capacity to learn [[cite:pmid:44444444]].", {U}),
    ("Magnesium raises testosterone in men [[cite:pmid:33333333]].", {U}),
    ("The evidence is overwhelming: magnesium makes you a calmer person.", {U}),
    ("Top sleep specialists recommend a magnesium drink before bed.", {U}),
    ("Meta-analyses consistently confirm that magnesium sharpens concentration.", {U}),
    ("Approximately fifteen million Americans take a magnesium supplement every night.", {U}),
    ("Data from a huge European cohort show that a magnesium-rich diet adds years to your life.", {U}),
    ("Between a third and a half of older adults are magnesium deficient.", {U}),
    # --- disease claims -----------------------------------------------------------------------
    ("Magnesium banishes tension headaches for good.", {D}),
    ("Ditch the blood pressure pills: a daily magnesium drink does the same job.", {D}),
    ("For people with generalised anxiety disorder, magnesium is basically nature's Valium.", {D}),
    ("If you have atrial fibrillation, magnesium can put your heart back into a normal rhythm.", {D}),
    ("A magnesium-rich diet wards off type 2 diabetes.", {D}),
    ("Regular Epsom salt baths draw the inflammation out of arthritic joints.", {D}),
    ("Magnesium rebuilds the myelin sheath in people with multiple sclerosis.", {D}),
    ("Taking magnesium slashes your risk of having a stroke.", {D}),
    ("Magnesium lowers LDL cholesterol as well as a statin does.", {D}),
    ("With the right magnesium, chronic constipation becomes a thing of the past.", {D}),
    ("Magnesium oil sprayed on the calves gets rid of restless legs syndrome.", {D}),
    ("Magnesium is a powerful weapon against depression.", {D}),
    ("Many parents find that magnesium calms ADHD so well that their children no longer need medication.", {D}),
    ("Kidney stones? Magnesium citrate dissolves them naturally.", {D}),
    ("Magnesium can undo years of nerve damage in diabetic feet.", {D}),
    ("Magnesium nips asthma attacks in the bud.", {D}),
    ("Magnesium malate relieves the widespread pain of fibromyalgia [[cite:pmid:11111111]].", {D}),
    ("It won't make your tinnitus vanish overnight, but magnesium does silence the ringing over time.", {D}),
    ("Migraine sufferers: a daily magnesium tablet means no more lost weekends in a dark room.", {D}),
    ("Our readers have cured their insomnia with one simple mineral.", {D}),
    ("Magnesium is the drug-free fix for irritable bowel syndrome.", {D}),
    ("Magnesium eases the nerve pain of sciatica within days.", {D}),
    ("Magnesium normalises blood sugar in type 2 diabetes, so you can cut back on your metformin.", {D}),
    ("Magnesium glycinate clears up chronic migraines.*\n\n"
     "*These statements have not been evaluated by the Food and Drug Administration.", {D}),
    # --- dose risk ----------------------------------------------------------------------------
    ("Aim for 300 to 500 mg of magnesium daily for the best results.", {S}),
    ("Most of my clients take 800 mg at night with no problems at all.", {S}),
    ("Dissolve 3 g of magnesium citrate powder in water each evening.", {S}),
    ("Each capsule contains 175 mg of elemental magnesium; take three with breakfast.", {S}),
    ("Your five-year-old can safely have 200 mg of magnesium a day.", {S}),
    ("Go up to 1,000 mg of magnesium oxide a day if the cramps keep coming back.", {S}),
    ("Take half a gram of elemental magnesium at bedtime.", {S}),
    ("Six hundred milligrams a night is the sweet spot for deep sleep.", {S}),
    ("Take 3,000 mg of magnesium glycinate daily, split into three doses.", {S}),
    ("If you're breastfeeding, 450 mg of supplemental magnesium a day will keep you topped up.", {S}),
    ("If you have chronic kidney disease, a 200 mg magnesium tablet each morning keeps levels where they should "
     "be.", {S}),
    ("Take 250 mg of elemental magnesium an hour before bed.", {S}),
    ("Kids aged 6 to 8 can chew two 75 mg magnesium gummies a day.", {S}),
    # --- contradictions with the reference data -----------------------------------------------
    ("Magnesium oxide is prized for its outstanding bioavailability.", {C}),
    ("An ounce of chia seeds packs around 300 mg of magnesium.", {C}),
    ("A medium apple gives you about 60 mg of magnesium.", {C}),
    ("A slice of whole-wheat bread supplies roughly 100 mg of magnesium.", {C}),
    ("Magnesium glycinate is about 40% elemental magnesium by weight.", {C}),
    ("Magnesium oxide is only around 10% magnesium, so its tablets carry very little of the mineral.", {C}),
    ("The tolerable upper intake level for supplemental magnesium is set at 700 mg per day for adults.", {C}),
    ("Children aged 1 to 3 have a supplemental upper limit of 350 mg a day.", {C}),
    ("The upper limit for 4- to 8-year-olds is 65 mg a day from supplements.", {C}),
    ("Magnesium lactate is among the most poorly absorbed forms.", {C}),
    ("Few forms are absorbed as efficiently as magnesium hydroxide.", {C}),
    ("Magnesium chloride is absorbed less completely than magnesium oxide.", {C}),
    ("The RDA for women aged 31 to 50 is 420 mg a day.", {C}),
    ("Half a cup of cooked brown rice contains about 150 mg of magnesium.", {C}),
    ("Eight ounces of plain low-fat yogurt contains roughly 200 mg of magnesium.", {C}),
    # --- citations ----------------------------------------------------------------------------
    ("Magnesium may help tired muscles recover [[cite:pmid:00000001]].", {R}),
    ("Low magnesium status has been linked to poorer sleep [[cite:jones2020]].", {R}),
    ("Magnesium may slightly shorten the time it takes to nod off [[cite:doi:10.5555/sleep.2021.9]].", {R}),
    ("Your kidneys regulate how much magnesium the body holds on to [[cite:id:77]].", {R}),
    ("Older adults taking magnesium reported better sleep quality in one trial [[cite:pmid:88888888]].", {R}),
    ("Magnesium may improve how rested people feel in the morning [[cite:pmid:55555555]].", {R}),
    ("Magnesium is involved in muscle relaxation [1][2].\n\nReferences\n1.\n2.\n3.", {R}),
    ("Bibliography\n\n[1] [2] [3] [4] [5] [6]", {R}),
    ("Most adults get a little magnesium from drinking water [^5].\n\n"
     "[^1]: NIH Office of Dietary Supplements. Magnesium fact sheet. "
     "https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/", {R}),
    ("Magnesium citrate can loosen stools at higher doses [9].\n\nReferences\n"
     "1. Brown T. Osmotic laxatives revisited. Gut. 2017. doi:10.1136/gut-2017-000001\n"
     "2. Ng P. Magnesium salts in practice. BMJ. 2019. PMID: 31234567", {R}),
    ("Magnesium may ease mild muscle tension [1].\n\nReferences\n"
     "1. Anonymous. Minerals for wellbeing. Leaflet from a health food shop, 2011.", {R}),
    ("Magnesium supports normal bone structure [[cite:TODO]].", {R}),
    ("Magnesium helps muscles and nerves work normally.\n\nSources: 1, 2, 3, 4, 5", {R}),
    ("Magnesium contributes to normal psychological function [[cite:pmid:5555555]].", {R}),
    # --- several at once ----------------------------------------------------------------------
    ("Say goodbye to migraines with HeadEase Magnesium Complex, now at all good chemists.", {P, D}),
    ("Take two scoops of CalmTide powder (250 mg of elemental magnesium per scoop) every night; it's the best "
     "thing you'll ever do for your sleep.", {P, S}),
    ("Our OxiMag tablets use magnesium oxide, the most bioavailable form there is, so you get more for your "
     "money.", {P, C}),
    ("SleepWell Mag is the ultimate bedtime ritual [[cite:pmid:12345]].", {P, R}),
    ("Clinically proven to work twice as fast as ordinary magnesium, RapidMag is the smart choice for busy "
     "people.", {P, U}),
    ("Doctors everywhere are switching their patients to Vitalux Magnesium Complete.", {P, U}),
    ("Trusted by over a million families, the award-winning Vitalux formula is the one to beat.", {P, U}),
    ("Eighty percent of users say SerenMag ended their sciatica, so order yours today.", {P, U, D}),
    ("Doctors agree magnesium is the best natural remedy for high blood pressure.", {U, D}),
    ("Studies have shown magnesium can reverse early gum disease.", {U, D}),
    ("Experts say 900 mg of magnesium a day lifts depression better than pills.", {U, S, D}),
    ("Magnesium repairs damaged nerves in the spinal cord [[cite:pmid:33333333]].", {U, D}),
    ("Magnesium wipes out chronic fatigue syndrome [[cite:pmid:55555555]].", {D, R}),
    ("Take 500 mg of magnesium nightly and your migraines will stop.", {S, D}),
    ("Research shows athletes need at least 600 mg of supplemental magnesium a day.", {U, S}),
    ("Because magnesium oxide is only 10% magnesium, you can take 3,000 mg of it a day.", {C, S}),
    ("Since the upper limit is 500 mg, a 450 mg daily supplement is perfectly safe.", {C, S}),
    ("Studies confirm magnesium oxide is the most absorbable form.", {U, C}),
    ("Take 800 mg of magnesium a day for cramps [[cite:pmid:99999999]].", {S, R}),
    ("A medium banana contains around 120 mg of magnesium [[cite:usda-2019]].", {C, R}),
    # === clean ================================================================================
    # Page furniture
    ("Share this article", set()),
    ("Medically reviewed by Dr. Sarah Okafor, MBBS, MRCGP, on 14 October 2026.", set()),
    ("Last updated: 2 December 2026 · 6 min read", set()),
    ("Written by Tom Ellis, health writer. Fact-checked by Priya Shah, RD.", set()),
    ("Next review due: December 2027.", set()),
    ("Was this page helpful? Yes / No", set()),
    ("Sign up for our weekly newsletter for more evidence-based nutrition news.", set()),
    ("Related: How to read a supplement label", set()),
    ("Comments are closed for this article.", set()),
    ("Jump to: Food sources | Forms | Safety | References", set()),
    ("Elemental magnesium per capsule: 100 mg. Capsules per bottle: 60.", set()),
    ("Best for: people who get loose stools with other forms.", set()),
    # Structure/function and plain physiology
    ("Magnesium contributes to normal psychological function.", set()),
    ("Magnesium helps maintain normal teeth.", set()),
    ("Magnesium plays a part in electrolyte balance.", set()),
    ("Magnesium is a cofactor for the enzymes that make ATP, the cell's energy currency.", set()),
    ("Your kidneys fine-tune how much magnesium is kept and how much is passed in urine.", set()),
    ("Magnesium supports normal muscle relaxation after exercise.", set()),
    ("Magnesium helps the body handle calcium and vitamin D.", set()),
    ("Chlorophyll, the green pigment in plants, has a magnesium atom at its centre, which is why leafy greens "
     "are a good source.", set()),
    ("Refined grains lose much of their magnesium when the bran and germ are stripped away.", set()),
    ("Magnesium supplements come as tablets, capsules, powders, liquids and gummies.", set()),
    ("Look for the words “elemental magnesium” on the label; that is the figure that counts toward the limit.",
     set()),
    ("The most common side effect of magnesium supplements is diarrhoea.", set()),
    ("The best time to take a supplement is whenever you will remember to take it.", set()),
    # Forms, consistent with the reference data
    ("Magnesium bisglycinate is a chelate: the mineral is bound to two glycine molecules.", set()),
    ("Magnesium malate is magnesium bound to malic acid, which occurs naturally in apples.", set()),
    ("Magnesium gluconate carries less magnesium per tablet than most other forms.", set()),
    ("Magnesium carbonate turns up in some antacids and powdered drink mixes.", set()),
    ("Citrate is among the most studied forms of magnesium.", set()),
    ("Magnesium lactate and aspartate dissolve well and are absorbed more completely than oxide.", set()),
    ("Oxide packs a lot of magnesium into a small tablet, but much of it stays in the gut.", set()),
    ("Much of an oral dose of magnesium sulfate stays in the bowel, which is why it works as a laxative.", set()),
    ("Magnesium hydroxide works mostly inside the gut, where it neutralises stomach acid.", set()),
    ("Magnesium chloride dissolves easily and is generally better absorbed than oxide.", set()),
    # Hedged and "occasional"
    ("A magnesium supplement might help with occasional sleeplessness.", set()),
    ("Milk of magnesia is an over-the-counter option for occasional constipation.", set()),
    ("Magnesium could play a part in how well some people sleep, though the evidence is thin.", set()),
    ("Occasional cramp after a long hike? Stretching and fluids come first; magnesium may help some people.",
     set()),
    ("Magnesium may help you wind down in the evening.", set()),
    ("Magnesium-containing antacids can relieve occasional heartburn.", set()),
    # Food amounts, consistent with the reference data
    ("A quarter cup of oil-roasted peanuts contains about 63 mg of magnesium.", set()),
    ("Half a cup of shelled, cooked edamame provides around 50 mg.", set()),
    ("Two large shredded wheat biscuits give you about 61 mg of magnesium.", set()),
    ("An 8-ounce pot of plain low-fat yoghurt contains about 42 mg of magnesium.", set()),
    ("Three ounces of farmed Atlantic salmon provides about 26 mg of magnesium.", set()),
    ("A packet of instant oatmeal adds roughly 36 mg of magnesium to breakfast.", set()),
    ("Half a cup of canned kidney beans contains about 35 mg.", set()),
    ("A cup of milk gives you about 24 mg of magnesium.", set()),
    ("A medium raw carrot contains only about 7 mg of magnesium.", set()),
    ("Half a cup of raisins provides roughly 23 mg of magnesium.", set()),
    ("A sprinkle of pumpkin seeds, one ounce, supplies 156 mg, more than a third of the Daily Value.", set()),
    ("A handful of almonds, a bowl of black beans and a side of spinach could easily give you over 200 mg of "
     "magnesium in a day.", set()),
    ("Three ounces of roasted chicken breast has about 22 mg of magnesium.", set()),
    ("A day of whole grains, pulses and nuts can meet the RDA without any pills.", set()),
    ("Swap white rice for brown to roughly quadruple the magnesium in that portion.", set()),
    ("A bowl of shredded wheat with soymilk makes a magnesium-friendly breakfast.", set()),
    ("Stir a spoonful of chia seeds into your porridge for extra magnesium.", set()),
    ("Pumpkin seeds top the list of everyday foods for magnesium.", set()),
    # Intake figures and statements of the limit
    ("Teenage boys aged 14 to 18 need about 410 mg of magnesium a day.", set()),
    ("Children aged 4 to 8 need 130 mg a day, mostly from food.", set()),
    ("Breastfeeding women aged 19 to 30 need 310 mg a day.", set()),
    ("Babies up to six months get the 30 mg they need from breast milk or formula.", set()),
    ("Girls aged 9 to 13 have an RDA of 240 mg.", set()),
    ("Women over 51 need 320 mg a day.", set()),
    ("Stay at or below 350 mg a day from supplements unless your doctor advises more.", set()),
    ("The 350 mg ceiling covers magnesium from pills, powders and medicines, not from meals.", set()),
    ("For toddlers aged 1 to 3, supplements should supply no more than 65 mg a day.", set()),
    ("The upper limit also applies in pregnancy and while breastfeeding: 350 mg a day from supplements.", set()),
    ("Never take more than 350 mg of magnesium a day from supplements without medical advice.", set()),
    ("A supplement providing 105 mg of magnesium covers 25% of the Daily Value.", set()),
    # Compound weights with the elemental amount, worked examples that warn
    ("A 600 mg tablet of magnesium citrate supplies just under 100 mg of elemental magnesium.", set()),
    ("Because magnesium L-threonate is only about 8% magnesium, a 2,000 mg serving delivers roughly 165 mg of "
     "the mineral.", set()),
    ("Magnesium oxide is about 60% magnesium, so a 400 mg tablet holds around 240 mg.", set()),
    ("Check the label: 1,000 mg of magnesium malate contains only about 155 mg of elemental magnesium.", set()),
    ("Magnesium taurate is about 9% magnesium, so a 500 mg capsule contains around 45 mg.", set()),
    ("A 1,000 mg gluconate tablet provides only about 59 mg of magnesium.", set()),
    ("Two 200 mg elemental tablets a day would add up to 400 mg, which is above the 350 mg limit, so don't "
     "double up without asking your doctor.", set()),
    ("A 250 mg supplement plus an antacid containing 200 mg puts you at 450 mg, more than the upper limit.",
     set()),
    # Doses within the limit, with a caveat
    ("If you decide to try a supplement, 100 to 250 mg of elemental magnesium a day is a typical range; skip it "
     "if you have kidney problems.", set()),
    ("A 150 mg dose of elemental magnesium with your evening meal is a reasonable start; talk to your "
     "pharmacist if you take antibiotics or thyroid medicine.", set()),
    ("Start with 120 mg of elemental magnesium and cut back if it upsets your stomach or loosens your stools.",
     set()),
    ("Take one 200 mg elemental magnesium tablet a day, and ask your GP first if you are pregnant or have kidney "
     "disease.", set()),
    ("Magnesium glycinate, 1,000 mg a day (about 140 mg elemental), is usually well tolerated; stop if you get "
     "diarrhoea.", set()),
    # Safety
    ("Signs of too much magnesium include diarrhoea, nausea and tummy cramps.", set()),
    ("Anyone on dialysis should avoid magnesium supplements unless their renal team prescribes them.", set()),
    ("Keep magnesium supplements out of children's reach; adult doses can be too much for a small child.",
     set()),
    ("Magnesium can bind to bisphosphonates, so take the two at least two hours apart.", set()),
    ("Talk to your midwife before taking any supplement during pregnancy.", set()),
    ("Very high blood magnesium can cause low blood pressure, muscle weakness and an irregular heartbeat.",
     set()),
    # Negations, quoted disclaimers and qualified claims
    ("Magnesium is not a cure for depression, and it should never replace treatment your doctor recommends.",
     set()),
    ("We found no trustworthy evidence that magnesium reverses diabetic neuropathy.", set()),
    ("Despite what you may read online, magnesium won't unblock arteries.", set()),
    ("*This statement has not been evaluated by the Food and Drug Administration. This product is not intended "
     "to diagnose, treat, cure, or prevent any disease.", set()),
    ("The bottle's fine print states that the product “is not intended to diagnose, treat, cure, or prevent any "
     "disease.”", set()),
    ("It would be misleading to call magnesium a treatment for restless legs syndrome; the trials are too small "
     "to say.", set()),
    ("Magnesium does not replace insulin or any other diabetes medicine.", set()),
    ("Sadly, no mineral, magnesium included, can regrow damaged nerves.", set()),
    ("Claims that magnesium prevents heart attacks go well beyond the evidence.", set()),
    ("Magnesium is no substitute for blood pressure tablets, and nobody should stop taking theirs because of "
     "an article like this.", set()),
    ("“Inconsistent and inconclusive scientific evidence suggests that diets with adequate magnesium may reduce "
     "the risk of high blood pressure (hypertension), a condition associated with many factors,” the FDA's "
     "qualified claim reads.", set()),
    ("Supplements are popular, but popularity is not evidence.", set()),
    # Cited, attributed and hedged research
    ("The trial's magnesium group reported falling asleep a little sooner than the placebo group, but the "
     "difference was modest [[cite:pmid:11111111]].", set()),
    ("A systematic review of cramp trials concluded that magnesium is unlikely to reduce how often older adults "
     "get cramps [[cite:pmid:22222222]].", set()),
    ("The review authors rated the evidence on magnesium for night cramps as moderate in quality "
     "[[cite:pmid:22222222]].", set()),
    ("According to the government fact sheet, most people get less magnesium from food than recommended "
     "[[cite:id:42]].", set()),
    ("The fact sheet notes that the upper limit applies only to supplements and medicines [[cite:id:42]].",
     set()),
    ("In rats, magnesium sped up the regrowth of a cut sciatic nerve, but this has not been shown in people "
     "[[cite:pmid:33333333]].", set()),
    ("The only evidence the company offers is a study of neurons grown in a dish, and cell studies cannot show "
     "a benefit in people [[cite:pmid:44444444]].", set()),
    ("The manufacturer's own report describes how its glycinate is made [[cite:doi:10.1000/mfr.1]].", set()),
    ("Participants in the sleep trial were aged 65 and over [[cite:pmid:11111111]].", set()),
    ("According to the trial report, a fifth of participants dropped out before the end "
     "[[cite:pmid:11111111]].", set()),
    ("In that trial, people with insomnia who took magnesium reported somewhat better sleep, though the study "
     "was small [[cite:pmid:11111111]].", set()),
    ("About half of US adults consume less magnesium than they need, according to national survey data "
     "summarised in the fact sheet [[cite:id:42]].", set()),
    ("Research in older adults suggests a small effect on how quickly people fall asleep "
     "[[cite:pmid:11111111]].", set()),
    ("Studies of magnesium for cramps in pregnancy have produced conflicting results [4].", set()),
    ("Trials in older adults found only small changes in how long it took to fall asleep (Mah and Pitre, 2021).",
     set()),
    ("Whether magnesium helps prevent migraine in children has not been well studied.", set()),
    ("Scientists don't yet know whether magnesium sprays raise levels in the body.", set()),
    ("Larger, longer trials would help settle whether magnesium improves sleep.", set()),
    ("We asked three dietitians how they approach magnesium; their answers are below.", set()),
    ("Our editors update this page when new systematic reviews appear.", set()),
    # Medical use in hospital, cited
    ("On labour wards, intravenous magnesium sulfate is given to prevent seizures in women with severe "
     "pre-eclampsia [[cite:id:42]].", set()),
    ("Emergency doctors sometimes give intravenous magnesium to adults having a severe asthma attack "
     "[[cite:id:42]].", set()),
    # Products named neutrally, disclosed connections
    ("MagniSleep Forte contains magnesium bisglycinate and is sold in tubs of 90 capsules.", set()),
    ("Vitalux funded the trial described below, and two of its authors are company employees.", set()),
    ("Disclosure: this article contains affiliate links, which means we may earn a small commission at no "
     "extra cost to you. Our reviewers choose products independently.", set()),
    ("Dr. Leah Martins is a paid scientific adviser to Vitalux and did not review this article.", set()),
    ("We bought every product in this comparison ourselves; no company paid to be included.", set()),
    ("The placebo-controlled trial used NervaCalm capsules supplied by the manufacturer "
     "[[cite:pmid:11111111]].", set()),
    ("A product called Vitalux Night lists 100 mg of elemental magnesium per capsule on its label.", set()),
    ("We are not affiliated with any supplement company mentioned on this page.", set()),
    # More hard clean cases: furniture, structure/function, cited risk groups, food, intake figures
    ("Reviewed by James Whitfield, PharmD. Our editorial policy explains how we choose sources.", set()),
    ("Click here to read our full editorial policy.", set()),
    ("Our nutrition editor, who has no ties to any supplement company, compared the labels for this guide.",
     set()),
    ("We don't sell supplements, and no brand can pay to appear in our guides.", set()),
    ("Top tip: check the serving size, because some brands spread one serving across three capsules.", set()),
    ("Magnesium plays a role in keeping blood sugar within the normal range.", set()),
    ("Magnesium is needed for normal heart function.", set()),
    ("Magnesium may support a normal stress response.", set()),
    ("Magnesium is not a stimulant, and it won't keep you awake.", set()),
    ("Not everyone needs a supplement, and a blood test alone may not show whether you do.", set()),
    ("People with type 2 diabetes, coeliac disease or long-term heavy drinking are more likely to run low on "
     "magnesium [[cite:id:42]].", set()),
    ("Older adults absorb less magnesium from food and lose more of it in urine [[cite:id:42]].", set()),
    ("Proton pump inhibitors taken for more than a year can lower magnesium levels, so your doctor may check "
     "them.", set()),
    ("The trial was too short to tell whether the effect on sleep lasts [[cite:pmid:11111111]].", set()),
    ("The review found no clear difference between magnesium and placebo for cramps linked to exercise "
     "[[cite:pmid:22222222]].", set()),
    ("Epsom salt baths can be relaxing, but whether they raise the body's magnesium is unknown.", set()),
    ("Half a cup of chopped, cooked broccoli contains about 12 mg of magnesium.", set()),
    ("Half a cup of cubed avocado adds about 22 mg of magnesium to a salad.", set()),
    ("Three ounces of cooked halibut contains about 24 mg of magnesium.", set()),
    ("Peanut butter on whole-wheat toast, two tablespoons on one slice, gives about 72 mg of magnesium.", set()),
    ("The Daily Value on US labels, 420 mg, is higher than the RDA for most women.", set()),
    ("The RDA in pregnancy is 350 mg a day at ages 19 to 30 and 360 mg at ages 31 to 50.", set()),
    ("For adults, 350 mg a day from supplements is a ceiling, not a target.", set()),
    ("Magnesium won't replace a good bedtime routine, but it may be worth discussing with your GP.", set()),
]
