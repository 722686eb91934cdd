"""Plain factory helpers for reference tests: small, explicit, no factory library."""

from decimal import Decimal
from itertools import count

from reference.models import (
    Bioavailability,
    Condition,
    EvidenceGrade,
    Food,
    FoodGroup,
    IntakeGuideline,
    MagnesiumForm,
    Source,
    StudyDesign,
)

_seq = count(1)


def make_source(**fields):
    n = next(_seq)
    data = {"title": f"Test review {n}", "authors": "Doe J, Roe R", "publisher": "Test J", "year": 2020,
            "pmid": str(10_000_000 + n), "study_design": StudyDesign.SYSTEMATIC_REVIEW}
    data.update(fields)
    return Source.objects.create(**data)


def make_form(sources=(), **fields):
    n = next(_seq)
    data = {"name": f"Magnesium test-{n}", "slug": f"magnesium-test-{n}", "elemental_percent": Decimal("10"),
            "bioavailability": Bioavailability.MODERATE, "best_for": "Testing",
            "side_effects": "Loose stools. More text.", "evidence_summary": "Small studies."}
    data.update(fields)
    form = MagnesiumForm.objects.create(**data)
    form.sources.set(sources)
    return form


def make_food(source, **fields):
    n = next(_seq)
    data = {"name": f"Test food {n}", "serving": "1 cup", "magnesium_mg": 40 + n % 50,
            "food_group": FoodGroup.GRAINS, "source": source}
    data.update(fields)
    return Food.objects.create(**data)


def make_condition(sources=(), forms=(), **fields):
    n = next(_seq)
    data = {"name": f"Test condition {n}", "slug": f"test-condition-{n}", "summary": "A test condition.",
            "evidence_summary": "Trials disagree.", "evidence_grade": EvidenceGrade.LIMITED,
            "cautions": "Kidney disease: ask first.\nPregnancy: ask first."}
    data.update(fields)
    condition = Condition.objects.create(**data)
    condition.sources.set(sources)
    condition.related_forms.set(forms)
    return condition


def make_daily_value(source, amount_mg=420):
    return IntakeGuideline.objects.create(kind=IntakeGuideline.Kind.DV, label="Adults and children 4+",
                                          age_from_years=4, amount_mg=amount_mg, source=source)
