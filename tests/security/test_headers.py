"""Clickjacking and Content Security Policy headers on every kind of page, public and admin,
including cached pages, error pages and the lockout page. (tests/security/test_browser_security.py
checks that browsers obey them.)"""

import pytest
from django.test import Client
from django.utils import timezone

from tests.review.factories import make_article, make_user

PUBLIC = ["/", "/articles/", "/search/?q=magnesium", "/search/", "/how-we-review/", "/reference/",
          "/reference/foods/", "/reference/forms/", "/reference/conditions/", "/reference/intake/", "/feeds/rss/",
          "/sitemap.xml", "/robots.txt", "/no-such-page/"]
ADMIN = ["/admin/login/", "/admin/", "/admin/articles/article/", "/admin/articles/article/add/",
         "/admin/review/reviewqueueitem/", "/admin/reference/source/import/"]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_not_frameable(response, url):
    assert response["X-Frame-Options"] == "DENY", url
    assert directives(response)["frame-ancestors"] == ["'none'"], url


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_cannot_be_framed_and_run_only_their_own_scripts(client, url):
    for attempt in ("miss", "hit"):  # the page cache replays content, middleware adds headers again
        response = client.get(url)
        assert_not_frameable(response, f"{url} ({attempt})")
        policy = directives(response)
        assert policy["script-src"][0] == "'self'", url
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], url
        assert policy["style-src"] == ["'self'"], url  # public pages have no inline styles
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], url
        assert policy["form-action"] == ["'self'"], url


@pytest.mark.django_db
@pytest.mark.parametrize("url", ADMIN)
def test_admin_pages_cannot_be_framed_and_allow_inline_styles_only(client, url):
    if url != "/admin/login/":
        client.force_login(make_user(superuser=True))
    response = client.get(url)
    assert response.status_code == 200, url
    assert_not_frameable(response, url)
    policy = directives(response)
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]  # CKEditor 4 writes inline styles


@pytest.mark.django_db
def test_article_page_and_error_pages_carry_the_headers(client):
    article = make_article(author=make_user("Editor"), status="published", published_at=timezone.now())
    for url, status in ((article.get_absolute_url(), 200), ("/articles/nope/", 404), ("/articles/?page=x", 404)):
        response = Client().get(url)
        assert response.status_code == status
        assert_not_frameable(response, url)
    response = client.post("/articles/")
    assert response.status_code == 405
    assert response["X-Frame-Options"] == "DENY"
