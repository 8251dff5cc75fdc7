import datetime

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, Sum, Value, When
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.reports import SpreadsheetReportView
from search import backends
from search.models import PopularQuery, QueryLog, Scope, Synonym

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


class PopularQueryViewSet(SnippetViewSet):
    """Editors approve a query for "Nhiều người tìm" or hide one that should never be shown there."""

    model = PopularQuery
    icon = "list-ul"
    menu_label = _("Từ khóa “Nhiều người tìm”")
    add_to_settings_menu = True
    list_display = ["query", "scope", "decision"]
    list_filter = ["scope", "decision"]
    search_fields = ["query"]


register_snippet(PopularQueryViewSet)


@hooks.register("register_readiness_check")
def elasticsearch_readiness():
    """/readyz: Elasticsearch answering, or "degraded" (searches then fall back to the database store)."""
    backend = backends.elasticsearch()
    if backend is None:
        return "search", "ok"
    try:
        return "search", "ok" if backend.es.options(request_timeout=0.5).ping() else "degraded"
    except Exception:  # searches fall back to the database store
        return "search", "degraded"


class QueryFilterSet(WagtailFilterSet):
    zero = django_filters.BooleanFilter(
        label=_("Chỉ từ khóa không có kết quả"), method="only_zero", widget=forms.CheckboxInput, required=False
    )

    class Meta:
        model = QueryLog
        fields = ["scope"]

    def only_zero(self, queryset, name, value):
        return queryset.filter(zero__gt=0).order_by("-zero", "query") if value else queryset


def _scope_label():
    """The search page's name in Vietnamese, for the listing and its downloads."""
    return Case(*(When(scope=value, then=Value(str(label))) for value, label in Scope.choices), default=F("scope"))


class QueryReportView(SpreadsheetReportView):
    """Queries of the last 30 days, most searched first (folded text and counts only), with CSV/XLSX export."""

    page_title = _("Thống kê tìm kiếm")
    header_icon = "search"
    index_url_name = "search_report"
    index_results_url_name = "search_report_results"
    results_template_name = "search/admin/report_results.html"
    filterset_class = QueryFilterSet
    export_filename = "thong-ke-tim-kiem"
    no_results_message = _("Chưa có lượt tìm nào trong 30 ngày qua.")
    list_export = ["query", "scope_label", "searches", "zero"]
    export_headings = {
        "query": _("Từ khóa"),
        "scope_label": _("Trang tìm"),
        "searches": _("Lượt tìm"),
        "zero": _("Không có kết quả"),
    }
    columns = [
        Column("query", label=_("Từ khóa")),
        Column("scope_label", label=_("Trang tìm")),
        Column("searches", label=_("Lượt tìm")),
        Column("zero", label=_("Không có kết quả")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def since(self):
        return timezone.localdate() - datetime.timedelta(days=29)

    def get_queryset(self):
        return (
            QueryLog.objects.filter(day__gte=self.since)
            .values("scope", "query")
            .annotate(searches=Sum("searches"), zero=Sum("zero_results"), scope_label=_scope_label())
            .order_by("-searches", "query")
        )


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(_("Thống kê tìm kiếm"), reverse("search_report"), icon_name="search", order=910)


@hooks.register("register_admin_urls")
def report_urls():
    return [
        path("bao-cao/tim-kiem/", QueryReportView.as_view(), name="search_report"),
        path("bao-cao/tim-kiem/ket-qua/", QueryReportView.as_view(results_only=True), name="search_report_results"),
    ]
