"""The editorial workflow: who may move an article where, and the publish gate.

Every transition is one keyword-only service used by the admin, management commands and tests
alike. Each checks the actor's permission on the server, refuses an invalid move with a clear
message, records an AuditEvent and notifies the people who act next.

Publish gate (`publish_gate_problems`): an article is published only if it has a medical reviewer
who is not one of its authors, no blocker flag is open, every current claim is approved or marked
"not a claim" by a reviewer, and it cites at least one source. Publishing and scheduled publishing
both go through it; `Article.save()` refuses a status of published/scheduled that did not come
through here.

Editing a published article: when an edit changes its claims (a new or reworded claim awaits
review) the article goes back to "in review" and LEAVES the public site until a reviewer approves
it again. MagSite never serves a claim no reviewer has seen, and it serves no second, stale copy of
the page (its stored page is marked stale and not served): readers get a 404 (and the sitemap and
feeds drop it) for the short time the re-review takes.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, AuthorProfile
from articles.pages import article_pages_refresh
from review.models import AuditEvent, Claim, Flag, Severity
from review.notifications import notify
from review.roles import ROLE_PERMISSIONS

logger = logging.getLogger(__name__)
S = Article.Status
REVIEW_INTERVAL = timedelta(days=365)
DECIDED_CLAIM_STATUSES = (Claim.Status.APPROVED, Claim.Status.NOT_A_CLAIM)


class ConflictError(ValidationError):
    """Someone else changed the same thing first; the caller's change was not applied."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple
    target: str
    permission: str


TRANSITIONS = {
    t.name: t for t in [
        Transition("submit", "Submit for review", (S.DRAFT, S.CHANGES_REQUESTED), S.IN_REVIEW, "submit_article"),
        Transition("request_changes", "Request changes", (S.IN_REVIEW, S.APPROVED), S.CHANGES_REQUESTED,
                   "review_article"),
        Transition("approve", "Approve", (S.IN_REVIEW,), S.APPROVED, "review_article"),
        Transition("schedule", "Schedule", (S.APPROVED,), S.SCHEDULED, "publish_article"),
        Transition("publish", "Publish", (S.APPROVED, S.SCHEDULED), S.PUBLISHED, "publish_article"),
        Transition("unpublish", "Unpublish", (S.PUBLISHED, S.SCHEDULED), S.APPROVED, "publish_article"),
        Transition("archive", "Archive", tuple(s for s in S if s != S.ARCHIVED), S.ARCHIVED, "publish_article"),
        Transition("restore", "Restore to draft", (S.ARCHIVED,), S.DRAFT, "publish_article"),
    ]
}


def available_transitions(article, user):
    """Transitions the user could attempt from the article's current status (for buttons)."""
    return [t for t in TRANSITIONS.values()
            if article.status in t.sources and user.has_perm(f"articles.{t.permission}")]


def is_author(user, article):
    profile = getattr(user, "profile", None)
    return profile is not None and article.authors.filter(pk=profile.pk).exists()


def may_review(user, article):
    """Decide claims, settle flags and approve: a reviewer who is not one of the article's authors."""
    return user.has_perm("articles.review_article") and not is_author(user, article)


GATE_CONDITIONS = [
    "a qualified medical reviewer who is not one of the article's authors has signed it off",
    "no blocker flag is open: each one is fixed, or dismissed by a reviewer with a written reason",
    "every health claim in it is approved by the reviewer (or marked “not a claim”)",
    "it cites at least one source",
]


def publish_gate_problems(article):
    """Why `article` may not be published yet: a list of messages, empty when the gate passes."""
    problems = []
    reviewer = article.medical_reviewer
    if reviewer is None:
        problems.append("No medical reviewer is assigned.")
    elif article.authors.filter(pk=reviewer.pk).exists():
        problems.append(f"The medical reviewer ({reviewer.display_name}) is one of the authors.")
    blockers = article.flags.open_blockers().count()
    if blockers:
        problems.append(f"{blockers} blocker flag(s) are still open.")
    pending = article.claims.filter(is_current=True).exclude(status__in=DECIDED_CLAIM_STATUSES).count()
    if pending:
        problems.append(f"{pending} claim(s) are not approved by a reviewer.")
    if not article.citations.exists():
        problems.append("The article cites no source.")
    return problems


def _require(user, transition_or_perm, article=None):
    perm = getattr(transition_or_perm, "permission", transition_or_perm)
    if not (user and user.is_active and user.has_perm(f"articles.{perm}")):
        roles = [role for role, perms in ROLE_PERMISSIONS.items() if perm in perms["articles"]]
        needed = f": it is for the {' or '.join(roles)} role" if roles else ""
        raise PermissionDenied(f"Your role does not allow this{needed}.")


def _record(*, article, user, action, from_status="", to_status="", note="", claim=None, flag=None):
    return AuditEvent.objects.create(article=article, actor=user, action=action, from_status=from_status,
                                     to_status=to_status, note=note, claim=claim, flag=flag)


def _users_with_perm(perm):
    User = get_user_model()
    return User.objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(groups__permissions__codename=perm) | Q(user_permissions__codename=perm)
    ).distinct()


def _authors_users(article):
    return [p.user for p in article.authors.select_related("user")]


@transaction.atomic
def _transition(*, article, user, name, note="", **changes):
    transition = TRANSITIONS[name]
    _require(user, transition)
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.status not in transition.sources:
        raise ValidationError(
            f"Cannot “{transition.label.lower()}” an article that is {locked.get_status_display().lower()}.",
            code="invalid_transition",
        )
    from_status = locked.status
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.status = transition.target
    locked._workflow_transition = name  # lets Article.save() accept a gated status
    locked.save()
    _record(article=locked, user=user, action=name, from_status=from_status, to_status=locked.status, note=note)
    article.refresh_from_db()
    return article


def article_submit(*, article, user, note=""):
    """Editor hands the article to its reviewer."""
    if not article.citations.exists():
        raise ValidationError("Cite at least one source before submitting for review.", code="no_citations")
    article = _transition(article=article, user=user, name="submit", note=note)
    reviewers = [article.medical_reviewer.user] if article.medical_reviewer else list(_users_with_perm("review_article"))
    notify(article=article, recipients=reviewers, message=f"Submitted for review: {article.title}")
    return article


def article_request_changes(*, article, user, note):
    if not note.strip():
        raise ValidationError("Say what needs to change.", code="note_required")
    article = _transition(article=article, user=user, name="request_changes", note=note)
    notify(article=article, recipients=_authors_users(article), message=f"Changes requested: {note[:200]}")
    return article


def article_approve(*, article, user, note=""):
    """Reviewer signs off: all claims decided, no open blocker. Sets the review dates and the
    reviewer named on the page to the approving reviewer."""
    if is_author(user, article):
        raise PermissionDenied("You are an author of this article, so you cannot approve it.")
    problems = [p for p in publish_gate_problems(article) if "medical reviewer" not in p]
    if problems:
        raise ValidationError(["Cannot approve yet:", *problems], code="gate")
    today = timezone.localdate()
    previous = article.medical_reviewer
    if previous is not None and previous.pk != getattr(user.profile, "pk", None):
        _record(article=article, user=user, action="assign_reviewer",
                note=f"{user.profile} signs off instead of {previous}")
    article = _transition(
        article=article, user=user, name="approve", note=note,
        medical_reviewer=user.profile, last_reviewed_at=today, next_review_due=today + REVIEW_INTERVAL,
    )
    managing = _users_with_perm("publish_article").exclude(is_superuser=True)
    notify(article=article, recipients=[*_authors_users(article), *managing], message=f"Approved: {article.title}")
    return article


def _gate(article, action):
    problems = publish_gate_problems(article)
    if problems:
        raise ValidationError([f"Cannot {action} “{article.title}”:", *problems], code="gate")


def article_publish(*, article, user, note=""):
    _require(user, "publish_article")
    _gate(article, "publish")
    published_at = article.published_at if article.published_at and article.status == S.SCHEDULED else timezone.now()
    article = _transition(article=article, user=user, name="publish", note=note,
                          published_at=min(published_at, timezone.now()))
    notify(article=article, recipients=_authors_users(article), message=f"Published: {article.title}")
    return article


def article_schedule(*, article, user, publish_at, note=""):
    _require(user, "publish_article")
    if publish_at <= timezone.now():
        raise ValidationError("Choose a time in the future, or publish now.", code="past")
    _gate(article, "schedule")
    return _transition(article=article, user=user, name="schedule", note=note, published_at=publish_at)


def article_unpublish(*, article, user, note=""):
    return _transition(article=article, user=user, name="unpublish", note=note)


def article_archive(*, article, user, note=""):
    return _transition(article=article, user=user, name="archive", note=note)


def article_restore(*, article, user, note=""):
    return _transition(article=article, user=user, name="restore", note=note)


def may_assign_reviewer(user, article):
    """Managing editors assign the reviewer until the article is signed off (see article_assign_reviewer)."""
    return user.has_perm("articles.assign_reviewer") and article.status not in Article.SIGNED_OFF


def check_reviewer(*, article, reviewer, authors=None):
    """Refuse (ValidationError) `reviewer` as the medical reviewer of `article`: not a medical
    reviewer, one of the authors (`authors` when given, as a form is about to save them, else the
    stored ones), or the article is signed off by its current reviewer. The one statement of the
    rule: the review screen, the article form and the save path all call it."""
    stored = Article.objects.filter(pk=article.pk).values_list("status", "medical_reviewer_id").first() \
        if article.pk else None
    if stored and stored[0] in Article.SIGNED_OFF and stored[1] != reviewer.pk:
        signed = AuthorProfile.objects.filter(pk=stored[1]).first()
        raise ValidationError(
            "This article was signed off by %(signed)s, who is named on it as the medical reviewer. For "
            "%(reviewer)s to review it, send it back to review first (unpublish it, then request changes); "
            "they can then approve it themselves.", code="signed_off",
            params={"signed": signed.display_name if signed else "its reviewer", "reviewer": reviewer.display_name})
    if not reviewer.is_medical_reviewer:
        raise ValidationError("%(name)s is not a medical reviewer.", code="not_reviewer",
                              params={"name": reviewer.display_name})
    is_author = (reviewer in authors) if authors is not None else \
        (article.pk is not None and article.authors.filter(pk=reviewer.pk).exists())
    if is_author:
        raise ValidationError(
            "%(name)s is listed as an author, so cannot be the medical reviewer of this article. Choose an "
            "independent reviewer, or remove them from the authors.", code="reviewer_is_author",
            params={"name": reviewer.display_name})


@transaction.atomic
def article_assign_reviewer(*, article, user, reviewer):
    """Assign the medical reviewer of an article that is not yet signed off."""
    _require(user, "assign_reviewer")
    check_reviewer(article=article, reviewer=reviewer)
    Article.objects.filter(pk=article.pk).update(medical_reviewer=reviewer)
    article_pages_refresh(article_ids=[article.pk])  # the page names its reviewer
    article.medical_reviewer = reviewer
    _record(article=article, user=user, action="assign_reviewer", note=str(reviewer))
    notify(article=article, recipients=[reviewer.user], message=f"You are the medical reviewer of: {article.title}")
    return article


@transaction.atomic
def claim_decide(*, claim, user, decision, note="", expected_status=None):
    """Approve, reject, ask for a source, or mark "not a claim". First decision wins: if someone
    else decided the claim since `expected_status` was read, nothing changes and ConflictError says who."""
    _require(user, "review_article")
    article = claim.article
    if is_author(user, article):
        raise PermissionDenied("You are an author of this article, so you cannot decide its claims.")
    if decision not in Claim.Status.values or decision == Claim.Status.PENDING:
        raise ValidationError("Choose approve, reject, needs a source or not a claim.", code="bad_decision")
    if decision in (Claim.Status.REJECTED, Claim.Status.NEEDS_SOURCE) and not note.strip():
        raise ValidationError("Say why, so the editor knows what to fix.", code="note_required")
    expected = claim.status if expected_status is None else expected_status
    now = timezone.now()
    updated = Claim.objects.filter(pk=claim.pk, status=expected).update(
        status=decision, note=note, decided_by=user, decided_at=now)
    if not updated:
        current = Claim.objects.select_related("decided_by").get(pk=claim.pk)
        who = current.decided_by.get_username() if current.decided_by else "someone"
        raise ConflictError(f"{who} decided this claim first ({current.get_status_display().lower()}); "
                            f"your decision was not saved.", code="conflict")
    claim.refresh_from_db()
    article_pages_refresh(article_ids=[article.pk])  # the article page counts reviewed claims
    _record(article=article, user=user, action=f"claim_{decision}", claim=claim, note=note)
    return claim


def may_settle_flag(user, severity):
    """Blocker flags need a reviewer; warnings and notes a reviewer or an editor."""
    if user.has_perm("articles.review_article"):
        return True
    return severity != Severity.BLOCKER and user.has_perm("articles.change_article")


@transaction.atomic
def flag_decide(*, flag, user, decision, reason, expected_status=Flag.Status.OPEN):
    """Resolve or dismiss a flag with a reason. Blocker flags need a reviewer; editors may settle
    warnings and notes on articles they can edit."""
    if decision not in (Flag.Status.RESOLVED, Flag.Status.DISMISSED):
        raise ValidationError("Choose resolve or dismiss.", code="bad_decision")
    if not reason.strip():
        raise ValidationError("Give a reason: it is kept with the flag and in the audit trail.", code="reason_required")
    if not may_settle_flag(user, flag.severity):
        _require(user, "review_article")  # refuses, naming the role that may
    now = timezone.now()
    updated = Flag.objects.filter(pk=flag.pk, status=expected_status).update(
        status=decision, resolution_note=reason, resolved_by=user, resolved_at=now)
    if not updated:
        current = Flag.objects.select_related("resolved_by").get(pk=flag.pk)
        who = current.resolved_by.get_username() if current.resolved_by else "a re-scan"
        raise ConflictError(f"{who} already settled this flag ({current.get_status_display().lower()}).",
                            code="conflict")
    flag.refresh_from_db()
    _record(article=flag.article, user=user, action=f"flag_{decision}", flag=flag, note=reason)
    return flag


def article_after_edit(*, article, user):
    """Called after an edit is saved and scanned: a published (or approved/scheduled) article whose
    claims changed goes back to review and leaves the public site (see the module docstring)."""
    if article.status not in (S.PUBLISHED, S.SCHEDULED, S.APPROVED):
        return article
    if not article.claims.filter(is_current=True, status=Claim.Status.PENDING).exists():
        return article
    from_status = article.status
    Article.objects.filter(pk=article.pk).update(status=S.IN_REVIEW)
    article_pages_refresh(article_ids=[article.pk])  # it leaves the public site
    article.status = S.IN_REVIEW
    _record(article=article, user=user, action="edited_claims", from_status=from_status, to_status=S.IN_REVIEW,
            note="An edit changed the article's claims; it is back in review and off the public site.")
    reviewers = [article.medical_reviewer.user] if article.medical_reviewer else list(_users_with_perm("review_article"))
    notify(article=article, recipients=reviewers, message=f"Claims changed after approval: {article.title}")
    return article


def publish_scheduled(*, now=None):
    """Publish every scheduled article that is due and passes the gate. Returns (published, refused)
    where refused is a list of (article, problems). Runs as the system (no user)."""
    now = now or timezone.now()
    published, refused = [], []
    for article in Article.objects.filter(status=S.SCHEDULED, published_at__lte=now).order_by("published_at"):
        problems = publish_gate_problems(article)
        if problems:
            refused.append((article, problems))
            continue
        with transaction.atomic():
            locked = Article.objects.select_for_update().get(pk=article.pk)
            if locked.status != S.SCHEDULED:
                continue
            locked.status = S.PUBLISHED
            locked._workflow_transition = "publish"
            locked.save()
            _record(article=locked, user=None, action="publish", from_status=S.SCHEDULED, to_status=S.PUBLISHED,
                    note="Scheduled publication.")
        published.append(locked)
    return published, refused


def perform(name, *, article, user, note=""):
    """Run the transition called `name` (a TRANSITIONS key) through its service, article_<name>.
    Schedule takes a date and has its own form; an unknown name is refused."""
    service = globals().get(f"article_{name}") if name in TRANSITIONS and name != "schedule" else None
    if service is None:
        raise ValidationError("Unknown action.", code="unknown_action")
    return service(article=article, user=user, note=note)
