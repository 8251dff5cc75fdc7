import datetime

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from news.choices import DocumentStatus, DocumentType
from portal.models import BasePage
from portal.text import document_number_key


class DocumentIndexPage(BasePage):
    """The "Văn bản" index: the document search tool the portal decree requires."""

    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("sidebar")]
    subpage_types = ["news.DecisionPage"]
    parent_page_types = ["portal.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Danh mục văn bản")
        verbose_name_plural = _("Danh mục văn bản")

    def documents(self):
        return DecisionPage.objects.live().public().descendant_of(self)

    def serve(self, request, *args, **kwargs):
        return self.serve_with("news.views.documents", request)


class DecisionPage(BasePage):
    accepts_ratings = True

    doc_type = models.CharField(_("Loại văn bản"), max_length=20, choices=DocumentType.choices, db_index=True)
    number = models.CharField(_("Số ký hiệu"), max_length=100, help_text=_("Ví dụ: 91/QĐ-UBND"))
    number_key = models.CharField(max_length=100, db_index=True, editable=False)
    issuer = models.CharField(_("Cơ quan ban hành"), max_length=255, db_index=True)
    signer = models.CharField(_("Người ký"), max_length=255, blank=True)
    date_issued = models.DateField(_("Ngày ban hành"), db_index=True)
    date_effective = models.DateField(_("Ngày có hiệu lực"), null=True, blank=True)
    date_expired = models.DateField(_("Ngày hết hiệu lực"), null=True, blank=True)
    status_override = models.CharField(
        _("Tình trạng (ghi đè)"),
        max_length=20,
        choices=DocumentStatus.choices,
        blank=True,
        help_text=_("Để trống để tính tự động từ các ngày hiệu lực."),
    )
    field = models.CharField(_("Lĩnh vực"), max_length=255, blank=True, db_index=True)
    summary = models.TextField(_("Trích yếu"))
    full_text = RichTextField(_("Toàn văn"), blank=True)
    replaces = ParentalManyToManyField(
        "self", verbose_name=_("Thay thế / sửa đổi văn bản"), blank=True, symmetrical=False, related_name="replaced_by"
    )

    content_panels = [
        FieldRowPanel([FieldPanel("doc_type"), FieldPanel("number")]),
        FieldPanel("title", help_text=_("Tiêu đề hiển thị, thường là số ký hiệu và trích yếu.")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer")]),
                FieldRowPanel([FieldPanel("date_issued"), FieldPanel("date_effective"), FieldPanel("date_expired")]),
                FieldPanel("status_override"),
                FieldPanel("field"),
            ],
            heading=_("Thuộc tính"),
        ),
        InlinePanel("files", label=_("Tệp văn bản"), min_num=0),
        FieldPanel("full_text"),
        FieldPanel("replaces"),
        FieldPanel("sidebar"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("issuer"),
        index.FilterField("doc_type"),
        index.FilterField("date_issued"),
    ]
    parent_page_types = ["news.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Văn bản")
        verbose_name_plural = _("Văn bản")

    def save(self, *args, **kwargs):
        self.number_key = document_number_key(self.number)
        return super().save(*args, **kwargs)

    def status_on(self, day):
        if self.status_override:
            return DocumentStatus(self.status_override)
        if self.date_expired and self.date_expired <= day:
            return DocumentStatus.EXPIRED
        if self.date_effective and self.date_effective > day:
            return DocumentStatus.NOT_YET
        return DocumentStatus.IN_FORCE

    @cached_property
    def status(self):
        return self.status_on(timezone.localdate())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.structured_data(request)
        # In a preview `replaces` holds the draft's choice in memory, hence a filter in Python.
        context["replaces"] = [document for document in self.replaces.all() if document.live]
        context["replaced_by"] = list(self.replaced_by.live().public().order_by("-date_issued"))
        return context

    def structured_data(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": self.title,
            "legislationIdentifier": self.number,
            "legislationType": self.get_doc_type_display(),
            "abstract": self.summary,
            "legislationDate": self.date_issued.isoformat(),
            "legislationPassedBy": {"@type": "GovernmentOrganization", "name": self.issuer},
            "legislationLegalForce": "InForce" if self.status == DocumentStatus.IN_FORCE else "NotInForce",
            "inLanguage": "vi",
            "url": self.get_full_url(request),
        }
        if self.date_effective:
            data["legislationDateVersion"] = self.date_effective.isoformat()
        if self.signer:
            data["legislationResponsible"] = {"@type": "Person", "name": self.signer}
        return data

    @property
    def year(self):
        return self.date_issued.year if isinstance(self.date_issued, datetime.date) else None


class DecisionFile(Orderable):
    page = ParentalKey(DecisionPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey("wagtaildocs.Document", verbose_name=_("Tệp"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("Tên hiển thị"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]
