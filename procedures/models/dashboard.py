from django.db import models
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.models import BasePage
from procedures.models.agencies import AgencyPage
from procedures.reform import dashboard, export


class StatisticsPage(RoutablePageMixin, BasePage):
    """ "Thống kê, đánh giá": the reform office's figures as charts, tables and downloads."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sidebar")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Trang thống kê, đánh giá")
        verbose_name_plural = _("Trang thống kê, đánh giá")

    def dashboard(self, request):
        agencies = AgencyPage.objects.live().public().only("title", "short_name", "agency_type").order_by("title")
        return dashboard.build(request.GET, agencies)

    def _invalid(self, request, board):
        response = TemplateResponse(request, self.get_template(request), {**self.get_context(request), "board": board})
        response.status_code = 400
        return response

    @path("")
    def overview(self, request):
        board = self.dashboard(request)
        if board.form.errors:
            return self._invalid(request, board)
        return self.render(request, context_overrides={"board": board})

    @path("tai-ve/<slug:fmt>/", name="download")
    def download(self, request, fmt):
        if fmt not in export.FORMATS:
            raise Http404
        board = self.dashboard(request)
        if board.form.errors:
            return self._invalid(request, board)
        content, content_type = export.FORMATS[fmt](board.tables)
        stem = f"thong-ke-{board.period.code.replace('/', '-') if board.period else 'trong'}"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
        return response
