"""A second, smaller table written after the main table passed, to see how the rules do on
sentences they were not written against. report.py prints it separately; tests do not assert it.

First run, before any change prompted by it: 45/50 exact; misses promotional 1/5, disease_claim 1/6;
false positives disease_claim 1/44, dosage_risk 1/46, contradiction 1/47. The five fixes that followed
were general (superlative noun phrases, possessives before a medication, "less well absorbed",
a named food beating "packet", hedged evidence statements), never sentence-specific; new sentences
added here later give the next honest reading."""

from tests.moderation.sentences import C, D, P, R, S, U

HOLDOUT: list[tuple[str, set[str]]] = [
    ("Athletes love MagniSleep Forte because it simply works better than anything else.", {P}),
    ("Get 25% off NervaCalm this week only.", {P}),
    ("Our nutritionist, Dr. Lena Park, personally recommends Vitalux Calm for stress.", {P}),
    ("The NeuroMax Plus formula is hands down the most powerful magnesium blend ever made.", {P}),
    ("Click here to order your first bottle of MagnaRest.", {P}),
    ("Scientific studies prove magnesium boosts athletic performance.", {U}),
    ("As research has repeatedly confirmed, magnesium lifts mood.", {U}),
    ("Roughly 45% of older adults have low magnesium intakes.", {U}),
    ("Four out of five doctors suggest magnesium for tired legs.", {U}),
    ("Health experts say magnesium is the key to deep sleep.", {U}),
    ("Magnesium is widely regarded as the most important mineral for the heart.", {U}),
    ("A Harvard study found that magnesium lowered stress hormones.", {U}),
    ("Magnesium stops panic attacks in their tracks.", {D}),
    ("Many readers have used magnesium to get off their antidepressants.", {D}),
    ("Magnesium glycinate treats insomnia better than sleeping pills [[cite:pmid:11111111]].", {D}),
    ("By restoring magnesium, you can reverse atherosclerosis.", {D}),
    ("Magnesium brings down hypertension naturally.", {D}),
    ("Magnesium helps prevent kidney stones from forming.", {D}),
    ("Children under 4 can take 150 mg of magnesium daily.", {S}),
    ("Take three 200 mg capsules of elemental magnesium with breakfast.", {S}),
    ("A daily 2 g dose of magnesium citrate keeps things moving.", {S}),
    ("Try 450 mg of magnesium before bed.", {S}),
    ("Magnesium oxide is easily absorbed by the body.", {C}),
    ("The upper limit for adults is 420 mg of supplemental magnesium a day.", {C}),
    ("A packet of instant oatmeal has about 150 mg of magnesium.", {C}),
    ("Magnesium sleep support [[cite:pmid:12121212]] is well established.", {R}),
    ("Magnesium eases cramps [12].\n\nReferences\n1. Doe A. Cramps. J Sports Med. 2018. doi:10.1000/x1", {R}),
    ("Magnesium helps nerve function [[cite:pmid:55555555]].", {R}),
    ("Magnesium helps the body turn food into energy.", set()),
    ("Magnesium glycinate is sometimes sold as magnesium bisglycinate.", set()),
    ("No supplement, magnesium included, can cure diabetes.", set()),
    ("Magnesium does not reverse nerve damage, although it may ease some cramps.", set()),
    ("Ask your doctor before taking magnesium if you are pregnant.", set()),
    ("Cashews provide about 74 mg of magnesium per ounce.", set()),
    ("One cup of soy milk has roughly 61 mg of magnesium.", set()),
    ("Supplements add to, but do not replace, a balanced diet.", set()),
    ("Magnesium chloride dissolves well in water.", set()),
    ("Magnesium sulfate is less well absorbed than magnesium citrate.", set()),
    ("A 2022 meta-analysis reported small improvements in sleep onset [[cite:pmid:22222222]].", set()),
    ("Evidence for magnesium and migraine prevention is mixed [[cite:pmid:22222222]].", set()),
    ("The supplement facts panel lists the elemental magnesium per serving.", set()),
    ("Talk to a doctor before giving a child any supplement.", set()),
    ("Most multivitamins contain some magnesium oxide.", set()),
    ("Magnesium may support normal energy-yielding metabolism.", set()),
    ("People taking antibiotics should separate them from magnesium by a few hours.", set()),
    ("The Food and Nutrition Board set the upper limit for supplements at 350 mg a day for people aged 9 and over.",
     set()),
    ("Vitalux did not sponsor or review this article.", set()),
    ("Magnesium citrate, 150 mg twice a day, is a common regimen; check with your pharmacist if you take other "
     "medicines.", set()),
    ("Spinach, chard and beet greens are rich in magnesium.", set()),
    ("Researchers measured magnesium in the blood of 200 volunteers [[cite:pmid:11111111]].", set()),
]
