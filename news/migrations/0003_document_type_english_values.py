"""Document types in English in the database; numbers (91/QĐ-UBND) and the listing's filter keep the abbreviations."""

from django.db import migrations, models

VALUES = {
    "QĐ": "decision",
    "NQ": "resolution",
    "NĐ": "decree",
    "TT": "circular",
    "CT": "directive",
    "KH": "plan",
    "CV": "official_letter",
    "TB": "notice",
    "BC": "report",
}
FIELDS = [("news", "DecisionPage", "doc_type")]


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
        ("news", "0002_legacy_checksum"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="decisionpage",
            name="doc_type",
            field=models.CharField(
                choices=[
                    ("decision", "Quyết định"),
                    ("resolution", "Nghị quyết"),
                    ("decree", "Nghị định"),
                    ("circular", "Thông tư"),
                    ("directive", "Chỉ thị"),
                    ("plan", "Kế hoạch"),
                    ("official_letter", "Công văn"),
                    ("notice", "Thông báo"),
                    ("report", "Báo cáo"),
                ],
                db_index=True,
                max_length=20,
                verbose_name="Loại văn bản",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
