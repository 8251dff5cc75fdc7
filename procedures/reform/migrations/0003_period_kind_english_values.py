"""Period kinds in English in the database (the public address keeps ?loai=thang), in figures and their revisions."""

from django.db import migrations, models

VALUES = {"thang": "month", "quy": "quarter", "nam": "year"}
FIELDS = [("reform", "DossierStatistics", "period_kind"), ("reform", "ServiceIndexScore", "period_kind")]


def _convert(apps, mapping):
    for app_label, model, field in FIELDS:
        Model = apps.get_model(app_label, model)
        for old, new in mapping.items():
            Model.objects.filter(**{field: old}).update(**{field: new})
        # Revisions keep the old value in their JSON; reverting to one must not bring it back.
        content_type = (
            apps.get_model("contenttypes", "ContentType").objects.filter(app_label=app_label, model=model.lower()).first()
        )
        revisions = apps.get_model("wagtailcore", "Revision").objects.filter(content_type=content_type)
        for revision in revisions.iterator() if content_type else []:
            if revision.content.get(field) in mapping:
                revision.content[field] = mapping[revision.content[field]]
                revision.save(update_fields=["content"])


def forwards(apps, schema_editor):
    _convert(apps, VALUES)


def backwards(apps, schema_editor):
    _convert(apps, {new: old for old, new in VALUES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("reform", "0002_content_types_from_procedures"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="dossierstatistics",
            name="period_kind",
            field=models.CharField(
                choices=[("month", "Tháng"), ("quarter", "Quý"), ("year", "Năm")],
                default="month",
                max_length=10,
                verbose_name="Loại kỳ",
            ),
        ),
        migrations.AlterField(
            model_name="serviceindexscore",
            name="period_kind",
            field=models.CharField(
                choices=[("month", "Tháng"), ("quarter", "Quý"), ("year", "Năm")],
                default="month",
                max_length=10,
                verbose_name="Loại kỳ",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
