"""The reform office group (Cán bộ CCHC) posts, publishes and corrects the reform figures; nobody else
except the admins (who get every permission, see portal.signals)."""

from django.db import migrations

MODELS = ["dossierstatistics", "serviceindexscore", "satisfactionsurvey", "parindexscore"]
ACTIONS = ["add", "change", "delete", "publish"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name="Cán bộ CCHC")
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="procedures", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Cán bộ CCHC").first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(content_type__app_label="procedures", content_type__model__in=MODELS))


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0003_reform_statistics"),
        ("portal", "0002_roles_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
