"""Articles, their authors' public profiles, and the sources they cite."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from taggit.managers import TaggableManager

from articles.sanitize import clean_html, clean_text
from articles.text import reading_time_minutes
from moderation.html import html_to_text
from reference.models import Condition, Food, MagnesiumForm, Source


class AuthorProfile(models.Model):
    """The public face of a staff user: shown as author or medical reviewer."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(max_length=120, help_text="Name as readers see it, e.g. “Dr Ana Ruiz”.")
    slug = models.SlugField(max_length=120, unique=True, help_text="Used in the author page address.")
    credentials = models.CharField(
        max_length=120, blank=True, help_text="Degrees and titles shown after the name, e.g. “MD, PhD” or “RDN”."
    )
    bio = models.TextField(blank=True, help_text="Two or three sentences: expertise and affiliations.")
    photo = models.ImageField(upload_to="authors/", blank=True, help_text="Square portrait, at least 256×256 px.")
    is_medical_reviewer = models.BooleanField(
        default=False, help_text="Qualified to be named as an article's medical reviewer."
    )

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return f"{self.display_name}, {self.credentials}" if self.credentials else self.display_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.display_name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:author_detail", args=[self.slug])


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles readers can see: they have a live revision and their publication time has come.
        What readers see of them is that revision (ArticleRevision.objects.live()), never this row."""
        return self.filter(live_revision__isnull=False, published_at__lte=timezone.now())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Approved"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    # Once a reviewer has signed an article off, its page names them: another reviewer may take over
    # only after the article has gone back to review.
    SIGNED_OFF = (Status.APPROVED, Status.SCHEDULED, Status.PUBLISHED, Status.ARCHIVED)

    title = models.CharField(max_length=200, help_text="The headline readers see. Plain, specific, no hype.")
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the address; filled from the title.")
    standfirst = models.TextField(
        max_length=400, blank=True,
        help_text="One or two sentences under the headline saying what the reader will learn.",
    )
    body = models.TextField(
        help_text="The article. Cite a source at the claim with [[cite:pmid:12345678]], "
                  "[[cite:doi:10.xxxx/yyyy]] or [[cite:ID]]; use the “Cite” button to insert one.",
    )
    body_text = models.TextField(editable=False, blank=True, help_text="Plain text of the body, derived on save.")
    tags = TaggableManager(blank=True, help_text="Topics, comma separated (e.g. sleep, cramps, glycinate).")
    authors = models.ManyToManyField(AuthorProfile, related_name="articles", blank=True)
    medical_reviewer = models.ForeignKey(
        AuthorProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="reviewed_articles",
        limit_choices_to={"is_medical_reviewer": True},
        help_text="The qualified reviewer who checks the claims. Must not be one of the authors.",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_reviewed_at = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    reading_time_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    image = models.ImageField(upload_to="articles/", blank=True, help_text="Optional lead image (JPEG/PNG/WebP).")
    image_alt = models.CharField(
        "image alt text", max_length=250, blank=True,
        help_text="Describe the image for readers who cannot see it. Required when there is an image.",
    )
    seo_title = models.CharField("SEO title", max_length=70, blank=True,
                                 help_text="Title for search results, up to 70 characters. Defaults to the title.")
    seo_description = models.CharField("SEO description", max_length=160, blank=True,
                                       help_text="Summary for search results, up to 160 characters. Defaults to the standfirst.")
    related_forms = models.ManyToManyField(MagnesiumForm, blank=True, related_name="articles")
    related_foods = models.ManyToManyField(Food, blank=True, related_name="articles")
    related_conditions = models.ManyToManyField(Condition, blank=True, related_name="articles")
    sources = models.ManyToManyField(
        Source, through="ArticleCitation", related_name="articles", blank=True,
        help_text="Derived from the citation markers in the body.",
    )
    version = models.PositiveIntegerField(default=1, editable=False,
                                          help_text="Incremented on every save and transition; guards against lost updates.")
    live_revision = models.OneToOneField(
        "ArticleRevision", null=True, blank=True, editable=False, on_delete=models.PROTECT, related_name="live_of",
        help_text="The revision readers see. Set only by publishing, which checks the publish gate.")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        permissions = [
            ("submit_article", "Can submit an article for review"),
            ("review_article", "Can decide claims and flags, request changes and approve"),
            ("publish_article", "Can publish, schedule, unpublish and archive"),
            ("assign_reviewer", "Can assign the medical reviewer"),
            ("view_audit_trail", "Can view an article's audit trail"),
        ]
        indexes = [models.Index(fields=["status", "-published_at"], name="articles_status_pub_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image="") | ~models.Q(image_alt=""),
                name="articles_article_image_has_alt",
                violation_error_message="Add alt text describing the image.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:article_detail", args=[self.slug])

    def clean(self):
        super().clean()
        # Also a CheckConstraint; checked here first so the message lands at the alt text field.
        if self.image and not (self.image_alt or "").strip():
            raise ValidationError({"image_alt": ValidationError(
                "Add alt text describing the image for readers who cannot see it (or remove the image).",
                code="image_alt_required",
            )})

    @classmethod
    def from_db(cls, db, field_names, values, *args, **kwargs):
        instance = super().from_db(db, field_names, values, *args, **kwargs)
        instance._loaded_status = instance.__dict__.get("status")
        instance._loaded_live = instance.__dict__.get("live_revision_id")
        return instance

    def save(self, *args, **kwargs):
        # The publish gate cannot be bypassed by setting a field: only the workflow services
        # (review.workflow), which check the gate with the rows locked, may make a revision live or
        # move an article to published or scheduled. Content saves (articles.services.article_write)
        # write the content columns only, so they never carry a status or live revision back.
        gated = (self.Status.PUBLISHED, self.Status.SCHEDULED)
        status_moved = self.status in gated and getattr(self, "_loaded_status", None) != self.status
        live_moved = self.live_revision_id is not None and getattr(self, "_loaded_live", None) != self.live_revision_id
        if (status_moved or live_moved) and not getattr(self, "_workflow_transition", None):
            raise ValidationError(
                "Articles are published or scheduled only through the review workflow (it checks the "
                "publish gate): use the Publish or Schedule action.", code="publish_gate_bypass")
        # Derived fields of this row only; citations and flags are synced by services.
        self.body = clean_html(self.body)
        self.standfirst = clean_text(self.standfirst)
        self.body_text = html_to_text(self.body)
        self.reading_time_minutes = reading_time_minutes(self.body_text)
        if not self.slug:
            self.slug = slugify(self.title)[:200]
        super().save(*args, **kwargs)
        self._loaded_status = self.status
        self._loaded_live = self.live_revision_id
        self._workflow_transition = None

    @property
    def display_title(self):
        return self.seo_title or self.title

    @property
    def is_public(self):
        return self.live_revision_id is not None and self.published_at is not None \
            and self.published_at <= timezone.now()

    @property
    def latest_revision(self):
        """The newest revision: what the editors last saved, and what reviewers review."""
        return self.revisions.order_by("-number").first()

    @property
    def has_unpublished_changes(self):
        latest = self.revisions.order_by("-number").values_list("pk", flat=True).first()
        return self.live_revision_id is not None and latest != self.live_revision_id


class ArticleCitation(models.Model):
    """A source cited in an article body; `number` is its position in order of first use."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    number = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "source"], name="articles_citation_unique_source"),
            models.UniqueConstraint(fields=["article", "number"], name="articles_citation_unique_number"),
        ]

    def __str__(self):
        return f"[{self.number}] {self.source}"


class KeyPoint(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="key_points")
    text = models.CharField(max_length=300, help_text="One takeaway, one sentence.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text


class FAQ(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(max_length=250)
    answer = models.TextField(help_text="Plain text; keep it short and cite in the body, not here.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"

    def __str__(self):
        return self.question


class ArticlePage(models.Model):
    """The parts of a published article's public page, rendered when what it shows was written.

    Written only by `articles.services.article_pages_render`; read by the article view, which
    renders the page around them (one query, the parts only). `stale` is set in the same transaction as
    any write the page depends on, so from the moment that write commits readers get the page
    rendered live, until the new parts are stored (articles/pages.py). `render_key` names the code,
    templates and settings the parts were rendered with: parts from another key are not used.
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="stored_page")
    title = models.TextField(blank=True)
    description = models.TextField(blank=True)
    meta = models.TextField(blank=True)
    content = models.TextField(blank=True)
    stale = models.BooleanField(default=True)
    render_key = models.CharField(max_length=64, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "stored article page"

    def __str__(self):
        return f"Stored page of article {self.article_id}"


# The workflow's columns: only review.workflow writes them (through Article.save's guard, or queryset
# updates inside its locked transactions).
WORKFLOW_FIELDS = ("status", "published_at", "live_revision", "medical_reviewer", "last_reviewed_at",
                   "next_review_due", "version")


def keep_workflow_on_raw_save(sender, instance, raw, **kwargs):
    """pre_save receiver: a raw save (restoring a version from the history, loading a fixture)
    writes every column of the row from the serialized data, defaults included, and bypasses
    Article.save(): it must not change where the article stands in the workflow, so the stored
    workflow columns are kept. Restored text is saved through the save path as a new revision."""
    if not raw or instance.pk is None:
        return
    stored = Article.objects.filter(pk=instance.pk).values(*[f"{name}_id" if name in ("live_revision",
                                                            "medical_reviewer") else name
                                                             for name in WORKFLOW_FIELDS]).first()
    if stored:
        for name, value in stored.items():
            setattr(instance, name, value)


class ArticleRevisionQuerySet(models.QuerySet):
    def live(self):
        """The one definition of what readers see: each published article's live revision (views,
        feeds, sitemap, search, the stored page), with its article row."""
        return self.filter(live_of__isnull=False, live_of__published_at__lte=timezone.now()).select_related("article")


class ArticleRevision(models.Model):
    """One saved state of an article: its text and everything its page shows, kept unchanged.

    Every save that changes the content makes one (articles.services.article_write). Reviewers
    review the newest; publishing makes one the article's live revision (Article.live_revision),
    and readers see only that one. Restoring an old version makes a new revision, never a live one.
    The reviewer and the review facts are set on a revision when it is approved and published.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(help_text="1 for the first save, then 2, 3...")
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    summary = models.CharField(
        "change summary", max_length=300, blank=True,
        help_text="What changed, for readers (e.g. “Dose table corrected”). Shown on the page when published.")
    content_hash = models.CharField(max_length=64, help_text="Of the content below: a save that changes nothing "
                                                             "makes no revision.")
    # The content, as readers would see it.
    title = models.CharField(max_length=200)
    standfirst = models.TextField(blank=True)
    body = models.TextField(help_text="Sanitized HTML.")
    body_text = models.TextField(blank=True)
    reading_time_minutes = models.PositiveSmallIntegerField(default=1)
    image = models.ImageField(upload_to="articles/", blank=True)
    image_alt = models.CharField(max_length=250, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=160, blank=True)
    key_points = models.JSONField(default=list, blank=True, help_text="[{text}] in order.")
    faqs = models.JSONField(default=list, blank=True, help_text="[{question, answer}] in order.")
    authors = models.ManyToManyField(AuthorProfile, blank=True, related_name="revisions")
    tags = models.ManyToManyField("taggit.Tag", blank=True, related_name="article_revisions")
    related_forms = models.ManyToManyField(MagnesiumForm, blank=True, related_name="article_revisions")
    related_foods = models.ManyToManyField(Food, blank=True, related_name="article_revisions")
    related_conditions = models.ManyToManyField(Condition, blank=True, related_name="article_revisions")
    sources = models.ManyToManyField(Source, through="RevisionCitation", blank=True, related_name="article_revisions")
    # The review, set by the workflow when the revision is approved and published.
    medical_reviewer = models.ForeignKey(AuthorProfile, null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="reviewed_revisions")
    last_reviewed_at = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    review_summary = models.JSONField(default=dict, blank=True,
                                      help_text="What the review covered, as the page states it (set on publish).")
    live_at = models.DateTimeField(null=True, blank=True, help_text="When it became the live revision.")

    objects = ArticleRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="articles_revision_unique_number"),
        ]

    def __str__(self):
        return f"{self.title} (revision {self.number})"

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    @property
    def display_title(self):
        return self.seo_title or self.title

    @property
    def slug(self):
        return self.article.slug

    @property
    def is_live(self):
        return self.article.live_revision_id == self.pk

    @property
    def published_at(self):
        """When the article was first published (the page's “Published” date and list order)."""
        return self.article.published_at

    @property
    def updated_at(self):
        """“Last updated” on the page: when this revision went live (or was saved, for a preview)."""
        return self.live_at or self.created_at


class RevisionCitation(models.Model):
    """A source cited in a revision; `number` is its position in order of first use."""

    revision = models.ForeignKey(ArticleRevision, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="revision_citations")
    number = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["revision", "number"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "source"], name="articles_revcitation_unique_source"),
            models.UniqueConstraint(fields=["revision", "number"], name="articles_revcitation_unique_number"),
        ]

    def __str__(self):
        return f"[{self.number}] {self.source}"
