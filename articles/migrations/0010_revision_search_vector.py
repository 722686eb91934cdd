"""PostgreSQL only: readers search what they can read, the live revisions, so the stored,
GIN-indexed search vector (migration 0005 put it on articles) moves to the revisions table. A
generated column the ORM does not model: the database keeps it current, and articles.search reads
it by name. SQLite has no tsvector; there the search uses its fallback."""

from django.db import migrations

FORWARD_SQL = """
DROP INDEX IF EXISTS articles_article_search_gin;
ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector;
ALTER TABLE articles_articlerevision ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(standfirst, '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce(body_text, '')), 'C')
) STORED;
CREATE INDEX articles_revision_search_gin ON articles_articlerevision USING GIN (search_vector);
"""
BACKWARD_SQL = """
DROP INDEX IF EXISTS articles_revision_search_gin;
ALTER TABLE articles_articlerevision DROP COLUMN IF EXISTS search_vector;
ALTER TABLE articles_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(standfirst, '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce(body_text, '')), 'C')
) STORED;
CREATE INDEX articles_article_search_gin ON articles_article USING GIN (search_vector);
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD_SQL)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD_SQL)


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_revisions")]

    operations = [migrations.RunPython(forwards, backwards)]
