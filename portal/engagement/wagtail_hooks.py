from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.engagement import report
from portal.engagement.models import Comment


class CommentViewSet(SnippetViewSet):
    """Moderation: a comment is shown once its status is "Đã duyệt"; the reply appears under it."""

    model = Comment
    icon = "comment"
    menu_label = _("Ý kiến bạn đọc")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "text", "page", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "text"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("status"),
        FieldPanel("reply"),
    ]


register_snippet(CommentViewSet)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(report.PERMISSION)


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(_("Báo cáo truy cập"), reverse("engagement_report"), icon_name="view", order=900)


@hooks.register("register_admin_urls")
def report_urls():
    return [path("bao-cao/truy-cap/", report.report_view, name="engagement_report")]
