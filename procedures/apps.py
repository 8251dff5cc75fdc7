from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = _("Thủ tục hành chính")

    def ready(self):
        from portal.roles import PUBLISH_PAGE_PERMISSIONS, REFORM_OFFICE, register_section

        from . import signals  # noqa: F401
        from .models import StatisticsPage

        register_section(StatisticsPage, {REFORM_OFFICE: PUBLISH_PAGE_PERMISSIONS})
