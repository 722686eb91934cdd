"""RSS and Atom feeds, read back with feedparser as a feed reader would."""

import feedparser
from django.conf import settings
from django.core.cache import cache
from django.test import TestCase

from articles.models import Article
from tests.articles.reader_helpers import make_article, make_profile
from tests.helpers import make_live


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.writer = make_profile("Maya Okafor")
        cls.older = make_article("Magnesium-rich foods", tags=["foods"], authors=[cls.writer], days_ago=5,
                                 standfirst="Seeds, beans and greens [[cite:pmid:1]] compared.")
        cls.newer = make_article("Glycinate & sleep <evidence>", tags=["sleep"], authors=[cls.writer], days_ago=1)
        cls.draft = make_article("Unpublished draft", status=Article.Status.DRAFT, published_at=None)
        cls.in_review = make_article("Still in review", status=Article.Status.IN_REVIEW)

    def setUp(self):
        cache.clear()

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        return response, feed

    def test_rss_lists_published_articles_newest_first_with_public_links(self):
        response, feed = self.parse("/feeds/rss/")
        self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
        self.assertEqual(feed.version, "rss20")
        self.assertEqual([e.title for e in feed.entries], ["Glycinate & sleep <evidence>", "Magnesium-rich foods"])
        self.assertEqual(feed.entries[0].link, settings.SITE_URL + self.newer.get_absolute_url())
        self.assertEqual(feed.feed.link, settings.SITE_URL + "/articles/")

    def test_atom_lists_the_same_articles_with_authors_and_categories(self):
        response, feed = self.parse("/feeds/atom/")
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
        self.assertEqual(feed.version, "atom10")
        entries = {e.title: e for e in feed.entries}
        self.assertEqual(set(entries), {"Glycinate & sleep <evidence>", "Magnesium-rich foods"})
        foods = entries["Magnesium-rich foods"]
        self.assertEqual(foods.link, settings.SITE_URL + self.older.get_absolute_url())
        self.assertEqual(foods.author, "Maya Okafor")
        self.assertEqual([t.term for t in foods.tags], ["foods"])
        self.assertNotIn("[[cite:", foods.summary)

    def test_feeds_never_contain_unpublished_articles(self):
        for url in ("/feeds/rss/", "/feeds/atom/"):
            with self.subTest(url=url):
                _response, feed = self.parse(url)
                titles = {e.title for e in feed.entries}
                self.assertNotIn("Unpublished draft", titles)
                self.assertNotIn("Still in review", titles)

    def test_feed_is_refreshed_when_an_article_is_published(self):
        self.parse("/feeds/rss/")
        make_live(self.draft, published_at=self.newer.published_at)  # as the workflow's publish would
        _response, feed = self.parse("/feeds/rss/")
        self.assertIn("Unpublished draft", {e.title for e in feed.entries})
