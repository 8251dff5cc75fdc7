import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import QueryLog, Scope, Synonym

REPORT_PERMISSION = "search.view_search_report"


class SynonymViewSet(SnippetViewSet):
    """Editors keep the abbreviations citizens type; a change applies to the next search."""

    model = Synonym
    icon = "search"
    menu_label = _("Từ đồng nghĩa tìm kiếm")
    add_to_settings_menu = True
    list_display = ["terms", "note"]
    search_fields = ["terms"]


register_snippet(SynonymViewSet)


def report_view(request):
    """Popular and zero-result queries of the last 30 days (folded text and counts only)."""
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    since = timezone.localdate() - datetime.timedelta(days=29)
    rows = (
        QueryLog.objects.filter(day__gte=since)
        .values("scope", "query")
        .annotate(searches=Sum("searches"), zero=Sum("zero_results"))
    )
    popular = _labelled(rows.order_by("-searches", "query")[:50])
    empty = _labelled(rows.filter(zero__gt=0).order_by("-zero", "query")[:50])
    return TemplateResponse(request, "search/admin/report.html", {"popular": popular, "empty": empty, "since": since})


def _labelled(rows):
    labels = dict(Scope.choices)
    return [{**row, "scope": labels.get(row["scope"], row["scope"])} for row in rows]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(_("Thống kê tìm kiếm"), reverse("search_report"), icon_name="search", order=910)


@hooks.register("register_admin_urls")
def report_urls():
    return [path("bao-cao/tim-kiem/", report_view, name="search_report")]
