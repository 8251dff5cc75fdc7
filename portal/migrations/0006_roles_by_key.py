"""Roles by key: the portal's groups are found through `Role`, so renaming a group in the admin breaks nothing.

The groups made by 0002 are adopted under their current names.
"""

import django.db.models.deletion
from django.db import migrations, models

GROUPS = {"admins": "Quản trị", "editors": "Biên tập viên", "moderators": "Người duyệt", "reform_office": "Cán bộ CCHC"}


def adopt(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Role = apps.get_model("portal", "Role")
    for key, name in GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None and not Role.objects.filter(key=key).exists():
            Role.objects.create(key=key, group=group)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("portal", "0005_vietnamese_root_page_title"),
    ]

    operations = [
        migrations.CreateModel(
            name="Role",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=100, unique=True, verbose_name="Khóa vai trò")),
                (
                    "group",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE, related_name="role", to="auth.group", verbose_name="Nhóm"
                    ),
                ),
            ],
            options={
                "verbose_name": "Vai trò",
                "verbose_name_plural": "Vai trò",
            },
        ),
        migrations.RunPython(adopt, migrations.RunPython.noop),
    ]
