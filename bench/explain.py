"""EXPLAIN the search queries on PostgreSQL, without and with a full-text index.

The search view runs two queries on the matching rows: the paginator's COUNT and the page of
results (ranked, with highlighted headlines). Both filter on the @@ match of a tsvector built from
title, standfirst and body_text. With no index on that exact expression PostgreSQL computes
to_tsvector for every published article on every search (a scan, whichever index it walks to
find published rows), so a search costs time proportional to all the text on the site.

`search_plans` reports that, then adds the GIN expression index a migration would add (in the
throwaway benchmark database only; dropped again afterwards) and reports the plans and timings
with it. MagSite's own migrations are not touched: see the benchmark report for the migration.
"""

import statistics
import time

from django.contrib.postgres.indexes import GinIndex
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from articles.models import ArticleRevision as Article  # searched: the live revisions
from articles.search import search_articles

INDEX_NAME = "bench_article_search_gin"
COLUMN, COLUMN_INDEX = "bench_search_vector", "bench_article_search_vector_gin"
QUERIES = ("magnesium sleep", "threonate", "zinc")  # every article / a few / none


def search_vector():
    """The exact expression articles.search builds (so PostgreSQL can match the index to it)."""
    from django.contrib.postgres.search import SearchVector

    return (SearchVector("title", weight="A", config="english")
            + SearchVector("standfirst", weight="B", config="english")
            + SearchVector("body_text", weight="C", config="english"))


def _explain(sql, params):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _execution_ms(plan):
    line = next((line for line in plan.splitlines() if line.startswith("Execution Time")), "")
    return float(line.split(":", 1)[-1].strip().split()[0]) if line else float("nan")


def _per_row_tsvector(plan):
    """True when a scan node filters by computing to_tsvector row by row (no full-text index used)."""
    return any("Filter:" in line and "to_tsvector" in line for line in plan.splitlines())


def plans_for(query):
    queryset = search_articles(query)
    page_sql, page_params = queryset[:10].query.sql_with_params()
    count_sql, count_params = queryset.order_by().query.get_compiler(connection.alias).as_sql()
    count_plan = _explain(f"SELECT COUNT(*) FROM ({count_sql}) subquery", count_params)  # noqa: S608 - ORM SQL
    page_plan = _explain(page_sql, page_params)
    return {
        "query": query, "matches": queryset.count(),
        "count_ms": _execution_ms(count_plan), "page_ms": _execution_ms(page_plan),
        "per_row_tsvector": _per_row_tsvector(count_plan) or _per_row_tsvector(page_plan),
        "uses_index": INDEX_NAME in count_plan or INDEX_NAME in page_plan,
        "count_plan": count_plan, "page_plan": page_plan,
    }


def stored_vector_queryset(query):
    """What articles.search would run with a stored tsvector column (see add_stored_vector)."""
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
    from django.db.models.expressions import RawSQL

    from articles.search import START_SEL, STOP_SEL, _base_queryset

    vector = RawSQL(f'"articles_articlerevision"."{COLUMN}"', [], output_field=SearchVectorField())  # noqa: S611 - constant
    search_query = SearchQuery(query, search_type="websearch", config="english")
    return (
        _base_queryset()
        .alias(search=vector)
        .annotate(
            rank=SearchRank(vector, search_query),
            headline=SearchHeadline("body_text", search_query, config="english", start_sel=START_SEL,
                                    stop_sel=STOP_SEL, max_words=40, min_words=20, max_fragments=2,
                                    fragment_delimiter=" … "),
        )
        .filter(search=search_query)
        .order_by("-rank", "-article__published_at", "pk")
    )


def stored_vector_plans(query):
    queryset = stored_vector_queryset(query)
    page_sql, page_params = queryset[:10].query.sql_with_params()
    count_sql, count_params = queryset.order_by().query.get_compiler(connection.alias).as_sql()
    count_plan = _explain(f"SELECT COUNT(*) FROM ({count_sql}) subquery", count_params)  # noqa: S608 - ORM SQL
    page_plan = _explain(page_sql, page_params)
    return {"query": query, "matches": queryset.count(), "count_ms": _execution_ms(count_plan),
            "page_ms": _execution_ms(page_plan), "uses_index": COLUMN_INDEX in count_plan or COLUMN_INDEX in page_plan,
            "count_plan": count_plan, "page_plan": page_plan}


def add_stored_vector(cursor):
    """A generated, stored tsvector column with a GIN index (what a migration would add with
    models.GeneratedField(expression=<the vector>, output_field=SearchVectorField(), db_persist=True))."""
    query = Article.objects.all().query
    compiler = query.get_compiler(connection.alias)
    vector_sql = connection.ops.compose_sql(*search_vector().resolve_expression(query).as_sql(compiler, connection))
    cursor.execute(f'ALTER TABLE articles_articlerevision ADD COLUMN "{COLUMN}" tsvector '
                   f"GENERATED ALWAYS AS ({vector_sql}) STORED")
    cursor.execute(f'CREATE INDEX "{COLUMN_INDEX}" ON articles_articlerevision USING gin ("{COLUMN}")')
    cursor.execute("ANALYZE articles_articlerevision")
    return vector_sql


def search_page_ms(query, iterations=3):
    """Median wall time of the search page in process, page cache off."""
    client = Client()
    samples = []
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}):
        client.get("/search/", {"q": query})
        for _ in range(iterations):
            started = time.perf_counter()
            response = client.get("/search/", {"q": query})
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    return statistics.median(samples)


def search_plans():
    index = GinIndex(search_vector(), name=INDEX_NAME)
    out = {"without_index": [], "with_index": [], "index_sql": ""}
    for query in QUERIES:
        out["without_index"].append({**plans_for(query), "search_page_ms": search_page_ms(query)})
    with connection.schema_editor() as editor:
        out["index_sql"] = str(index.create_sql(Article, editor))
        editor.add_index(Article, index)
    try:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_articlerevision")
        for query in QUERIES:
            out["with_index"].append({**plans_for(query), "search_page_ms": search_page_ms(query)})
    finally:
        with connection.schema_editor() as editor:
            editor.remove_index(Article, index)
    with connection.cursor() as cursor:
        out["stored_column_sql"] = add_stored_vector(cursor)
    try:
        out["stored_column"] = [stored_vector_plans(query) for query in QUERIES]
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'ALTER TABLE articles_articlerevision DROP COLUMN "{COLUMN}"')
    first = out["without_index"][0]
    out["summary"] = "; ".join(
        f"{row['query']!r} ({row['matches']} matches): search page {row['search_page_ms']:.0f} ms -> "
        f"{after['search_page_ms']:.0f} ms with a GIN index, COUNT {row['count_ms']:.0f} -> {after['count_ms']:.0f} ms"
        for row, after in zip(out["without_index"], out["with_index"], strict=True)
    ) + ("; without the index every query computes to_tsvector per published article"
         if first["per_row_tsvector"] else "")
    return out
