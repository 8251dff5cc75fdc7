from django.urls import path, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from procedures.models import AgencyPage
from procedures.reform import dashboard, views
from procedures.reform.models import DossierStatistics, ParIndexScore, SatisfactionSurvey, ServiceIndexScore, StatisticsPage


def _home_figures():
    period, figures, _trend = dashboard.latest_figures(length=1)
    if figures is None:
        return {}
    return {"period": period, "figures": figures, "page": StatisticsPage.objects.live().public().first()}


@hooks.register("construct_home_context")
def add_home_figures(home, request, context):
    """Read only when the home page's fragment is not cached (portal/home_page.html)."""
    context["reform_figures"] = SimpleLazyObject(_home_figures)


class FiguresViewSet(SnippetViewSet):
    """Reform figures: draft, publish and revisions come from the models' DraftStateMixin/RevisionMixin."""

    icon = "table"
    list_filter = ["year", "agency"]
    list_per_page = 50


class DossierStatisticsViewSet(FiguresViewSet):
    model = DossierStatistics
    menu_label = _("Số liệu hồ sơ")
    list_display = ["__str__", "received_total", "resolved", "on_time_rate", "online_share", "live"]
    list_filter = ["period_kind", "year", "agency"]


class ServiceIndexViewSet(FiguresViewSet):
    model = ServiceIndexScore
    menu_label = _("Chỉ số phục vụ (QĐ 766)")
    list_display = ["__str__", "total", "live"]
    list_filter = ["period_kind", "year", "agency"]


class SatisfactionSurveyViewSet(FiguresViewSet):
    model = SatisfactionSurvey
    menu_label = _("Khảo sát SIPAS")
    list_display = ["__str__", "respondents", "overall", "live"]


class ParIndexViewSet(FiguresViewSet):
    model = ParIndexScore
    menu_label = _("PAR Index")
    list_display = ["__str__", "score", "live"]


class ReformFiguresViewSetGroup(SnippetViewSetGroup):
    items = (DossierStatisticsViewSet, ServiceIndexViewSet, SatisfactionSurveyViewSet, ParIndexViewSet)
    menu_icon = "table"
    menu_label = _("Số liệu CCHC")
    menu_name = "reform_figures"
    submenu_hook = "register_reform_figures_menu_item"


register_snippet(ReformFiguresViewSetGroup)


class UploadMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(views.allowed_specs(request.user))


@hooks.register("register_reform_figures_menu_item")
def upload_menu_item():
    return UploadMenuItem(_("Nhập từ tệp XLSX/CSV"), reverse("reform_figures_upload"), icon_name="upload", order=100)


@hooks.register("register_admin_urls")
def reform_admin_urls():
    return [
        path("so-lieu-cchc/nhap/", views.upload_view, name="reform_figures_upload"),
        path("so-lieu-cchc/mau/<slug:slug>.xlsx", views.template_view, name="reform_figures_template"),
    ]


@hooks.register("page_cache_shown_on")
def statistics_showing(page):
    """The statistics page lists the agencies by name."""
    if not isinstance(page, AgencyPage):
        return []
    return list(StatisticsPage.objects.only("url_path", "depth"))
