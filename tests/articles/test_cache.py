"""Whole-page cache: served to anonymous readers, invalidated by any content write, never leaking."""

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory, TestCase, override_settings
from django.utils.csp import LazyNonce

from articles import cache as page_cache
from articles.models import FAQ, Article
from reference.models import Food, FoodGroup
from tests.articles.reader_helpers import make_article, make_profile, make_sources, make_staff

HIT = "X-MagSite-Cache"


@override_settings(PAGE_CACHE_SECONDS=300)
class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.sources = make_sources(2)
        cls.article = make_article("Original title", sources=cls.sources, tags=["sleep"])
        cls.food = Food.objects.create(name="Pumpkin seeds, roasted", serving="1 oz", magnesium_mg=156,
                                       food_group=FoodGroup.SEEDS_NUTS, source=cls.sources[0])

    def setUp(self):
        cache.clear()

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_second_anonymous_request_is_served_from_the_cache(self):
        url = self.article.get_absolute_url()
        self.assertEqual(self.get(url)[HIT], "miss")
        second = self.get(url)
        self.assertEqual(second[HIT], "hit")
        self.assertContains(second, "Original title")
        self.assertIn("Content-Security-Policy", second)  # middleware headers are added to hits too

    def test_editing_an_article_shows_the_new_title_at_once(self):
        url = self.article.get_absolute_url()
        self.get(url)
        self.get("/")
        self.article.title = "Edited title"
        self.article.save()
        self.assertContains(self.get(url), "Edited title")
        self.assertContains(self.get("/"), "Edited title")

    def test_editing_a_reference_record_invalidates_pages_that_show_it(self):
        self.assertContains(self.get("/"), "Pumpkin seeds, roasted")
        self.food.name = "Pumpkin kernels, roasted"
        self.food.save()
        self.assertContains(self.get("/"), "Pumpkin kernels, roasted")

    def test_editing_a_cited_source_invalidates_the_article_page(self):
        url = self.article.get_absolute_url()
        self.get(url)
        source = self.sources[0]
        source.title = "A corrected source title"
        source.save()
        self.assertContains(self.get(url), "A corrected source title")

    def test_tags_faqs_and_relations_invalidate(self):
        url = self.article.get_absolute_url()
        changes = [
            lambda: self.article.tags.add("cramps"),
            lambda: FAQ.objects.create(article=self.article, question="New question here?", answer="Yes."),
            lambda: self.article.related_foods.add(self.food),
            lambda: self.article.authors.add(make_profile("Late Coauthor")),
        ]
        expected = ["/topics/cramps/", "New question here?", "Pumpkin seeds, roasted", "Late Coauthor"]
        for change, text in zip(changes, expected, strict=True):
            with self.subTest(text=text):
                self.assertNotContains(self.get(url), text)
                change()
                self.assertContains(self.get(url), text)

    def test_unpublishing_removes_the_page_at_once(self):
        url = self.article.get_absolute_url()
        self.get(url)
        self.article.status = Article.Status.ARCHIVED
        self.article.save()
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_signed_in_users_never_get_or_fill_the_cache(self):
        url = self.article.get_absolute_url()
        self.client.force_login(make_staff())
        self.assertNotIn(HIT, self.get(url))
        self.assertNotIn(HIT, self.get(url))
        self.client.logout()
        self.assertEqual(self.get(url)[HIT], "miss")

    def test_unexpected_query_parameters_bypass_the_cache(self):
        self.get("/articles/?utm_source=x")
        self.assertNotIn(HIT, self.get("/articles/?utm_source=x"))
        self.get("/articles/?page=1")
        self.assertEqual(self.get("/articles/?page=1")[HIT], "hit")

    def test_404s_are_not_cached(self):
        self.client.get("/articles/no-such-article/")
        self.assertNotIn(HIT, self.client.get("/articles/no-such-article/"))

    def test_cached_pages_carry_no_csp_nonce(self):
        for url in ("/", "/articles/", self.article.get_absolute_url(), "/search/?q=title", "/feeds/rss/"):
            with self.subTest(url=url):
                response = self.get(url)
                self.assertEqual(response[HIT], "miss")
                self.assertNotIn(b"nonce", response.content)
                self.assertNotIn("nonce-", response["Content-Security-Policy"])

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_zero_seconds_turns_the_cache_off(self):
        self.get("/")
        self.assertNotIn(HIT, self.get("/"))


class DecoratorTests(TestCase):
    """The decorator's refusals, on a bare view (no middleware)."""

    def setUp(self):
        cache.clear()
        self.factory = RequestFactory()

    def request(self, path="/x/"):
        request = self.factory.get(path)
        request.user = AnonymousUser()
        request._csp_nonce = LazyNonce()
        return request

    def test_a_response_that_used_the_nonce_is_not_cached(self):
        template = engines["django"].from_string('<script nonce="{{ csp_nonce }}">1</script>')

        @page_cache.cache_public_page
        def view(request):
            return HttpResponse(template.render({"csp_nonce": request._csp_nonce}))

        first = view(self.request())
        self.assertNotIn(HIT, first)
        self.assertNotIn(HIT, view(self.request()))

    def test_private_no_store_and_cookie_setting_responses_are_not_cached(self):
        def private(request):
            response = HttpResponse("x")
            response["Cache-Control"] = "private, no-store"
            return response

        def cookie(request):
            response = HttpResponse("x")
            response.set_cookie("a", "b")
            return response

        for view in (private, cookie):
            wrapped = page_cache.cache_public_page(view)
            wrapped(self.request())
            self.assertNotIn(HIT, wrapped(self.request()))

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_class_based_reference_views_can_be_wrapped(self):
        """How the reference pages apply it: cache_public_page(FoodListView.as_view()); sort is kept apart."""
        from reference.views import FoodListView

        view = page_cache.cache_public_page(FoodListView.as_view())
        self.assertEqual(view(self.request("/reference/foods/"))[HIT], "miss")
        self.assertEqual(view(self.request("/reference/foods/"))[HIT], "hit")
        self.assertEqual(view(self.request("/reference/foods/?sort=name"))[HIT], "miss")

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_post_is_never_cached(self):
        wrapped = page_cache.cache_public_page(lambda request: HttpResponse("x"))
        request = self.factory.post("/x/")
        request.user = AnonymousUser()
        wrapped(request)
        self.assertNotIn(HIT, wrapped(request))


class VersionTests(TestCase):
    def setUp(self):
        cache.clear()

    def test_bump_moves_the_version_on(self):
        before = page_cache.get_version()
        page_cache.bump()
        self.assertGreater(page_cache.get_version(), before)

    def test_a_lost_version_never_returns_to_an_old_number(self):
        old = page_cache.get_version()
        cache.delete(page_cache.VERSION_KEY)
        self.assertGreater(page_cache.get_version(), old)

    def test_writes_inside_a_transaction_bump_again_on_commit(self):
        article = make_article("Versioned")
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            before = page_cache.get_version()
            article.save()
            after_save = page_cache.get_version()
        self.assertGreater(after_save, before)
        self.assertGreaterEqual(len(callbacks), 1)
        self.assertGreater(page_cache.get_version(), after_save)
