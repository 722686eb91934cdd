"""Public reference pages: content comes from the data, unknown slugs 404, sorting works without JS."""

import re

from django.test import TestCase
from django.urls import reverse

from reference.models import EvidenceGrade, FoodGroup, IntakeGuideline
from tests.reference.helpers import make_condition, make_daily_value, make_food, make_form, make_source

INLINE_STYLE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


class ReferencePagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ods = make_source(title="Magnesium: Fact Sheet for Health Professionals", pmid="",
                              publisher="NIH Office of Dietary Supplements",
                              url="https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/",
                              study_design="government")
        cls.review = make_source(title="Magnesium for skeletal muscle cramps", authors="Garrison SR",
                                 publisher="Cochrane Database Syst Rev", year=2020, pmid="32956536",
                                 doi="10.1002/14651858.CD009402.pub3")
        make_daily_value(cls.ods, 420)
        IntakeGuideline.objects.create(kind="ul", label="9 years and older", age_from_years=9, amount_mg=350,
                                       note="Includes pregnancy.", source=cls.ods)
        IntakeGuideline.objects.create(kind="rda", label="19–30 years", age_from_years=19, age_to_years=31,
                                       sex="male", amount_mg=400, source=cls.ods)
        IntakeGuideline.objects.create(kind="rda", label="19–30 years", age_from_years=19, age_to_years=31,
                                       sex="female", amount_mg=310, source=cls.ods)
        IntakeGuideline.objects.create(kind="rda", label="19–30 years", age_from_years=19, age_to_years=31,
                                       sex="female", life_stage="pregnancy", amount_mg=350, source=cls.ods)
        IntakeGuideline.objects.create(kind="ai", label="Birth to 6 months", age_from_years=0, age_to_years=0.5,
                                       sex="any", amount_mg=30, source=cls.ods)
        cls.glycinate = make_form(sources=[cls.ods], name="Magnesium glycinate", slug="magnesium-glycinate",
                                  aliases="bisglycinate", elemental_percent=14, bioavailability="not_rated",
                                  best_for="Gentle on the stomach", side_effects="Mild upset. Rarely more.")
        cls.oxide = make_form(sources=[cls.ods, cls.review], name="Magnesium oxide", slug="magnesium-oxide",
                              elemental_percent=60, bioavailability="low")
        cls.pumpkin = make_food(cls.ods, name="Pumpkin seeds, roasted", serving="1 oz", magnesium_mg=156,
                                food_group=FoodGroup.SEEDS_NUTS)
        cls.apple = make_food(cls.ods, name="Apple", serving="1 medium", magnesium_mg=9, food_group=FoodGroup.FRUIT)
        cls.bread = make_food(cls.ods, name="Whole-wheat bread", serving="1 slice", magnesium_mg=23,
                              food_group=FoodGroup.GRAINS)
        cls.cramps = make_condition(sources=[cls.review], forms=[cls.oxide], name="Muscle cramps",
                                    slug="muscle-cramps", evidence_grade=EvidenceGrade.MODERATE,
                                    evidence_summary="A Cochrane review found little benefit.",
                                    cautions="Kidney disease: ask your doctor first.\nChildren: lower limits.")

    def get(self, name, *args, **params):
        response = self.client.get(reverse(f"reference:{name}", args=args), params)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(INLINE_STYLE.search(response.content.decode()), "CSP forbids inline style attributes")
        return response

    def test_index_shows_headline_numbers_from_the_data(self):
        response = self.get("index")
        self.assertContains(response, "420&nbsp;mg")
        self.assertContains(response, "350&nbsp;mg/day")
        self.assertContains(response, "2 forms")
        self.assertContains(response, "3 foods")

    def test_forms_table_shows_each_form_with_badge_and_numbered_sources(self):
        response = self.get("form_list")
        self.assertContains(response, "Magnesium glycinate")
        self.assertContains(response, "Also: bisglycinate")
        self.assertContains(response, '<span class="pct">14%</span>', html=False)
        self.assertContains(response, 'class="badge badge-low"><span class="visually-hidden">Absorption: </span>Low')
        self.assertContains(response, 'class="badge badge-not_rated"><span class="visually-hidden">Absorption: </span>Not rated')
        self.assertContains(response, "Mild upset.")
        self.assertNotContains(response, "Rarely more.", msg_prefix="the table shows the first sentence only")
        self.assertContains(response, '<li id="ref-1">', html=False)
        self.assertContains(response, 'href="#ref-2"')
        self.assertContains(response, "https://pubmed.ncbi.nlm.nih.gov/32956536/")
        self.assertContains(response, "500&nbsp;mg of magnesium glycinate holds about 70&nbsp;mg")
        self.assertContains(response, 'rel="stylesheet" href="/static/css/reference.css"')

    def test_form_page_shows_facts_computed_from_the_record(self):
        response = self.get("form_detail", "magnesium-glycinate")
        self.assertContains(response, "<h1>Magnesium glycinate</h1>", html=True)
        self.assertContains(response, "about 70&nbsp;mg of magnesium")
        self.assertContains(response, "about 2,500&nbsp;mg of this compound")  # 350 mg / 14%
        self.assertContains(response, "Fact Sheet for Health Professionals")

    def test_foods_table_defaults_to_most_magnesium_first_with_aria_sort(self):
        response = self.get("food_list")
        self.assertEqual([f.name for f in response.context["foods"]],
                         ["Pumpkin seeds, roasted", "Whole-wheat bread", "Apple"])
        self.assertContains(response, 'aria-sort="descending"')
        self.assertContains(response, 'href="?sort=mg"', msg_prefix="clicking the active column reverses it")
        self.assertContains(response, "37%")  # 156 / 420
        self.assertContains(response, '<rect class="dv-fill" width="37" height="10"/>', html=False)

    def test_foods_table_sorts_by_each_column_on_the_server(self):
        cases = {
            "mg": ["Apple", "Whole-wheat bread", "Pumpkin seeds, roasted"],
            "name": ["Apple", "Pumpkin seeds, roasted", "Whole-wheat bread"],
            "-name": ["Whole-wheat bread", "Pumpkin seeds, roasted", "Apple"],
            "group": ["Apple", "Whole-wheat bread", "Pumpkin seeds, roasted"],  # Fruit, Grains, Seeds
            "nonsense": ["Pumpkin seeds, roasted", "Whole-wheat bread", "Apple"],  # falls back to default
        }
        for sort, expected in cases.items():
            with self.subTest(sort=sort):
                response = self.get("food_list", sort=sort)
                self.assertEqual([f.name for f in response.context["foods"]], expected)

    def test_sorted_column_announces_its_direction(self):
        response = self.get("food_list", sort="name")
        self.assertRegex(response.content.decode(), r'aria-sort="ascending" class="sortable[^"]*"><a class="sort" href="\?sort=-name"')

    def test_food_page_shows_amount_percent_dv_and_same_group_foods(self):
        make_food(self.ods, name="Chia seeds", magnesium_mg=111, food_group=FoodGroup.SEEDS_NUTS)
        response = self.get("food_detail", "pumpkin-seeds-roasted")
        self.assertContains(response, "156&nbsp;mg")
        self.assertContains(response, "37%")
        self.assertContains(response, "about 2.7")  # servings to reach 420 mg
        self.assertContains(response, "Chia seeds")
        self.assertNotContains(response, "Whole-wheat bread")
        self.assertContains(response, "310–400&nbsp;mg/day")

    def test_conditions_list_shows_grades_and_summaries(self):
        response = self.get("condition_list")
        self.assertContains(response, "Muscle cramps")
        self.assertContains(response, 'class="badge badge-moderate"')
        self.assertContains(response, "A test condition.")

    def test_condition_page_shows_grade_cautions_forms_and_sources(self):
        response = self.get("condition_detail", "muscle-cramps")
        self.assertContains(response, "Magnesium and muscle cramps")
        self.assertContains(response, "A Cochrane review found little benefit.")
        self.assertContains(response, "<li>Kidney disease: ask your doctor first.</li>", html=True)
        self.assertContains(response, 'href="/reference/forms/magnesium-oxide/"')
        self.assertContains(response, "Garrison SR. Magnesium for skeletal muscle cramps. Cochrane Database Syst Rev. 2020.")
        self.assertContains(response, "https://doi.org/10.1002/14651858.CD009402.pub3")

    def test_intake_page_pivots_rda_and_shows_upper_limit_note(self):
        response = self.get("intake")
        band = next(b for b in response.context["rda_bands"] if b["label"] == "19–30 years")
        self.assertEqual((band["male"].amount_mg, band["female"].amount_mg, band["pregnancy"].amount_mg),
                         (400, 310, 350))
        self.assertContains(response, "Supplements and medicines only, not food.")
        self.assertContains(response, "<strong>350&nbsp;mg</strong>", html=True)
        self.assertContains(response, '<abbr title="Adequate Intake" class="ai-mark">*</abbr>', html=True)

    def test_unknown_slugs_are_404(self):
        for name in ("form_detail", "food_detail", "condition_detail"):
            with self.subTest(name=name):
                self.assertEqual(self.client.get(reverse(f"reference:{name}", args=["no-such-thing"])).status_code, 404)

    def test_public_pages_send_a_content_security_policy(self):
        response = self.get("food_list")
        self.assertIn("style-src 'self'", response.headers["Content-Security-Policy"])

    def test_section_navigation_marks_the_current_page(self):
        response = self.get("food_detail", "apple")
        self.assertContains(response, '<a href="/reference/foods/" aria-current="true">Foods</a>', html=True)
        response = self.get("intake")
        self.assertContains(response, '<a href="/reference/intake/" aria-current="page">Intake</a>', html=True)


class EmptyLibraryTests(TestCase):
    def test_list_pages_show_empty_states_instead_of_empty_tables(self):
        cases = {"form_list": "No forms yet.", "food_list": "No foods yet.", "condition_list": "No conditions yet.",
                 "intake": "No intake guidelines yet."}
        for name, message in cases.items():
            with self.subTest(page=name):
                response = self.client.get(reverse(f"reference:{name}"))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
                self.assertContains(response, "No sources are listed for this page yet.")
        self.assertEqual(self.client.get(reverse("reference:index")).status_code, 200)

    def test_food_without_a_daily_value_shows_no_percentage(self):
        make_food(make_source(), name="Milk", magnesium_mg=24)
        response = self.client.get(reverse("reference:food_list"))
        self.assertContains(response, "Milk")
        self.assertNotContains(response, "dv-fill")
