from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReformConfig(AppConfig):
    """Reform statistics: the figures the reform office posts, their page, dashboard, upload and downloads."""

    name = "procedures.reform"
    label = "reform"
    verbose_name = _("Số liệu cải cách hành chính")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.roles import PUBLISH_PAGE_PERMISSIONS, REFORM_OFFICE, register_section

        from .models import StatisticsPage

        register_section(StatisticsPage, {REFORM_OFFICE: PUBLISH_PAGE_PERMISSIONS})
