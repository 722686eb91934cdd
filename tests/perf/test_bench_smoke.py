"""The benchmark's own code, run small so it cannot rot: data builder, query counts, wrk parsing."""

import pytest
from django.test import SimpleTestCase

from articles.citations import resolve_markers
from articles.models import Article, ArticleCitation, ArticlePage
from articles.sanitize import clean_html
from bench import data, pages
from bench.httpload import parse_wrk
from moderation.html import html_to_text


@pytest.mark.django_db
def test_query_counts_are_the_same_for_3_and_6_articles():
    """Every page in the benchmark's table runs as many queries with 6 articles as with 3."""
    info = data.build(articles=3, words=300)
    small = pages.query_counts(info)
    data.build(articles=3, words=300)
    large = pages.query_counts(info)
    assert Article.objects.published().count() == 6
    assert set(small) == {page.name for page in pages.pages(info)}
    assert small == large


@pytest.mark.django_db
def test_built_articles_are_what_saving_them_would_store():
    """Bulk-built rows match what Article.save() and the citation service would have written."""
    data.build(articles=2, words=400)
    for article in Article.objects.filter(slug__startswith=data.SLUG_PREFIX):
        assert clean_html(article.body) == article.body
        assert html_to_text(article.body) == article.body_text
        numbered = list(ArticleCitation.objects.filter(article=article).order_by("number")
                        .values_list("source_id", flat=True))
        assert [source.pk for source in resolve_markers(article.body)] == numbered
        assert len(numbered) == 20
        assert article.tags.count() == 8
        assert article.claims.count() == 15
        assert article.flags.count() == 10
        assert len(article.body_text.split()) >= 400
        # Stored as an editor's save would have stored it, so the benchmark measures readers' path.
        assert ArticlePage.objects.filter(article=article, stale=False).exists()


WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/x/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    15.54ms    3.84ms  41.12ms   77.16%
    Req/Sec     1.03k    75.60     1.21k    70.00%
  Latency Distribution
     50%   14.87ms
     75%   16.60ms
     90%   19.92ms
     99%   30.32ms
  10252 requests in 5.01s, 344.61MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:   2046.15
Transfer/sec:     68.77MB
"""


class WrkParsingTests(SimpleTestCase):
    def test_rate_latency_and_errors_are_read_from_wrk_output(self):
        result = parse_wrk(WRK_OUTPUT, "http://127.0.0.1:8000/x/")
        self.assertEqual(result.rps, 2046.15)
        self.assertEqual(result.requests, 10252)
        self.assertAlmostEqual(result.p50_ms, 14.87)
        self.assertAlmostEqual(result.p99_ms, 30.32)
        self.assertEqual(result.non_2xx, 7)
        self.assertEqual(result.socket_errors, 3)

    def test_exact_status_counts_from_the_lua_script_win_over_wrks_summary(self):
        """wrk counts 3xx as success; the Lua script's STATUS lines count every status."""
        result = parse_wrk(WRK_OUTPUT + "STATUS 200 10000\nSTATUS 302 250\nSTATUS 500 2\n", "u")
        self.assertEqual(result.statuses, {200: 10000, 302: 250, 500: 2})
        self.assertEqual(result.non_2xx, 252)

    def test_microsecond_and_second_latencies(self):
        output = WRK_OUTPUT.replace("14.87ms", "870.00us").replace("30.32ms", "1.20s")
        result = parse_wrk(output, "u")
        self.assertAlmostEqual(result.p50_ms, 0.87)
        self.assertAlmostEqual(result.p99_ms, 1200.0)
