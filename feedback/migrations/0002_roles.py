"""The reform office triages, approves, reports and keeps the holiday calendar and time limits; moderators
approve and publish answers. Department staff need no model permission: their right is placeful."""

from django.db import migrations

GRANTS = {
    ("reform_office", "Cán bộ CCHC"): [
        ("submission", ["triage_submission", "approve_submission", "view_feedback_report"]),
        ("holiday", ["add_holiday", "change_holiday", "delete_holiday", "view_holiday"]),
        ("feedbacksettings", ["change_feedbacksettings"]),
    ],
    ("moderators", "Người duyệt"): [("submission", ["approve_submission", "view_feedback_report"])],
}


def _group(apps, key, name):
    """The group holding role `key` (portal.Role), made under its usual name when missing."""
    Group = apps.get_model("auth", "Group")
    Role = apps.get_model("portal", "Role")
    role = Role.objects.select_related("group").filter(key=key).first()
    if role is not None:
        return role.group
    group, _ = Group.objects.get_or_create(name=name)
    Role.objects.create(key=key, group=group)
    return group


def grant(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for (key, name), grants in GRANTS.items():
        group = _group(apps, key, name)
        for model, codenames in grants:
            content_type, _ = ContentType.objects.get_or_create(app_label="feedback", model=model)
            for codename in codenames:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_submissions_and_pages"),
        ("portal", "0006_roles_by_key"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
