"""CSV import and export of foods and sources (django-import-export).

Imports are all-or-nothing: one bad row and nothing is saved, and every bad row is reported with
its row number and a message an editor can act on. Reference data feeds the flag rules, so a
half-imported file would be worse than none.

Row numbers count data rows: row 1 is the first line under the header.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from import_export import fields, resources, widgets

from moderation.citekeys import normalize_doi
from reference.models import Food, FoodGroup, Source, StudyDesign


class ChoiceWidget(widgets.Widget):
    """A choice column that accepts the stored value or its label, in any case ("Seeds and nuts")."""

    def __init__(self, choices, noun, **kwargs):
        self.choices = choices
        self.noun = noun
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            raise ValueError(f"The {self.noun} is missing. Use one of: {self._options()}.")
        for choice in self.choices:
            if text.lower() in (choice.value.lower(), choice.label.lower()):
                return choice.value
        raise ValueError(f"“{text}” is not a {self.noun}. Use one of: {self._options()}.")

    def render(self, value, obj=None, **kwargs):
        return value or ""

    def _options(self):
        return ", ".join(choice.value for choice in self.choices)


class WholeNumberWidget(widgets.Widget):
    """A whole number with a message editors understand (the stock widget reports Decimal internals)."""

    def __init__(self, what, example, **kwargs):
        self.what, self.example = what, example
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            number = None
        if number is None or number != int(number):
            raise ValueError(f"Enter {self.what} as a whole number, e.g. {self.example} (got “{text}”).")
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class YesNoWidget(widgets.Widget):
    """yes/no, true/false, 1/0; blank means no."""

    TRUE, FALSE = {"1", "yes", "y", "true"}, {"", "0", "no", "n", "false"}

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(f"Use yes or no (got “{value}”).")

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


class SourceKeyWidget(widgets.Widget):
    """A food's source, written as articles cite it ("pmid:…", "doi:…") or by the source's URL."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            raise ValueError("The source is missing. Give “pmid:NNN”, “doi:10.…” or the source's URL.")
        if text.lower().startswith(("http://", "https://")):
            match = list(Source.objects.filter(url=text)[:2])
        else:
            match = list(Source.objects.by_cite_key(text)[:2])
        if len(match) != 1:
            raise ValueError(
                f"No source matches “{text}”. Add the source first, or write it as “pmid:NNN”, "
                f"“doi:10.…” or its exact URL."
            )
        return match[0]

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value.cite_key or value.url or value.title


class AllOrNothingResource(resources.ModelResource):
    """Run every import in one transaction and roll it all back if any row is invalid.

    import-export only rolls back on validation errors when asked; the admin's confirm step does not
    ask, so a file that changed between preview and confirm (or rows that became duplicates in the
    meantime) would be half-saved. Forcing both flags here covers the admin, the shell and scripts.
    """

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None,
                    collect_failed_rows=False, rollback_on_validation_errors=False, **kwargs):
        return super().import_data(
            dataset, dry_run=dry_run, raise_errors=raise_errors, use_transactions=True,
            collect_failed_rows=collect_failed_rows, rollback_on_validation_errors=True, **kwargs,
        )

    def before_import(self, dataset, **kwargs):
        self._rows_by_key = {}
        super().before_import(dataset, **kwargs)

    def natural_key(self, row):
        raise NotImplementedError

    def before_import_row(self, row, **kwargs):
        """A key given twice in one file is an error on the later row, not a silent update."""
        super().before_import_row(row, **kwargs)
        found = self.natural_key(row)
        if not found:
            return
        field, key = found
        first = self._rows_by_key.setdefault(key, kwargs.get("row_number"))
        if first != kwargs.get("row_number"):
            label = field.upper() if field in ("doi", "pmid", "url") else field
            raise ValidationError({field: f"Row {first} of this file already has this {label}. "
                                          f"Each row must be a different record."})


class FoodResource(AllOrNothingResource):
    """Foods by name; %DV is exported for convenience and ignored on import (it is always computed)."""

    name = fields.Field(attribute="name", column_name="name")
    serving = fields.Field(attribute="serving", column_name="serving")
    magnesium_mg = fields.Field(attribute="magnesium_mg", column_name="magnesium_mg",
                                widget=WholeNumberWidget("magnesium per serving in mg", "78"))
    food_group = fields.Field(attribute="food_group", column_name="food_group",
                              widget=ChoiceWidget(FoodGroup, "food group"))
    source = fields.Field(attribute="source", column_name="source", widget=SourceKeyWidget())
    percent_dv = fields.Field(column_name="percent_dv", readonly=True, dehydrate_method="dehydrate_percent_dv")

    class Meta:
        model = Food
        fields = ("name", "serving", "magnesium_mg", "food_group", "source", "percent_dv")
        export_order = fields
        import_id_fields = ("name",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return Food.objects.with_percent_dv().select_related("source")

    def dehydrate_percent_dv(self, food):
        value = food.percent_dv()
        return "" if value is None else value

    def natural_key(self, row):
        name = str(row.get("name") or "").strip().lower()
        return ("name", name) if name else None

    def import_instance(self, instance, row, **kwargs):
        # The slug is derived from the name; fill it before full_clean() so a new food validates.
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            if instance.name and not instance.slug:
                instance.slug = slugify(instance.name)


class SourceResource(AllOrNothingResource):
    """Sources, matched to existing rows by DOI, then PMID, then URL; otherwise created."""

    year = fields.Field(attribute="year", column_name="year", widget=WholeNumberWidget("the year", "2020"))
    study_design = fields.Field(attribute="study_design", column_name="study_design",
                                widget=ChoiceWidget(StudyDesign, "study design"))
    retracted = fields.Field(attribute="retracted", column_name="retracted", widget=YesNoWidget())
    industry_funded = fields.Field(attribute="industry_funded", column_name="industry_funded", widget=YesNoWidget())
    evidence_level = fields.Field(attribute="evidence_level", column_name="evidence_level", readonly=True)

    class Meta:
        model = Source
        fields = ("title", "authors", "publisher", "year", "volume", "pages", "doi", "pmid", "url",
                  "study_design", "evidence_level", "retracted", "industry_funded", "notes")
        export_order = fields
        import_id_fields = ("title",)
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_instance(self, instance_loader, row):
        """Identifiers, not titles, say whether a row is a source we already have."""
        doi = normalize_doi(str(row.get("doi") or ""))
        pmid = str(row.get("pmid") or "").strip()
        url = str(row.get("url") or "").strip()
        for lookup, value in (("doi__iexact", doi), ("pmid", pmid), ("url", url)):
            if value:
                match = Source.objects.filter(**{lookup: value}).first()
                if match:
                    return match
        if not (doi or pmid or url):
            title = str(row.get("title") or "").strip()
            return Source.objects.filter(title__iexact=title, doi="", pmid="", url="").first() if title else None
        return None

    def natural_key(self, row):
        for field in ("doi", "pmid", "url"):
            value = str(row.get(field) or "").strip()
            if field == "doi":
                value = normalize_doi(value).lower()
            if value:
                return field, f"{field}:{value}"
        return None
