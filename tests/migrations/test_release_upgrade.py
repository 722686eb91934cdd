"""A database of the previous release, upgraded to this one, keeps its rows, its permissions and the
text of its published pages.

release-2026-12-02.json.gz holds every row of a database built by that release (commit 2813e72 plus
the flag_decide transaction fix, b71fe49) with `migrate`, `load_demo` and `render_pages`, the list
of its applied migrations, and the bytes of each published article page as that release served them
with these test settings. It was dumped once, from that commit, with a script that read every
model's table (values in column order) and fetched each published page with the test client.

The test migrates this test database back to that release's migrations, replaces every row with the
dump (content types and permissions included, with their ids, as a real old database has them),
migrates forward to the current migrations, and compares: row counts (tables the review app took
over under their new names), each role's permissions (those of the moved models under their new
app), and the text each published page gives readers.
"""

import gzip
import json
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

FIXTURE = Path(__file__).with_name("release-2026-12-02.json.gz")
# Tables the review app took over from the articles app (articles 0008, review 0001).
MOVED = {f"articles_{name}": f"review_{name}"
         for name in ("flag", "claim", "auditevent", "notification", "rulesetting", "term", "claim_citations")}
MOVED_MODELS = {"flag", "claim", "auditevent", "notification", "rulesetting", "term", "reviewqueueitem"}


@pytest.fixture(scope="module")
def release():
    with gzip.open(FIXTURE, "rt", encoding="utf-8") as f:
        return json.load(f)


def _old_targets(executor, release):
    applied = {}
    for app, name in release["migrations"]:
        applied[app] = name  # in order of application: the last one is the app's state
    return [(app, applied.get(app)) for app in sorted(executor.loader.migrated_apps)]


def _load_rows(state_apps, release):
    """Every row of the dump into the (old-layout) tables, through the historical models."""
    models = {m._meta.db_table: m for m in state_apps.get_models(include_auto_created=True)}
    tables = [t for t in connection.introspection.table_names() if t != "django_migrations"]
    with transaction.atomic():
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            with connection.cursor() as cursor:
                cursor.execute(statement)
        for table, dump in release["tables"].items():
            model = models[table]
            for field in model._meta.concrete_fields:  # keep the dumped dates (throwaway historical models)
                field.auto_now = field.auto_now_add = False
            fields = [model._meta.get_field(name) if not name.endswith("_id") else
                      next(f for f in model._meta.concrete_fields if f.attname == name) for name in dump["columns"]]
            model.objects.bulk_create([
                model(**{f.attname: (None if v is None else f.to_python(v)) for f, v in zip(fields, row, strict=True)})
                for row in dump["rows"]
            ])
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(models.values())):
            cursor.execute(statement)


def _group_permissions(rows_by_table):
    """{(group name, "app_label.codename")} from dumped or live table rows."""
    def rows(table):
        dump = rows_by_table[table]
        return [dict(zip(dump["columns"], row, strict=True)) for row in dump["rows"]]

    content_types = {r["id"]: r["app_label"] for r in rows("django_content_type")}
    permissions = {r["id"]: f"{content_types[r['content_type_id']]}.{r['codename']}" for r in rows("auth_permission")}
    groups = {r["id"]: r["name"] for r in rows("auth_group")}
    return {(groups[r["group_id"]], permissions[r["permission_id"]]) for r in rows("auth_group_permissions")}


def _live_tables(names):
    out = {}
    with connection.cursor() as cursor:
        for table in names:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names are ours
            out[table] = {"columns": [c[0] for c in cursor.description], "rows": cursor.fetchall()}
    return out


@pytest.mark.django_db(transaction=True)
def test_previous_release_database_upgrades_with_rows_permissions_and_pages_intact(release):
    executor = MigrationExecutor(connection)
    targets = _old_targets(executor, release)
    executor.migrate(targets)
    executor.loader.build_graph()
    _load_rows(executor.loader.project_state([t for t in targets if t[1]]).apps, release)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    counts = {}
    with connection.cursor() as cursor:
        for table in release["tables"]:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(MOVED.get(table, table))}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    assert counts == {table: len(dump["rows"]) for table, dump in release["tables"].items()}

    def moved(permission):
        app, codename = permission.split(".")
        model = codename.split("_", 1)[1]
        return f"review.{codename}" if app == "articles" and model in MOVED_MODELS else permission

    before = {(group, moved(permission)) for group, permission in _group_permissions(release["tables"])}
    after = _group_permissions(_live_tables(["django_content_type", "auth_permission", "auth_group",
                                             "auth_group_permissions"]))
    assert after == before
    assert {("Reviewer", "review.view_flag"), ("Managing editor", "review.change_term")} <= after

    cache.clear()
    client = Client()
    assert release["pages"]
    for slug, page in release["pages"].items():
        response = client.get(f"/articles/{slug}/")
        assert response.status_code == 200, slug
        for part in PUBLISHED_TEXT:
            assert part.search(response.content.decode())[0] == part.search(page)[0], (slug, part.pattern)


# What readers were given, the same bytes before and after: the headline, the standfirst, the body
# and the numbered references. (The page around them changed with this release: the "How this article
# was checked" box now states what the review covered, from the revision readers see.)
PUBLISHED_TEXT = [re.compile(pattern, re.DOTALL) for pattern in (
    r'<h1 id="article-title">.*?</h1>', r'<p class="standfirst">.*?</p>', r'<div class="prose">.*?</div>\s*\n',
    r'<ol class="references">.*?</ol>')]
