from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.admin_forms import PageForm
from portal.models import BasePage
from portal.web.chrome import for_page, public
from portal.widgets import FilteredCheckboxes
from procedures.models.parts import Channel, TimeUnit


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Toàn trình")
    PARTIAL = "partial", _("Một phần")
    NONE = "none", _("Không có dịch vụ công trực tuyến")


def summarise(channels):
    """The figures of the summary box: the shortest time limit and the fee of the cheapest channel."""
    timed = [c for c in channels if c.time_amount is not None or c.time_unit == TimeUnit.IMMEDIATE]
    fastest = min(timed, key=lambda c: (c.time_unit != TimeUnit.IMMEDIATE, c.time_amount or 0), default=None)
    paid = [c for c in channels if c.fee_amount]
    cheapest = min(paid, key=lambda c: c.fee_amount, default=None)
    return {
        "fastest": fastest,
        "cheapest": cheapest,
        "free": bool(channels) and not paid,
        "channels": sorted({c.get_channel_display() for c in channels}),
    }


class ProcedurePage(BasePage):
    """One administrative procedure with every part the legal minimum asks for, shown on one page."""

    accepts_ratings = True

    code = models.CharField(
        _("Mã thủ tục"), max_length=50, unique=True, help_text=_("Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.001193")
    )
    procedure_type = models.CharField(
        _("Loại thủ tục"),
        max_length=255,
        blank=True,
        help_text=_("Như trên Cơ sở dữ liệu quốc gia, ví dụ: Thủ tục hành chính được luật giao quy định chi tiết"),
    )
    fields = ParentalManyToManyField(
        "procedures.ProcedureField",
        verbose_name=_("Lĩnh vực"),
        related_name="procedures",
        blank=True,
        help_text=_("Đánh dấu một hoặc nhiều lĩnh vực; gõ vào ô lọc để tìm nhanh (danh sách ở Danh mục TTHC → Lĩnh vực)"),
    )
    levels = ParentalManyToManyField(
        "procedures.ProcedureLevel",
        verbose_name=_("Cấp thực hiện"),
        related_name="procedures",
        blank=True,
        help_text=_("Đánh dấu mọi cấp giải quyết thủ tục, ví dụ: Cấp Tỉnh, Cấp Xã"),
    )
    applicants = ParentalManyToManyField(
        "procedures.ApplicantType",
        verbose_name=_("Đối tượng thực hiện"),
        related_name="procedures",
        blank=True,
        help_text=_("Ai làm thủ tục này, ví dụ: Công dân Việt Nam, Người nước ngoài, Doanh nghiệp"),
    )
    implementing_agencies = ParentalManyToManyField(
        "procedures.AgencyPage",
        verbose_name=_("Cơ quan thực hiện"),
        related_name="implemented_procedures",
        blank=True,
        help_text=_("Các cơ quan trực tiếp tiếp nhận và giải quyết hồ sơ; gõ vào ô lọc để tìm nhanh"),
    )
    authorised_agencies = models.TextField(
        _("Cơ quan có thẩm quyền"),
        blank=True,
        help_text=_("Cơ quan, người có thẩm quyền quyết định, như quyết định công bố, ví dụ: Chủ tịch UBND cấp xã"),
    )
    coordinating_agencies = models.TextField(
        _("Cơ quan phối hợp"), blank=True, help_text=_("Cơ quan phối hợp giải quyết, mỗi cơ quan một dòng; để trống nếu không có")
    )
    where_to_submit = models.TextField(
        _("Địa chỉ tiếp nhận hồ sơ"),
        blank=True,
        help_text=_("Tên bộ phận và địa chỉ nộp hồ sơ trực tiếp, ví dụ: Bộ phận Một cửa UBND xã, số 1 đường Lê Lợi"),
    )
    requirements = RichTextField(
        _("Yêu cầu, điều kiện"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Điều kiện người làm thủ tục phải đáp ứng, mỗi điều kiện một gạch đầu dòng; để trống nếu không có"),
    )
    online_level = models.CharField(
        _("Dịch vụ công trực tuyến"),
        max_length=10,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
        db_index=True,
        help_text=_("Toàn trình: nộp hồ sơ và nhận kết quả hoàn toàn trực tuyến; Một phần: còn phải đến nộp hoặc nhận"),
    )
    online_url = models.URLField(
        _("Đường dẫn nộp trực tuyến"),
        blank=True,
        max_length=500,
        help_text=_("Địa chỉ đầy đủ của trang nộp hồ sơ trên Cổng dịch vụ công, bắt đầu bằng https://"),
    )
    four_on_the_spot = models.BooleanField(
        _("Thực hiện “4 tại chỗ”"),
        default=False,
        db_index=True,
        help_text=_(
            "Đánh dấu nếu hồ sơ được tiếp nhận, thẩm định, phê duyệt và trả kết quả ngay tại Trung tâm Phục vụ hành chính công"
        ),
    )
    inter_agency = models.BooleanField(
        _("Liên thông"), default=False, help_text=_("Đánh dấu nếu hồ sơ được chuyển giữa các cơ quan, người dân chỉ nộp một lần")
    )
    keywords = models.CharField(
        _("Từ khóa"),
        max_length=500,
        blank=True,
        help_text=_("Những từ người dân hay gõ khi tìm, cách nhau bằng dấu phẩy, ví dụ: làm giấy khai sinh, khai sinh cho con"),
    )
    description = models.TextField(
        _("Mô tả"), blank=True, help_text=_("Một, hai câu bằng lời thường: thủ tục để làm gì; hiện ở đầu trang và khi tìm kiếm")
    )
    decision = models.ForeignKey(
        "news.DecisionPage",
        verbose_name=_("Quyết định công bố"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announced_procedures",
        help_text=_("Chọn quyết định công bố thủ tục nếu đã đăng trên cổng"),
    )
    decision_number = models.CharField(
        _("Số quyết định công bố"),
        max_length=100,
        blank=True,
        help_text=_("Số, ký hiệu quyết định, ví dụ: 1234/QĐ-UBND; ghi cả khi quyết định chưa đăng trên cổng"),
    )

    content_panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("procedure_type")]),
        FieldPanel("title", heading=_("Tên thủ tục")),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("fields", widget=FilteredCheckboxes),
                FieldPanel("levels", widget=FilteredCheckboxes),
                FieldPanel("applicants", widget=FilteredCheckboxes),
            ],
            heading=_("Phân loại"),
        ),
        InlinePanel("steps", heading=_("Trình tự thực hiện"), label=_("Bước")),
        InlinePanel("channels", heading=_("Cách thức, thời hạn, phí"), label=_("Cách thức")),
        InlinePanel("dossier", heading=_("Thành phần hồ sơ"), label=_("Giấy tờ")),
        MultiFieldPanel(
            [
                FieldPanel("implementing_agencies", widget=FilteredCheckboxes),
                FieldPanel("authorised_agencies"),
                FieldPanel("coordinating_agencies"),
                FieldPanel("where_to_submit"),
            ],
            heading=_("Cơ quan"),
        ),
        InlinePanel("results", heading=_("Kết quả thực hiện"), label=_("Kết quả")),
        InlinePanel("legal_bases", heading=_("Căn cứ pháp lý"), label=_("Văn bản")),
        FieldPanel("requirements"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("online_level"), FieldPanel("online_url")]),
                FieldPanel("four_on_the_spot"),
                FieldPanel("inter_agency"),
            ],
            heading=_("Dịch vụ công"),
        ),
        MultiFieldPanel([FieldPanel("decision"), FieldPanel("decision_number")], heading=_("Quyết định công bố")),
        InlinePanel("related_links", heading=_("Thủ tục liên quan"), label=_("Thủ tục")),
        FieldPanel("keywords"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Nội dung")),
            ObjectList([FieldPanel("sidebar")], heading=_("Khối bên phải")),
            ObjectList(BasePage.promote_panels, heading=_("Quảng bá")),
            ObjectList(BasePage.settings_panels, heading=_("Thiết lập")),
        ]
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("code"),
        index.SearchField("keywords"),
        index.SearchField("description"),
        index.FilterField("online_level"),
        index.FilterField("four_on_the_spot"),
    ]
    parent_page_types = ["procedures.AgencyPage"]
    subpage_types = []
    base_form_class = PageForm
    admin_help_texts = {"title": _("Tên đầy đủ như trong quyết định công bố, ví dụ: Đăng ký khai sinh")}

    class Meta:
        verbose_name = _("Thủ tục hành chính")
        verbose_name_plural = _("Thủ tục hành chính")

    def serve(self, request, *args, **kwargs):
        return self.serve_with("procedures.views.procedure", request)

    def parts(self, request):
        """Every part of the record: its own rows and the pages it lists from the cache (one query each
        whatever their length when built); the dossier's form files read each time, as a replaced
        file purges nothing."""
        parts = for_page(request, self, "procedure-parts", self._cached_parts)
        return {
            **parts,
            "dossier": list(self.dossier.select_related("form_file")),
            "summary": summarise(parts["channels"]),
        }

    def _cached_parts(self):
        return {
            "fields": list(self.fields.all()),
            "levels": list(self.levels.all()),
            "applicants": list(self.applicants.all()),
            "implementing_agencies": list(self.implementing_agencies.all()),
            "steps": list(self.steps.all()),
            "channels": list(self.channels.all()),
            "results": list(self.results.all()),
            "legal_bases": list(self.legal_bases.select_related("document").defer("document__full_text")),
            "related": self._public_related(),
        }

    def _public_related(self):
        related = [link.procedure for link in self.related_links.select_related("procedure")]
        if not related:
            return []
        visible = set(public(ProcedurePage.objects.live()).filter(pk__in=[p.pk for p in related]).values_list("pk", flat=True))
        return [procedure for procedure in related if procedure.pk in visible]

    def structured_data(self, request, parts):
        """JSON-LD GovernmentService; the view has attached `agency` (procedures.selectors.attach_agencies)."""
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": self.title,
            "identifier": self.code,
            "serviceType": ", ".join(f.name for f in parts["fields"]),
            "description": self.description or self.title,
            "url": self.get_full_url(request),
            "provider": {"@type": "GovernmentOrganization", "name": self.agency.title},
            "audience": [{"@type": "Audience", "audienceType": a.name} for a in parts["applicants"]],
        }
        channels = []
        for channel in parts["channels"]:
            item = {"@type": "ServiceChannel", "name": channel.get_channel_display()}
            if channel.channel == Channel.ONLINE and self.online_url:
                item["serviceUrl"] = self.online_url
            elif channel.channel == Channel.IN_PERSON and self.where_to_submit:
                item["serviceLocation"] = {"@type": "Place", "address": self.where_to_submit}
            channels.append(item)
        if channels:
            data["availableChannel"] = channels
        return data
