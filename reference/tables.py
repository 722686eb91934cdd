"""The reference library's seed tables as plain data: forms, foods and the intake tables.

One copy of these facts (../shared/domain/magnesium-facts.md: NIH ODS fact sheet, Food and Nutrition
Board 1997). `reference.demo.load_reference()` loads them into the library, and `reference_data()`
gives them to the flag engine when there is no database. No Django imports here; choice values are
the models' plain strings.
"""

from functools import cache

from moderation.reference import Allowance, FoodInfo, FormInfo, ReferenceData, UpperLimit

H, L, NR = "high", "low", "not_rated"  # reference.models.Bioavailability (no form here is "moderate")
ODS_BETTER = "Dissolves well; small studies found it absorbed more completely than oxide or sulfate (NIH ODS)."
NOT_RATED = "Not compared in the studies ODS cites; no good head-to-head human absorption data."

# (name, slug, aliases, elemental %, basis, bioavailability, note, best for, uses, side effects, evidence, sources)
FORMS = [
    ("Magnesium oxide", "magnesium-oxide", "MgO, magnesia", "60", "", L,
     "Dissolves poorly; absorbed less completely than the soluble forms in small studies (NIH ODS).",
     "Laxative or antacid use; small, cheap tablets",
     "Sold as an antacid and as an osmotic laxative, and used in many low-cost supplements because a "
     "small tablet can carry a large amount of magnesium.",
     "Diarrhoea, stomach cramps and nausea are common at supplement doses.",
     "Magnesium is most of its weight, so labels can state large amounts. The small absorption studies "
     "that compared forms consistently placed oxide behind citrate, chloride, lactate and aspartate; much "
     "of a dose stays in the gut, which is also why it works as a laxative.",
     ["ods"]),
    ("Magnesium hydroxide", "magnesium-hydroxide", "milk of magnesia", "42", "", L,
     "Works mostly inside the gut; little of a laxative dose is absorbed.",
     "Short-term constipation or heartburn",
     "The active ingredient of milk of magnesia, used as a laxative and an antacid rather than as a "
     "nutritional supplement.",
     "Diarrhoea and cramping. Regular use can raise blood magnesium in people with poor kidney function.",
     "It is a medicine more than a supplement. The government fact sheet notes that very high intakes from "
     "magnesium-containing laxatives and antacids have been linked to magnesium toxicity, usually in people "
     "whose kidneys do not clear it well.",
     ["ods"]),
    ("Magnesium carbonate", "magnesium-carbonate", "", "29", "", L,
     "Barely soluble in water; stomach acid turns part of it into a soluble salt.",
     "Antacid; some powdered supplements",
     "Found in antacids and some powdered drink-mix supplements.",
     "Bloating, belching and loose stools.",
     "There are few direct human studies of how much is absorbed. Claims that it is a well-absorbed form "
     "need a specific source.",
     ["ods"]),
    ("Magnesium chloride", "magnesium-chloride", "", "12", "hexahydrate; about 25% if anhydrous", H,
     ODS_BETTER,
     "General supplementation; liquids and bath flakes",
     "Used in tablets, liquid drops and bath flakes. Sprays sold as “magnesium oil” are a concentrated "
     "chloride solution.",
     "Loose stools at higher doses. Sprays can sting or itch on the skin.",
     "Chloride is one of the soluble forms that small studies found absorbed more completely than oxide and "
     "sulfate. Whether sprays or baths raise the body's magnesium has not been shown in good human studies.",
     ["ods"]),
    ("Magnesium citrate", "magnesium-citrate", "trimagnesium citrate, trimagnesium dicitrate", "16",
     "trimagnesium dicitrate", H,
     ODS_BETTER,
     "General supplementation; bowel preparation at high doses",
     "One of the most widely sold forms, taken as tablets, capsules or powder. Large doses are used as a "
     "laxative before bowel examinations.",
     "Loose stools, more so as the dose rises.",
     "Among the most studied forms. Absorption studies favour it over oxide, and it was used in several of "
     "the trials behind the migraine, cramp and sleep research summarised on the condition pages.",
     ["ods", "cochrane_cramps", "insomnia_review", "aan_migraine_2012"]),
    ("Magnesium malate", "magnesium-malate", "dimagnesium malate", "15.5", "", NR,
     NOT_RATED,
     "General supplementation",
     "Magnesium bound to malic acid, often marketed for energy or muscle comfort.",
     "Usually mild: stomach upset or loose stools at higher doses.",
     "The government fact sheet does not rate it. Marketing for fatigue or fibromyalgia is not backed by "
     "good human trials, so “superior” or condition claims need their own source.",
     ["ods"]),
    ("Magnesium glycinate", "magnesium-glycinate",
     "bisglycinate, magnesium bisglycinate, diglycinate, glycinate chelate", "14", "bisglycinate", NR,
     NOT_RATED,
     "An alternative for people who get loose stools with other forms",
     "Magnesium bound to the amino acid glycine, widely sold for sleep and relaxation.",
     "Generally well tolerated; stomach upset and loose stools can still occur at higher doses.",
     "A 500 mg capsule of magnesium glycinate holds only about 70 mg of magnesium, so labels need careful "
     "reading. Claims that it is better absorbed, or better for sleep or nerves, than other forms are not "
     "addressed by the government fact sheet and need their own source.",
     ["ods"]),
    ("Magnesium lactate", "magnesium-lactate", "", "10", "dihydrate", H,
     ODS_BETTER,
     "General supplementation",
     "Used in some supplements and as a food additive.",
     "Stomach upset and loose stools at high doses.",
     "Named in the government fact sheet among the forms absorbed more completely than oxide and sulfate.",
     ["ods"]),
    ("Magnesium sulfate", "magnesium-sulfate", "Epsom salt, Epsom salts, magnesium sulphate", "10",
     "heptahydrate (Epsom salt)", L,
     "Poorly absorbed by mouth (NIH ODS); given by injection only in hospital.",
     "Bath soaks; laxative; hospital use by injection",
     "Epsom salt is dissolved in baths and, by mouth, used as a laxative. In hospitals it is given into a "
     "vein under close medical supervision, for example in severe pre-eclampsia.",
     "By mouth: a strong laxative effect and cramping. Injections are for supervised medical use only.",
     "Sulfate is named with oxide as less completely absorbed by mouth. Bath soaks are popular, but "
     "meaningful absorption through the skin has not been shown in good studies.",
     ["ods"]),
    ("Magnesium taurate", "magnesium-taurate", "taurinate", "9", "", NR,
     "Not rated by ODS; very little human absorption data.",
     "No specific use with good human evidence",
     "Magnesium bound to taurine, marketed for heart health.",
     "Few reports; mild stomach upset is possible.",
     "Human trials are scarce and most claims rest on animal studies, which are not enough on their own to "
     "support a health benefit.",
     ["ods"]),
    ("Magnesium aspartate", "magnesium-aspartate", "", "8.4", "", H,
     ODS_BETTER,
     "General supplementation (less common)",
     "Found mainly in combination supplements.",
     "Loose stools at higher doses.",
     "Named in the government fact sheet among the forms absorbed more completely than oxide and sulfate.",
     ["ods"]),
    ("Magnesium L-threonate", "magnesium-l-threonate", "threonate, magnesium threonate", "8.3", "", NR,
     "Not rated by ODS; marketed for brain uptake on the strength of animal research.",
     "Studied for memory in small, early trials",
     "Magnesium bound to threonic acid, sold for memory and sleep.",
     "Mild stomach upset; little safety data beyond short trials.",
     "Interest comes mainly from animal research. Human trials are few and small, so claims about memory, "
     "nerve repair or sleep are not established. Each capsule carries little magnesium.",
     ["ods"]),
    ("Magnesium gluconate", "magnesium-gluconate", "", "5.9", "", NR,
     NOT_RATED,
     "Low-dose supplementation",
     "Used in some tablets and liquid preparations.",
     "Mild stomach upset.",
     "Magnesium is under 6% of its weight, so even large tablets hold little magnesium; check the elemental "
     "amount on the label.",
     ["ods"]),
]

# reference.models.FoodGroup
SN, VEG, LEG, GR, DA, FR, FM = "seeds_nuts", "vegetables", "legumes", "grains", "dairy", "fruit", "fish_meat"
# All 29 foods of the ODS table (mg per serving); %DV is computed, never stored.
FOODS = [
    ("Pumpkin seeds, roasted", "1 oz", 156, SN),
    ("Chia seeds", "1 oz", 111, SN),
    ("Almonds, dry roasted", "1 oz", 80, SN),
    ("Spinach, boiled", "1/2 cup", 78, VEG),
    ("Cashews, dry roasted", "1 oz", 74, SN),
    ("Peanuts, oil roasted", "1/4 cup", 63, SN),
    ("Shredded wheat cereal", "2 large biscuits", 61, GR),
    ("Soymilk, plain or vanilla", "1 cup", 61, DA),
    ("Black beans, cooked", "1/2 cup", 60, LEG),
    ("Edamame, shelled, cooked", "1/2 cup", 50, LEG),
    ("Peanut butter, smooth", "2 Tbsp", 49, SN),
    ("Potato, baked with skin", "3.5 oz", 43, VEG),
    ("Brown rice, cooked", "1/2 cup", 42, GR),
    ("Yogurt, plain, low fat", "8 oz", 42, DA),
    ("Oatmeal, instant", "1 packet", 36, GR),
    ("Kidney beans, canned", "1/2 cup", 35, LEG),
    ("Banana", "1 medium", 32, FR),
    ("Salmon, Atlantic, farmed, cooked", "3 oz", 26, FM),
    ("Milk", "1 cup", 24, DA),
    ("Halibut, cooked", "3 oz", 24, FM),
    ("Raisins", "1/2 cup", 23, FR),
    ("Whole-wheat bread", "1 slice", 23, GR),
    ("Avocado, cubed", "1/2 cup", 22, FR),
    ("Chicken breast, roasted", "3 oz", 22, FM),
    ("Ground beef, 90% lean", "3 oz", 20, FM),
    ("Broccoli, chopped, cooked", "1/2 cup", 12, VEG),
    ("Rice, white, cooked", "1/2 cup", 10, GR),
    ("Apple", "1 medium", 9, FR),
    ("Carrot, raw", "1 medium", 7, VEG),
]


RDA, AI, UL, DV = "rda", "ai", "ul", "dv"  # reference.models.IntakeGuideline.Kind

# (kind, label, age from, age to (exclusive), male, female, pregnancy, lactation) in mg/day
RDA_TABLE = [
    (AI, "Birth to 6 months", "0", "0.5", 30, 30, None, None),
    (AI, "7–12 months", "0.5", "1", 75, 75, None, None),
    (RDA, "1–3 years", "1", "4", 80, 80, None, None),
    (RDA, "4–8 years", "4", "9", 130, 130, None, None),
    (RDA, "9–13 years", "9", "14", 240, 240, None, None),
    (RDA, "14–18 years", "14", "19", 410, 360, 400, 360),
    (RDA, "19–30 years", "19", "31", 400, 310, 350, 310),
    (RDA, "31–50 years", "31", "51", 420, 320, 360, 320),
    (RDA, "51 years and older", "51", None, 420, 320, None, None),
]
DAILY_VALUE_MG = 420  # FDA Daily Value for adults and children 4 years and older (21 CFR 101.9)
# Supplemental and medicinal magnesium only; none is set for infants.
UL_TABLE = [
    ("1–3 years", "1", "4", 65, ""),
    ("4–8 years", "4", "9", 110, ""),
    ("9 years and older", "9", None, 350, "Includes adults, pregnancy and lactation."),
]

# How articles name some foods besides the library's name ("pepitas" for pumpkin seeds), keyed by
# the library's food name; the flag engine reads them beside the foods, from the database or here.
FOOD_ALIASES = {
    "Pumpkin seeds, roasted": ("pumpkin seed kernels", "pepitas"),
    "Soymilk, plain or vanilla": ("soy milk",),
    "Potato, baked with skin": ("baked potato",),
    "Yogurt, plain, low fat": ("yoghurt",),
    "Rice, white, cooked": ("white rice",),
}


def _age(value):
    return None if value is None else float(value)


@cache
def reference_data() -> ReferenceData:
    """These tables as the flag engine's reference data: what a scan with no database checks
    (`flagtext --defaults`, the engine's tests), and what fills a part the library has no rows for."""
    return ReferenceData(
        upper_limits=tuple(UpperLimit(float(age_from), _age(age_to), mg, label)
                           for label, age_from, age_to, mg, _note in UL_TABLE),
        daily_value_mg=DAILY_VALUE_MG,
        forms=tuple(FormInfo(row[0], float(row[3]), str(row[5]), tuple(a.strip() for a in row[2].split(",") if a.strip()))
                    for row in FORMS),
        foods=tuple(FoodInfo(name, serving, mg, FOOD_ALIASES.get(name, ())) for name, serving, mg, _group in FOODS),
        allowances=tuple(
            allowance
            for kind, _label, age_from, age_to, male, female, pregnancy, lactation in RDA_TABLE
            if kind == RDA
            for allowance in (
                Allowance(float(age_from), _age(age_to), "male", "general", male),
                Allowance(float(age_from), _age(age_to), "female", "general", female),
                *([Allowance(float(age_from), _age(age_to), "female", "pregnancy", pregnancy)] if pregnancy else []),
                *([Allowance(float(age_from), _age(age_to), "female", "lactation", lactation)] if lactation else []),
            )
        ),
    )
