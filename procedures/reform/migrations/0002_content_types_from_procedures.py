"""Content types of the moved models change app label from `procedures` to `reform`.

Renaming the rows (rather than creating new ones) keeps everything that points at them: the reform
office's and the admins' permissions, the statistics page's page type, revisions and log entries.
"""

from django.contrib.contenttypes.models import ContentType as CachedContentType
from django.db import migrations

MODELS = ["dossierstatistics", "serviceindexscore", "satisfactionsurvey", "parindexscore", "statisticspage"]


def relabel(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        if ContentType.objects.filter(app_label=target, model=model).exists():
            raise RuntimeError(
                f"Both {source}.{model} and {target}.{model} content types exist; merge them by hand before migrating."
            )
        old.app_label = target
        old.save(update_fields=["app_label"])
    CachedContentType.objects.clear_cache()  # the running process may have looked up the old labels


def forwards(apps, schema_editor):
    relabel(apps, "procedures", "reform")


def backwards(apps, schema_editor):
    relabel(apps, "reform", "procedures")


class Migration(migrations.Migration):
    dependencies = [
        ("reform", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("procedures", "0004_reform_office_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
