"""Each public page runs the same number of queries with 5 rows as with 50 (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reference.models import IntakeGuideline
from tests.reference.helpers import make_condition, make_daily_value, make_food, make_form, make_source

PAGES = ["index", "form_list", "food_list", "condition_list", "intake"]


def add_rows(n, shared_sources):
    """n forms, foods and conditions, each citing its own source plus the shared ones, and n UL rows."""
    for _ in range(n):
        own = make_source()
        form = make_form(sources=[own, *shared_sources])
        make_food(own)
        make_condition(sources=[own, *shared_sources], forms=[form])
    start = IntakeGuideline.objects.filter(kind="ul").count()
    for age in range(start, start + n):
        IntakeGuideline.objects.create(kind="ul", label=f"{age} years", age_from_years=age, age_to_years=age + 1,
                                       amount_mg=100, source=shared_sources[0])


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_rows(client, page):
    shared = [make_source(), make_source()]
    make_daily_value(shared[0])
    url = reverse(f"reference:{page}")
    add_rows(5, shared)
    with_5 = count_queries(client, url)
    add_rows(45, shared)
    with_50 = count_queries(client, url)
    assert with_50 == with_5, f"{page}: {with_5} queries with 5 rows but {with_50} with 50"


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["-mg", "name", "group"])
def test_foods_table_is_two_queries_whatever_the_sort(client, django_assert_num_queries, sort):
    source = make_source()
    make_daily_value(source)
    for _ in range(20):
        make_food(make_source())
    with django_assert_num_queries(2):  # the foods (with %DV and source joined) and the DV for the footnote
        assert client.get(reverse("reference:food_list"), {"sort": sort}).status_code == 200


@pytest.mark.django_db
def test_detail_pages_do_not_query_per_source_or_related_row(client):
    shared = make_source()
    make_daily_value(shared)
    form = make_form(sources=[shared])
    condition = make_condition(sources=[shared], forms=[form])
    food = make_food(shared)
    urls = [form.get_absolute_url(), condition.get_absolute_url(), food.get_absolute_url()]
    before = [count_queries(client, url) for url in urls]
    for _ in range(15):
        extra_source, extra_form = make_source(), make_form()
        form.sources.add(extra_source)
        condition.sources.add(extra_source)
        condition.related_forms.add(extra_form)
        make_condition(forms=[form])
        make_food(shared, food_group=food.food_group)
    assert [count_queries(client, url) for url in urls] == before
