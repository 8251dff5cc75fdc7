"""The organisation: agencies' people, departments and opening hours, their history, and the pages drawn
from them (organisation chart, contacts).

Agency pages hold the procedure catalogue (one page per agency, found by short name by the importer), so
they are not copied per language: their English names and texts sit beside the Vietnamese ones and the
English chart and contacts read them. The chart and contact pages themselves are ordinary translatable
pages (editors translate their introductions side by side).
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.models import BasePage


def in_language(obj, field):
    """`field` in the active language: its `<field>_en` twin on English pages when filled in."""
    if translation.get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field)


class OrganisationFields(models.Model):
    """What the decree asks of every agency besides its catalogue, and its English texts."""

    name_en = models.CharField(_("Tên tiếng Anh"), max_length=255, blank=True)
    description_en = RichTextField(_("Chức năng, nhiệm vụ (tiếng Anh)"), blank=True)
    opening_hours = models.CharField(_("Giờ làm việc"), max_length=255, blank=True)
    opening_hours_en = models.CharField(_("Giờ làm việc (tiếng Anh)"), max_length=255, blank=True)
    map_url = models.URLField(_("Đường dẫn bản đồ"), blank=True)

    organisation_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opening_hours"), FieldPanel("opening_hours_en")]),
                FieldPanel("map_url"),
                FieldPanel("name_en"),
                FieldPanel("description_en"),
            ],
            heading=_("Tổ chức bộ máy"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def local_name(self):
        return self.name_en if translation.get_language() == "en" and self.name_en else self.title

    @property
    def local_description(self):
        return in_language(self, "description")

    @property
    def local_opening_hours(self):
        return in_language(self, "opening_hours")


class Department(Orderable):
    """A department (phòng, ban) of an agency."""

    agency = ParentalKey("procedures.AgencyPage", related_name="departments", on_delete=models.CASCADE)
    name = models.CharField(_("Tên phòng, ban"), max_length=255)
    name_en = models.CharField(_("Tên tiếng Anh"), max_length=255, blank=True)
    duties = models.TextField(_("Nhiệm vụ"), blank=True)
    duties_en = models.TextField(_("Nhiệm vụ (tiếng Anh)"), blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("duties"), FieldPanel("duties_en")]),
        FieldPanel("phone"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Phòng, ban")
        verbose_name_plural = _("Phòng, ban")

    def __str__(self):
        return self.name

    @property
    def local_name(self):
        return in_language(self, "name")

    @property
    def local_duties(self):
        return in_language(self, "duties")


class Official(Orderable):
    """A named leader or contact official: who answers what."""

    agency = ParentalKey("procedures.AgencyPage", related_name="officials", on_delete=models.CASCADE)
    name = models.CharField(_("Họ và tên"), max_length=255)
    job_title = models.CharField(_("Chức vụ"), max_length=255)
    job_title_en = models.CharField(_("Chức vụ (tiếng Anh)"), max_length=255, blank=True)
    leader = models.BooleanField(_("Lãnh đạo"), default=False, help_text=_("Hiện trong sơ đồ tổ chức."))
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("Ảnh"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phone = models.CharField(_("Điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    handles = models.TextField(_("Phụ trách, trả lời về"), blank=True)
    handles_en = models.TextField(_("Phụ trách (tiếng Anh)"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("leader")]),
        FieldRowPanel([FieldPanel("job_title"), FieldPanel("job_title_en")]),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldRowPanel([FieldPanel("handles"), FieldPanel("handles_en")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Cán bộ đầu mối")
        verbose_name_plural = _("Lãnh đạo và cán bộ đầu mối")

    def __str__(self):
        return f"{self.name} ({self.job_title})"

    @property
    def local_job_title(self):
        return in_language(self, "job_title")

    @property
    def local_handles(self):
        return in_language(self, "handles")


class AgencyChange(models.Model):
    """One step of the reorganisation (renamed, merged into another, retired), kept as history."""

    class Kind(models.TextChoices):
        RENAMED = "renamed", _("Đổi tên")
        MERGED = "merged", _("Hợp nhất vào cơ quan khác")
        RETIRED = "retired", _("Giải thể, thôi hoạt động")

    agency = models.ForeignKey(
        "procedures.AgencyPage", verbose_name=_("Cơ quan"), on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(_("Loại thay đổi"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("Ngày hiệu lực"))
    old_name = models.CharField(_("Tên cũ"), max_length=255)
    new_name = models.CharField(_("Tên mới"), max_length=255, blank=True)
    successor = models.ForeignKey(
        "procedures.AgencyPage",
        verbose_name=_("Cơ quan tiếp nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="absorbed",
    )
    decision = models.CharField(_("Căn cứ (số quyết định)"), max_length=255, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("Thay đổi tổ chức")
        verbose_name_plural = _("Lịch sử sắp xếp tổ chức")

    def __str__(self):
        return f"{self.old_name}: {self.get_kind_display()} ({self.date:%d/%m/%Y})"


class OrganisationChartPage(BasePage):
    """The organisation chart, drawn from the agencies' data as nested lists (readable without pictures)."""

    intro = RichTextField(_("Giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sidebar")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Sơ đồ tổ chức")

    def serve(self, request, *args, **kwargs):
        return self.serve_with("procedures.organisation.chart", request)


class ContactPage(BasePage):
    """Who answers what: every agency's contacts and named officials, with structured data."""

    intro = RichTextField(_("Giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sidebar")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Trang liên hệ")

    def serve(self, request, *args, **kwargs):
        return self.serve_with("procedures.organisation.contacts", request)
