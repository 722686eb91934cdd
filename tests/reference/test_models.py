"""Validation and derived values on the reference models."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import SimpleTestCase, TestCase

from reference.models import EvidenceLevel, Food, IntakeGuideline, MagnesiumForm, Source, StudyDesign
from tests.reference.helpers import make_daily_value, make_food, make_source


class SourceValidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cochrane = make_source(title="Magnesium for skeletal muscle cramps", year=2020, pmid="32956536",
                                   doi="10.1002/14651858.CD009402.pub3")

    def test_malformed_doi_is_refused_on_the_doi_field(self):
        source = Source(title="Bad", doi="not-a-doi")
        with self.assertRaises(ValidationError) as caught:
            source.full_clean()
        self.assertIn("Enter a DOI such as", caught.exception.message_dict["doi"][0])

    def test_pasted_doi_link_is_accepted_and_stored_bare(self):
        """The help text promises a doi.org link is accepted: normalised before validation."""
        source = Source(title="Linked", doi="https://doi.org/10.3390/nu9050429")
        source.full_clean()
        self.assertEqual(source.doi, "10.3390/nu9050429")

    def test_malformed_pmid_is_refused(self):
        for bad in ("abc", "0123", "1234567890"):
            with self.subTest(pmid=bad), self.assertRaises(ValidationError) as caught:
                Source(title="Bad", pmid=bad).full_clean()
            self.assertIn("pmid", caught.exception.message_dict)

    def test_pmid_prefix_is_stripped(self):
        source = Source(title="Prefixed", pmid="PMID: 28445426")
        source.full_clean()
        self.assertEqual(source.pmid, "28445426")

    def test_duplicate_pmid_gives_a_field_message_naming_the_existing_source(self):
        with self.assertRaises(ValidationError) as caught:
            Source(title="Same review again", pmid="32956536").full_clean()
        errors = caught.exception.message_dict
        self.assertEqual(list(errors), ["pmid"], "the message belongs on the PMID field, not the whole form")
        self.assertIn("Another source already has this PMID", errors["pmid"][0])
        self.assertIn("Magnesium for skeletal muscle cramps (2020)", errors["pmid"][0])

    def test_duplicate_doi_is_caught_whatever_its_case(self):
        with self.assertRaises(ValidationError) as caught:
            Source(title="Same", doi="10.1002/14651858.cd009402.PUB3").full_clean()
        self.assertIn("Another source already has this DOI", caught.exception.message_dict["doi"][0])

    def test_editing_a_source_does_not_collide_with_itself(self):
        self.cochrane.notes = "Checked."
        self.cochrane.full_clean()

    def test_database_still_refuses_a_duplicate_that_skips_validation(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            Source.objects.create(title="Sneaked in", pmid="32956536")

    def test_evidence_level_is_derived_from_the_study_design(self):
        source = make_source(study_design=StudyDesign.ANIMAL)
        self.assertEqual(source.evidence_level, EvidenceLevel.MECHANISTIC)
        source.study_design = StudyDesign.RCT
        source.save()
        self.assertEqual(source.evidence_level, EvidenceLevel.RCT)

    def test_cite_key_prefers_pmid_then_doi(self):
        self.assertEqual(self.cochrane.cite_key, "pmid:32956536")
        self.assertEqual(Source(title="x", doi="10.1/abc").cite_key, "doi:10.1/abc")
        self.assertEqual(Source(title="x", url="https://example.org/").cite_key, "")

    def test_by_cite_key_finds_sources_as_articles_cite_them(self):
        self.assertEqual(list(Source.objects.by_cite_key("pmid:32956536")), [self.cochrane])
        self.assertEqual(list(Source.objects.by_cite_key("doi:10.1002/14651858.CD009402.PUB3")), [self.cochrane])
        self.assertEqual(list(Source.objects.by_cite_key("pmid:nope")), [])
        self.assertEqual(list(Source.objects.by_cite_key("isbn:123")), [])


class FormattedCitationTests(SimpleTestCase):
    def test_full_citation_is_vancouver_style(self):
        source = Source(authors="Boyle NB, Lawton C, Dye L", title="The Effects of Magnesium Supplementation",
                        publisher="Nutrients", year=2017, volume="9(5)", pages="429")
        self.assertEqual(source.formatted_citation(),
                         "Boyle NB, Lawton C, Dye L. The Effects of Magnesium Supplementation. Nutrients. 2017;9(5):429.")

    def test_organisation_page_without_authors_or_year(self):
        source = Source(title="Magnesium: Fact Sheet for Health Professionals",
                        publisher="NIH Office of Dietary Supplements")
        self.assertEqual(source.formatted_citation(),
                         "Magnesium: Fact Sheet for Health Professionals. NIH Office of Dietary Supplements.")


class FoodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.source = make_source()
        cls.food = make_food(cls.source, name="Pumpkin seeds, roasted", magnesium_mg=156)

    def test_negative_magnesium_is_refused_with_a_clear_message(self):
        food = Food(name="Bad", slug="bad", serving="1 oz", magnesium_mg=-5, food_group="grains", source=self.source)
        with self.assertRaises(ValidationError) as caught:
            food.full_clean()
        self.assertEqual(caught.exception.message_dict["magnesium_mg"], ["Magnesium per serving can't be negative."])

    def test_percent_dv_is_computed_from_the_daily_value_row(self):
        make_daily_value(self.source, 420)
        self.assertEqual(self.food.percent_dv(), 37)  # 156 / 420 = 37.1%
        annotated = Food.objects.with_percent_dv().get(pk=self.food.pk)
        with self.assertNumQueries(0):
            self.assertEqual(annotated.percent_dv(), 37)

    def test_percent_dv_rounds_half_up(self):
        self.assertEqual(Food(magnesium_mg=21).percent_dv(daily_value_mg=420), 5)  # exactly 5.0
        self.assertEqual(Food(magnesium_mg=63).percent_dv(daily_value_mg=420), 15)  # exactly 15.0
        self.assertEqual(Food(magnesium_mg=1).percent_dv(daily_value_mg=200), 1)  # 0.5 rounds up

    def test_without_a_daily_value_percent_dv_is_none_and_not_requeried(self):
        annotated = Food.objects.with_percent_dv().get(pk=self.food.pk)
        with self.assertNumQueries(0):
            self.assertIsNone(annotated.percent_dv())

    def test_slug_is_filled_from_the_name(self):
        self.assertEqual(self.food.slug, "pumpkin-seeds-roasted")


class IntakeAndFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        source = make_source()
        for label, start, end, amount in [("1–3 years", 1, 4, 65), ("4–8 years", 4, 9, 110), ("9+", 9, None, 350)]:
            IntakeGuideline.objects.create(kind=IntakeGuideline.Kind.UL, label=label, age_from_years=start,
                                           age_to_years=end, amount_mg=amount, source=source)

    def test_upper_limit_is_looked_up_by_age(self):
        cases = {2: 65, 4: 110, 8.5: 110, 9: 350, 45: 350, 0.5: None}
        for age, expected in cases.items():
            with self.subTest(age=age):
                self.assertEqual(IntakeGuideline.objects.upper_limit_mg(age), expected)

    def test_elemental_magnesium_of_a_compound_dose(self):
        glycinate = MagnesiumForm(name="Magnesium glycinate", elemental_percent=Decimal("14"))
        self.assertEqual(glycinate.elemental_mg(500), Decimal("70"))
