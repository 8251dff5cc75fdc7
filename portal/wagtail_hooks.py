from urllib.parse import urlsplit

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.models import Site
from wagtail.sites.views import IndexView as SiteIndexView

from portal import names
from portal.web import chrome
from portal.web.page_cache import mark_cacheable

hooks.register("before_serve_page", mark_cacheable)
hooks.register("page_known_public", lambda page: not chrome.is_restricted(page))
hooks.register("cached_site_settings", chrome.site_settings)
hooks.register("get_avatar_url", names.avatar_url)


@hooks.register("insert_global_admin_js")
def admin_accessibility_js():
    return format_html('<script src="{}" defer></script>', static("portal/admin/accessibility.js"))


@hooks.register("construct_help_menu")
def keep_help_inside_the_admin(request, menu_items):
    """The editor guide and release notes live on wagtail.org, in English: the admin links to no outside site."""
    menu_items[:] = [item for item in menu_items if not urlsplit(getattr(item, "url", "") or "").netloc]


def _label_site_columns():
    """Wagtail titles three Sites columns from attribute names ("Root page"), which no catalogue translates."""
    fields = {field.name: field for field in Site._meta.fields}
    for column in SiteIndexView.columns:
        if type(column) is Column and column.name in fields:
            column.label = capfirst(fields[column.name].verbose_name)


_label_site_columns()
