from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Tìm kiếm")

    def ready(self):
        from django.conf import settings

        from . import signals  # noqa: F401

        if settings.ELASTICSEARCH_URL:
            # Its client is loaded here, before gunicorn forks (preload_app), so that the workers share
            # one copy; a site on the database store never loads it.
            from .backends import elastic  # noqa: F401
