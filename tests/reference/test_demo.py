"""The demo reference library: complete, correct where it matters, and safe to load twice."""

from django.core.management import call_command
from django.forms.models import model_to_dict
from django.test import TestCase

from reference.demo import DEMO_SOURCE_KEYS, DEMO_SOURCE_NOTES, FOODS, load_reference
from reference.models import Condition, Food, IntakeGuideline, MagnesiumForm, Source


def snapshot():
    """Every reference row as plain values, including its relations, for before/after comparison."""
    rows = {}
    for model in (Source, MagnesiumForm, Food, Condition, IntakeGuideline):
        rows[model.__name__] = sorted(
            str(sorted((k, str(v)) for k, v in model_to_dict(obj).items())) for obj in model.objects.all())
    rows["source_updated"] = sorted(str(t) for t in Source.objects.values_list("pk", "updated"))
    return rows


class DemoLoaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first = load_reference()

    def test_first_load_creates_the_whole_library(self):
        self.assertEqual(self.first["foods"], 29)
        self.assertEqual(self.first["forms"], 13)
        self.assertGreaterEqual(self.first["conditions"], 10)
        self.assertEqual(Food.objects.count(), len(FOODS))
        self.assertEqual(self.first, {"sources": Source.objects.count(), "forms": 13, "foods": 29,
                                      "conditions": Condition.objects.count(),
                                      "intake_guidelines": IntakeGuideline.objects.count()})

    def test_second_load_creates_nothing_and_changes_nothing(self):
        before = snapshot()
        second = load_reference()
        self.assertEqual(set(second.values()), {0})
        self.assertEqual(snapshot(), before)

    def test_loader_never_overwrites_an_editors_correction(self):
        Food.objects.filter(name="Banana").update(magnesium_mg=33)
        glycinate = MagnesiumForm.objects.get(slug="magnesium-glycinate")
        glycinate.sources.clear()
        load_reference()
        self.assertEqual(Food.objects.get(name="Banana").magnesium_mg, 33)
        self.assertEqual(glycinate.sources.count(), 0)

    def test_management_command_reports_what_it_created(self):
        from io import StringIO

        out = StringIO()
        call_command("load_reference", stdout=out)
        self.assertIn("created 0 sources, 0 forms, 0 foods", out.getvalue())

    def test_intake_tables_match_the_food_and_nutrition_board(self):
        ul = {row.label: row.amount_mg for row in IntakeGuideline.objects.upper_limits()}
        self.assertEqual(ul, {"1–3 years": 65, "4–8 years": 110, "9 years and older": 350})
        self.assertEqual(IntakeGuideline.objects.daily_value_mg(), 420)
        self.assertEqual(IntakeGuideline.objects.upper_limit_mg(35), 350)
        rda = IntakeGuideline.objects.filter(kind__in=["rda", "ai"])
        self.assertEqual(rda.get(label="14–18 years", sex="male").amount_mg, 410)
        self.assertEqual(rda.get(label="14–18 years", life_stage="pregnancy").amount_mg, 400)
        self.assertEqual(rda.get(label="31–50 years", life_stage="lactation").amount_mg, 320)
        self.assertEqual(rda.get(label="Birth to 6 months", sex="female").kind, "ai")
        self.assertEqual(rda.count(), 24)

    def test_food_values_and_percent_dv_match_the_fact_sheet(self):
        foods = {f.name: f for f in Food.objects.with_percent_dv()}
        self.assertEqual((foods["Pumpkin seeds, roasted"].magnesium_mg, foods["Pumpkin seeds, roasted"].percent_dv()),
                         (156, 37))
        self.assertEqual(foods["Spinach, boiled"].percent_dv(), 19)
        self.assertEqual(foods["Carrot, raw"].percent_dv(), 2)

    def test_forms_carry_the_aliases_the_flag_rules_need(self):
        self.assertIn("bisglycinate", MagnesiumForm.objects.get(slug="magnesium-glycinate").alias_list)
        self.assertIn("Epsom salt", MagnesiumForm.objects.get(slug="magnesium-sulfate").alias_list)
        self.assertEqual(MagnesiumForm.objects.get(slug="magnesium-oxide").bioavailability, "low")

    def test_forms_without_a_human_comparison_are_not_rated_rather_than_moderate(self):
        from reference.tables import NOT_RATED

        ratings = dict(MagnesiumForm.objects.values_list("slug", "bioavailability"))
        self.assertEqual(ratings["magnesium-glycinate"], "not_rated")
        self.assertEqual(ratings["magnesium-citrate"], "high")
        for form in MagnesiumForm.objects.filter(bioavailability_note=NOT_RATED):
            self.assertEqual(form.bioavailability, "not_rated", form.slug)

    def test_migration_moves_only_untouched_demo_ratings_to_not_rated(self):
        from importlib import import_module

        from django.apps import apps

        migration = import_module("reference.migrations.0003_bioavailability_not_rated")
        glycinate = MagnesiumForm.objects.get(slug="magnesium-glycinate")
        taurate = MagnesiumForm.objects.get(slug="magnesium-taurate")
        MagnesiumForm.objects.filter(pk__in=[glycinate.pk, taurate.pk]).update(bioavailability="moderate")
        MagnesiumForm.objects.filter(pk=taurate.pk).update(bioavailability_note="Rated by our own review.")
        migration.forwards(apps, None)
        self.assertEqual(MagnesiumForm.objects.get(pk=glycinate.pk).bioavailability, "not_rated")
        self.assertEqual(MagnesiumForm.objects.get(pk=taurate.pk).bioavailability, "moderate")  # an editor's call
        self.assertEqual(MagnesiumForm.objects.get(slug="magnesium-oxide").bioavailability, "low")

    def test_blood_pressure_uses_the_fda_qualified_claim_wording(self):
        condition = Condition.objects.get(slug="high-blood-pressure")
        self.assertIn("Inconsistent and inconclusive scientific evidence suggests that diets with adequate "
                      "magnesium may reduce the risk of high blood pressure (hypertension), a condition "
                      "associated with many factors.", condition.evidence_summary)

    def test_every_condition_has_cautions_and_every_record_has_a_source(self):
        for condition in Condition.objects.prefetch_related("sources"):
            with self.subTest(condition=condition.slug):
                self.assertTrue(condition.cautions.strip())
                self.assertTrue(condition.sources.all())
        for form in MagnesiumForm.objects.prefetch_related("sources"):
            with self.subTest(form=form.slug):
                self.assertTrue(form.sources.all())

    def test_every_demo_source_is_valid_and_identifiable(self):
        for source in Source.objects.all():
            with self.subTest(source=source.title):
                source.full_clean()
                self.assertTrue(source.has_identifier)

    def test_demo_source_keys_resolve_to_exactly_one_source_each(self):
        self.assertEqual(set(DEMO_SOURCE_KEYS), set(DEMO_SOURCE_NOTES))
        self.assertIn("cochrane_cramps", DEMO_SOURCE_KEYS)
        self.assertEqual(DEMO_SOURCE_KEYS["cochrane_cramps"], "pmid:32956536")
        for name, key in DEMO_SOURCE_KEYS.items():
            with self.subTest(name=name):
                self.assertRegex(key, r"^(pmid:\d+|doi:10\.\d{4,9}/\S+)$")
                self.assertEqual(Source.objects.by_cite_key(key).count(), 1)
