"""Whole-page cache: served to anonymous readers, invalidated by any content write, never leaking."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory, TestCase, override_settings
from django.utils.csp import LazyNonce

from articles.models import FAQ
from articles.services import article_write
from magsite import cache as page_cache
from reference.models import Food, FoodGroup
from review import workflow
from tests.articles.reader_helpers import make_article, make_profile, make_sources, make_staff
from tests.helpers import make_live

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

    def test_only_paths_served_by_cacheable_views_are_looked_up_before_the_stack(self):
        """A page that is never cached costs no cache read; a public page is looked up once its view
        is known (and cached), and from then on before the stack runs (no URL resolution)."""
        from unittest import mock

        page_cache._KNOWN_PATHS.clear()
        url = self.article.get_absolute_url()
        with mock.patch.object(page_cache, "_lookup", wraps=page_cache._lookup) as lookup:
            self.client.get("/healthz")
            self.assertEqual(lookup.call_count, 0)
            self.assertEqual(self.get(url)[HIT], "miss")  # looked up in process_view, then stored
            self.assertEqual(lookup.call_count, 1)
        with mock.patch("django.urls.resolvers.URLResolver.resolve") as resolve:
            self.assertEqual(self.get(url)[HIT], "hit")
            resolve.assert_not_called()

    def test_publishing_an_edit_shows_the_new_title_at_once(self):
        url = self.article.get_absolute_url()
        self.get(url)
        self.get("/")
        self.article.title = "Edited title"
        article_write(article=self.article)
        self.assertNotContains(self.get(url), "Edited title")  # a new revision, not published yet
        make_live(self.article)
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

    def test_tags_faqs_and_relations_reach_readers_when_published(self):
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
                article_write(article=self.article)  # a new revision: readers keep the live one
                self.assertNotContains(self.get(url), text)
                make_live(self.article)  # published: the cached page moves on at once
                self.assertContains(self.get(url), text)

    def test_unpublishing_removes_the_page_at_once(self):
        url = self.article.get_absolute_url()
        self.get(url)
        workflow.article_archive(article=self.article, user=get_user_model().objects.create_superuser("boss"))
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


def cached(view):
    """`view` marked with cache_public_page, called as Django's handler would call it with
    PageCacheMiddleware alone around it (process_view first)."""
    view = page_cache.cache_public_page(view)

    def get_response(request):
        response = middleware.process_view(request, view, (), {}) or view(request)
        if hasattr(response, "render") and callable(response.render):  # a TemplateResponse, as the handler does
            response = response.render()
        return response

    middleware = page_cache.PageCacheMiddleware(get_response)
    return middleware


class DecoratorTests(TestCase):
    """The cache's refusals, on a bare view with the cache middleware alone around it."""

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

        @cached
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
            wrapped = cached(view)
            wrapped(self.request())
            self.assertNotIn(HIT, wrapped(self.request()))

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_class_based_reference_views_can_be_wrapped(self):
        """How the reference pages apply it: cache_public_page(FoodListView.as_view()); sort is kept apart."""
        from reference.views import FoodListView

        view = cached(FoodListView.as_view())
        self.assertEqual(view(self.request("/reference/foods/"))[HIT], "miss")
        self.assertEqual(view(self.request("/reference/foods/"))[HIT], "hit")
        self.assertEqual(view(self.request("/reference/foods/?sort=name"))[HIT], "miss")

    @override_settings(PAGE_CACHE_SECONDS=300)
    def test_post_is_never_cached(self):
        wrapped = cached(lambda request: HttpResponse("x"))
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


@override_settings(PAGE_CACHE_SECONDS=300)
class EarlyServingTests(TestCase):
    """PageCacheMiddleware answers readers before the rest of the stack, with what the stack said."""

    @classmethod
    def setUpTestData(cls):
        cls.article = make_article("Served early", sources=make_sources(2), tags=["sleep"])

    def setUp(self):
        cache.clear()

    def test_a_hit_carries_exactly_the_headers_of_the_miss_that_stored_it(self):
        for url in (self.article.get_absolute_url(), "/", "/articles/?page=1", "/search/?q=served",
                    "/reference/foods/?sort=name", "/feeds/rss/", "/sitemap.xml", "/robots.txt"):
            with self.subTest(url=url):
                miss = self.client.get(url)
                hit = self.client.get(url)
                self.assertEqual((miss[HIT], hit[HIT]), ("miss", "hit"))
                self.assertEqual(hit.content, miss.content)
                self.assertEqual({k: v for k, v in hit.items() if k != HIT}, {k: v for k, v in miss.items() if k != HIT})
                for header in ("Content-Security-Policy", "X-Frame-Options", "Vary", "Referrer-Policy",
                               "Cross-Origin-Opener-Policy", "X-Content-Type-Options", "Content-Type",
                               "Content-Length"):
                    self.assertIn(header, hit, header)

    def test_a_readers_hit_skips_sessions_and_url_routing(self):
        url = self.article.get_absolute_url()
        self.client.get(url)
        hit = self.client.get(url)
        self.assertEqual(hit[HIT], "hit")
        self.assertFalse(hasattr(hit.wsgi_request, "session"))  # SessionMiddleware never ran
        self.assertFalse(hasattr(hit.wsgi_request, "user"))
        self.assertIsNone(hit.wsgi_request.resolver_match)  # nor did URL resolution

    def test_head_is_served_a_page_a_get_stored_but_never_stores_one(self):
        url = self.article.get_absolute_url()
        head = self.client.head(url)
        self.assertEqual(head.status_code, 200)
        self.assertNotIn(HIT, head)
        self.assertEqual(self.client.get(url)[HIT], "miss")
        head = self.client.head(url)
        self.assertEqual((head.status_code, head[HIT]), (200, "hit"))
        self.assertEqual(head.content, b"")

    def test_a_conditional_request_gets_the_page_as_a_miss_would(self):
        """No conditional GET anywhere in the stack: a hit answers 200 with the page, like a miss."""
        url = "/feeds/rss/"
        miss = self.client.get(url, HTTP_IF_MODIFIED_SINCE="Wed, 01 Jan 2100 00:00:00 GMT")
        hit = self.client.get(url, HTTP_IF_MODIFIED_SINCE="Wed, 01 Jan 2100 00:00:00 GMT")
        self.assertEqual((miss.status_code, hit.status_code, hit[HIT]), (200, 200, "hit"))
        self.assertEqual(hit.content, miss.content)

    def test_a_messages_cookie_takes_the_full_stack_and_is_still_served_the_cached_page(self):
        url = self.article.get_absolute_url()
        self.client.get(url)
        self.client.cookies["messages"] = "pending"
        hit = self.client.get(url)
        self.assertEqual(hit[HIT], "hit")
        self.assertIsNotNone(hit.wsgi_request.resolver_match)  # looked up in process_view, after routing

    def test_a_signed_in_editor_with_a_session_is_never_served_a_cached_page(self):
        url = self.article.get_absolute_url()
        self.client.get(url)
        self.client.force_login(make_staff())
        response = self.client.get(url)
        self.assertNotIn(HIT, response)
        self.assertFalse(response.context is None)  # rendered for them

    def test_a_response_that_varies_on_more_than_the_cookie_is_not_stored(self):
        def view(request):
            response = HttpResponse("x")
            response["Vary"] = "Accept-Language"
            return response

        wrapped = cached(view)
        factory = RequestFactory()
        for _ in range(2):
            request = factory.get("/x/")
            request.user = AnonymousUser()
            response = wrapped(request)
            self.assertNotIn(HIT, response)
            self.assertEqual(response["Vary"], "Accept-Language, Cookie")


@override_settings(PAGE_CACHE_SECONDS=300, MAGSITE_SEARCH_RATE="3/m")
class CachedSearchRateLimitTests(TestCase):
    """Search is served from the cache early, and every page served counts against the reader's limit."""

    @classmethod
    def setUpTestData(cls):
        make_article("Rate limited magnesium")

    def setUp(self):
        cache.clear()

    def assert_limited(self, client):
        statuses = [client.get("/search/", {"q": "magnesium"}) for _ in range(4)]
        self.assertEqual([r.status_code for r in statuses], [200, 200, 200, 429])
        self.assertEqual([r.get(HIT) for r in statuses[:3]], ["miss", "hit", "hit"])
        refused = statuses[3]
        self.assertNotIn(HIT, refused)
        self.assertIn("Content-Security-Policy", refused)  # refused by the view, through the whole stack
        self.assertEqual(refused["X-Frame-Options"], "DENY")
        self.assertIn("Retry-After", refused)

    def test_cookieless_readers_hits_count(self):
        self.assert_limited(self.client)

    def test_hits_looked_up_after_the_session_count_too(self):
        session = self.client.session
        session["seen_banner"] = True
        session.save()
        self.client.cookies["sessionid"] = session.session_key
        self.assert_limited(self.client)

    def test_other_cached_pages_are_not_limited(self):
        self.assert_limited(self.client)
        for _ in range(5):
            self.assertEqual(self.client.get("/articles/").status_code, 200)
