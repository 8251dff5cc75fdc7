"""Editorial groups, their model and collection permissions, and the "Duyệt nội dung" workflow.

Wagtail's default "Editors"/"Moderators" groups and their root-wide workflow are replaced by the
portal's Vietnamese roles, whose page rights are granted per section (see portal.roles).
"""

from django.db import migrations

GROUPS = {
    "Quản trị": [("wagtailadmin", "admin", ["access_admin"])],
    "Biên tập viên": [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
    "Người duyệt": [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
    "Cán bộ CCHC": [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("wagtailimages", "image", ["add_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "choose_document"]),
    ],
}
COLLECTION_APPS = {"wagtailimages", "wagtaildocs"}


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for name, grants in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for app_label, model, codenames in grants:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for codename in codenames:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type, codename=codename, defaults={"name": f"Can {codename.replace('_', ' ')}"}
                )
                if app_label in COLLECTION_APPS and root_collection is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
                else:
                    group.permissions.add(permission)

    for old in Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True):
        old.delete()
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    WorkflowPage.objects.filter(workflow__name="Moderators approval").delete()

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Người duyệt phê duyệt", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups["Người duyệt"], groups["Quản trị"]])
    workflow, _ = Workflow.objects.get_or_create(name="Duyệt nội dung", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
