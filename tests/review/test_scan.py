"""review.scan: the database read into the engine's inputs (reference facts and cited sources)."""

import pytest

from reference.models import Food, IntakeGuideline, MagnesiumForm, Source
from review.scan import reference_from_db, source_infos

pytestmark = pytest.mark.django_db


def test_source_infos_name_every_key_of_a_source():
    source = Source(pk=5, title="T", pmid="123", doi="10.1/AbC", study_design="animal", retracted=True)
    infos = source_infos([source])
    assert set(infos) == {"id:5", "pmid:123", "doi:10.1/abc"}
    info = infos["pmid:123"]
    assert info.is_weak and info.retracted and info.source_id == 5 and info.has_identifier


def test_reference_falls_back_to_the_seed_tables_when_the_library_is_empty(django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        data = reference_from_db()
    assert data.origin == "tables"
    assert data.adult_upper_limit.mg == 350


def test_reference_reads_the_library_in_three_queries(django_assert_num_queries):
    source = Source.objects.create(title="ODS fact sheet", url="https://ods.od.nih.gov/", study_design="government")
    IntakeGuideline.objects.create(kind="ul", label="9+ years", age_from_years=9, amount_mg=350, source=source)
    IntakeGuideline.objects.create(kind="ul", label="1–3 years", age_from_years=1, age_to_years=4, amount_mg=65,
                                   source=source)
    IntakeGuideline.objects.create(kind="dv", label="Adults", age_from_years=4, amount_mg=420, source=source)
    IntakeGuideline.objects.create(kind="rda", label="31–50 years", age_from_years=31, age_to_years=51, sex="female",
                                   amount_mg=320, source=source)
    for i in range(5):
        MagnesiumForm.objects.create(name=f"Magnesium form{i}", slug=f"f{i}", elemental_percent=10,
                                     bioavailability="high", aliases=f"alias{i}, other{i}")
        Food.objects.create(name=f"Food {i}", slug=f"food-{i}", serving="1 oz", magnesium_mg=10 + i,
                            food_group="seeds_nuts", source=source)
    with django_assert_num_queries(3):
        data = reference_from_db()
    assert data.origin == "db"
    assert [lim.mg for lim in data.upper_limits] == [65, 350]
    assert data.upper_limit_for(30).mg == 350
    assert data.form_by_name["alias3"].name == "Magnesium form3"
    assert len(data.foods) == 5
    assert [(a.age_from, a.sex, a.life_stage, a.mg) for a in data.allowances] == [(31, "female", "general", 320)]
