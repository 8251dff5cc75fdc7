from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import admin_denials, names, signals, sites, slugs  # noqa: F401

        admin_denials.install()
        names.install()
        slugs.install()
        post_migrate.connect(sites.sync_after_migrate, dispatch_uid="portal.sites.sync_after_migrate")
