from urllib.parse import urlencode

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.models import DecisionPage
from portal.web.page_cache import page_section
from procedures.exchange import admin_views, jobs
from procedures.models import AgencyPage, ApplicantType, ProcedureField, ProcedureIndexPage, ProcedureLevel, ProcedurePage


class ProcedureFieldViewSet(SnippetViewSet):
    model = ProcedureField
    icon = "tag"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class ProcedureLevelViewSet(SnippetViewSet):
    model = ProcedureLevel
    icon = "list-ol"
    menu_label = _("Cấp thực hiện")
    list_display = ["name", "code", "sort_order"]


class ApplicantTypeViewSet(SnippetViewSet):
    model = ApplicantType
    icon = "group"
    menu_label = _("Đối tượng thực hiện")
    list_display = ["name", "code"]


class CatalogueViewSetGroup(SnippetViewSetGroup):
    items = (ProcedureFieldViewSet, ProcedureLevelViewSet, ApplicantTypeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Danh mục TTHC")
    menu_name = "procedure_catalogue"
    submenu_hook = "register_procedure_catalogue_menu_item"


register_snippet(CatalogueViewSetGroup)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return jobs.may_import(request.user)


@hooks.register("register_procedure_catalogue_menu_item")
def import_menu_item():
    return ImportMenuItem(_("Nhập, xuất thủ tục"), reverse("procedure_import_upload"), icon_name="upload", order=10)


@hooks.register("register_admin_urls")
def procedure_admin_urls():
    return [
        path("thu-tuc/nhap/", admin_views.upload_view, name="procedure_import_upload"),
        path("thu-tuc/nhap/<int:pk>/", admin_views.import_view, name="procedure_import"),
        path("thu-tuc/nhap/<int:pk>/xac-nhan/", admin_views.confirm_view, name="procedure_import_confirm"),
        path("thu-tuc/nhap/<int:pk>/tien-do/", admin_views.status_view, name="procedure_import_status"),
        path("thu-tuc/xuat/", admin_views.export_view, name="procedure_export"),
    ]


@hooks.register("register_page_header_buttons")
def exchange_buttons(page, user, view_name, next_url=None):
    """Export (and import) from the page listing: an agency's procedures to those who may export them, the
    whole catalogue from the catalogue page to admins and the reform office."""
    if page.specific_class not in (AgencyPage, ProcedureIndexPage):
        return []
    scope = jobs.agency_scope(user)
    if page.specific_class is AgencyPage and (scope is None or page.pk in {agency.pk for agency in scope}):
        agency, label = page.pk, _("Xuất thủ tục của cơ quan (XLSX)")
    elif page.specific_class is ProcedureIndexPage and scope is None:
        agency, label = "", _("Xuất toàn bộ thủ tục (XLSX)")
    else:
        return []
    export = reverse("procedure_export") + "?" + urlencode({"agency": agency, "format": "xlsx"})
    return [
        Button(label, url=export, icon_name="download", priority=80),
        Button(_("Nhập thủ tục từ tệp"), url=reverse("procedure_import_upload"), icon_name="upload", priority=81),
    ]


@hooks.register("page_cache_shown_on")
def procedures_citing(page):
    """A decision's title and number show on the procedures whose legal bases cite it (one per section)."""
    if not isinstance(page, DecisionPage):
        return []
    citing = ProcedurePage.objects.filter(legal_bases__document=page).only("url_path", "depth")
    return list({page_section(procedure): procedure for procedure in citing}.values())
