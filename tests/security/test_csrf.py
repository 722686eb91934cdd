"""Every state-changing request needs the CSRF token: without it, 403 and nothing changes.
GET requests never change state (the review screen's action URLs answer GET with 405).

Each forged POST is the request a browser would send from another site for a signed-in staff
member (their session cookie, no token). A positive control posts the same form *with* the token,
so the 403 is known to come from the CSRF check and not from a missing permission.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from reversion.models import Version

from articles.models import Article, AuthorProfile
from reference.models import Source
from review.models import Claim, Flag, RuleSetting
from review.roles import EDITOR, REVIEWER
from tests.review.factories import add_claim, add_flag, make_article, make_source, make_user
from tests.review.formdata import form_data

pytestmark = pytest.mark.django_db


def forged(user=None):
    """A client that enforces CSRF like a browser; signed in as `user` if given."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def token(client, url="/admin/"):
    client.get(url)
    return client.cookies["csrftoken"].value


@pytest.fixture
def admin_user():
    return make_user(superuser=True)


@pytest.fixture
def article(admin_user):
    return make_article(author=make_user(EDITOR))


def snapshot():
    """Everything the forged requests below could change."""
    return {
        "articles": list(Article.objects.order_by("pk").values_list("pk", "title", "status", "version")),
        "profiles": list(AuthorProfile.objects.order_by("pk").values_list("pk", "display_name")),
        "sources": list(Source.objects.order_by("pk").values_list("pk", "title")),
        "claims": list(Claim.objects.order_by("pk").values_list("pk", "status", "note")),
        "flags": list(Flag.objects.order_by("pk").values_list("pk", "status", "resolution_note")),
        "rules": list(RuleSetting.objects.order_by("pk").values_list("pk", "enabled", "severity")),
        "users": list(get_user_model().objects.order_by("pk").values_list("pk", "username", "password")),
        "versions": Version.objects.count(),
    }


def assert_forbidden_and_unchanged(client, url, data=None, **extra):
    data = {name: value for name, value in (data or {}).items() if name != "csrfmiddlewaretoken"}  # unknown to a forger
    before = snapshot()
    response = client.post(url, data, **extra)
    assert response.status_code == 403, (url, response.status_code)
    assert "CSRF" in response.content.decode(), url
    assert snapshot() == before, url


def test_admin_add_change_delete_and_actions_need_the_token(admin_user, article):
    client = forged(admin_user)
    add_form = form_data(client.get("/admin/articles/article/add/").content, "article_form")
    change_url = f"/admin/articles/article/{article.pk}/change/"
    change_form = form_data(client.get(change_url).content, "article_form")
    posts = {
        "/admin/articles/article/add/": {**add_form, "title": "Forged", "slug": "forged", "body": "<p>x</p>"},
        change_url: {**change_form, "title": "Forged title"},
        f"/admin/articles/article/{article.pk}/delete/": {"post": "yes"},
        "/admin/articles/article/": {"action": "publish_selected", "_selected_action": [str(article.pk)]},
        "/admin/articles/article/?q=": {"action": "delete_selected", "_selected_action": [str(article.pk)],
                                        "post": "yes"},
        "/admin/articles/authorprofile/add/": {"user": str(admin_user.pk), "display_name": "Forged",
                                               "slug": "forged"},
        f"/admin/articles/authorprofile/{admin_user.profile.pk}/change/": {"display_name": "Forged"},
        "/admin/reference/source/add/": {"title": "Forged", "study_design": "rct", "year": "2020"},
        "/admin/reference/food/add/": {"name": "Forged", "slug": "forged", "serving": "1", "magnesium_mg": "1"},
        "/admin/review/rulesetting/": {"action": "delete_selected"},
        "/admin/auth/user/add/": {"username": "forged", "password1": "Forged-pass-123", "password2": "Forged-pass-123"},
        f"/admin/auth/user/{admin_user.pk}/password/": {"password1": "Forged-pass-123", "password2": "Forged-pass-123"},
        "/admin/password_change/": {"old_password": "pw-test-12345", "new_password1": "Forged-pass-123",
                                    "new_password2": "Forged-pass-123"},
        "/admin/articles/article/sources.json": {"q": "trial"},  # the Cite dialog's endpoint, if POSTed
    }
    for url, data in posts.items():
        assert_forbidden_and_unchanged(client, url, data)

    # Positive control: the same change with the token is saved.
    response = client.post(change_url, {**change_form, "title": "Saved title", "csrfmiddlewaretoken": token(client)})
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Saved title"


def test_restoring_a_version_needs_the_token(admin_user, article):
    client = forged(admin_user)
    change_url = f"/admin/articles/article/{article.pk}/change/"
    change_form = form_data(client.get(change_url).content, "article_form")
    client.post(change_url, {**change_form, "title": "Second title", "csrfmiddlewaretoken": token(client)})
    version = Version.objects.get_for_object(Article.objects.get(pk=article.pk)).first()
    assert version is not None
    url = f"/admin/articles/article/{article.pk}/history/{version.pk}/"
    restore_form = form_data(client.get(url).content, "article_form")
    assert_forbidden_and_unchanged(client, url, {**restore_form, "title": "Restored"})


def test_csv_import_and_export_need_the_token(admin_user):
    make_source(title="Existing", pmid="31234567")
    client = forged(admin_user)
    csv = SimpleUploadedFile("sources.csv", b"title,study_design,year,pmid\nForged,rct,2020,39999999\n",
                             content_type="text/csv")
    assert_forbidden_and_unchanged(client, "/admin/reference/source/import/",
                                   {"resource": "0", "format": "0", "import_file": csv})
    assert_forbidden_and_unchanged(client, "/admin/reference/source/process_import/",
                                   {"import_file_name": "x", "original_file_name": "sources.csv", "format": "0",
                                    "resource": "0"})
    assert_forbidden_and_unchanged(client, "/admin/reference/source/export/", {"format": "0", "resource": "0"})
    assert_forbidden_and_unchanged(client, "/admin/reference/food/import/", {"resource": "0", "format": "0",
                                                                             "import_file": io.BytesIO(b"name\n")})


def test_review_screen_posts_need_the_token_and_gets_change_nothing():
    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    article = make_article(author=editor, reviewer=reviewer, status=Article.Status.IN_REVIEW)
    claim, flag = add_claim(article), add_flag(article)
    client = forged(reviewer)
    base = f"/admin/review/reviewqueueitem/{article.pk}"
    posts = {
        f"{base}/claims/{claim.pk}/": {"decision": "approved", "note": "forged", "expected_status": "pending"},
        f"{base}/flags/{flag.pk}/": {"decision": "dismissed", "reason": "forged"},
        f"{base}/transition/": {"transition": "request_changes", "note": "forged"},
    }
    for url, data in posts.items():
        assert_forbidden_and_unchanged(client, url, data)
        before = snapshot()
        assert client.get(url, data).status_code == 405  # a link or <img> cannot trigger it either
        assert snapshot() == before

    # Positive control: the reviewer's real form (with its token) decides the claim.
    page = client.get(f"{base}/review/")
    assert page.status_code == 200
    response = client.post(f"{base}/claims/{claim.pk}/", {"decision": "approved", "note": "",
                                                           "expected_status": "pending",
                                                           "csrfmiddlewaretoken": token(client, f"{base}/review/")})
    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).status == "approved"


def test_login_and_logout_need_the_token():
    user = make_user(EDITOR)
    client = forged()
    assert_forbidden_and_unchanged(client, "/admin/login/", {"username": user.username, "password": "pw-test-12345"})
    assert "_auth_user_id" not in client.session

    client = forged(user)
    assert_forbidden_and_unchanged(client, "/admin/logout/")
    assert client.get("/admin/").status_code == 200  # still signed in
    assert client.get("/admin/logout/").status_code == 405  # logging out is a POST only
    assert client.get("/admin/").status_code == 200


def test_gets_of_admin_confirmation_pages_change_nothing(admin_user, article):
    client = forged(admin_user)
    before = snapshot()
    for url in (f"/admin/articles/article/{article.pk}/delete/", "/admin/reference/source/import/",
                "/admin/reference/source/export/", f"/admin/review/reviewqueueitem/{article.pk}/review/",
                "/admin/articles/article/?action=delete_selected&_selected_action=" + str(article.pk)):
        assert client.get(url).status_code in (200, 302), url
    assert snapshot() == before
