"""The public reading pages: what readers see, what they don't, and what staff can preview."""

import datetime
import re

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.articles.reader_helpers import make_article, make_profile, make_sources, make_staff

INLINE_STYLE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


class ReaderTestCase(TestCase):
    def setUp(self):
        cache.clear()  # pages cached by another test must not answer for this one


class ArticlePageTests(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sources = make_sources(3)
        cls.reviewer = make_profile("Dr Lena Hartmann", reviewer=True, credentials="MD, Internal Medicine")
        cls.writer = make_profile("Maya Okafor", credentials="MSc")
        cls.article = make_article(
            "Magnesium and night-time leg cramps", sources=cls.sources, tags=["cramps", "sleep"],
            authors=[cls.writer], reviewer=cls.reviewer,
            faqs=[("Does magnesium stop cramps?", "Probably not for most older adults.")],
            key_points=["Most night cramps have no clear cause."],
        )

    def get(self):
        return self.client.get(self.article.get_absolute_url())

    def test_shows_the_review_line_with_name_credentials_and_date(self):
        html = self.get().content.decode()
        self.assertIn("Medically reviewed by", html)
        self.assertIn("Dr Lena Hartmann</a>, MD, Internal Medicine, on", html)
        self.assertIn("15 January 2026", html)
        self.assertIn("Last updated", html)

    def test_shows_authors_with_links_reading_time_key_points_faq_and_tags(self):
        response = self.get()
        self.assertContains(response, f'href="{self.writer.get_absolute_url()}"')
        self.assertContains(response, "min read")
        self.assertContains(response, "Most night cramps have no clear cause.")
        self.assertContains(response, "<summary><h3>Does magnesium stop cramps?</h3></summary>", html=False)
        self.assertContains(response, 'href="/topics/cramps/"')
        self.assertContains(response, 'href="/how-we-review/"')
        self.assertContains(response, "not medical advice")

    def test_citations_link_to_numbered_references_and_back(self):
        html = self.get().content.decode()
        for number, source in enumerate(self.sources, start=1):
            self.assertIn(f'<a href="#ref-{number}" id="cite-{number}"', html)
            self.assertIn(f'<li id="ref-{number}"', html)
            self.assertIn(f'href="#cite-{number}"', html)
            self.assertIn(f'href="https://doi.org/{source.doi}"', html)
            self.assertIn(f'href="https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/"', html)
        self.assertNotIn("[[cite:", html)

    def test_canonical_and_social_meta(self):
        html = self.get().content.decode()
        self.assertIn(f'<link rel="canonical" href="{settings.SITE_URL}{self.article.get_absolute_url()}">', html)
        self.assertIn('property="og:title" content="Magnesium and night-time leg cramps"', html)
        self.assertIn('name="twitter:card"', html)
        self.assertNotIn('name="robots" content="noindex', html)

    def test_public_pages_carry_no_inline_styles(self):
        """The public CSP allows no inline styles, so no page may rely on a style attribute."""
        urls = ["/", "/articles/", self.article.get_absolute_url(), "/topics/cramps/",
                self.writer.get_absolute_url(), "/search/?q=cramps", "/search/", "/how-we-review/", "/missing/"]
        for url in urls:
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertIsNone(INLINE_STYLE.search(html))
                self.assertNotIn("<style", html)

    def test_body_tables_scroll_in_a_labelled_region_a_keyboard_can_reach(self):
        body = ("<p>Intro.</p><table><caption>Forms</caption><tbody><tr><td>oxide</td></tr></tbody></table>"
                "<p>Between.</p><table><tbody><tr><td>citrate</td></tr></tbody></table>")
        article = make_article("Two tables", body=body, sources=self.sources[:1])
        html = self.client.get(article.get_absolute_url()).content.decode()
        wrapper = '<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>'
        self.assertEqual(html.count(wrapper), 2)
        self.assertEqual(html.count("</table></div>"), 2)
        self.assertNotIn("table-scroll", self.get().content.decode())  # no table, no wrapper

    def test_heading_order_starts_with_one_h1(self):
        html = self.get().content.decode()
        levels = [int(h) for h in re.findall(r"<h([1-6])\b", html)]
        self.assertEqual(levels.count(1), 1)
        self.assertEqual(levels[0], 1)
        for before, after in zip(levels, levels[1:], strict=False):
            self.assertLessEqual(after, before + 1, f"heading jumps from h{before} to h{after}")


class VisibilityTests(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.draft = make_article("Draft about glycinate", status=Article.Status.DRAFT, published_at=None)
        cls.in_review = make_article("Waiting for review", status=Article.Status.IN_REVIEW)
        cls.scheduled = make_article("Published tomorrow", status=Article.Status.PUBLISHED,
                                     published_at=timezone.now() + datetime.timedelta(days=1))
        cls.published = make_article("Already out")

    def test_anonymous_readers_get_404_for_anything_not_published(self):
        for article in (self.draft, self.in_review, self.scheduled):
            with self.subTest(article=article.title):
                self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)

    def test_unpublished_articles_appear_in_no_list(self):
        for url in ("/", "/articles/", "/search/?q=glycinate", "/search/?q=tomorrow"):
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertNotIn("Draft about glycinate", html)
                self.assertNotIn("Published tomorrow", html)

    def test_staff_preview_shows_banner_noindex_and_is_never_cached(self):
        self.client.force_login(make_staff())
        response = self.client.get(self.draft.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Preview: not published")
        self.assertContains(response, '<meta name="robots" content="noindex')
        self.assertIn("no-store", response["Cache-Control"])
        self.assertContains(response, "Not yet published")

    def test_staff_without_view_permission_cannot_preview(self):
        self.client.force_login(make_staff(perm=False))
        self.assertEqual(self.client.get(self.draft.get_absolute_url()).status_code, 404)

    def test_staff_see_a_published_article_without_the_banner(self):
        self.client.force_login(make_staff())
        response = self.client.get(self.published.get_absolute_url())
        self.assertNotContains(response, "Preview: not published")

    def test_preview_without_reviewer_says_not_yet_reviewed(self):
        article = make_article("No reviewer yet", status=Article.Status.DRAFT)
        Article.objects.filter(pk=article.pk).update(medical_reviewer=None, last_reviewed_at=None)
        self.client.force_login(make_staff())
        self.assertContains(self.client.get(article.get_absolute_url()), "Not yet medically reviewed")


class ListPageTests(ReaderTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.writer = make_profile("Ana Ruiz")
        cls.articles = [make_article(f"Article number {i:02d}", tags=["sleep"], authors=[cls.writer], days_ago=i)
                        for i in range(1, 13)]

    def test_article_list_paginates_ten_per_page_with_accessible_links(self):
        first = self.client.get("/articles/")
        self.assertContains(first, "Article number 01")
        self.assertNotContains(first, "Article number 11")
        self.assertContains(first, 'aria-label="Pagination"')
        self.assertContains(first, 'aria-current="page"')
        self.assertContains(first, 'href="/articles/?page=2"')
        second = self.client.get("/articles/?page=2")
        self.assertContains(second, "Article number 11")
        self.assertContains(second, 'rel="prev"')

    def test_bad_page_numbers_are_404(self):
        for page in ("99", "0", "abc"):
            with self.subTest(page=page):
                self.assertEqual(self.client.get(f"/articles/?page={page}").status_code, 404)

    def test_home_lists_latest_topics_and_the_reference_teaser(self):
        response = self.client.get("/")
        self.assertContains(response, "Article number 01")
        self.assertContains(response, 'href="/topics/sleep/"')
        self.assertContains(response, "From the reference library")
        self.assertContains(response, 'href="/reference/"')

    def test_tag_page_lists_articles_and_unknown_tag_is_404(self):
        self.assertContains(self.client.get("/topics/sleep/"), "Article number 01")
        self.assertEqual(self.client.get("/topics/no-such-topic/").status_code, 404)

    def test_author_page_lists_their_articles(self):
        response = self.client.get(self.writer.get_absolute_url())
        self.assertContains(response, "Ana Ruiz")
        self.assertContains(response, "Article number 01")

    def test_reviewer_page_lists_reviewed_articles(self):
        reviewer = self.articles[0].medical_reviewer
        self.assertContains(self.client.get(reviewer.get_absolute_url()), "Medically reviewed by")

    def test_profile_with_no_published_work_has_no_page(self):
        self.assertEqual(self.client.get(make_profile("Nobody Yet").get_absolute_url()).status_code, 404)

    def test_how_we_review_page_exists(self):
        self.assertContains(self.client.get("/how-we-review/"), "How we review")


@override_settings(PAGE_CACHE_SECONDS=0)
class QueryCountTests(ReaderTestCase):
    """Page cost must not grow with the number of citations, tags or listed articles."""

    def count_queries(self, url):
        with CaptureQueriesContext(connection) as ctx:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(ctx.captured_queries)

    def test_article_page_with_3_or_30_citations_and_2_or_20_tags(self):
        reviewer = make_profile("Dr R", reviewer=True)
        small = make_article("Small", sources=make_sources(3), tags=["a", "b"], reviewer=reviewer)
        large = make_article("Large", sources=make_sources(30), tags=[f"t{i}" for i in range(20)], reviewer=reviewer)
        self.assertEqual(small.citations.count(), 3)
        self.assertEqual(large.citations.count(), 30)
        self.assertEqual(self.count_queries(small.get_absolute_url()), self.count_queries(large.get_absolute_url()))

    def test_list_pages_with_5_or_50_articles(self):
        writer = make_profile("Constant Writer")
        reviewer = make_profile("Dr Constant", reviewer=True)
        urls = ["/", "/articles/", "/topics/common/", writer.get_absolute_url(), "/search/?q=magnesium"]

        def populate(count):
            for _ in range(count):
                make_article(tags=["common", "other"], authors=[writer], reviewer=reviewer,
                             body="<p>Magnesium and more.</p>")

        populate(5)
        few = {url: self.count_queries(url) for url in urls}
        populate(45)
        many = {url: self.count_queries(url) for url in urls}
        self.assertEqual(few, many)
