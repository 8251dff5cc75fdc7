"""Agency types in English in the database (the labels stay Vietnamese), in pages and in their revisions."""

from django.db import migrations, models

VALUES = {
    "so": "department",
    "ubnd_tinh": "provincial_committee",
    "ubnd_xa": "commune",
    "ttpvhcc": "service_centre",
    "trung_uong": "central",
    "khac": "other",
}
FIELDS = [("procedures", "AgencyPage", "agency_type")]


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
        ("procedures", "0006_reform_figures_move_to_their_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="agencypage",
            name="agency_type",
            field=models.CharField(
                choices=[
                    ("department", "Sở, ban, ngành"),
                    ("central", "Cơ quan trung ương đóng trên địa bàn"),
                    ("service_centre", "Trung tâm Phục vụ hành chính công"),
                    ("provincial_committee", "UBND tỉnh"),
                    ("commune", "UBND xã, phường, đặc khu"),
                    ("other", "Khác"),
                ],
                default="department",
                max_length=20,
                verbose_name="Loại cơ quan",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
