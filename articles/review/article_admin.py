"""The workflow's part of the article admin: a mixin for ArticleAdmin.

- Status and review dates are read-only on the form: they change only through the workflow
  services (review screen, bulk actions), which check roles and the publish gate.
- The medical reviewer is chosen only by users who may assign reviewers.
- Saving checks the version the editor started from, so a second editor's stale save is refused
  with a message and their form is shown again (nothing of either edit is lost).
- After each save the article is re-scanned for flags and claims, and an edit that changes the
  claims of an approved or published article sends it back to review.
- Bulk actions go through the same services, one article at a time, and report each refusal.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import format_html

from articles import workflow
from articles.models import Article
from articles.review.services import article_scan
from articles.services import article_claim_version

WORKFLOW_FIELDS = ("status", "published_at", "last_reviewed_at", "next_review_due")


class VersionCheckMixin(forms.ModelForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["expected_version"] = self.instance.version

    @property
    def changed_data(self):
        # The version guard is bookkeeping, not an edit (keeps history comments honest).
        return [name for name in super().changed_data if name != "expected_version"]

    def clean(self):
        cleaned = super().clean()
        expected = cleaned.get("expected_version")
        if self.instance.pk and expected is not None:
            current = Article.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if current is not None and current != expected:
                raise ValidationError(
                    "Someone else saved this article while you were editing it (their version %(current)s, you "
                    "started from %(expected)s). Your changes are still in this form but were NOT saved: copy "
                    "them, open the article again in a new tab, and apply them to the latest version.",
                    code="stale_edit", params={"current": current, "expected": expected},
                )
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


class ArticleWorkflowAdminMixin:
    actions = [submit_selected, publish_selected, unpublish_selected, archive_selected]

    def get_form(self, request, obj=None, **kwargs):
        # Declared on the base form so the admin's field list may name it.
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(base.__name__, (VersionCheckMixin, base), {})
        return super().get_form(request, obj, **kwargs)

    def with_workflow_fieldsets(self, fieldsets):
        """The admin's fieldsets plus the workflow panel and the hidden version field."""
        # The hidden version field must be in the rendered form.
        first_name, first_opts = fieldsets[0]
        if "expected_version" not in first_opts["fields"]:
            first_opts = {**first_opts, "fields": (*first_opts["fields"], "expected_version")}
        panel = ("Review and workflow", {"fields": ("workflow_panel",)})
        return [(first_name, first_opts), panel, *fieldsets[1:]]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), *WORKFLOW_FIELDS, "workflow_panel"]
        if not request.user.has_perm("articles.assign_reviewer"):
            readonly.append("medical_reviewer")
        return readonly

    def get_list_display(self, request):
        return [*super().get_list_display(request), "open_blockers"]

    def get_queryset(self, request):
        from articles.review.admin import _count
        from articles.review.models import Flag

        # A correlated subquery, not a JOIN + COUNT: joining flags and citations multiplies rows.
        return super().get_queryset(request).annotate(
            n_open_blockers=_count(Flag, status=Flag.Status.OPEN, severity="blocker"))

    @admin.display(description="Open blockers", ordering="n_open_blockers")
    def open_blockers(self, obj):
        n = getattr(obj, "n_open_blockers", 0)
        return format_html('<strong class="blockers">{}</strong>', n) if n else "0"

    @admin.display(description="Review and workflow")
    def workflow_panel(self, obj):
        if not obj or not obj.pk:
            return "Save the article first; then submit it for review from the review screen."
        url = reverse("admin:articles_reviewqueueitem_review", args=[obj.pk])
        problems = workflow.publish_gate_problems(obj)
        gate = "passes" if not problems else "blocked: " + " ".join(problems)
        return format_html('Status <strong>{}</strong>. Publish gate {}. <a href="{}">Open the review screen</a> '
                           "to submit, review, approve or publish.", obj.get_status_display(), gate, url)

    def save_model(self, request, obj, form, change):
        if change:
            # The form's clean() gave the friendly message; this locks the row and catches a save
            # that raced in between (StaleEditError, inside the admin's transaction).
            article_claim_version(article=obj, expected_version=form.cleaned_data.get("expected_version"))
        else:
            obj.version = 1
        if change and "medical_reviewer" in form.changed_data and obj.medical_reviewer is not None:
            workflow._record(article=obj, user=request.user, action="assign_reviewer", note=str(obj.medical_reviewer))
        super().save_model(request, obj, form, change)

    def after_related_saved(self, request, article):
        """Called by ArticleAdmin.save_related once tags, inlines and citations are written: scan
        (the rules need the resolved citations) and apply the workflow's after-edit rule."""
        article_scan(article=article)
        before = article.status
        workflow.after_edit(article=article, user=request.user)
        if article.status != before:
            self.message_user(request, "This edit changed the article's claims, so it is back in review and off "
                                       "the public site until a reviewer approves it again.", messages.WARNING)
