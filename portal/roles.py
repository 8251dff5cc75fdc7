"""Editorial roles as Wagtail groups, and placeful (subtree) page permissions for them.

Code finds a role's group by a stable key (`portal.models.Role`), never by the group's name, so admins
may rename groups. The groups and their model permissions are created by data migrations. Page
permissions are placeful: a section registers which roles get which rights on it, and those rights are
granted when a page of that type is created at the top of its section, so they follow the tree
wherever editors build it.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from portal.models import Role

ADMINS = "admins"
EDITORS = "editors"
MODERATORS = "moderators"
REFORM_OFFICE = "reform_office"
# The names groups get when the portal creates them; admins may rename them afterwards.
GROUP_NAMES = {ADMINS: "Quản trị", EDITORS: "Biên tập viên", MODERATORS: "Người duyệt", REFORM_OFFICE: "Cán bộ CCHC"}
AGENCY_GROUP_PREFIX = "Cán bộ "
REVIEW_WORKFLOW = "Duyệt nội dung"
REVIEW_TASK = "Người duyệt phê duyệt"

ALL_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
EDIT_PAGE_PERMISSIONS = ["add_page", "change_page"]
PUBLISH_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

# What an agency's group may do outside its subtree: use the admin, upload and choose images and documents.
AGENCY_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", ["access_admin"]),
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def role_group(key, name=None, using="default"):
    """The group holding role `key`; made on first use, named `name` (by default its usual name)."""
    role = Role.objects.using(using).select_related("group").filter(key=key).first()
    if role is not None:
        return role.group
    name = name or GROUP_NAMES[key]
    group = Group.objects.using(using).filter(name=name, role__isnull=True).first()
    if group is None:
        unique, n = name, 1
        while Group.objects.using(using).filter(name=unique).exists():
            n += 1
            unique = f"{name} ({n})"
        group = Group.objects.using(using).create(name=unique)
    Role.objects.using(using).create(key=key, group=group)
    return group


def existing_group(key, using="default"):
    """The group holding role `key`, or None when it has not been made."""
    role = Role.objects.using(using).select_related("group").filter(key=key).first()
    return role.group if role else None


_sections = {}


def register_section(model, grants, workflow=False):
    """Declare the rights groups get on every section rooted at a page of `model`.

    `grants` maps group names to page permission codenames; `workflow` attaches the review workflow.
    """
    _sections[model] = (grants, workflow)


def grant_subtree(group, page, codenames):
    perms = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    for permission in perms:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def apply_section_roles(page):
    for model, (grants, workflow) in _sections.items():
        if not isinstance(page, model):
            continue
        parent = page.get_parent()
        if parent is not None and isinstance(parent.specific, model):
            return
        for key, codenames in grants.items():
            grant_subtree(role_group(key), page, codenames)
        if workflow:
            review = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
            if review is not None:
                WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": review})
        return


AGENCY_ROLE_PREFIX = "agency:"


def agency_role(agency_page):
    return f"{AGENCY_ROLE_PREFIX}{agency_page.pk}"


def ensure_agency_group(agency_page):
    """Each agency gets a group that edits and publishes that agency's subtree and nothing else."""
    group = role_group(agency_role(agency_page), f"{AGENCY_GROUP_PREFIX}{agency_page.short_name}")
    for app_label, model, codenames in AGENCY_MODEL_PERMISSIONS:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, content_type__model=model, codename__in=codenames)
        )
    grant_subtree(group, agency_page, PUBLISH_PAGE_PERMISSIONS)
    return group


def _on_page_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and _sections:
        apply_section_roles(instance)


post_save.connect(_on_page_created, dispatch_uid="portal.roles.section_roles")
