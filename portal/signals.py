"""Keep the admins' group holding every permission, including those of models added later, and keep the
page cache fresh."""

from django.apps import apps
from django.contrib.auth.models import Permission
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import Collection, GroupCollectionPermission, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from portal import translations
from portal.engagement.models import Comment, CommentStatus
from portal.models import SiteSettings
from portal.roles import ADMINS, ALL_PAGE_PERMISSIONS, existing_group, grant_subtree
from portal.web.page_cache import purge, purge_moved_page, purge_page, purge_pages


@receiver(post_migrate, dispatch_uid="portal.signals.sync_admin_group")
def sync_admin_group(sender, using="default", **kwargs):
    # Permissions of every app exist only once post_migrate has reached the last app.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender.label != with_models[-1].label:
        return
    group = existing_group(ADMINS, using=using)
    if group is None:
        return
    group.permissions.set(Permission.objects.using(using).all())
    collection = Collection.get_first_root_node()
    for permission in Permission.objects.filter(content_type__app_label__in=["wagtailimages", "wagtaildocs"]):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    root = Page.get_first_root_node()
    if root is not None:
        grant_subtree(group, root, ALL_PAGE_PERMISSIONS)


# The page cache: what a cached page may show changes when pages are published, unpublished, moved or
# deleted (their section and the home page; portal.web.page_cache says which), and for the whole site
# when view restrictions (a page made private leaves the listings, feeds and the home page too), sites,
# site settings or published figures (snippets with drafts) change. An approved comment changes its
# page's section.
def purge_snippet(sender, instance, **kwargs):
    """Wagtail sends `published` for pages too; those are purged by section above."""
    if not isinstance(instance, Page):
        purge()


for _signal in (page_published, page_unpublished):
    _signal.connect(purge_page, dispatch_uid=f"portal.page_cache.{id(_signal)}")
post_page_move.connect(purge_moved_page, dispatch_uid="portal.page_cache.page_moved")
post_delete.connect(purge_page, sender=Page, dispatch_uid="portal.page_cache.page_deleted")
for _signal in (published, unpublished):
    _signal.connect(purge_snippet, dispatch_uid=f"portal.page_cache.{id(_signal)}")
for _model in (SiteSettings, PageViewRestriction, Site):
    post_save.connect(purge, sender=_model, dispatch_uid=f"portal.page_cache.{_model.__name__}.saved")
    post_delete.connect(purge, sender=_model, dispatch_uid=f"portal.page_cache.{_model.__name__}.deleted")


@receiver([post_save, post_delete], sender=Comment, dispatch_uid="portal.page_cache.comment")
def purge_comment_page(sender, instance, created=False, **kwargs):
    """A comment shows only once approved: a citizen's new one waiting for review changes no page."""
    if created and instance.status != CommentStatus.APPROVED:
        return
    page = Page.objects.filter(pk=instance.page_id).only("depth", "url_path").first()
    if page is not None:
        purge_pages(page)


# The map of translated pages (hreflang, language switcher) follows the same changes.
for _signal in (page_published, page_unpublished):
    _signal.connect(translations.forget, dispatch_uid=f"portal.translations.{id(_signal)}")
post_delete.connect(translations.forget, sender=Page, dispatch_uid="portal.translations.page_deleted")
post_page_move.connect(translations.forget_all, dispatch_uid="portal.translations.moved")  # addresses below it change
