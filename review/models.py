"""Review records: the flags and claims the moderation engine raises on articles, the reviewers'
decisions on them (with an immutable audit trail), notifications, and the admin-editable rule
settings and word lists. Written only by the services in review.workflow and review.services."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, ArticleQuerySet
from moderation import base as engine
from moderation.terms import TERM_KINDS

# The engine's enums are the one list of values; the database adds labels for editors.
_SEVERITY_LABELS = {"blocker": "Blocker", "warning": "Warning", "note": "Note"}
_CATEGORY_LABELS = {
    "promotional": "Promotional",
    "unsupported": "Unsupported claim",
    "disease_claim": "Disease claim",
    "dosage_risk": "Dosage risk",
    "contradiction": "Contradicts reference data",
    "citation": "Citation problem",
}
Severity = models.TextChoices(
    "Severity", [(member.name, (member.value, _SEVERITY_LABELS[member.value])) for member in engine.Severity])
Category = models.TextChoices(
    "Category", [(member.name, (member.value, _CATEGORY_LABELS[member.value])) for member in engine.Category])


class RuleSettingQuerySet(models.QuerySet):
    def overrides(self):
        """{rule code: (enabled, severity or None)}: the admin's switches, as the engine takes them."""
        return {code: (enabled, severity or None)
                for code, enabled, severity in self.values_list("code", "enabled", "severity")}


class RuleSetting(models.Model):
    """Admin override for one registered rule: switch it off or change its severity."""

    code = models.CharField(max_length=60, unique=True, help_text="The rule's code, as listed on flags.")
    enabled = models.BooleanField(default=True, help_text="Untick to stop this rule raising flags on the next scan.")
    severity = models.CharField(
        max_length=10, choices=Severity, blank=True,
        help_text="Leave empty to use the rule's default severity.",
    )
    note = models.CharField(max_length=300, blank=True, help_text="Why the setting was changed (for other editors).")
    updated = models.DateTimeField(auto_now=True)

    objects = RuleSettingQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = "rule setting"

    def __str__(self):
        return self.code


TermKind = models.TextChoices(
    "TermKind", [(kind.upper(), (kind, field.replace("_", " ").capitalize())) for kind, (field, _help) in TERM_KINDS.items()])


class Term(models.Model):
    """A word list entry the rules use (brands, products, selling words...), editable in the admin."""

    kind = models.CharField(max_length=40, db_index=True, choices=TermKind,
                            help_text="Which list this entry belongs to: "
                                      + "; ".join(f"{kind}: {help_}" for kind, (_f, help_) in TERM_KINDS.items()))
    value = models.CharField(max_length=200, help_text="The word or phrase, matched case-insensitively.")
    active = models.BooleanField(default=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["kind", "value"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="articles_term_unique_kind_value")]

    def __str__(self):
        return f"{self.kind}: {self.value}"


class FlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Flag.Status.OPEN)

    def open_blockers(self):
        return self.open().filter(severity=Severity.BLOCKER)

    def settled(self):
        return self.filter(status__in=Flag.SETTLED)

    def unsettled(self):
        """Waiting for a reviewer: open, or no longer raised by the rules but not yet acknowledged."""
        return self.filter(status__in=(Flag.Status.OPEN, Flag.Status.NO_LONGER_RAISED))


class Flag(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DISMISSED = "dismissed", "Dismissed: not a problem"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        TEXT_CHANGED = "text_changed", "Resolved: text changed"
        NO_LONGER_RAISED = "no_longer_raised", "No longer raised by the rules"
        RESOLVED = "resolved", "Resolved (before revisions)"  # rows settled by hand under the old workflow

    # A reviewer has settled it: dismissed with a reason, or acknowledged (notes, and flags the rules
    # stopped raising on unchanged text). A flag resolved by an edit is not in the new revision at all.
    SETTLED = (Status.DISMISSED, Status.ACKNOWLEDGED, Status.RESOLVED)

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="flags")
    rule = models.CharField(max_length=60, db_index=True)
    category = models.CharField(max_length=20, choices=Category, db_index=True)
    severity = models.CharField(max_length=10, choices=Severity, db_index=True)
    excerpt = models.TextField()
    start = models.PositiveIntegerField(help_text="Character offset in the article's text.")
    end = models.PositiveIntegerField()
    message = models.TextField()
    suggestion = models.CharField(max_length=300, blank=True)
    fingerprint = models.CharField(max_length=64, help_text="Rule + normalized text: survives edits elsewhere.")
    revisions = models.ManyToManyField("articles.ArticleRevision", blank=True, related_name="flags",
                                       help_text="The revisions this flag was raised on.")
    status = models.CharField(max_length=20, choices=Status, default=Status.OPEN, db_index=True)
    resolution_note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(auto_now=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "rule"]
        constraints = [
            models.UniqueConstraint(fields=["article", "fingerprint"], name="articles_flag_unique_fingerprint"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="articles_flag_span_valid"),
            models.CheckConstraint(
                condition=~models.Q(status="dismissed") | ~models.Q(resolution_note=""),
                name="articles_flag_dismissal_has_reason",
                violation_error_message="A dismissed flag needs a reason.",
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.excerpt[:60]}"


class ClaimQuerySet(models.QuerySet):
    def current(self):
        """Claims in the article's text as it stands (not edited out)."""
        return self.filter(is_current=True)

    def pending(self):
        """Current claims no reviewer has decided yet."""
        return self.current().filter(status=Claim.Status.PENDING)


class Claim(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending review"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        NEEDS_SOURCE = "needs_source", "Needs a source"
        NOT_A_CLAIM = "not_a_claim", "Not a claim"

    DECIDED = (Status.APPROVED, Status.NOT_A_CLAIM)  # what the publish gate accepts

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="claims")
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    category = models.CharField(max_length=30)
    fingerprint = models.CharField(max_length=64)
    citations = models.ManyToManyField("reference.Source", blank=True, related_name="claims")
    revisions = models.ManyToManyField("articles.ArticleRevision", blank=True, related_name="claims",
                                       help_text="The revisions that make this claim.")
    is_current = models.BooleanField(default=True, help_text="False once the sentence is edited out of the article.")
    status = models.CharField(max_length=15, choices=Status, default=Status.PENDING, db_index=True)
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "fingerprint"], name="articles_claim_unique_fingerprint"),
        ]

    def __str__(self):
        return self.text[:80]


class AuditEvent(models.Model):
    """One recorded decision: a workflow transition, a claim decision or a flag decision.

    Written only by the workflow services; the admin shows it read-only and allows no edit or delete.
    """

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=40, db_index=True)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events")
    flag = models.ForeignKey(Flag, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events")
    note = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = "audit event"

    def __str__(self):
        return f"{self.created:%Y-%m-%d %H:%M} {self.action} by {self.actor or 'system'}"


class Notification(models.Model):
    """A message for one staff user, shown on the admin dashboard (and sent by email)."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="notifications")
    message = models.CharField(max_length=300)
    read = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.message



class ReviewQueueQuerySet(ArticleQuerySet):
    def in_review(self):
        return self.filter(status=Article.Status.IN_REVIEW)

    def assigned_to(self, profile):
        """Assigned to this reviewer profile, or to nobody yet (anyone may pick those up)."""
        return self.filter(Q(medical_reviewer=profile) | Q(medical_reviewer__isnull=True))

    def awaiting_review_by(self, user):
        """In review and assigned to `user` or to nobody yet (everything for a superuser or a user
        with no profile)."""
        queue = self.in_review()
        profile = getattr(user, "profile", None)
        if user.is_superuser or profile is None:
            return queue
        return queue.assigned_to(profile)

    def overdue_for_review(self, today=None):
        """Published articles whose re-review date has passed."""
        return self.filter(status=Article.Status.PUBLISHED, next_review_due__lt=today or timezone.localdate())


class ReviewQueueItem(Article):
    """The reviewers' view of an article in the admin: the queue and the review screen."""

    objects = ReviewQueueQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = "article to review"
        verbose_name_plural = "review queue"
