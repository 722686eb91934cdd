"""The editors' admin: field-level duplicate messages, changelists, autocomplete."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from reference.models import Source
from tests.reference.helpers import make_condition, make_daily_value, make_food, make_form, make_source


class AdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        cls.source = make_source(title="Magnesium for skeletal muscle cramps", year=2020, pmid="32956536",
                                 doi="10.1002/14651858.CD009402.pub3")
        make_daily_value(cls.source)
        cls.food = make_food(cls.source, name="Chia seeds", magnesium_mg=111)
        cls.form = make_form(sources=[cls.source], name="Magnesium citrate", slug="magnesium-citrate")
        make_condition(sources=[cls.source], forms=[cls.form], name="Migraine", slug="migraine")

    def setUp(self):
        self.client.force_login(self.editor)


class SourceAdminTests(AdminTestCase):
    def source_form_data(self, **overrides):
        data = {"title": "A second copy", "authors": "", "publisher": "", "year": "2021", "volume": "",
                "pages": "", "doi": "", "pmid": "", "url": "", "study_design": "systematic_review", "notes": ""}
        data.update(overrides)
        return data

    def test_duplicate_pmid_shows_a_field_error_not_a_server_error(self):
        response = self.client.post(reverse("admin:reference_source_add"), self.source_form_data(pmid="32956536"))
        self.assertEqual(response.status_code, 200, "the form is shown again, not saved and not a 500")
        form = response.context["adminform"].form
        self.assertIn("Another source already has this PMID", form.errors["pmid"][0])
        self.assertNotIn("__all__", form.errors)
        self.assertContains(response, "Another source already has this PMID")
        self.assertEqual(Source.objects.count(), 1)

    def test_duplicate_doi_pasted_as_a_link_shows_a_field_error(self):
        response = self.client.post(reverse("admin:reference_source_add"), self.source_form_data(
            doi="https://doi.org/10.1002/14651858.CD009402.pub3"))
        self.assertIn("Another source already has this DOI", response.context["adminform"].form.errors["doi"][0])

    def test_new_source_with_a_doi_link_is_saved_with_a_bare_doi(self):
        response = self.client.post(reverse("admin:reference_source_add"), self.source_form_data(
            title="Anxiety review", doi="https://doi.org/10.3390/nu9050429", pmid="28445426"))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Source.objects.get(pmid="28445426").doi, "10.3390/nu9050429")

    def test_sources_are_searchable_for_autocomplete_from_other_admins(self):
        """Articles' admin autocompletes sources through SourceAdmin.search_fields."""
        response = self.client.get(reverse("admin:autocomplete"), {
            "app_label": "reference", "model_name": "food", "field_name": "source", "term": "32956536"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual([r["text"] for r in response.json()["results"]],
                         ["Magnesium for skeletal muscle cramps (2020)"])

    def test_change_page_shows_the_citation_readers_will_see(self):
        response = self.client.get(reverse("admin:reference_source_change", args=[self.source.pk]))
        self.assertContains(response, self.source.formatted_citation())
        self.assertContains(response, "1 form(s), 1 condition(s), 1 food(s)")


class ChangelistTests(AdminTestCase):
    def test_every_reference_changelist_and_add_page_loads(self):
        for model in ("source", "magnesiumform", "food", "condition", "intakeguideline"):
            for view in ("changelist", "add"):
                with self.subTest(model=model, view=view):
                    response = self.client.get(reverse(f"admin:reference_{model}_{view}"))
                    self.assertEqual(response.status_code, 200)

    def test_food_changelist_shows_the_computed_percent_dv(self):
        response = self.client.get(reverse("admin:reference_food_changelist"))
        self.assertContains(response, "26%")  # 111 / 420

    def test_changelists_can_be_searched_and_filtered(self):
        cases = [("source", {"q": "cramps"}), ("source", {"identifier": "missing"}),
                 ("food", {"food_group__exact": "grains"}), ("condition", {"evidence_grade__exact": "limited"}),
                 ("magnesiumform", {"q": "citrate", "o": "2"})]
        for model, params in cases:
            with self.subTest(model=model, params=params):
                response = self.client.get(reverse(f"admin:reference_{model}_changelist"), params)
                self.assertEqual(response.status_code, 200)
