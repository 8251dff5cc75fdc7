"""The reform office triages, approves, reports and keeps the holiday calendar and time limits; moderators
approve and publish answers. Department staff need no model permission: their right is placeful."""

from django.db import migrations

GRANTS = {
    "Cán bộ CCHC": [
        ("submission", ["triage_submission", "approve_submission", "view_feedback_report"]),
        ("holiday", ["add_holiday", "change_holiday", "delete_holiday", "view_holiday"]),
        ("feedbacksettings", ["change_feedbacksettings"]),
    ],
    "Người duyệt": [("submission", ["approve_submission", "view_feedback_report"])],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name, grants in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
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
        ("portal", "0002_roles_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
