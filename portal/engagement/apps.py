from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    """Access counters, online visitors, page views, star ratings and reader comments."""

    name = "portal.engagement"
    label = "engagement"
    verbose_name = _("Tương tác bạn đọc")

    def ready(self):
        from portal.engagement import pages

        post_save.connect(pages.changed, dispatch_uid="engagement-pages-saved")
        post_delete.connect(pages.changed, dispatch_uid="engagement-pages-deleted")
