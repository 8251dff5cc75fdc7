"""The tree's root, which Wagtail creates as "Root", is "Gốc" in the admin's page explorer and breadcrumbs."""

from django.db import migrations


def rename_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title="Gốc", draft_title="Gốc")


def restore_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Gốc").update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_shared_generation_and_throttle_counts"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(rename_root, restore_root)]
