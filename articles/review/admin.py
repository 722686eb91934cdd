from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html

from articles.models import Article, AuditEvent, ReviewQueueItem
from articles.review import views
from articles.review.models import Claim, Flag, RuleSetting, Term

CONTEXT_CHARS = 80


def excerpt_in_context(flag_or_claim, text):
    """The flagged span highlighted with <mark>, with some text either side (all escaped)."""
    start, end = flag_or_claim.start, flag_or_claim.end
    before = text[max(0, start - CONTEXT_CHARS):start]
    span = text[start:end] or getattr(flag_or_claim, "excerpt", "")
    after = text[end:end + CONTEXT_CHARS]
    return format_html('<span class="flag-context">…{}<mark>{}</mark>{}…</span>', before, span, after)


class ReadOnlyAdminMixin:
    """Rows written only by scans and the workflow services: viewable, never added, edited or
    deleted through the admin (decisions go through the review screen, with roles and an audit)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["excerpt_short", "article", "category", "severity", "rule", "status", "created"]
    list_filter = ["status", "category", "severity", "rule", ("article", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["excerpt", "message", "article__title", "rule"]
    autocomplete_fields = []
    readonly_fields = ["article", "rule", "category", "severity", "excerpt", "context", "start", "end", "message",
                       "suggestion", "fingerprint", "resolved_by", "resolved_at", "created", "last_seen"]
    fields = ["article", "context", "category", "severity", "rule", "message", "suggestion", "status",
              "resolution_note", "resolved_by", "resolved_at", "fingerprint", "created", "last_seen"]

    def get_queryset(self, request):
        # The list needs the article's title, not its 2,000-word body (twice: HTML and text).
        return (super().get_queryset(request).select_related("article", "resolved_by")
                .defer("article__body", "article__body_text"))

    def changelist_view(self, request, extra_context=None):
        # Default to what needs attention: open flags.
        if "status__exact" not in request.GET and not request.GET.get("_changelist_filters") and \
                request.method == "GET" and not request.GET:
            from django.http import HttpResponseRedirect
            return HttpResponseRedirect(f"{request.path}?status__exact=open")
        return super().changelist_view(request, extra_context)

    @admin.display(description="excerpt")
    def excerpt_short(self, obj):
        return obj.excerpt[:90]

    @admin.display(description="in context")
    def context(self, obj):
        return excerpt_in_context(obj, obj.article.body_text)


class FlagInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Open flags on the article form, highlighted in context; settled on the review screen."""

    model = Flag
    extra = 0
    can_delete = False
    fields = ["context", "category", "severity", "message", "suggestion"]
    readonly_fields = fields
    ordering = ["start"]
    verbose_name_plural = "Open editorial flags (settle them on the review screen)"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=Flag.Status.OPEN).select_related("article")

    @admin.display(description="flagged text")
    def context(self, obj):
        return excerpt_in_context(obj, obj.article.body_text)


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["text_short", "article", "category", "status", "is_current"]
    list_filter = ["status", "category", "is_current"]
    search_fields = ["text", "article__title"]
    list_select_related = ["article"]
    readonly_fields = ["article", "text", "start", "end", "category", "fingerprint", "citations", "decided_by",
                       "decided_at", "created", "is_current"]

    @admin.display(description="claim")
    def text_short(self, obj):
        return obj.text[:100]


@admin.register(RuleSetting)
class RuleSettingAdmin(admin.ModelAdmin):
    list_display = ["code", "enabled", "severity", "note", "updated"]
    list_editable = ["enabled", "severity"]
    search_fields = ["code", "note"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "active", "note"]
    list_filter = ["kind", "active"]
    list_editable = ["active"]
    search_fields = ["value", "note"]


def _count(model, **filters):
    """A correlated COUNT subquery (no join multiplication, one query for the whole list)."""
    counted = (model.objects.filter(article=OuterRef("pk"), **filters).order_by()
               .values("article").annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


class AssignedFilter(admin.SimpleListFilter):
    title = "assigned to"
    parameter_name = "assigned"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        profile = getattr(request.user, "profile", None)
        self.reviewer = profile if profile is not None and profile.is_medical_reviewer else None
        # A medical reviewer lands on their own queue; editors and managing editors on everyone's.
        self.default = "me" if self.reviewer else "all"

    def lookups(self, request, model_admin):
        return [("me", "Me (or nobody yet)"), ("all", "Anyone")]

    def choices(self, changelist):
        value = self.value() or self.default
        for lookup, title in self.lookup_choices:
            yield {"selected": value == lookup, "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                   "display": title}

    def queryset(self, request, queryset):
        if (self.value() or self.default) == "me":
            return queryset.filter(Q(medical_reviewer=self.reviewer) | Q(medical_reviewer__isnull=True))
        return queryset


class DueForReviewFilter(admin.SimpleListFilter):
    title = "re-review"
    parameter_name = "rereview"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue for review")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.filter(status=Article.Status.PUBLISHED, next_review_due__lt=timezone.localdate())
        return queryset


@admin.register(ReviewQueueItem)
class ReviewQueueAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The reviewer's queue: articles awaiting review, with open flags and pending claims."""

    list_display = ["title_link", "status", "reviewer_name", "open_blockers", "open_flags", "pending_claims",
                    "updated_at"]
    list_filter = [AssignedFilter, "status", DueForReviewFilter]
    # The title column is already a link (to the review screen); the admin's own link to the change
    # view around it would nest <a> in <a>, which browsers split into an empty link.
    list_display_links = None
    search_fields = ["title"]
    list_select_related = ["medical_reviewer"]
    ordering = ["updated_at"]
    list_per_page = 50

    def get_queryset(self, request):
        qs = super().get_queryset(request).annotate(
            n_open_flags=_count(Flag, status=Flag.Status.OPEN),
            n_open_blockers=_count(Flag, status=Flag.Status.OPEN, severity="blocker"),
            n_pending_claims=_count(Claim, status=Claim.Status.PENDING, is_current=True),
        )
        if "status__exact" not in request.GET and request.GET.get("rereview") != "overdue":
            qs = qs.filter(status=Article.Status.IN_REVIEW)
        return qs

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")

    def has_module_permission(self, request):
        return request.user.has_perm("articles.view_article")

    def changelist_view(self, request, extra_context=None):
        # The admin's default heading ("Select article to review to view") reads as a form to fill.
        return super().changelist_view(request, {"title": "Review queue", **(extra_context or {})})

    @admin.display(description="article", ordering="title")
    def title_link(self, obj):
        return format_html('<a href="{}">{}</a>', views.review_url(obj), obj.title)

    @admin.display(description="reviewer", ordering="medical_reviewer__display_name")
    def reviewer_name(self, obj):
        return obj.medical_reviewer.display_name if obj.medical_reviewer else "—"

    @admin.display(description="open blockers", ordering="n_open_blockers")
    def open_blockers(self, obj):
        return obj.n_open_blockers

    @admin.display(description="open flags", ordering="n_open_flags")
    def open_flags(self, obj):
        return obj.n_open_flags

    @admin.display(description="pending claims", ordering="n_pending_claims")
    def pending_claims(self, obj):
        return obj.n_pending_claims

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:object_id>/review/", wrap(lambda r, object_id: views.review_screen(r, self, object_id)),
                 name="articles_reviewqueueitem_review"),
            path("<int:object_id>/claims/<int:claim_id>/", wrap(
                lambda r, object_id, claim_id: views.decide_claim(r, self, object_id, claim_id)),
                name="articles_reviewqueueitem_claim"),
            path("<int:object_id>/flags/<int:flag_id>/", wrap(
                lambda r, object_id, flag_id: views.decide_flag(r, self, object_id, flag_id)),
                name="articles_reviewqueueitem_flag"),
            path("<int:object_id>/transition/", wrap(lambda r, object_id: views.transition(r, self, object_id)),
                 name="articles_reviewqueueitem_transition"),
            *super().get_urls(),
        ]


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the audit trail cannot be edited or deleted through the admin."""

    list_display = ["created", "article", "action", "actor", "from_status", "to_status", "note"]
    list_filter = ["action"]
    search_fields = ["article__title", "note", "actor__username"]
    list_select_related = ["article", "actor"]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_audit_trail")

    def has_module_permission(self, request):
        return request.user.has_perm("articles.view_audit_trail")
