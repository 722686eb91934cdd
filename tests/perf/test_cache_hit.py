"""The page cache's hit path, as the benchmark relies on it: no query, no session, same headers."""

import pytest
from django.core.cache import cache

from bench import data
from magsite import cache as page_cache


@pytest.fixture
def article_url(db, settings):
    settings.PAGE_CACHE_SECONDS = 300
    info = data.build(articles=1, words=200)
    cache.clear()
    return f"/articles/{info.article_slug}/"


def test_a_readers_cache_hit_runs_no_query_and_still_varies_on_cookie(client, article_url,
                                                                     django_assert_num_queries):
    first = client.get(article_url)
    assert first["X-MagSite-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(article_url)
    assert second["X-MagSite-Cache"] == "hit"
    assert second.content == first.content
    assert second["Vary"] == first["Vary"] == "Cookie"
    assert not second.cookies


def test_a_page_stored_under_an_older_version_is_rendered_again(client, article_url):
    client.get(article_url)
    assert client.get(article_url)["X-MagSite-Cache"] == "hit"
    page_cache.bump()
    assert client.get(article_url)["X-MagSite-Cache"] == "miss"
    assert client.get(article_url)["X-MagSite-Cache"] == "hit"


def test_a_session_without_a_user_is_still_served_from_the_cache(client, article_url):
    session = client.session
    session["seen_banner"] = True
    session.save()
    client.cookies["sessionid"] = session.session_key
    client.get(article_url)
    assert client.get(article_url)["X-MagSite-Cache"] == "hit"


def test_a_signed_in_editor_is_never_served_the_cached_page(client, article_url, django_user_model):
    client.get(article_url)
    client.force_login(django_user_model.objects.create_user("ed", password="x", is_staff=True))
    assert "X-MagSite-Cache" not in client.get(article_url)
