from django.db import models
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.models import BasePage
from portal.web.chrome import public

from .organisation import OrganisationFields


class AgencyType(models.TextChoices):
    """In the order the catalogue lists agencies."""

    DEPARTMENT = "department", _("Sở, ban, ngành")
    CENTRAL = "central", _("Cơ quan trung ương đóng trên địa bàn")
    SERVICE_CENTRE = "service_centre", _("Trung tâm Phục vụ hành chính công")
    PROVINCIAL_COMMITTEE = "provincial_committee", _("UBND tỉnh")
    COMMUNE = "commune", _("UBND xã, phường, đặc khu")
    OTHER = "other", _("Khác")

    @classmethod
    def listing_order(cls):
        return Case(*(When(agency_type=value, then=position) for position, value in enumerate(cls.values)), default=len(cls))


class ProcedureIndexPage(RoutablePageMixin, BasePage):
    """The "Thủ tục hành chính" catalogue root; agencies sit below it. Its listings live in procedures.views."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sidebar")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["procedures.AgencyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Danh mục thủ tục hành chính")
        verbose_name_plural = _("Danh mục thủ tục hành chính")

    def agencies(self):
        return public(AgencyPage.objects.live()).child_of(self).order_by(AgencyType.listing_order(), "title")

    def communes(self):
        return self.agencies().filter(agency_type=AgencyType.COMMUNE).order_by("title")

    @path("")
    def overview(self, request):
        return self.serve_with("procedures.views.catalogue", request)

    @path("xa/", name="commune")
    def choose_commune(self, request):
        return self.serve_with("procedures.views.choose_commune", request)

    @path("linh-vuc/<slug:slug>/", name="field")
    def by_field(self, request, slug):
        return self.serve_with("procedures.views.by_field", request, slug)

    @path("cap/<slug:slug>/", name="level")
    def by_level(self, request, slug):
        return self.serve_with("procedures.views.by_level", request, slug)

    @path("truc-tuyen/<slug:level>/", name="online")
    def by_online_level(self, request, level):
        return self.serve_with("procedures.views.by_online_level", request, level)

    @path("4-tai-cho/", name="four_on_the_spot")
    def four_on_the_spot(self, request):
        return self.serve_with("procedures.views.four_on_the_spot", request)


class AgencyPage(OrganisationFields, BasePage):
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
        *OrganisationFields.organisation_panels,
        InlinePanel("officials", heading=_("Lãnh đạo và cán bộ đầu mối")),
        InlinePanel("departments", heading=_("Phòng, ban")),
        FieldPanel("sidebar"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("short_name"), index.SearchField("description")]

    @property
    def is_commune(self):
        return self.agency_type == AgencyType.COMMUNE

    def serve(self, request, *args, **kwargs):
        return self.serve_with("procedures.views.agency", request)

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = ["procedures.ProcedurePage"]

    class Meta:
        verbose_name = _("Cơ quan")
        verbose_name_plural = _("Cơ quan")
