from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from feedback import admin_views, permissions, statistics
from feedback.models import FeedbackPage, Holiday, QuestionPage, Submission
from procedures.models import AgencyPage, ProcedurePage


class SubmissionViewSet(ModelViewSet):
    """Listing and one submission at a time; changes happen only through the actions on its page."""

    model = Submission
    icon = "mail"
    menu_label = _("Danh sách phản ánh, kiến nghị")
    name = "feedback_submission"
    url_prefix = "phan-anh-kien-nghi"
    index_view_class = admin_views.SubmissionIndexView
    inspect_view_class = admin_views.SubmissionInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    form_fields = []  # no generic add or edit form: the policy refuses both
    menu_order = 100

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<str:pk>/thao-tac/<slug:action>/", self.inspect_view, name="action"),
        ]


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Ngày nghỉ lễ, Tết")
    list_display = ["date", "name", "working"]
    list_filter = ["working"]
    ordering = ["-date"]


class FeedbackMenu(ViewSetGroup):
    items = (SubmissionViewSet, HolidayViewSet)
    menu_icon = "mail"
    menu_label = _("Phản ánh, kiến nghị")
    menu_name = "feedback"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_viewsets():
    return FeedbackMenu()


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return PermissionMenuItem(
        _("Báo cáo phản ánh, kiến nghị"),
        reverse("feedback_report"),
        icon_name="doc-full",
        order=910,
        permission=permissions.REPORT,
    )


@hooks.register("register_settings_menu_item")
def personal_data_menu_item():
    return PermissionMenuItem(
        _("Dữ liệu cá nhân (PAKN)"),
        reverse("feedback_personal_data"),
        icon_name="user",
        order=900,
        permission=permissions.PERSONAL_DATA,
    )


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    return [
        path("phan-anh-kien-nghi/tep/<int:pk>/", admin_views.attachment_view, name="feedback_attachment"),
        path("phan-anh-kien-nghi/nhap/", admin_views.intake_view, name="feedback_intake"),
        path("bao-cao/phan-anh-kien-nghi/", admin_views.FeedbackReportView.as_view(), name="feedback_report"),
        path(
            "bao-cao/phan-anh-kien-nghi/ket-qua/",
            admin_views.FeedbackReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
        path("du-lieu-ca-nhan-pakn/", admin_views.personal_data_view, name="feedback_personal_data"),
    ]


hooks.register("statistics_page_tables", statistics.feedback_table)


@hooks.register("page_cache_shown_on")
def pages_showing_feedback_content(page):
    """A published question shows on its procedure's page; the feedback form lists agencies and procedures."""
    if isinstance(page, QuestionPage):
        return [page.procedure] if page.procedure_id else []
    if isinstance(page, AgencyPage | ProcedurePage):
        return list(FeedbackPage.objects.only("url_path", "depth"))
    return []
