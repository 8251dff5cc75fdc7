"""Operations shared by data migrations; they use the historical models they are given, never today's."""

from django.db import migrations


def rename_choice_values(fields, values):
    """RunPython renaming stored choice values (`values`: old → new) in the rows of `fields` — a list of
    (app label, model, field) — and in their revisions' JSON, so that reverting to one cannot bring an old
    value back; reversible."""

    def convert(apps, mapping):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Revision = apps.get_model("wagtailcore", "Revision")
        for app_label, model, field in fields:
            Model = apps.get_model(app_label, model)
            for old, new in mapping.items():
                Model.objects.filter(**{field: old}).update(**{field: new})
            content_type = ContentType.objects.filter(app_label=app_label, model=model.lower()).first()
            for revision in Revision.objects.filter(content_type=content_type).iterator() if content_type else []:
                if revision.content.get(field) in mapping:
                    revision.content[field] = mapping[revision.content[field]]
                    revision.save(update_fields=["content"])

    def forwards(apps, schema_editor):
        convert(apps, values)

    def backwards(apps, schema_editor):
        convert(apps, {new: old for old, new in values.items()})

    return migrations.RunPython(forwards, backwards)
