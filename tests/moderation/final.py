"""A final, sealed table for one honest scoring run of the moderation rules (same format as
sentences.py: (text, categories expected to fire)).

Written on 2026-12-02 by MagSite's medical editor acting as test author, from the review standards
(../shared/domain/review-standards.md), the reference facts (../shared/domain/magnesium-facts.md and
reference/demo.py) and the labelling conventions of sentences.py, holdout.py and unseen.py. It was
written WITHOUT reading the rule modules (moderation/) or any of the tables used for tuning
(fresh.py, blind.py, the held-out tables), and without running the scanner, so no text here was
shaped to pass or fail a particular rule. No text is copied from the seed articles, and none equals
a text in sentences.py, holdout.py or unseen.py.

Each text is scanned on its own, with TEST_SOURCES as the resolved sources and TEST_CONFIG as the
word lists (Vitalux, NervaCalm and MagniSleep Forte are the known names; every other product name
here is invented, so promotional recall has to come from the selling language). About 45% are
problem texts over all six categories, 55% clean texts a careful health writer would publish.

Labelled by hand, one text at a time: the set is every category a careful medical reviewer would
expect, applying unseen.py's conventions (attribution to a cited source, medical use, what counts as
a dose, caveats, structure/function wording, hedges, "occasional" symptoms). Further decisions,
applied the same way throughout:

- Testimonials and customer reviews. A named product praised with puffery or a call to buy is
  promotional (an endorsement with no disclosed connection). A testimonial that magnesium or a
  product ended a named condition is a disease claim; one that normalises an above-limit dose
  ("I take 800 mg ...") is dosage_risk.
- Disclosure. A disclosed connection or free sample with no selling is clean. A sponsor read that
  is labelled as such but still carries puffery, an offer or a call to buy stays promotional:
  disclosure cures a hidden connection, not an advertisement.
- Statistics. Anecdotal counts ("nine out of ten trainers I've asked") and sales-style counts tied
  to a health benefit are uncited statistics. Composition figures (a form's elemental %, %DV of a
  food that matches the record) are not statistics; a wrong composition figure is a contradiction.
  A statistic attributed to the government fact sheet with its citation is clean.
- Weak sources. An unattributed strong claim resting only on pmid:33333333, pmid:44444444 or
  doi:10.1000/mfr.1 is unsupported; a report that names the study type (a rat study, cells in a
  dish, the maker's own paper) and states that it does not show a benefit in people is clean.
- Problem citations (unresolved key, retracted, industry-funded, no identifier, bare-number lists,
  a marker with no matching entry) are labelled citation only when the sentence is otherwise hedged
  and clean; no unsupported label is added for the same sentence.
- A wrong upper limit used to license a dose above 350 mg is both contradiction and dosage_risk.
- Children's doses are compared with the limit for the age stated in the text.
- Non-medical uses of trigger words ("treat yourself", enzymes that "repair DNA", "our top tip",
  "the cheapest way") are clean. Hospital use of magnesium as a drug, cited, is clean.
- Food statements use the record's own serving, and contradictions are at least twice as far from
  the record as the record itself (or a clearly reversed absorption rating).

First run, scored once on 2026-12-02 after two rounds of tuning (on fresh.py, then blind.py) and
before any change prompted by this table; five texts that happened to equal texts of the tuning
tables were removed first (282 texts, 127 problem, 155 clean; 239/282 exact):

    category        missed / problem   false pos / clean
    promotional          8 / 33  (24%)       2 / 249  (1%)
    unsupported          6 / 31  (19%)       1 / 251
    disease_claim       15 / 32  (47%)       1 / 250
    dosage_risk          2 / 20  (10%)       5 / 262  (2%)
    contradiction        4 / 18  (22%)       0 / 264
    citation             1 / 16   (6%)       0 / 266

It was then used for a third round of general improvements, and became a tuning table held to
rates (tests/moderation/test_unseen.py): two texts stay unmatched on purpose. The influencer's
quoted "... Solace Mag works" is a miss the rules still make (a product name with no selling word
near it); "small studies found ... absorbed more completely than oxide", labelled clean here, is
flagged as an uncited research appeal, which the review standard asks for. round4.py gives the
last honest reading.
"""

from tests.moderation.sentences import TEST_SOURCES, C, D, P, R, S, U  # noqa: F401

FINAL: list[tuple[str, set[str]]] = [
    # --- promotional --------------------------------------------------------------------------
    ("Meet SlumberSalt Magnesium Flakes: the only bath soak you'll ever want to come home to. Add to basket.", {P}),
    ("Five stars!!! Honestly the best magnesium I've bought. DeepDrift Glycinate blows every other brand out of "
     "the water, and I've already ordered my second tub.", {P}),
    ("PSA for anyone in this sub: MagMellow is 2-for-1 on their site till Sunday, stock up lads.", {P}),
    ("POV: you finally found the magnesium that actually slaps 😴✨ #KalmaNights link in bio, use code SLEEPY15",
     {P}),
    ("This week's issue is brought to you by Tidewell Minerals. Their ocean-sourced magnesium is second to none, "
     "and Tidewell is throwing in a free travel pouch with every order.", {P}),
    ("HOST: And honestly, guys, I've tried them all and nothing touches Ironbark Night Tonic, so head to "
     "ironbark dot com slash pod and grab a bottle.", {P}),
    ("LONDON, 4 March: Serenova Labs today unveiled MagnaQuiet, a revolutionary next-generation magnesium complex "
     "set to redefine evening wellness.", {P}),
    ("My clients rave about BodyHarmony Mag+, which is why I'm the only coach in Perth who stocks it. DM me to "
     "order yours.", {P}),
    ("If your magnesium isn't from PureRoot Organics, honestly, what are you even doing? Their stuff is leagues "
     "ahead of anything at the supermarket.", {P}),
    ("We like the unflavoured powder from Halcyon Health (https://halcyonhealth.co/shop?aff=magsite22).", {P}),
    ("Psst: everything in the Evenfall range is 35% off for Black Friday, no code needed.", {P}),
    ("Serious athletes refuel with AthloMag Recovery, the unrivalled post-workout magnesium for people who refuse "
     "to settle.", {P}),
    ("Mums, trust me on this one: LittleDreams Magnesium Lotion is a total game changer, and you can grab it at "
     "any Priceline.", {P}),
    ("For readers who want only the very finest, GoldenYears Magnesium Complete is the premium choice, available "
     "now by phone order on 0800 555 0199.", {P}),
    ("Shameless plug: the MagSite Shop now stocks our very own Night Shift magnesium blend, and newsletter "
     "subscribers get first dibs.", {P}),
    ("Olympic rower Katie Brennan credits Magnova Pro with getting her through her toughest training blocks, and "
     "she tells every young athlete to start taking it.", {P}),
    ("“I tell every patient who walks through my door to pick up a tub of CalmaSol,” says Dr. Raj Mehta, a "
     "London GP.", {P}),
    ("Don't wait: only a few hundred bottles of the limited-edition Lunara Lavender Mag Spray remain, and once "
     "they're gone, they're gone.", {P}),
    ("Nothing on the market compares with the silky, fast-absorbing magnesium in Velvetine Body Butter. Treat "
     "yourself today.", {P}),
    ("Bundle and save: three jars of Dreamfield Cocoa Magnesium for the price of two, plus free delivery "
     "Australia-wide.", {P}),
    ("Honestly, Vitalux has never let me down, and it's the magnesium I'd buy with my last fiver.", {P}),
    ("Grabbed a tub of Koala Calm Mag at the chemist this arvo and reckon it's the best on the shelf, hands down. "
     "Get onto it.", {P}),
    # --- unsupported --------------------------------------------------------------------------
    ("A study out of Japan found that people who ate more magnesium stayed calmer under pressure.", {U}),
    ("New research suggests most of us are walking around low in magnesium without knowing it.", {U}),
    ("It has been scientifically established that magnesium deepens your sleep.", {U}),
    ("Roughly two-thirds of British adults don't reach the recommended magnesium intake.", {U}),
    ("Nine out of ten personal trainers I've asked keep a tub of magnesium in their gym bag.", {U}),
    ("Around 15 percent of teenage girls get less than half the magnesium they need.", {U}),
    ("A landmark 2018 trial at a Boston hospital showed that magnesium sharpened reaction times in older "
     "drivers.", {U}),
    ("Most dietitians now accept that magnesium is the mineral we are most likely to be missing.", {U}),
    ("Sports scientists agree that magnesium speeds up recovery after a hard session.", {U}),
    ("There's a mountain of evidence that magnesium helps muscles bounce back faster.", {U}),
    ("Magnesium has been shown time and again to lift energy in people who feel run down.", {U}),
    ("Researchers at a Swedish university reported that travellers taking magnesium got over jet lag sooner.", {U}),
    ("Three in every four women over forty fall short on magnesium, yet few of them realise it.", {U}),
    ("According to leading nutritionists, glycinate is the form that is kindest to your gut.", {U}),
    ("A meta-analysis published last year confirmed that magnesium improves sleep efficiency.", {U}),
    ("Magnesium L-threonate boosts learning and memory in healthy adults [[cite:pmid:44444444]].", {U}),
    ("Chelated magnesium is absorbed far better than standard tablets [[cite:doi:10.1000/mfr.1]].", {U}),
    ("GUEST: The literature is really unequivocal here. Magnesium raises testosterone in men who train.", {U}),
    ("My naturopath says the science is settled: everyone over thirty needs extra magnesium.", {U}),
    ("Millions of Australians are running on empty when it comes to magnesium.", {U}),
    ("An estimated 48% of Americans eat less magnesium than they should.", {U}),
    # --- disease claims -----------------------------------------------------------------------
    ("Magnesium quietens tinnitus for good.", {D}),
    ("Forget the inhaler: magnesium opens up asthmatic airways naturally.", {D}),
    ("Magnesium glycinate is basically nature's Valium for people with anxiety disorders.", {D}),
    ("A magnesium-rich diet wards off colon cancer.", {D}),
    ("Epsom salt baths draw the inflammation out of gouty joints.", {D}),
    ("Magnesium chloride oil dissolves arthritic stiffness in the knuckles.", {D}),
    ("Rubbing magnesium lotion into your baby's legs will sort out their eczema.", {D}),
    ("PMS simply disappears once your magnesium is topped up.", {D}),
    ("Magnesium is how I beat my depression without pills.", {D}),
    ("Magnesium keeps atrial fibrillation at bay.", {D}),
    ("Bones thinned by osteoporosis can be rebuilt with magnesium.", {D}),
    ("Magnesium threonate restores memory in people with dementia.", {D}),
    ("Fixing low magnesium calms ADHD in hyperactive kids right down.", {D}),
    ("Type 2 diabetes? Magnesium brings your blood sugar back to normal.", {D}),
    ("Magnesium is a natural blood thinner that keeps strokes away.", {D}),
    ("Your migraines don't stand a chance against a nightly magnesium drink.", {D}),
    ("Once I started on magnesium, my fibromyalgia flare-ups stopped completely.", {D}),
    ("Magnesium won't give you overnight results, but it will heal your neuropathy over a few months.", {D}),
    ("Magnesium cures chronic insomnia in older adults [[cite:pmid:11111111]].", {D}),
    ("Restless legs syndrome responds beautifully to magnesium therapy [[cite:pmid:22222222]].", {D}),
    ("Magnesium is the natural answer to high cholesterol.", {D}),
    ("Pop a magnesium before bed and say bye-bye to sleep apnoea.", {D}),
    # --- dose risk ----------------------------------------------------------------------------
    ("I take 800 mg of elemental magnesium every night and sleep like a log.", {S}),
    ("Start with half a gram of elemental magnesium at bedtime.", {S}),
    ("Two scoops give 250 mg of elemental magnesium; have two scoops in the morning and two at night.", {S}),
    ("Each gummy has 50 mg of magnesium, and kids aged 5 to 8 can have three a day.", {S}),
    ("For a grizzly one-year-old, 80 mg of magnesium stirred into their bottle can work wonders.", {S}),
    ("Athletes can go up to 900 mg of magnesium a day from supplements during heavy training blocks.", {S}),
    ("Our recommended protocol is 3 grams of magnesium citrate powder daily.", {S}),
    ("Take two 1,000 mg magnesium oxide tablets each morning.", {S}),
    ("Every day after lunch, have 150 mg of elemental magnesium.", {S}),
    ("Have 1,000 mg of magnesium glycinate with your evening cup of tea.", {S}),
    ("Breastfeeding? Aim for 600 mg of supplemental magnesium a day.", {S}),
    ("Seven hundred milligrams a day of magnesium in capsule form is where most of my clients end up.", {S}),
    # --- contradictions -----------------------------------------------------------------------
    ("Magnesium oxide absorbs beautifully, which is why it's my go-to form.", {C}),
    ("Milk of magnesia ranks among the best-absorbed kinds of magnesium you can take.", {C}),
    ("Magnesium carbonate is among the most readily absorbed forms you can buy.", {C}),
    ("Citrate barely gets absorbed, so most of it just runs straight through you.", {C}),
    ("Lactate is a poor choice of form, because so little of it gets absorbed.", {C}),
    ("In Australia and the US alike, the upper limit for supplemental magnesium in adults is 150 mg a day.", {C}),
    ("The RDA for women aged 19 to 30 is 700 mg of magnesium a day.", {C}),
    ("Men over 50 only need about 150 mg of magnesium a day.", {C}),
    ("Nutrition labels work out the %DV from a Daily Value of 1,000 mg of magnesium.", {C}),
    ("An ounce of chia seeds packs a whopping 400 mg of magnesium.", {C}),
    ("Half a cup of cooked brown rice supplies around 160 mg of magnesium.", {C}),
    ("Magnesium oxide is only about 15% magnesium by weight.", {C}),
    ("The supplemental upper limit for toddlers aged 1 to 3 is 350 mg a day.", {C}),
    ("A cup of plain soy milk has 200 mg of magnesium.", {C}),
    # --- citations ----------------------------------------------------------------------------
    ("Magnesium may help some adults feel a little less tense [[cite:pmid:10293847]].", {R}),
    ("Magnesium intake tends to be lower in people who drink heavily [[cite:doi:10.5555/alc.9]].", {R}),
    ("Magnesium for leg cramps in pregnancy has been tested, with mixed results [[cite:cochrane2020]].", {R}),
    ("Magnesium is needed to make ATP, the cell's energy currency [[cite:id:77]].", {R}),
    ("A handful of small trials have looked at magnesium and sleep in older adults [[cite:pmid:55555555]].", {R}),
    ("Older adults taking magnesium rated their sleep slightly better than those on placebo "
     "[[cite:pmid:88888888]].", {R}),
    ("Magnesium is found in whole grains and green vegetables.\n\nSources\n(1)\n(2)\n(3)\n(4)\n(5)", {R}),
    ("Magnesium absorption tends to fall with age [6].\n\nReferences\n"
     "1. Ortiz L. Ageing and minerals. Clin Nutr. 2017. doi:10.1016/j.clnu.2017.01.004\n"
     "2. Hale P. Mineral intakes in older adults. Age Ageing. 2015. PMID: 24681357", {R}),
    ("Soaking in Epsom salt is a popular way to unwind [1].\n\nReferences\n"
     "1. Wilson D. The Bath Book. A leaflet handed out at a spa in Bath, 2009.", {R}),
    ("Magnesium may help some people feel less tired after exercise [[cite:pmid:1234]].", {R}),
    ("Magnesium helps enzymes do their work.\n\nReferences:\n1.\n2.\n3.\n4.\n5.\n6.", {R}),
    ("Some people find magnesium helps them unwind in the evening.[^4]\n\n"
     "[^1]: Mah J, Pitre T. BMC Complement Med Ther. 2021. doi:10.1186/s12906-021-03297-z", {R}),
    ("Average dietary magnesium intake has drifted down over recent decades [[cite:ref-12]].", {R}),
    ("Strong teeth depend partly on an adequate supply of magnesium [[cite:id:77]].", {R}),
    ("Magnesium glycinate tends to be gentle on the stomach [[cite:pmid:55555555]].", {R}),
    # --- several at once ----------------------------------------------------------------------
    ("Sleep experts agree: NightOwl Mag Blend is the #1 magnesium for deep, restful sleep. Join over 50,000 "
     "happy customers today.", {P, U}),
    ("Clinically proven and doctor formulated, RestWell Triple Magnesium is the smart choice for stressed-out "
     "parents.", {P, U}),
    ("ZenRoot Magnesium Drops cure insomnia naturally. Order now and sleep tonight.", {P, D}),
    ("★★★★★ “Bought Lulla Mag for my husband's restless legs syndrome and it's gone, totally gone. Buy it!”",
     {P, D}),
    ("Research from Harvard proves that magnesium reverses early-stage heart disease.", {U, D}),
    ("Magnesium regrows the nerves damaged by diabetic neuropathy [[cite:pmid:33333333]].", {U, D}),
    ("Doctors agree that a magnesium-rich diet keeps Alzheimer's away.", {U, D}),
    ("Directions: mix three scoops of SunSalt Magnesium (150 mg elemental per scoop) into water daily for the "
     "ultimate wind-down ritual.", {P, S}),
    ("Each sachet of NightDrift delivers 400 mg of elemental magnesium, the most generous dose on the market. "
     "Take one nightly.", {P, S}),
    ("Most functional medicine doctors recommend 800 mg of magnesium a day.", {U, S}),
    ("Studies show that children aged 2 to 3 tolerate 150 mg of magnesium a day with no problems.", {U, S}),
    ("Take a gram of elemental magnesium daily to reverse prediabetes.", {D, S}),
    ("Six hundred milligrams of magnesium a day will keep your high blood pressure in check.", {D, S}),
    ("Unlike pricey chelates, our magnesium oxide is the most absorbable form on the market. Shop the range "
     "today.", {C, P}),
    ("HydraMag's magnesium citrate provides a class-leading 50% elemental magnesium per capsule!", {C, P}),
    ("Studies show that magnesium oxide is the best-absorbed form.", {U, C}),
    ("Since the upper limit is 800 mg, taking 700 mg of magnesium a day is perfectly fine.", {C, S}),
    ("Magnesium cures migraine in children [[cite:pmid:77777777]].", {R, D}),
    ("Eight out of ten users say MagnaZen finally ended their panic disorder. Try it risk-free for 30 days.",
     {P, U, D}),
    ("Give your 6-year-old two of our Sleepy Bear gummies (75 mg each) every night and wave goodbye to ADHD "
     "meltdowns.", {P, D, S}),
    ("“Every study I've read says the same thing: Solace Mag works,” says wellness influencer Jade Moss.",
     {P, U}),
    # --- clean: products named neutrally, disclosures ------------------------------------------
    ("Lumera Night Magnesium comes as a berry-flavoured powder in 30-serving tubs.", set()),
    ("Disclosure: Halden Nutrition sent us a free sample. We were not paid, and the company did not see this "
     "review before publication.", set()),
    ("In the trial, the NervaCalm group and the placebo group reported similar sleep scores "
     "[[cite:pmid:11111111]].", set()),
    ("Dr. Priya Nair, a pharmacist with no ties to any supplement company, says she looks for the elemental "
     "amount on a label before anything else.", set()),
    ("MagniSleep Forte's label lists magnesium bisglycinate, the same compound sold under many other names.",
     set()),
    ("We bought every product in this comparison at full retail price, and no brand paid to be included.", set()),
    ("Pharmacist Tom Ellery, who is a paid consultant to Vitalux, told us he checks a patient's kidney function "
     "before suggesting any magnesium supplement.", set()),
    ("This article contains no affiliate links.", set()),
    ("Some brands, Vitalux among them, print both the compound weight and the elemental magnesium on the front "
     "of the pack.", set()),
    ("Sponsored content on MagSite is always labelled as advertising and never appears inside a medical "
     "article.", set()),
    ("Three stars. The capsules are large and a bit hard to swallow, and I didn't notice much difference in my "
     "sleep.", set()),
    ("Has anyone else found glycinate easier on the stomach than citrate? Asking before I see my GP.", set()),
    ("We don't recommend any particular brand; choose one that is independently tested and lists the elemental "
     "amount.", set()),
    # --- clean: page furniture ------------------------------------------------------------------
    ("6 min read", set()),
    ("Medically reviewed by Dr. Aisha Rahman, MBBS, MRCGP, on 14 October 2026", set()),
    ("Last updated: 2 December 2026. Next review due: December 2027.", set()),
    ("On this page: What magnesium does · Food sources · Supplements · Safety · References", set()),
    ("Share this article: Email · Print · Copy link", set()),
    ("Filed under: Minerals, Nutrition basics", set()),
    ("Related reading: How to read a supplement facts panel", set()),
    ("Written by Sam Oduya, health editor. Fact-checked by Lina Cho.", set()),
    # --- clean: structure/function and plain facts ----------------------------------------------
    ("Magnesium helps the heart keep a steady, normal rhythm.", set()),
    ("Magnesium contributes to the normal function of the nervous system and to normal psychological function.",
     set()),
    ("Magnesium is needed for the maintenance of normal teeth.", set()),
    ("Magnesium supports healthy muscle relaxation after exercise.", set()),
    ("Some people like a warm magnesium drink as part of a wind-down routine in the evening.", set()),
    ("Magnesium is a cofactor for the enzymes that copy and repair DNA.", set()),
    ("The kidneys fine-tune how much magnesium the body keeps and how much leaves in urine.", set()),
    ("Heavy drinking, some diuretics and long-term use of acid-reducing medicines can lower magnesium levels.",
     set()),
    ("Magnesium might help with occasional sleeplessness, but it is not a sleeping pill.", set()),
    ("Some people reach for magnesium for occasional constipation, because it draws water into the bowel.", set()),
    ("Muscle twitches, cramps and tiredness can have many causes besides low magnesium.", set()),
    ("Magnesium, calcium and potassium all help muscles contract and relax.", set()),
    ("Hard water can add a little magnesium to your daily total.", set()),
    ("Magnesium is a mineral, not a vitamin, and labels give it in milligrams.", set()),
    ("Low magnesium often comes with low potassium or calcium, so a blood test may look at all three.", set()),
    ("Sweat contains some magnesium, which is one reason endurance athletes pay attention to their diet.", set()),
    # --- clean: food amounts that match the record ---------------------------------------------
    ("A quarter cup of oil-roasted peanuts has about 63 mg of magnesium.", set()),
    ("Two large shredded wheat biscuits provide roughly 61 mg of magnesium.", set()),
    ("Half a cup of shelled, cooked edamame gives you about 50 mg of magnesium.", set()),
    ("An 8 oz pot of plain low-fat yoghurt contains around 42 mg of magnesium.", set()),
    ("Instant oatmeal, one packet, brings roughly 36 mg of magnesium to the breakfast table.", set()),
    ("Half a cup of canned kidney beans has roughly 35 mg of magnesium.", set()),
    ("A 3 oz portion of cooked farmed Atlantic salmon contains about 26 mg of magnesium.", set()),
    ("A cup of milk gives you around 24 mg of magnesium.", set()),
    ("A slice of whole-wheat bread has about 23 mg of magnesium.", set()),
    ("Half a cup of cubed avocado has roughly 22 mg of magnesium.", set()),
    ("A medium apple offers only about 9 mg of magnesium, and a raw carrot about 7 mg.", set()),
    ("Roasted pumpkin seeds give you around 156 mg of magnesium per ounce, about 37% of the Daily Value.", set()),
    ("Boiled spinach, half a cup, delivers nearly 80 mg of magnesium.", set()),
    ("A 3 oz serving of cooked halibut provides about 24 mg of magnesium.", set()),
    ("Swap white rice for brown: half a cup of cooked brown rice has about 42 mg of magnesium, against roughly "
     "10 mg for white.", set()),
    ("Sprinkle an ounce of chia seeds on your porridge and you've added about 110 mg of magnesium.", set()),
    ("Chicken breast, lean beef and fish add smaller amounts, around 20 to 26 mg per 3 oz serving.", set()),
    ("Eating plenty of magnesium-rich food is not a safety worry, because the upper limit covers supplements "
     "only.", set()),
    # --- clean: intake figures and limits -------------------------------------------------------
    ("Girls aged 14 to 18 need 360 mg of magnesium a day, and boys of the same age 410 mg.", set()),
    ("Children aged 9 to 13 need 240 mg of magnesium a day.", set()),
    ("Toddlers aged 1 to 3 need about 80 mg a day, and children aged 4 to 8 about 130 mg.", set()),
    ("Breastfeeding women aged 19 to 30 need 310 mg a day, the same as other women their age.", set()),
    ("Babies under six months need about 30 mg a day, which breast milk or formula supplies.", set()),
    ("The upper limit for supplemental magnesium is the same in pregnancy as for other adults: 350 mg a day.",
     set()),
    ("Under-fours have a much lower ceiling: 65 mg a day from supplements and medicines for ages 1 to 3.", set()),
    ("Supplement labels use the 420 mg Daily Value to work out the percentage printed next to magnesium.", set()),
    ("At 55, a woman's RDA for magnesium is 320 mg a day.", set()),
    ("Men aged 31 and over have an RDA of 420 mg of magnesium a day.", set()),
    ("Pregnant women aged 31 to 50 need 360 mg a day; those aged 19 to 30 need 350 mg.", set()),
    ("Remember that 350 mg is a ceiling for supplements, not a target.", set()),
    # --- clean: forms, consistent with the reference data ---------------------------------------
    ("Magnesium citrate is about 16% elemental magnesium by weight.", set()),
    ("Magnesium glycinate is roughly 14% magnesium, so the compound weight on a label looks much bigger than "
     "what it delivers.", set()),
    ("Of the common forms, oxide carries the most magnesium per gram but is among the least well absorbed.", set()),
    ("Magnesium lactate and aspartate dissolve readily and, in small studies, were absorbed better than oxide.",
     set()),
    ("Magnesium threonate is only about 8% magnesium by weight.", set()),
    ("Magnesium gluconate is under 6% magnesium, so even big tablets hold little of the mineral.", set()),
    ("Epsom salt is mostly sold for baths; taken by mouth it acts as a laxative and is poorly absorbed.", set()),
    ("Magnesium carbonate barely dissolves in water, though stomach acid turns part of it into a soluble salt.",
     set()),
    ("The government fact sheet doesn't compare glycinate, malate or taurate with other forms, so be wary of "
     "labels calling them ‘superior’.", set()),
    ("Sprays sold as magnesium oil are a concentrated chloride solution, and how much passes through the skin is "
     "not known.", set()),
    ("Milk of magnesia is magnesium hydroxide, a laxative and antacid rather than an everyday supplement.", set()),
    ("Chloride is one of the soluble forms that small studies found absorbed more completely than oxide.", set()),
    # --- clean: doses with caveats, conversions, worked examples --------------------------------
    ("A typical supplement dose is 100 to 350 mg of elemental magnesium a day; if you have kidney problems, "
     "speak to your doctor first.", set()),
    ("Three 500 mg tablets of magnesium glycinate add up to about 210 mg of elemental magnesium, which stays "
     "under the 350 mg limit.", set()),
    ("Two 600 mg magnesium citrate caplets supply around 190 mg of elemental magnesium.", set()),
    ("A 400 mg magnesium oxide tablet contains about 240 mg of magnesium, although much of it is not absorbed.",
     set()),
    ("If a label says 1,000 mg of magnesium glycinate per serving, expect about 140 mg of actual magnesium.", set()),
    ("Start low, say 100 mg of elemental magnesium with dinner, and cut back if your stools loosen.", set()),
    ("Take 200 mg of elemental magnesium at night only once your pharmacist has checked it won't clash with your "
     "other tablets.", set()),
    ("Adding a 250 mg magnesium supplement to a multivitamin that already has 150 mg takes you to 400 mg from "
     "supplements, above the 350 mg limit, so choose one or the other.", set()),
    ("The children's chewables contain 40 mg each; check with your child's doctor before giving them.", set()),
    ("For ages 4 to 8, supplemental magnesium should stay below 110 mg a day in total, and a paediatrician "
     "should guide it.", set()),
    ("Keep supplements to 350 mg of elemental magnesium a day or less unless a doctor tells you otherwise.", set()),
    ("Half a gram of magnesium glycinate sounds like a lot, yet it holds only about 70 mg of magnesium itself.", set()),
    ("One 150 mg capsule of elemental magnesium a day is plenty for most people who use a supplement; stop if "
     "you get diarrhoea, and avoid it altogether with kidney disease.", set()),
    ("People with kidney disease should never start magnesium without talking to their kidney team.", set()),
    ("If you also take an antacid or laxative that contains magnesium, count it towards your daily supplement "
     "total.", set()),
    ("Anything above the supplement limit should be your doctor's decision, not the label's.", set()),
    # --- clean: negations and quoted disclaimers ------------------------------------------------
    ("Magnesium is not a treatment for depression, and it shouldn't replace anything your doctor has "
     "prescribed.", set()),
    ("We could find no good trial showing that magnesium reverses diabetic neuropathy.", set()),
    ("Despite what you may read online, magnesium does not dissolve kidney stones.", set()),
    ("No, magnesium oil will not heal arthritis, whatever the comments section says.", set()),
    ("The label reads: “These statements have not been evaluated by the Food and Drug Administration. This "
     "product is not intended to diagnose, treat, cure, or prevent any disease.”", set()),
    ("It is not true that magnesium can stand in for blood pressure tablets.", set()),
    ("Magnesium has not been shown to prevent osteoporosis on its own.", set()),
    ("Is magnesium a cure for insomnia? No. The best trial in older adults found at most a small effect "
     "[[cite:pmid:11111111]].", set()),
    ("Nobody should stop their antidepressants in favour of magnesium.", set()),
    ("Magnesium doesn't regenerate nerves, whatever the marketing says.", set()),
    ("The FDA's qualified claim calls the evidence that adequate magnesium lowers the risk of high blood pressure "
     "“inconsistent and inconclusive”.", set()),
    ("PODCAST HOST: So is magnesium a miracle? GUEST: No. It's a nutrient, and most people can get enough from "
     "food.", set()),
    # --- clean: cited, attributed and hedged research -------------------------------------------
    ("A systematic review concluded that magnesium is unlikely to cut night-time leg cramps by much in older "
     "adults [[cite:pmid:22222222]].", set()),
    ("In a randomised trial in older adults with poor sleep, those given magnesium fell asleep a few minutes "
     "sooner than those given placebo [[cite:pmid:11111111]].", set()),
    ("The trial was small, and its authors cautioned against reading too much into it [[cite:pmid:11111111]].",
     set()),
    ("About half of US adults get less magnesium from food than they need, according to national survey data "
     "summarised by the NIH [[cite:id:42]].", set()),
    ("A rat study found that magnesium sped up regrowth of a cut sciatic nerve [[cite:pmid:33333333]]; nobody "
     "knows yet whether the same happens in people.", set()),
    ("In cultured neurons, magnesium changed how cells responded to stress [[cite:pmid:44444444]], a lab finding "
     "that says nothing yet about patients.", set()),
    ("The only support we found for that absorption claim is the manufacturer's own white paper "
     "[[cite:doi:10.1000/mfr.1]], so we don't repeat it.", set()),
    ("Reviews of the cramp trials found mixed results [[cite:pmid:22222222]].", set()),
    ("Magnesium may modestly shorten the time it takes older adults to fall asleep, though the evidence is low "
     "quality [[cite:pmid:11111111]].", set()),
    ("Participants kept sleep diaries for eight weeks, and the researchers compared them with the placebo "
     "group's [[cite:pmid:11111111]].", set()),
    ("Researchers found that older adults with insomnia fell asleep somewhat faster on magnesium "
     "[[cite:pmid:11111111]].", set()),
    ("The review authors judged the evidence on magnesium for cramps to be of moderate certainty "
     "[[cite:pmid:22222222]].", set()),
    ("Studies have looked at magnesium for restless legs, but a review found too few good trials to reach a "
     "conclusion (Marshall et al., 2019).", set()),
    ("Research summarised by the NIH suggests that people with type 2 diabetes often have low magnesium levels "
     "[[cite:id:42]].", set()),
    ("In hospital, magnesium sulfate is given into a vein to prevent seizures in women with severe "
     "pre-eclampsia [[cite:id:42]].", set()),
    ("Diets with adequate magnesium may reduce the risk of high blood pressure, but the FDA says the evidence for "
     "this is inconsistent and inconclusive.", set()),
    ("Observational studies link higher magnesium intake with a lower risk of diabetes, which does not prove "
     "cause [[cite:id:42]].", set()),
    ("Whether magnesium threonate does anything for memory in people is still being tested.", set()),
    ("Magnesium may modestly help sleep in older adults [1].\n\nReferences\n"
     "1. Mah J, Pitre T. Oral magnesium supplementation for insomnia in older adults. BMC Complement Med Ther. "
     "2021. doi:10.1186/s12906-021-03297-z", set()),
    # --- clean: trigger words used harmlessly, safety, everyday voices --------------------------
    ("Treat yourself to a warm Epsom salt bath after a long run; it's relaxing, whatever it does or doesn't do "
     "for your magnesium levels.", set()),
    ("Our top tip: read the back of the tub, not the front.", set()),
    ("Magnesium is best taken with food if it upsets your stomach.", set()),
    ("Ask the chemist for the elemental amount if the box only shows the compound.", set()),
    ("The cheapest way to eat more magnesium is a bag of pumpkin seeds from the supermarket.", set()),
    ("Severe magnesium deficiency can cause tremor and an irregular heartbeat, and it needs a doctor's care "
     "rather than self-treatment.", set()),
    ("Low magnesium is a recognised side effect of long-term proton pump inhibitor use, so your GP may test for "
     "it.", set()),
    ("A reader asks whether she can give her 7-year-old her own magnesium tablets. The short answer is no: adult "
     "tablets can exceed a child's limit, so ask your GP.", set()),
    ("When my doctor found my magnesium was low, she prescribed a short course and rechecked my bloods a month "
     "later.", set()),
    ("Twenty minutes in an Epsom bath won't hurt, but don't expect it to top up your levels.", set()),
    ("r/Supplements reminder: the 350 mg upper limit is for supplements only, so the spinach on your plate "
     "doesn't count.", set()),
    ("Forum reply: my GP said my cramps were probably down to dehydration, so I'm drinking more water first.",
     set()),
    ("This week we updated our magnesium food table with the latest NIH values.", set()),
    ("Honest review: the tub lasted me two months, the taste is fine, and it gave me loose stools until I halved "
     "the scoop.", set()),
    ("Coach's note: food first, meaning seeds, beans, greens and whole grains, and supplements only if your "
     "doctor finds a gap.", set()),
    ("Do not take this medicine if you have severe kidney problems. Tell your pharmacist if you are pregnant or "
     "breastfeeding.", set()),
    ("If you take several medicines, bring your magnesium bottle along to your next medication review.", set()),
    ("We skipped the kids' gummies and put a handful of cashews in their lunchboxes instead.", set()),
    ("Magnesium can bind some antibiotics in the gut, so leave a gap of a few hours between them.", set()),
    ("Australia's NHMRC sets the same 350 mg a day upper limit for supplemental magnesium in adults.", set()),
    ("Pumpkin, chia and sunflower seeds are easy to scatter over salads and yoghurt.", set()),
    ("Diarrhoea after starting a supplement is a common sign that the dose is more than your gut can handle.",
     set()),
    ("Half a cup of raisins has roughly 23 mg of magnesium.", set()),
    ("Half a cup of chopped, cooked broccoli gives only about 12 mg of magnesium.", set()),
    ("Tingling or numbness in the feet deserves a doctor's assessment, not a supplement.", set()),
    ("The two-minute version: eat seeds, nuts, beans and greens; check labels for elemental magnesium; keep "
     "supplements at or under 350 mg a day.", set()),
    ("Next week, our pharmacist answers your questions about magnesium and blood pressure medicines.", set()),
    ("Older adults are more likely to take medicines that interact with magnesium, such as some diuretics and "
     "antibiotics.", set()),
    ("Table 2 lists each form's elemental percentage next to its usual tablet size.", set()),
]
