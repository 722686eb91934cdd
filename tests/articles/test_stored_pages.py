"""Published article pages stored when what they show is written (articles/pages.py).

The stored page must be the same bytes as a live render, cost one query, and never show a reader
anything older than the rows it lists: every dependency is edited here, with the page cache off and
on, and the page is read while the write is still uncommitted (as readers see it the moment it
commits: the stored page is stale, the page is rendered live) and after the commit (rendered again,
stored, one query).
"""

import io
import threading
from unittest import skipUnless

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.models import Article, ArticlePage, KeyPoint
from articles.pages import article_pages_render
from articles.services import article_write
from reference.models import Condition, EvidenceGrade, Food, FoodGroup, MagnesiumForm
from review import workflow
from review.models import Claim
from review.services import article_save, article_scan
from tests.articles.reader_helpers import make_article, make_profile, make_sources, make_staff

HIT = "X-MagSite-Cache"
LIVE_QUERIES = 11  # the stored page looked for, the article with its reviewer, the nine relations


def rich_article(title="Magnesium and night-time leg cramps", *, sources=3, tags=("cramps", "sleep"), n=""):
    """A published article with a row in every relation its page lists, and its page stored.
    Give each further article in a test its own `n` (names are unique)."""
    reviewer = make_profile(f"Dr Lena Hartmann{n}", reviewer=True, credentials="MD")
    writer = make_profile(f"Maya Okafor{n}", credentials="MSc")
    article = make_article(title, sources=make_sources(sources), tags=list(tags), authors=[writer],
                           reviewer=reviewer, faqs=[("Does magnesium stop cramps?", "Probably not.")],
                           key_points=["Most night cramps have no clear cause."])
    source = article.citations.first().source
    form = MagnesiumForm.objects.create(name=f"Magnesium citrate{n}", elemental_percent=16, bioavailability="high")
    food = Food.objects.create(name=f"Pumpkin seeds, roasted{n}", serving="1 oz", magnesium_mg=156,
                               food_group=FoodGroup.SEEDS_NUTS, source=source)
    condition = Condition.objects.create(name=f"Leg cramps{n}", summary="Painful spasms.", evidence_summary="Mixed.",
                                         evidence_grade=EvidenceGrade.LIMITED)
    article.related_forms.add(form)
    article.related_foods.add(food)
    article.related_conditions.add(condition)
    Claim.objects.create(article=article, text="Magnesium may ease cramps.", start=0, end=10, category="efficacy",
                         fingerprint="c1", status=Claim.Status.APPROVED)
    Claim.objects.create(article=article, text="Magnesium is safe for most.", start=11, end=20,
                         category="safety", fingerprint="c2", status=Claim.Status.PENDING)
    assert article_pages_render(article_ids=[article.pk]) == 1
    return article


def superuser():
    return get_user_model().objects.create_superuser(f"boss{Article.objects.count()}", password="x")


class StoredPageTestCase(TestCase):
    def setUp(self):
        cache.clear()

    def read(self, url):
        """(html, queries) of a reader's GET that must answer 200."""
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response, len(queries.captured_queries)

    def live(self, article):
        """The page as a live render gives it now (its stored page set aside for one request)."""
        page = ArticlePage.objects.get(pk=article.pk)
        ArticlePage.objects.filter(pk=article.pk).update(stale=True)
        cache.clear()
        try:
            response, queries = self.read(article.get_absolute_url())
            self.assertEqual(queries, LIVE_QUERIES)
            return response.content
        finally:
            ArticlePage.objects.filter(pk=article.pk).update(stale=page.stale)
            cache.clear()


class DependencyTests(StoredPageTestCase):
    """Each write an article page depends on shows on the page at once, and is stored."""

    @classmethod
    def setUpTestData(cls):
        cls.article = rich_article()
        cls.url = cls.article.get_absolute_url()

    def check(self, edit, *, shows=(), hides=(), status=200):
        before, queries = self.read(self.url)
        self.assertIn(queries, (0, 1))  # a cache hit, or the stored page
        for text in shows:
            self.assertNotContains(before, text)
        for text in hides:
            self.assertContains(before, text)
        with self.captureOnCommitCallbacks(execute=True):
            edit()
            # Uncommitted, but this connection reads the write as every reader will once it
            # commits: the stored page is stale already (same transaction), the page is live.
            # (Read past the page cache, which is told on commit: ?preview is not a cacheable query.)
            self.assertTrue(ArticlePage.objects.get(pk=self.article.pk).stale)
            during = self.client.get(self.url + "?preview")
            self.assertEqual(during.status_code, status)
            self.assertNotIn(HIT, during)
        after_commit = self.client.get(self.url)
        self.assertEqual(after_commit.status_code, status)
        self.assertNotEqual(after_commit.get(HIT), "hit")
        if status != 200:
            return
        for response in (during, after_commit):
            for text in shows:
                self.assertContains(response, text)
            for text in hides:
                self.assertNotContains(response, text)
        # Rendered again once committed, stored, and served as one query, the same bytes as live.
        self.assertFalse(ArticlePage.objects.get(pk=self.article.pk).stale)
        cache.clear()
        stored, queries = self.read(self.url)
        self.assertEqual(queries, 1)
        self.assertEqual(stored.content, after_commit.content)
        self.assertEqual(stored.content, self.live(self.article))

    # The article itself.

    def test_editing_the_article(self):
        self.article.title = "Magnesium and cramps at night: revised"
        self.check(lambda: article_write(article=self.article),
                   shows=["<h1 id=\"article-title\">Magnesium and cramps at night: revised</h1>"])

    def test_citing_one_more_source_in_the_body(self):
        new = make_sources(1)[0]
        self.article.body += f"<p>More.[[cite:pmid:{new.pmid}]]</p>"
        self.check(lambda: article_write(article=self.article), shows=[new.title, 'id="ref-4"'])

    def test_editing_through_the_admin(self):
        from tests.articles.editing_helpers import form_data, post_ready

        # The admin's save scans the text, and a published article with a new pending claim goes back
        # to review: approve what a scan of the fixture's text finds, as its reviewer did before
        # publication, so the edit below changes no claim.
        with self.captureOnCommitCallbacks(execute=True):  # the page is stored again on commit
            article_scan(article=self.article)
            Claim.objects.filter(article=self.article, is_current=True, status=Claim.Status.PENDING).update(
                status=Claim.Status.APPROVED)
        editor = Client()
        editor.force_login(superuser())
        url = f"/admin/articles/article/{self.article.pk}/change/"
        data = form_data(editor.get(url))
        data["title"] = ["Edited in the admin"]
        data["key_points-0-text"] = ["An edited key point."]

        def edit():
            response = editor.post(url, post_ready(data))
            self.assertEqual(response.status_code, 302, response.content[:3000])

        self.check(edit, shows=["Edited in the admin", "An edited key point."],
                   hides=["Most night cramps have no clear cause."])

    def test_key_points_added_edited_and_deleted(self):
        point = self.article.key_points.get()
        self.check(lambda: KeyPoint.objects.create(article=self.article, text="A second key point.", order=5),
                   shows=["A second key point."])
        point.text = "An edited key point."
        self.check(point.save, shows=["An edited key point."], hides=["Most night cramps"])
        self.check(point.delete, hides=["An edited key point."])

    def test_faq_edited(self):
        faq = self.article.faqs.get()
        faq.answer = "For most older adults, no."
        self.check(faq.save, shows=["For most older adults, no.", '"text":"For most older adults, no."'])

    # Sources.

    def test_source_corrected(self):
        source = self.article.citations.get(number=2).source
        source.title = "A corrected title of the trial"
        self.check(source.save, shows=["A corrected title of the trial"])

    def test_source_retracted(self):
        source = self.article.citations.get(number=1).source
        source.retracted = True
        self.check(source.save, shows=['<span class="badge badge-low">Retracted</span>'])

    # People.

    def test_author_renamed(self):
        writer = self.article.authors.get()
        writer.display_name = "Maya Okafor-Reyes"
        self.check(writer.save, shows=["Maya Okafor-Reyes</a>", '"name":"Maya Okafor-Reyes"'])

    def test_reviewer_credentials_changed(self):
        reviewer = self.article.medical_reviewer
        reviewer.credentials = "MD, PhD"
        self.check(reviewer.save, shows=["Dr Lena Hartmann</a>, MD, PhD, on", '"jobTitle":"MD, PhD"'])

    def test_reviewer_changed_on_the_record(self):
        # The workflow refuses to swap the reviewer of a published article (the reviewer who signed
        # it off is named on it); a correction made on the record itself still reaches the page.
        other = make_profile("Dr Ana Ruiz", reviewer=True, credentials="PharmD")
        self.article.medical_reviewer = other
        self.check(self.article.save, shows=["Dr Ana Ruiz</a>, PharmD"], hides=["Dr Lena Hartmann"])

    def test_author_added_and_removed_from_either_side(self):
        late = make_profile("Late Coauthor")
        self.check(lambda: self.article.authors.add(late), shows=["Late Coauthor</a>"])
        self.check(lambda: late.articles.remove(self.article), hides=["Late Coauthor</a>"])
        writer = self.article.authors.get()
        self.check(lambda: writer.articles.clear(), hides=["Maya Okafor</a>"])

    def test_author_deleted_with_their_account(self):
        writer = self.article.authors.get()
        self.check(writer.user.delete, hides=["Maya Okafor"])

    # Tags.

    def test_tag_renamed(self):
        tag = Tag.objects.get(name="cramps")
        tag.name, tag.slug = "night cramps", "night-cramps"
        self.check(tag.save, shows=['href="/topics/night-cramps/">night cramps</a>',
                                    '<meta property="article:tag" content="night cramps">'])

    def test_tags_added_removed_and_deleted(self):
        from taggit.models import TaggedItem

        self.check(lambda: self.article.tags.add("restless legs"), shows=[">restless legs</a>"])
        self.check(lambda: self.article.tags.remove("sleep"), hides=['href="/topics/sleep/"'])
        self.check(TaggedItem.objects.get(tag__name="restless legs", object_id=self.article.pk).delete,
                   hides=[">restless legs</a>"])
        self.check(Tag.objects.get(name="cramps").delete, hides=['href="/topics/cramps/"'])

    # The reference library.

    def test_form_food_and_condition_edited(self):
        form, food, condition = (self.article.related_forms.get(), self.article.related_foods.get(),
                                 self.article.related_conditions.get())
        form.name = "Magnesium citrate (anhydrous)"
        self.check(form.save, shows=[">Magnesium citrate (anhydrous)</a>"])
        food.magnesium_mg = 168
        self.check(food.save, shows=["168 mg per 1 oz"], hides=["156 mg per 1 oz"])
        condition.name = "Nocturnal leg cramps"
        self.check(condition.save, shows=[">Nocturnal leg cramps</a>"])

    def test_library_links_changed_from_the_library_side(self):
        other = MagnesiumForm.objects.create(name="Magnesium glycinate", elemental_percent=14, bioavailability="high")
        self.check(lambda: other.articles.add(self.article), shows=[">Magnesium glycinate</a>"])
        food = self.article.related_foods.get()
        self.check(food.articles.clear, hides=[">Pumpkin seeds, roasted</a>"])

    def test_library_record_deleted(self):
        self.check(self.article.related_conditions.get().delete, hides=[">Leg cramps</a>"])

    # Reviewing and the workflow.

    def test_a_claim_decided(self):
        claim = self.article.claims.get(status=Claim.Status.PENDING)
        self.check(lambda: workflow.claim_decide(claim=claim, user=superuser(), decision=Claim.Status.APPROVED),
                   shows=["2 claims checked against 3 sources"], hides=["1 claim checked"])

    def test_a_claim_row_written_directly(self):
        self.check(lambda: Claim.objects.create(article=self.article, text="Magnesium is in nuts.", start=30, end=40,
                                                category="fact", fingerprint="c3", status=Claim.Status.APPROVED),
                   shows=["2 claims checked against 3 sources"])

    def test_a_rescan_that_retires_claims(self):
        """The scan writes claim rows in bulk (no signals): the claims edited out no longer count."""
        self.check(lambda: call_command("rescan", self.article.slug, stdout=io.StringIO()),
                   hides=["1 claim checked against 3 sources"])

    def test_unpublished(self):
        self.check(lambda: workflow.article_unpublish(article=self.article, user=superuser()), status=404)
        self.assertTrue(ArticlePage.objects.get(pk=self.article.pk).stale)

    def test_an_edit_that_changes_claims_takes_it_off_the_site(self):
        self.article.body += "<p>Magnesium cures migraine in everyone.</p>"
        self.check(lambda: article_save(article=self.article), status=404)


@override_settings(PAGE_CACHE_SECONDS=300)
class DependencyWithPageCacheTests(DependencyTests):
    """The same, with the page cache on: the cached page is never the stale one."""


@override_settings(PAGE_CACHE_SECONDS=0)
class DependencyWithoutPageCacheTests(DependencyTests):
    """The same, with the page cache off."""


del DependencyTests  # run only with the cache explicitly off and on


@override_settings(PAGE_CACHE_SECONDS=0)
class StoredPageTests(StoredPageTestCase):
    def test_the_stored_page_is_the_live_page_byte_for_byte(self):
        article = rich_article()
        cache.clear()
        stored, queries = self.read(article.get_absolute_url())
        self.assertEqual(queries, 1)
        self.assertEqual(stored.content, self.live(article))
        for text in ("Medically reviewed by", "1 claim checked against 3 sources", 'id="ref-3"',
                     "Most night cramps have no clear cause.", ">Magnesium citrate</a>", 'href="/topics/sleep/"',
                     '"@type":"FAQPage"'):
            self.assertContains(stored, text)

    def test_a_readers_page_is_one_query_with_3_or_30_citations_and_2_or_20_tags(self):
        small = rich_article("Small", sources=3, tags=["a", "b"], n=" 1")
        large = rich_article("Large", sources=30, tags=[f"t{i}" for i in range(20)], n=" 2")
        for article in (small, large):
            with self.subTest(article=article.title), self.assertNumQueries(1):
                self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 200)

    def test_a_live_render_is_a_constant_number_of_queries(self):
        small = rich_article("Small", sources=3, tags=["a", "b"], n=" 1")
        large = rich_article("Large", sources=30, tags=[f"t{i}" for i in range(20)], n=" 2")
        ArticlePage.objects.update(stale=True)
        for article in (small, large):
            with self.subTest(article=article.title), self.assertNumQueries(LIVE_QUERIES):
                self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 200)

    def test_without_a_stored_page_the_page_is_rendered_live_and_a_get_writes_nothing(self):
        article = rich_article()
        stored = self.client.get(article.get_absolute_url()).content
        ArticlePage.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(article.get_absolute_url())
        self.assertEqual(response.content, stored)
        self.assertEqual(len(queries.captured_queries), LIVE_QUERIES)
        self.assertTrue(all(q["sql"].lstrip().upper().startswith("SELECT") for q in queries.captured_queries))
        self.assertFalse(ArticlePage.objects.exists())

    def test_a_page_stored_by_other_code_or_settings_is_not_served(self):
        article = rich_article()
        ArticlePage.objects.filter(pk=article.pk).update(render_key="rendered-by-an-older-release")
        with self.assertNumQueries(LIVE_QUERIES):
            self.client.get(article.get_absolute_url())
        article_pages_render(article_ids=[article.pk])
        with override_settings(SITE_URL="https://magsite.example.org"), self.assertNumQueries(LIVE_QUERIES):
            response = self.client.get(article.get_absolute_url())
        self.assertContains(response, f'<link rel="canonical" href="https://magsite.example.org{article.get_absolute_url()}">')

    def test_previews_are_rendered_live_with_their_banner(self):
        article = rich_article()
        Article.objects.filter(pk=article.pk).update(status=Article.Status.APPROVED)  # stored page left fresh
        self.client.force_login(make_staff())
        response = self.client.get(article.get_absolute_url())
        self.assertContains(response, "Preview: not published")
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">')
        self.assertIn("no-store", response["Cache-Control"])

    def test_only_published_articles_are_rendered(self):
        draft = make_article("A draft", status=Article.Status.DRAFT, published_at=None)
        self.assertEqual(article_pages_render(article_ids=[draft.pk]), 0)
        self.assertFalse(ArticlePage.objects.filter(pk=draft.pk).exists())

    def test_marking_stale_is_part_of_the_writers_transaction(self):
        article = rich_article()
        source = article.citations.first().source
        with self.assertRaises(RuntimeError), transaction.atomic():
            source.title = "A title that is rolled back"
            source.save()
            self.assertTrue(ArticlePage.objects.get(pk=article.pk).stale)
            raise RuntimeError("roll back")
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).stale)

    def test_render_pages_renders_every_published_article(self):
        articles = [rich_article(f"Article {n}", n=f" {n}") for n in range(3)]
        ArticlePage.objects.update(stale=True, content="")
        out = io.StringIO()
        call_command("render_pages", stdout=out)
        self.assertIn("Rendered 3 published article page(s)", out.getvalue())
        self.assertFalse(ArticlePage.objects.filter(stale=True).exists())
        for article in articles:
            with self.assertNumQueries(1):
                self.assertContains(self.client.get(article.get_absolute_url()), article.title)

    def test_render_pages_again_renders_only_what_is_not_fresh(self):
        fresh, stale = rich_article("Fresh", n=" 1"), rich_article("Stale", n=" 2")
        ArticlePage.objects.filter(pk=stale.pk).update(stale=True)
        rendered_at = ArticlePage.objects.get(pk=fresh.pk).rendered_at
        out = io.StringIO()
        call_command("render_pages", stdout=out)
        self.assertIn("Rendered 1 published article page(s)", out.getvalue())
        self.assertEqual(ArticlePage.objects.get(pk=fresh.pk).rendered_at, rendered_at)
        call_command("render_pages", stdout=out)
        self.assertIn("Rendered 0 published article page(s)", out.getvalue())
        call_command("render_pages", "--force", stdout=out)
        self.assertIn("Rendered 2 published article page(s)", out.getvalue())

    def test_the_demo_articles_are_stored_when_loaded(self):
        from demo.loader import load_articles

        with self.captureOnCommitCallbacks(execute=True):
            load_articles()
        published = Article.objects.published()
        self.assertGreaterEqual(published.count(), 6)
        self.assertEqual(ArticlePage.objects.filter(article__in=published, stale=False).count(), published.count())
        for article in published:
            with self.subTest(article=article.slug):
                stored, queries = self.read(article.get_absolute_url())
                self.assertEqual(queries, 1)
                self.assertEqual(stored.content, self.live(article))


class CommitWindowTests(TransactionTestCase):
    """With real commits: between a write's commit and the new page being stored, readers get the
    page rendered live from the committed rows, and the page cache never keeps the old page."""

    def setUp(self):
        cache.clear()
        self.article = rich_article()
        self.url = self.article.get_absolute_url()

    def edit_source_without_rendering(self):
        """Commit a source correction while the render that follows the commit is held back."""
        from unittest import mock

        source = self.article.citations.get(number=1).source
        source.title = "The corrected title"
        with mock.patch("articles.pages.article_pages_render", return_value=0), transaction.atomic():
            source.save()
        self.assertTrue(ArticlePage.objects.get(pk=self.article.pk).stale)

    def test_cache_off(self):
        with override_settings(PAGE_CACHE_SECONDS=0):
            self.assertNotContains(self.client.get(self.url), "The corrected title")
            self.edit_source_without_rendering()
            self.assertContains(self.client.get(self.url), "The corrected title")
            article_pages_render(article_ids=[self.article.pk])
            self.assertContains(self.client.get(self.url), "The corrected title")

    def test_cache_on(self):
        with override_settings(PAGE_CACHE_SECONDS=300):
            self.client.get(self.url)
            self.assertEqual(self.client.get(self.url)[HIT], "hit")
            self.edit_source_without_rendering()
            first = self.client.get(self.url)
            self.assertEqual(first[HIT], "miss")
            self.assertContains(first, "The corrected title")
            second = self.client.get(self.url)
            self.assertEqual(second[HIT], "hit")
            self.assertContains(second, "The corrected title")



@skipUnless(connection.vendor == "postgresql", "row locks between two connections: PostgreSQL")
class ConcurrentRenderTests(TransactionTestCase):
    """A source corrected while the article's page is being rendered from the old rows: the render
    holds the stored page's row, so the correction's stale mark lands after the old render is
    stored, and the page is rendered again, never left fresh with the old title."""

    def test_a_write_during_a_render_is_not_lost(self):
        from unittest import mock

        import articles.pages

        article = rich_article()
        source = article.citations.get(number=1).source
        render_has_read, release_render = threading.Event(), threading.Event()
        real_render_parts = articles.pages.render_parts

        def render_parts(article, **kwargs):
            parts = real_render_parts(article, **kwargs)
            if threading.current_thread() is renderer:  # the first render has read the old rows
                render_has_read.set()
                release_render.wait(10)
            return parts

        def render():
            try:
                article_pages_render(article_ids=[article.pk])
            finally:
                connections.close_all()

        def correct_source():
            try:
                with transaction.atomic():
                    source.title = "The corrected title"
                    source.save()  # marks the page stale: waits for the render in progress
            finally:
                connections.close_all()

        renderer = threading.Thread(target=render)
        writer = threading.Thread(target=correct_source)
        with mock.patch("articles.pages.render_parts", render_parts):
            renderer.start()
            self.assertTrue(render_has_read.wait(10))
            writer.start()
            writer.join(0.5)
            self.assertTrue(writer.is_alive(), "the stale mark should wait for the render in progress")
            release_render.set()
            renderer.join(10)
            writer.join(10)  # its render after the commit runs in its thread
        self.assertFalse(renderer.is_alive() or writer.is_alive())
        page = ArticlePage.objects.get(pk=article.pk)
        self.assertFalse(page.stale)
        self.assertIn("The corrected title", page.content)
        self.assertContains(self.client.get(article.get_absolute_url()), "The corrected title")
