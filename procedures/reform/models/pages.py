from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.models import BasePage


class StatisticsPage(RoutablePageMixin, BasePage):
    """ "Thống kê, đánh giá": the reform office's figures as charts, tables and downloads (procedures.reform.views)."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sidebar")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        db_table = "procedures_statisticspage"
        verbose_name = _("Trang thống kê, đánh giá")
        verbose_name_plural = _("Trang thống kê, đánh giá")

    @path("")
    def overview(self, request):
        return self.serve_with("procedures.reform.views.overview", request)

    @path("tai-ve/<slug:fmt>/", name="download")
    def download(self, request, fmt):
        return self.serve_with("procedures.reform.views.download", request, fmt)
