from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    """Access counters, online visitors, page views, star ratings and reader comments."""

    name = "portal.engagement"
    label = "engagement"
    verbose_name = _("Tương tác bạn đọc")
