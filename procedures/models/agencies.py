import re

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.models import BasePage
from procedures import selectors
from procedures.models.procedure import OnlineLevel
from procedures.models.taxonomy import ProcedureField, ProcedureLevel

PROCEDURES_PER_PAGE = 30


class AgencyType(models.TextChoices):
    DEPARTMENT = "so", _("Sở, ban, ngành")
    PROVINCIAL_COMMITTEE = "ubnd_tinh", _("UBND tỉnh")
    COMMUNE = "ubnd_xa", _("UBND xã, phường, đặc khu")
    SERVICE_CENTRE = "ttpvhcc", _("Trung tâm Phục vụ hành chính công")
    CENTRAL = "trung_uong", _("Cơ quan trung ương đóng trên địa bàn")
    OTHER = "khac", _("Khác")


class ProcedureIndexPage(RoutablePageMixin, BasePage):
    """The "Thủ tục hành chính" catalogue root; agencies sit below it."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sidebar")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["procedures.AgencyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Danh mục thủ tục hành chính")
        verbose_name_plural = _("Danh mục thủ tục hành chính")

    def agencies(self):
        return AgencyPage.objects.live().public().child_of(self).order_by("agency_type", "title")

    def communes(self):
        return self.agencies().filter(agency_type=AgencyType.COMMUNE).order_by("title")

    @path("")
    def overview(self, request):
        agencies = list(self.agencies())
        communes = [a for a in agencies if a.agency_type == AgencyType.COMMUNE]
        context = selectors.catalogue_counts(self, agencies, [a.path for a in communes])
        return self.render(request, context_overrides={**context, "catalogue": self, "communes": communes})

    @path("xa/", name="commune")
    def choose_commune(self, request):
        """The commune chooser's target: a plain GET form, so it works without JavaScript."""
        chosen = request.GET.get("xa", "")
        commune = self.communes().filter(slug=chosen).first() if re.fullmatch(r"[\w-]{1,255}", chosen) else None
        if commune is not None:
            return redirect(commune.url)
        response = self.render(
            request,
            template="procedures/commune_chooser.html",
            context_overrides={"catalogue": self, "communes": list(self.communes()), "unknown": bool(chosen)},
        )
        if chosen:
            response.status_code = 400
        return response

    def browse(self, request, heading, procedures):
        procedures = selectors.listing(procedures.order_by("title", "pk"))
        page = Paginator(procedures, PROCEDURES_PER_PAGE).get_page(request.GET.get("page"))
        selectors.attach_agencies(page.object_list, self.agencies())
        return self.render(
            request,
            template="procedures/procedure_browse.html",
            context_overrides={"heading": heading, "procedures": page},
        )

    @path("linh-vuc/<slug:slug>/", name="field")
    def by_field(self, request, slug):
        field = get_object_or_404(ProcedureField, slug=slug)
        return self.browse(
            request, _("Lĩnh vực: %(name)s") % {"name": field.name}, selectors.live_procedures(self).filter(fields=field)
        )

    @path("cap/<slug:slug>/", name="level")
    def by_level(self, request, slug):
        level = get_object_or_404(ProcedureLevel, slug=slug)
        return self.browse(
            request, _("Cấp thực hiện: %(name)s") % {"name": level.name}, selectors.live_procedures(self).filter(levels=level)
        )

    @path("truc-tuyen/<slug:level>/", name="online")
    def by_online_level(self, request, level):
        if level not in OnlineLevel.values:
            raise Http404
        label = OnlineLevel(level).label
        return self.browse(
            request,
            _("Dịch vụ công trực tuyến: %(name)s") % {"name": label},
            selectors.live_procedures(self).filter(online_level=level),
        )

    @path("4-tai-cho/", name="four_on_the_spot")
    def four_on_the_spot(self, request):
        return self.browse(
            request, _("Thủ tục thực hiện “4 tại chỗ”"), selectors.live_procedures(self).filter(four_on_the_spot=True)
        )


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

    @property
    def is_commune(self):
        return self.agency_type == AgencyType.COMMUNE

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        procedures = selectors.agency_procedures(self, self.is_commune).order_by("title", "pk")
        page = Paginator(selectors.listing(procedures).prefetch_related("fields"), PROCEDURES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        catalogue = self.get_parent().specific
        context.update(
            procedures=page,
            procedure_groups=selectors.grouped_by_field(page.object_list),
            catalogue=catalogue,
            communes=list(catalogue.communes()) if isinstance(catalogue, ProcedureIndexPage) else [],
        )
        return context

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = ["procedures.ProcedurePage"]

    class Meta:
        verbose_name = _("Cơ quan")
        verbose_name_plural = _("Cơ quan")
