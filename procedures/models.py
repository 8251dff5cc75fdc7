from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.models import BasePage


class AgencyType(models.TextChoices):
    DEPARTMENT = "so", _("Sở, ban, ngành")
    PROVINCIAL_COMMITTEE = "ubnd_tinh", _("UBND tỉnh")
    COMMUNE = "ubnd_xa", _("UBND xã, phường, đặc khu")
    SERVICE_CENTRE = "ttpvhcc", _("Trung tâm Phục vụ hành chính công")
    CENTRAL = "trung_uong", _("Cơ quan trung ương đóng trên địa bàn")
    OTHER = "khac", _("Khác")


class ProcedureIndexPage(BasePage):
    """The "Thủ tục hành chính" catalogue root; agencies sit below it."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sidebar")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["procedures.AgencyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Danh mục thủ tục hành chính")
        verbose_name_plural = _("Danh mục thủ tục hành chính")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["agencies"] = AgencyPage.objects.live().public().child_of(self).order_by("agency_type", "title")
        return context


class AgencyPage(BasePage):
    """One agency; its editors' group gets rights on exactly this subtree."""

    short_name = models.CharField(_("Tên viết tắt"), max_length=100, unique=True)
    agency_type = models.CharField(_("Loại cơ quan"), max_length=20, choices=AgencyType.choices, default=AgencyType.DEPARTMENT)
    address = models.CharField(_("Địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    website = models.URLField(_("Trang thông tin điện tử"), blank=True)
    head = models.CharField(_("Người đứng đầu"), max_length=255, blank=True)
    head_title = models.CharField(_("Chức vụ"), max_length=255, blank=True)
    description = RichTextField(_("Chức năng, nhiệm vụ"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("agency_type")]),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]), FieldPanel("website")],
            heading=_("Liên hệ"),
        ),
        FieldRowPanel([FieldPanel("head"), FieldPanel("head_title")]),
        FieldPanel("description"),
        FieldPanel("sidebar"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("short_name"), index.SearchField("description")]
    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Cơ quan")
        verbose_name_plural = _("Cơ quan")
