"""Long or odd search queries answer quickly, with a bounded number of queries and no injected markup."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.search import MAX_QUERY_LENGTH
from bench import data

ODD_QUERIES = {
    "5,000 characters": "magnesium sleep " * 312 + "zz",
    "5,000 characters, one word": "m" * 5000,
    "quotes": '"magnesium "sleep\' \'" ""',
    "percent and underscore": "100% mag_nesium %_% _",
    "backslashes": "\\magnesium\\ \\\\ \\'",
    "NUL bytes": "magne\x00sium\x00 \x00",
    "script": "<script>alert(1)</script> magnesium",
    "websearch operators": "-magnesium OR or \"\" - -- sleep OR",
    "many words": " ".join(f"w{i}" for i in range(400)),
    "unicode": "magnésium 睡眠 \U0001f600 \u202e",
}


def count(client, query):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get("/search/", {"q": query})
        elapsed = time.perf_counter() - started
    return response, len(queries.captured_queries), elapsed


@pytest.fixture
def articles(db, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request really searches
    data.build(articles=4, words=300)


@pytest.mark.parametrize("name", ODD_QUERIES)
def test_odd_query_answers_quickly_with_bounded_work(client, articles, name):
    """As many queries as an ordinary search (whatever the length), a 200, well under a second."""
    _, ordinary, _ = count(client, "magnesium")
    _, no_match, _ = count(client, "zzyzx")
    response, queries, elapsed = count(client, ODD_QUERIES[name])
    assert response.status_code == 200
    assert queries <= max(ordinary, no_match), f"{name}: {queries} queries"
    assert elapsed < 1.0, f"{name}: {elapsed:.2f} s"
    assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH
    assert b"<script>alert" not in response.content
    assert b"\x00" not in response.content
