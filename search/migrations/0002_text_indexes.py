"""Full-text structures the ORM cannot declare for both vendors: a GIN index on the PostgreSQL
tsvector, and an FTS5 table on SQLite (kept in step by search.backends.database)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX IF NOT EXISTS search_entry_vector ON search_searchentry USING GIN (search_vector)")
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
            "title_folded, keywords_folded, body_folded, tokenize = 'unicode61 remove_diacritics 2')"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector")
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_store")]
    operations = [migrations.RunPython(create, drop)]
