"""The editorial admin: articles with their workflow, the review queue and screen, flags, claims,
rule settings, word lists and the audit trail.

Articles are registered here, not in the articles app: `EditorialArticleAdmin` is the articles
app's content admin (articles.admin.ArticleAdmin) with the workflow added, and it saves through the
one save path (review.services.article_save: the rows, then the scan, then the workflow's rule for
edits to approved articles). Status and review dates are read-only on the form: they change only
through the workflow services (review screen, bulk actions), which check roles and the publish
gate. Flags, claims and the audit trail are read-only here: decisions are made on the review
screen, through the services, with roles checked and every decision recorded.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import path
from django.utils.html import format_html

from articles.admin import ArticleAdmin, count_of
from articles.models import Article
from review import views, workflow
from review.models import AuditEvent, Claim, Flag, ReviewQueueItem, RuleSetting, Term
from review.services import article_save

CONTEXT_CHARS = 80
WORKFLOW_FIELDS = ("status", "published_at", "last_reviewed_at", "next_review_due")


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
class ClaimAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
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
            return queryset.assigned_to(self.reviewer)
        return queryset


class DueForReviewFilter(admin.SimpleListFilter):
    title = "re-review"
    parameter_name = "rereview"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue for review")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.overdue_for_review()
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
            n_open_flags=count_of(Flag, status=Flag.Status.OPEN),
            n_open_blockers=count_of(Flag, status=Flag.Status.OPEN, severity="blocker"),
            n_pending_claims=count_of(Claim, status=Claim.Status.PENDING, is_current=True),
        )
        if "status__exact" not in request.GET and request.GET.get("rereview") != "overdue":
            qs = qs.in_review()
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
                 name="review_reviewqueueitem_review"),
            path("<int:object_id>/claims/<int:claim_id>/", wrap(
                lambda r, object_id, claim_id: views.decide_claim(r, self, object_id, claim_id)),
                name="review_reviewqueueitem_claim"),
            path("<int:object_id>/flags/<int:flag_id>/", wrap(
                lambda r, object_id, flag_id: views.decide_flag(r, self, object_id, flag_id)),
                name="review_reviewqueueitem_flag"),
            path("<int:object_id>/transition/", wrap(lambda r, object_id: views.transition(r, self, object_id)),
                 name="review_reviewqueueitem_transition"),
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


# Articles, with the workflow.


class ReviewerFormMixin:
    """The article form's medical reviewer, checked by the workflow's rule at the field (the save
    path checks it again against the saved rows)."""

    def clean(self):
        cleaned = super().clean()
        # The field is read-only (not on the form) for users who may not assign reviewers: the
        # reviewer is then the stored one, and adding them as an author must be refused too.
        editable = "medical_reviewer" in self.fields
        reviewer = cleaned.get("medical_reviewer") if editable else self.instance.medical_reviewer
        authors = cleaned.get("authors")
        if reviewer is not None:
            try:
                workflow.check_reviewer(article=self.instance, reviewer=reviewer,
                                        authors=authors if authors is not None else None)
            except ValidationError as exc:
                field = "medical_reviewer" if editable and "medical_reviewer" in self.changed_data else "authors"
                self.add_error(field, exc)
        return cleaned


def _run_each(modeladmin, request, queryset, service, verb, **kwargs):
    done = 0
    for article in queryset:
        try:
            service(article=article, user=request.user, **kwargs)
        except (ValidationError, PermissionDenied) as exc:
            text = " ".join(exc.messages) if isinstance(exc, ValidationError) else "your role does not allow this"
            modeladmin.message_user(request, f"“{article.title}” not {verb}: {text}", messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, f"{done} article(s) {verb}.", messages.SUCCESS)


@admin.action(description="Publish selected articles (each must pass the publish gate)")
def publish_selected(modeladmin, request, queryset):
    _run_each(modeladmin, request, queryset, workflow.article_publish, "published")


@admin.action(description="Submit selected articles for review")
def submit_selected(modeladmin, request, queryset):
    _run_each(modeladmin, request, queryset, workflow.article_submit, "submitted")


@admin.action(description="Unpublish selected articles")
def unpublish_selected(modeladmin, request, queryset):
    _run_each(modeladmin, request, queryset, workflow.article_unpublish, "unpublished")


@admin.action(description="Archive selected articles")
def archive_selected(modeladmin, request, queryset):
    _run_each(modeladmin, request, queryset, workflow.article_archive, "archived")


@admin.register(Article)
class EditorialArticleAdmin(ArticleAdmin):
    """The articles app's article admin with the workflow: open flags on the form, the workflow
    panel, the open-blockers column, bulk actions through the services, and the one save path."""

    inlines = [*ArticleAdmin.inlines, FlagInline]
    actions = [submit_selected, publish_selected, unpublish_selected, archive_selected]
    save_service = staticmethod(article_save)

    def get_form(self, request, obj=None, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(base.__name__, (ReviewerFormMixin, base), {})
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        first, (_, people), *rest = super().get_fieldsets(request, obj)
        people = {**people, "fields": (*people["fields"], *WORKFLOW_FIELDS)}
        return [first, ("Review and workflow", {"fields": ("workflow_panel",)}), ("People and status", people), *rest]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), *WORKFLOW_FIELDS, "workflow_panel"]
        if not request.user.has_perm("articles.assign_reviewer"):
            readonly.append("medical_reviewer")
        return readonly

    def get_list_display(self, request):
        return [*super().get_list_display(request), "open_blockers"]

    def get_queryset(self, request):
        # A correlated subquery, not a JOIN + COUNT: joining flags and citations multiplies rows.
        return super().get_queryset(request).annotate(
            n_open_blockers=count_of(Flag, status=Flag.Status.OPEN, severity="blocker"))

    @admin.display(description="Open blockers", ordering="n_open_blockers")
    def open_blockers(self, obj):
        n = getattr(obj, "n_open_blockers", 0)
        return format_html('<strong class="blockers">{}</strong>', n) if n else "0"

    @admin.display(description="Review and workflow")
    def workflow_panel(self, obj):
        if not obj or not obj.pk:
            return "Save the article first; then submit it for review from the review screen."
        problems = workflow.publish_gate_problems(obj)
        gate = "passes" if not problems else "blocked: " + " ".join(problems)
        return format_html('Status <strong>{}</strong>. Publish gate {}. <a href="{}">Open the review screen</a> '
                           "to submit, review, approve or publish.", obj.get_status_display(), gate,
                           views.review_url(obj))

    def save_related(self, request, form, formsets, change):
        before = form.instance.status
        super().save_related(request, form, formsets, change)
        if change and form.instance.status != before:
            self.message_user(request, "This edit changed the article's claims, so it is back in review and off "
                                       "the public site until a reviewer approves it again.", messages.WARNING)
