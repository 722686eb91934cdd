"""Demo articles: original writing on the seed topics, citing the demo reference library.

Facts come from ../shared/domain/magnesium-facts.md and from what each demo source supports
(reference.demo.DEMO_SOURCE_NOTES); the sentences are written for MagSite. Markers in the bodies
use short names, `[[cite:cochrane_cramps]]`, which `load_articles` turns into the real identifiers
from reference.demo.DEMO_SOURCE_KEYS; `[[cite:ods]]` names the NIH ODS fact sheet, which has no
DOI or PMID and is cited by its library number.

Most articles are published, and they get there the way any article does: saved and scanned,
submitted by an author, their claims approved and blocker flags settled by the medical reviewer,
approved, then published by the managing editor (articles.workflow), so the audit trail, the
claims and the publish gate agree with what the site shows. The review dates are then set in the
past so the demo looks lived-in. The reviewer's decisions are the demo's: they say why each blocker
was dismissed (the rules cannot always see context, e.g. "500 mg magnesium glycinate" is a compound
weight of about 70 mg elemental magnesium).

One article is a draft and two are "in review" on purpose, with the problems the moderation
features exist to catch (an uncited statistic and research appeal, a supplement dose above the
upper limit with no supervision caveat, a plug for a fictional product with selling language and a
disease claim). The loader never publishes them.
"""

import datetime
import re

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from articles import workflow
from articles.models import FAQ, Article, AuthorProfile, KeyPoint
from articles.review.models import Claim
from articles.services import article_pages_refresh, article_save

PUBLISHED, DRAFT, IN_REVIEW = Article.Status.PUBLISHED, Article.Status.DRAFT, Article.Status.IN_REVIEW

ARTICLES = [
    {
        "slug": "magnesium-and-nerve-pain",
        "title": "Magnesium and nerve pain: what the evidence can and can't tell you",
        "standfirst": "Magnesium is often sold as a fix for burning or tingling feet. Here is what is known about "
                      "magnesium and neuropathy, and what deserves your attention first.",
        "status": PUBLISHED, "days_ago": 118, "authors": ["editor"], "reviewer": "reviewer",
        "tags": ["neuropathy", "nerve pain", "diabetes"],
        "forms": ["magnesium-glycinate", "magnesium-citrate"],
        "foods": ["Pumpkin seeds, roasted", "Spinach, boiled", "Black beans, cooked", "Almonds, dry roasted"],
        "conditions": ["diabetic-neuropathy", "type-2-diabetes", "chronic-kidney-disease"],
        "key_points": [
            "No good-quality trial shows that magnesium supplements relieve nerve pain or repair nerves.",
            "People with diabetes often have low magnesium; in trials, supplements nudged fasting glucose down a little.",
            "More than 350 mg a day of supplemental magnesium can cause diarrhoea, and kidney disease makes it risky.",
            "New numbness or burning in the feet needs a medical check before any supplement.",
        ],
        "faqs": [
            ("Can magnesium reverse diabetic neuropathy?",
             "No supplement has been shown to reverse nerve damage. Keeping blood sugar in range and treating the "
             "underlying cause are what protect nerves."),
            ("Which form of magnesium is best for nerve pain?",
             "None has been shown to help nerve pain. If you take a supplement for general intake, choose one you "
             "tolerate and count the elemental magnesium on the label."),
            ("Is magnesium safe if I have diabetes?",
             "Usually, at ordinary doses. But diabetes can damage the kidneys, and weak kidneys let magnesium build "
             "up. Ask your doctor before you start."),
        ],
        "body": """
<p>Peripheral neuropathy is damage to the nerves that run out to the feet, legs and hands. It can feel like pins
and needles, numbness, or a burning pain that gets worse at night. Diabetes is the most common cause, but heavy
drinking, some medicines, a lack of vitamin B12 and several other conditions can do the same.</p>
<p>Look for remedies online and magnesium turns up quickly, usually with confident promises attached. This
article sets out what is known, what is merely plausible, and what to do first.</p>

<h2>Why magnesium comes up at all</h2>
<p>Magnesium takes part in hundreds of chemical reactions in the body, including those that let nerves send
signals and muscles relax. That makes it an easy character in stories about nerve health. There is also a real
link with diabetes: people with type 2 diabetes often have low magnesium levels, partly because high blood sugar
makes the kidneys lose more of it in urine.[[cite:ods]]</p>
<p>Trials in people with diabetes have mostly measured blood sugar rather than nerve symptoms. A meta-analysis of
18 double-blind randomised trials found modest improvements in fasting glucose with magnesium supplements in
people with diabetes, with wide differences between trials.[[cite:diabetes_meta_2016]] Better blood sugar
control protects nerves over years, but that is an indirect route, and the changes were small.</p>

<h2>What the nerve-pain evidence looks like</h2>
<p>We looked for systematic reviews or large, well-run trials of magnesium for neuropathic pain and found none
that would let us say it works. What exists is small, short, or about magnesium given into a vein in hospital,
which tells us little about a tablet taken at home. That is not proof that magnesium is useless. It means the
question has not been answered.</p>
<p>Be wary of any product that promises to “repair” or “reverse” nerve damage. No supplement has been shown to
do that, and supplement makers are not allowed to claim that their products treat a disease.</p>

<h2>What to do first</h2>
<ul>
<li><strong>Get the cause checked.</strong> New numbness or burning in the feet deserves a visit to your doctor.
Blood sugar, vitamin B12 and thyroid tests are simple and can change your treatment.</li>
<li><strong>Look after your feet.</strong> When feeling is reduced, small cuts go unnoticed. If you have diabetes,
check your feet every day.</li>
<li><strong>Ask about pain treatment.</strong> Your doctor can explain the prescription options for nerve pain and
weigh them against your other conditions and medicines.</li>
<li><strong>Eat for a steady intake.</strong> Seeds, beans, whole grains and leafy greens are a safe way to reach
the recommended amount.</li>
</ul>

<h2>If you still want to try a supplement</h2>
<p>Adults need 310 to 420 mg of magnesium a day from all sources, depending on age and sex. From supplements, the
upper limit for anyone aged 9 or older is 350 mg a day.[[cite:dri_1997]] Above it, diarrhoea, nausea and stomach
cramps become more likely.[[cite:ods]]</p>
<p>Labels can mislead. A capsule sold as “500 mg magnesium glycinate” holds only about 70 mg of elemental
magnesium, because magnesium is around 14% of the compound's weight. Count the elemental amount, and count every
capsule you take in a day.</p>
<p>Kidney disease changes the picture. Healthy kidneys clear extra magnesium; damaged kidneys cannot, and levels
can build up to harmful amounts.[[cite:ods]] Long-standing diabetes is a leading cause of kidney disease, so
anyone with diabetes should check with their doctor before starting magnesium.</p>

<h2>The bottom line</h2>
<p>Magnesium is essential for nerves to work, and low levels are common in diabetes. But there is no good
evidence that supplements ease nerve pain or mend damaged nerves. Find the cause, protect your feet, and treat
magnesium as part of a good diet rather than as a nerve medicine.</p>
""",
    },
    {
        "slug": "magnesium-glycinate-sleep-anxiety",
        "title": "Magnesium glycinate for sleep and anxiety: a careful look",
        "standfirst": "Glycinate is the form most often sold for calm and better sleep. The trials behind those "
                      "hopes are few and small. Here is what they found, and how to read the label.",
        "status": PUBLISHED, "days_ago": 93, "authors": ["managing"], "reviewer": "reviewer2",
        "tags": ["sleep", "anxiety", "glycinate"],
        "forms": ["magnesium-glycinate", "magnesium-citrate", "magnesium-oxide"],
        "foods": ["Almonds, dry roasted", "Cashews, dry roasted", "Yogurt, plain, low fat"],
        "conditions": ["insomnia", "anxiety"],
        "key_points": [
            "Three small trials in older adults suggest magnesium may help people fall asleep about 17 minutes "
            "sooner; the evidence is low quality.",
            "For anxiety the findings point towards a small benefit, but the studies are of poor quality.",
            "No good trial shows glycinate works better than other forms for sleep or anxiety.",
            "A 500 mg glycinate capsule holds only about 70 mg of magnesium.",
        ],
        "faqs": [
            ("Should I take magnesium glycinate at night?",
             "Timing has not been tested well. Taking it in the evening is reasonable if you want to try it; "
             "staying within the daily limit matters more."),
            ("Is glycinate better absorbed than other forms?",
             "The US government fact sheet does not rate glycinate, and good head-to-head studies are lacking. "
             "Citrate, chloride, lactate and aspartate have the best-documented absorption."),
            ("Can I take it with sleeping pills or anxiety medicines?",
             "Ask your pharmacist first. Magnesium can reduce the absorption of some medicines, such as certain "
             "antibiotics and osteoporosis drugs, so timing may matter."),
        ],
        "body": """
<p>Magnesium glycinate, also sold as bisglycinate, is magnesium bound to glycine, an amino acid. It has become
the form people reach for when they hope to sleep better or feel less on edge, helped along by social media and
confident marketing. What does the research support?</p>

<h2>Sleep: three small trials</h2>
<p>A 2021 systematic review and meta-analysis searched for randomised trials of magnesium tablets for insomnia in
older adults and found only three, with 151 people between them.[[cite:insomnia_review]] On average, people
taking magnesium fell asleep about 17 minutes sooner than people taking a placebo. The reviewers rated the
evidence low to very low in quality: the trials were small, short and did not agree well with one another.</p>
<p>The review pooled magnesium in general. It did not set one form against another, and we know of no good trial
that does, so calling glycinate “the sleep form” goes beyond the evidence.</p>

<h2>Anxiety: suggestive, not settled</h2>
<p>For anxiety, a 2017 systematic review gathered 18 studies of magnesium and self-reported anxiety or
stress.[[cite:anxiety_review]] The results leaned towards a benefit in people prone to anxiety, but the reviewers
judged the evidence poor and called for better trials. Many of the studies were small, and some combined
magnesium with other ingredients, which makes it hard to credit magnesium alone, let alone a single form.</p>
<p>Magnesium is not a replacement for proven treatments for anxiety, such as talking therapies or prescribed
medicines. If worry is getting in the way of daily life, your doctor is a better first stop than the supplement
aisle.</p>

<h2>Reading a glycinate label</h2>
<p>Glycine is a fairly heavy molecule, so magnesium makes up only about 14% of magnesium glycinate by weight. The
big number on the front of the bottle is often the weight of the whole compound, not the magnesium in it.</p>
<table>
<caption>Elemental magnesium in typical glycinate doses (about 14% by weight)</caption>
<thead><tr><th>The label says</th><th>Elemental magnesium</th></tr></thead>
<tbody>
<tr><td>1 capsule of 500 mg magnesium glycinate</td><td>about 70 mg</td></tr>
<tr><td>2 capsules of 500 mg</td><td>about 140 mg</td></tr>
<tr><td>4 capsules of 500 mg</td><td>about 280 mg</td></tr>
</tbody>
</table>
<p>Good labels state the elemental amount separately, often as “magnesium (as magnesium bisglycinate)”. That is
the figure to compare with the upper limit for supplements: 350 mg a day for adults.[[cite:dri_1997]]</p>

<h2>If you decide to try it</h2>
<ul>
<li>Check the elemental dose and stay within 350 mg a day from supplements unless a clinician advises
otherwise.</li>
<li>Give it a fixed trial of a few weeks and keep a simple sleep diary, so you can judge honestly whether
anything changed.</li>
<li>Keep the basics going: a regular wake-up time, daylight in the morning and less caffeine later in the
day.</li>
<li>Skip supplements if you have kidney disease, unless your kidney team agrees.</li>
</ul>

<h2>The bottom line</h2>
<p>Magnesium may help some older adults fall asleep a little sooner, and it may ease anxiety slightly, but the
evidence for both is weak. Glycinate is a reasonable, usually well-tolerated choice if you want to try
magnesium. It is not a proven treatment for sleep problems or anxiety.</p>
""",
    },
    {
        "slug": "magnesium-leg-cramps-restless-legs",
        "title": "Leg cramps and restless legs: does magnesium help?",
        "standfirst": "Magnesium is the first thing many people reach for when a calf seizes up at night. For most "
                      "older adults the best evidence says it makes little difference. Here is why, and what to "
                      "try instead.",
        "status": PUBLISHED, "days_ago": 71, "authors": ["editor"], "reviewer": "reviewer2",
        "tags": ["cramps", "restless legs", "pregnancy", "sleep"],
        "forms": ["magnesium-citrate", "magnesium-lactate"],
        "foods": ["Banana", "Black beans, cooked"],
        "conditions": ["muscle-cramps", "pregnancy-leg-cramps", "restless-legs-syndrome"],
        "key_points": [
            "A 2020 Cochrane review found magnesium unlikely to reduce ordinary night cramps in older adults.",
            "Trials in pregnancy disagree; ask your midwife or doctor before taking a supplement.",
            "There are too few good trials to say whether magnesium helps restless legs.",
            "Calf stretches and a medicine review are sensible first steps.",
        ],
        "faqs": [
            ("Why do so many people say magnesium fixed their cramps?",
             "Night cramps come and go by themselves, so an improvement after starting anything is easy to credit "
             "to it. That is why trials compare magnesium with a placebo."),
            ("Are bananas good for cramps?",
             "A medium banana has about 32 mg of magnesium, a modest amount. There is no good evidence that bananas "
             "prevent cramps."),
            ("When should leg cramps worry me?",
             "See a doctor if cramps are frequent, wake you most nights, come with swelling, weakness or numbness, "
             "or started after a new medicine."),
        ],
        "body": """
<p>A night-time leg cramp is a sudden, hard tightening of a muscle, usually in the calf. It can last from a few
seconds to several minutes and leave the muscle sore the next day. Restless legs syndrome is something else: an
urge to move the legs, often with a crawling or aching feeling, that comes on when you sit or lie still and eases
when you move. Magnesium is suggested for both. The evidence for the two is not the same.</p>

<h2>Night cramps: the best evidence is mostly negative</h2>
<p>A 2020 Cochrane review brought together 11 randomised trials of magnesium for muscle
cramps.[[cite:cochrane_cramps]] For older adults with ordinary night cramps that have no other cause, it
concluded that magnesium is unlikely to reduce how often cramps happen by an amount people would notice. For
cramps linked to exercise or to other illnesses, there were too few trials to say.</p>
<p>That is a useful answer, even if it is not the one many people hope for. If you have taken magnesium for a few
weeks without any change, taking more of it is unlikely to help.</p>

<h2>Cramps in pregnancy</h2>
<p>Leg cramps become common in the second half of pregnancy. Trials of magnesium tablets for them disagree: some
found fewer cramps, others found no difference, and a 2020 Cochrane review rated the certainty of the evidence
low to very low.[[cite:cochrane_pregnancy_cramps]] If cramps trouble you in pregnancy, ask your midwife or doctor
before taking any supplement. The limit of 350 mg a day of supplemental magnesium applies in pregnancy
too.[[cite:dri_1997]]</p>

<h2>Restless legs: not enough good trials</h2>
<p>A 2019 systematic review looked for trials of magnesium in restless legs syndrome and in the related jerking
leg movements some people have in sleep.[[cite:rls_review_2019]] It found too few well-controlled studies to say
whether magnesium helps. Products that promise to “stop” restless legs claim far more than anyone knows.</p>
<p>Restless legs can go with low iron stores, kidney disease, pregnancy and some medicines, so it is worth seeing
a doctor, who may check your iron levels.</p>

<h2>Where the evidence stands</h2>
<table>
<caption>Magnesium and leg symptoms: what the best reviews found</caption>
<thead><tr><th>Problem</th><th>Best available review</th><th>Verdict</th></tr></thead>
<tbody>
<tr><td>Night cramps in older adults</td><td>Unlikely to reduce how often cramps happen</td><td>Probably no benefit</td></tr>
<tr><td>Cramps in pregnancy</td><td>Trials inconsistent; low certainty</td><td>Uncertain</td></tr>
<tr><td>Cramps with exercise</td><td>Too few trials</td><td>Unknown</td></tr>
<tr><td>Restless legs syndrome</td><td>Too few well-controlled trials</td><td>Unknown</td></tr>
</tbody>
</table>

<h2>What to try for night cramps</h2>
<ul>
<li><strong>Stretch the calf</strong> when a cramp starts: pull your toes towards your knee, or stand and lean
into a wall with the cramping leg straight behind you.</li>
<li><strong>Stretch before bed</strong> for a few minutes each evening.</li>
<li><strong>Review your medicines</strong> with a pharmacist, since some, including certain diuretics, are linked
with cramps.</li>
<li><strong>See a doctor</strong> if cramps are frequent, come with swelling, weakness or numbness, or began with
a new medicine.</li>
</ul>

<h2>The bottom line</h2>
<p>At ordinary doses magnesium is safe for most people whose kidneys work well, so trying it is unlikely to do
harm. But for ordinary night cramps in older adults it probably won't help, and for restless legs nobody yet
knows. Stretching, a medicine review and a check for underlying causes are better places to start.</p>
""",
    },
    {
        "slug": "choosing-a-magnesium-supplement",
        "title": "How to choose a magnesium supplement: the forms compared",
        "standfirst": "Oxide, citrate, glycinate, chloride, threonate: the names on the shelf differ in how much "
                      "magnesium they carry and how well they dissolve. A plain guide to reading the label.",
        "status": PUBLISHED, "days_ago": 49, "authors": ["managing"], "reviewer": "reviewer",
        "tags": ["supplements", "glycinate", "citrate", "safety"],
        "forms": ["magnesium-oxide", "magnesium-citrate", "magnesium-chloride", "magnesium-lactate",
                  "magnesium-glycinate", "magnesium-malate", "magnesium-sulfate", "magnesium-l-threonate"],
        "foods": [],
        "conditions": ["constipation", "chronic-kidney-disease"],
        "key_points": [
            "Compare supplements by elemental magnesium, not by the weight of the compound.",
            "Citrate, chloride, lactate and aspartate are absorbed more completely than oxide and sulfate.",
            "Keep supplemental magnesium at or below 350 mg a day unless a clinician supervises more.",
            "People with kidney disease should not take magnesium products without medical advice.",
        ],
        "faqs": [
            ("Is magnesium oxide a waste of money?",
             "Not necessarily. Less of it is absorbed than of citrate or chloride, but each tablet carries a lot of "
             "magnesium. It also acts as a laxative, so it does not suit everyone."),
            ("What does “chelated” mean on a label?",
             "That the magnesium is bound to an amino acid, as in glycinate (bisglycinate). It describes the "
             "chemistry; it is not a proven advantage."),
            ("Can I take magnesium every day?",
             "Most adults with healthy kidneys can take up to 350 mg a day of elemental magnesium from supplements. "
             "Magnesium in food does not count towards that limit."),
        ],
        "body": """
<p>Food is the first place to get magnesium. If you and your doctor decide a supplement makes sense, though, the
choice on the shelf can be baffling. Each “form” is magnesium bound to a different partner molecule, and that
partner decides two things: how much of the tablet is actually magnesium, and how well it dissolves and is
absorbed.</p>

<h2>First, find the elemental dose</h2>
<p>“Elemental magnesium” is the magnesium itself, without its partner. It is the number that counts towards your
daily intake and towards the upper limit of 350 mg a day from supplements for anyone aged 9 or
older.[[cite:dri_1997]] Because partner molecules differ in weight, one 500 mg tablet can hold anywhere from about
30 mg to 300 mg of magnesium.</p>

<h2>The common forms side by side</h2>
<p>Forms that dissolve well in liquid tend to be absorbed more completely. In the small absorption studies
summarised by the NIH Office of Dietary Supplements, magnesium aspartate, citrate, lactate and chloride were
absorbed more completely than oxide and sulfate.[[cite:ods]] The fact sheet says nothing either way about
glycinate, malate, taurate or threonate, so claims of “superior absorption” for those need their own
evidence.</p>
<table>
<caption>Share of magnesium by weight, absorption, and what a 500 mg tablet holds</caption>
<thead><tr><th>Form</th><th>Magnesium by weight</th><th>Absorption (NIH fact sheet)</th><th>In a 500 mg tablet</th></tr></thead>
<tbody>
<tr><td>Oxide</td><td>60%</td><td>Less complete</td><td>about 300 mg</td></tr>
<tr><td>Citrate</td><td>16%</td><td>More complete</td><td>about 80 mg</td></tr>
<tr><td>Malate</td><td>15.5%</td><td>Not rated</td><td>about 78 mg</td></tr>
<tr><td>Glycinate (bisglycinate)</td><td>14%</td><td>Not rated</td><td>about 70 mg</td></tr>
<tr><td>Chloride (hexahydrate)</td><td>12%</td><td>More complete</td><td>about 60 mg</td></tr>
<tr><td>Lactate</td><td>10%</td><td>More complete</td><td>about 50 mg</td></tr>
<tr><td>Sulfate (Epsom salt)</td><td>10%</td><td>Less complete</td><td>about 50 mg</td></tr>
<tr><td>L-threonate</td><td>8.3%</td><td>Not rated</td><td>about 42 mg</td></tr>
</tbody>
</table>
<p>Oxide shows why the headline number is not the whole story. It packs the most magnesium into a small tablet,
yet much of it stays in the gut, which is also why it works as a laxative.</p>

<h2>Matching a form to a purpose</h2>
<ul>
<li><strong>A general top-up:</strong> citrate, chloride and lactate have the best-documented absorption. Citrate
can loosen stools at higher doses.</li>
<li><strong>A sensitive stomach:</strong> glycinate is generally well tolerated, though its absorption has not
been compared well with other forms and each capsule carries little magnesium.</li>
<li><strong>Constipation:</strong> oxide, citrate, hydroxide and sulfate act as laxatives for short-term use.
That is a medicine use, not a nutritional one, and it is risky with kidney disease.</li>
<li><strong>Memory:</strong> L-threonate is sold for this on the strength of animal research. Human trials are
few and small.</li>
</ul>

<h2>Label checks before you buy</h2>
<ol>
<li>Find the elemental magnesium per serving, not the weight of the compound.</li>
<li>Multiply by the servings you would take each day: three capsules of 150 mg is 450 mg, above the
limit.</li>
<li>Add magnesium from other products. Multivitamins, antacids and laxatives all count.</li>
<li>Look for an independent quality mark, which tests that the tablet holds what the label says.</li>
<li>Be sceptical of “ultimate”, “miracle” or “best absorbed”, and of any promise to treat a disease.</li>
</ol>

<h2>Who should not choose alone</h2>
<p>People with kidney disease should not take magnesium supplements, laxatives or antacids unless their doctor
advises it, because the kidneys are how the body gets rid of extra magnesium.[[cite:ods]] Children need advice
too: their limits are much lower, 65 mg a day at ages 1 to 3 and 110 mg a day at ages 4 to
8.[[cite:dri_1997]] Magnesium can also reduce the absorption of some antibiotics and osteoporosis medicines, so
ask a pharmacist how to space them.</p>

<h2>The bottom line</h2>
<p>Choose a form you tolerate, read the elemental dose, and keep supplemental magnesium at or below 350 mg a day
unless a clinician supervises more. Citrate, chloride and lactate have the best-documented absorption; beyond
that, the dose and the health of your kidneys matter more than the name on the bottle.</p>
""",
    },
    {
        "slug": "magnesium-rich-foods",
        "title": "Magnesium-rich foods: getting enough from your plate",
        "standfirst": "Seeds, nuts, beans, whole grains and leafy greens can cover your daily magnesium without a "
                      "supplement, and the upper limit does not apply to food. Here is how the numbers add up.",
        "status": PUBLISHED, "days_ago": 33, "authors": ["editor"], "reviewer": "reviewer",
        "tags": ["foods", "diet"],
        "forms": [],
        "foods": ["Pumpkin seeds, roasted", "Chia seeds", "Almonds, dry roasted", "Spinach, boiled",
                  "Cashews, dry roasted", "Black beans, cooked", "Edamame, shelled, cooked", "Brown rice, cooked",
                  "Oatmeal, instant", "Potato, baked with skin"],
        "conditions": [],
        "key_points": [
            "Most adults need 310 to 420 mg of magnesium a day, depending on age and sex.",
            "Pumpkin seeds, chia seeds, almonds, spinach and cashews are among the richest sources.",
            "Whole grains keep far more magnesium than refined ones.",
            "The 350 mg upper limit applies to supplements and medicines, not to food.",
        ],
        "faqs": [
            ("Does cooking destroy magnesium?",
             "Heat does not destroy a mineral, but some magnesium passes into cooking water. Steaming, or using the "
             "cooking liquid, keeps more of it."),
            ("Can I get too much magnesium from food?",
             "Not if your kidneys are healthy: they pass the extra in urine. The upper limit is for supplements and "
             "medicines only."),
            ("Do I need to count my magnesium?",
             "Most people don't need to. Including a few of the foods in the table most days is a simple way to "
             "reach the target without counting."),
        ],
        "body": """
<p>Magnesium is in a wide range of everyday foods, especially those that come from plants. With a little
planning, food alone can cover what your body needs, with no risk of taking too much and with fibre and other
nutrients thrown in.</p>

<h2>How much you need</h2>
<p>The recommended amount for adults is 400 to 420 mg a day for men and 310 to 320 mg a day for women, a little
more in pregnancy. Teenagers need about as much as adults: 410 mg for boys and 360 mg for girls aged 14 to
18.[[cite:dri_1997]] Nutrition labels in the United States use a single Daily Value of 420
mg.[[cite:ods]]</p>

<h2>Where it comes from</h2>
<table>
<caption>Magnesium in common foods (%DV based on 420 mg)</caption>
<thead><tr><th>Food</th><th>Serving</th><th>Magnesium</th><th>% Daily Value</th></tr></thead>
<tbody>
<tr><td>Pumpkin seeds, roasted</td><td>1 oz</td><td>156 mg</td><td>37%</td></tr>
<tr><td>Chia seeds</td><td>1 oz</td><td>111 mg</td><td>26%</td></tr>
<tr><td>Almonds, dry roasted</td><td>1 oz</td><td>80 mg</td><td>19%</td></tr>
<tr><td>Spinach, boiled</td><td>1/2 cup</td><td>78 mg</td><td>19%</td></tr>
<tr><td>Cashews, dry roasted</td><td>1 oz</td><td>74 mg</td><td>18%</td></tr>
<tr><td>Black beans, cooked</td><td>1/2 cup</td><td>60 mg</td><td>14%</td></tr>
<tr><td>Edamame, shelled, cooked</td><td>1/2 cup</td><td>50 mg</td><td>12%</td></tr>
<tr><td>Brown rice, cooked</td><td>1/2 cup</td><td>42 mg</td><td>10%</td></tr>
<tr><td>Oatmeal, instant</td><td>1 packet</td><td>36 mg</td><td>9%</td></tr>
<tr><td>Banana</td><td>1 medium</td><td>32 mg</td><td>8%</td></tr>
</tbody>
</table>
<p>The figures come from the food table of the NIH Office of Dietary Supplements.[[cite:ods]] Three patterns
stand out. Seeds and nuts are the densest sources by far. Beans and whole grains give steady amounts through the
day. Refining strips much of it away: half a cup of brown rice has 42 mg, four times the 10 mg in the same amount
of white rice.</p>

<h2>A day that reaches the target</h2>
<ul>
<li><strong>Breakfast:</strong> a packet of instant oatmeal (36 mg) with an ounce of chia seeds stirred in
(111 mg).</li>
<li><strong>Lunch:</strong> half a cup of black beans (60 mg) over half a cup of brown rice (42 mg).</li>
<li><strong>Snack:</strong> an ounce of dry-roasted almonds (80 mg).</li>
<li><strong>Dinner:</strong> half a cup of boiled spinach (78 mg) and a baked potato with its skin
(43 mg).</li>
</ul>
<p>That comes to about 450 mg, enough for any adult, before counting anything else on the plate.</p>

<h2>Why food first</h2>
<p>The upper limit of 350 mg a day covers magnesium from supplements and medicines only. Magnesium in food and
water does not count towards it, because healthy kidneys pass the extra in urine.[[cite:ods]] Food sources also
bring fibre, potassium and other nutrients that a tablet does not.</p>

<h2>Easy swaps</h2>
<ul>
<li>Keep a jar of pumpkin seeds to scatter over salads, soup or yogurt.</li>
<li>Choose brown rice, oats and whole-wheat bread over their refined versions.</li>
<li>Add a can of beans to soups, stews and salads.</li>
<li>Wilt a handful of spinach into pasta sauce or eggs.</li>
</ul>

<h2>Who might still fall short</h2>
<p>Some people find it harder to get enough, including people with digestive conditions that limit absorption,
people with type 2 diabetes, people with long-term alcohol dependence, and older adults.[[cite:ods]] If that
applies to you, talk to your doctor before reaching for a supplement.</p>
""",
    },
    {
        "slug": "magnesium-upper-limit-kidney-disease",
        "title": "How much magnesium is too much? The upper limit, side effects and kidney disease",
        "standfirst": "The upper limit for supplemental magnesium is 350 mg a day for anyone aged 9 or older. What "
                      "it covers, who needs to take more care, and the warning signs of too much.",
        "status": PUBLISHED, "days_ago": 19, "authors": ["managing"], "reviewer": "reviewer",
        "tags": ["safety", "dosage", "kidney disease", "supplements"],
        "forms": ["magnesium-oxide", "magnesium-hydroxide", "magnesium-citrate", "magnesium-sulfate"],
        "foods": [],
        "conditions": ["chronic-kidney-disease", "constipation"],
        "key_points": [
            "The upper limit is 350 mg a day of supplemental magnesium from age 9; it is lower for young children.",
            "The limit does not include magnesium in food and water.",
            "Too much from supplements usually shows up first as diarrhoea, nausea and stomach cramps.",
            "With kidney disease, magnesium can build up to dangerous levels: take none without medical advice.",
        ],
        "faqs": [
            ("Does the upper limit include magnesium from food?",
             "No. It covers supplements and medicines such as laxatives and antacids. Magnesium in food and water "
             "is not counted."),
            ("What happens if I take too much once?",
             "Usually loose stools or diarrhoea that settle when you stop. Get urgent help for weakness, confusion, "
             "or a slow or irregular heartbeat, especially if you have kidney disease."),
            ("Can children take adult magnesium supplements?",
             "Not without a clinician's advice. Limits from supplements are 65 mg a day at ages 1 to 3 and 110 mg a "
             "day at ages 4 to 8."),
        ],
        "body": """
<p>Magnesium from food is safe for almost everyone. Supplements and magnesium-containing medicines are another
matter: they deliver a large amount at once, and the body's ability to get rid of the surplus depends on the
kidneys.</p>

<h2>The upper limit, by age</h2>
<p>The Tolerable Upper Intake Level (UL) is the most magnesium from supplements and medicines that almost anyone
can take every day without side effects.[[cite:dri_1997]]</p>
<table>
<caption>Upper limits for supplemental magnesium (elemental mg per day)</caption>
<thead><tr><th>Age</th><th>Upper limit</th></tr></thead>
<tbody>
<tr><td>1 to 3 years</td><td>65 mg</td></tr>
<tr><td>4 to 8 years</td><td>110 mg</td></tr>
<tr><td>9 years and older, including pregnancy and breastfeeding</td><td>350 mg</td></tr>
</tbody>
</table>
<p>No limit is set for infants, who should get magnesium only from milk and food. And the limit is not a target:
most people need no supplement at all.</p>

<h2>What the limit covers, and what it doesn't</h2>
<p>The limit counts elemental magnesium from tablets, capsules, powders, laxatives and antacids. It does not count
magnesium in food and water.[[cite:ods]] That is why a handful of pumpkin seeds is never a problem for healthy
kidneys, while a strong laxative can be.</p>
<p>Add everything up. A multivitamin with 100 mg of magnesium plus two capsules with 120 mg each comes to
340 mg, just inside the limit. One more capsule takes it to 460 mg.</p>

<h2>The first signs of too much</h2>
<p>Too much supplemental magnesium usually announces itself in the gut first: diarrhoea, nausea and stomach
cramps.[[cite:ods]] These settle when the dose comes down. Forms that are poorly absorbed, such as oxide, are the
most likely to cause them, because the magnesium left in the bowel draws water in.</p>

<h2>Kidney disease: the real danger</h2>
<p>Healthy kidneys remove extra magnesium from the blood. When they work poorly, magnesium from supplements,
laxatives or antacids can build up. Very high blood levels can cause muscle weakness, low blood pressure, an
irregular heartbeat and, rarely, cardiac arrest.[[cite:ods]] Older adults are at higher risk because kidney
function falls with age.</p>
<ul>
<li>If you have chronic kidney disease, take no magnesium supplement, laxative or antacid unless your kidney team
advises it.</li>
<li>If you have diabetes or high blood pressure, both common causes of kidney disease, ask your doctor whether
your kidney function has been checked before starting magnesium.</li>
<li>Milk of magnesia and many indigestion remedies contain magnesium: count them.</li>
</ul>

<h2>When doctors use higher doses</h2>
<p>Doses above 350 mg a day are sometimes used on purpose, for example for some people with frequent migraine,
or to correct a confirmed deficiency. That is reasonable under a clinician's supervision, with kidney function known and other
medicines checked. It is not something to work up to on your own.</p>

<h2>The bottom line</h2>
<p>Food magnesium is safe. From supplements, stay at or below 350 mg a day unless a clinician advises more, count
every product that contains magnesium, and take none at all with kidney disease unless your doctor says so.</p>
""",
    },
    {
        "slug": "magnesium-for-migraine",
        "title": "Magnesium for migraine prevention: what the guideline says",
        "standfirst": "US neurology guidelines rate magnesium as probably effective for preventing migraine. The "
                      "doses used in trials are above the everyday upper limit, which is why the decision belongs "
                      "in a conversation with your doctor.",
        "status": PUBLISHED, "days_ago": 7, "authors": ["editor", "managing"], "reviewer": "reviewer2",
        "tags": ["migraine", "headache", "dosage"],
        "forms": ["magnesium-citrate", "magnesium-oxide"],
        "foods": [],
        "conditions": ["migraine", "chronic-kidney-disease"],
        "key_points": [
            "A 2012 US guideline rated magnesium “probably effective” for preventing episodic migraine in adults.",
            "Trial doses, often around 600 mg a day, are above the 350 mg supplement limit: take them only under "
            "medical supervision.",
            "Diarrhoea is the most common side effect at these doses.",
            "Magnesium is one preventive option among several, not a cure.",
        ],
        "faqs": [
            ("Can magnesium stop a migraine attack that has started?",
             "The guideline discussed here is about preventing attacks, not treating one in progress. Ask your "
             "doctor about treatment for attacks."),
            ("Which form was used in the trials?",
             "Trials used different forms, including citrate. They were not designed to show that one form works "
             "better than another."),
            ("Is 600 mg a day safe?",
             "It is above the 350 mg upper limit for supplements, so take it only under a clinician's supervision, "
             "and not at all with kidney disease unless your kidney team agrees."),
        ],
        "body": """
<p>Migraine is more than a bad headache. Attacks often bring throbbing pain on one side of the head, nausea, and
sensitivity to light and sound, and some people see zigzag lines or other changes first, known as aura. When
attacks are frequent or disabling, doctors may suggest a preventive treatment, taken every day to make attacks
less frequent. Magnesium is one of the options.</p>

<h2>What the guideline found</h2>
<p>In 2012 the American Academy of Neurology and the American Headache Society reviewed treatments for preventing
episodic migraine in adults, including supplements. They rated magnesium “probably effective”, a Level B
recommendation, based on trials of moderate quality.[[cite:aan_migraine_2012]] Level B is the second of four
grades: one step below “established as effective”, and above treatments rated “possibly effective” or
unproven.</p>
<p>“Probably effective” means some people may have fewer attacks. It does not mean magnesium works for everyone,
and it does not make magnesium a cure.</p>

<h2>The dose problem</h2>
<p>The trials behind the rating often used around 600 mg of magnesium a day.[[cite:aan_migraine_2012]] That is
well above the upper limit of 350 mg a day for supplemental magnesium in adults.[[cite:dri_1997]] At such doses
diarrhoea is common, and for people whose kidneys do not work well, magnesium can build up to harmful
levels.[[cite:ods]]</p>
<p>That is why a dose at migraine-trial levels should be taken only under a clinician's supervision. Your doctor
can check your kidney function, look at your other medicines, and decide with you whether magnesium or another
preventive suits you better.</p>

<h2>Questions to take to your appointment</h2>
<ul>
<li>Are my migraines frequent or disabling enough to consider prevention?</li>
<li>Is magnesium a sensible first choice for me, or would another option suit me better?</li>
<li>What dose and form should I take, and is my kidney function known?</li>
<li>How long should I try it before we judge whether it works?</li>
<li>Could it interact with my other medicines?</li>
</ul>

<h2>Keeping track</h2>
<p>Preventive treatments are judged over weeks, not days. Keep a headache diary before and during the trial:
the number of migraine days a month, how severe they are, and what you took to treat them. It turns “I think it
helps” into something you and your doctor can assess.</p>

<h2>Pregnancy and other cautions</h2>
<p>If you are pregnant or planning a pregnancy, discuss anything you take for migraine, including supplements, with
your doctor or midwife. People with kidney disease should not take magnesium supplements without their kidney team's
advice.</p>

<h2>The bottom line</h2>
<p>Magnesium has a reasonable, guideline-backed place among the options for frequent migraine. The doses
used in trials are above what is safe to take unsupervised, so treat it as a medicine: agree the dose with your doctor, and keep a diary
to see whether it helps.</p>
""",
    },
    {
        "slug": "magnesium-and-blood-pressure",
        "title": "Magnesium and blood pressure: small effects, careful wording",
        "standfirst": "Labels may say only that the evidence is inconsistent. A first draft on what the trials show "
                      "and why magnesium is no substitute for blood pressure treatment.",
        "status": DRAFT, "days_ago": None, "authors": ["editor"], "reviewer": None,
        "tags": ["blood pressure"],
        "forms": ["magnesium-citrate", "magnesium-chloride"],
        "foods": [],
        "conditions": ["high-blood-pressure"],
        "key_points": [
            "Across 34 trials, supplements lowered blood pressure by about 2 mm Hg on average.",
            "Don't stop or change blood pressure medicines without your doctor.",
        ],
        "faqs": [
            ("Can magnesium replace my blood pressure tablets?",
             "No. The average effect in trials was small. Keep taking your medicines as prescribed."),
            ("What can a supplement label say?",
             "Only the qualified claim the FDA allows, which states that the evidence is inconsistent and "
             "inconclusive."),
        ],
        "body": """
<p>High blood pressure raises the risk of heart attack, stroke and kidney disease, and many people look for
natural ways to bring it down. Magnesium is often mentioned.</p>

<h2>What the trials show</h2>
<p>A 2016 meta-analysis of 34 randomised, placebo-controlled trials found that magnesium supplements lowered
blood pressure by about 2 mm Hg systolic on average.[[cite:bp_meta_2016]] That is a small difference next to what
blood pressure medicines achieve, and the trials varied widely.</p>

<h2>What a label may say</h2>
<p>In the United States, supplement makers may use only a qualified claim that says the evidence is inconsistent
and inconclusive. Anything stronger, such as “lowers blood pressure”, goes beyond what is allowed.</p>

<h2>The bottom line</h2>
<p>A diet with enough magnesium is sensible for everyone. Supplements are not a treatment for high blood
pressure, and nobody should stop or change their medicines without their doctor.</p>
""",
    },
    {
        # Deliberately flawed (for the moderation demo): an uncited statistic and research appeal, and a
        # supplement dose above the 350 mg upper limit with no medical-supervision caveat.
        "slug": "magnesium-for-everyday-stress",
        "title": "Magnesium for everyday stress: a simple daily routine",
        "standfirst": "A submitted draft on magnesium and stress, awaiting medical review.",
        "status": IN_REVIEW, "days_ago": None, "authors": ["editor"], "reviewer": "reviewer",
        "tags": ["stress", "anxiety"],
        "forms": ["magnesium-glycinate"],
        "foods": ["Pumpkin seeds, roasted"],
        "conditions": ["anxiety"],
        "key_points": ["Magnesium may help some people feel calmer."],
        "faqs": [
            ("How long does it take to work?",
             "Many readers notice a difference within a week."),
            ("When should I take it?",
             "Split it between breakfast and bedtime."),
        ],
        "body": """
<p>Stress is part of modern life, and many of us are looking for simple ways to cope.</p>

<h2>Are you running low?</h2>
<p>Nearly half of adults do not get enough magnesium from their diet, and most of them have no idea. Studies show
that magnesium melts away stress within days.</p>

<h2>What the research says</h2>
<p>A 2017 systematic review found that the evidence on magnesium and self-reported anxiety is suggestive but of
poor quality.[[cite:anxiety_review]]</p>

<h2>A simple routine</h2>
<p>For best results, take 600 mg of elemental magnesium a day as glycinate, split between breakfast and bedtime. Add a handful
of pumpkin seeds to your lunch for an extra boost.</p>
""",
    },
    {
        # Deliberately flawed (for the moderation demo): a plug for a fictional product with selling language,
        # an undisclosed endorsement, a discount code and a disease claim.
        "slug": "our-pick-magnesium-for-better-nights",
        "title": "Our pick: the magnesium supplement for better nights",
        "standfirst": "A submitted product round-up, awaiting medical review.",
        "status": IN_REVIEW, "days_ago": None, "authors": ["managing"], "reviewer": "reviewer2",
        "tags": ["sleep", "supplements"],
        "forms": ["magnesium-glycinate"],
        "foods": [],
        "conditions": ["insomnia"],
        "key_points": ["SerenMag Ultra Night Formula is our top choice for sleep."],
        "faqs": [
            ("Where can I buy SerenMag Ultra?",
             "Order from the SerenMag website and use code SLEEP20 at checkout."),
            ("Is it better than other brands?",
             "Yes. Its formula is the most advanced on the market."),
        ],
        "body": """
<p>If you are tired of tossing and turning, there is good news. After trying dozens of products, we have found
the ultimate magnesium supplement: SerenMag Ultra Night Formula.</p>

<h2>Why SerenMag Ultra?</h2>
<p>SerenMag Ultra uses a revolutionary chelated glycinate blend with superior absorption. It cures insomnia
naturally, without the side effects of sleeping pills.</p>
<p>“I recommend SerenMag Ultra to all my clients,” says one leading sleep coach.</p>

<h2>The evidence</h2>
<p>A 2021 meta-analysis of three small trials in older adults found that magnesium shortened the time to fall
asleep slightly, with low-quality evidence.[[cite:insomnia_review]]</p>

<h2>Get yours today</h2>
<p>Order SerenMag Ultra today and save 20% with code SLEEP20. Stocks are limited, so don't miss out on the best
sleep of your life.</p>
""",
    },
]

_MARKER_NAME_RE = re.compile(r"\[\[cite:([a-z0-9_]+)\]\]")

QUIET_MAIL = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}


def _source_markers():
    """Short citation names used above -> the marker values the citation parser understands."""
    from reference.demo import DEMO_SOURCE_KEYS, ODS_URL
    from reference.models import Source

    markers = dict(DEMO_SOURCE_KEYS)
    ods = Source.objects.filter(url=ODS_URL).only("pk").first()
    if ods is not None:
        markers["ods"] = f"id:{ods.pk}"  # a web page without DOI or PMID: cited by library number
    return markers


def resolve_demo_markers(body, markers):
    """Replace [[cite:short_name]] with [[cite:pmid:…]] / [[cite:doi:…]] / [[cite:id:…]]."""

    def replace(match):
        name = match.group(1)
        if name not in markers:
            raise KeyError(f"Demo article cites {name!r}, which is not a demo source")
        return f"[[cite:{markers[name]}]]"

    return _MARKER_NAME_RE.sub(replace, body)


# Short public bios for the demo profiles (fictional people), filled in only where a bio is empty.
DEMO_BIOS = {
    "editor": "Maya writes about nutrition and everyday health. Before joining MagSite she reported on "
              "medicine for regional newspapers, and she holds a master's degree in science communication.",
    "managing": "Priya leads MagSite's editorial team and its review process. She has edited consumer health "
                "content for more than a decade.",
    "reviewer": "Dr Hartmann is a specialist in internal medicine with a clinical interest in kidney disease and "
                "diabetes. She reviews MagSite articles for clinical accuracy and safe dosing.",
    "reviewer2": "Dr Reyes is a clinical pharmacist. He checks MagSite articles for doses, interactions with "
                 "medicines, and advice for people at higher risk.",
}


def _profiles():
    from articles.accounts import ensure_demo_accounts

    ensure_demo_accounts()
    profiles = {p.user.username: p for p in AuthorProfile.objects.select_related("user")
                .filter(user__username__in=list(DEMO_BIOS))}
    for username, profile in profiles.items():
        if not profile.bio:
            profile.bio = DEMO_BIOS[username]
            profile.save(update_fields=["bio"])
    return profiles


def _review_and_publish(article, *, author, reviewer, publisher, days_ago):
    """Take a saved draft through the workflow to published, then date it `days_ago`."""
    article = workflow.article_submit(article=article, user=author)
    for claim in article.claims.filter(is_current=True, status=Claim.Status.PENDING):
        workflow.claim_decide(claim=claim, user=reviewer, decision=Claim.Status.APPROVED)
    blockers = [f"{flag.rule}: {flag.excerpt!r}" for flag in article.flags.open_blockers()]
    if blockers:
        # Published demo articles are written to pass review as they stand: a blocker here means a
        # rule regressed (or the text did), and the demo must not paper over it.
        raise ValueError(f"Demo article {article.slug!r} raises blocker flags: {'; '.join(blockers)}")
    article = workflow.article_approve(article=article, user=reviewer)
    article = workflow.article_publish(article=article, user=publisher)
    published_at = (timezone.now() - datetime.timedelta(days=days_ago)).replace(
        hour=9, minute=0, second=0, microsecond=0)
    reviewed = (published_at - datetime.timedelta(days=2)).date()
    # The history is replayed today; dated as it would have happened, the page's "Last updated" is
    # the publication, not the moment the demo was loaded.
    Article.objects.filter(pk=article.pk).update(
        published_at=published_at, updated_at=published_at, last_reviewed_at=reviewed,
        next_review_due=reviewed + workflow.REVIEW_INTERVAL)
    article_pages_refresh(article_ids=[article.pk])  # an update() sends no signal; the page shows these dates


def load_articles(*, stdout=None) -> dict:
    """Create the demo articles that don't exist yet (matched by slug); return how many were created.

    Create-only and idempotent: an existing article, even one an editor has changed, is left alone.
    Needs the demo reference library (reference.demo.load_reference), which it loads if missing.
    Workflow e-mails are not sent for this replayed history (dashboard notifications still are).
    """
    with override_settings(MAILERS=QUIET_MAIL):
        created = _load_articles()
    if stdout is not None:
        stdout.write(f"Demo articles: created {created} articles.\n")
    return {"articles": created}


@transaction.atomic
def _load_articles():
    from reference.demo import load_reference
    from reference.models import Condition, Food, MagnesiumForm

    load_reference()  # create-only too: a no-op when the library is there
    existing = set(Article.objects.filter(slug__in=[a["slug"] for a in ARTICLES]).values_list("slug", flat=True))
    if len(existing) == len(ARTICLES):
        return 0

    markers = _source_markers()
    profiles = _profiles()
    created = 0
    for spec in ARTICLES:
        if spec["slug"] in existing:
            continue
        authors = [profiles[name] for name in spec["authors"]]
        reviewer = profiles[spec["reviewer"]] if spec["reviewer"] else None
        article = Article(
            title=spec["title"], slug=spec["slug"], standfirst=spec["standfirst"],
            body=resolve_demo_markers(spec["body"].strip(), markers), status=DRAFT, medical_reviewer=reviewer,
        )
        # Through the service, so citations, claims and flags are exactly what an editor's save makes.
        article_save(article=article, tags=spec["tags"], user=authors[0].user)
        article.authors.set(authors)
        article.related_forms.set(MagnesiumForm.objects.filter(slug__in=spec["forms"]))
        article.related_foods.set(Food.objects.filter(name__in=spec["foods"]))
        article.related_conditions.set(Condition.objects.filter(slug__in=spec["conditions"]))
        KeyPoint.objects.bulk_create(KeyPoint(article=article, text=text, order=i)
                                     for i, text in enumerate(spec["key_points"]))
        FAQ.objects.bulk_create(FAQ(article=article, question=q, answer=a, order=i)
                                for i, (q, a) in enumerate(spec["faqs"]))
        if spec["status"] == PUBLISHED:
            _review_and_publish(article, author=authors[0].user, reviewer=reviewer.user,
                                publisher=profiles["managing"].user, days_ago=spec["days_ago"])
        elif spec["status"] == IN_REVIEW:
            workflow.article_submit(article=article, user=authors[0].user)
        created += 1
    return created
