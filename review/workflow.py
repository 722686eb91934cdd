"""The editorial workflow: who may do what, the publish gate, and which revision readers see.

Every save of an article that changes its content makes a revision (articles.ArticleRevision).
Reviewers review the newest revision; readers see only the article's live revision, and only the
services here set it, each in one transaction with the article row locked:

- **Publishing** (`article_publish`, `publish_scheduled`) makes the newest revision live, after
  checking the publish gate for it at that moment.
- **Editing a published article** makes a new revision and sends the article back to review; the
  live revision stays live, unchanged, until the new one is approved and published.
- **Restoring an old version** (the admin's history) saves it as a new draft revision.
- **A later decision that breaks the gate for the live revision** (a claim rejected, a retracted
  source or a rule change raising a new flag on a rescan) takes the article off the site in the
  same transaction, with an audit event (`article_take_down_if_gate_broken`).

The publish gate (`gate_problems`), for one revision: a medical reviewer who is not one of its
authors; at least one author byline and one cited source; every claim in it approved (or marked
"not a claim"); every flag raised on it settled by a reviewer (dismissed with a reason, or
acknowledged); nobody listed as an author decided a claim or settled a flag. A flag is resolved
only by an edit that removes it; a rule change never settles one (review.services).

Every service checks the actor's permission on the server, refuses an invalid move with a clear
message, records an AuditEvent and notifies the people who act next.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from articles.models import Article, ArticleRevision, AuthorProfile
from articles.pages import article_pages_refresh
from review.models import AuditEvent, Claim, Flag, Severity
from review.notifications import notify
from review.roles import ROLE_PERMISSIONS

logger = logging.getLogger(__name__)
S = Article.Status
REVIEW_INTERVAL = timedelta(days=365)


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
        Transition("request_changes", "Request changes", (S.IN_REVIEW, S.APPROVED, S.SCHEDULED), S.CHANGES_REQUESTED,
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
    """Transitions the user could attempt from the article's current status (for buttons). A live
    article can be unpublished whatever the state of its newest revision."""
    def open_now(t):
        return article.status in t.sources or (t.name == "unpublish" and article.live_revision_id)

    return [t for t in TRANSITIONS.values() if open_now(t) and user.has_perm(f"articles.{t.permission}")]


def is_author(user, article):
    profile = getattr(user, "profile", None)
    return profile is not None and article.authors.filter(pk=profile.pk).exists()


def may_review(user, article):
    """Decide claims, settle flags and approve: a reviewer who is not one of the article's authors."""
    return user.has_perm("articles.review_article") and not is_author(user, article)


# -- the publish gate -----------------------------------------------------------------------------

GATE_CONDITIONS = [
    "a qualified medical reviewer who is not one of the article's authors has signed it off",
    "every health claim in it is approved by the reviewer (or marked “not a claim”)",
    "every editorial flag raised on it is settled by the reviewer: fixed in the text, dismissed with a "
    "written reason, or acknowledged",
    "nobody who wrote it decided a claim or settled a flag",
    "it names at least one author and cites at least one source",
]


def _plural(n, word):
    return f"{n} {word}{'' if n == 1 else 's'}"


def gate_problems(revision, *, reviewer=None):
    """Why `revision` may not be live: a list of messages, empty when the gate holds. `reviewer` is
    who would sign it off (default: the reviewer who approved it, else the one assigned). Checked
    against the saved rows; a constant number of queries."""
    article = revision.article
    if reviewer is None:
        reviewer = revision.medical_reviewer or article.medical_reviewer
    authors = list(revision.authors.values_list("pk", "user_id"))
    author_profiles, author_users = {pk for pk, _ in authors}, {uid for _, uid in authors}
    problems = []
    if reviewer is None:
        problems.append("No medical reviewer is assigned.")
    elif reviewer.pk in author_profiles:
        problems.append(f"The medical reviewer ({reviewer.display_name}) is one of the authors.")
    if not authors:
        problems.append("It names no author: add the byline.")
    if not revision.citations.exists():
        problems.append("It cites no source.")
    claims = revision.claims.aggregate(
        undecided=Count("pk", filter=~Q(status__in=Claim.DECIDED)),
        by_author=Count("pk", filter=Q(decided_by__in=author_users)))
    if claims["undecided"]:
        problems.append(f"{_plural(claims['undecided'], 'claim')} not approved by a reviewer.")
    if claims["by_author"]:
        problems.append(f"{_plural(claims['by_author'], 'claim')} decided by one of the authors.")
    flags = revision.flags.aggregate(
        blockers=Count("pk", filter=Q(status=Flag.Status.OPEN, severity=Severity.BLOCKER)),
        warnings=Count("pk", filter=Q(status=Flag.Status.OPEN, severity=Severity.WARNING)),
        notes=Count("pk", filter=Q(status=Flag.Status.OPEN, severity=Severity.NOTE)),
        no_longer=Count("pk", filter=Q(status=Flag.Status.NO_LONGER_RAISED)),
        text_changed=Count("pk", filter=Q(status=Flag.Status.TEXT_CHANGED)),
        by_author=Count("pk", filter=Q(status__in=Flag.SETTLED, resolved_by__in=author_users)))
    for key, word in (("blockers", "blocker flag"), ("warnings", "warning flag"), ("notes", "note")):
        if flags[key]:
            problems.append(f"{_plural(flags[key], word)} still open.")
    if flags["no_longer"]:
        problems.append(f"{_plural(flags['no_longer'], 'flag')} no longer raised by the rules, to be acknowledged "
                        "by a reviewer.")
    if flags["text_changed"]:
        problems.append(f"{_plural(flags['text_changed'], 'flag')} on this text were never settled.")
    if flags["by_author"]:
        problems.append(f"{_plural(flags['by_author'], 'flag')} settled by one of the authors.")
    return problems


def latest_revision(article):
    return article.revisions.select_related("article", "medical_reviewer").order_by("-number").first()


def publish_gate_problems(article):
    """Why the article's newest revision may not be published yet (empty when the gate holds)."""
    revision = latest_revision(article)
    if revision is None:
        return ["Save the article first."]
    return gate_problems(revision, reviewer=article.medical_reviewer)


def review_summary(revision):
    """What the review of `revision` covered, as its page states it (plain values, stored on it)."""
    claims = revision.claims.aggregate(
        checked=Count("pk", filter=Q(status=Claim.Status.APPROVED)),
        not_claims=Count("pk", filter=Q(status=Claim.Status.NOT_A_CLAIM)),
        cited=Count("pk", filter=Q(status=Claim.Status.APPROVED, citations__isnull=False), distinct=True))
    flags = revision.flags.aggregate(
        settled=Count("pk", filter=Q(status__in=Flag.SETTLED) & ~Q(severity=Severity.NOTE)))
    return {"claims_checked": claims["checked"], "claims_cited": claims["cited"], "not_claims": claims["not_claims"],
            "flags_settled": flags["settled"], "sources": revision.citations.count()}


# -- helpers ----------------------------------------------------------------------------------------

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


def _reviewers(article):
    return [article.medical_reviewer.user] if article.medical_reviewer else list(_users_with_perm("review_article"))


def _lock(article):
    """The article row, locked until the caller's transaction ends (workflow writes go through it)."""
    return Article.objects.select_for_update().get(pk=article.pk)


def _save_workflow(locked, name, *fields):
    """Write workflow columns of the locked row, and move its version on, so an editor's form opened
    before this transition cannot be saved over it."""
    locked.version = F("version") + 1
    locked._workflow_transition = name  # lets Article.save() accept a gated status or live revision
    locked.save(update_fields=["version", "updated_at", *fields])
    locked.refresh_from_db(fields=["version"])


@transaction.atomic
def _transition(*, article, user, name, note="", **changes):
    transition = TRANSITIONS[name]
    _require(user, transition)
    locked = _lock(article)
    if locked.status not in transition.sources:
        raise ValidationError(
            f"Cannot “{transition.label.lower()}” an article that is {locked.get_status_display().lower()}.",
            code="invalid_transition",
        )
    from_status = locked.status
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.status = transition.target
    _save_workflow(locked, name, "status", *changes)
    _record(article=locked, user=user, action=name, from_status=from_status, to_status=locked.status, note=note)
    article.refresh_from_db()
    return article


# -- transitions ------------------------------------------------------------------------------------

def article_submit(*, article, user, note=""):
    """Editor hands the article to its reviewer."""
    if not article.citations.exists():
        raise ValidationError("Cite at least one source before submitting for review.", code="no_citations")
    article = _transition(article=article, user=user, name="submit", note=note)
    notify(article=article, recipients=_reviewers(article), message=f"Submitted for review: {article.title}")
    return article


def article_request_changes(*, article, user, note):
    if not note.strip():
        raise ValidationError("Say what needs to change.", code="note_required")
    if is_author(user, article):
        raise PermissionDenied("You are an author of this article, so you cannot review it.")
    article = _transition(article=article, user=user, name="request_changes", note=note)
    notify(article=article, recipients=_authors_users(article),
           message=f"Changes requested on “{article.title}”: {note[:200]}")
    return article


@transaction.atomic
def article_approve(*, article, user, note=""):
    """Reviewer signs off the newest revision: the gate holds for it with them as its reviewer. They
    become the reviewer named on the page, and the review dates are set."""
    _require(user, "review_article")
    if is_author(user, article):
        raise PermissionDenied("You are an author of this article, so you cannot approve it.")
    profile = getattr(user, "profile", None)
    if profile is None or not profile.is_medical_reviewer:
        raise PermissionDenied("Only a medical reviewer with a public profile can sign an article off.")
    locked = _lock(article)
    revision = latest_revision(locked)
    problems = gate_problems(revision, reviewer=profile)
    if problems:
        raise ValidationError(["Cannot approve yet:", *problems], code="gate")
    today = timezone.localdate()
    previous = locked.medical_reviewer
    if previous is not None and previous.pk != profile.pk:
        _record(article=locked, user=user, action="assign_reviewer", note=f"{profile} signs off instead of {previous}")
    ArticleRevision.objects.filter(pk=revision.pk).update(
        medical_reviewer=profile, last_reviewed_at=today, next_review_due=today + REVIEW_INTERVAL)
    article = _transition(
        article=article, user=user, name="approve", note=note or f"Revision {revision.number} approved.",
        medical_reviewer=profile, last_reviewed_at=today, next_review_due=today + REVIEW_INTERVAL,
    )
    managing = _users_with_perm("publish_article").exclude(is_superuser=True)
    notify(article=article, recipients=[*_authors_users(article), *managing], message=f"Approved: {article.title}")
    return article


def _make_live(locked, revision, *, user, note, action):
    """Make `revision` the live revision of the locked article (the gate was checked by the caller
    under the same lock) and record its review as the page will state it."""
    now = timezone.now()
    ArticleRevision.objects.filter(pk=revision.pk).update(live_at=now, review_summary=review_summary(revision))
    from_status = locked.status
    locked.live_revision = revision
    if locked.published_at is None or locked.published_at > now:
        locked.published_at = now  # first publication (a scheduled one: when it went out)
    locked.status = S.PUBLISHED
    _save_workflow(locked, action, "live_revision", "published_at", "status")
    _record(article=locked, user=user, action=action, from_status=from_status, to_status=S.PUBLISHED,
            note=note or f"Revision {revision.number} is live.")
    article_pages_refresh(article_ids=[locked.pk])
    notify(article=locked, recipients=_authors_users(locked), message=f"Published: {locked.title}")


@transaction.atomic
def article_publish(*, article, user, note=""):
    """Make the newest (approved) revision live, if the gate holds for it now."""
    _require(user, "publish_article")
    locked = _lock(article)
    transition = TRANSITIONS["publish"]
    if locked.status not in transition.sources:
        raise ValidationError(
            f"Cannot publish an article that is {locked.get_status_display().lower()}: a reviewer approves it first.",
            code="invalid_transition")
    revision = latest_revision(locked)
    problems = gate_problems(revision)
    if problems:
        raise ValidationError([f"Cannot publish “{locked.title}”:", *problems], code="gate")
    _make_live(locked, revision, user=user, note=note, action="publish")
    article.refresh_from_db()
    return article


@transaction.atomic
def article_schedule(*, article, user, publish_at, note=""):
    """Publish the approved revision at `publish_at` (`publish_scheduled` does it, checking the gate
    again then). Only for an article not yet on the site: an update to a live one is published now."""
    _require(user, "publish_article")
    if publish_at <= timezone.now():
        raise ValidationError("Choose a time in the future, or publish now.", code="past")
    if article.live_revision_id:
        raise ValidationError("This article is already on the site: publish its update now instead.",
                              code="live")
    problems = publish_gate_problems(article)
    if problems:
        raise ValidationError([f"Cannot schedule “{article.title}”:", *problems], code="gate")
    return _transition(article=article, user=user, name="schedule", note=note, published_at=publish_at)


@transaction.atomic
def article_unpublish(*, article, user, note=""):
    """Take the article off the site (or cancel its schedule). Its revisions and reviews are kept."""
    _require(user, "publish_article")
    locked = _lock(article)
    if locked.live_revision_id is None and locked.status != S.SCHEDULED:
        raise ValidationError("This article is not on the site or scheduled.", code="invalid_transition")
    from_status = locked.status
    locked.live_revision = None
    if locked.status in (S.PUBLISHED, S.SCHEDULED):
        locked.status = S.APPROVED
    if from_status == S.SCHEDULED and locked.published_at and locked.published_at > timezone.now():
        locked.published_at = None
    _save_workflow(locked, "unpublish", "live_revision", "status", "published_at")
    _record(article=locked, user=user, action="unpublish", from_status=from_status, to_status=locked.status,
            note=note)
    article_pages_refresh(article_ids=[locked.pk])
    article.refresh_from_db()
    return article


@transaction.atomic
def article_archive(*, article, user, note=""):
    article = _transition(article=article, user=user, name="archive", note=note, live_revision=None)
    article_pages_refresh(article_ids=[article.pk])
    return article


def article_restore(*, article, user, note=""):
    return _transition(article=article, user=user, name="restore", note=note)


def perform(name, *, article, user, note=""):
    """Run the transition called `name` (a TRANSITIONS key) through its service, article_<name>.
    Schedule takes a date and has its own form; an unknown name is refused."""
    service = globals().get(f"article_{name}") if name in TRANSITIONS and name != "schedule" else None
    if service is None:
        raise ValidationError("Unknown action.", code="unknown_action")
    return service(article=article, user=user, note=note)


@transaction.atomic
def article_take_down_if_gate_broken(*, article, user=None, cause):
    """If the gate no longer holds for the live revision (a claim rejected, a source retracted, a
    rule change raising a new flag), take the article off the site now, with an audit event, and
    tell the people who can fix it. Returns the problems (empty when it stays up)."""
    locked = _lock(article)
    if locked.live_revision_id is None:
        return []
    live = ArticleRevision.objects.select_related("article", "medical_reviewer").get(pk=locked.live_revision_id)
    problems = gate_problems(live)
    if not problems:
        return []
    from_status = locked.status
    locked.live_revision = None
    if locked.status == S.PUBLISHED:
        locked.status = S.IN_REVIEW
    _save_workflow(locked, "taken_down", "live_revision", "status")
    _record(article=locked, user=user, action="taken_down", from_status=from_status, to_status=locked.status,
            note=f"{cause} The live revision {live.number} no longer passes the publish gate, so it left the "
                 f"site: {' '.join(problems)}")
    article_pages_refresh(article_ids=[locked.pk])
    managing = _users_with_perm("publish_article").exclude(is_superuser=True)
    notify(article=locked, recipients=[*_reviewers(locked), *managing, *_authors_users(locked)],
           message=f"Taken off the site: {locked.title} ({cause})")
    return problems


def article_after_edit(*, article, user, revision):
    """A save made `revision`, new text: an article that was approved, scheduled or published goes
    back to review. The live revision, if any, stays live and unchanged until this one is approved
    and published."""
    locked = _lock(article)
    if locked.status not in (S.PUBLISHED, S.SCHEDULED, S.APPROVED):
        return article
    from_status = locked.status
    locked.status = S.IN_REVIEW
    _save_workflow(locked, "edited", "status")
    live = "Readers keep seeing the published revision until this one is approved and published." \
        if locked.live_revision_id else "It is not on the site."
    _record(article=locked, user=user, action="edited_after_approval", from_status=from_status, to_status=S.IN_REVIEW,
            note=f"An edit made revision {revision.number}, which needs review. {live}")
    notify(article=locked, recipients=_reviewers(locked), message=f"Edited after approval, to review: {locked.title}")
    article.status = S.IN_REVIEW
    article.version = locked.version
    return article


def publish_scheduled(*, now=None):
    """Publish every scheduled article that is due and passes the gate. Returns (published, refused)
    where refused is a list of (article, problems). Runs as the system (no user)."""
    now = now or timezone.now()
    published, refused = [], []
    for article in Article.objects.filter(status=S.SCHEDULED, published_at__lte=now).order_by("published_at"):
        with transaction.atomic():
            locked = _lock(article)
            if locked.status != S.SCHEDULED:
                continue
            revision = latest_revision(locked)
            problems = gate_problems(revision)
            if problems:
                refused.append((locked, problems))
                continue
            _make_live(locked, revision, user=None, note="Scheduled publication.", action="publish")
        published.append(locked)
    return published, refused


# -- reviewers ----------------------------------------------------------------------------------------

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
    author_ids = {a.pk for a in authors} if authors is not None else \
        (set(article.authors.values_list("pk", flat=True)) if article.pk else set())
    if reviewer.pk in author_ids:
        raise ValidationError(
            "%(name)s is listed as an author, so cannot be the medical reviewer of this article. Choose an "
            "independent reviewer, or remove them from the authors.", code="reviewer_is_author",
            params={"name": reviewer.display_name})


@transaction.atomic
def article_assign_reviewer(*, article, user, reviewer):
    """Assign the medical reviewer of an article that is not yet signed off."""
    _require(user, "assign_reviewer")
    check_reviewer(article=article, reviewer=reviewer)
    locked = _lock(article)
    locked.medical_reviewer = reviewer
    _save_workflow(locked, "assign_reviewer", "medical_reviewer")
    article.medical_reviewer = reviewer
    _record(article=article, user=user, action="assign_reviewer", note=str(reviewer))
    notify(article=article, recipients=[reviewer.user], message=f"You are the medical reviewer of: {article.title}")
    return article


# -- decisions on claims and flags --------------------------------------------------------------------

def _require_reviewer(user, article, what):
    _require(user, "review_article")
    if is_author(user, article):
        raise PermissionDenied(f"You are an author of this article, so you cannot {what}.")


@transaction.atomic
def claim_decide(*, claim, user, decision, note="", expected_status=None):
    """Approve, reject, ask for a source, or mark "not a claim". First decision wins: if someone
    else decided the claim since `expected_status` was read, nothing changes and ConflictError says who.
    A decision that leaves a claim of the live revision unapproved takes the article off the site."""
    article = claim.article
    _require_reviewer(user, article, "decide its claims")
    if decision not in Claim.Status.values or decision == Claim.Status.PENDING:
        raise ValidationError("Choose approve, reject, needs a source or not a claim.", code="bad_decision")
    if decision in (Claim.Status.REJECTED, Claim.Status.NEEDS_SOURCE) and not note.strip():
        raise ValidationError("Say why, so the editor knows what to fix.", code="note_required")
    expected = claim.status if expected_status is None else expected_status
    updated = Claim.objects.filter(pk=claim.pk, status=expected).update(
        status=decision, note=note, decided_by=user, decided_at=timezone.now())
    if not updated:
        current = Claim.objects.select_related("decided_by").get(pk=claim.pk)
        who = current.decided_by.get_username() if current.decided_by else "someone"
        raise ConflictError(f"{who} decided this claim first ({current.get_status_display().lower()}); "
                            f"your decision was not saved.", code="conflict")
    claim.refresh_from_db()
    _record(article=article, user=user, action=f"claim_{decision}", claim=claim, note=note)
    if decision not in Claim.DECIDED and claim.revisions.filter(live_of__isnull=False).exists():
        article_take_down_if_gate_broken(article=article, user=user,
                                         cause=f"A claim of the published text was marked “{claim.get_status_display()}”.")
    return claim


FLAG_DECISIONS = {
    Flag.Status.DISMISSED: "Dismiss: not a problem",
    Flag.Status.ACKNOWLEDGED: "Acknowledge",
    "needs_change": "Needs a change",
}


def may_settle_flag(user, article):
    """Flags are settled by a reviewer who is not an author; editors fix the text."""
    return may_review(user, article)


@transaction.atomic
def flag_decide(*, flag, user, decision, reason, expected_status=None):
    """A reviewer's decision on a flag, with a written reason, recorded in the audit trail:

    - dismissed ("Dismiss: not a problem"): the flagged text stays and is fine as it is;
    - acknowledged: for notes, and for flags the rules no longer raise on unchanged text;
    - "needs_change": the flag stays open and goes back to the editor with the reason.

    A flag is resolved only by an edit that removes it (a rescan sees it); nobody resolves one by
    hand. First decision wins (ConflictError names who decided first)."""
    article = flag.article
    _require_reviewer(user, article, "settle its flags")
    if decision not in FLAG_DECISIONS:
        raise ValidationError("A flag is resolved by changing the text; here choose “Dismiss: not a problem”, "
                              "“Acknowledge” or “Needs a change”.", code="bad_decision")
    if not reason.strip() and decision != Flag.Status.ACKNOWLEDGED:
        raise ValidationError("Give a reason: it is kept with the flag and in the audit trail.", code="reason_required")
    acknowledgeable = flag.severity == Severity.NOTE or flag.status == Flag.Status.NO_LONGER_RAISED
    if decision == Flag.Status.ACKNOWLEDGED and not acknowledgeable:
        raise ValidationError("Only notes and flags the rules no longer raise are acknowledged; dismiss this one "
                              "with a reason, or send it back as needing a change.", code="not_acknowledgeable")
    expected = expected_status or flag.status
    if expected not in (Flag.Status.OPEN, Flag.Status.NO_LONGER_RAISED):
        raise ConflictError(f"This flag is already settled ({flag.get_status_display().lower()}).", code="conflict")
    if decision == "needs_change":
        if not Flag.objects.filter(pk=flag.pk, status=Flag.Status.OPEN).exists():
            raise ConflictError("This flag is no longer open; reload the page.", code="conflict")
        _record(article=article, user=user, action="flag_needs_change", flag=flag, note=reason)
        notify(article=article, recipients=_authors_users(article),
               message=f"Needs a change in “{article.title}”: “{flag.excerpt[:80]}” ({reason[:150]})")
        return flag
    updated = Flag.objects.filter(pk=flag.pk, status=expected).update(
        status=decision, resolution_note=reason, resolved_by=user, resolved_at=timezone.now())
    if not updated:
        current = Flag.objects.select_related("resolved_by").get(pk=flag.pk)
        who = current.resolved_by.get_username() if current.resolved_by else "a re-scan"
        raise ConflictError(f"{who} already settled this flag ({current.get_status_display().lower()}).",
                            code="conflict")
    flag.refresh_from_db()
    _record(article=article, user=user, action=f"flag_{decision}", flag=flag, note=reason)
    return flag


# -- the invariant, checked from the outside ------------------------------------------------------

def audit_published():
    """Every violation of the invariant on the public site, as (article, message): a public
    article whose live revision does not pass the gate, or whose decisions the audit trail does not
    back (each claim decision and flag settlement by the person recorded, none of them an author,
    and a recorded publication)."""
    violations = []
    live = (ArticleRevision.objects.live().select_related("article", "medical_reviewer")
            .order_by("article__slug"))
    for revision in live:
        article = revision.article
        for problem in gate_problems(revision):
            violations.append((article, f"revision {revision.number} is live but fails the gate: {problem}"))
        authors = set(revision.authors.values_list("user_id", flat=True))
        events = set(AuditEvent.objects.filter(article=article).values_list("action", "actor_id", "claim_id",
                                                                            "flag_id"))
        for claim in revision.claims.filter(status__in=Claim.DECIDED):
            if (f"claim_{claim.status}", claim.decided_by_id, claim.pk, None) not in events:
                violations.append((article, f"claim {claim.pk} is {claim.status} with no audit event by its decider"))
            if claim.decided_by_id in authors:
                violations.append((article, f"claim {claim.pk} was decided by an author"))
        for flag in revision.flags.filter(status__in=Flag.SETTLED):
            if (f"flag_{flag.status}", flag.resolved_by_id, None, flag.pk) not in events:
                violations.append((article, f"flag {flag.pk} is {flag.status} with no audit event by who settled it"))
            if flag.resolved_by_id in authors:
                violations.append((article, f"flag {flag.pk} was settled by an author"))
        if not any(action == "publish" for action, *_ in events):
            violations.append((article, "it is public but no publication is recorded"))
    return violations
