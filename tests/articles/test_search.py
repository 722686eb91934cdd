"""Search: finds published articles by title and text, highlights safely, survives odd input."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import SimpleTestCase, TestCase

from articles.models import Article
from articles.search import (
    MAX_QUERY_LENGTH,
    START_SEL,
    STOP_SEL,
    clean_query,
    highlight_sentinels,
    highlight_terms,
    search_articles,
)
from tests.articles.reader_helpers import make_article


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.title_hit = make_article(
            "Glycinate and sleep", days_ago=5,
            body="<p>What the trials in older adults found about falling asleep.</p>")
        cls.body_hit = make_article(
            "Choosing a supplement", days_ago=1,
            body="<p>Labels list the compound weight. A glycinate capsule of 500 mg holds about 70 mg of "
                 "magnesium, so read the elemental amount.</p>")
        cls.draft = make_article("Glycinate draft", status=Article.Status.DRAFT, published_at=None)

    def setUp(self):
        cache.clear()

    def test_finds_by_title_and_body_title_matches_first(self):
        response = self.client.get("/search/", {"q": "glycinate"})
        self.assertEqual(response.status_code, 200)
        results = response.context["articles"]
        self.assertEqual([a.title for a in results], ["Glycinate and sleep", "Choosing a supplement"])
        self.assertNotContains(response, "Glycinate draft")

    def test_snippet_highlights_the_match_in_the_body(self):
        response = self.client.get("/search/", {"q": "glycinate"})
        snippet = str(response.context["articles"][1].snippet)
        self.assertIn("<mark>glycinate</mark>", snippet.lower())
        self.assertContains(response, "<mark>")

    def test_empty_query_shows_a_helpful_empty_state(self):
        for url in ("/search/", "/search/?q=", "/search/?q=%20%20"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "What would you like to find?")
                self.assertContains(response, 'href="/reference/"')

    def test_no_results_says_so_and_suggests_where_to_look(self):
        response = self.client.get("/search/", {"q": "zzyzx"})
        self.assertContains(response, "No articles match")
        self.assertContains(response, "zzyzx")

    def test_odd_and_hostile_queries_return_200_and_are_escaped(self):
        queries = ["a" * 5000, '"glycinate', "'", '"', "%", "_", "%_%", "\\", "<script>alert(1)</script>",
                   "glycinate OR 1=1", "-", "!!!", "glycinate & sleep | (", START_SEL + "x" + STOP_SEL, "\x00"]
        for query in queries:
            with self.subTest(query=query[:30]):
                response = self.client.get("/search/", {"q": query})
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertNotIn("<script>alert(1)</script>", html)
                self.assertNotIn(START_SEL, html)

    def test_long_query_is_cut_to_the_limit_and_the_reader_told(self):
        response = self.client.get("/search/", {"q": "glycinate " + "x" * 5000})
        self.assertEqual(len(response.context["search_query"]), MAX_QUERY_LENGTH)
        self.assertContains(response, "only its first 200 characters")

    def test_percent_and_underscore_match_literally(self):
        make_article("Percent 100% test", body="<p>a plain_word here</p>")
        self.assertEqual([a.title for a in search_articles("100%")], ["Percent 100% test"])
        self.assertEqual([a.title for a in search_articles("plain_word")], ["Percent 100% test"])
        if not settings.IS_POSTGRES:  # full-text search ignores punctuation; the fallback matches it literally
            self.assertEqual([a.title for a in search_articles("%")], ["Percent 100% test"])

    def test_results_paginate(self):
        for i in range(12):
            make_article(f"Cramps article {i}")
        first = self.client.get("/search/", {"q": "cramps"})
        self.assertEqual(first.context["page_obj"].paginator.count, 12)
        self.assertContains(first, 'href="/search/?q=cramps&amp;page=2"')
        self.assertEqual(len(self.client.get("/search/", {"q": "cramps", "page": 2}).context["articles"]), 2)


@pytest.mark.skipif(not settings.IS_POSTGRES, reason="PostgreSQL full-text search runs only on PostgreSQL")
class PostgresSearchTests(TestCase):
    def test_ranks_title_over_body_and_stems_words(self):
        body_only = make_article("Foods to know", body="<p>Some people take magnesium for sleeping badly.</p>")
        title = make_article("Magnesium and sleep", body="<p>Unrelated words about nothing much.</p>")
        results = list(search_articles("sleeps"))
        self.assertEqual([r.article for r in results], [title, body_only])
        self.assertEqual([r.pk for r in results], [title.live_revision_id, body_only.live_revision_id])
        self.assertGreater(results[0].rank, results[1].rank)

    def test_headline_is_highlighted_and_escaped(self):
        make_article("Escaping", body="<p>Dose &lt;b&gt;bold&lt;/b&gt; claims &amp; cramps in the calf.</p>")
        response = self.client.get("/search/", {"q": "cramps"})
        snippet = str(response.context["articles"][0].snippet)
        self.assertIn("<mark>cramps</mark>", snippet)
        self.assertNotIn("<b>", snippet)
        self.assertIn("&amp;", snippet)

    def test_websearch_syntax_is_safe(self):
        make_article("Leg cramps", body="<p>Night cramps.</p>")
        for query in ['"leg cramps"', "cramps -pregnancy", "cramps OR migraine", "& | ! ( ) :*"]:
            with self.subTest(query=query):
                list(search_articles(query))


class HighlightTests(SimpleTestCase):
    def test_terms_are_marked_and_everything_else_escaped(self):
        snippet = highlight_terms("Take <b>magnesium</b> & rest", ["magnesium"])
        self.assertEqual(str(snippet), "Take &lt;b&gt;<mark>magnesium</mark>&lt;/b&gt; &amp; rest")

    def test_term_that_looks_like_markup_is_escaped(self):
        snippet = highlight_terms("a <script> tag", ["<script>"])
        self.assertEqual(str(snippet), "a <mark>&lt;script&gt;</mark> tag")

    def test_window_starts_near_the_first_match(self):
        text = "word " * 200 + "glycinate capsule " + "word " * 50
        snippet = str(highlight_terms(text, ["glycinate"]))
        self.assertTrue(snippet.startswith("…"))
        self.assertIn("<mark>glycinate</mark>", snippet)
        self.assertLess(len(snippet), 300)

    def test_citation_markers_do_not_show_in_snippets(self):
        self.assertNotIn("cite", str(highlight_terms("Cramps.[[cite:pmid:32956536]] More", ["cramps"])))

    def test_sentinels_become_marks_after_escaping(self):
        text = f"Dose {START_SEL}cramps{STOP_SEL} <i>x</i> {START_SEL}lone"
        self.assertEqual(str(highlight_sentinels(text)), "Dose <mark>cramps</mark> &lt;i&gt;x&lt;/i&gt; lone")

    def test_clean_query_bounds_length_and_whitespace(self):
        self.assertEqual(clean_query("  a \n b  "), "a b")
        self.assertEqual(len(clean_query("x" * 5000)), MAX_QUERY_LENGTH)


@pytest.mark.skipif(not settings.IS_POSTGRES, reason="PostgreSQL full-text search runs only on PostgreSQL")
@pytest.mark.django_db
def test_postgres_search_uses_the_stored_gin_indexed_vector():
    """No to_tsvector over every article per search: the plan matches and ranks on the stored column
    (which has a GIN index; the planner picks it once the table is big enough to matter)."""
    from django.db import connection

    from articles.search import _search_postgres

    sql, params = _search_postgres("magnesium sleep").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_vector @@" in plan, plan
    assert "to_tsvector" not in plan, plan
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_revision_search_gin'")
        assert "gin (search_vector)" in cursor.fetchone()[0].lower()
