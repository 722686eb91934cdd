"""Public pages of the reference library.

Every page lists its sources as one numbered reference list; rows and paragraphs point into it with
[n] links. Query counts do not grow with the number of rows: relations are prefetched and the
%DV comes from the same query as the foods (`Food.objects.with_percent_dv()`).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, Prefetch, Value, When
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from reference.models import Condition, EvidenceGrade, Food, FoodGroup, IntakeGuideline, MagnesiumForm, Source

SOURCES_ORDERED = Prefetch("sources", queryset=Source.objects.order_by("evidence_level", "-year", "title"))


def number_sources(objects, get_sources):
    """Number the sources cited by `objects` in order of first appearance (one list per page).

    Sets `obj.citations` to [(number, source), ...] on each object and returns the page's sources
    in numbered order. Works on prefetched data only, so it adds no queries.
    """
    numbers, ordered = {}, []
    for obj in objects:
        obj.citations = []
        for source in get_sources(obj):
            if source is None:
                continue
            if source.pk not in numbers:
                ordered.append(source)
                numbers[source.pk] = len(ordered)
            obj.citations.append((numbers[source.pk], source))
    return ordered


SECTIONS = [
    ("index", "Overview", "reference:index"),
    ("forms", "Forms", "reference:form_list"),
    ("foods", "Foods", "reference:food_list"),
    ("conditions", "Conditions", "reference:condition_list"),
    ("intake", "Intake", "reference:intake"),
]


def section_nav(request, section):
    """The library's own navigation; aria-current is "page" on the section's page, "true" below it."""
    here = request.resolver_match.view_name if request.resolver_match else ""
    return [
        {"label": label, "url": reverse(url_name),
         "current": "page" if here == url_name else ("true" if key == section else "")}
        for key, label, url_name in SECTIONS
    ]


class SectionMixin:
    section = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section_nav"] = section_nav(self.request, self.section)
        return context


def _whole(value):
    return int(Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


@require_safe  # readers only read (the class-based views below answer 405 to anything else too)
def index(request):
    """Landing page: what the library holds, with the headline numbers read from the data."""
    context = {
        "form_count": MagnesiumForm.objects.count(),
        "food_count": Food.objects.count(),
        "condition_count": Condition.objects.count(),
        "daily_value_mg": IntakeGuideline.objects.daily_value_mg(),
        "adult_ul_mg": IntakeGuideline.objects.upper_limit_mg(19),
        "section_nav": section_nav(request, "index"),
    }
    return render(request, "reference/index.html", context)


class MagnesiumFormListView(SectionMixin, ListView):
    """The comparison table of forms."""

    section = "forms"
    model = MagnesiumForm
    context_object_name = "forms"

    def get_queryset(self):
        return MagnesiumForm.objects.prefetch_related(SOURCES_ORDERED).order_by("-elemental_percent", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        forms = context["forms"]
        context["sources"] = number_sources(forms, lambda f: f.sources.all())
        # A worked example of elemental magnesium, from the data rather than typed into the template.
        example = next((f for f in forms if f.slug == "magnesium-glycinate"), forms[0] if forms else None)
        if example:
            context["example"] = {"form": example, "compound_mg": 500,
                                  "elemental_mg": _whole(example.elemental_mg(500))}
        return context


class MagnesiumFormDetailView(SectionMixin, DetailView):
    section = "forms"
    model = MagnesiumForm
    context_object_name = "form"

    def get_queryset(self):
        return MagnesiumForm.objects.prefetch_related(
            SOURCES_ORDERED, Prefetch("conditions", queryset=Condition.objects.order_by("name")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context["sources"] = number_sources([form], lambda f: f.sources.all())
        context["elemental_in_500"] = _whole(form.elemental_mg(500))
        adult_ul = IntakeGuideline.objects.upper_limit_mg(19)
        context["adult_ul_mg"] = adult_ul
        if adult_ul:
            # How much of this compound reaches the supplement limit: the number readers misjudge.
            context["compound_at_ul_mg"] = _whole(Decimal(adult_ul) * 100 / form.elemental_percent)
        return context


FOOD_SORTS = {
    # ?sort= value: (ordering, column it sorts, direction for aria-sort)
    "-mg": (("-magnesium_mg", "name"), "mg", "descending"),
    "mg": (("magnesium_mg", "name"), "mg", "ascending"),
    "name": (("name",), "name", "ascending"),
    "-name": (("-name",), "name", "descending"),
    "group": (("group_label", "-magnesium_mg", "name"), "group", "ascending"),
    "-group": (("-group_label", "-magnesium_mg", "name"), "group", "descending"),
}
DEFAULT_FOOD_SORT = "-mg"
# Clicking a column's header: its natural first direction, then the reverse.
FIRST_SORT = {"mg": "-mg", "name": "name", "group": "group"}


class FoodListView(SectionMixin, ListView):
    """Foods table, sorted on the server by ?sort= so it works without JavaScript."""

    section = "foods"
    model = Food
    context_object_name = "foods"

    def get_sort(self):
        sort = self.request.GET.get("sort", DEFAULT_FOOD_SORT)
        return sort if sort in FOOD_SORTS else DEFAULT_FOOD_SORT

    def get_queryset(self):
        # Group sorts by its label as readers see it, not by the stored key.
        group_label = Case(*[When(food_group=g.value, then=Value(g.label)) for g in FoodGroup], default=Value(""))
        ordering = FOOD_SORTS[self.get_sort()][0]
        return (Food.objects.with_percent_dv().select_related("source")
                .annotate(group_label=group_label).order_by(*ordering))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sort = self.get_sort()
        _, active_column, direction = FOOD_SORTS[sort]
        columns = {}
        for column, first in FIRST_SORT.items():
            if column == active_column:
                next_sort = sort[1:] if sort.startswith("-") else f"-{sort}"
                columns[column] = {"sort": next_sort, "aria_sort": direction}
            else:
                columns[column] = {"sort": first, "aria_sort": None}
        context["columns"] = columns
        context["sort"] = sort
        context["sources"] = number_sources(context["foods"], lambda f: [f.source])
        context["daily_value_mg"] = IntakeGuideline.objects.daily_value_mg()
        return context


class FoodDetailView(SectionMixin, DetailView):
    section = "foods"
    model = Food
    context_object_name = "food"

    def get_queryset(self):
        return Food.objects.with_percent_dv().select_related("source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        food = context["food"]
        context["sources"] = number_sources([food], lambda f: [f.source])
        context["same_group"] = (Food.objects.with_percent_dv().filter(food_group=food.food_group)
                                 .exclude(pk=food.pk).order_by("-magnesium_mg", "name")[:6])
        dv = food.daily_value_mg
        if dv and food.magnesium_mg:
            context["servings_for_dv"] = (Decimal(dv) / food.magnesium_mg).quantize(Decimal("0.1"))
        adult = IntakeGuideline.objects.filter(kind=IntakeGuideline.Kind.RDA, age_from_years__gte=19,
                                               life_stage=IntakeGuideline.LifeStage.GENERAL)
        amounts = list(adult.values_list("amount_mg", flat=True))
        if amounts:
            context["adult_rda_range"] = (min(amounts), max(amounts))
        context["adult_ul_mg"] = IntakeGuideline.objects.upper_limit_mg(19)
        return context


class ConditionListView(SectionMixin, ListView):
    section = "conditions"
    model = Condition
    context_object_name = "conditions"

    def get_queryset(self):
        return Condition.objects.prefetch_related(SOURCES_ORDERED).order_by("name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sources"] = number_sources(context["conditions"], lambda c: c.sources.all())
        context["grades"] = EvidenceGrade
        return context


class ConditionDetailView(SectionMixin, DetailView):
    section = "conditions"
    model = Condition
    context_object_name = "condition"

    def get_queryset(self):
        return Condition.objects.prefetch_related(
            SOURCES_ORDERED, Prefetch("related_forms", queryset=MagnesiumForm.objects.order_by("name")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        condition = context["condition"]
        context["sources"] = number_sources([condition], lambda c: c.sources.all())
        context["caution_lines"] = [line.strip() for line in condition.cautions.splitlines() if line.strip()]
        context["grades"] = EvidenceGrade
        return context


@require_safe
def intake(request):
    """RDA/AI table pivoted by sex and life stage, the supplement upper limits, and the Daily Value."""
    rows = list(IntakeGuideline.objects.select_related("source").order_by("age_from_years", "kind"))
    Kind, Sex, Stage = IntakeGuideline.Kind, IntakeGuideline.Sex, IntakeGuideline.LifeStage

    bands = {}
    for row in rows:
        if row.kind not in (Kind.RDA, Kind.AI):
            continue
        band = bands.setdefault(row.age_from_years, {"label": row.label, "is_ai": row.kind == Kind.AI})
        if row.life_stage == Stage.PREGNANCY:
            band["pregnancy"] = row
        elif row.life_stage == Stage.LACTATION:
            band["lactation"] = row
        else:
            if row.sex in (Sex.MALE, Sex.ANY):
                band["male"] = row
            if row.sex in (Sex.FEMALE, Sex.ANY):
                band["female"] = row

    upper_limits = [row for row in rows if row.kind == Kind.UL]
    daily_value = next((row for row in rows if row.kind == Kind.DV), None)
    cited = [row.source for row in rows]
    context = {
        "rda_bands": list(bands.values()),
        "upper_limits": upper_limits,
        "daily_value": daily_value,
        "sources": list(dict.fromkeys(cited)),
        "section_nav": section_nav(request, "intake"),
    }
    return render(request, "reference/intake.html", context)
