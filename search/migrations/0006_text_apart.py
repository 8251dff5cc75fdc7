"""Bodies move out of the search table: a query that matches thousands of titles now reads narrow rows
(several hundred bytes instead of several kilobytes) to count, facet and rank them. On PostgreSQL each
row also carries its facets as a text array ("name=value=label"), so facet counts come from the same
pass over the matches instead of a join per match, and the title-prefix index becomes a "C"-collated
one, so autocomplete reads titles in index order and stops after a handful."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


def move_out(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO search_searchtext (entry_id, body, body_folded, search_vector) "
        "SELECT page_id, body, body_folded, search_vector FROM search_searchentry"
    )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX IF NOT EXISTS search_text_vector ON search_searchtext USING GIN (search_vector)")
        schema_editor.execute("ALTER TABLE search_searchentry ADD COLUMN IF NOT EXISTS facet_labels text[]")
        schema_editor.execute(
            "UPDATE search_searchentry AS e SET facet_labels = ARRAY(SELECT f.name || '=' || f.value || '=' || f.label "
            "FROM search_searchfacet AS f WHERE f.entry_id = e.page_id ORDER BY f.id)"
        )
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_title_prefix")
        schema_editor.execute(
            'CREATE INDEX IF NOT EXISTS search_entry_title_c ON search_searchentry (kind, (title_folded COLLATE "C"))'
        )


def move_back(apps, schema_editor):
    schema_editor.execute(
        "UPDATE search_searchentry SET "
        "body = (SELECT t.body FROM search_searchtext t WHERE t.entry_id = page_id), "
        "body_folded = (SELECT t.body_folded FROM search_searchtext t WHERE t.entry_id = page_id), "
        "search_vector = (SELECT t.search_vector FROM search_searchtext t WHERE t.entry_id = page_id)"
    )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX IF NOT EXISTS search_entry_vector ON search_searchentry USING GIN (search_vector)")
        schema_editor.execute("ALTER TABLE search_searchentry DROP COLUMN IF EXISTS facet_labels")
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_title_c")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_title_prefix ON search_searchentry (kind, title_folded text_pattern_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0005_title_vector")]

    operations = [
        migrations.CreateModel(
            name="SearchText",
            fields=[
                (
                    "entry",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="text",
                        serialize=False,
                        to="search.searchentry",
                    ),
                ),
                ("body", models.TextField(blank=True)),
                ("body_folded", models.TextField(blank=True)),
                ("search_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
            ],
        ),
        migrations.RunPython(move_out, move_back),
        migrations.RemoveField(model_name="searchentry", name="body"),
        migrations.RemoveField(model_name="searchentry", name="body_folded"),
        migrations.RemoveField(model_name="searchentry", name="search_vector"),
    ]
