"""What a reader can send is bounded: only GET, a capped search query, bounded page numbers,
bounded request size and field count, and a per-address rate limit on search."""

import pytest
from django.test import Client, override_settings

from articles.search import MAX_QUERY_LENGTH
from magsite.ratelimit import client_ip, parse_rate
from tests.review.factories import make_article, make_user

PUBLIC_PAGES = ["/", "/articles/", "/search/?q=magnesium", "/how-we-review/", "/reference/", "/reference/foods/",
                "/reference/forms/", "/reference/conditions/", "/reference/intake/", "/feeds/rss/", "/feeds/atom/",
                "/sitemap.xml", "/robots.txt"]


@pytest.fixture
def published(db):
    author = make_user("Editor")
    return [make_article(author=author, status="published", published_at=_an_hour_ago(), tags=["sleep"])
            for _ in range(3)]


def _an_hour_ago():
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() - timedelta(hours=1)


# Search rate limit.


def test_the_default_search_rate_is_60_a_minute():
    import magsite.settings  # the real settings module (tests.settings raises the rate for the suites)

    assert magsite.settings.MAGSITE_SEARCH_RATE == "60/m"


@override_settings(MAGSITE_SEARCH_RATE="5/m")
def test_search_over_the_rate_gets_429_with_retry_after(published):
    reader = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(5):
        assert reader.get("/search/", {"q": f"magnesium {n % 2}"}).status_code == 200
    response = reader.get("/search/", {"q": "magnesium"})  # a cached page counts too
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "no-store" in response["Cache-Control"]
    assert "Too many searches" in response.content.decode()
    assert "Content-Security-Policy" in response  # still a page of the site, with its headers
    # Another reader, and this reader's other pages, are unaffected.
    assert Client(REMOTE_ADDR="203.0.113.8").get("/search/", {"q": "magnesium"}).status_code == 200
    assert reader.get("/articles/").status_code == 200


@override_settings(MAGSITE_SEARCH_RATE="2/m", MAGSITE_BEHIND_PROXY=False)
def test_a_forged_forwarded_for_header_does_not_dodge_the_limit(published):
    for n in range(3):
        response = Client(REMOTE_ADDR="203.0.113.9").get(
            "/search/", {"q": "magnesium"}, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert response.status_code == 429


@override_settings(MAGSITE_SEARCH_RATE="2/m", MAGSITE_BEHIND_PROXY=True)
def test_behind_the_proxy_each_reader_is_counted_by_the_address_the_proxy_saw(published):
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for _ in range(2):
        assert proxy.get("/search/", {"q": "m"}, HTTP_X_FORWARDED_FOR="evil, 198.51.100.20").status_code == 200
    # The reader's forged first entry changes nothing: the last entry (added by our proxy) counts.
    assert proxy.get("/search/", {"q": "m"}, HTTP_X_FORWARDED_FOR="forged, 198.51.100.20").status_code == 429
    assert proxy.get("/search/", {"q": "m"}, HTTP_X_FORWARDED_FOR="198.51.100.21").status_code == 200


def test_client_ip_ignores_forwarded_for_unless_behind_the_proxy(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.2")
    settings.MAGSITE_BEHIND_PROXY = False
    assert client_ip(request) == "10.0.0.2"
    settings.MAGSITE_BEHIND_PROXY = True
    assert client_ip(request) == "1.2.3.4"
    # Not an address (a misconfigured proxy, a request built in code): the next best, or None.
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="<script>", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"
    request = rf.get("/")
    del request.META["REMOTE_ADDR"]
    assert client_ip(request) is None


@pytest.mark.parametrize("rate, expected", [("60/m", (60, 60)), ("5/s", (5, 1)), (" 1000 / h ", (1000, 3600))])
def test_rates_parse(rate, expected):
    assert parse_rate(rate) == expected


@pytest.mark.parametrize("rate", ["", "60", "60/min", "-1/m", "a/m", None])
def test_a_malformed_rate_is_a_configuration_error(rate):
    with pytest.raises(ValueError, match="not like '60/m'"):
        parse_rate(rate)


# Query and page bounds.


def test_search_query_is_capped_and_the_reader_told(published):
    response = Client().get("/search/", {"q": "magnesium " * 1000})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH == 200
    assert f"only its first {MAX_QUERY_LENGTH} characters were used" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999999", "9" * 5000, "1e3", "1.5", "%00", " ", "0x10", "²"])
def test_page_numbers_out_of_range_or_not_numbers_are_404_never_500(published, page):
    author = published[0].authors.get()
    for url, params in (("/articles/", {}), ("/search/", {"q": "magnesium"}), ("/topics/sleep/", {}),
                        (author.get_absolute_url(), {})):
        assert Client().get(url, {**params, "page": "1"}).status_code == 200, url
        response = Client().get(url, {**params, "page": page})
        assert response.status_code == 404, (url, page)


def test_page_two_exists_only_when_there_is_a_second_page(published):
    assert Client().get("/articles/", {"page": "1"}).status_code == 200
    assert Client().get("/articles/", {"page": "2"}).status_code == 404


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_very_long_query_strings_are_handled(db, url):
    separator = "&" if "?" in url else "?"
    response = Client().get(f"{url}{separator}q={'x' * 50_000}&junk={'y' * 50_000}")
    assert response.status_code == 200, url


def test_a_very_long_path_is_a_404(db):
    assert Client().get("/articles/" + "a" * 20_000 + "/").status_code == 404
    assert Client().get("/" + "b/" * 5_000).status_code == 404


def test_too_many_fields_is_a_400_for_get_and_post(db):
    params = "&".join(f"f{n}=1" for n in range(1_100))
    assert Client().get(f"/search/?{params}").status_code == 400
    assert Client().post("/admin/login/", {f"f{n}": "1" for n in range(1_100)}).status_code == 400


def test_an_oversized_post_body_is_a_400(db):
    body = {"username": "x", "password": "y", "filler": "z" * (5 * 1024 * 1024 + 1)}
    assert Client().post("/admin/login/", body).status_code == 400


# Readers can only read.


@pytest.mark.parametrize("url", PUBLIC_PAGES + ["/articles/some-article/", "/topics/sleep/", "/authors/someone/"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_public_pages_refuse_anything_but_reading(db, url, method):
    """405 where the view says so; a POST with no CSRF token gets 403 before any view runs."""
    response = getattr(Client(enforce_csrf_checks=True), method)(url)
    assert response.status_code in (403, 405), (method, url, response.status_code)
    response = getattr(Client(), method)(url)  # even with CSRF out of the way
    assert response.status_code == 405, (method, url, response.status_code)
