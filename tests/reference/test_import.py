"""CSV import/export of foods and sources: every bad row reported, nothing saved unless all rows are good."""

import tablib
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from import_export.tmp_storages import TempFolderStorage

from reference.models import Food, Source
from reference.resources import FoodResource, SourceResource
from tests.reference.helpers import make_daily_value, make_source

HEADER = "name,serving,magnesium_mg,food_group,source\n"
GOOD_ROWS = [
    "Pumpkin seeds roasted,1 oz,156,seeds_nuts,pmid:32956536\n",
    "Chia seeds,1 oz,111,Seeds and nuts,pmid:32956536\n",
    "Spinach boiled,1/2 cup,78,vegetables,https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/\n",
]
# Rows 2 and 4 of the file are bad: a negative amount, and an unknown food group plus an unknown source.
MIXED_CSV = (HEADER + GOOD_ROWS[0] + "Almonds,1 oz,-80,seeds_nuts,pmid:32956536\n" + GOOD_ROWS[1]
             + "Cashews,1 oz,74,nuts,pmid:99999999\n" + GOOD_ROWS[2])


def dataset(text):
    return tablib.Dataset().load(text, format="csv")


class ImportTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cochrane = make_source(title="Magnesium for skeletal muscle cramps", pmid="32956536")
        cls.ods = make_source(title="Magnesium fact sheet", pmid="", doi="",
                              url="https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/")
        make_daily_value(cls.ods)


class FoodResourceTests(ImportTestCase):
    def test_file_with_bad_rows_reports_each_and_saves_nothing(self):
        result = FoodResource().import_data(dataset(MIXED_CSV), dry_run=False)
        self.assertTrue(result.has_validation_errors())
        invalid = {row.number: row.error_dict for row in result.invalid_rows}
        self.assertEqual(sorted(invalid), [2, 4])
        self.assertEqual(invalid[2]["magnesium_mg"], ["Magnesium per serving can't be negative."])
        self.assertIn("“nuts” is not a food group", invalid[4]["food_group"][0])
        self.assertIn("No source matches “pmid:99999999”", invalid[4]["source"][0])
        self.assertEqual(Food.objects.count(), 0, "one bad row means nothing is imported")

    def test_clean_file_imports_every_row_with_slugs_and_sources(self):
        result = FoodResource().import_data(dataset(HEADER + "".join(GOOD_ROWS)), dry_run=False)
        self.assertFalse(result.has_errors() or result.has_validation_errors())
        self.assertEqual(Food.objects.count(), 3)
        chia = Food.objects.get(name="Chia seeds")
        self.assertEqual((chia.slug, chia.food_group, chia.source), ("chia-seeds", "seeds_nuts", self.cochrane))
        self.assertEqual(Food.objects.get(name="Spinach boiled").source, self.ods)

    def test_non_numeric_amount_gets_a_plain_message(self):
        result = FoodResource().import_data(dataset(HEADER + "Oats,1 cup,lots,grains,pmid:32956536\n"), dry_run=False)
        self.assertIn("Enter magnesium per serving in mg as a whole number", result.invalid_rows[0].error_dict["magnesium_mg"][0])

    def test_same_food_twice_in_one_file_is_an_error_on_the_later_row(self):
        result = FoodResource().import_data(dataset(HEADER + GOOD_ROWS[1] + GOOD_ROWS[1]), dry_run=False)
        self.assertEqual([row.number for row in result.invalid_rows], [2])
        self.assertIn("Row 1 of this file already has this name", result.invalid_rows[0].error_dict["name"][0])
        self.assertEqual(Food.objects.count(), 0)

    def test_export_includes_computed_percent_dv_and_cite_keys_and_reimports_unchanged(self):
        FoodResource().import_data(dataset(HEADER + "".join(GOOD_ROWS)), dry_run=False)
        exported = FoodResource().export()
        self.assertEqual(exported.headers, ["name", "serving", "magnesium_mg", "food_group", "source", "percent_dv"])
        rows = {row[0]: row for row in exported}
        self.assertEqual(rows["Pumpkin seeds roasted"][4:], ("pmid:32956536", 37))
        result = FoodResource().import_data(dataset(exported.csv), dry_run=False)
        self.assertEqual(result.totals["skip"], 3, "a round trip changes nothing")

    def test_percent_dv_column_in_a_file_is_ignored(self):
        FoodResource().import_data(dataset(HEADER.strip() + ",percent_dv\nMilk,1 cup,24,dairy,pmid:32956536,99\n"),
                                   dry_run=False)
        self.assertEqual(Food.objects.with_percent_dv().get(name="Milk").percent_dv(), 6)


class SourceResourceTests(ImportTestCase):
    CSV_HEADER = "title,authors,publisher,year,doi,pmid,url,study_design,retracted,industry_funded\n"

    def test_bad_identifiers_and_duplicates_are_reported_and_nothing_saved(self):
        text = self.CSV_HEADER + (
            "Good review,Mah J,BMC,2021,10.1186/s12906-021-03297-z,33865376,,systematic_review,no,no\n"
            "Bad DOI,,,2020,doi-less,,,rct,,\n"
            "Copy of Cochrane,,,2020,,32956536,,Systematic review or meta-analysis,no,no\n"
            "Odd flags,,,2019,,,,rct,maybe,\n"
        )
        result = SourceResource().import_data(dataset(text), dry_run=False)
        invalid = {row.number: row.error_dict for row in result.invalid_rows}
        self.assertEqual(sorted(invalid), [2, 4])
        self.assertIn("Enter a DOI such as", invalid[2]["doi"][0])
        self.assertIn("Use yes or no", invalid[4]["retracted"][0])
        self.assertEqual(Source.objects.count(), 2, "nothing imported, not even the good row")

    def test_row_with_a_known_pmid_updates_that_source(self):
        text = self.CSV_HEADER + "Magnesium for skeletal muscle cramps,Garrison SR,Cochrane,2020,,32956536,,systematic_review,no,no\n"
        result = SourceResource().import_data(dataset(text), dry_run=False)
        self.assertEqual(result.totals["update"], 1)
        self.cochrane.refresh_from_db()
        self.assertEqual(self.cochrane.authors, "Garrison SR")


class AdminImportTests(ImportTestCase):
    def setUp(self):
        user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        self.client.force_login(user)

    def test_admin_preview_lists_both_bad_rows_and_offers_no_confirm(self):
        upload = SimpleUploadedFile("foods.csv", MIXED_CSV.encode(), content_type="text/csv")
        response = self.client.post(reverse("admin:reference_food_import"),
                                    {"format": "0", "resource": "0", "import_file": upload})
        self.assertEqual(response.status_code, 200)
        result = response.context["result"]
        self.assertEqual([row.number for row in result.invalid_rows], [2, 4])
        self.assertContains(response, "Magnesium per serving can&#x27;t be negative.")
        self.assertContains(response, "is not a food group")
        self.assertContains(response, "No source matches")
        self.assertContains(response, "Nothing was imported: 2 rows need fixing")
        self.assertNotIn("confirm_form", response.context)
        self.assertEqual(Food.objects.count(), 0)

    def test_confirmed_import_of_a_bad_file_saves_nothing_and_says_so(self):
        """If the file or the database changed after the preview, the confirm step still rolls back."""
        storage = TempFolderStorage(encoding="utf-8-sig", read_mode="r")
        storage.save(MIXED_CSV.encode())
        response = self.client.post(reverse("admin:reference_food_process_import"), {
            "import_file_name": storage.name, "original_file_name": "foods.csv", "format": "0", "resource": "0"})
        self.assertRedirects(response, reverse("admin:reference_food_import"), fetch_redirect_response=False)
        self.assertEqual(Food.objects.count(), 0)
        self.assertIn("Nothing was imported: 2 row(s)", [str(m) for m in get_messages(response.wsgi_request)][0])

    def test_clean_file_imports_through_preview_and_confirm(self):
        upload = SimpleUploadedFile("foods.csv", (HEADER + "".join(GOOD_ROWS)).encode(), content_type="text/csv")
        preview = self.client.post(reverse("admin:reference_food_import"),
                                   {"format": "0", "resource": "0", "import_file": upload})
        confirm = preview.context["confirm_form"]
        response = self.client.post(reverse("admin:reference_food_process_import"), confirm.initial)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Food.objects.count(), 3)

    def test_export_downloads_csv(self):
        response = self.client.post(reverse("admin:reference_source_export"), {
            "format": "0", "resource": "0", **{f"sourceresource_{f}": "on" for f in ("title", "doi", "pmid")}})
        self.assertEqual(response.status_code, 200)
        self.assertIn("text/csv", response["Content-Type"])
        self.assertIn(b"32956536", response.content)
