"""Demo articles: enough of them, cited, reviewed, idempotent, and the flawed ones kept unpublished."""

import io
import re

from django.core.cache import cache
from django.test import TestCase

from articles.models import Article
from demo.loader import demo_articles, load_articles
from moderation.html import html_to_text
from reference.demo import load_reference
from review import workflow
from review.models import AuditEvent


class DemoArticlesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_run = load_articles(stdout=io.StringIO())

    def setUp(self):
        cache.clear()

    def test_creates_at_least_six_published_articles_with_citations(self):
        self.assertEqual(self.first_run, {"articles": len(demo_articles())})
        published = Article.objects.published()
        self.assertGreaterEqual(published.count(), 6)
        for article in published:
            with self.subTest(article=article.slug):
                self.assertGreaterEqual(article.citations.count(), 2)
                self.assertGreaterEqual(article.key_points.count(), 3)
                self.assertTrue(2 <= article.faqs.count() <= 4)
                self.assertTrue(article.tags.exists())
                self.assertTrue(article.authors.exists())

    def test_published_articles_are_reviewed_by_someone_who_is_not_an_author(self):
        for article in Article.objects.published().select_related("medical_reviewer"):
            with self.subTest(article=article.slug):
                self.assertTrue(article.medical_reviewer.is_medical_reviewer)
                self.assertNotIn(article.medical_reviewer, article.authors.all())
                self.assertIsNotNone(article.last_reviewed_at)
                self.assertLessEqual(article.last_reviewed_at, article.published_at.date())
                self.assertEqual(article.updated_at, article.published_at)  # "Last updated" is the publication

    def test_published_articles_went_through_the_workflow_and_pass_the_gate(self):
        for article in Article.objects.published():
            with self.subTest(article=article.slug):
                self.assertEqual(workflow.publish_gate_problems(article), [])
                actions = set(AuditEvent.objects.filter(article=article).values_list("action", flat=True))
                self.assertTrue({"submit", "approve", "publish"} <= actions, actions)

    def test_flawed_articles_are_in_review_with_open_flags(self):
        for slug in ("magnesium-for-everyday-stress", "our-pick-magnesium-for-better-nights"):
            with self.subTest(slug=slug):
                article = Article.objects.get(slug=slug)
                self.assertEqual(article.status, Article.Status.IN_REVIEW)
                self.assertTrue(article.flags.open().exists())

    def test_articles_are_of_a_readable_length_with_sections(self):
        for article in Article.objects.published():
            with self.subTest(article=article.slug):
                words = len(re.findall(r"\w+", html_to_text(article.body)))
                self.assertTrue(380 <= words <= 900, f"{words} words")
                self.assertGreaterEqual(article.body.count("<h2>"), 3)

    def test_some_articles_are_left_unpublished_for_the_editorial_workflow(self):
        statuses = set(Article.objects.exclude(pk__in=Article.objects.published()).values_list("status", flat=True))
        self.assertIn(Article.Status.DRAFT, statuses)
        self.assertIn(Article.Status.IN_REVIEW, statuses)

    def test_flawed_articles_are_never_published(self):
        flawed = ["nearly half of adults", "SerenMag", "600 mg of elemental magnesium a day"]
        for phrase in flawed:
            with self.subTest(phrase=phrase):
                self.assertFalse(Article.objects.published().filter(body__icontains=phrase).exists())
                self.assertTrue(Article.objects.filter(body__icontains=phrase).exists())

    def test_second_run_creates_nothing_and_keeps_edits(self):
        article = Article.objects.get(slug="magnesium-rich-foods")
        article.title = "Edited by an editor"
        article.save()
        self.assertEqual(load_articles(), {"articles": 0})
        self.assertEqual(Article.objects.get(pk=article.pk).title, "Edited by an editor")
        self.assertEqual(Article.objects.count(), len(demo_articles()))

    def test_every_published_demo_page_renders(self):
        for article in Article.objects.published():
            with self.subTest(article=article.slug):
                response = self.client.get(article.get_absolute_url())
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, 'id="ref-1"')
                self.assertNotContains(response, "cite-missing")


class DemoFlagsTests(TestCase):
    """The published demo articles pass review as written; the flawed ones carry their problems."""

    @classmethod
    def setUpTestData(cls):
        load_reference()
        load_articles()

    def test_published_demo_articles_have_no_open_flags(self):
        from review.models import Flag

        open_flags = Flag.objects.filter(article__status=Article.Status.PUBLISHED, status=Flag.Status.OPEN)
        self.assertEqual([(f.article.slug, f.rule, f.excerpt) for f in open_flags], [])

    def test_flawed_demo_articles_raise_the_flags_they_were_written_for(self):
        from review.models import Flag

        flags = Flag.objects.filter(article__status=Article.Status.IN_REVIEW)
        rules = set(flags.values_list("rule", flat=True))
        self.assertTrue({"unsupported.statistic", "dose.above_ul", "disease.claim", "promo.endorsement"} <= rules, rules)
