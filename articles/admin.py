"""The editors' article form (with history, compare and restore) and author profiles.

`ArticleAdmin` is the content half of the article admin: fields, inlines, the Cite dialog, history.
The review app registers it for Article with the workflow added (review.admin.EditorialArticleAdmin):
flags on the form, the workflow panel, and saving through its one save path. Saving is one
transaction: the form has already resolved every citation marker (an unknown source is an error at
the body field), and `save_related` hands the row, its inlines and many-to-many fields to the save
service (`save_service`) in one call. The revision recorded by django-reversion includes the key
points, FAQs, citations and tags, so restoring a version brings all of them back.
"""

import difflib
import re

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from articles.citations import render_citations
from articles.forms import ArticleAdminForm, AuthorProfileAdminForm, FAQForm, KeyPointForm
from articles.models import FAQ, WORKFLOW_FIELDS, Article, ArticleCitation, AuthorProfile, KeyPoint
from articles.sanitize import clean_html
from articles.services import article_write
from moderation.citekeys import normalize_doi, parse_key
from moderation.html import html_to_text
from reference.models import Source

# Versioning. django-reversion does not follow taggit's generic through rows by itself: the
# article follows `tagged_items` (the GenericRelation taggit adds) and each tagged item follows
# its tag, so a restore brings the tags back even if a tag was deleted meanwhile. Citations
# are followed but not their sources: restoring an article must not roll back the library.
ARTICLE_FOLLOW = ("key_points", "faqs", "citations", "tagged_items")
for _model, _follow in ((Tag, ()), (TaggedItem, ("tag",)), (KeyPoint, ()), (FAQ, ()), (ArticleCitation, ())):
    if not reversion.is_registered(_model):
        reversion.register(_model, follow=_follow)
# The workflow's columns are not versioned: restoring a version restores the text, never a status,
# a publication date, a reviewer or a live revision. The restore is saved through the one save path
# like any edit, so it makes a new draft revision; readers keep the live one until that is reviewed.
# (The restore itself is a raw save: articles.models.keep_workflow_on_raw_save keeps those columns.)
if not reversion.is_registered(Article):
    reversion.register(Article, follow=ARTICLE_FOLLOW, exclude=WORKFLOW_FIELDS)

SOURCE_SEARCH_LIMIT = 20


class KeyPointInline(admin.TabularInline):
    model = KeyPoint
    form = KeyPointForm
    extra = 1
    verbose_name = "key point"
    verbose_name_plural = "Key points (the takeaways shown in a box above the article)"


class FAQInline(admin.StackedInline):
    model = FAQ
    form = FAQForm
    extra = 0
    verbose_name_plural = "Frequently asked questions (shown after the article)"


def source_search(query, *, limit=SOURCE_SEARCH_LIMIT):
    """Sources matching a title/author fragment, a PMID, a DOI (with or without prefix) or an ID.

    Exact identifier matches come first, then the newest work.
    """
    query = (query or "").strip()[:200]
    sources = Source.objects.all()
    if not query:
        return list(sources.order_by("-updated")[:limit])
    exact = Q(pk__in=[])
    key = parse_key(query)
    if key is not None:
        if key.kind == "id":
            exact |= Q(pk=int(key.value)) | Q(pmid=key.value)
        elif key.kind == "pmid":
            exact |= Q(pmid=key.value)
        else:
            exact |= Q(doi__iexact=key.value)
    doi = normalize_doi(query)
    if doi.startswith("10."):
        exact |= Q(doi__iexact=doi)
    condition = exact | Q(title__icontains=query) | Q(authors__icontains=query)
    return list(
        sources.filter(condition)
        .annotate(rank=Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("rank", F("year").desc(nulls_last=True), "title")[:limit]
    )


def count_of(model, **filters):
    """A correlated COUNT subquery of `model` rows per article (no join multiplication, one query
    for the whole list)."""
    counted = (model.objects.filter(article=OuterRef("pk"), **filters).order_by()
               .values("article").annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


class ArticleAdmin(VersionAdmin):
    """Registered by the review app, which adds the workflow (see the module docstring)."""

    form = ArticleAdminForm
    inlines = [KeyPointInline, FAQInline]
    # Saves the article with its inlines and many-to-many fields, all or nothing (articles.services).
    save_service = staticmethod(article_write)
    list_display = ("title", "status", "author_names", "reviewer", "citation_count", "updated")
    list_filter = ("status", "medical_reviewer", "tags")
    list_select_related = ("medical_reviewer",)
    search_fields = ("title", "slug", "standfirst", "body_text")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("authors", "medical_reviewer", "related_forms", "related_foods", "related_conditions")
    readonly_fields = ("citation_panel", "body_preview", "reading_time_minutes", "created_at", "updated_at",
                       "revisions_panel")
    date_hierarchy = "updated_at"
    save_on_top = True
    object_history_template = "admin/articles/article/object_history.html"
    change_form_template = "admin/articles/article/change_form.html"
    fieldsets = [
        # The hidden version field must be in the rendered form (ArticleAdminForm.expected_version).
        (None, {"fields": ("title", "slug", "standfirst", "body", "change_summary", "expected_version")}),
        ("People", {"fields": ("authors", "medical_reviewer")}),
        ("Topics", {"fields": ("tags", "related_forms", "related_foods", "related_conditions")}),
        ("Lead image", {"fields": ("image", "image_alt")}),
        ("Search engines", {"fields": ("seo_title", "seo_description"), "classes": ("collapse",)}),
    ]
    saved_fieldsets = [
        ("Citations and preview", {
            "fields": ("citation_panel", "body_preview", "reading_time_minutes", "created_at", "updated_at"),
            "description": "As readers will see them, from the last save. Save to refresh.",
        }),
        ("Revisions", {
            "fields": ("revisions_panel",),
            "description": "Every save that changes the text makes a revision. Readers see only the live one; "
                           "the newest is the one under review.",
        }),
    ]

    class Media:
        css = {"all": ["articles/admin.css"]}

    def get_fieldsets(self, request, obj=None):
        return self.fieldsets + (self.saved_fieldsets if obj is not None else [])

    def get_queryset(self, request):
        return (
            super().get_queryset(request)
            .select_related("medical_reviewer")
            .prefetch_related("authors")
            .annotate(citation_total=count_of(ArticleCitation))
            .order_by("-updated_at", "pk")
        )

    # List columns.

    @admin.display(description="Authors")
    def author_names(self, obj):
        return ", ".join(author.display_name for author in obj.authors.all()) or "—"

    @admin.display(description="Medical reviewer", ordering="medical_reviewer__display_name")
    def reviewer(self, obj):
        return obj.medical_reviewer.display_name if obj.medical_reviewer else "—"

    @admin.display(description="Citations", ordering="citation_total")
    def citation_count(self, obj):
        return obj.citation_total

    @admin.display(description="Updated", ordering="updated_at")
    def updated(self, obj):
        return date_format(localtime(obj.updated_at), "j M Y")

    # Read-only panels on the change form.

    @admin.display(description="Numbered references")
    def citation_panel(self, obj):
        citations = list(obj.citations.select_related("source").order_by("number")) if obj and obj.pk else []
        if not citations:
            return "No citations yet. Use the Cite button in the editor to cite a source at the claim."
        rows = []
        for citation in citations:
            source = citation.source
            ids = " · ".join(filter(None, [f"PMID {source.pmid}" if source.pmid else "",
                                           f"DOI {source.doi}" if source.doi else "",
                                           f"source {source.pk}"]))
            warning = " (RETRACTED)" if source.retracted else ""
            try:
                url = reverse("admin:reference_source_change", args=[source.pk])
            except NoReverseMatch:
                url = ""
            rows.append((citation.number, url or "#", source.formatted_citation(), warning, ids))
        items = format_html_join(
            "", '<li value="{}"><a href="{}">{}</a><strong>{}</strong> <span class="cite-ids">{}</span></li>', rows,
        )
        return format_html('<ol class="citation-panel">{}</ol>', items)

    @admin.display(description="Revisions")
    def revisions_panel(self, obj):
        if not obj or not obj.pk:
            return "—"
        revisions = list(obj.revisions.select_related("created_by").order_by("-number")[:10])
        rows = format_html_join(
            "", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            ((r.number, date_format(localtime(r.created_at), "j M Y, H:i"),
              r.created_by.get_username() if r.created_by else "—", r.summary or "—",
              "Live: readers see this" if r.pk == obj.live_revision_id else
              ("Newest: under review" if r is revisions[0] else ""))
             for r in revisions))
        return format_html('<table class="revisions"><thead><tr><th scope="col">Revision</th><th scope="col">Saved</th>'
                           '<th scope="col">By</th><th scope="col">What changed</th><th scope="col"></th></tr></thead>'
                           "<tbody>{}</tbody></table>", rows)

    @admin.display(description="Body as readers see it")
    def body_preview(self, obj):
        if not obj or not obj.pk:
            return "—"
        numbered = [(c.number, c.source) for c in obj.citations.select_related("source")]
        # Sanitize again on the way out: the stored body is clean, but a restored version is
        # written back without passing through Article.save().
        return format_html('<div class="article-preview">{}</div>', render_citations(clean_html(obj.body), numbered))

    def view_on_site(self, obj):
        """The public address; staff see drafts there as a preview (never cached)."""
        try:
            return obj.get_absolute_url() + "?preview"
        except NoReverseMatch:
            return None

    # Saving.

    def save_model(self, request, obj, form, change):
        """Nothing yet: the row is saved with its inlines in save_related, in one service call."""

    def save_service_kwargs(self, request, form, change):
        return {"expected_version": form.cleaned_data.get("expected_version") if change else None,
                "user": request.user, "summary": form.cleaned_data.get("change_summary", "")}

    def save_related(self, request, form, formsets, change):
        def write_related():
            super(ArticleAdmin, self).save_related(request, form, formsets, change)

        self.save_service(article=form.instance, write_related=write_related,
                          **self.save_service_kwargs(request, form, change))
        if reversion.is_active():
            # Re-add the article now that tags, inlines and citations are written, so the
            # revision holds them (the post_save version was taken before they existed).
            reversion.add_to_revision(form.instance)

    # Extra views: the Cite dialog's source search, and comparing two versions.

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("sources.json", self.admin_site.admin_view(self.sources_view), name=f"{prefix}_sources"),
            path("<path:object_id>/history/compare/", self.admin_site.admin_view(self.compare_view),
                 name=f"{prefix}_compare"),
        ] + super().get_urls()

    def sources_view(self, request):
        """JSON for the Cite dialog: sources matching ?q= (staff who may edit articles only)."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        if not request.user.has_perm("reference.view_source"):
            raise PermissionDenied
        results = [
            {
                "id": source.pk,
                "title": source.title,
                "year": source.year,
                "pmid": source.pmid,
                "doi": source.doi,
                "retracted": source.retracted,
                "key": source.marker_key,
                "marker": f"[[cite:{source.marker_key}]]",
            }
            for source in source_search(request.GET.get("q", ""))
        ]
        return JsonResponse({"results": results})

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an old version into the form (saved as a new draft revision by the save path).
        django-reversion writes the old row raw to show it, muting model signals on GET: the
        workflow columns are read first and put back on the object the form edits, so the form
        shows where the article really stands and checks its real version."""
        request.magsite_workflow = Article.objects.filter(pk=unquote(object_id)).values(
            *[f"{name}_id" if name in ("live_revision", "medical_reviewer") else name for name in WORKFLOW_FIELDS]
        ).first()
        return super().revision_view(request, object_id, version_id, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        stored = getattr(request, "magsite_workflow", None)
        if obj is not None and stored:
            for name, value in stored.items():
                setattr(obj, name, value)
            obj._loaded_status, obj._loaded_live = obj.status, obj.live_revision_id  # as stored: no transition
        return obj

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        versions = []
        if obj is not None:
            versions = [
                (version, reverse("admin:articles_article_revision", args=[quote(obj.pk), version.pk]))
                for version in Version.objects.get_for_object(obj).select_related("revision", "revision__user")
                .order_by("pk")
            ]
        context = {
            "versions": versions,
            "compare_url": reverse("admin:articles_article_compare", args=[quote(object_id)]) if obj else "",
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """A unified diff of two saved versions: title, standfirst, status, tags, body, citations."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No such article")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = {v.pk: v for v in Version.objects.get_for_object(obj).select_related("revision", "revision__user")}
        history_url = reverse("admin:articles_article_history", args=[quote(obj.pk)])
        if "a" in request.GET or "b" in request.GET:
            try:
                first, second = sorted(int(request.GET[key]) for key in ("a", "b"))
                older, newer = versions[first], versions[second]
            except (KeyError, ValueError):
                raise Http404("Pick two versions of this article to compare.") from None
        elif len(versions) < 2:
            messages.info(request, "This article has only one saved version: nothing to compare yet.")
            return redirect(history_url)
        else:
            older, newer = (versions[pk] for pk in sorted(versions)[-2:])
        old_snapshot, new_snapshot = version_snapshot(older), version_snapshot(newer)
        sections = []
        for name in old_snapshot:
            # Drop the ---/+++ file header and the first @@ hunk header; later ones show as "⋯".
            diff = list(difflib.unified_diff(old_snapshot[name], new_snapshot[name], lineterm="", n=2))[3:]
            sections.append({"name": name, "lines": [diff_line(line) for line in diff], "changed": bool(diff)})
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare versions of “{obj}”",
            "subtitle": None,
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "original": obj,
            "older": older,
            "newer": newer,
            "sections": sections,
            "unchanged": [section["name"] for section in sections if not section["changed"]],
            "history_url": history_url,
            "older_url": reverse("admin:articles_article_revision", args=[quote(obj.pk), older.pk]),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)


def diff_line(line):
    kind = {"+": "added", "-": "removed", "@": "hunk"}.get(line[:1], "context")
    return {"kind": kind, "text": line}


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(\[])")


def version_snapshot(version):
    """A saved version as named lists of lines, ready for difflib (one sentence per line)."""
    data = version.field_dict
    revision_versions = list(version.revision.version_set.select_related("content_type"))

    def related(model):
        label = (model._meta.app_label, model._meta.model_name)
        return [v for v in revision_versions if (v.content_type.app_label, v.content_type.model) == label]

    tag_names = {v.field_dict.get("id"): v.field_dict.get("name") for v in related(Tag)}
    tag_ids = [v.field_dict.get("tag_id") for v in related(TaggedItem)
               if str(v.field_dict.get("object_id")) == str(version.object_id)]
    missing = [tag_id for tag_id in tag_ids if tag_id not in tag_names]
    tag_names.update(Tag.objects.filter(pk__in=missing).values_list("pk", "name"))
    tags = sorted((tag_names.get(tag_id) or f"tag {tag_id}") for tag_id in tag_ids)

    citation_rows = sorted(
        (v.field_dict.get("number"), v.field_dict.get("source_id")) for v in related(ArticleCitation)
    )
    sources = Source.objects.in_bulk([source_id for _, source_id in citation_rows])
    citations = [
        f"[{number}] {sources.get(source_id, f'source {source_id} (deleted)')}"
        for number, source_id in citation_rows
    ]
    key_points = [v.field_dict.get("text", "") for v in sorted(related(KeyPoint),
                                                               key=lambda v: (v.field_dict.get("order", 0), v.pk))]

    body_lines = []
    for paragraph in html_to_text(data.get("body", "")).splitlines():
        body_lines.extend(part for part in SENTENCE_END.split(paragraph) if part)
    return {
        "Title": [data.get("title", "")],
        "Standfirst": [data.get("standfirst", "")],
        "Tags": tags,
        "Key points": key_points,
        "Body": body_lines,
        "Citations": citations,
    }


@admin.register(AuthorProfile)
class AuthorProfileAdmin(admin.ModelAdmin):
    form = AuthorProfileAdminForm
    list_display = ("display_name", "credentials", "user", "is_medical_reviewer", "article_count", "photo_thumb")
    list_filter = ("is_medical_reviewer",)
    search_fields = ("display_name", "credentials", "user__username", "user__email")
    prepopulated_fields = {"slug": ("display_name",)}
    fieldsets = [
        (None, {"fields": ("user", "display_name", "slug", "credentials", "is_medical_reviewer")}),
        ("Public profile", {"fields": ("bio", "photo")}),
    ]

    def get_queryset(self, request):
        # An aggregate drops Meta.ordering (GROUP BY): order explicitly, autocomplete paginates.
        return super().get_queryset(request).select_related("user").annotate(
            article_total=Count("articles", distinct=True),
        ).order_by("display_name", "pk")

    @admin.display(description="Articles", ordering="article_total")
    def article_count(self, obj):
        return obj.article_total

    @admin.display(description="Photo")
    def photo_thumb(self, obj):
        if not obj.photo:
            return "—"
        return format_html('<img src="{}" alt="" class="author-thumb" width="32" height="32">', obj.photo.url)

