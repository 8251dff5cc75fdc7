"""The reform office reads the access report; moderators approve, reject and answer reader comments."""

from django.db import migrations

GRANTS = {
    "Cán bộ CCHC": [("pageviewday", ["view_report"])],
    "Người duyệt": [("comment", ["view_comment", "change_comment", "delete_comment"]), ("pageviewday", ["view_report"])],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name, grants in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for model, codenames in grants:
            content_type, _ = ContentType.objects.get_or_create(app_label="engagement", model=model)
            for codename in codenames:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_initial"),
        ("portal", "0002_roles_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
