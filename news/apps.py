from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Tin tức và văn bản")

    def ready(self):
        from portal.roles import EDIT_PAGE_PERMISSIONS, EDITORS, MODERATORS, PUBLISH_PAGE_PERMISSIONS, register_section

        from .models import DocumentIndexPage, NewsIndexPage

        grants = {EDITORS: EDIT_PAGE_PERMISSIONS, MODERATORS: PUBLISH_PAGE_PERMISSIONS}
        register_section(NewsIndexPage, grants, workflow=True)
        register_section(DocumentIndexPage, grants, workflow=True)
