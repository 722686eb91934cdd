"""Editors' admin for the reference library.

Sources are searchable so other admins (articles) can use `autocomplete_fields` for them. Foods and
sources import and export CSV; an import with any bad row saves nothing and lists every bad row.
"""

import codecs

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV
from import_export.forms import ImportForm

from reference.models import Condition, Food, IntakeGuideline, MagnesiumForm, Source
from reference.resources import FoodResource, SourceResource

MAX_IMPORT_CSV_BYTES = 2 * 1024 * 1024  # the whole food table is a few kB; larger is not a reference list


class CsvImportForm(ImportForm):
    """The upload step, refusing what is not a CSV file before import-export stores and parses it
    (it reads the whole file into memory, and reports a binary file only as 'UnicodeDecodeError')."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > MAX_IMPORT_CSV_BYTES:
            raise ValidationError(
                "This file is %(size)s; a CSV import is limited to %(limit)s. Split it into smaller files.",
                code="csv_too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_IMPORT_CSV_BYTES)},
            )
        head = upload.read(64 * 1024)
        upload.seek(0)
        try:
            # final=False: a character cut at the 64 kB boundary is not an error.
            text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
            if "\0" in text:
                raise ValueError("NUL byte")
        except ValueError:  # UnicodeDecodeError is a ValueError
            raise ValidationError(
                "“%(name)s” is not a CSV text file (it looks like a binary file, such as a spreadsheet or an "
                "image). In your spreadsheet, use “Save as… CSV UTF-8” and upload that file.",
                code="csv_not_text", params={"name": upload.name},
            ) from None
        return upload


class AllOrNothingImportMixin:
    """CSV only, and a clear message instead of a misleading "Import finished" when a confirmed
    import was rolled back (the resource rolls back any file with a bad row)."""

    formats = [CSV]
    import_form_class = CsvImportForm
    import_error_display = ("message",)
    import_template_name = "reference/admin_import.html"

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            bad = len(result.invalid_rows) + len(result.row_errors()) + len(result.base_errors)
            messages.error(
                request,
                f"Nothing was imported: {bad} row(s) of the file have errors. "
                f"Upload it again to see each row's problem, fix them and import once more.",
            )
            return HttpResponseRedirect(reverse(
                f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_import"
            ))
        return super().process_result(result, request)


class IdentifierFilter(admin.SimpleListFilter):
    """Sources readers can't follow (no DOI, PMID or URL) are what needs attention."""

    title = "identifier"
    parameter_name = "identifier"

    def lookups(self, request, model_admin):
        return [("missing", "None (needs attention)"), ("doi", "Has DOI"), ("pmid", "Has PMID"),
                ("url_only", "URL only")]

    def queryset(self, request, queryset):
        match self.value():
            case "missing":
                return queryset.filter(doi="", pmid="", url="")
            case "doi":
                return queryset.exclude(doi="")
            case "pmid":
                return queryset.exclude(pmid="")
            case "url_only":
                return queryset.filter(doi="", pmid="").exclude(url="")
        return queryset


@admin.register(Source)
class SourceAdmin(AllOrNothingImportMixin, ImportExportModelAdmin):
    resource_classes = [SourceResource]
    list_display = ("title", "year", "publisher", "study_design", "evidence", "identifiers", "retracted",
                    "industry_funded")
    list_filter = (IdentifierFilter, "study_design", "evidence_level", "retracted", "industry_funded")
    search_fields = ("title", "authors", "publisher", "doi", "pmid", "url")
    readonly_fields = ("evidence_level", "citation_preview", "used_by")
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("title", "authors", "publisher", "year", "volume", "pages")}),
        ("Identifiers", {
            "fields": ("doi", "pmid", "url"),
            "description": "Give a DOI or PMID wherever one exists: articles cite sources by them "
                           "(“[[cite:pmid:…]]”). A source with no identifier at all is flagged.",
        }),
        ("Evidence", {"fields": ("study_design", "evidence_level", "retracted", "industry_funded")}),
        ("For editors", {"fields": ("notes", "citation_preview", "used_by")}),
    )

    @admin.display(description="Evidence", ordering="evidence_level")
    def evidence(self, obj):
        return format_html('<span title="{}">Level {}</span>', obj.get_evidence_level_display(), obj.evidence_level)

    @admin.display(description="DOI / PMID / URL")
    def identifiers(self, obj):
        parts = [(label, url) for label, url in (("DOI", obj.doi_url), ("PMID", obj.pubmed_url), ("URL", obj.url))
                 if url]
        if not parts:
            return format_html("<strong>{}</strong>", "missing")
        return format_html_join(" · ", '<a href="{1}" rel="noopener" target="_blank">{0}</a>', parts)

    @admin.display(description="Citation as readers see it")
    def citation_preview(self, obj):
        return obj.formatted_citation() if obj.pk else "Shown after saving."

    @admin.display(description="Cited by")
    def used_by(self, obj):
        # Counted here, on the one change page, rather than annotated onto every changelist and
        # autocomplete query (the articles admin autocompletes sources).
        if not obj.pk:
            return "—"
        return (f"{obj.forms.count()} form(s), {obj.conditions.count()} condition(s), "
                f"{obj.foods.count()} food(s), {obj.intake_guidelines.count()} intake row(s)")


@admin.register(MagnesiumForm)
class MagnesiumFormAdmin(admin.ModelAdmin):
    list_display = ("name", "elemental", "bioavailability", "best_for", "source_count")
    list_filter = ("bioavailability",)
    search_fields = ("name", "aliases")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("sources",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "aliases")}),
        ("Composition and absorption", {
            "fields": ("elemental_percent", "elemental_basis", "bioavailability", "bioavailability_note"),
            "description": "The flag rules check articles against these values: an article calling a "
                           "“low” form the best absorbed is flagged.",
        }),
        ("Reader-facing text", {"fields": ("best_for", "typical_uses", "side_effects", "evidence_summary",
                                           "sources")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_sources=Count("sources"))

    @admin.display(description="Elemental Mg", ordering="elemental_percent")
    def elemental(self, obj):
        return f"{obj.elemental_percent.normalize():f}%"

    @admin.display(description="Sources", ordering="n_sources")
    def source_count(self, obj):
        return obj.n_sources


@admin.register(Food)
class FoodAdmin(AllOrNothingImportMixin, ImportExportModelAdmin):
    resource_classes = [FoodResource]
    list_display = ("name", "serving", "magnesium_mg", "percent_dv_display", "food_group", "source_short")
    list_filter = ("food_group",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("source",)
    list_select_related = ("source",)
    fields = ("name", "slug", "serving", "magnesium_mg", "food_group", "source")

    def get_queryset(self, request):
        return super().get_queryset(request).with_percent_dv()

    @admin.display(description="Source", ordering="source__title")
    def source_short(self, obj):
        return obj.source.cite_key or Truncator(obj.source.title).chars(40)

    @admin.display(description="%DV", ordering="magnesium_mg")
    def percent_dv_display(self, obj):
        value = obj.percent_dv()
        return "—" if value is None else f"{value}%"


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ("name", "evidence_grade", "form_count", "source_count", "has_cautions")
    list_filter = ("evidence_grade",)
    search_fields = ("name", "summary")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("related_forms", "sources")
    fieldsets = (
        (None, {"fields": ("name", "slug", "summary")}),
        ("Evidence", {"fields": ("evidence_grade", "evidence_summary", "sources")}),
        ("Safety", {
            "fields": ("cautions", "related_forms"),
            "description": "One caution per line. Always consider kidney disease, pregnancy and children.",
        }),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            n_forms=Count("related_forms", distinct=True), n_sources=Count("sources", distinct=True),
        )

    @admin.display(description="Forms", ordering="n_forms")
    def form_count(self, obj):
        return obj.n_forms

    @admin.display(description="Sources", ordering="n_sources")
    def source_count(self, obj):
        return obj.n_sources

    @admin.display(description="Cautions", boolean=True)
    def has_cautions(self, obj):
        return bool(obj.cautions.strip())


@admin.register(IntakeGuideline)
class IntakeGuidelineAdmin(admin.ModelAdmin):
    list_display = ("kind", "label", "sex", "life_stage", "amount_mg", "note")
    list_filter = ("kind", "sex", "life_stage")
    search_fields = ("label", "note")
    list_select_related = ("source",)
    autocomplete_fields = ("source",)
    ordering = ("kind", "age_from_years", "sex", "life_stage")
    fieldsets = (
        (None, {
            "fields": ("kind", "label", ("age_from_years", "age_to_years"), "sex", "life_stage"),
            "description": "The dose rules read the upper-limit (UL) rows; changing them changes which "
                           "articles are flagged.",
        }),
        ("Value", {"fields": ("amount_mg", "note", "source")}),
    )
