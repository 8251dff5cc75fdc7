"""Keep the Quản trị group holding every permission, including those of models added later."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from wagtail.models import Collection, GroupCollectionPermission, Page

from portal.roles import ADMINS, ALL_PAGE_PERMISSIONS, grant_subtree


@receiver(post_migrate, dispatch_uid="portal.signals.sync_admin_group")
def sync_admin_group(sender, using="default", **kwargs):
    # Permissions of every app exist only once post_migrate has reached the last app.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender.label != with_models[-1].label:
        return
    group = Group.objects.using(using).filter(name=ADMINS).first()
    if group is None:
        return
    group.permissions.set(Permission.objects.using(using).all())
    collection = Collection.get_first_root_node()
    for permission in Permission.objects.filter(content_type__app_label__in=["wagtailimages", "wagtaildocs"]):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    root = Page.get_first_root_node()
    if root is not None:
        grant_subtree(group, root, ALL_PAGE_PERMISSIONS)
