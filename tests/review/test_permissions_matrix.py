"""Every role × every action, over HTTP through the admin (not only through model methods)."""

import pytest
from django.urls import reverse

from articles.models import Article
from review.models import Claim, Flag
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER
from tests.review.factories import add_claim, add_flag, make_article, make_user
from tests.review.formdata import form_data

S = Article.Status
ROLES = ["editor", "reviewer", "managing", "superuser", "anonymous"]

# action -> roles allowed
MATRIX = {
    "view_draft": {"editor", "reviewer", "managing", "superuser"},
    "edit": {"editor", "managing", "superuser"},
    "submit": {"editor", "managing", "superuser"},
    "decide_claim": {"reviewer", "superuser"},
    "dismiss_flag": {"reviewer", "superuser"},
    "publish": {"managing", "superuser"},
    "unpublish": {"managing", "superuser"},
    "delete": {"managing", "superuser"},
    "view_audit_trail": {"editor", "reviewer", "managing", "superuser"},
}


@pytest.fixture
def actors(db):
    author = make_user(EDITOR, username="author")
    reviewer_of_record = make_user(REVIEWER, username="assigned")
    return {
        "author": author,
        "assigned": reviewer_of_record,
        "editor": make_user(EDITOR),
        "reviewer": make_user(REVIEWER),
        "managing": make_user(MANAGING_EDITOR),
        "superuser": make_user(None, superuser=True),
        "anonymous": None,
    }


def article_in(actors, status, **kw):
    return make_article(author=actors["author"], reviewer=actors["assigned"], status=status, **kw)


def transition(client, article, name, **extra):
    url = reverse("admin:review_reviewqueueitem_transition", args=[article.pk])
    return client.post(url, {"transition": name, "note": "matrix", **extra})


def perform(action, client, actors):
    """Do `action`; return True if it took effect (checked in the database)."""
    if action == "view_draft":
        article = article_in(actors, S.DRAFT)
        response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
        return response.status_code == 200 and article.title in response.content.decode()
    if action == "edit":
        article = article_in(actors, S.DRAFT)
        url = reverse("admin:articles_article_change", args=[article.pk])
        page = client.get(url)
        if page.status_code != 200 or b'id="article_form"' not in page.content:
            client.post(url, {"title": "Edited"})
        else:
            data = form_data(page.content, "article_form")
            data["title"] = "Edited by matrix"
            client.post(url, data)
        return Article.objects.get(pk=article.pk).title.startswith("Edited")
    if action == "submit":
        article = article_in(actors, S.DRAFT)
        transition(client, article, "submit")
        return Article.objects.get(pk=article.pk).status == S.IN_REVIEW
    if action == "decide_claim":
        article = article_in(actors, S.IN_REVIEW)
        claim = add_claim(article)
        client.post(reverse("admin:review_reviewqueueitem_claim", args=[article.pk, claim.pk]),
                    {"decision": "approved", "expected_status": "pending"})
        return Claim.objects.get(pk=claim.pk).status == Claim.Status.APPROVED
    if action == "dismiss_flag":
        article = article_in(actors, S.IN_REVIEW)
        flag = add_flag(article)
        client.post(reverse("admin:review_reviewqueueitem_flag", args=[article.pk, flag.pk]),
                    {"decision": "dismissed", "reason": "quoted, not asserted"})
        return Flag.objects.get(pk=flag.pk).status == Flag.Status.DISMISSED
    if action == "publish":
        article = article_in(actors, S.APPROVED)
        add_claim(article, status=Claim.Status.APPROVED)
        transition(client, article, "publish")
        return Article.objects.get(pk=article.pk).status == S.PUBLISHED
    if action == "unpublish":
        article = article_in(actors, S.PUBLISHED)
        transition(client, article, "unpublish")
        return Article.objects.get(pk=article.pk).status != S.PUBLISHED
    if action == "delete":
        article = article_in(actors, S.DRAFT)
        client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
        return not Article.objects.filter(pk=article.pk).exists()
    if action == "view_audit_trail":
        response = client.get(reverse("admin:review_auditevent_changelist"))
        return response.status_code == 200
    raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX))
def test_permission_matrix(client, actors, role, action):
    if actors[role] is not None:
        client.force_login(actors[role])
    took_effect = perform(action, client, actors)
    assert took_effect == (role in MATRIX[action]), f"{role} / {action}"
