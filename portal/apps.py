from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import admin_denials, signals, sites, slugs  # noqa: F401
        from .web import login_throttle  # noqa: F401 - connects its signal receivers

        admin_denials.install()
        slugs.install()
        post_migrate.connect(sites.sync_after_migrate, dispatch_uid="portal.sites.sync_after_migrate")
