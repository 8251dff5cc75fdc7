"""Editorial roles as Wagtail groups, and placeful (subtree) page permissions for them.

Groups and their model permissions are created by a data migration. Page permissions are placeful:
a section registers which groups get which rights on it, and those rights are granted when a page
of that type is created at the top of its section, so they follow the tree wherever editors build it.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

ADMINS = "Quản trị"
EDITORS = "Biên tập viên"
MODERATORS = "Người duyệt"
REFORM_OFFICE = "Cán bộ CCHC"
AGENCY_GROUP_PREFIX = "Cán bộ "
REVIEW_WORKFLOW = "Duyệt nội dung"
REVIEW_TASK = "Người duyệt phê duyệt"

ALL_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
EDIT_PAGE_PERMISSIONS = ["add_page", "change_page"]
PUBLISH_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

# Model permissions each group gets, as (app_label, model, codenames).
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
    MODERATORS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
    ],
    REFORM_OFFICE: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("wagtailimages", "image", ["add_image", "choose_image"]),
        ("wagtaildocs", "document", ["add_document", "choose_document"]),
    ],
    ADMINS: [("wagtailadmin", "admin", ["access_admin"])],
}

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
        for group_name, codenames in grants.items():
            group, _created = Group.objects.get_or_create(name=group_name)
            grant_subtree(group, page, codenames)
        if workflow:
            review = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
            if review is not None:
                WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": review})
        return


def agency_group_name(short_name):
    return f"{AGENCY_GROUP_PREFIX}{short_name}"


def ensure_agency_group(agency_page, short_name):
    """Each agency gets a group that edits and publishes that agency's subtree and nothing else."""
    group, _created = Group.objects.get_or_create(name=agency_group_name(short_name))
    for app_label, model, codenames in MODEL_PERMISSIONS[EDITORS]:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, content_type__model=model, codename__in=codenames)
        )
    grant_subtree(group, agency_page, PUBLISH_PAGE_PERMISSIONS)
    return group


def _on_page_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and _sections:
        apply_section_roles(instance)


post_save.connect(_on_page_created, dispatch_uid="portal.roles.section_roles")

ROLE_DESCRIPTIONS = {
    ADMINS: _("Toàn quyền quản trị cổng."),
    EDITORS: _("Soạn và sửa tin, văn bản; gửi duyệt; không được xuất bản."),
    MODERATORS: _("Duyệt và xuất bản tin, văn bản."),
    REFORM_OFFICE: _("Cán bộ Văn phòng UBND tỉnh phụ trách số liệu, đánh giá cải cách hành chính."),
}
