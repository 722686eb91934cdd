"""The reviewer's queue counts, the admin home's editorial desk, and an audit trail nobody can edit."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from review import workflow
from review.models import AuditEvent
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER
from tests.review.factories import add_claim, add_flag, make_article, make_user

S = Article.Status
pytestmark = pytest.mark.django_db


def test_queue_lists_articles_awaiting_me_with_open_flags_and_pending_claims(client):
    editor, me, other = make_user(EDITOR), make_user(REVIEWER), make_user(REVIEWER)
    mine = make_article(author=editor, reviewer=me, status=S.IN_REVIEW)
    add_flag(mine), add_flag(mine, severity="warning"), add_claim(mine), add_claim(mine), add_claim(mine)
    theirs = make_article(author=editor, reviewer=other, status=S.IN_REVIEW)
    client.force_login(me)
    page = client.get(reverse("admin:review_reviewqueueitem_changelist")).content.decode()
    assert mine.title in page and theirs.title not in page
    row = page[page.index(mine.title):]
    row = row[:row.index("</tr>")]
    cells = [c.split(">")[-1] for c in row.split("</td>")]
    assert cells[3:6] == ["1", "2", "3"]  # open blockers, open flags, pending claims
    everyone = client.get(reverse("admin:review_reviewqueueitem_changelist"), {"assigned": "all"})
    assert theirs.title in everyone.content.decode()


def test_admin_home_shows_notifications_and_overdue_reviews(client):
    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    submitted = make_article(author=editor, reviewer=reviewer)
    workflow.article_submit(article=submitted, user=editor)
    overdue = make_article(author=editor, reviewer=reviewer, status=S.PUBLISHED)
    Article.objects.filter(pk=overdue.pk).update(title="Overdue piece")
    Article.objects.filter(pk=overdue.pk).update(next_review_due=timezone.localdate() - timedelta(days=1))
    client.force_login(reviewer)
    page = re.sub(r"<[^>]+>", "", client.get(reverse("admin:index")).content.decode())
    assert "Editorial desk" in page
    assert f"Submitted for review: {submitted.title}" in page
    assert "1 article awaiting your review" in page
    assert "Overdue for re-review (1)" in page and "Overdue piece" in page
    overdue_filter = client.get(reverse("admin:review_reviewqueueitem_changelist"),
                                {"rereview": "overdue", "assigned": "all"}).content.decode()
    assert "Overdue piece" in overdue_filter


def test_audit_trail_cannot_be_added_edited_or_deleted_through_the_admin(client):
    editor, managing = make_user(EDITOR), make_user(MANAGING_EDITOR)
    superuser = make_user(None, superuser=True)
    article = make_article(author=editor)
    workflow.article_submit(article=article, user=editor)
    event = AuditEvent.objects.get(article=article)
    for user in (managing, superuser):
        client.force_login(user)
        client.post(reverse("admin:review_auditevent_change", args=[event.pk]), {"note": "rewritten"})
        client.post(reverse("admin:review_auditevent_delete", args=[event.pk]), {"post": "yes"})
        assert client.get(reverse("admin:review_auditevent_add")).status_code == 403
        event.refresh_from_db()
        assert event.note == "" and event.action == "submit"
    page = client.get(reverse("admin:review_auditevent_changelist")).content.decode()
    assert 'name="action"' not in page or "delete_selected" not in page  # no bulk delete either
