"""Each agency's group ("Cán bộ STP") is found by the agency's key (`agency:<page id>`), not by its name."""

from django.db import migrations

PREFIX = "Cán bộ "


def adopt(apps, schema_editor):
    AgencyPage = apps.get_model("procedures", "AgencyPage")
    Group = apps.get_model("auth", "Group")
    Role = apps.get_model("portal", "Role")
    for agency in AgencyPage.objects.only("pk", "short_name"):
        key = f"agency:{agency.pk}"
        group = Group.objects.filter(name=f"{PREFIX}{agency.short_name}", role__isnull=True).first()
        if group is not None and not Role.objects.filter(key=key).exists():
            Role.objects.create(key=key, group=group)


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0007_agency_type_english_values"),
        ("portal", "0006_roles_by_key"),
    ]

    operations = [migrations.RunPython(adopt, migrations.RunPython.noop)]
