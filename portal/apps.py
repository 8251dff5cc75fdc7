from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from . import admin_denials, names, signals  # noqa: F401
        from .web import login_throttle  # noqa: F401 - connects its signal receivers

        admin_denials.install()
        names.install()
