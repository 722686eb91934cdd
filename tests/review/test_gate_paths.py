"""Each publish-gate condition alone blocks publishing through every path: the service, the review
screen's Publish button, the admin bulk action, scheduled publishing, and the change form."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.services import article_snapshot
from review import workflow
from review.models import Claim
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER
from tests.review.factories import add_claim, add_flag, make_article, make_user
from tests.review.formdata import form_data

S = Article.Status
pytestmark = pytest.mark.django_db
CONDITIONS = ["reviewer_is_author", "no_reviewer", "open_blocker", "pending_claim", "no_citation"]


@pytest.fixture
def people():
    return {"editor": make_user(EDITOR), "reviewer": make_user(REVIEWER), "managing": make_user(MANAGING_EDITOR)}


def failing_article(people, condition, status=S.APPROVED):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=status,
                           cited=condition != "no_citation")
    if condition == "reviewer_is_author":  # in the saved rows of the revision to publish
        article.authors.add(people["reviewer"].profile)
        article_snapshot(article=article)
    add_claim(article, status=Claim.Status.APPROVED)
    if condition == "no_reviewer":
        Article.objects.filter(pk=article.pk).update(medical_reviewer=None)
    elif condition == "open_blocker":
        add_flag(article)
    elif condition == "pending_claim":
        add_claim(article)
    article.refresh_from_db()
    return article


def via_service(client, people, article):
    with pytest.raises(ValidationError):
        workflow.article_publish(article=article, user=people["managing"])


def via_review_screen(client, people, article):
    client.force_login(people["managing"])
    client.post(reverse("admin:review_reviewqueueitem_transition", args=[article.pk]), {"transition": "publish"})


def via_bulk_action(client, people, article):
    client.force_login(people["managing"])
    client.post(reverse("admin:articles_article_changelist"),
                {"action": "publish_selected", "_selected_action": [article.pk]})


def via_change_form(client, people, article):
    client.force_login(people["managing"])
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url).content, "article_form")
    data["status"] = S.PUBLISHED  # a forged field: status is read-only on the form
    client.post(url, data)


@pytest.mark.parametrize("condition", CONDITIONS)
@pytest.mark.parametrize("path", [via_service, via_review_screen, via_bulk_action, via_change_form],
                         ids=["service", "review_screen", "bulk_action", "change_form"])
def test_condition_blocks_publishing(client, people, condition, path):
    article = failing_article(people, condition)
    path(client, people, article)
    stored = Article.objects.get(pk=article.pk)
    assert stored.status != S.PUBLISHED and stored.live_revision_id is None
    assert client.logout() is None and client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("condition", CONDITIONS)
def test_condition_blocks_scheduled_publishing(people, condition):
    article = failing_article(people, condition, status=S.SCHEDULED)
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    published, refused = workflow.publish_scheduled()
    assert published == [] and [a.pk for a, _ in refused] == [article.pk]
    assert Article.objects.get(pk=article.pk).status == S.SCHEDULED


def test_the_same_article_without_the_failing_condition_publishes_through_each_path(client, people):
    """Control: the fixtures are publishable when no condition fails (so the refusals above mean something)."""
    for path in (via_review_screen, via_bulk_action):
        article = failing_article(people, condition=None)
        path(client, people, article)
        assert Article.objects.get(pk=article.pk).status == S.PUBLISHED
