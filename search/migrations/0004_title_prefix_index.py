"""Autocomplete reads titles by prefix; on PostgreSQL that needs a pattern-ops index (SQLite's LIKE
optimisation does not apply to its case-insensitive LIKE, and FTS5 serves it there instead)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_title_prefix ON search_searchentry (kind, title_folded text_pattern_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_title_prefix")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_synonyms_and_roles")]
    operations = [migrations.RunPython(create, drop)]
