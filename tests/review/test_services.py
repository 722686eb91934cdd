"""Workflow services: transitions, the publish gate, permissions and the two races."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Article
from articles.services import StaleEditError, article_snapshot, article_write
from review import workflow
from review.models import AuditEvent, Claim, Flag, Notification
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER
from tests.review.factories import add_claim, add_flag, make_article, make_user

S = Article.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "editor": make_user(EDITOR),
        "reviewer": make_user(REVIEWER),
        "reviewer2": make_user(REVIEWER),
        "managing": make_user(MANAGING_EDITOR),
    }


def approved_article(people, **kw):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.APPROVED, **kw)
    add_claim(article, status=Claim.Status.APPROVED)
    return article


def test_happy_path_records_every_transition_and_sets_review_dates(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"])
    claim = add_claim(article)
    workflow.article_submit(article=article, user=people["editor"])
    assert article.status == S.IN_REVIEW
    workflow.claim_decide(claim=claim, user=people["reviewer"], decision=Claim.Status.APPROVED)
    workflow.article_approve(article=article, user=people["reviewer"], note="Checked against sources")
    assert article.status == S.APPROVED
    assert article.last_reviewed_at == timezone.localdate()
    assert article.next_review_due == timezone.localdate() + timedelta(days=365)
    workflow.article_publish(article=article, user=people["managing"])
    assert article.status == S.PUBLISHED
    assert Article.objects.published().filter(pk=article.pk).exists()
    actions = list(AuditEvent.objects.filter(article=article).order_by("created", "pk").values_list("action", flat=True))
    assert actions == ["submit", "claim_approved", "approve", "publish"]


def test_submission_notifies_the_reviewer_on_the_dashboard(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"])
    workflow.article_submit(article=article, user=people["editor"])
    assert Notification.objects.filter(recipient=people["reviewer"], article=article).exists()


@pytest.mark.django_db(transaction=True)
def test_notifications_email_after_commit(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"])
    workflow.article_submit(article=article, user=people["editor"])
    assert [m.to for m in mail.outbox] == [[people["reviewer"].email]]
    assert "Submitted for review" in mail.outbox[0].body


def test_invalid_transition_is_refused_with_a_clear_message(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"])
    with pytest.raises(ValidationError, match="Cannot publish an article that is draft"):
        workflow.article_publish(article=article, user=people["managing"])
    assert Article.objects.get(pk=article.pk).status == S.DRAFT


@pytest.mark.parametrize(("role", "service"), [
    ("editor", "article_publish"), ("editor", "article_approve"), ("reviewer", "article_publish"),
    ("managing", "article_approve"),
])
def test_roles_cannot_take_other_roles_transitions(people, role, service):
    article = approved_article(people)
    if service == "article_approve":
        article.status = S.IN_REVIEW
        Article.objects.filter(pk=article.pk).update(status=S.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        getattr(workflow, service)(article=article, user=people[role])


@pytest.mark.parametrize("condition", ["reviewer_is_author", "no_reviewer", "open_blocker", "pending_claim",
                                       "rejected_claim", "no_citation"])
def test_each_gate_condition_alone_blocks_publishing(people, condition):
    article = approved_article(people, cited=condition != "no_citation")
    if condition == "reviewer_is_author":  # in the saved rows of the revision to publish
        article.authors.add(people["reviewer"].profile)
        article_snapshot(article=article)
        add_claim(article, status=Claim.Status.APPROVED)
    elif condition == "no_reviewer":
        Article.objects.filter(pk=article.pk).update(medical_reviewer=None)
        article.refresh_from_db()
    elif condition == "open_blocker":
        add_flag(article)
    elif condition == "pending_claim":
        add_claim(article)
    elif condition == "rejected_claim":
        add_claim(article, status=Claim.Status.REJECTED)
    with pytest.raises(ValidationError) as exc:
        workflow.article_publish(article=article, user=people["managing"])
    assert "Cannot publish" in str(exc.value)
    assert Article.objects.get(pk=article.pk).status == S.APPROVED
    # and through scheduling
    with pytest.raises(ValidationError):
        workflow.article_schedule(article=article, user=people["managing"],
                                  publish_at=timezone.now() + timedelta(hours=1))


def test_warnings_and_notes_block_until_a_reviewer_settles_them(people):
    article = approved_article(people)
    warning, note = add_flag(article, severity="warning"), add_flag(article, severity="note")
    add_flag(article, severity="blocker", status=Flag.Status.DISMISSED)
    add_claim(article, status=Claim.Status.NOT_A_CLAIM)
    assert workflow.publish_gate_problems(article) == ["1 warning flag still open.", "1 note still open."]
    with pytest.raises(ValidationError, match="1 warning flag still open"):
        workflow.article_publish(article=article, user=people["managing"])
    workflow.flag_decide(flag=warning, user=people["reviewer"], decision=Flag.Status.DISMISSED,
                         reason="A cited guideline says so, in the next sentence.")
    workflow.flag_decide(flag=note, user=people["reviewer"], decision=Flag.Status.ACKNOWLEDGED, reason="")
    assert workflow.publish_gate_problems(article) == []
    workflow.article_publish(article=article, user=people["managing"])
    assert article.status == S.PUBLISHED and article.live_revision.number == 1


def test_setting_status_directly_cannot_bypass_the_gate(people):
    article = approved_article(people)
    add_flag(article)
    article.status = S.PUBLISHED
    with pytest.raises(ValidationError, match="only through the review workflow"):
        article.save()
    assert Article.objects.get(pk=article.pk).status == S.APPROVED


def test_reviewer_cannot_decide_claims_on_own_article(people):
    article = make_article(author=people["reviewer"], reviewer=people["reviewer2"], status=S.IN_REVIEW)
    claim = add_claim(article)
    with pytest.raises(PermissionDenied, match="author"):
        workflow.claim_decide(claim=claim, user=people["reviewer"], decision=Claim.Status.APPROVED)
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.PENDING


def test_rejecting_a_claim_needs_a_note(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.IN_REVIEW)
    claim = add_claim(article)
    with pytest.raises(ValidationError, match="Say why"):
        workflow.claim_decide(claim=claim, user=people["reviewer"], decision=Claim.Status.REJECTED)


def test_two_reviewers_deciding_one_claim_first_wins_second_is_told(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.IN_REVIEW)
    claim = add_claim(article)
    seen_by_second = Claim.objects.get(pk=claim.pk)  # both loaded the claim while it was pending
    workflow.claim_decide(claim=claim, user=people["reviewer"], decision=Claim.Status.APPROVED)
    with pytest.raises(workflow.ConflictError, match="decided this claim first"):
        workflow.claim_decide(claim=seen_by_second, user=people["reviewer2"], decision=Claim.Status.REJECTED,
                              note="weak source")
    stored = Claim.objects.get(pk=claim.pk)
    assert stored.status == Claim.Status.APPROVED and stored.decided_by == people["reviewer"]


def test_dismissing_a_flag_needs_a_reason_and_only_reviewers_settle_flags(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.IN_REVIEW)
    blocker, warning = add_flag(article), add_flag(article, severity="warning")
    with pytest.raises(ValidationError, match="Give a reason"):
        workflow.flag_decide(flag=blocker, user=people["reviewer"], decision=Flag.Status.DISMISSED, reason=" ")
    for flag in (blocker, warning):
        with pytest.raises(PermissionDenied):
            workflow.flag_decide(flag=flag, user=people["editor"], decision=Flag.Status.DISMISSED, reason="fine")
    with pytest.raises(ValidationError, match="resolved by changing the text"):
        workflow.flag_decide(flag=warning, user=people["reviewer"], decision=Flag.Status.RESOLVED, reason="reworded")
    with pytest.raises(ValidationError, match="Only notes and flags the rules no longer raise"):
        workflow.flag_decide(flag=warning, user=people["reviewer"], decision=Flag.Status.ACKNOWLEDGED, reason="")
    workflow.flag_decide(flag=blocker, user=people["reviewer"], decision=Flag.Status.DISMISSED, reason="quoted")
    assert Flag.objects.get(pk=blocker.pk).status == Flag.Status.DISMISSED
    assert AuditEvent.objects.filter(flag=blocker, action="flag_dismissed", note="quoted").exists()


def test_publish_scheduled_publishes_due_articles_and_reports_refusals(people):
    good = approved_article(people)
    bad = approved_article(people)
    soon = timezone.now() + timedelta(minutes=5)
    workflow.article_schedule(article=good, user=people["managing"], publish_at=soon)
    workflow.article_schedule(article=bad, user=people["managing"], publish_at=soon)
    add_flag(bad)  # a blocker appears after scheduling
    published, refused = workflow.publish_scheduled(now=soon + timedelta(seconds=1))
    assert [a.pk for a in published] == [good.pk]
    assert [(a.pk, "blocker" in " ".join(p)) for a, p in refused] == [(bad.pk, True)]
    assert Article.objects.get(pk=bad.pk).status == S.SCHEDULED


def test_stale_edit_is_refused_and_first_save_kept(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"])
    first = Article.objects.get(pk=article.pk)
    second = Article.objects.get(pk=article.pk)
    first.title = "First editor's title"
    article_write(article=first, expected_version=first.version)
    second.title = "Second editor's title"
    with pytest.raises(StaleEditError, match="Someone else saved this article"):
        article_write(article=second, expected_version=second.version)
    assert Article.objects.get(pk=article.pk).title == "First editor's title"


def test_publish_scheduled_command_reports_and_fails_when_held_back(people):
    from io import StringIO

    from django.core.management import CommandError, call_command

    good, bad = approved_article(people), approved_article(people)
    soon = timezone.now() + timedelta(seconds=30)
    for article in (good, bad):
        workflow.article_schedule(article=article, user=people["managing"], publish_at=soon)
    add_flag(bad)
    Article.objects.filter(pk__in=[good.pk, bad.pk]).update(published_at=timezone.now() - timedelta(seconds=1))
    out = StringIO()
    with pytest.raises(CommandError, match="1 due article"):
        call_command("publish_scheduled", stdout=out)
    assert f"Published: {good.slug}" in out.getvalue()
    assert f"Not published: {bad.slug}" in out.getvalue() and "blocker" in out.getvalue()
    assert Article.objects.get(pk=good.pk).status == S.PUBLISHED


@pytest.mark.parametrize("status", [S.APPROVED, S.SCHEDULED, S.PUBLISHED, S.ARCHIVED])
def test_reviewer_of_a_signed_off_article_cannot_be_swapped(people, status):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=status)
    new = people["reviewer2"].profile
    with pytest.raises(ValidationError, match="send it back to review first") as caught:
        workflow.article_assign_reviewer(article=article, user=people["managing"], reviewer=new)
    assert caught.value.code == "signed_off"
    assert Article.objects.get(pk=article.pk).medical_reviewer == people["reviewer"].profile
    assert not AuditEvent.objects.filter(article=article, action="assign_reviewer").exists()


def test_reviewer_can_be_assigned_while_in_review(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.IN_REVIEW)
    workflow.article_assign_reviewer(article=article, user=people["managing"], reviewer=people["reviewer2"].profile)
    assert Article.objects.get(pk=article.pk).medical_reviewer == people["reviewer2"].profile


def test_approval_by_another_reviewer_is_on_the_audit_trail(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.IN_REVIEW)
    add_claim(article, status=Claim.Status.APPROVED)
    workflow.article_approve(article=article, user=people["reviewer2"])
    article.refresh_from_db()
    assert article.medical_reviewer == people["reviewer2"].profile
    handover = AuditEvent.objects.get(article=article, action="assign_reviewer")
    assert handover.actor == people["reviewer2"]
    assert str(people["reviewer"].profile) in handover.note and "signs off instead of" in handover.note


def test_approval_by_the_assigned_reviewer_records_no_handover(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.IN_REVIEW)
    add_claim(article, status=Claim.Status.APPROVED)
    workflow.article_approve(article=article, user=people["reviewer"])
    assert not AuditEvent.objects.filter(article=article, action="assign_reviewer").exists()


def test_refusal_names_the_role_that_may(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.APPROVED)
    with pytest.raises(PermissionDenied, match="it is for the .*Managing editor.* role"):
        workflow.article_publish(article=article, user=people["editor"])


def test_flag_decision_and_its_audit_row_are_one_transaction(people, monkeypatch):
    """If the audit row cannot be written, the flag is not settled either (nothing half-done)."""
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.IN_REVIEW)
    blocker = add_flag(article)

    def fail(**kwargs):
        raise RuntimeError("audit trail unavailable")

    monkeypatch.setattr(workflow, "_record", fail)
    with pytest.raises(RuntimeError):
        workflow.flag_decide(flag=blocker, user=people["reviewer"], decision=Flag.Status.DISMISSED, reason="quoted")
    assert Flag.objects.get(pk=blocker.pk).status == Flag.Status.OPEN


def test_a_live_article_under_review_again_can_still_be_unpublished(people):
    article = make_article(author=people["editor"], reviewer=people["reviewer"], status=S.PUBLISHED)
    Article.objects.filter(pk=article.pk).update(status=S.IN_REVIEW)  # an edit is under review
    article.refresh_from_db()
    assert "unpublish" in [t.name for t in workflow.available_transitions(article, people["managing"])]
    workflow.article_unpublish(article=article, user=people["managing"])
    article.refresh_from_db()
    assert article.live_revision_id is None and article.status == S.IN_REVIEW
