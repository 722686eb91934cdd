from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html

from articles.review.models import Claim, Flag, RuleSetting, Term

CONTEXT_CHARS = 80


def excerpt_in_context(flag_or_claim, text):
    """The flagged span highlighted with <mark>, with some text either side (all escaped)."""
    start, end = flag_or_claim.start, flag_or_claim.end
    before = text[max(0, start - CONTEXT_CHARS):start]
    span = text[start:end] or getattr(flag_or_claim, "excerpt", "")
    after = text[end:end + CONTEXT_CHARS]
    return format_html('<span class="flag-context">…{}<mark>{}</mark>{}…</span>', before, span, after)


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["excerpt_short", "article", "category", "severity", "rule", "status", "created"]
    list_filter = ["status", "category", "severity", "rule"]
    search_fields = ["excerpt", "message", "article__title", "rule"]
    list_select_related = ["article"]
    autocomplete_fields = []
    readonly_fields = ["article", "rule", "category", "severity", "excerpt", "context", "start", "end", "message",
                       "suggestion", "fingerprint", "resolved_by", "resolved_at", "created", "last_seen"]
    fields = ["article", "context", "category", "severity", "rule", "message", "suggestion", "status",
              "resolution_note", "resolved_by", "resolved_at", "fingerprint", "created", "last_seen"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "resolved_by")

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

    def has_add_permission(self, request):
        return False  # flags come from scans only

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data and obj.status in (Flag.Status.RESOLVED, Flag.Status.DISMISSED):
            obj.resolved_by, obj.resolved_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)


class FlagInline(admin.TabularInline):
    model = Flag
    extra = 0
    can_delete = False
    fields = ["context", "category", "severity", "message", "status", "resolution_note"]
    readonly_fields = ["context", "category", "severity", "message"]
    ordering = ["status", "start"]

    def has_add_permission(self, request, obj=None):
        return False

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

    def has_add_permission(self, request):
        return False


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
